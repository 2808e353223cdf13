#include "iro/schedule.hpp"

#include <algorithm>
#include <sstream>

#include "iro/error.hpp"

namespace iro {
namespace {

struct RuleInfo {
  const char* cite;
  const char* text;
};

const RuleInfo rules[] = {
    {"CPPCR 2010 reg 33(2)(a)", "first review within 20 working days of the day the child became looked after"},
    {"CPPCR 2010 reg 33(2)(b)", "second review not more than 3 months after the first"},
    {"CPPCR 2010 reg 33(2)(c)", "subsequent review not more than 6 months after the previous one"},
    {"CPPCR 2010 reg 48", "first review of a series of short breaks within 3 months of the first short break"},
    {"CPPCR 2010 reg 48", "subsequent short-break review not more than 6 months after the previous one"},
    {"AAR 2005 reg 36(3)(a)", "first review not more than 4 weeks after the child was placed for adoption"},
    {"AAR 2005 reg 36(3)(b)", "second review not more than 3 months after the first"},
    {"AAR 2005 reg 36(3)(c)", "subsequent review not more than 6 months after the previous one"},
    {"AAR 2005 reg 36(1)", "review within 3 months of the agency's authority to place for adoption"},
};

bool known(DueRule r) { return static_cast<std::int32_t>(r) >= 0 && static_cast<std::int32_t>(r) <= 8; }

// One chain of reviews: from its start to the next chain's start (or the period's end, or open).
struct Chain {
  Regime regime;
  Date start;
  std::optional<Date> authorised;  // adoption_authorised switch on this standard chain
};

class Evaluator {
 public:
  Evaluator(const Policy& policy, const Calendar& calendar, Date as_of, Schedule& out)
      : policy_(policy), cal_(calendar), as_of_(as_of), out_(out) {}

  // The due date of review number k+1 of a chain whose clock last started on @p last (k > 0).
  Due due_for(const Chain& c, int k, Date last, bool authorised_seen) const {
    const RegimeRules& rules = policy_.rules(c.regime);
    const bool placed = c.regime == Regime::adoption_placed, breaks = c.regime == Regime::short_breaks;
    Due d;
    if (k == 0) {
      const RuleVersion& v = rules.in_force(c.start);
      d = {policy_.add(c.start, v.first, cal_),
           placed ? DueRule::adoption_placed_first : breaks ? DueRule::short_breaks_first : DueRule::standard_first,
           c.start};
    } else {
      const RuleVersion& v = rules.in_force(last);
      const bool second = k == 1;
      d = {policy_.add(last, second ? v.second : v.subsequent, cal_),
           placed   ? (second ? DueRule::adoption_placed_second : DueRule::adoption_placed_subsequent)
           : breaks ? DueRule::short_breaks_subsequent
                    : (second ? DueRule::standard_second : DueRule::standard_subsequent),
           last};
    }
    if (c.authorised && !authorised_seen) {
      const Date cap = policy_.add(*c.authorised, policy_.authorised_cap, cal_);
      if (cap < d.date) d = {cap, DueRule::adoption_authorised, *c.authorised};
    }
    return d;
  }

  Regime label(const Chain& c, Date when) const {
    return c.authorised && when >= *c.authorised ? Regime::adoption_authorised : c.regime;
  }

  // Runs one chain over the held reviews [first, last); when @p ends, @p end is the day the chain stops
  // (a switch date or the period's end); otherwise it runs on the as-of date.
  void chain(const Chain& c, const Review* const* first, const Review* const* last, bool ends, Date end) {
    int k = 0;
    Date previous = c.start;
    bool authorised_seen = false;
    for (const Review* const* it = first; it != last; ++it) {
      const Review& r = **it;
      ReviewResult res;
      res.date = r.date;
      res.number = k + 1;
      res.regime = label(c, r.date);
      res.due = due_for(c, k, previous, authorised_seen);
      res.on_time = r.date <= res.due.date;
      res.days_late = res.on_time ? 0 : r.date - res.due.date;
      res.record_due = cal_.add_working_days(r.date, policy_.record_working_days);
      res.participation = r.participation;
      out_.reviews.push_back(res);
      authorised_seen = authorised_seen || (c.authorised && r.date >= *c.authorised);
      // The clock restarts on the day the review was held, unless the policy keeps an early review's
      // original due date.
      previous = policy_.early_review_restarts_clock || r.date > res.due.date ? r.date : res.due.date;
      ++k;
    }
    const Due due = due_for(c, k, previous, authorised_seen);
    const Regime regime = label(c, due.date);
    if (ends) {
      if (due.date < end) out_.missed.push_back({due, regime, k + 1});
      return;
    }
    if (due.date < as_of_) out_.missed.push_back({due, regime, k + 1});
    NextReview next;
    next.due = due;
    next.number = k + 1;
    next.regime = regime;
    next.overdue = due.date < as_of_;
    const Date from = k == 0 ? c.start : previous;
    const std::int32_t span = due.date - from;
    next.midway = from.add_days(span / 2);
    next.book_by = from.add_days(static_cast<std::int64_t>(span) * policy_.booking_percent / 100);
    next.report_due = cal_.add_working_days(due.date, -policy_.report_working_days_before);
    out_.next = next;
  }

