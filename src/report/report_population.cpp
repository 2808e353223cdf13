// The population profile ("Who the children are", issue 17): each table's shape, counted by the one walk of
// report_population.hpp over the times in care, so the figures and the rows behind them agree.
#include "report/report_population.hpp"

#include <algorithm>
#include <cstdio>

namespace iro {
namespace {

const char* const band_keys[] = {"under_1", "1_4", "5_9", "10_15", "16_plus", "unknown"};
const char* const band_labels[] = {"Under 1", "1-4", "5-9", "10-15", "16 and over", "No date of birth"};
const char* const group_keys[] = {"white", "mixed", "asian", "black", "other", "refused", "not_recorded"};
const char* const group_labels[] = {"White",
                                    "Mixed or multiple",
                                    "Asian or Asian British",
                                    "Black or Black British",
                                    "Other ethnic group",
                                    "Refused or not obtained",
                                    "Not recorded"};
// The SSDA903 ETHNIC codes in the DfE's order, then the empty value.
const char* const ethnic_codes[] = {"WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
                                    "APKN", "ABAN", "AOTH", "CHNE", "BCRB", "BAFR", "BOTH", "OOTH", "REFU", "NOBT"};
const char* const legal_codes[] = {"C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"};
const char* const reason_keys[] = {"adopted",       "special_guardianship", "child_arrangements",
                                   "returned_home", "independent_living",   "aged_18",
                                   "other",         "not_recorded"};
const char* const reason_labels[] = {"Adopted (E11, E12)",
                                     "Special guardianship order (E43-E48)",
                                     "Residence or child arrangements order (E41)",
                                     "Returned home (E13, E4A, E4B)",
                                     "Independent living (E5, E6)",
                                     "Aged 18 (E15, E17, or the 18th birthday)",
                                     "Other (E2, E3, E7, E8, E9, E14, E16, X1)",
                                     "Not recorded"};
const char* const month_labels[] = {"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};

ProfileTable table(const char* name, std::string title, std::vector<std::string> columns,
                   std::vector<std::string> labels) {
  ProfileTable t;
  t.name = name;
  t.title = std::move(title);
  t.columns = std::move(columns);
  t.column_labels = std::move(labels);
  return t;
}

void lines(ProfileTable& t, const char* const* keys, const char* const* labels, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    t.lines.push_back({keys[i], labels[i], std::vector<std::size_t>(t.columns.size())});
}

void absent(ProfileTable& t, bool supplied, const char* why) {
  if (supplied) return;
  t.supplied = false;
  t.absent = std::string("not supplied: the casebook has no ") + why;
  t.lines.clear();
}

}  // namespace

// A code of up to four characters as one number (anything longer matches no code).
constexpr std::uint32_t pack(std::string_view code) noexcept {
  if (code.size() > 4) return UINT32_MAX;
  std::uint32_t key = 0;
  for (std::size_t i = 0; i < code.size(); ++i)
    key |= static_cast<std::uint32_t>(static_cast<unsigned char>(code[i])) << (8 * i);
  return key;
}

std::size_t code_line(const std::string& code, bool legal_status) {
  // The codes as numbers, so that a child costs a few integer compares (the report walks every child).
  static const std::vector<std::uint32_t> ethnic = [] {
    std::vector<std::uint32_t> v;
    for (const char* c : ethnic_codes) v.push_back(pack(c));
    return v;
  }();
  static const std::vector<std::uint32_t> legal = [] {
    std::vector<std::uint32_t> v;
    for (const char* c : legal_codes) v.push_back(pack(c));
    return v;
  }();
  const std::vector<std::uint32_t>& keys = legal_status ? legal : ethnic;
  if (code.empty()) return keys.size();  // not recorded
  const std::uint32_t key = pack(code);
  // The ETHNIC codes by their first letter (W 0-4, M 5-8, A 9-12, C 13, B 14-16, O 17, R 18, N 19).
  std::size_t i = 0, end = keys.size();
  if (!legal_status) {
    switch (code[0]) {
      case 'W': end = 5; break;
      case 'M': i = 5, end = 9; break;
      case 'A': i = 9, end = 13; break;
      case 'C': i = 13, end = 14; break;
      case 'B': i = 14, end = 17; break;
      case 'O': i = 17, end = 18; break;
      case 'R': i = 18, end = 19; break;
      case 'N': i = 19, end = 20; break;
      default: return keys.size();
    }
  }
  for (; i < end; ++i) {
    if (keys[i] == key) return i;
  }
  return keys.size();  // not recorded
}

std::size_t ethnic_group_line(std::size_t code_line) noexcept {
  // WBRI..WROM White, MWBC..MOTH Mixed, AIND..CHNE Asian, BCRB..BOTH Black, OOTH Other, REFU NOBT refused.
  static const std::size_t groups[] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 5, 5, 6};
  return code_line < std::size(groups) ? groups[code_line] : 6;
}

void count_profile(Report& r) {
  const std::string end = r.to.iso();
  std::vector<ProfileTable>& p = r.profile;
  p.clear();
  const std::vector<std::string> one = {""}, children = {"Children"};
  // Age by gender: the gender columns only when SEX was supplied.
  if (r.supplied.sex) {
    p.push_back(table("age", "Age on " + end + " by gender", {"male", "female", "not_recorded", "all"},
                      {"Male", "Female", "Not recorded", "All"}));
  } else {
    p.push_back(table("age", "Age on " + end + " (gender not supplied: no SEX in header.csv)", {"all"}, {"All"}));
  }
  lines(p.back(), band_keys, band_labels, 6);
  p.push_back(table("ethnicity", "Ethnic group on " + end, one, children));
  lines(p.back(), group_keys, group_labels, 7);
  absent(p.back(), r.supplied.ethnicity, "ethnicity (ETHNIC in header.csv)");
  p.push_back(table("ethnicity_code", "Ethnicity code on " + end, one, children));
  lines(p.back(), ethnic_codes, ethnic_codes, std::size(ethnic_codes));
  p.back().lines.push_back({"not_recorded", "Not recorded", {0}});
  absent(p.back(), r.supplied.ethnicity, "ethnicity (ETHNIC in header.csv)");
  p.push_back(table("legal_status", "Legal status on " + end, one, children));
  lines(p.back(), legal_codes, legal_codes, std::size(legal_codes));
  p.back().lines.push_back({"not_recorded", "Not recorded", {0}});
  absent(p.back(), r.supplied.legal_status, "legal statuses (LS in episodes.csv)");
  p.push_back(table("uasc", "Unaccompanied asylum-seeking children on " + end, one, children));
  p.back().lines.push_back({"uasc", "UASC", {0}});
  p.back().lines.push_back({"not_uasc", "Not UASC", {0}});
  absent(p.back(), r.supplied.uasc, "UASC table (uasc.csv)");
  p.push_back(table("any_time", "Looked after at any time in the year", one, children));
  p.back().lines.push_back({"", "Children", {0}});
  p.push_back(table("month_end", "Looked after at each month end", one, children));
  p.push_back(table("movements", "Started and ceased to be looked after, by month", {"admitted", "left"},
                    {"Admitted", "Left"}));
  p.push_back(table("movements_by_age", "Started and ceased to be looked after, by age then", {"admitted", "left"},
                    {"Admitted", "Left"}));
  lines(p.back(), band_keys, band_labels, 6);
  for (std::size_t m = 0; m < 12; ++m) {
    char key[16];
    const int y = m < 9 ? r.year : r.year + 1;
    std::snprintf(key, sizeof key, "%04d-%02d", y, static_cast<int>((m + 3) % 12 + 1));
    const std::string label = std::string(month_labels[m]) + " " + std::to_string(y);
    p[profile_month_end].lines.push_back({key, label, {0}});
    p[profile_movements].lines.push_back({key, label, {0, 0}});
  }
  p.push_back(table("left_reason", "Why care ended", one, children));
  lines(p.back(), reason_keys, reason_labels, std::size(reason_keys));
  absent(p.back(), r.supplied.leaving_reasons, "reasons care ended (REC in episodes.csv)");
  p.push_back(table("stability", "Placements in the year of the children looked after on " + end, one, children));
  p.back().lines.push_back({"3_or_more", "3 or more", {0}});
  p.back().lines.push_back({"2_or_fewer", "2 or fewer", {0}});
  absent(p.back(), r.supplied.placements, "placements (episodes.csv)");
  // Every table in one walk, into one flat array of counts (no table has more than 21 lines and 4 columns), then
  // into the tables (a table not supplied has no lines and keeps no count).
  constexpr std::size_t lines_max = 21, columns_max = 4;
  std::vector<std::size_t> counts(profile_tables * lines_max * columns_max, 0);
  each_profile_item(r, profile_tables,
                    [&](int t, std::size_t line, std::size_t column, std::uint32_t, Date, const CareSpell&) {
                      ++counts[(static_cast<std::size_t>(t) * lines_max + line) * columns_max + column];
                    });
  for (std::size_t t = 0; t < p.size(); ++t) {
    for (std::size_t l = 0; l < p[t].lines.size(); ++l) {
      for (std::size_t c = 0; c < p[t].lines[l].counts.size(); ++c)
        p[t].lines[l].counts[c] = counts[(t * lines_max + l) * columns_max + c];
    }
  }
}

std::string profile_detail(const Report& r, const CareSpell& s) {
  const ChildFacts& x = r.facts[s.child];
  std::string d = "looked after from " + s.start.iso() + (s.end ? " to " + s.end->iso() : std::string(", still"));
  if (s.end) {
    const std::string rec(s.rec.data(),
                          static_cast<std::size_t>(std::find(s.rec.begin(), s.rec.end(), '\0') - s.rec.begin()));
    d += s.at_18 ? " (18th birthday)" : rec.empty() ? std::string() : " (" + rec + ")";
  }
  d += x.dob ? "; born " + x.dob->iso() : std::string("; no date of birth");
  if (r.supplied.sex) d += x.sex == Sex::male ? ", male" : x.sex == Sex::female ? ", female" : ", sex not recorded";
  if (r.supplied.ethnicity)
    d += x.ethnicity < std::size(ethnic_codes) ? ", " + std::string(ethnic_codes[x.ethnicity])
                                               : std::string(", ethnicity not recorded");
  if (r.supplied.legal_status && x.legal_status < std::size(legal_codes))
    d += ", " + std::string(legal_codes[x.legal_status]) + " on " + r.to.iso();
  if (r.supplied.uasc && x.uasc_at_end) d += ", UASC";
  if (r.supplied.placements)
    d += ", " + std::to_string(x.placements) + (x.placements == 1 ? " placement" : " placements") + " in the year";
  return d;
}

}  // namespace iro
