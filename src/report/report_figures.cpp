// The one table of the report's figures: each kind declared once, with its name pattern, its table, its
// definition (docs/report.md quotes it; a test checks), which figures of the kind a report has with their
// counts, and how the rows behind one of them are listed. Adding a figure is one entry here and its
// computation in report.cpp.
#include "iro/report/report_figures.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "iro/core/error.hpp"
#include "report/report_dates.hpp"
#include "report/report_population.hpp"

namespace iro {
namespace {

const char* const timeliness_measures[] = {"due", "held", "in_time", "late_or_missed"};
const char* const number_keys[] = {"first", "second", "subsequent"};
const char* const pn_keys[] = {"PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7", "none"};
const char* const records_measures[] = {"held", "recorded", "within_target", "late", "not_recorded"};
const char* const midway_measures[] = {"held", "children", "intervals", "covered"};
const char* const population_measures[] = {"start", "end", "entered", "left"};
const char* const dispute_measures[] = {"raised",    "informal_raised", "became_formal", "resolved",
                                        "withdrawn", "cafcass",         "open",          "overdue"};

using Figures = std::vector<Figure>;
using Rows = std::vector<ReportTrace>;

Figure figure(std::uint16_t kind, std::string name, std::size_t count, std::int32_t a = 0, std::int32_t b = 0,
              std::int32_t c = 0, std::string key = {}) {
  return Figure{std::move(name), count, kind, {a, b, c}, std::move(key)};
}

std::string due_detail(const DueReview& d) {
  std::string s =
      (d.number > 0 ? "review " + std::to_string(d.number) + " " : std::string("review ")) + "due " + d.due.iso();
  if (!d.held) return s + ", not held";
  return s + ", held " + d.held->iso() +
         (d.in_time ? " (in time)" : " (late by " + std::to_string(*d.held - d.due) + " days)");
}

// The name of the reporting year's month @p m (April = 0): "2024-04".
std::string month_key(const Report& r, std::size_t m) {
  char key[16];
  std::snprintf(key, sizeof key, "%04d-%02d", m < 9 ? r.year : r.year + 1, static_cast<int>((m + 3) % 12 + 1));
  return key;
}

// ---- timeliness.PERIOD.MEASURE: select {first month, last month (April = 0), measure} ----
void timeliness_list(const Report& r, std::uint16_t kind, Figures& out) {
  const auto period = [&](const std::string& name, const TimelinessRow& t, std::int32_t first, std::int32_t last) {
    const std::size_t counts[] = {t.due, t.held, t.in_time, t.due - t.in_time};
    for (std::int32_t m = 0; m < 4; ++m) {
      out.push_back(figure(kind, "timeliness." + name + "." + timeliness_measures[m], counts[m], first, last, m));
    }
  };
  for (std::int32_t m = 0; m < 12; ++m)
    period(month_key(r, static_cast<std::size_t>(m)), r.months[static_cast<std::size_t>(m)], m, m);
  for (std::int32_t q = 0; q < 4; ++q)
    period("Q" + std::to_string(q + 1), r.quarters[static_cast<std::size_t>(q)], q * 3, q * 3 + 2);
  period("year", r.total, 0, 11);
}

void timeliness_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const DueReview& d : r.due_reviews) {
    const auto m = static_cast<std::int32_t>(report_month(d.due));
    if (d.year != 0 || m < f.select[0] || m > f.select[1]) continue;
    const bool take = f.select[2] == 0 || (f.select[2] == 1 && d.held) || (f.select[2] == 2 && d.in_time) ||
                      (f.select[2] == 3 && !d.in_time);
    if (take) rows.push_back({r.children[d.child], d.due, due_detail(d)});
  }
}

// ---- by_number.YEAR.NUMBER.MEASURE: select {years ago, number (0-2), measure (0 due, 1 in time)} ----
void by_number_list(const Report& r, std::uint16_t kind, Figures& out) {
  for (std::size_t y = 0; y < r.by_number.size(); ++y) {
    const ByNumberRow& b = r.by_number[y];
    const auto ago = static_cast<std::int32_t>(r.by_number.size() - 1 - y);
    for (std::size_t k = 0; k < 3; ++k) {
      const std::string stem = "by_number." + b.year + "." + number_keys[k];
      out.push_back(figure(kind, stem + ".due", b.due[k], ago, static_cast<std::int32_t>(k), 0));
      out.push_back(figure(kind, stem + ".in_time", b.in_time[k], ago, static_cast<std::int32_t>(k), 1));
    }
  }
}

void by_number_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const DueReview& d : r.due_reviews) {
    if (d.year != f.select[0] || std::min<std::int32_t>(d.number, 3) != f.select[1] + 1) continue;
    if (f.select[2] == 0 || d.in_time) rows.push_back({r.children[d.child], d.due, due_detail(d)});
  }
}

// ---- participation.CODE: select {code index: PN0-PN7, 8 for none} ----
std::size_t code_index(Participation p) {
  const int code = static_cast<int>(p);
  return static_cast<std::size_t>(code < 0 ? 8 : code);
}

void participation_list(const Report& r, std::uint16_t kind, Figures& out) {
  for (std::size_t c = 0; c < 9; ++c) {
    out.push_back(
        figure(kind, std::string("participation.") + pn_keys[c], r.participation[c], static_cast<std::int32_t>(c)));
  }
}

void participation_rows(const Report& r, const Figure& f, Rows& rows) {
  const auto c = static_cast<std::size_t>(f.select[0]);
  for (const HeldReview& h : r.held_reviews) {
    if (h.year == 0 && code_index(h.participation) == c)
      rows.push_back({r.children[h.child], h.date, std::string("held, ") + pn_keys[c]});
  }
}

// ---- records.MEASURE: select {measure} ----
void records_list(const Report& r, std::uint16_t kind, Figures& out) {
  const RecordsFigures& x = r.records;
  const std::size_t counts[] = {x.held, x.recorded, x.within_target, x.late, x.not_recorded};
  for (std::int32_t m = 0; m < 5; ++m)
    out.push_back(figure(kind, std::string("records.") + records_measures[m], counts[m], m));
}

