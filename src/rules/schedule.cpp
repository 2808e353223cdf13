#include "iro/rules/schedule.hpp"

#include <algorithm>
#include <sstream>

#include "iro/core/error.hpp"

namespace iro {
namespace {

// The steps whose interval runs from the previous review (the ones an early review may keep the due date of,
// under the local convention early_review_restarts_clock = false).
bool periodic(DueRule r) {
  switch (r) {
    case DueRule::standard_second:
    case DueRule::standard_subsequent:
    case DueRule::short_breaks_second:
    case DueRule::short_breaks_subsequent:
    case DueRule::adoption_placed_second:
    case DueRule::adoption_placed_subsequent:
    case DueRule::returned: return true;
    default: return false;
  }
}

// One chain of reviews: from its start (a period's start or a change of regime) to the next chain's start,
// the end of care, or open on the as-of date.
struct Chain {
  Regime regime = Regime::standard;  // standard, short_breaks or adoption_placed (authorised is a flag)
  Date start;
  ChainStart started = ChainStart::looked_after;
  bool returned = false;          // after a return to the agency: 6 months after the previous held review
  std::optional<Date> authority;  // the agency has had authority to place since this day (a standard chain)
  bool cap_applies = false;       // reg 36(1)(a): the first review on or after `authority` is still to come
};

class Evaluator {
 public:
  Evaluator(const Policy& policy, const Calendar& calendar, Date as_of, Schedule& out)
      : policy_(policy),
        cal_(calendar),
        as_of_(as_of),
        out_(out),
        local_(policy.anchor != AnchorConvention::day_zero || policy.interval_unit != IntervalUnit::months) {}

  // A step counted from @p anchor: the policy's date and the law's (from @p law_anchor).
  Due counted(DueRule rule, Date anchor, Date law_anchor, const Chain& c) const {
    const RuleStep& step = policy_.step(rule, anchor);
    Due d;
    d.date = policy_.add(anchor, step.interval, cal_);
    d.rule = rule;
    d.anchor = anchor;
    d.started = c.started;
    d.chain_start = c.start;
    d.statutory_anchor = law_anchor;
    // The law's own date differs only under a local convention or a kept due date (a hot path: most
    // policies count as the law does).
    d.statutory = !local_ && anchor == law_anchor
                      ? d.date
                      : policy_.add_statutory(law_anchor, policy_.step(rule, law_anchor).interval, cal_);
    return d;
  }

  // The due date of review number k+1 of chain @p c; @p previous is the last review held in the chain (k > 0)
  // or, after a return, in the time in care; @p keep is the due date an early review kept (local convention).
  // @p held is the day the review was held (empty for one still owed): authority to place bears on the first
  // review held on or after its day.
  Due due_for(const Chain& c, int k, std::optional<Date> previous, std::optional<Date> keep,
              std::optional<Date> held) const {
    Due d;
    if (c.returned) {
      // Not a new entry into care: no 20-working-day or 3-month step; 6 months after the previous review
      // (or, when none was held in this time in care, after its start).
      const Date from = previous ? *previous : span_start_;
      d = counted(DueRule::returned, keep ? *keep : from, from, c);
      d.from_care_start = !previous;
      if (k == 0 && policy_.after_return) {
        const Due local = counted(DueRule::returned_local, c.start, c.start, c);
        if (local.date < d.date) {
          Due chosen = local;
          chosen.other = d.date;
          d = chosen;
        } else {
          d.other = local.date;
        }
      }
    } else if (k == 0) {
      const DueRule rule = c.regime == Regime::adoption_placed ? DueRule::adoption_placed_first
                           : c.regime == Regime::short_breaks  ? DueRule::short_breaks_first
                                                               : DueRule::standard_first;
      d = counted(rule, c.start, c.start, c);
    } else {
      const bool second = k == 1;
      const DueRule rule = c.regime == Regime::adoption_placed
                               ? (second ? DueRule::adoption_placed_second : DueRule::adoption_placed_subsequent)
                           : c.regime == Regime::short_breaks
                               ? (second ? DueRule::short_breaks_second : DueRule::short_breaks_subsequent)
                               : (second ? DueRule::standard_second : DueRule::standard_subsequent);
      d = counted(rule, keep ? *keep : *previous, *previous, c);
    }
    // AAR 2005 reg 36(1)(a): the first review held on or after the day of authority (or, while none has
    // been, the review still owed) is due by the earlier of its own date and 3 months after authority.
    // A review still owed whose own date came before authority was already due (and missed) without it.
    if (c.authority && c.cap_applies && (held ? *held >= *c.authority : d.date >= *c.authority)) {
      Due cap = counted(DueRule::adoption_authorised, *c.authority, *c.authority, c);
      d.authority = cap.authority = c.authority;
      if (cap.date < d.date) {
        cap.other = d.date;
        cap.statutory = std::min(cap.statutory, d.statutory);
        d = cap;
      } else {
        d.other = cap.date;
        d.statutory = std::min(cap.statutory, d.statutory);
      }
    }
    return d;
  }

