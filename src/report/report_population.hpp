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

/// The DfE age band on @p day (iro::age_band(): 0 under 1, 1 1-4, 2 5-9, 3 10-15, 4 16 and over), 5 with no date of
/// birth: the profile's line for the band.
inline std::size_t age_band_line(const std::optional<Date>& dob, Date day) noexcept {
  return dob ? static_cast<std::size_t>(age_band(*dob, day)) : 5;
}

/// The line of a code in the profile's table of ETHNIC codes (or of LS codes when @p legal_status): the table's
/// size (its "not recorded" line) for an empty text or any other.
std::size_t code_line(const std::string& code, bool legal_status);

/// The ethnic group line (EthnicGroup's order) of a line of the ETHNIC code table.
std::size_t ethnic_group_line(std::size_t code_line) noexcept;

/// Calls f(table, line, column, child, date, spell) once for each item counted in profile table @p t (a child,
/// or a time in care), or in every table when @p t is profile_tables, in the order of the report's times in
/// care. One walk serves the counts (every table at once) and the rows behind one figure.
template <class F>
void each_profile_item(const Report& r, int t, F&& f) {
  const Date from = r.from, to = r.to;
  const bool all = t == profile_tables;
  const auto wants = [&](int table) { return all || t == table; };
  Date month_ends[12];
  for (std::size_t m = 0; m < 12; ++m) month_ends[m] = r.from.add_months(static_cast<std::int64_t>(m) + 1).add_days(-1);
  std::uint32_t last_child = UINT32_MAX;  // looked after at any time: each child once
  for (const CareSpell& s : r.spells) {
    const TimeInCare time{s.start, s.end};
    const ChildFacts& x = r.facts[s.child];
    if (time.looked_after_on(to)) {
      const std::size_t band = wants(profile_age) ? age_band_line(x.dob, to) : 0;
      if (wants(profile_age) && r.supplied.sex) {
        const std::size_t gender = x.sex == Sex::male ? 0 : x.sex == Sex::female ? 1 : 2;
        f(profile_age, band, gender, s.child, to, s);
      }
      if (wants(profile_age)) f(profile_age, band, r.supplied.sex ? 3 : 0, s.child, to, s);
      if (wants(profile_ethnicity) || wants(profile_ethnicity_code)) {
        const std::size_t code = x.ethnicity;
        if (wants(profile_ethnicity)) f(profile_ethnicity, ethnic_group_line(code), 0, s.child, to, s);
        if (wants(profile_ethnicity_code)) f(profile_ethnicity_code, code, 0, s.child, to, s);
      }

      if (wants(profile_legal_status)) f(profile_legal_status, x.legal_status, 0, s.child, to, s);
      if (wants(profile_uasc)) f(profile_uasc, x.uasc_at_end ? 0 : 1, 0, s.child, to, s);
      if (wants(profile_stability)) f(profile_stability, x.placements >= 3 ? 0 : 1, 0, s.child, to, s);
    }
    if (wants(profile_any_time) && s.child != last_child && s.start <= to && (!s.end || *s.end >= from)) {
      last_child = s.child;
      f(profile_any_time, 0, 0, s.child, std::max(s.start, from), s);
    }
    if (wants(profile_month_end) && s.start <= month_ends[11] && (!s.end || *s.end > month_ends[0])) {
      for (std::size_t m = 0; m < 12; ++m) {
        if (time.looked_after_on(month_ends[m])) f(profile_month_end, m, 0, s.child, month_ends[m], s);
      }
    }
    const bool admitted = in_period(s.start, from, to), left = s.end && in_period(*s.end, from, to);
    if (admitted && wants(profile_movements)) f(profile_movements, report_month(s.start), 0, s.child, s.start, s);
    if (admitted && wants(profile_movements_by_age))
      f(profile_movements_by_age, age_band_line(x.dob, s.start), 0, s.child, s.start, s);
    if (left && wants(profile_movements)) f(profile_movements, report_month(*s.end), 1, s.child, *s.end, s);
    if (left && wants(profile_movements_by_age))
      f(profile_movements_by_age, age_band_line(x.dob, *s.end), 1, s.child, *s.end, s);
    if (left && wants(profile_left_reason)) {
      f(profile_left_reason, static_cast<std::size_t>(s.reason), 0, s.child, *s.end, s);
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