void records_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const HeldReview& h : r.held_reviews) {
    if (h.year != 0) continue;
    const bool within = h.record_sent && *h.record_sent <= h.record_due;
    const std::int32_t m = f.select[0];
    const bool take = m == 0 || (m == 1 && h.record_sent) || (m == 2 && within) ||
                      (m == 3 && h.record_sent && !within) || (m == 4 && !h.record_sent);
    if (!take) continue;
    rows.push_back({r.children[h.child], h.date,
                    "held " + h.date.iso() + ", record due " + h.record_due.iso() +
                        (h.record_sent ? ", sent " + h.record_sent->iso() : std::string(", no record date"))});
  }
}

// ---- midway.MEASURE: select {measure} ----
void midway_list(const Report& r, std::uint16_t kind, Figures& out) {
  const MidwayFigures& m = r.midway;
  const std::size_t counts[] = {m.held, m.children, m.intervals, m.covered};
  for (std::int32_t i = 0; i < 4; ++i)
    out.push_back(figure(kind, std::string("midway.") + midway_measures[i], counts[i], i));
}

void midway_rows(const Report& r, const Figure& f, Rows& rows) {
  if (f.select[0] <= 1) {  // each midway review, or each child once at their first
    std::vector<bool> seen(r.children.size(), false);
    for (const auto& [c, d] : r.midways) {
      if (f.select[0] == 1 && seen[c]) continue;
      seen[c] = true;
      rows.push_back({r.children[c], d, "midway review " + d.iso()});
    }
    return;
  }
  for (const HeldReview& h : r.held_reviews) {
    if (h.year != 0 || !h.previous || (f.select[0] == 3 && !h.midway)) continue;
    rows.push_back({r.children[h.child], h.date,
                    "reviews " + h.previous->iso() + " and " + h.date.iso() +
                        (h.midway ? ", midway between" : ", no midway between")});
  }
}

// ---- population.MEASURE: select {measure} ----
void population_list(const Report& r, std::uint16_t kind, Figures& out) {
  const std::size_t counts[] = {r.looked_after_start, r.looked_after_end, r.entered, r.left};
  for (std::int32_t m = 0; m < 4; ++m)
    out.push_back(figure(kind, std::string("population.") + population_measures[m], counts[m], m));
}

void population_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const CareSpell& p : r.spells) {
    const TimeInCare time{p.start, p.end};
    const std::int32_t m = f.select[0];
    const bool take = (m == 0 && time.looked_after_on(r.from.add_days(-1))) || (m == 1 && time.looked_after_on(r.to)) ||
                      (m == 2 && in_period(p.start, r.from, r.to)) ||
                      (m == 3 && p.end && in_period(*p.end, r.from, r.to));
    if (!take) continue;
    rows.push_back({r.children[p.child], m == 3 ? *p.end : p.start,
                    "looked after from " + p.start.iso() + (p.end ? " to " + p.end->iso() : std::string(", still"))});
  }
}

// ---- overdue_at_end ----
void overdue_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "overdue_at_end", r.overdue_at_end));
}

void overdue_rows(const Report& r, const Figure&, Rows& rows) {
  for (const auto& [c, due] : r.overdue) rows.push_back({r.children[c], due, "next review was due " + due.iso()});
}

// ---- caseload.OFFICER: select {officer's roster index} ----
void caseload_list(const Report& r, std::uint16_t kind, Figures& out) {
  for (const OfficerLoad& l : r.caseloads.officers) {
    out.push_back(
        figure(kind, "caseload." + r.officer_ids[l.officer], l.children, static_cast<std::int32_t>(l.officer)));
  }
}

void caseload_rows(const Report& r, const Figure& f, Rows& rows) {
  const auto officer = static_cast<std::size_t>(f.select[0]);
  for (const auto& [o, child] : r.allocated) {
    if (o == officer) rows.push_back({child, r.to, "allocated to " + r.officer_ids[o] + " on " + r.to.iso()});
  }
}

// ---- held.MONTH: select {month (April = 0)} ----

void held_list(const Report& r, std::uint16_t kind, Figures& out) {
  for (std::size_t m = 0; m < 12; ++m)
    out.push_back(figure(kind, "held." + month_key(r, m), r.held_by_month[m], static_cast<std::int32_t>(m)));
}

void held_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const HeldReview& h : r.held_reviews) {
    if (h.year == 0 && static_cast<std::int32_t>(report_month(h.date)) == f.select[0])
      rows.push_back({r.children[h.child], h.date,
                      "held " + h.date.iso() + (h.in_time ? " (in time)" : " (late)") + ", " +
                          pn_keys[code_index(h.participation)]});
  }
}

// ---- participation.age.BAND.MEASURE: select {band (AgeBand, 5 unknown), measure (0 held, 1 PN0, 2 took part,
// 3 four and over)} ----
const char* const age_measures[] = {"held", "PN0", "took_part", "four_and_over"};

std::string band_key(std::size_t b) { return b < 5 ? age_band_name(static_cast<AgeBand>(b)) : "unknown"; }

bool age_measure_counts(std::size_t code, std::int32_t m) {
  return m == 0 || (m == 1 && code == 0) || (m == 2 && code >= 1 && code <= 6) || (m == 3 && code >= 1 && code <= 7);
}

void participation_age_list(const Report& r, std::uint16_t kind, Figures& out) {
  for (std::size_t b = 0; b < 6; ++b) {
    for (std::int32_t m = 0; m < 4; ++m) {
      std::size_t n = 0;
      for (std::size_t c = 0; c < 9; ++c) n += age_measure_counts(c, m) ? r.participation_by_age[b][c] : 0;
      out.push_back(
          figure(kind, "participation.age." + band_key(b) + "." + age_measures[m], n, static_cast<std::int32_t>(b), m));
    }
  }
}

void participation_age_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const HeldReview& h : r.held_reviews) {
    const std::int32_t band = h.age_band < 0 ? 5 : h.age_band;
    if (h.year != 0 || band != f.select[0] || !age_measure_counts(code_index(h.participation), f.select[1])) continue;
    rows.push_back({r.children[h.child], h.date,
                    "held " + h.date.iso() + ", " + pn_keys[code_index(h.participation)] + ", age band " +
                        band_key(static_cast<std::size_t>(band))});
  }
}

// ---- pre_meeting.MEASURE: select {measure} ----
const char* const pre_meeting_measures[] = {"held", "received", "on_time", "late", "not_recorded"};