  void period(const Period& p, const Review* const* first, const Review* const* last) {
    const bool ended = p.end && *p.end <= as_of_;
    Chain c{p.regime, p.start, std::nullopt};
    const Review* const* from = first;
    for (const RegimeSwitch& sw : p.switches) {
      if (sw.date > as_of_) break;
      if (sw.regime == Regime::adoption_authorised) {
        c.authorised = sw.date;
        continue;
      }
      const Review* const* to = std::find_if(from, last, [&](const Review* r) { return r->date >= sw.date; });
      chain(c, from, to, true, sw.date);
      from = to;
      c = Chain{sw.regime, sw.date, std::nullopt};
    }
    chain(c, from, last, ended, ended ? *p.end : as_of_);
  }

 private:
  const Policy& policy_;
  const Calendar& cal_;
  Date as_of_;
  Schedule& out_;
};

}  // namespace

const char* due_rule_cite(DueRule rule) noexcept { return known(rule) ? rules[static_cast<int>(rule)].cite : "?"; }
const char* due_rule_text(DueRule rule) noexcept { return known(rule) ? rules[static_cast<int>(rule)].text : "?"; }

void evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of, Schedule& out) {
  out.clear();
  validate(child);
  // The held reviews known on the as-of date, in date order (pointers: no copies of the reviews).
  std::vector<const Review*>& held = out.held;
  for (const Review& r : child.reviews) {
    if (!r.cancelled && r.date <= as_of) held.push_back(&r);
  }
  const auto by_date = [](const Review* a, const Review* b) { return a->date < b->date; };
  if (!std::is_sorted(held.begin(), held.end(), by_date)) std::stable_sort(held.begin(), held.end(), by_date);
  Evaluator ev(policy, calendar, as_of, out);
  const Review* const* cursor = held.data();
  const Review* const* const stop = held.data() + held.size();
  for (std::size_t i = 0; i < child.periods.size(); ++i) {
    const Period& p = child.periods[i];
    if (p.start > as_of) break;
    // This period's reviews: up to its end (inclusive), but a review on the day the next period starts
    // belongs to the next period.
    const bool next_starts = i + 1 < child.periods.size() && child.periods[i + 1].start <= as_of;
    const Review* const* to = std::find_if(cursor, stop, [&](const Review* r) {
      if (next_starts && r->date >= child.periods[i + 1].start) return true;
      return p.end && r->date > *p.end;
    });
    ev.period(p, cursor, to);
    cursor = to;
  }
  // validate() puts every held review inside a period, so none is left over.
  if (cursor != stop) throw Error(Status::internal, "child " + quote(child.id) + ": a review fits no period");
}

Schedule evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of) {
  Schedule s;
  evaluate(child, policy, calendar, as_of, s);
  return s;
}

std::string explain(const Due& due, const Policy& policy, const Calendar& calendar) {
  // The rule version in force on the anchor, and which of its intervals this due date used.
  Interval iv = policy.authorised_cap;
  std::string cite = policy.authorised_cite, what = "review within " + describe(iv) + " of authority to place for adoption";
  const auto pick = [&](Regime regime, int which, const char* text) {
    const RuleVersion& v = policy.rules(regime).in_force(due.anchor);
    iv = which == 0 ? v.first : which == 1 ? v.second : v.subsequent;
    cite = which == 0 ? v.cite_first : which == 1 ? v.cite_second : v.cite_subsequent;
    what = std::string(text);
    const auto at = what.find("{}");
    if (at != std::string::npos) what.replace(at, 2, describe(iv));
  };
  switch (due.rule) {
    case DueRule::standard_first: pick(Regime::standard, 0, "first review within {} of the day the child became looked after"); break;
    case DueRule::standard_second: pick(Regime::standard, 1, "second review not more than {} after the first"); break;
    case DueRule::standard_subsequent: pick(Regime::standard, 2, "subsequent review not more than {} after the previous one"); break;
    case DueRule::short_breaks_first: pick(Regime::short_breaks, 0, "first short-break review within {} of the first short break"); break;
    case DueRule::short_breaks_subsequent: pick(Regime::short_breaks, 2, "short-break review not more than {} after the previous one"); break;
    case DueRule::adoption_placed_first: pick(Regime::adoption_placed, 0, "first review not more than {} after the child was placed for adoption"); break;
    case DueRule::adoption_placed_second: pick(Regime::adoption_placed, 1, "second review not more than {} after the first"); break;
    case DueRule::adoption_placed_subsequent: pick(Regime::adoption_placed, 2, "subsequent review not more than {} after the previous one"); break;
    case DueRule::adoption_authorised: break;
  }
  std::ostringstream s;
  s << "due " << due.date << ": " << cite << ", " << what << ": ";
  switch (iv.unit) {
    case Unit::working_days: {
      const bool day_one = policy.anchor == AnchorConvention::counts_as_day_one && calendar.is_working_day(due.anchor);
      if (day_one) s << "the policy counts the anchor " << due.anchor << " as working day 1, so ";
      s << calendar.explain_add(due.anchor, day_one ? iv.value - 1 : iv.value).text();
      break;
    }
    case Unit::days:
    case Unit::weeks:
      s << due.anchor << " + " << (due.date - due.anchor) << " days";
      break;
    case Unit::months:
      if (policy.interval_unit == IntervalUnit::days) {
        s << due.anchor << " + " << (due.date - due.anchor) << " days (policy " << policy.id << " reads " << describe(iv)
          << " as " << (due.date - due.anchor) << " days)";
      } else {
        s << due.anchor << " + " << describe(iv) << " (the corresponding date, or the last day of a shorter month)";
      }
      break;
  }
  return s.str();
}