  Regime label(const Chain& c, Date when) const {
    return c.authority && when >= *c.authority ? Regime::adoption_authorised : c.regime;
  }

  // Runs chain @p c over the held reviews [first, last). When @p ends, @p end is the day the chain stops
  // (a change of regime, the end of care); otherwise it runs on the as-of date, and @p birthday (when the
  // child has a date of birth) is the 18th birthday, from which nothing falls due.
  void run(Chain& c, const Review* const* first, const Review* const* last, bool ends, Date end,
           std::optional<Date> birthday) {
    int k = 0;
    std::optional<Date> keep;
    for (const Review* const* it = first; it != last; ++it) {
      const Review& r = **it;
      ReviewResult res;
      res.date = r.date;
      res.number = k + 1;
      res.regime = label(c, r.date);
      res.due = due_for(c, k, last_held_, keep, r.date);
      res.on_time = r.date <= res.due.date;
      res.days_late = res.on_time ? 0 : r.date - res.due.date;
      res.record_due = cal_.add_working_days(r.date, policy_.record_working_days);
      res.participation = r.participation;
      res.on_chain_start = r.date == c.start;
      out_.reviews.push_back(res);
      if (c.authority && r.date >= *c.authority) c.cap_applies = false;
      // The clock restarts on the day the review was held, unless the policy keeps an early review's due
      // date (a local convention, for reviews whose interval runs from the previous review).
      keep.reset();
      if (!policy_.early_review_restarts_clock && res.on_time && r.date < res.due.date && periodic(res.due.rule)) {
        keep = res.due.date;
      }
      last_held_ = r.date;
      ++k;
    }
    const Due due = due_for(c, k, last_held_, keep, std::nullopt);
    const Regime regime = label(c, due.date);
    if (ends) {
      if (due.date < end) out_.missed.push_back({due, regime, k + 1});
      return;
    }
    if (birthday && due.date >= *birthday) {
      // Looked after today, but nothing falls due from the 18th birthday.
      out_.why = NothingOwed::turns_18_first;
      out_.care_ended = *birthday;
      out_.would_be_due = due.date;
      return;
    }
    if (due.date < as_of_) out_.missed.push_back({due, regime, k + 1});
    NextReview next;
    next.due = due;
    next.number = k + 1;
    next.regime = regime;
    next.overdue = due.date < as_of_;
    const Date from = k == 0 && !c.returned ? c.start : (keep ? *keep : last_held_ ? *last_held_ : c.start);
    const std::int64_t span = due.date - from;
    next.midway = from.add_days(span * policy_.midway_percent / 100);
    next.book_by = from.add_days(span * policy_.booking_percent / 100);
    next.report_due = cal_.add_working_days(due.date, -policy_.report_working_days_before);
    out_.next = next;
    out_.why = NothingOwed::owed;
  }

