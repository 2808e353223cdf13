// Internal to the report: the date tests and bands its computation and its figure table both use.
#ifndef IRO_SRC_REPORT_REPORT_DATES_HPP
#define IRO_SRC_REPORT_REPORT_DATES_HPP

#include <cstddef>
#include <cstdint>

#include "iro/core/date.hpp"

namespace iro {

/// Whether @p d falls in the period from @p from to @p to, both days included.
inline bool in_period(Date d, Date from, Date to) { return from <= d && d <= to; }

/// The reporting year's month of a date: April = 0 ... March = 11.
inline std::size_t report_month(Date d) { return static_cast<std::size_t>((d.month() + 8) % 12); }

/// The band of a notification's working days (NotificationFigures::bands): 0 within 1, 1 for 2-5, 2 for 6-10, 3
/// more than 10.
inline std::size_t notice_band(std::int32_t working_days) {
  return working_days <= 1 ? 0 : working_days <= 5 ? 1 : working_days <= 10 ? 2 : 3;
}

}  // namespace iro

#endif
