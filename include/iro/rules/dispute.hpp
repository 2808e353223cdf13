/// @file dispute.hpp
/// @brief Disputes and the escalation ladder (IRO Handbook 2010 chapter 6): each dispute's state as of a
/// date with its deadlines, transitions the ladder does not allow, and a register with the figures councils
/// report.
///
/// The semantics are those of tests/conformance/FORMAT.md (`kind: dispute`). A stage without a response
/// time is informal; the formal process starts on entering the first stage that has one, and must end
/// within the ladder's formal limit in working days. The ladder comes from the policy.
#ifndef IRO_DISPUTE_HPP
#define IRO_DISPUTE_HPP

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/core/date.hpp"
#include "iro/model/import_report.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// What happened to a dispute.
enum class DisputeAction : std::int32_t {
  raise = 0,          ///< Opened at the first stage, or at `stage` when given.
  escalate = 1,       ///< To the next stage, or to `stage` (a later one, where the ladder allows bypass).
  resolve = 2,        ///< Closed, resolved.
  withdraw = 3,       ///< Closed, withdrawn.
  refer_cafcass = 4,  ///< Referred to Cafcass (Children Act 1989 s25B(3)); the stage stays as it is.
};

/// "raise", "escalate", "resolve", "withdraw" or "refer_cafcass".
/// @param action the action.
/// @return a static string.
const char* action_name(DisputeAction action) noexcept;

/// The action with a given name.
/// @param name the name.
/// @return the action, or empty for another name.
std::optional<DisputeAction> action_from_name(std::string_view name) noexcept;

/// One dated event of a dispute.
struct DisputeEvent {
  Date date;                                    ///< When.
  DisputeAction action = DisputeAction::raise;  ///< What.
  std::string stage;                            ///< For raise ("at") and escalate ("to"): a stage name, or "".
};

/// Where a dispute stands.
enum class DisputeStatus : std::int32_t {
  not_raised = 0,  ///< No accepted raise yet.
  open = 1,        ///< Raised and not closed.
  resolved = 2,    ///< Closed, resolved.
  withdrawn = 3,   ///< Closed, withdrawn.
};

/// "not_raised", "open", "resolved" or "withdrawn".
/// @param status the status.
/// @return a static string.
const char* status_name(DisputeStatus status) noexcept;

/// A dispute's state as of a date.
struct DisputeState {
  DisputeStatus status = DisputeStatus::not_raised;  ///< The status.
  std::optional<std::size_t> stage;                  ///< Index of the current (or final) stage in the ladder.
  std::optional<Date> raised;                        ///< The accepted raise.
  std::optional<Date> stage_entered;                 ///< When the current stage was entered.
  std::optional<Date> formal_start;                  ///< When the first formal stage was entered.
  std::optional<Date> response_due;      ///< Stage entered + its response working days (empty: none, or closed).
  std::optional<Date> formal_deadline;   ///< formal_start + the formal limit (empty while informal).
  std::optional<Date> closed;            ///< When resolved or withdrawn.
  std::optional<Date> cafcass_referred;  ///< When referred to Cafcass.
  bool overdue = false;                  ///< Open and past response_due or formal_deadline on the as-of date.
  std::vector<std::size_t> rejected;     ///< Indexes of the events the ladder did not allow.
  std::vector<std::string> reasons;      ///< Why, one per rejected event.
};

/// Replays events on a ladder as of a date. Events dated after @p as_of are not known yet and are ignored.
/// An event the ladder does not allow (escalating past the last stage, bypassing where bypass is off, an
/// unknown stage, anything after resolve or withdraw, a second raise, an event dated before the one
/// before it, a second Cafcass referral, a referral before the last stage where the ladder does not allow
/// it at any stage) is rejected: its index goes into `rejected` and the state stays as it was.
/// @param events the events, in the order recorded.
/// @param ladder the ladder.
/// @param calendar the working-day calendar.
/// @param as_of the date.
/// @return the state.
DisputeState replay_dispute(const std::vector<DisputeEvent>& events, const Ladder& ladder, const Calendar& calendar,
                            Date as_of);

/// Orders strings the way people read codes: runs of digits by their value, everything else by byte, so
/// "A1" < "A2" < "A10" < "A15" (not "A1" < "A10" < "A15" < "A2"). Strings equal in value but not in bytes
/// ("A01", "A1") are ordered by their bytes, so the order is strict and total.
struct NaturalLess {
  /// Whether @p a comes before @p b.
  /// @param a one string.
  /// @param b another.
  /// @return true when @p a sorts first.
  bool operator()(std::string_view a, std::string_view b) const noexcept;
};

/// Counts by a code (a category or a stage), in natural order (NaturalLess: A1, A2, ..., A10).
using CodeCounts = std::map<std::string, std::size_t, NaturalLess>;