  // One continuous time in care: from @p start, through the changes of regime in @p changes (in date order,
  // abutting periods' starts included), to @p end (the first day out of care, known by the as-of date) or
  // open. The held reviews [first, last) fall in it.
  void time_in_care(Date start, Regime regime, const std::vector<RegimeSwitch>& changes, std::optional<Date> end,
                    std::optional<Date> birthday, const Review* const* first, const Review* const* last) {
    span_start_ = start;
    last_held_.reset();
    std::optional<Date> first_authority;
    Chain c;
    c.regime = regime;
    c.start = start;
    c.started = regime == Regime::short_breaks      ? ChainStart::short_breaks
                : regime == Regime::adoption_placed ? ChainStart::placed_for_adoption
                                                    : ChainStart::looked_after;
    const Review* const* from = first;
    for (const RegimeSwitch& sw : changes) {
      const Regime running = c.authority ? Regime::adoption_authorised : c.regime;
      if (sw.regime == running) continue;  // a switch to the regime already running changes nothing
      if (sw.regime == Regime::adoption_authorised && c.regime == Regime::standard) {
        // Authority to place: the standard chain runs on; its cap runs from the first authority only.
        c.authority = sw.date;
        c.cap_applies = !first_authority && !c.returned;
        if (!first_authority) first_authority = sw.date;
        continue;
      }
      if (sw.regime == Regime::standard && c.regime == Regime::standard && c.authority) {
        // Authority to place ended: the standard chain runs on without it.
        c.authority.reset();
        c.cap_applies = false;
        continue;
      }
      const Review* const* to = std::find_if(from, last, [&](const Review* r) { return r->date >= sw.date; });
      run(c, from, to, true, sw.date, std::nullopt);
      from = to;
      Chain next;
      next.start = sw.date;
      const bool returned = c.regime == Regime::adoption_placed &&
                            (sw.regime == Regime::standard || sw.regime == Regime::adoption_authorised);
      if (returned) {
        // Return to the agency: not a new entry into care (FORMAT.md; CPPCR 2010 reg 33(2), AAR 2005
        // reg 36(1)(b)). A placement order survives the return: the regime may be adoption_authorised, but
        // the 3-month cap ran from the first authority and does not start again.
        next.regime = Regime::standard;
        next.returned = true;
        next.started = ChainStart::returned_to_agency;
        if (sw.regime == Regime::adoption_authorised) next.authority = first_authority ? *first_authority : sw.date;
        if (!first_authority && sw.regime == Regime::adoption_authorised) first_authority = sw.date;
      } else {
        next.regime = sw.regime;
        next.started = sw.regime == Regime::adoption_placed ? ChainStart::placed_for_adoption
                       : sw.regime == Regime::short_breaks  ? ChainStart::short_breaks
                       : c.regime == Regime::short_breaks   ? ChainStart::full_time_care
                                                            : ChainStart::regime_change;
      }
      c = next;
    }
    run(c, from, last, end.has_value(), end ? *end : as_of_, birthday);
  }