void pre_meeting_list(const Report& r, std::uint16_t kind, Figures& out) {
  const PreMeetingFigures& x = r.pre_meeting;
  const std::size_t counts[] = {x.held, x.received, x.on_time, x.late, x.not_recorded};
  for (std::int32_t m = 0; m < 5; ++m)
    out.push_back(figure(kind, std::string("pre_meeting.") + pre_meeting_measures[m], counts[m], m));
}

void pre_meeting_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const HeldReview& h : r.held_reviews) {
    if (h.year != 0) continue;
    const bool on_time = h.report_received && *h.report_received <= h.report_due;
    const std::int32_t m = f.select[0];
    const bool take = m == 0 || (m == 1 && h.report_received) || (m == 2 && on_time) ||
                      (m == 3 && h.report_received && !on_time) || (m == 4 && !h.report_received);
    if (!take) continue;
    rows.push_back(
        {r.children[h.child], h.date,
         "held " + h.date.iso() + ", report due " + h.report_due.iso() +
             (h.report_received ? ", received " + h.report_received->iso() : std::string(", no date recorded"))});
  }
}

// ---- cancellations.all, cancellations.reason.REASON: select {0 all, 1 one reason}; key the reason ----
void cancellations_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "cancellations.all", r.cancelled.size(), 0));
}

void cancellation_reasons_list(const Report& r, std::uint16_t kind, Figures& out) {
  CodeCounts by_reason;
  for (const CancelledReview& c : r.cancelled) ++by_reason[c.reason.empty() ? "(none given)" : c.reason];
  for (const auto& [reason, n] : by_reason)
    out.push_back(figure(kind, "cancellations.reason." + reason, n, 1, 0, 0, reason));
}

void cancellations_rows(const Report& r, const Figure& f, Rows& rows) {
  for (const CancelledReview& c : r.cancelled) {
    const std::string reason = c.reason.empty() ? "(none given)" : c.reason;
    if (f.select[0] == 1 && reason != f.key) continue;
    rows.push_back({r.children[c.child], c.date, "review of " + c.date.iso() + " cancelled: " + reason});
  }
}

// ---- exceptions.MEASURE: select {0 agreed, 1 late or missed without one} ----
void exceptions_list(const Report& r, std::uint16_t kind, Figures& out) {
  std::size_t without = 0;
  for (const DueReview& d : r.due_reviews) without += d.year == 0 && !d.in_time && !d.agreed;
  out.push_back(figure(kind, "exceptions.agreed", r.agreed_late.size(), 0));
  out.push_back(figure(kind, "exceptions.late_without", without, 1));
}

void exceptions_rows(const Report& r, const Figure& f, Rows& rows) {
  if (f.select[0] == 0) {
    for (const AgreedLateReview& a : r.agreed_late) {
      rows.push_back({r.children[a.child], a.due,
                      "review due " + a.due.iso() + ", held " + a.held.iso() + ": agreed: " + a.reason});
    }
    return;
  }
  for (const DueReview& d : r.due_reviews) {
    if (d.year == 0 && !d.in_time && !d.agreed) rows.push_back({r.children[d.child], d.due, due_detail(d)});
  }
}

// ---- notification.MEASURE: select {measure} ----
const char* const notification_measures[] = {"entered", "notified", "not_recorded", "within_1",
                                             "2_to_5",  "6_to_10",  "over_10"};

void notification_list(const Report& r, std::uint16_t kind, Figures& out) {
  const NotificationFigures& x = r.notification;
  const std::size_t counts[] = {x.entered, x.notified, x.not_recorded, x.bands[0], x.bands[1], x.bands[2], x.bands[3]};
  for (std::int32_t m = 0; m < 7; ++m)
    out.push_back(figure(kind, std::string("notification.") + notification_measures[m], counts[m], m));
}

void notification_rows(const Report& r, const Figure& f, Rows& rows) {
  const std::int32_t m = f.select[0];
  for (const CareSpell& p : r.spells) {
    if (!in_period(p.start, r.from, r.to)) continue;
    const bool take = m == 0 || (m == 1 && p.notified) || (m == 2 && !p.notified) ||
                      (m >= 3 && p.notified && static_cast<std::int32_t>(notice_band(p.notice_working_days)) == m - 3);
    if (!take) continue;
    rows.push_back({r.children[p.child], p.start,
                    "looked after from " + p.start.iso() +
                        (p.notified ? ", IRO service told " + p.notified->iso() + " (" +
                                          std::to_string(p.notice_working_days) + " working days)"
                                    : std::string(", no notification date"))});
  }
}

// ---- caseload.month_end.MONTH: select {month (April = 0)} ----
void month_end_list(const Report& r, std::uint16_t kind, Figures& out) {
  for (std::size_t m = 0; m < r.month_end_caseloads.size(); ++m) {
    out.push_back(figure(kind, "caseload.month_end." + month_key(r, m), r.month_end_caseloads[m].team.children,
                         static_cast<std::int32_t>(m)));
  }
}

void month_end_rows(const Report& r, const Figure& f, Rows& rows) {
  const CaseloadCheck& check = r.month_end_caseloads[static_cast<std::size_t>(f.select[0])];
  const Date day = check.team.date;
  std::vector<bool> in_post(r.officer_ids.size(), false);
  for (const OfficerLoad& l : check.officers) in_post[l.officer] = true;
  for (const Allocation& a : r.allocation_spans) {
    if (in_post[a.officer] && allocated_on(a, day))
      rows.push_back(
          {r.roster_children[a.child], day, "allocated to " + r.officer_ids[a.officer] + " on " + day.iso()});
  }
}

// ---- iro_changes.MEASURE: select {0 children, 1 changes} ----
void iro_changes_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "iro_changes.children", r.iro_changes.children - r.iro_changes.kept_one_iro, 0));
  out.push_back(figure(kind, "iro_changes.changes", r.iro_changes.changes, 1));
}

