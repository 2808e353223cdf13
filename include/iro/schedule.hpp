/// @file schedule.hpp
/// @brief The review scheduling engine: each child's statutory timetable as of a date, explained.
///
/// The rules are those of tests/conformance/FORMAT.md ("kind schedule"): every held review is the next
/// review of the chain running on its date; a chain starts at a period's start or at a regime switch
/// (adoption_authorised modifies the standard chain instead); the next due date runs from the date the
/// last review was actually held; only the first missed date of a chain is listed.
/// Evaluation is a pure function of (child, policy, calendar, as-of date).
#ifndef IRO_SCHEDULE_HPP
#define IRO_SCHEDULE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "iro/calendar.hpp"
#include "iro/child.hpp"
#include "iro/date.hpp"
#include "iro/policy.hpp"

namespace iro {

/// The rule that set a due date. Values are pinned (the C API returns them).
enum class DueRule : std::int32_t {
  standard_first = 0,        ///< CPPCR 2010 reg 33(2)(a): within 20 working days of becoming looked after.
  standard_second = 1,       ///< CPPCR 2010 reg 33(2)(b): not more than 3 months after the first.
  standard_subsequent = 2,   ///< CPPCR 2010 reg 33(2)(c): not more than 6 months after the previous.
  short_breaks_first = 3,    ///< CPPCR 2010 reg 48: within 3 months of the first short break.
  short_breaks_subsequent = 4,  ///< CPPCR 2010 reg 48: not more than 6 months after the previous.
  adoption_placed_first = 5,    ///< AAR 2005 reg 36(3)(a): not more than 4 weeks after placement.
  adoption_placed_second = 6,   ///< AAR 2005 reg 36(3)(b): not more than 3 months after the first.
  adoption_placed_subsequent = 7,  ///< AAR 2005 reg 36(3)(c): not more than 6 months after the previous.
  adoption_authorised = 8,   ///< AAR 2005 reg 36(1): within 3 months of authority to place.
};

/// The citation of a rule ("CPPCR 2010 reg 33(2)(a)").
/// @param rule the rule.
/// @return a static string.
const char* due_rule_cite(DueRule rule) noexcept;

/// What a rule says, in words ("first review within 20 working days of the day the child became looked after").
/// @param rule the rule.
/// @return a static string.
const char* due_rule_text(DueRule rule) noexcept;

/// A due date and what made it.
struct Due {
  Date date;                              ///< The deadline (a review on or before it is on time).
  DueRule rule = DueRule::standard_first;  ///< The rule.
  Date anchor;                            ///< The date the rule counts from.
};

/// A held review, judged.
struct ReviewResult {
  Date date;                          ///< When it was held.
  std::int32_t number = 0;            ///< Its place in its chain (1 = first).
  Regime regime = Regime::standard;   ///< The regime it was held under.
  Due due;                            ///< The deadline it had to meet.
  bool on_time = false;               ///< Held on or before the due date.
  std::int32_t days_late = 0;         ///< Calendar days after the due date (0 when on time).
  Date record_due;                    ///< The date its record must be circulated by (policy record_working_days).
  Participation participation = Participation::none;  ///< Its PN code.
};

/// A due date that passed with no review before its chain ended or before the as-of date.
struct MissedReview {
  Due due;                            ///< The deadline missed.
  Regime regime = Regime::standard;   ///< The regime it fell under.
  std::int32_t number = 0;            ///< The number the review due would have had in its chain (1 = first).
};

/// The next review of the chain running on the as-of date, with the dates around it.
struct NextReview {
  Due due;                            ///< When it is due.
  std::int32_t number = 0;            ///< Its place in its chain.
  Regime regime = Regime::standard;   ///< The regime it falls under.
  bool overdue = false;               ///< The due date is before the as-of date.
  Date midway;                        ///< The midway review: half way from the last review (or the chain's start).
  Date book_by;                       ///< Book it by (policy booking_percent of the way to the due date).
  Date report_due;                    ///< The social worker's report deadline (policy report_working_days_before).
};

/// A child's timetable as of a date. evaluate() reuses a Schedule's storage, so evaluating many children
/// into one Schedule allocates only while the vectors grow.
struct Schedule {
  std::vector<ReviewResult> reviews;  ///< The held reviews up to the as-of date, in date order.
  std::vector<MissedReview> missed;   ///< The missed due dates, in date order.
  std::optional<NextReview> next;     ///< Empty when the child is not looked after on the as-of date.
  /// The held reviews considered (pointers into the child evaluated), in date order; valid while that
  /// child lives. Kept here so that its storage is reused too.
  std::vector<const Review*> held;
  /// Clears the results, keeping the storage.
  void clear() noexcept {
    reviews.clear();
    missed.clear();
    next.reset();
    held.clear();
  }
};

/// Evaluates a child's timetable.
/// @param child the child (checked with validate()).
/// @param policy the settings (anchor convention, interval unit, record, report and booking settings).
/// @param calendar the working-day calendar under the policy: policy.calendar(base), so that the policy's
///        closure days are in it (they are not read from @p policy here).
/// @param as_of the date of the evaluation; later reviews, switches and period starts are not known yet.
/// @param out the result (cleared first; its storage is reused).
/// @throws Error Status::invalid_argument for invalid data (naming the child, field and value);
///         Status::out_of_range when a due date falls outside the calendar.
void evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of, Schedule& out);

/// evaluate() returning a new Schedule.
/// @param child the child.
/// @param policy the settings.
/// @param calendar the calendar under the policy.
/// @param as_of the date of the evaluation.
/// @return the schedule.
/// @throws Error as evaluate().
Schedule evaluate(const Child& child, const Policy& policy, const Calendar& calendar, Date as_of);

/// Explains a due date: its rule and citation, its anchor, the settings, and for a working-day rule the
/// non-working days it stepped over.
/// @param due the due date (from a Schedule).
/// @param policy the settings it was computed under.
/// @param calendar the calendar it was computed with.
/// @return one sentence.
std::string explain(const Due& due, const Policy& policy, const Calendar& calendar);

/// A statutory deadline around placements (care plan, placement plan, notifications, visits).
struct Deadline {
  std::string what;   ///< "care plan", "placement plan", "placement notifications", "social worker visit".
  std::string cite;   ///< The regulation.
  Date anchor;        ///< What it counts from (the placement start, the last visit).
  Date due;           ///< The deadline.
  std::string rule;   ///< The rule in words.
};

/// The placement deadlines open on the as-of date: the care plan (10 working days after the first
/// placement of each period, reg 4), each placement's plan and notifications (5 working days, regs 9
/// and 13), and the next social worker visit (reg 28: within a week of a placement, then at most every
/// 6 weeks in its first year, then at most every 3 months when the placement is meant to last until 18,
/// otherwise 6 weeks), counted from the last visit recorded.
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

/// The children whose next review is overdue or due within @p within_days of @p as_of, most urgent first
/// (by due date, then by input order).
/// @param children the children.
/// @param policy the settings.
/// @param calendar the calendar under the policy.
/// @param as_of the date.
/// @param within_days how far ahead to look (0: overdue and due today only).
/// @return the items.
/// @throws Error as evaluate(), naming the child.
std::vector<WorkItem> worklist(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar,
                               Date as_of, std::int32_t within_days);

}  // namespace iro

#endif