 private:
  const Policy& policy_;
  const Calendar& cal_;
  Date as_of_;
  Schedule& out_;
  bool local_;  // the policy counts differently from the law (anchor day 1, months as days)
  Date span_start_;
  std::optional<Date> last_held_;  // the last review held in the current time in care
};

// Prefixes a message with the child's id unless it already names it.
[[noreturn]] void rethrow_for(const Child& child, const Error& e) {
  const std::string prefix = "child " + quote(child.id) + ": ";
  const std::string what = e.what();
  if (what.rfind(prefix, 0) == 0) throw e;
  throw Error(e.status(), prefix + what);
}

// Refuses a date outside the calendar, naming the field: "periods[0].start", "periods[0].switches[1].date"
// or "reviews[3].date" (the text is made only when refusing).
void check_in_range(const Child& child, const Calendar& cal, Date d, const char* what, std::size_t i,
                    std::size_t k = 0) {
  if (d >= cal.range_first() && d <= cal.range_last()) return;
  const std::string field = std::string(what) == "switch"
                                ? "periods[" + std::to_string(i) + "].switches[" + std::to_string(k) + "].date"
                            : std::string(what) == "review" ? "reviews[" + std::to_string(i) + "].date"
                                                            : "periods[" + std::to_string(i) + "].start";
  throw Error(Status::out_of_range, "child " + quote(child.id) + ": " + field + ": " + d.iso() +
                                        " is outside the calendar's range " + cal.range_first().iso() + " to " +
                                        cal.range_last().iso());
}

}  // namespace

const char* chain_start_text(ChainStart start) noexcept {
  switch (start) {
    case ChainStart::looked_after: return "became looked after";
    case ChainStart::short_breaks: return "began a series of short breaks";
    case ChainStart::full_time_care: return "moved from short breaks to full-time care";
    case ChainStart::placed_for_adoption: return "was placed for adoption";
    case ChainStart::returned_to_agency: return "was returned to the agency by the prospective adopter";
    case ChainStart::regime_change: return "changed regime";
  }
  return "?";
}

void evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of, Schedule& out) {
  out.clear();
  validate(child);
  try {
    // Every date the rules count from must be in the calendar: say which one is not.
    for (std::size_t i = 0; i < child.periods.size(); ++i) {
      const Period& p = child.periods[i];
      if (p.start > as_of) break;
      check_in_range(child, calendar, p.start, "period", i);
      for (std::size_t s = 0; s < p.switches.size(); ++s) {
        if (p.switches[s].date <= as_of) check_in_range(child, calendar, p.switches[s].date, "switch", i, s);
      }
    }
    const std::optional<Date> birthday = child.dob ? eighteenth_birthday(*child.dob) : std::nullopt;
    if (birthday) {
      for (std::size_t i = 0; i < child.periods.size(); ++i) {
        if (child.periods[i].start >= *birthday) {
          throw Error(Status::invalid_argument, "child " + quote(child.id) + ": periods[" + std::to_string(i) +
                                                    "].start: " + child.periods[i].start.iso() +
                                                    " is on or after the 18th birthday " + birthday->iso() +
                                                    ": a person of 18 is not a child (Children Act 1989 s105(1))");
        }
      }
    }
    // The held reviews known on the as-of date, in date order, one per date (a duplicated record is not a
    // second review; of two records the first with a participation code stands). A review after the 18th
    // birthday is not a review of a looked-after child.
    std::vector<const Review*>& held = out.held;
    for (const Review& r : child.reviews) {
      if (!r.cancelled && r.date <= as_of && (!birthday || r.date <= *birthday)) held.push_back(&r);
    }
    const auto by_date = [](const Review* a, const Review* b) { return a->date < b->date; };
    if (!std::is_sorted(held.begin(), held.end(), by_date)) std::stable_sort(held.begin(), held.end(), by_date);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < held.size(); ++i) {
      if (kept > 0 && held[kept - 1]->date == held[i]->date) {
        if (held[kept - 1]->participation == Participation::none) held[kept - 1] = held[i];
        continue;
      }
      held[kept++] = held[i];
    }
    held.resize(kept);
    for (const Review* r : held) {
      check_in_range(child, calendar, r->date, "review", static_cast<std::size_t>(r - child.reviews.data()));
    }

    Evaluator ev(policy, calendar, as_of, out);
    const Review* const* cursor = held.data();
    const Review* const* const stop = held.data() + held.size();
    out.why = NothingOwed::not_looked_after_yet;
    std::size_t i = 0;
    while (i < child.periods.size() && child.periods[i].start <= as_of) {
      // One continuous time in care: this period and any that abut it (one ends the day the next starts),
      // their starts acting as changes of regime.
      const Period& head = child.periods[i];
      out.changes.clear();
      std::size_t j = i;
      for (;;) {
        for (const RegimeSwitch& sw : child.periods[j].switches) {
          if (sw.date <= as_of && (!birthday || sw.date < *birthday)) out.changes.push_back(sw);
        }
        const std::optional<Date>& end = child.periods[j].end;
        if (end && j + 1 < child.periods.size() && child.periods[j + 1].start == *end && *end <= as_of) {
          out.changes.push_back({*end, child.periods[j + 1].regime});
          ++j;
          continue;
        }
        break;
      }
      // The first day out of care known on the as-of date: the end, or the 18th birthday if earlier.
      std::optional<Date> end = child.periods[j].end;
      bool turned_18 = false;
      if (birthday && (!end || *birthday < *end)) {
        end = *birthday;
        turned_18 = true;
      }
      // head.start <= as_of, so the time in care has ended by the as-of date when the child is not looked
      // after on it; a review on the end date belongs to it (TimeInCare::holds()).
      const TimeInCare time{head.start, end};
      const bool ended = !time.looked_after_on(as_of);
      const Review* const* to = std::find_if(cursor, stop, [&](const Review* r) { return !time.holds(r->date); });
      // A review on the day the next period starts belongs to that period.
      if (j + 1 < child.periods.size() && child.periods[j + 1].start <= as_of) {
        to = std::find_if(cursor, to, [&](const Review* r) { return r->date >= child.periods[j + 1].start; });
      }
      ev.time_in_care(head.start, head.regime, out.changes, ended ? end : std::nullopt,
                      turned_18 && !ended ? birthday : std::nullopt, cursor, to);
      if (ended) {
        out.why = turned_18 ? NothingOwed::turned_18 : NothingOwed::left_care;
        out.care_ended = *end;
      }
      cursor = to;
      i = j + 1;
    }
    // validate() puts every held review inside a period, so none is left over.
    if (cursor != stop) {
      throw Error(Status::internal,
                  "child " + quote(child.id) + ": the review of " + (*cursor)->date.iso() + " fits no period");
    }
  } catch (const Error& e) {
    rethrow_for(child, e);
  }
}

