/// @file policy.hpp
/// @brief iro::Policy: the settings the rules read, with the built-in England defaults.
///
/// Where the law is silent, the answer is a setting with a documented default; every computed date can
/// say which settings made it. A Policy is a plain value: copy it, change a field, compare results.
#ifndef IRO_POLICY_HPP
#define IRO_POLICY_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iro/calendar.hpp"
#include "iro/date.hpp"

namespace iro {

/// How "3 months" and "6 months" are read.
enum class IntervalUnit : std::int32_t {
  months = 0,  ///< Calendar months by the corresponding-date rule (the law).
  days = 1,    ///< 91 and 183 days (a convention one case system uses).
};

/// The settings of the scheduling rules.
struct Policy {
  std::string id = "england";  ///< A short name for messages and explanations.
  /// How a working-day sum treats its anchor (FORMAT.md `anchor_day_counts`).
  AnchorConvention anchor = AnchorConvention::day_zero;
  /// How months are read (FORMAT.md `interval_unit`).
  IntervalUnit interval_unit = IntervalUnit::months;
  /// Council closure days on top of bank holidays (FORMAT.md `closure_days`).
  std::vector<Date> closure_days;
  /// Working days after a review within which its record is circulated (20 in the IRO Handbook; 15 locally).
  std::int32_t record_working_days = 20;
  /// Working days before a review by which the social worker's report is due (councils set 3 to 5).
  std::int32_t report_working_days_before = 3;
  /// Where a review is booked, as a share of the way from the last review to the due date, in
  /// percent: 100 books on the due date; 83 books a 3-month review at 2.5 months and a 6-month one at 5.
  std::int32_t booking_percent = 100;
  /// Lower bound of the IRO Handbook caseload band (children per FTE).
  std::int32_t caseload_low = 50;
  /// Upper bound of the IRO Handbook caseload band (children per FTE).
  std::int32_t caseload_high = 70;

  /// The built-in England policy: CPPCR 2010 and the IRO Handbook 2010 with the defaults above.
  /// @return the policy.
  static Policy england();

  /// The calendar the rules use under this policy: @p base with closure_days added.
  /// @param base the working-day calendar (for example Calendar::england_and_wales()).
  /// @return @p base itself when there are no closure days, else a new calendar.
  /// @throws Error Status::out_of_range for a closure day outside the base's range.
  Calendar calendar(const Calendar& base) const;

  /// This policy with the overrides of a case's `policy` object (tests/conformance/FORMAT.md):
  /// `anchor_day_counts`, `interval_unit`, `closure_days`, `caseload_band`, `ladder` (kept for the
  /// dispute rules). Unknown keys are errors.
  /// @param json the JSON object text.
  /// @param source a name for messages.
  /// @return the new policy.
  /// @throws Error Status::parse naming the key and the value.
  Policy with_overrides_json(std::string_view json, std::string_view source) const;

  /// The settings in one line, for explanations ("anchor is day 0; months as calendar months; ...").
  /// @return the text.
  std::string describe() const;
};

/// The name of an interval unit ("months" or "days").
/// @param unit the unit.
/// @return a static string.
const char* interval_unit_name(IntervalUnit unit) noexcept;

}  // namespace iro

#endif
