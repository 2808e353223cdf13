/// @file schedule.hpp
/// @brief The review scheduling engine: each child's statutory timetable as of a date, explained.
///
/// The rules are those of tests/conformance/FORMAT.md ("kind schedule"), and docs/schedule.md states every
/// interpretation with its legal basis. In short: every held review is the next review of the chain running
/// on its date; a chain starts at a period's start or at a regime switch (adoption_authorised modifies the
/// standard chain instead; a return to the agency starts a chain with no first-review steps); periods that
/// abut are one time in care; two reviews on one date are one review; the child stops being looked after
/// on the 18th birthday; the next due date runs from the date the last review was actually held; only the
/// first missed date of a chain is listed. Every interval, citation and wording is read from the policy
/// (Policy::step()). Evaluation is a pure function of (child, policy, calendar, as-of date).
#ifndef IRO_SCHEDULE_HPP
#define IRO_SCHEDULE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/model/child.hpp"
#include "iro/core/date.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// The event that started a chain of reviews (explanations name it). Values are pinned.
enum class ChainStart : std::int8_t {
  looked_after = 0,         ///< The child became looked after (the start of a period of care).
  short_breaks = 1,         ///< A series of short breaks began.
  full_time_care = 2,       ///< Short breaks were replaced by full-time care (a switch to standard).
  placed_for_adoption = 3,  ///< The child was placed for adoption.
  returned_to_agency = 4,   ///< The prospective adopter returned the child to the agency.
  regime_change = 5,        ///< Any other change of regime.
};

/// The words for a chain's start ("was placed for adoption").
/// @param start the event.
/// @return a static string.
const char* chain_start_text(ChainStart start) noexcept;

/// A due date and what made it: enough to explain it without evaluating the child again.
struct Due {
  Date date;         ///< The deadline (a review on or before it is on time).
  Date anchor;       ///< The date the policy counted the interval from.
  Date chain_start;  ///< When the chain started (see @ref started).
  /// The date the law's own conventions give (anchor day 0, calendar months, the clock running from the
  /// review held): equal to @ref date unless a local convention of the policy moved it.
  Date statutory;
  /// The date the law counts from: equal to @ref anchor unless the policy keeps an early review's due
  /// date (then it is the day that review was held).
  Date statutory_anchor;
  /// For an authorised child whose review owed both duties (AAR 2005 reg 36(1)(a) and the standard rule):
  /// the day the agency first had authority to place; empty otherwise.
  std::optional<Date> authority;
  /// Where two duties applied (authority to place; a local review after a return), the date of the one
  /// that did not set @ref date (the later one); empty otherwise.
  std::optional<Date> other;
  DueRule rule = DueRule::standard_first;  ///< The step of the chain (Policy::step() gives its interval and citation).
  ChainStart started = ChainStart::looked_after;  ///< What started the chain.
  /// After a return to the agency with no review held yet in this time in care: the interval runs from
  /// the start of the time in care, not from a review.
  bool from_care_start = false;
};

/// A held review, judged.
struct ReviewResult {
  Date date;                         ///< When it was held.
  std::int32_t number = 0;           ///< Its place in its chain (1 = first).
  Regime regime = Regime::standard;  ///< The regime it was held under.
  Due due;                           ///< The deadline it had to meet.
  bool on_time = false;              ///< Held on or before the due date.
  std::int32_t days_late = 0;        ///< Calendar days after the due date (0 when on time).
  Date record_due;                   ///< The date its record must be circulated by (policy record_working_days).
  Participation participation = Participation::none;  ///< Its PN code.
  /// Held on the day its chain started (a review on the day of placement for adoption counts as the
  /// AAR 2005 reg 36(3)(a) review; explanations say so).
  bool on_chain_start = false;
};

/// A due date that passed with no review before its chain ended or before the as-of date.
struct MissedReview {
  Due due;                           ///< The deadline missed.
  Regime regime = Regime::standard;  ///< The regime it fell under.
  std::int32_t number = 0;           ///< The number the review due would have had in its chain (1 = first).
};

/// The next review of the chain running on the as-of date, with the dates around it.
struct NextReview {
  Due due;                           ///< When it is due.
  std::int32_t number = 0;           ///< Its place in its chain.
  Regime regime = Regime::standard;  ///< The regime it falls under.
  bool overdue = false;              ///< The due date is before the as-of date.
  /// The midway review: policy midway_percent of the way from the last review (or the chain's start) to
  /// the due date.
  Date midway;
  Date book_by;     ///< Book it by (policy booking_percent of the way to the due date).
  Date report_due;  ///< The social worker's report deadline (policy report_working_days_before).
};

/// Why no review is owed on the as-of date. Values are pinned (the C API returns them).
enum class NothingOwed : std::int32_t {
  owed = 0,                  ///< A review is owed: Schedule::next is set.
  not_looked_after_yet = 1,  ///< No period of care has started by the as-of date.
  left_care = 2,             ///< The child stopped being looked after on Schedule::care_ended.
  turned_18 = 3,             ///< The child turned 18 on Schedule::care_ended (Children Act 1989 s105(1)).
  /// Still looked after, but the child turns 18 on Schedule::care_ended, on or before the day the next
  /// review would fall due (Schedule::would_be_due): nothing falls due from the 18th birthday.
  turns_18_first = 4,
};