Schedule evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of) {
  Schedule s;
  evaluate(child, policy, calendar, as_of, s);
  return s;
}

namespace {

std::string day_text(Date d) { return std::string(weekday_name(d.weekday())) + " " + d.iso(); }

// "Saturday 2024-03-30 is not a working day (a Saturday): a deadline is not extended; the last working day
// before it is Thursday 2024-03-28."
void deadline_note(std::ostringstream& s, Date due, const Calendar& cal) {
  if (cal.is_working_day(due)) return;
  const Holiday* h = cal.holiday_on(due);
  s << " " << due.iso() << " is not a working day (";
  if (h)
    s << h->name << (h->substitute ? ", a substitute day" : "");
  else
    s << "a " << weekday_name(due.weekday());
  s << "): a deadline that falls on a non-working day is not extended, so hold the review by the working day "
       "before it, "
    << day_text(cal.previous_working_day(due)) << ".";
}

// The arithmetic of one step: what the policy counted, and the law's date beside it when they differ.
void arithmetic(std::ostringstream& s, const Due& due, const RuleStep& step, const Policy& policy,
                const Calendar& cal) {
  const Interval& iv = step.interval;
  switch (iv.unit) {
    case Unit::working_days:
      if (policy.anchor == AnchorConvention::counts_as_day_one && cal.is_working_day(due.anchor) && iv.value > 0) {
        s << " The policy counts the anchor " << due.anchor << " itself as working day 1 (a local convention, not "
          << "the statutory count), so working day " << iv.value << " is " << due.date << ".";
      } else {
        s << " " << cal.explain_add(due.anchor, iv.value).text() << ".";
      }
      break;
    case Unit::days:
      s << " " << due.anchor << " + " << iv.value << " day" << (iv.value == 1 ? "" : "s") << " = " << due.date << ".";
      break;
    case Unit::weeks:
      s << " " << due.anchor << " + " << describe(iv) << " (" << iv.value * 7 << " days) = " << due.date << ".";
      break;
    case Unit::months:
      if (policy.interval_unit == IntervalUnit::days) {
        s << " The policy reads " << describe(iv) << " as " << (due.date - due.anchor)
          << " days (a local convention, not the statutory reading): " << due.anchor << " + " << (due.date - due.anchor)
          << " days = " << due.date << ".";
      } else {
        s << " " << due.anchor << " + " << describe(iv) << " = " << due.date
          << " (the corresponding date, or the last day of a shorter month).";
      }
      break;
  }
}

}  // namespace