void iro_changes_rows(const Report& r, const Figure& f, Rows& rows) {
  std::size_t last = SIZE_MAX;
  for (const OfficerChange& c : r.iro_changes.change_list) {
    if (f.select[0] == 0 && c.child == last) continue;  // each child once, at their first change
    last = c.child;
    rows.push_back({r.roster_children[c.child], c.date,
                    f.select[0] == 0 ? std::to_string(r.iro_changes.changes_per_child[c.child]) +
                                           " change(s) of IRO in the year, the first from " + r.officer_ids[c.from] +
                                           " to " + r.officer_ids[c.to]
                                     : "IRO changed from " + r.officer_ids[c.from] + " to " + r.officer_ids[c.to]});
  }
}

// ---- disputes: select {0 a measure, 1 a category, 2 resolved at a stage, 3 open at a stage; measure} ----
void disputes_list(const Report& r, std::uint16_t kind, Figures& out) {
  const DisputeFigures& d = r.disputes;
  const std::size_t counts[] = {d.raised,    d.informal_raised, d.became_formal, d.resolved,
                                d.withdrawn, d.cafcass,         d.open,          d.overdue};
  for (std::int32_t m = 0; m < 8; ++m)
    out.push_back(figure(kind, std::string("disputes.") + dispute_measures[m], counts[m], 0, m));
}

template <class Counted>
void keyed_list(const Counted& counted, const char* prefix, std::int32_t which, std::uint16_t kind, Figures& out) {
  for (const auto& [k, v] : counted) out.push_back(figure(kind, prefix + k, v, which, 0, 0, k));
}

void category_list(const Report& r, std::uint16_t kind, Figures& out) {
  keyed_list(r.disputes.by_category, "disputes.category.", 1, kind, out);
}
void resolved_category_list(const Report& r, std::uint16_t kind, Figures& out) {
  keyed_list(r.disputes.resolved_by_category, "disputes.resolved_category.", 4, kind, out);
}
void formal_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "disputes.formal", r.disputes.formal, 5));
}
void children_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "disputes.children", r.disputes.children, 0));
}
void formal_children_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "disputes.formal_children", r.disputes.formal_children, 1));
}
void issues_list(const Report& r, std::uint16_t kind, Figures& out) {
  out.push_back(figure(kind, "disputes.issues", r.disputes.issues));
}
// Every stage of the ladder, in its order (0 where none), then any other stage counted.
void stage_list(const Report& r, const std::map<std::string, std::size_t>& counted, const char* prefix,
                std::int32_t which, std::uint16_t kind, Figures& out) {
  std::map<std::string, std::size_t> rest = counted;
  for (const std::string& stage : r.ladder) {
    const auto it = rest.find(stage);
    out.push_back(figure(kind, prefix + stage, it == rest.end() ? 0 : it->second, which, 0, 0, stage));
    if (it != rest.end()) rest.erase(it);
  }
  keyed_list(rest, prefix, which, kind, out);
}
void resolved_at_list(const Report& r, std::uint16_t kind, Figures& out) {
  stage_list(r, r.disputes.resolved_at, "disputes.resolved_at.", 2, kind, out);
}
void open_at_list(const Report& r, std::uint16_t kind, Figures& out) {
  stage_list(r, r.disputes.open_by_stage, "disputes.open_at.", 3, kind, out);
}

bool dispute_counts(const DisputeTally& t, std::int32_t measure) {
  const bool counts[] = {t.raised, t.informal, t.became_formal, t.resolved, t.withdrawn, t.cafcass, t.open, t.overdue};
  return counts[measure];
}

bool has_category(const std::vector<std::string>& categories, const std::string& code) {
  return std::find(categories.begin(), categories.end(), code) != categories.end();
}

std::string joined(const std::vector<std::string>& items) {
  std::string s;
  for (const std::string& i : items) s += (s.empty() ? "" : ";") + i;
  return s;
}

// "A1 (Preparation for Child Care Review)" where the policy names the code; the code alone otherwise.
std::string category_label(const Report& r, const std::string& code) {
  const auto it = r.category_names.find(code);
  return it == r.category_names.end() || it->second.empty() ? code : code + " (" + it->second + ")";
}

// "dispute D1 (A1;A13, team_manager, resolved 2025-01-02)": one dispute's row detail.
std::string dispute_detail(const Report& r, std::size_t i, const DisputeTally& t) {
  std::string detail = "dispute " + r.dispute_ids[i] + " (" + joined(r.dispute_categories[i]);
  if (!t.stage.empty()) detail += ", " + t.stage;
  detail += t.open        ? ", open)"
            : t.resolved  ? ", resolved " + t.closed_on->iso() + ")"
            : t.withdrawn ? ", withdrawn)"
                          : ")";
  return detail;
}

void disputes_rows(const Report& r, const Figure& f, Rows& rows) {
  for (std::size_t i = 0; i < r.dispute_tallies.size(); ++i) {
    const DisputeTally& t = r.dispute_tallies[i];
    const bool take = f.select[0] == 1   ? t.raised && has_category(r.dispute_categories[i], f.key)
                      : f.select[0] == 2 ? t.resolved && t.stage == f.key
                      : f.select[0] == 3 ? t.open && t.stage == f.key
                      : f.select[0] == 4 ? t.resolved && has_category(r.dispute_categories[i], f.key)
                      : f.select[0] == 5 ? t.formal
                                         : dispute_counts(t, f.select[1]);
    if (!take) continue;
    const Date day = f.select[0] == 5 ? *t.formal_on : t.raised_on ? *t.raised_on : r.from;
    rows.push_back({joined(r.dispute_children[i]), day, dispute_detail(r, i, t)});
  }
}

// Distinct children of the disputes raised (or, with @p formal, that became formal) in a year: one row per
// child, at the earliest such dispute (the first in the register on the same day).
void children_rows_of(const Report& r, const std::vector<DisputeTally>& tallies, bool formal, Rows& rows) {
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    const DisputeTally& t = tallies[i];
    if (formal ? !t.formal : !t.raised) continue;
    const Date day = formal ? *t.formal_on : *t.raised_on;
    const std::string detail = (formal ? "formal from " + day.iso() + ": " : std::string()) + dispute_detail(r, i, t) +
                               (r.dispute_children[i].size() > 1 ? ", with " + joined(r.dispute_children[i]) : "");
    for (const std::string& child : r.dispute_children[i]) {
      const auto [it, added] = seen.emplace(child, rows.size());
      if (added) {
        rows.push_back({child, day, detail});
      } else if (day < rows[it->second].date) {
        rows[it->second] = {child, day, detail};
      }
    }
  }
}

