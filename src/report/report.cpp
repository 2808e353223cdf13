// The annual report's computation: one pass over the children (on both cores when there are many),
// filling the tables and keeping the rows behind every figure. No layout here (report_format.cpp) and no
// figure names (report_figures.cpp).
#include "iro/report/report.hpp"

#include <algorithm>
#include <cstdio>
#include <thread>

#include "core/concurrency.hpp"
#include "core/stats.hpp"
#include "iro/core/error.hpp"
#include "report/report_dates.hpp"
#include "report/report_population.hpp"
#include "iro/report/report_figures.hpp"
#include "iro/rules/schedule.hpp"

namespace iro {
namespace {

const char* const month_names[] = {"Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};

// What the profile keeps of a child looked after in the three years (as of the reporting year's 31 March).
void profile_facts(const Child& c, Date from, Date to, ChildFacts& x) {
  x.dob = c.dob;
  x.sex = c.sex;
  x.ethnicity = static_cast<std::uint8_t>(code_line(c.ethnicity, false));
  x.uasc_at_end = c.uasc_on(to);
  for (const Period& p : c.periods) {
    if (!as_time_in_care(p).looked_after_on(to)) continue;
    const LegalStatusFrom* status = nullptr;
    for (const LegalStatusFrom& l : p.legal_statuses) {
      if (l.date <= to) status = &l;
    }
    if (status) x.legal_status = static_cast<std::uint8_t>(code_line(status->code, true));
  }
  for (const Placement& p : c.placements) x.placements += p.start <= to && (!p.end || *p.end > from);
}

// What the children from `begin` to `end` contribute: their counts and their rows, with child indices
// local to the part (merge() shifts them).
struct Part {
  Report r;
  std::size_t active = 0;  // children looked after at some time in the year
};

// Which of the profile's inputs the casebook holds (the other four are read in annual_report()).
void profile_inputs(const Casebook& book, ReportInputs& in) {
  in.sex = in.ethnicity = in.legal_status = in.uasc = in.leaving_reasons = in.placements = false;
  for (const Child& c : book.children) {
    in.sex = in.sex || c.sex != Sex::not_recorded;
    in.ethnicity = in.ethnicity || !c.ethnicity.empty();
    in.uasc = in.uasc || c.uasc;
    in.placements = in.placements || !c.placements.empty();
    for (const Period& p : c.periods) {
      in.legal_status = in.legal_status || !p.legal_statuses.empty();
      in.leaving_reasons = in.leaving_reasons || !p.reason_ended.empty();
    }
  }
}

void count_children(const Casebook& book, const Policy& policy, const Calendar& cal, int year,
                    const ReportInputs& supplied, std::size_t begin, std::size_t end, Part& part) {
  Report& r = part.r;
  r.supplied = supplied;
  r.year = year;
  r.from = Date::from_ymd(year, 4, 1);
  r.to = Date::from_ymd(year + 1, 3, 31);
  r.months.resize(12);
  r.quarters.resize(4);
  r.by_number.resize(3);
  r.years.resize(3);
  const Date from = Date::from_ymd(year, 4, 1), to = Date::from_ymd(year + 1, 3, 31);
  std::array<Date, 3> year_from{}, year_to{};
  for (std::size_t ago = 0; ago < 3; ++ago) {
    year_from[ago] = Date::from_ymd(year - static_cast<int>(ago), 4, 1);
    year_to[ago] = Date::from_ymd(year + 1 - static_cast<int>(ago), 3, 31);
  }
  const auto count_due = [&](Date due, bool held, bool on_time, const std::string& id) {
    const std::size_t m = report_month(due);
    for (TimelinessRow* row : {&r.months[m], &r.quarters[m / 3], &r.total}) {
      ++row->due;
      row->held += held;
      row->in_time += on_time;
      if (!on_time) row->late_or_missed.push_back(id);
    }
  };
  Schedule s;
  std::vector<TimeInCare> times;            // one child's times in care, reused
  std::vector<std::pair<Date, Date>> sent;  // one child's reviews with a record date (day, sent), by day, reused
  // One child's held reviews with a pre-meeting report date or an agreed exception, by day, reused.
  std::vector<std::pair<Date, const Review*>> extract;
  std::vector<Date> sorted_midways;  // one child's midway reviews by date, when not given in order
  for (std::size_t ci = begin; ci < end; ++ci) {
    const Child& c = book.children[ci];
    std::uint32_t index = UINT32_MAX;  // the child's index in r.children, given at its first row
    const auto child_index = [&] {
      if (index == UINT32_MAX) {
        index = static_cast<std::uint32_t>(r.children.size());
        r.children.push_back(c.id);
        r.facts.emplace_back();
      }
      return index;
    };
    sent.clear();
    for (const Review& given : c.reviews) {
      if (!given.cancelled && given.record_sent) sent.emplace_back(given.date, *given.record_sent);
    }
    const auto by_day = [](const std::pair<Date, Date>& x, const std::pair<Date, Date>& y) {
      return x.first < y.first;
    };
    if (!std::is_sorted(sent.begin(), sent.end(), by_day)) std::stable_sort(sent.begin(), sent.end(), by_day);
    extract.clear();
    for (const Review& given : c.reviews) {
      if (!given.cancelled && (given.report_received || !given.exception_reason.empty()))
        extract.emplace_back(given.date, &given);
    }
    std::stable_sort(extract.begin(), extract.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    // The (last) review given on a day with a pre-meeting report date or an agreed exception, or nullptr.
    const auto extract_on = [&](Date day) -> const Review* {
      const auto it = std::upper_bound(extract.begin(), extract.end(), day,
                                       [](Date d, const std::pair<Date, const Review*>& x) { return d < x.first; });
      return it != extract.begin() && std::prev(it)->first == day ? std::prev(it)->second : nullptr;
    };
    const std::vector<Date>* midways_by_date = &c.midways;
    if (!std::is_sorted(c.midways.begin(), c.midways.end())) {
      sorted_midways = c.midways;
      std::sort(sorted_midways.begin(), sorted_midways.end());
      midways_by_date = &sorted_midways;
    }
    const std::vector<Date>& midways = *midways_by_date;
    // The two years before first, as of their own 31 March, then the reporting year.
    for (std::size_t ago = 3; ago-- > 0;) {
      try {
        evaluate(c, policy, cal, year_to[ago], s);
      } catch (const Error&) {
        if (ago == 0) ++r.children_refused;
        continue;
      }
      ByNumberRow& row = r.by_number[2 - ago];
      YearFigures& yf = r.years[2 - ago];
      const auto count_number = [&](std::int32_t number, bool on_time) {
        const std::size_t k = number >= 3 ? 2 : static_cast<std::size_t>(number - 1);
        ++row.due[k];
        row.in_time[k] += on_time;
      };
      const std::int32_t ago32 = static_cast<std::int32_t>(ago);
      for (const ReviewResult& rv : s.reviews) {
        if (!in_period(rv.due.date, year_from[ago], year_to[ago])) continue;
        count_number(rv.number, rv.on_time);
        ++yf.due;
        ++yf.due_held;
        yf.in_time += rv.on_time;
        DueReview due{child_index(), ago32, rv.due.date, rv.date, rv.number, rv.on_time};
        if (!rv.on_time) {
          const Review* given = extract_on(rv.date);
          if (given && !given->exception_reason.empty()) {
            due.agreed = true;
            if (ago == 0) r.agreed_late.push_back({due.child, rv.due.date, rv.date, given->exception_reason});
          }
        }
        r.due_reviews.push_back(due);
        if (ago == 0) count_due(rv.due.date, true, rv.on_time, c.id);
      }
      // Due dates that passed with no review, and one falling on the year's last day with no review by it.
      const auto count_missed = [&](Date due, std::int32_t number) {
        count_number(number, false);
        ++yf.due;
        r.due_reviews.push_back({child_index(), ago32, due, std::nullopt, number, false});
        if (ago == 0) count_due(due, false, false, c.id);
      };
      for (const MissedReview& m : s.missed) {
        if (in_period(m.due.date, year_from[ago], year_to[ago])) count_missed(m.due.date, m.number);
      }
      if (s.next && s.next->due.date == year_to[ago]) count_missed(year_to[ago], s.next->number);
      // Reviews held in the year (by the date held), in every year; the reporting year's own tables too.
      for (std::size_t i = 0; i < s.reviews.size(); ++i) {
        const ReviewResult& rv = s.reviews[i];
        if (!in_period(rv.date, year_from[ago], year_to[ago])) continue;
        const int code = static_cast<int>(rv.participation);
        ++yf.participation[static_cast<std::size_t>(code < 0 ? 8 : code)];
        ++yf.held;
        yf.held_in_time += rv.on_time;
        HeldReview h;
        h.child = child_index();
        h.year = ago32;
        h.in_time = rv.on_time;
        h.date = rv.date;
        h.participation = rv.participation;
        h.record_due = rv.record_due;
        if (c.dob && ago == 0) h.age_band = static_cast<std::int32_t>(age_band(*c.dob, rv.date));  // the year's
        // The record of the (last) review given on that day, looked up in the child's dated records.
        const auto it = std::upper_bound(sent.begin(), sent.end(), rv.date,
                                         [](Date day, const std::pair<Date, Date>& x) { return day < x.first; });
        if (it != sent.begin() && std::prev(it)->first == rv.date) h.record_sent = std::prev(it)->second;
        if (h.record_sent) {
          (*h.record_sent <= h.record_due ? yf.within_target : yf.records_late)++;
        } else {
          ++yf.not_recorded;
        }
        if (supplied.pre_meeting_reports && ago == 0) {  // due the policy's working days before the meeting
          if (const Review* given = extract_on(rv.date)) h.report_received = given->report_received;
          try {
            h.report_due = cal.add_working_days(rv.date, -policy.report_working_days_before);
          } catch (const Error&) {
            h.report_due = rv.date;  // a meeting at the calendar's first days: due by the meeting itself
          }
        }
        if (rv.number >= 2 && i > 0) {
          h.previous = s.reviews[i - 1].date;
          const auto after = std::upper_bound(midways.begin(), midways.end(), *h.previous);
          h.midway = after != midways.end() && *after < rv.date;  // one strictly between the two reviews
          ++yf.midway_intervals;
          yf.midway_covered += h.midway;
        }
        if (ago == 0) {
          ++r.pre_meeting.held;
          if (h.report_received) {
            ++r.pre_meeting.received;
            (*h.report_received <= h.report_due ? r.pre_meeting.on_time : r.pre_meeting.late)++;
          } else {
            ++r.pre_meeting.not_recorded;
          }
          ++r.participation[static_cast<std::size_t>(code < 0 ? 8 : code)];
          ++r.held_by_month[report_month(rv.date)];
          ++r.participation_by_age[h.age_band < 0 ? 5 : static_cast<std::size_t>(h.age_band)]
                                  [static_cast<std::size_t>(code < 0 ? 8 : code)];
          ++r.records.held;
          if (h.record_sent) {
            ++r.records.recorded;
            (*h.record_sent <= h.record_due ? r.records.within_target : r.records.late)++;
          } else {
            ++r.records.not_recorded;
          }
          if (h.previous) {
            ++r.midway.intervals;
            r.midway.covered += h.midway;
          }
        }
        r.held_reviews.push_back(h);
      }
      if (s.next && s.next->due.date < year_to[ago]) {
        ++yf.overdue_at_end;
        if (ago == 0) ++r.overdue_at_end;
        (ago == 0 ? r.overdue : r.overdue_before[ago - 1]).emplace_back(child_index(), s.next->due.date);
      }
      if (ago != 0) continue;
      for (const Review& given : c.reviews) {
        if (given.cancelled && in_period(given.date, from, to))
          r.cancelled.push_back({child_index(), given.date, given.cancellation_reason});
      }
      bool any_midway = false;
      for (Date m : c.midways) {
        if (!in_period(m, from, to)) continue;
        r.midways.emplace_back(child_index(), m);
        ++r.midway.held;
        any_midway = true;
      }
      r.midway.children += any_midway;
      bool any = false;
      // Times in care (child.hpp): abutting periods joined, ending by the 18th birthday; for the three years.
      times_in_care(c, times);
      for (const TimeInCare& p : times) {
        for (std::size_t y = 0; y < 3; ++y) {
          YearFigures& each = r.years[2 - y];
          each.looked_after_start += p.looked_after_on(year_from[y].add_days(-1));
          each.looked_after_end += p.looked_after_on(year_to[y]);
          each.entered += in_period(p.start, year_from[y], year_to[y]);
          each.left += p.end && in_period(*p.end, year_from[y], year_to[y]);
        }
        r.looked_after_start += p.looked_after_on(from.add_days(-1));
        r.looked_after_end += p.looked_after_on(to);
        r.entered += in_period(p.start, from, to);
        r.left += p.end && in_period(*p.end, from, to);
        const bool overlaps = p.start <= to && (!p.end || *p.end >= from);
        if (p.start <= to && (!p.end || *p.end >= year_from[2])) {
          CareSpell spell{child_index(), p.start, p.end};
          const auto began =
              std::find_if(c.periods.begin(), c.periods.end(), [&](const Period& q) { return q.start == p.start; });
          if (began != c.periods.end() && began->notified) {
            spell.notified = began->notified;
            try {
              spell.notice_working_days = cal.working_days_between(p.start, *began->notified);
            } catch (const Error&) {
              spell.notice_working_days = static_cast<std::int32_t>(*began->notified - p.start);  // outside: days
            }
          }
          if (p.end) {  // the reason of the period that ended it, or the 18th birthday that cut it
            const auto ended =
                std::find_if(c.periods.rbegin(), c.periods.rend(), [&](const Period& q) { return q.end == p.end; });
            if (ended != c.periods.rend()) {
              spell.reason = leaving_reason(ended->reason_ended).value_or(LeavingReason::not_recorded);
              for (std::size_t k = 0; k < ended->reason_ended.size() && k < 4; ++k)
                spell.rec[k] = ended->reason_ended[k];
            } else {
              spell.at_18 = true;
              spell.reason = LeavingReason::aged_18;
            }
          }
          r.spells.push_back(spell);
        }
        any = any || overlaps;
      }
      part.active += any;
      if (index != UINT32_MAX) profile_facts(c, from, to, r.facts[index]);
    }
  }
  count_profile(r);  // this part's profile (merge() adds the parts' counts)
}

void add_row(TimelinessRow& into, TimelinessRow& from) {
  into.due += from.due;
  into.held += from.held;
  into.in_time += from.in_time;
  into.late_or_missed.insert(into.late_or_missed.end(), std::make_move_iterator(from.late_or_missed.begin()),
                             std::make_move_iterator(from.late_or_missed.end()));
}

template <class T>
void append(std::vector<T>& into, std::vector<T>& from, std::uint32_t shift) {
  const std::size_t first = into.size();
  into.insert(into.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  for (std::size_t i = first; i < into.size(); ++i) {
    if constexpr (std::is_same_v<T, std::pair<std::uint32_t, Date>>) {
      into[i].first += shift;
    } else {
      into[i].child += shift;
    }
  }
}

// Adds a later part's counts and rows to the report, in children order.
void merge(Report& r, Part& part) {
  Report& p = part.r;
  const auto shift = static_cast<std::uint32_t>(r.children.size());
  for (std::size_t m = 0; m < 12; ++m) add_row(r.months[m], p.months[m]);
  for (std::size_t q = 0; q < 4; ++q) add_row(r.quarters[q], p.quarters[q]);
  add_row(r.total, p.total);
  for (std::size_t y = 0; y < 3; ++y) {
    for (std::size_t k = 0; k < 3; ++k) {
      r.by_number[y].due[k] += p.by_number[y].due[k];
      r.by_number[y].in_time[k] += p.by_number[y].in_time[k];
    }
  }
  for (std::size_t c = 0; c < r.participation.size(); ++c) r.participation[c] += p.participation[c];
  for (std::size_t m = 0; m < 12; ++m) r.held_by_month[m] += p.held_by_month[m];
  for (std::size_t b = 0; b < r.participation_by_age.size(); ++b) {
    for (std::size_t c = 0; c < r.participation_by_age[b].size(); ++c)
      r.participation_by_age[b][c] += p.participation_by_age[b][c];
  }
  for (std::size_t y = 0; y < 3; ++y) {
    YearFigures& a = r.years[y];
    const YearFigures& b = p.years[y];
    for (auto [into, from] : {std::pair{&a.due, b.due},
                              {&a.due_held, b.due_held},
                              {&a.in_time, b.in_time},
                              {&a.held, b.held},
                              {&a.held_in_time, b.held_in_time},
                              {&a.within_target, b.within_target},
                              {&a.records_late, b.records_late},
                              {&a.not_recorded, b.not_recorded},
                              {&a.midway_intervals, b.midway_intervals},
                              {&a.midway_covered, b.midway_covered},
                              {&a.looked_after_start, b.looked_after_start},
                              {&a.looked_after_end, b.looked_after_end},
                              {&a.entered, b.entered},
                              {&a.left, b.left},
                              {&a.overdue_at_end, b.overdue_at_end}}) {
      *into += from;
    }
    for (std::size_t c = 0; c < a.participation.size(); ++c) a.participation[c] += b.participation[c];
  }
  r.looked_after_start += p.looked_after_start;
  r.looked_after_end += p.looked_after_end;
  r.entered += p.entered;
  r.left += p.left;
  r.children_refused += p.children_refused;
  r.overdue_at_end += p.overdue_at_end;
  r.records.held += p.records.held;
  r.records.recorded += p.records.recorded;
  r.records.within_target += p.records.within_target;
  r.records.late += p.records.late;
  r.records.not_recorded += p.records.not_recorded;
  r.midway.held += p.midway.held;
  r.midway.children += p.midway.children;
  r.midway.intervals += p.midway.intervals;
  r.midway.covered += p.midway.covered;
  r.pre_meeting.held += p.pre_meeting.held;
  r.pre_meeting.received += p.pre_meeting.received;
  r.pre_meeting.on_time += p.pre_meeting.on_time;
  r.pre_meeting.late += p.pre_meeting.late;
  r.pre_meeting.not_recorded += p.pre_meeting.not_recorded;
  append(r.cancelled, p.cancelled, shift);
  append(r.agreed_late, p.agreed_late, shift);
  append(r.due_reviews, p.due_reviews, shift);
  append(r.held_reviews, p.held_reviews, shift);
  append(r.midways, p.midways, shift);
  append(r.spells, p.spells, shift);
  for (std::size_t t = 0; t < r.profile.size(); ++t) {
    for (std::size_t l = 0; l < r.profile[t].lines.size(); ++l) {
      for (std::size_t c = 0; c < r.profile[t].lines[l].counts.size(); ++c)
        r.profile[t].lines[l].counts[c] += p.profile[t].lines[l].counts[c];
    }
  }
  r.facts.insert(r.facts.end(), std::make_move_iterator(p.facts.begin()), std::make_move_iterator(p.facts.end()));
  append(r.overdue, p.overdue, shift);
  for (std::size_t y = 0; y < 2; ++y) append(r.overdue_before[y], p.overdue_before[y], shift);
  r.children.insert(r.children.end(), std::make_move_iterator(p.children.begin()),
                    std::make_move_iterator(p.children.end()));
}

// The policy's local targets against the year's figures (a target whose input was not supplied: not met,
// with no figure).
std::vector<TargetCheck> check_targets(const Report& r, const Policy& policy) {
  std::vector<TargetCheck> out;
  const auto source = [&](const std::string& key) {
    const auto it = policy.target_sources.find(key);
    return it == policy.target_sources.end() ? std::string() : it->second;
  };
  const auto percent = [&](const char* key, const std::optional<std::int32_t>& target, const std::string& measure,
                           bool supplied, double actual) {
    if (!target) return;
    TargetCheck t{key, measure, static_cast<double>(*target), std::nullopt, std::nullopt, false, source(key)};
    if (supplied) {
      t.actual = actual;
      t.met = actual >= t.target;
    }
    out.push_back(std::move(t));
  };
  percent("timeliness_target_percent", policy.timeliness_target_percent,
          "reviews due in the year held in timescale (% in time of due)", true, r.total.percent());
  percent("participation_target_percent", policy.participation_target_percent,
          "participation without under-4s (PN1-PN6 of PN1-PN7)", true, r.participation_rate);
  percent("records_target_percent", policy.records_target_percent,
          "review records circulated within " + std::to_string(policy.record_working_days) +
              " working days (% of reviews held)",
          r.supplied.review_records, r.records.percent());
  percent("midway_target_percent", policy.midway_target_percent,
          "reviews with a midway review since the review before (% of intervals)", r.supplied.midway_reviews,
          r.midway.percent());
  percent("pre_meeting_target_percent", policy.pre_meeting_target_percent,
          "social workers' reports reaching the IRO " + std::to_string(policy.report_working_days_before) +
              " working days before the review",
          r.supplied.pre_meeting_reports, r.pre_meeting.percent());
  TargetCheck band{"caseload_band",
                   "team children per FTE on " + r.to.iso() + " within the band",
                   static_cast<double>(policy.caseload_high),
                   static_cast<double>(policy.caseload_low),
                   std::nullopt,
                   false,
                   source("caseload_band")};
  if (r.supplied.roster) {
    band.actual = r.caseloads.team.per_fte;
    band.met = r.caseloads.team.band == Band::within;
  }
  out.push_back(std::move(band));
  return out;
}

}  // namespace

std::string year_label(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d/%02d", y, (y + 1) % 100);
  return buf;
}

Report annual_report(const Casebook& book, const Policy& policy, const Calendar& calendar, int year,
                     const ReportOptions& options) {
  if (year < 1900 || year > 2198) {
    throw Error(Status::out_of_range, "year " + std::to_string(year) + ": the reporting year must start in 1900-2198");
  }
  const Calendar cal = policy.calendar(calendar);
  // The children in two parts, the second on its own thread, when there are enough to pay for it.
  constexpr std::size_t worth_a_thread = 4096;
  const std::size_t n = book.children.size();
  const bool two =
      options.threads >= 2 || (options.threads == 0 && n >= worth_a_thread && std::thread::hardware_concurrency() >= 2);
  const std::size_t split = two ? n / 2 : n;
  ReportInputs supplied;
  profile_inputs(book, supplied);
  const auto any_review = [&](auto test) {
    return std::any_of(book.children.begin(), book.children.end(),
                       [&](const Child& c) { return std::any_of(c.reviews.begin(), c.reviews.end(), test); });
  };
  supplied.pre_meeting_reports = any_review([](const Review& v) { return v.report_received.has_value(); });
  supplied.cancellations = any_review([](const Review& v) { return v.cancelled; });
  supplied.exceptions = any_review([](const Review& v) { return !v.exception_reason.empty(); });
  supplied.notifications = std::any_of(book.children.begin(), book.children.end(), [](const Child& c) {
    return std::any_of(c.periods.begin(), c.periods.end(), [](const Period& p) { return p.notified.has_value(); });
  });
  Part first, second;
  run_beside(
      split < n, [&] { count_children(book, policy, cal, year, supplied, 0, split, first); },
      [&] { count_children(book, policy, cal, year, supplied, split, n, second); });
  Report r = std::move(first.r);
  if (split < n) merge(r, second);
  const std::size_t active = first.active + second.active;
  r.council = book.council;
  // Which optional inputs were supplied: read from the casebook itself.
  r.supplied.roster = !book.roster.officers().empty();
  r.supplied.disputes = !book.disputes.empty();
  r.supplied.midway_reviews =
      std::any_of(book.children.begin(), book.children.end(), [](const Child& c) { return !c.midways.empty(); });
  r.supplied.review_records = std::any_of(book.children.begin(), book.children.end(), [](const Child& c) {
    return std::any_of(c.reviews.begin(), c.reviews.end(), [](const Review& v) { return v.record_sent.has_value(); });
  });
  r.year = year;
  r.from = Date::from_ymd(year, 4, 1);
  r.to = Date::from_ymd(year + 1, 3, 31);
  if (active == 0) {
    throw Error(Status::invalid_argument, "no child was looked after in " + year_label(year) + " (" + r.from.iso() +
                                              " to " + r.to.iso() + "): there is nothing to report");
  }
  r.band_low = policy.caseload_low;
  r.band_high = policy.caseload_high;
  for (const LadderStage& s : policy.ladder.stages) r.ladder.push_back(s.name);
  for (const DisputeCategory& c : policy.dispute_categories) r.category_names[c.code] = c.name;
  for (std::size_t m = 0; m < 12; ++m)
    r.months[m].label = std::string(month_names[m]) + " " + std::to_string(m < 9 ? year : year + 1);
  for (std::size_t q = 0; q < 4; ++q) r.quarters[q].label = "Q" + std::to_string(q + 1);
  r.total.label = "Year";
  for (std::size_t y = 0; y < 3; ++y) r.by_number[y].year = year_label(year - 2 + static_cast<int>(y));
  r.records.target_working_days = policy.record_working_days;
  r.pre_meeting.working_days_before = policy.report_working_days_before;
  // Notification of the times in care that started in the year, from their rows.
  std::vector<std::int32_t> notice;
  for (const CareSpell& p : r.spells) {
    if (!in_period(p.start, r.from, r.to)) continue;
    ++r.notification.entered;
    if (!p.notified) {
      ++r.notification.not_recorded;
      continue;
    }
    ++r.notification.notified;
    notice.push_back(p.notice_working_days);
    ++r.notification.bands[notice_band(p.notice_working_days)];
  }
  const Spread took = spread(notice);
  r.notification.median_working_days = took.median;
  r.notification.p90_working_days = took.p90;
  r.midway.target_percent = policy.midway_target_percent;
  std::size_t took_part = 0, over_four = 0;
  for (std::size_t code = 1; code <= 7; ++code) {
    over_four += r.participation[code];
    if (code <= 6) took_part += r.participation[code];
  }
  r.participation_rate = over_four == 0 ? 0.0 : 100.0 * static_cast<double>(took_part) / static_cast<double>(over_four);
  // The years' dates first; then the disputes on a thread of their own while this one does the caseloads.
  for (std::size_t y = 0; y < 3; ++y) {
    const auto first = year - 2 + static_cast<int>(y);
    r.years[y].year = year_label(first);
    r.years[y].from = Date::from_ymd(first, 4, 1);
    r.years[y].to = Date::from_ymd(first + 1, 3, 31);
  }
  // The disputes on a thread of their own while this one does the caseloads (they touch different fields).
  const auto count_caseloads = [&] {
    // One pass over the allocations for the twelve month ends (the last is 31 March) and the two 31 Marches
    // before.
    std::vector<Date> dates;
    for (int m = 0; m < 12; ++m) {
      const Date first = r.from.add_months(m);
      dates.push_back(Date::from_ymd(first.year(), first.month(), days_in_month(first.year(), first.month())));
    }
    dates.push_back(r.years[0].to);
    dates.push_back(r.years[1].to);
    std::vector<CaseloadCheck> checks = check_caseloads(book.roster, policy, dates);
    std::array<CaseloadCheck, 2> before{std::move(checks[12]), std::move(checks[13])};  // two years, one year before
    checks.resize(12);
    r.caseloads = checks[11];
    if (!book.roster.officers().empty()) r.month_end_caseloads = std::move(checks);
    r.iro_changes = continuity(book.roster, r.from, r.to);
    for (const CaseChild& c : book.roster.children()) r.roster_children.push_back(c.id);
    r.allocation_spans = book.roster.allocations();
    for (const Officer& i : book.roster.officers()) r.officer_ids.push_back(i.id);
    for (const Allocation& a : book.roster.allocations()) {
      if (allocated_on(a, r.to)) r.allocated.emplace_back(a.officer, book.roster.children()[a.child].id);
    }
    std::array<std::vector<bool>, 2> in_post_before;  // by roster index: in post on 31 March one and two years before
    for (std::size_t y = 0; y < 3; ++y) {
      YearFigures& each = r.years[y];
      if (y == 2) {
        each.caseloads = r.caseloads.team;
        continue;
      }
      const CaseloadCheck& check = before[y];
      each.caseloads = check.team;
      in_post_before[1 - y].assign(r.officer_ids.size(), false);
      for (const OfficerLoad& l : check.officers) in_post_before[1 - y][l.officer] = true;
    }
    for (const Allocation& a : book.roster.allocations()) {
      for (std::size_t ago = 1; ago <= 2; ++ago) {
        if (in_post_before[ago - 1][a.officer] && allocated_on(a, r.years[2 - ago].to))
          r.allocated_before[ago - 1].emplace_back(a.officer, book.roster.children()[a.child].id);
      }
    }
  };
  const auto count_disputes = [&] {
    DisputeRegister reg(policy, cal);
    // Every dispute first, then every event: each dispute's events are replayed six times below, and events
    // allocated one after another (not between the disputes' lists of children and categories) read faster.
    for (const Dispute& d : book.disputes) reg.add(d.id, d.children, d.officer, d.categories);
    for (const Dispute& d : book.disputes) {
      for (const DisputeEvent& e : d.events) reg.add_event(d.id, e);
    }
    r.dispute_ids.reserve(book.disputes.size());
    r.dispute_children.reserve(book.disputes.size());
    r.dispute_categories.reserve(book.disputes.size());
    r.dispute_tallies.reserve(book.disputes.size());
    for (const Dispute& d : book.disputes) {
      r.dispute_ids.push_back(d.id);
      r.dispute_children.push_back(d.children);
      r.dispute_categories.push_back(d.categories.empty() ? std::vector<std::string>{"(none)"} : d.categories);
      r.dispute_tallies.push_back(reg.tally(r.dispute_ids.size() - 1, r.from, r.to));
    }
    r.disputes = reg.figures(r.from, r.to);
    for (std::size_t y = 0; y < 2; ++y) {
      const Date year_from = r.years[1 - y].from, year_to = r.years[1 - y].to;
      for (std::size_t i = 0; i < r.dispute_ids.size(); ++i)
        r.dispute_tallies_before[y].push_back(reg.tally(i, year_from, year_to));
    }
    for (std::size_t y = 0; y < 3; ++y)
      r.years[y].disputes = y == 2 ? r.disputes : reg.figures(r.years[y].from, r.years[y].to);
  };
  run_beside(two && !book.disputes.empty(), count_caseloads, count_disputes);
  r.targets = check_targets(r, policy);
  list_report_figures(r);
  return r;
}

}  // namespace iro