/// A child's timetable as of a date. evaluate() reuses a Schedule's storage, so evaluating many children
/// into one Schedule allocates only while the vectors grow.
struct Schedule {
  std::vector<ReviewResult> reviews;    ///< The held reviews up to the as-of date, in date order, one per date.
  std::vector<MissedReview> missed;     ///< The missed due dates, in date order.
  std::optional<NextReview> next;       ///< Empty when nothing is owed (see @ref why).
  NothingOwed why = NothingOwed::owed;  ///< Why @ref next is empty.
  Date care_ended;                      ///< With left_care, turned_18, turns_18_first: the first day out of care.
  Date would_be_due;                    ///< With turns_18_first: the date the next review would have been due.
  /// The held reviews considered (pointers into the child evaluated), in date order, one per date; valid
  /// while that child lives. Kept here so that its storage is reused too.
  std::vector<const Review*> held;
  /// Working storage of evaluate() (the regime changes of one continuous time in care).
  std::vector<RegimeSwitch> changes;
  /// Clears the results, keeping the storage.
  void clear() noexcept {
    reviews.clear();
    missed.clear();
    next.reset();
    why = NothingOwed::owed;
    care_ended = would_be_due = Date();
    held.clear();
    changes.clear();
  }
};

/// Evaluates a child's timetable.
/// @param child the child (checked with validate()).
/// @param policy the settings and the rule steps (intervals, citations, conventions, record, report and
///        booking settings).
/// @param calendar the working-day calendar under the policy: policy.calendar(base), so that the policy's
///        closure days are in it (they are not read from @p policy here).
/// @param as_of the date of the evaluation; later reviews, switches and period starts are not known yet.
/// @param out the result (cleared first; its storage is reused).
/// @throws Error Status::invalid_argument for invalid data (naming the child, field and value);
///         Status::out_of_range when a date or a due date falls outside the calendar (naming the child).
void evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of, Schedule& out);

/// evaluate() returning a new Schedule.
/// @param child the child.
/// @param policy the settings.
/// @param calendar the calendar under the policy.
/// @param as_of the date of the evaluation.
/// @return the schedule.
/// @throws Error as evaluate().
Schedule evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of);

/// Explains a due date in words an IRO can quote: the provision and its wording, the weekday of the
/// deadline (and, when it is not a working day, that it is not extended and which working day precedes
/// it), the event that started the chain, the arithmetic, both duties for an authorised child, a local
/// convention of the policy labelled as such with the statutory date beside it, and a rule applied
/// before its commencement.
/// @param due the due date (from a Schedule).
/// @param policy the policy it was computed under.
/// @param calendar the calendar it was computed with.
/// @return the explanation.
/// @throws Error Status::invalid_argument when @p due names a step the policy does not have.
std::string explain(const Due& due, const Policy& policy, const Calendar& calendar);

/// Explains a held review's deadline: explain() of its due date, with a note where the review was held on
/// the day its chain started.
/// @param review the review (from a Schedule).
/// @param policy the policy it was computed under.
/// @param calendar the calendar it was computed with.
/// @return the explanation.
/// @throws Error as explain().
std::string explain(const ReviewResult& review, const Policy& policy, const Calendar& calendar);

/// Explains the next review, or why nothing is owed (left care, turned 18, not yet looked after).
/// @param schedule the schedule.
/// @param policy the policy it was computed under.
/// @param calendar the calendar it was computed with.
/// @param as_of the date it was evaluated on.
/// @return the explanation.
/// @throws Error as explain().
std::string explain_next(const Schedule& schedule, const Policy& policy, const Calendar& calendar, Date as_of);

/// A statutory deadline around placements (care plan, placement plan, notifications, visits).
struct Deadline {
  std::string what;  ///< "care plan", "placement plan", "placement notifications", "social worker visit".
  std::string cite;  ///< The regulation.
  Date anchor;       ///< What it counts from (the placement start, the last visit).
  Date due;          ///< The deadline.
  std::string rule;  ///< The rule in words.
};

/// The placement deadlines open on the as-of date: the care plan (10 working days after the first
/// placement of each period, reg 4(2)), each placement's plan (5 working days, reg 9(2)) and notifications
/// (reg 13(1)), and the next social worker visit (reg 28(2): within a week of a placement, then at most
/// every 6 weeks in its first year, then at most every 3 months when the placement is meant to last until
/// 18, otherwise 6 weeks), counted from the last visit recorded.
/// @param child the child (placements and visits dated after @p as_of are ignored).
/// @param policy the settings.
/// @param calendar the calendar under the policy.
/// @param as_of the date.
/// @return the deadlines, in date order.
std::vector<Deadline> placement_deadlines(const Child& child, const Policy& policy, const Calendar& calendar,
                                          Date as_of);

/// One line of a worklist.
struct WorkItem {
  std::size_t child = 0;        ///< Index of the child in the input.
  NextReview next;              ///< Its next review.
  std::int32_t days_until = 0;  ///< Days from the as-of date to the due date (negative when overdue).
};

/// A worklist: the reviews to act on, and the children that could not be evaluated.
struct Worklist {
  std::vector<WorkItem> items;        ///< Overdue or due soon, most urgent first.
  std::vector<RefusedChild> refused;  ///< Children whose evaluation threw iro::Error, in input order.
};

/// The children whose next review is overdue or due within @p within_days of @p as_of, most urgent first
/// (by due date, then by input order). Each child is evaluated on its own: a child whose data evaluate()
/// refuses is listed in `refused` (its index, id, status and message) and the others are still listed.
/// @param children the children.
/// @param policy the settings.
/// @param calendar the calendar under the policy.
/// @param as_of the date.
/// @param within_days how far ahead to look (0: overdue and due today only).
/// @return the items and the refused children.
Worklist worklist(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar, Date as_of,
                  std::int32_t within_days);

}  // namespace iro

#endif