void children_rows(const Report& r, const Figure& f, Rows& rows) {
  children_rows_of(r, r.dispute_tallies, f.select[0] == 1, rows);
}

// The category mentions of the disputes raised in a year: one row per dispute and category.
void issue_rows_of(const Report& r, const std::vector<DisputeTally>& tallies, Rows& rows) {
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    const DisputeTally& t = tallies[i];
    if (!t.raised) continue;
    for (const std::string& c : r.dispute_categories[i])
      rows.push_back({joined(r.dispute_children[i]), *t.raised_on,
                      "issue " + category_label(r, c) + ": " + dispute_detail(r, i, t)});
  }
}

void issue_rows(const Report& r, const Figure&, Rows& rows) { issue_rows_of(r, r.dispute_tallies, rows); }

// ---- years.YEAR...: the three years side by side. select {years ago, group, measure}; key a stage ----
// Groups: 0 reviews and population, 1 participation, 2 records, 3 midway, 4 caseload, 5 disputes, 6 resolved at.
const char* const years_measures[] = {"due",   "due_held", "in_time", "held", "held_in_time",
                                      "start", "end",      "entered", "left", "overdue_at_end"};
const char* const years_records[] = {"within_target", "late", "not_recorded"};
const char* const years_midway[] = {"intervals", "covered"};
const char* const years_disputes[] = {"raised",   "resolved", "withdrawn", "cafcass",
                                      "children", "issues",   "formal",    "formal_children"};

template <class Each>
void each_year(const Report& r, Each each) {
  for (std::size_t y = 0; y < r.years.size(); ++y) {
    const YearFigures& f = r.years[y];
    each(f, static_cast<std::int32_t>(r.years.size() - 1 - y), "years." + f.year + ".");
  }
}

void years_list(const Report& r, std::uint16_t kind, Figures& out) {
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    const std::size_t counts[] = {f.due,          f.due_held,           f.in_time,          f.held,
                                  f.held_in_time, f.looked_after_start, f.looked_after_end, f.entered,
                                  f.left,         f.overdue_at_end};
    for (std::int32_t m = 0; m < 10; ++m) out.push_back(figure(kind, stem + years_measures[m], counts[m], ago, 0, m));
  });
}

void years_participation_list(const Report& r, std::uint16_t kind, Figures& out) {
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    for (std::int32_t c = 0; c < 9; ++c)
      out.push_back(
          figure(kind, stem + "participation." + pn_keys[c], f.participation[static_cast<std::size_t>(c)], ago, 1, c));
  });
}

void years_records_list(const Report& r, std::uint16_t kind, Figures& out) {
  if (!r.supplied.review_records) return;
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    const std::size_t counts[] = {f.within_target, f.records_late, f.not_recorded};
    for (std::int32_t m = 0; m < 3; ++m)
      out.push_back(figure(kind, stem + "records." + years_records[m], counts[m], ago, 2, m));
  });
}

void years_midway_list(const Report& r, std::uint16_t kind, Figures& out) {
  if (!r.supplied.midway_reviews) return;
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    const std::size_t counts[] = {f.midway_intervals, f.midway_covered};
    for (std::int32_t m = 0; m < 2; ++m)
      out.push_back(figure(kind, stem + "midway." + years_midway[m], counts[m], ago, 3, m));
  });
}

void years_caseload_list(const Report& r, std::uint16_t kind, Figures& out) {
  if (!r.supplied.roster) return;
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    out.push_back(figure(kind, stem + "caseload.children", f.caseloads.children, ago, 4, 0));
  });
}

void years_disputes_list(const Report& r, std::uint16_t kind, Figures& out) {
  if (!r.supplied.disputes) return;
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    const DisputeFigures& d = f.disputes;
    const std::size_t counts[] = {d.raised,   d.resolved, d.withdrawn, d.cafcass,
                                  d.children, d.issues,   d.formal,    d.formal_children};
    for (std::int32_t m = 0; m < 8; ++m)
      out.push_back(figure(kind, stem + "disputes." + years_disputes[m], counts[m], ago, 5, m));
  });
}

void years_resolved_at_list(const Report& r, std::uint16_t kind, Figures& out) {
  if (!r.supplied.disputes) return;
  each_year(r, [&](const YearFigures& f, std::int32_t ago, const std::string& stem) {
    Figures stages;
    stage_list(r, f.disputes.resolved_at, "", 2, kind, stages);
    for (Figure& g : stages)
      out.push_back(figure(kind, stem + "disputes.resolved_at." + g.key, g.count, ago, 6, 0, g.key));
  });
}

