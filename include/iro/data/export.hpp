/// @file export.hpp
/// @brief Writing children's computed schedules out: CSV and JSON for case systems and analysts, and a
/// Reviews table in the SSDA903 layout.
#ifndef IRO_EXPORT_HPP
#define IRO_EXPORT_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/model/child.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// Every child's schedule as of a date as CSV, one row per held review, missed due date and next review:
/// child_id, kind (review, missed, next, error), number, regime, date (held; empty otherwise), due, rule
/// (its citation), on_time, days_late, record_due, overdue, message (for a child that could not be
/// evaluated).
/// @param children the children.
/// @param policy the policy.
/// @param calendar the calendar under the policy.
/// @param as_of the date.
/// @param refused when not null, receives the number of children that could not be evaluated (error rows).
/// @return the CSV text (RFC 4180, LF line ends).
std::string schedule_csv(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar, Date as_of,
                         std::size_t* refused = nullptr);

/// The same as JSON: an array with one object per child ({"child", "reviews", "missed", "next"} or
/// {"child", "error"}).
/// @param children the children.
/// @param policy the policy.
/// @param calendar the calendar under the policy.
/// @param as_of the date.
/// @param refused when not null, receives the number of children that could not be evaluated (error objects).
/// @return the JSON text.
std::string schedule_json(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar,
                          Date as_of, std::size_t* refused = nullptr);

/// The held reviews as an SSDA903 Reviews table: CHILD, DOB, REVIEW, REVIEW_CODE (dates DD/MM/YYYY).
/// @param children the children.
/// @return the CSV text.
std::string reviews_903_csv(const std::vector<Child>& children);

}  // namespace iro

#endif