std::vector<Deadline> placement_deadlines(const Child& child, const Policy& /*policy*/, const Calendar& calendar,
                                          Date as_of) {
  std::vector<Deadline> out;
  std::vector<Placement> placements;
  for (const Placement& p : child.placements) {
    if (p.start <= as_of) placements.push_back(p);
  }
  std::sort(placements.begin(), placements.end(), [](const Placement& a, const Placement& b) { return a.start < b.start; });
  // The care plan: by the first placement of each period of care, or within 10 working days of its start.
  for (const Period& period : child.periods) {
    if (period.start > as_of) break;
    for (const Placement& p : placements) {
      if (p.start >= period.start && (!period.end || p.start < *period.end)) {
        out.push_back({"care plan", "CPPCR 2010 reg 4(2)", p.start, calendar.add_working_days(p.start, 10),
                       "within 10 working days of the start of the first placement"});
        break;
      }
    }
  }
  for (const Placement& p : placements) {
    const Date due = calendar.add_working_days(p.start, 5);
    out.push_back({"placement plan", "CPPCR 2010 reg 9(1)(b)", p.start, due,
                   "within 5 working days of the start of the placement"});
    out.push_back({"placement notifications", "CPPCR 2010 reg 13", p.start, due,
                   "within 5 working days of the start of the placement"});
  }
  // The next social worker visit, for the placement running on the as-of date.
  const auto current = std::find_if(placements.rbegin(), placements.rend(),
                                    [&](const Placement& p) { return !p.end || *p.end > as_of; });
  if (current != placements.rend()) {
    std::optional<Date> last_visit;
    for (Date v : child.visits) {
      if (v >= current->start && v <= as_of && (!last_visit || v > *last_visit)) last_visit = v;
    }
    if (!last_visit) {
      out.push_back({"social worker visit", "CPPCR 2010 reg 28(2)(a)", current->start, current->start.add_weeks(1),
                     "within 1 week of the start of the placement"});
    } else {
      const bool first_year = *last_visit < current->start.add_months(12);
      if (first_year || !current->until_18) {
        out.push_back({"social worker visit", first_year ? "CPPCR 2010 reg 28(2)(b)" : "CPPCR 2010 reg 28(3)(a)",
                       *last_visit, last_visit->add_weeks(6),
                       first_year ? "at intervals of not more than 6 weeks in the first year of the placement"
                                  : "at intervals of not more than 6 weeks after the first year"});
      } else {
        out.push_back({"social worker visit", "CPPCR 2010 reg 28(3)(b)", *last_visit, last_visit->add_months(3),
                       "at intervals of not more than 3 months after the first year, for a placement intended to "
                       "last until the child is 18"});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.due < b.due; });
  return out;
}

std::vector<WorkItem> worklist(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar,
                               Date as_of, std::int32_t within_days) {
  std::vector<WorkItem> items;
  Schedule s;
  for (std::size_t i = 0; i < children.size(); ++i) {
    evaluate(children[i], policy, calendar, as_of, s);
    if (!s.next) continue;
    const std::int32_t until = s.next->due.date - as_of;
    if (until <= within_days) items.push_back({i, *s.next, until});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const WorkItem& a, const WorkItem& b) { return a.next.due.date < b.next.due.date; });
  return items;
}

}  // namespace iro
