/// @file date_boost.hpp
/// @brief Conversions between iro::Date and boost::gregorian::date (header-only; needs Boost.Date_Time).
#ifndef IRO_DATE_BOOST_HPP
#define IRO_DATE_BOOST_HPP

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "iro/core/date.hpp"
#include "iro/core/error.hpp"

namespace iro {

/// Converts to a Boost date.
/// @param date any iro date (all lie inside Boost's 1400-9999 range).
/// @return the same calendar day.
inline boost::gregorian::date to_boost(Date date) {
  const YearMonthDay f = date.ymd();
  return boost::gregorian::date(static_cast<unsigned short>(f.year), static_cast<unsigned short>(f.month),
                                static_cast<unsigned short>(f.day));
}

/// Converts from a Boost date.
/// @param date a Boost date.
/// @return the same calendar day.
/// @throws Error Status::invalid_date for a special value (not-a-date-time, +/-infinity);
///         Status::out_of_range for a day outside 1900-01-01 to 2199-12-31.
inline Date from_boost(const boost::gregorian::date& date) {
  if (date.is_special()) throw Error(Status::invalid_date, "a boost::gregorian::date special value is not a date");
  const auto f = date.year_month_day();
  return Date::from_ymd(static_cast<int>(f.year), static_cast<int>(f.month), static_cast<int>(f.day));
}

}  // namespace iro

#endif