void years_rows(const Report& r, const Figure& f, Rows& rows) {
  const std::int32_t ago = f.select[0], group = f.select[1], m = f.select[2];
  const YearFigures& y = r.years[r.years.size() - 1 - static_cast<std::size_t>(ago)];
  if (group == 0 && m <= 2) {  // due dates in the year
    for (const DueReview& d : r.due_reviews) {
      if (d.year == ago && (m == 0 || (m == 1 && d.held) || (m == 2 && d.in_time)))
        rows.push_back({r.children[d.child], d.due, due_detail(d)});
    }
  } else if (group == 0 && m >= 5 && m <= 8) {  // the population
    for (const CareSpell& p : r.spells) {
      const TimeInCare time{p.start, p.end};
      const bool take = (m == 5 && time.looked_after_on(y.from.add_days(-1))) ||
                        (m == 6 && time.looked_after_on(y.to)) || (m == 7 && in_period(p.start, y.from, y.to)) ||
                        (m == 8 && p.end && in_period(*p.end, y.from, y.to));
      if (!take) continue;
      rows.push_back({r.children[p.child], m == 8 ? *p.end : p.start,
                      "looked after from " + p.start.iso() + (p.end ? " to " + p.end->iso() : std::string(", still"))});
    }
  } else if (group == 0 && m == 9) {  // overdue on the year's 31 March
    for (const auto& [c, due] : ago == 0 ? r.overdue : r.overdue_before[static_cast<std::size_t>(ago - 1)])
      rows.push_back({r.children[c], due, "next review was due " + due.iso()});
  } else if (group <= 3) {  // reviews held in the year
    for (const HeldReview& h : r.held_reviews) {
      if (h.year != ago) continue;
      const bool within = h.record_sent && *h.record_sent <= h.record_due;
      const bool take = group == 0   ? m == 3 || h.in_time
                        : group == 1 ? code_index(h.participation) == static_cast<std::size_t>(m)
                        : group == 2
                            ? (m == 0 && within) || (m == 1 && h.record_sent && !within) || (m == 2 && !h.record_sent)
                            : h.previous && (m == 0 || h.midway);
      if (!take) continue;
      std::string detail = "held " + h.date.iso() + (h.in_time ? " (in time)" : " (late)") + ", " +
                           pn_keys[code_index(h.participation)] + ", record due " + h.record_due.iso() +
                           (h.record_sent ? ", sent " + h.record_sent->iso() : std::string(", no record date"));
      if (h.previous)
        detail += h.midway ? ", midway since " + h.previous->iso() : ", no midway since " + h.previous->iso();
      rows.push_back({r.children[h.child], h.date, detail});
    }
  } else if (group == 4) {  // allocated to an IRO in post on the year's 31 March
    if (ago == 0) {
      std::vector<bool> in_post(r.officer_ids.size(), false);
      for (const OfficerLoad& l : r.caseloads.officers) in_post[l.officer] = true;
      for (const auto& [o, child] : r.allocated) {
        if (in_post[o]) rows.push_back({child, y.to, "allocated to " + r.officer_ids[o] + " on " + y.to.iso()});
      }
    } else {
      for (const auto& [o, child] : r.allocated_before[static_cast<std::size_t>(ago - 1)])
        rows.push_back({child, y.to, "allocated to " + r.officer_ids[o] + " on " + y.to.iso()});
    }
  } else {  // disputes in the year
    const std::vector<DisputeTally>& tallies =
        ago == 0 ? r.dispute_tallies : r.dispute_tallies_before[static_cast<std::size_t>(ago - 1)];
    if (group == 5 && (m == 4 || m == 7)) return children_rows_of(r, tallies, m == 7, rows);
    if (group == 5 && m == 5) return issue_rows_of(r, tallies, rows);
    for (std::size_t i = 0; i < tallies.size(); ++i) {
      const DisputeTally& t = tallies[i];
      const bool take = group == 6 ? t.resolved && t.stage == f.key
                                   : (m == 0 && t.raised) || (m == 1 && t.resolved) || (m == 2 && t.withdrawn) ||
                                         (m == 3 && t.cafcass) || (m == 6 && t.formal);
      if (!take) continue;
      const Date day = m == 6 ? *t.formal_on : t.raised_on ? *t.raised_on : y.from;
      rows.push_back({joined(r.dispute_children[i]), day,
                      "dispute " + r.dispute_ids[i] + " (" + joined(r.dispute_categories[i]) +
                          (t.stage.empty() ? std::string() : ", " + t.stage) + ")"});
    }
  }
}

// ---- profile.TABLE[.LINE][.COLUMN]: select {table, line, column} ----
template <int T>
void profile_list(const Report& r, std::uint16_t kind, Figures& out) {
  if (r.profile.size() <= static_cast<std::size_t>(T)) return;
  const ProfileTable& t = r.profile[static_cast<std::size_t>(T)];
  if (!t.supplied) return;
  for (std::size_t l = 0; l < t.lines.size(); ++l) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      std::string name = "profile." + t.name;
      if (!t.lines[l].key.empty()) name += "." + t.lines[l].key;
      if (!t.columns[c].empty()) name += "." + t.columns[c];
      out.push_back(figure(kind, std::move(name), t.lines[l].counts[c], T, static_cast<std::int32_t>(l),
                           static_cast<std::int32_t>(c)));
    }
  }
}

void profile_rows(const Report& r, const Figure& f, Rows& rows) {
  const auto line = static_cast<std::size_t>(f.select[1]), column = static_cast<std::size_t>(f.select[2]);
  each_profile_item(r, f.select[0],
                    [&](int, std::size_t l, std::size_t c, std::uint32_t child, Date d, const CareSpell& s) {
                      if (l == line && c == column) rows.push_back({r.children[child], d, profile_detail(r, s)});
                    });
}

// A kind: its declaration, and how it lists its figures and their rows.
struct Kind {
  FigureKind declared;
  void (*list)(const Report&, std::uint16_t, Figures&);
  void (*rows)(const Report&, const Figure&, Rows&);
};