std::string explain(const Due& due, const Policy& policy, const Calendar& calendar) {
  const RuleStep& step = policy.step(due.rule, due.anchor);
  std::ostringstream s;
  s << "Due " << day_text(due.date) << ": " << step.cite << ", " << step.text << ".";
  // What started the chain, and what the interval counts from.
  const bool first_step = due.rule == DueRule::standard_first || due.rule == DueRule::short_breaks_first ||
                          due.rule == DueRule::adoption_placed_first;
  s << " The child " << chain_start_text(due.started) << " on " << day_text(due.chain_start);
  if (due.started == ChainStart::returned_to_agency) {
    s << ": a return is not a new entry into care, so the first-review steps of a new entry (20 working days, "
         "then 3 months) do not recur, and each review is due not more than 6 months after the previous one";
  }
  s << ".";
  if (due.rule == DueRule::adoption_authorised) {
    s << " The agency first had authority to place the child for adoption on " << day_text(due.anchor) << ".";
  } else if (due.rule == DueRule::returned_local) {
    s << " The policy sets a review within " << describe(step.interval) << " of the return (local procedure, not "
      << "a statutory requirement).";
  } else if (due.from_care_start) {
    s << " No review has been held since the child became looked after on " << day_text(due.statutory_anchor)
      << ", so the interval runs from then (an interpretation: the regulations count from the previous review).";
  } else if (!first_step) {
    s << " The interval runs from the previous review, held on " << day_text(due.statutory_anchor) << ".";
  }
  if (due.anchor != due.statutory_anchor) {
    s << " The policy counts instead from " << due.anchor << ", the due date that early review met (a local "
      << "convention: an early review keeps its due date).";
  }
  arithmetic(s, due, step, policy, calendar);
  if (due.authority && due.other) {
    const RuleStep& cap = policy.authorised;
    if (due.rule == DueRule::adoption_authorised) {
      s << " Two duties apply to the first review after authority to place: " << cap.cite << " gives " << due.date
        << " and the standard rule gives " << *due.other << "; the earlier, " << due.date << ", applies.";
    } else {
      s << " Two duties apply to the first review after authority to place (" << due.authority->iso()
        << "): " << step.cite << " gives " << due.date << " and " << cap.cite << " (" << describe(cap.interval)
        << " after authority) gives " << *due.other << "; the earlier, " << due.date << ", applies.";
    }
  } else if (due.other) {
    s << " The other duty gives " << *due.other << "; the earlier, " << due.date << ", applies.";
  }
  if (due.statutory != due.date) {
    s << " By the law's own count the deadline is " << day_text(due.statutory) << "; " << due.date
      << " is the policy's (policy " << policy.id << ").";
  }
  deadline_note(s, due.date, calendar);
  if (const std::optional<Date> in_force = policy.commenced(due.rule, due.anchor); in_force && due.anchor < *in_force) {
    s << " " << step.cite << " came into force on " << *in_force << ", after " << due.anchor
      << ": it is applied here before its commencement, as the policy has no earlier rule for this step.";
  }
  return s.str();
}

std::string explain(const ReviewResult& review, const Policy& policy, const Calendar& calendar) {
  std::string text = explain(review.due, policy, calendar);
  if (review.on_chain_start && review.due.started == ChainStart::placed_for_adoption) {
    text +=
        " Note: this review was held on the day of the placement for adoption; it counts as the first review "
        "under " +
        policy.step(DueRule::adoption_placed_first, review.date).cite +
        ", so the check 4 weeks into the placement is not held as a separate review.";
  } else if (review.on_chain_start) {
    text += " Note: this review was held on the day its chain started (the child " +
            std::string(chain_start_text(review.due.started)) + " that day), and counts as its first review.";
  }
  return text;
}

