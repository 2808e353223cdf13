// Internal to the report: the population profile ("Who the children are"). Its tables are counted once from
// the report's times in care (Report::spells) and what it keeps of each child (Report::facts), and the rows
// behind each figure are found by the same walk (each_profile_item()), so a count and its rows cannot differ.
#ifndef IRO_SRC_REPORT_REPORT_POPULATION_HPP
#define IRO_SRC_REPORT_REPORT_POPULATION_HPP

#include <cstddef>
#include <cstdint>
#include <string>

#include "iro/report/report.hpp"
#include "report/report_dates.hpp"

namespace iro {

/// The profile's tables, in the report's order (Report::profile holds them in this order).
enum ProfileTableId : int {
  profile_age = 0,           ///< age band on 31 March by gender
  profile_ethnicity,         ///< ethnic group on 31 March
  profile_ethnicity_code,    ///< ETHNIC code on 31 March
  profile_legal_status,      ///< legal status on 31 March
  profile_uasc,              ///< UASC on 31 March
  profile_any_time,          ///< looked after at any time in the year
  profile_month_end,         ///< looked after at each month end
  profile_movements,         ///< admitted and left, by month
  profile_movements_by_age,  ///< admitted and left, by age band
  profile_left_reason,       ///< why care ended
  profile_stability,         ///< placements in the year of those looked after on 31 March
  profile_tables,
};

/// Age in whole years on @p day of a child born on @p dob (a 29 February birthday falls on 1 March).
inline int age_on(Date dob, Date day) noexcept {
  int age = day.year() - dob.year();
  if (day.month() < dob.month() || (day.month() == dob.month() && day.day() < dob.day())) --age;
  return age;
}

/// The DfE age band on @p day: 0 under 1, 1 1-4, 2 5-9, 3 10-15, 4 16 and over, 5 no date of birth.
inline std::size_t age_band(const std::optional<Date>& dob, Date day) noexcept {
  if (!dob) return 5;
  const int a = age_on(*dob, day);
  return a < 1 ? 0 : a < 5 ? 1 : a < 10 ? 2 : a < 16 ? 3 : 4;
}

/// The last day of the reporting year's month @p m (April = 0).
inline Date month_end(const Report& r, std::size_t m) {
  return r.from.add_months(static_cast<std::int64_t>(m) + 1).add_days(-1);
}

/// The line of a code in a list of codes (the list's size when it is not there).
std::size_t code_line(const std::string& code, bool legal_status);

/// Calls f(line, column, child, date, spell) once for each item counted in profile table @p t (a child, or a
/// time in care), in the order of the report's times in care.
template <class F>
void each_profile_item(const Report& r, int t, F&& f) {
  const Date from = r.from, to = r.to;
  std::uint32_t last_child = UINT32_MAX;  // looked after at any time: each child once
  for (const CareSpell& s : r.spells) {
    const TimeInCare time{s.start, s.end};
    const ChildFacts& x = r.facts[s.child];
    const bool at_end = time.looked_after_on(to);
    switch (t) {
      case profile_age:
        if (!at_end) break;
        if (r.supplied.sex)
          f(age_band(x.dob, to), static_cast<std::size_t>(x.sex == Sex::not_recorded ? 2 : static_cast<int>(x.sex) - 1),
            s.child, to, s);
        f(age_band(x.dob, to), r.supplied.sex ? 3 : 0, s.child, to, s);
        break;
      case profile_ethnicity:
        if (at_end)
          f(static_cast<std::size_t>(ethnic_group(x.ethnicity).value_or(EthnicGroup::not_recorded)), 0, s.child, to, s);
        break;
      case profile_ethnicity_code:
        if (at_end) f(code_line(x.ethnicity, false), 0, s.child, to, s);
        break;
      case profile_legal_status:
        if (at_end) f(code_line(x.legal_status_at_end, true), 0, s.child, to, s);
        break;
      case profile_uasc:
        if (at_end) f(x.uasc_at_end ? 0 : 1, 0, s.child, to, s);
        break;
      case profile_any_time:
        if (s.child != last_child && s.start <= to && (!s.end || *s.end >= from)) {
          last_child = s.child;
          f(0, 0, s.child, std::max(s.start, from), s);
        }
        break;
      case profile_month_end:
        for (std::size_t m = 0; m < 12; ++m) {
          const Date end = month_end(r, m);
          if (time.looked_after_on(end)) f(m, 0, s.child, end, s);
        }
        break;
      case profile_movements:
      case profile_movements_by_age:
        if (in_period(s.start, from, to))
          f(t == profile_movements ? report_month(s.start) : age_band(x.dob, s.start), 0, s.child, s.start, s);
        if (s.end && in_period(*s.end, from, to))
          f(t == profile_movements ? report_month(*s.end) : age_band(x.dob, *s.end), 1, s.child, *s.end, s);
        break;
      case profile_left_reason:
        if (s.end && in_period(*s.end, from, to)) {
          const LeavingReason why =
              s.at_18 ? LeavingReason::aged_18 : leaving_reason(s.reason_ended).value_or(LeavingReason::not_recorded);
          f(static_cast<std::size_t>(why), 0, s.child, *s.end, s);
        }
        break;
      case profile_stability:
        if (at_end) f(x.placements >= 3 ? 0 : 1, 0, s.child, to, s);
        break;
      default: break;
    }
  }
}

/// Fills Report::profile from Report::spells and Report::facts (Report::supplied already set).
/// @param r the report.
void count_profile(Report& r);

/// What a row of the profile says about its child and time in care.
/// @param r the report.
/// @param s the time in care.
/// @return the words.
std::string profile_detail(const Report& r, const CareSpell& s);

}  // namespace iro

#endif