/// Splits a list of ids or codes written with ';' between them ("101;102"): the items, with the spaces
/// around each trimmed. "" is no item at all.
/// @param list the list.
/// @return the items in their order, empty ones ("101;;102", "101;") included as "" so a caller can refuse them.
std::vector<std::string> split_dispute_list(std::string_view list);

/// One dispute in a register. A dispute may concern several children (a sibling group) and several
/// categories (an alert with several issues, as Bradford's form allows).
struct Dispute {
  std::string id;                       ///< The dispute's id.
  std::vector<std::string> children;    ///< The children's ids (none, one, or a sibling group), each once.
  std::string officer;                  ///< The raising IRO's id.
  std::vector<std::string> categories;  ///< Its category codes (none, or several), each once.
  std::vector<DisputeEvent> events;     ///< Accepted events, in date order.
  /// The children's ids joined with ';' ("101;102"; "" when none): the child column of a dispute's rows.
  /// @return the joined ids.
  std::string children_text() const;
  /// The category codes joined with ';' ("A1;A13"; "(none)" when none).
  /// @return the joined codes.
  std::string categories_text() const;
};

/// How one dispute counts in the figures for a period (DisputeRegister::tally()); the figures are the
/// sums of these over the disputes, so each figure can be traced to its disputes.
struct DisputeTally {
  bool raised = false;            ///< Raised in the period.
  bool informal = false;          ///< Raised in the period at an informal stage.
  bool became_formal = false;     ///< Informal, and escalated to a formal stage by the end of the period.
  bool cafcass = false;           ///< Referred to Cafcass in the period.
  bool resolved = false;          ///< Resolved in the period.
  bool withdrawn = false;         ///< Withdrawn in the period.
  bool open = false;              ///< Open at the end of the period.
  bool overdue = false;           ///< Open and overdue at the end of the period.
  bool formal = false;            ///< Entered the formal process (its first stage with a response time) in the period.
  std::string stage;              ///< The stage reached (resolved) or current (open); "" otherwise.
  std::optional<Date> formal_on;  ///< When it entered the formal process (any time up to the period's end).
  std::int32_t working_days = 0;  ///< Working days from raise to resolution (when resolved in the period).
  std::optional<Date> raised_on;  ///< When it was raised (any time up to the period's end).
  std::optional<Date> closed_on;  ///< When it was resolved or withdrawn (up to the period's end).
};

/// Figures for a period (IRO annual reports).
struct DisputeFigures {
  std::size_t raised = 0;           ///< Raised in the period.
  std::size_t informal_raised = 0;  ///< Of those, raised at an informal stage (informal challenges).
  std::size_t became_formal = 0;    ///< Of those, escalated to a formal stage by the end of the period.
  std::size_t resolved = 0;         ///< Resolved in the period.
  std::size_t withdrawn = 0;        ///< Withdrawn in the period.
  std::size_t cafcass = 0;          ///< Referred to Cafcass in the period.
  std::size_t open = 0;             ///< Open at the end of the period.
  std::size_t overdue = 0;          ///< Of those, overdue at the end of the period.
  double median_working_days = 0;   ///< Median working days from raise to resolution (resolved in the period).
  double p90_working_days = 0;      ///< 90th percentile of the same (nearest rank).
  std::size_t children = 0;         ///< Distinct children the disputes raised in the period concern.
  std::size_t issues = 0;           ///< Category mentions of those disputes (one with no category: one, "(none)").
  std::size_t formal = 0;           ///< Disputes that entered the formal process in the period.
  std::size_t formal_children = 0;  ///< Distinct children of those disputes (children with a formal challenge).
  std::map<std::string, std::size_t> resolved_at;  ///< Resolved in the period, by the stage reached.
  CodeCounts by_category;           ///< Raised in the period, by category (a dispute counts under each of its own).
  CodeCounts resolved_by_category;  ///< Resolved in the period, by category (a dispute counts under each of its own).
  std::map<std::string, std::size_t> open_by_stage;  ///< Open at the end of the period, by stage.
};

/// A council's disputes. Events are checked as they are added: one the ladder does not allow is refused
/// (Status::rule_violation, naming the dispute and the event) and the dispute stays as it was.
class DisputeRegister {
 public:
  /// An empty register under a policy (its ladder and, when it lists any, its categories).
  /// @param policy the policy.
  /// @param calendar the working-day calendar (with the policy's closure days).
  DisputeRegister(Policy policy, Calendar calendar);

  /// Adds a dispute without events, about one child and one category.
  /// @param id its id (unique).
  /// @param child the child's id ("" for none).
  /// @param iro the raising IRO's id.
  /// @param category a category code ("" for none); when the policy lists categories it must be one of them.
  /// @return its index.
  /// @throws Error Status::invalid_argument for an empty or repeated id; Status::not_found for an unknown
  ///         category.
  std::size_t add(const std::string& id, const std::string& child, const std::string& iro, const std::string& category);