std::string explain_next(const Schedule& s, const Policy& policy, const Calendar& calendar, Date as_of) {
  switch (s.why) {
    case NothingOwed::owed:
      if (s.next) return explain(s.next->due, policy, calendar);
      return "Nothing is owed.";
    case NothingOwed::not_looked_after_yet:
      return "Nothing is owed: the child is not looked after on " + as_of.iso() + " (no period of care has started).";
    case NothingOwed::left_care:
      return "Nothing is owed: the child stopped being looked after on " + s.care_ended.iso() +
             " (the first day out of care); a chain that ends on or before a due date owes nothing for it.";
    case NothingOwed::turned_18:
      return "Nothing is owed: the child turned 18 on " + s.care_ended.iso() +
             " and is no longer a child (Children Act 1989 s105(1); a person attains an age at the start of the "
             "birthday, Family Law Reform Act 1969 s9), so stopped being looked after that day; nothing falls due "
             "from it.";
    case NothingOwed::turns_18_first:
      return "Nothing is owed: the next review would be due on " + s.would_be_due.iso() +
             ", but the child turns 18 on " + s.care_ended.iso() +
             " and stops being looked after that day (Children Act 1989 s105(1); Family Law "
             "Reform Act 1969 s9); nothing falls due from the 18th birthday.";
  }
  return "?";
}

std::vector<Deadline> placement_deadlines(const Child& child, const Policy& /*policy*/, const Calendar& calendar,
                                          Date as_of) {
  std::vector<Deadline> out;
  std::vector<Placement> placements;
  for (const Placement& p : child.placements) {
    if (p.start <= as_of) placements.push_back(p);
  }
  std::sort(placements.begin(), placements.end(),
            [](const Placement& a, const Placement& b) { return a.start < b.start; });
  // The care plan: by the first placement of each period of care, or within 10 working days of its start.
  for (const Period& period : child.periods) {
    if (period.start > as_of) break;
    for (const Placement& p : placements) {
      if (as_time_in_care(period).looked_after_on(p.start)) {
        out.push_back({"care plan", "CPPCR 2010 reg 4(2)", p.start, calendar.add_working_days(p.start, 10),
                       "within 10 working days of the start of the first placement"});
        break;
      }
    }
  }
  for (const Placement& p : placements) {
    const Date due = calendar.add_working_days(p.start, 5);
    out.push_back(
        {"placement plan", "CPPCR 2010 reg 9(2)", p.start, due, "within 5 working days of the start of the placement"});
    out.push_back({"placement notifications", "CPPCR 2010 reg 13(1)", p.start, due,
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
        out.push_back({"social worker visit", first_year ? "CPPCR 2010 reg 28(2)(b)" : "CPPCR 2010 reg 28(2)(c)(ii)",
                       *last_visit, last_visit->add_weeks(6),
                       first_year ? "at intervals of not more than 6 weeks in the first year of the placement"
                                  : "at intervals of not more than 6 weeks after the first year"});
      } else {
        out.push_back({"social worker visit", "CPPCR 2010 reg 28(2)(c)(i)", *last_visit, last_visit->add_months(3),
                       "at intervals of not more than 3 months after the first year, for a placement intended to "
                       "last until the child is 18"});
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Deadline& a, const Deadline& b) { return a.due < b.due; });
  return out;
}

Worklist worklist(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar, Date as_of,
                  std::int32_t within_days) {
  Worklist out;
  Schedule s;
  for (std::size_t i = 0; i < children.size(); ++i) {
    try {
      evaluate(children[i], policy, calendar, as_of, s);
    } catch (const Error& e) {  // one bad child never stops the others
      out.refused.push_back({i, children[i].id, e.status(), e.what()});
      continue;
    }
    if (!s.next) continue;
    const std::int32_t until = s.next->due.date - as_of;
    if (until <= within_days) out.items.push_back({i, *s.next, until});
  }
  std::stable_sort(out.items.begin(), out.items.end(),
                   [](const WorkItem& a, const WorkItem& b) { return a.next.due.date < b.next.due.date; });
  return out;
}

}  // namespace iro