// The table. The order is the report's.
const Kind kinds[] = {
    {{"timeliness.PERIOD.MEASURE", "timeliness",
      "PERIOD `year`, `Q1`-`Q4` or a month `2024-06`; MEASURE `due`, `held`, `in_time`, `late_or_missed`. One row per "
      "due "
      "date: the child, the due date, \"review 2 due 2024-05-01, held 2024-05-10 (late by 9 days)\"."},
     timeliness_list,
     timeliness_rows},
    {{"by_number.YEAR.NUMBER.MEASURE", "by_number",
      "YEAR `2022/23`..`2024/25`; NUMBER `first`, `second`, `subsequent`; MEASURE `due`, `in_time`. One row per due "
      "date, as "
      "for timeliness."},
     by_number_list,
     by_number_rows},
    {{"participation.CODE", "participation",
      "CODE `PN0`-`PN7` or `none`: the reviews held in the year with that code."},
     participation_list,
     participation_rows},
    {{"held.MONTH", "timeliness",
      "MONTH a calendar month `2024-06`: the reviews held (chaired) that month, by the date of the meeting, whenever "
      "they were due. One row per review: the child, the day held, whether in time and its code."},
     held_list,
     held_rows},
    {{"participation.age.BAND.MEASURE", "participation",
      "BAND the child's DfE age band at the review (`under_1`, `1_4`, `5_9`, `10_15`, `16_plus`, `unknown` with no "
      "date of birth); MEASURE `held`, `PN0`, `took_part` (PN1-PN6), `four_and_over` (PN1-PN7): the reviews held in "
      "the year."},
     participation_age_list,
     participation_age_rows},
    {{"records.MEASURE", "records",
      "`held`, `recorded`, `within_target`, `late`, `not_recorded`: the review, its record's target date and when it "
      "was sent."},
     records_list,
     records_rows},
    {{"midway.MEASURE", "midway",
      "`held` (each midway review), `children` (each child once, at their first), `intervals`, `covered` (the review "
      "and the "
      "one before it)."},
     midway_list,
     midway_rows},
    {{"population.MEASURE", "population",
      "`start`, `end`, `entered`, `left`: the times in care (abutting periods joined, ending by the 18th birthday)."},
     population_list,
     population_rows},
    {{"overdue_at_end", "population", "The child and the due date that had passed with no review on 31 March."},
     overdue_list,
     overdue_rows},
    {{"caseload.OFFICER", "caseloads", "OFFICER an IRO's id: the children allocated to that IRO on 31 March."},
     caseload_list,
     caseload_rows},
    {{"pre_meeting.MEASURE", "pre_meeting",
      "`held`, `received`, `on_time`, `late`, `not_recorded`: the reviews held in the year and when the social "
      "worker's report reached the IRO, against the day it was due (the policy's report_working_days_before working "
      "days before the meeting)."},
     pre_meeting_list,
     pre_meeting_rows},
    {{"cancellations.all", "cancellations", "The reviews cancelled in the year, by the day they were to be held."},
     cancellations_list,
     cancellations_rows},
    {{"cancellations.reason.REASON", "cancellations",
      "REASON as the council records it (`(none given)` when it gave none), in natural order: the reviews cancelled "
      "in the year for that reason."},
     cancellation_reasons_list,
     cancellations_rows},
    {{"exceptions.MEASURE", "exceptions",
      "`agreed` (reviews due in the year and held late for an agreed and understood reason), `late_without` (the "
      "other due dates in the year not met: held late, or missed)."},
     exceptions_list,
     exceptions_rows},
    {{"notification.MEASURE", "notifications",
      "`entered`, `notified`, `not_recorded`, and by the working days from the first day looked after to the day "
      "the IRO service was told, `within_1`, `2_to_5`, `6_to_10`, `over_10`: the times in care started in the year."},
     notification_list,
     notification_rows},
    {{"caseload.month_end.MONTH", "caseloads",
      "MONTH `2024-04`..`2025-03`: the children allocated, on the month's last day, to an IRO in post that day."},
     month_end_list,
     month_end_rows},
    {{"iro_changes.MEASURE", "caseloads",
      "`children` (each child whose IRO changed in the year, once, at the first change), `changes` (each allocation "
      "starting in the year to a different IRO from the child's allocation before)."},
     iro_changes_list,
     iro_changes_rows},
    {{"disputes.MEASURE", "disputes",
      "`raised`, `informal_raised`, `became_formal`, `resolved`, `withdrawn`, `cafcass`, `open`, `overdue`: one row "
      "per dispute: its child (a sibling group's children joined with `;`), the date raised and the dispute."},
     disputes_list,
     disputes_rows},
    {{"disputes.children", "disputes",
      "The distinct children the disputes raised in the year concern (each child of a sibling group; a child in "
      "two disputes once): one row per child, at the date of their earliest dispute."},
     children_list,
     children_rows},
    {{"disputes.issues", "disputes",
      "The issues of the disputes raised in the year: one per category a dispute names (one with three "
      "categories is three issues; one with none is one, `(none)`); one row per dispute and category."},
     issues_list,
     issue_rows},
    {{"disputes.category.CODE", "disputes",
      "The disputes raised in the year with that category among theirs (a dispute counts under each of its "
      "categories, so the categories add up to the issues); codes in natural order (A1, A2, ..., A10)."},
     category_list,
     disputes_rows},
    {{"disputes.resolved_category.CODE", "disputes",
      "The disputes resolved in the year with that category among theirs (completed disputes by area of "
      "practice), counted as for disputes.category."},
     resolved_category_list,
     disputes_rows},
    {{"disputes.formal", "disputes",
      "The disputes that entered the formal process in the year (reached the first stage with a response time, "
      "raised there or escalated to it): one row per dispute, dated when it became formal."},
     formal_list,
     disputes_rows},
    {{"disputes.formal_children", "disputes",
      "The distinct children of those disputes (children with a formal challenge in the year): one row per "
      "child, at the date the earliest of their disputes became formal."},
     formal_children_list,
     children_rows},
    {{"disputes.resolved_at.STAGE", "disputes",
      "The disputes resolved in the year at that stage of the ladder (every stage is listed, 0 where none)."},
     resolved_at_list,
     disputes_rows},
    {{"disputes.open_at.STAGE", "disputes",
      "The disputes open on 31 March at that stage of the ladder (every stage is listed, 0 where none)."},
     open_at_list,
     disputes_rows},
    {{"years.YEAR.MEASURE", "years",
      "YEAR `2022/23`..`2024/25`, each as of its own 31 March; MEASURE `due`, `due_held`, `in_time` (due dates in the "
      "year: one row per due date, as for timeliness), `held`, `held_in_time` (reviews held in the year, by the date "
      "held), `start`, `end`, `entered`, `left` (times in care, as for population), `overdue_at_end`."},
     years_list,
     years_rows},
    {{"years.YEAR.participation.CODE", "years",
      "CODE `PN0`-`PN7` or `none`: the reviews held in that year with that code."},
     years_participation_list,
     years_rows},
    {{"years.YEAR.records.MEASURE", "years",
      "`within_target`, `late`, `not_recorded`: the reviews held in that year and when their record was sent."},
     years_records_list,
     years_rows},
    {{"years.YEAR.midway.MEASURE", "years",
      "`intervals`, `covered`: the reviews held in that year with a review before them, and those with a midway "
      "review between."},
     years_midway_list,
     years_rows},
    {{"years.YEAR.caseload.children", "years",
      "The children allocated to an IRO in post on that year's 31 March (the team's children in the caseload table)."},
     years_caseload_list,
     years_rows},
    {{"years.YEAR.disputes.MEASURE", "years",
      "`raised`, `resolved`, `withdrawn`, `cafcass`, `formal` (the disputes that counted in that year), `children`, "
      "`formal_children` (one row per child), `issues` (one row per dispute and category): as for disputes."},
     years_disputes_list,
     years_rows},
    {{"years.YEAR.disputes.resolved_at.STAGE", "years",
      "The disputes resolved in that year at that stage of the ladder (every stage is listed, 0 where none)."},
     years_resolved_at_list,
     years_rows},
    {{"profile.age.BAND.GENDER", "profile_age",
      "BAND `under_1`, `1_4`, `5_9`, `10_15`, `16_plus` (age in whole years on 31 March) or `unknown` (no date of "
      "birth); GENDER `male` (SEX 1), `female` (SEX 2), `not_recorded`, or `all`: the children looked after on 31 "
      "March. Without SEX only `all`."},
     profile_list<profile_age>,
     profile_rows},
    {{"profile.ethnicity.GROUP", "profile_ethnicity",
      "GROUP `white`, `mixed`, `asian`, `black`, `other`, `refused` or `not_recorded` (the ETHNIC codes of each are "
      "below): the children looked after on 31 March."},
     profile_list<profile_ethnicity>,
     profile_rows},
    {{"profile.ethnicity_code.CODE", "profile_ethnicity_code",
      "CODE an ETHNIC code, `WBRI`..`NOBT`, or `not_recorded` (every code is listed, 0 where none): the children "
      "looked after on 31 March."},
     profile_list<profile_ethnicity_code>,
     profile_rows},
    {{"profile.legal_status.CODE", "profile_legal_status",
      "CODE an LS code, `C1` `C2` `D1` `E1` `J1`-`J3` `L1`-`L3` `V2`-`V4`, or `not_recorded`: the children looked "
      "after on 31 March, by the legal status of the episode they were in that day."},
     profile_list<profile_legal_status>,
     profile_rows},
    {{"profile.uasc.MEASURE", "profile_uasc",
      "`uasc`, `not_uasc`: the children looked after on 31 March who were (in uasc.csv, 31 March before any DUC) or "
      "were not unaccompanied asylum-seeking children."},
     profile_list<profile_uasc>,
     profile_rows},
    {{"profile.any_time", "profile_any_time",
      "Each child looked after on some day of the year, or on the 31 March before it, once (the row's date is the "
      "later of 1 April and the day care began)."},
     profile_list<profile_any_time>,
     profile_rows},
    {{"profile.month_end.MONTH", "profile_month_end",
      "MONTH `2024-04`..`2025-03`: the children looked after on that month's last day."},
     profile_list<profile_month_end>,
     profile_rows},
    {{"profile.movements.MONTH.MEASURE", "profile_movements",
      "MONTH `2024-04`..`2025-03`; MEASURE `admitted` (times in care that began that month) or `left` (that ended "
      "that month, the date being the first day out of care). Each measure adds up to population.entered and "
      "population.left."},
     profile_list<profile_movements>,
     profile_rows},
    {{"profile.movements_by_age.BAND.MEASURE", "profile_movements_by_age",
      "BAND as for profile.age, the age on the day care began (`admitted`) or ended (`left`)."},
     profile_list<profile_movements_by_age>,
     profile_rows},
    {{"profile.left_reason.REASON", "profile_left_reason",
      "REASON `adopted`, `special_guardianship`, `child_arrangements`, `returned_home`, `independent_living`, "
      "`aged_18`, `other` or `not_recorded`: the times in care that ended in the year, by the REC of the episode that "
      "ended them (the codes of each are below); care cut at the 18th birthday is `aged_18`. Adds up to "
      "population.left."},
     profile_list<profile_left_reason>,
     profile_rows},
    {{"profile.stability.MEASURE", "profile_stability",
      "`3_or_more`, `2_or_fewer`: the children looked after on 31 March by the placements they had in the year, the "
      "one in place on 1 April included (the DfE's placement stability measure)."},
     profile_list<profile_stability>,
     profile_rows},
};