  /// Adds a dispute without events, about one or more children (a sibling group) and categories.
  /// @param id its id (unique).
  /// @param children the children's ids: none, or each non-empty and listed once.
  /// @param iro the raising IRO's id.
  /// @param categories category codes: none, or each non-empty and listed once; when the policy lists
  ///        categories each must be one of them.
  /// @return its index.
  /// @throws Error Status::invalid_argument for an empty or repeated id, an empty child or category, or one
  ///         listed twice; Status::not_found for an unknown category. The register is then unchanged.
  std::size_t add(const std::string& id, std::vector<std::string> children, const std::string& iro,
                  std::vector<std::string> categories);

  /// Adds an event to a dispute, after checking it against the ladder and the events before it.
  /// @param id the dispute's id.
  /// @param event the event.
  /// @throws Error Status::not_found for an unknown dispute or stage; Status::rule_violation for an event
  ///         the ladder does not allow (the message says why); the dispute is then unchanged.
  void add_event(const std::string& id, const DisputeEvent& event);

  /// The disputes, in the order added.
  /// @return the disputes.
  const std::vector<Dispute>& disputes() const noexcept { return disputes_; }
  /// The policy.
  /// @return the policy.
  const Policy& policy() const noexcept { return policy_; }
  /// The calendar the register counts working days with.
  /// @return the calendar.
  const Calendar& calendar() const noexcept { return calendar_; }
  /// A dispute's state as of a date.
  /// @param index the dispute's index.
  /// @param as_of the date.
  /// @return the state.
  DisputeState state(std::size_t index, Date as_of) const;
  /// The index of a dispute.
  /// @param id its id.
  /// @return the index, or empty.
  std::optional<std::size_t> index(const std::string& id) const;

  /// How one dispute counts in the figures for the period [from, to].
  /// @param index the dispute's index.
  /// @param from first day.
  /// @param to last day.
  /// @return its tally.
  /// @throws Error Status::invalid_argument when @p to is before @p from or @p index is out of range.
  DisputeTally tally(std::size_t index, Date from, Date to) const;

  /// Figures for the period [from, to] (open and overdue as of @p to): the sums of tally().
  /// @param from first day.
  /// @param to last day.
  /// @return the figures.
  /// @throws Error Status::invalid_argument when @p to is before @p from.
  DisputeFigures figures(Date from, Date to) const;

 private:
  Policy policy_;
  Calendar calendar_;
  std::vector<Dispute> disputes_;
  std::unordered_map<std::string, std::size_t> ids_;
  std::vector<std::uint32_t> numbered_;  // by dispute: where its children, then its categories, start in numbers_
  std::vector<std::uint32_t> numbers_;   // every dispute's children and categories by number (the order first seen)
  std::unordered_map<std::string, std::uint32_t> child_numbers_;     // child id -> number
  std::unordered_map<std::string, std::uint32_t> category_numbers_;  // category code -> number
  std::vector<std::string> category_names_;                          // number -> category code
};

/// Adds the rows of a dispute events CSV file to a register (all or nothing). Columns: dispute_id, date,
/// action (raise, escalate, resolve, withdraw, refer_cafcass) and, optionally, stage (the stage raised at
/// or escalated to), child_id, iro_id and category (read from a dispute's first row; child_id and category
/// may each hold several values separated by ';': a sibling group, an alert with several issues).
/// @param reg the register.
/// @param text the CSV text.
/// @param source a name for messages (the file path).
/// @throws Error as DisputeRegister::add() and add_event(), and Status::parse, each naming source:line.
void read_disputes_csv(DisputeRegister& reg, std::string_view text, std::string_view source);

/// Adds the rows of a dispute events CSV file to a register one by one: a row the register refuses (a
/// stage the ladder does not have, a category the policy does not list, an empty or repeated item in a
/// child_id or category list, a bad date or action) is a
/// rejected row in @p report, naming the file, the line, the column and the value, and the others are
/// still added.
/// @param reg the register.
/// @param text the CSV text.
/// @param source a name for messages (the file path).
/// @param report where the rows read and the rejected rows are added.
/// @throws Error Status::parse for a file that is not CSV or lacks a required column (nothing is added).
void read_disputes_csv(DisputeRegister& reg, std::string_view text, std::string_view source, ImportReport& report);

/// Reads a dispute events CSV file; see read_disputes_csv().
/// @param reg the register.
/// @param path the file.
/// @throws Error Status::io when it cannot be read, or as read_disputes_csv().
void load_disputes_csv(DisputeRegister& reg, const std::string& path);

}  // namespace iro

#endif
