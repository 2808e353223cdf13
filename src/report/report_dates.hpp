// Internal to the report: the two date tests its computation and its figure table both use.
#ifndef IRO_SRC_REPORT_REPORT_DATES_HPP
#define IRO_SRC_REPORT_REPORT_DATES_HPP

#include <cstddef>

#include "iro/core/date.hpp"

namespace iro {

/// Whether @p d falls in the period from @p from to @p to, both days included.
inline bool in_period(Date d, Date from, Date to) { return from <= d && d <= to; }

/// The reporting year's month of a date: April = 0 ... March = 11.
inline std::size_t report_month(Date d) { return static_cast<std::size_t>((d.month() + 8) % 12); }

}  // namespace iro

#endif