// Whether a table's input was supplied (a table not supplied has no figures).
bool supplied(const Report& r, const std::string& table) {
  if (table == "records") return r.supplied.review_records;
  if (table == "midway") return r.supplied.midway_reviews;
  if (table == "caseloads") return r.supplied.roster;
  if (table == "disputes") return r.supplied.disputes;
  if (table == "pre_meeting") return r.supplied.pre_meeting_reports;
  if (table == "cancellations") return r.supplied.cancellations;
  if (table == "exceptions") return r.supplied.exceptions;
  if (table == "notifications") return r.supplied.notifications;
  for (const ProfileTable& t : r.profile) {
    if ("profile_" + t.name == table) return t.supplied;
  }
  return true;
}

}  // namespace

const std::vector<FigureKind>& report_figure_kinds() {
  static const std::vector<FigureKind> declared = [] {
    std::vector<FigureKind> v;
    for (const Kind& k : kinds) v.push_back(k.declared);
    return v;
  }();
  return declared;
}

void list_report_figures(Report& r) {
  r.figures.clear();
  r.figure_index.clear();
  for (std::size_t k = 0; k < std::size(kinds); ++k) {
    if (supplied(r, kinds[k].declared.table)) kinds[k].list(r, static_cast<std::uint16_t>(k), r.figures);
  }
  r.figure_index.reserve(r.figures.size());
  for (std::size_t i = 0; i < r.figures.size(); ++i) r.figure_index.emplace(r.figures[i].name, i);
}

const std::vector<Figure>& report_figures(const Report& report) { return report.figures; }

const Figure& report_figure(const Report& report, const std::string& name) {
  const auto it = report.figure_index.find(name);
  if (it != report.figure_index.end()) return report.figures[it->second];
  std::string kinds_named;
  for (const Kind& k : kinds) kinds_named += (kinds_named.empty() ? "" : ", ") + std::string(k.declared.pattern);
  throw Error(Status::not_found,
              quote(name) + " is no figure of this report; figures are named " + kinds_named +
                  " (iro report --figures lists them all; a table whose input was not supplied has none)");
}

std::vector<ReportTrace> report_query(const Report& report, const Figure& figure) {
  if (figure.kind >= std::size(kinds))
    throw Error(Status::invalid_argument, quote(figure.name) + " has no kind of figure");
  Rows rows;
  rows.reserve(figure.count);
  kinds[figure.kind].rows(report, figure, rows);
  return rows;
}

std::vector<ReportTrace> report_query(const Report& report, const std::string& name) {
  return report_query(report, report_figure(report, name));
}

}  // namespace iro
