/// @file policy.hpp
/// @brief iro::Policy: the rules and settings the engine reads, as data, with effective dates, overlays
/// and the built-in England policy. The file format is documented in docs/policy.md.
///
/// Where the law is silent, the answer is a setting with a documented default; every computed date can
/// say which rule version and settings made it. A Policy is a plain value: copy it, change a field, and
/// compare the results (see policy_diff.hpp).
#ifndef IRO_POLICY_HPP
#define IRO_POLICY_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/model/child.hpp"
#include "iro/core/date.hpp"

namespace iro {

/// How "3 months" and "6 months" are read.
enum class IntervalUnit : std::int32_t {
  months = 0,  ///< Calendar months by the corresponding-date rule (the law).
  days = 1,    ///< 91 and 183 days: n months as round(n * 365.25 / 12) days (a convention one case system uses).
};

/// The unit of a rule's interval.
enum class Unit : std::int32_t {
  working_days = 0,  ///< Working days of the calendar (the anchor is day 0 under the default convention).
  days = 1,          ///< Calendar days.
  weeks = 2,         ///< Weeks of 7 days.
  months = 3,        ///< Calendar months (or days, under IntervalUnit::days).
};

/// A length of time in a rule ("20 working days", "3 months").
struct Interval {
  std::int32_t value = 0;    ///< How many units (0 or more).
  Unit unit = Unit::months;  ///< The unit.
};

/// The text of an interval ("20 working days", "4 weeks", "1 month").
/// @param interval the interval.
/// @return the text.
std::string describe(const Interval& interval);

/// The step of a chain of reviews a due date comes from. Values are pinned (the C API returns them).
enum class DueRule : std::int8_t {
  standard_first = 0,              ///< CPPCR 2010 reg 33(1): within 20 working days of becoming looked after.
  standard_second = 1,             ///< CPPCR 2010 reg 33(2): not more than 3 months after the first.
  standard_subsequent = 2,         ///< CPPCR 2010 reg 33(2): not more than 6 months after the previous.
  short_breaks_first = 3,          ///< CPPCR 2010 reg 48(3): within 3 months of the first short break.
  short_breaks_subsequent = 4,     ///< CPPCR 2010 reg 48(3): not more than 6 months after the previous (third on).
  adoption_placed_first = 5,       ///< AAR 2005 reg 36(3)(a): not more than 4 weeks after placement.
  adoption_placed_second = 6,      ///< AAR 2005 reg 36(3)(b): not more than 3 months after the first.
  adoption_placed_subsequent = 7,  ///< AAR 2005 reg 36(3)(c): not more than 6 months after the previous.
  adoption_authorised = 8,         ///< AAR 2005 reg 36(1)(a): 3 months after authority to place set the date.
  /// After a return to the agency (a disrupted adoptive placement): not more than 6 months after the previous
  /// held review (CPPCR 2010 reg 33(2); the standard rules' `subsequent` step).
  returned = 9,
  short_breaks_second = 10,  ///< CPPCR 2010 reg 48(3): the second short-break review (6 months).
  /// A council's own earlier review after a return to the agency (Policy::after_return), counted from the return.
  returned_local = 11,
};

/// One step of a chain of reviews: how long after its anchor the review is due, the provision that says so
/// and the words that say it. The policy's rule versions own the steps; the engine, the explanations, the
/// export and the C API all read them from here (Policy::step()).
struct RuleStep {
  Interval interval;  ///< The interval.
  std::string cite;   ///< The provision ("CPPCR 2010 reg 33(2)").
  /// The rule in words, with this step's interval in it ("second review not more than 3 months after the
  /// first"): the policy document's `text`, or wording made from the interval.
  std::string text;
};

/// One version of a regime's review intervals, in force from a date.
struct RuleVersion {
  std::optional<Date> from;  ///< First anchor date it applies to (empty: from the beginning).
  /// The day the provisions it cites came into force (empty: not stated). An explanation of a date counted
  /// from an earlier anchor says that the rule is applied before its commencement.
  std::optional<Date> commenced;
  RuleStep first;       ///< First review after the chain's start.
  RuleStep second;      ///< Second review after the first.
  RuleStep subsequent;  ///< Each later review after the previous one.
};

/// A regime's rule versions, sorted by `from` (the first has no `from`).
struct RegimeRules {
  std::vector<RuleVersion> versions;  ///< At least one.
  /// The version in force on @p anchor: the last whose `from` is on or before it.
  /// @param anchor the date the interval counts from.
  /// @return the version.
  const RuleVersion& in_force(Date anchor) const;
};

/// One stage of an escalation ladder.
struct LadderStage {
  std::string name;                                   ///< "team_manager", "head_of_service", ...
  std::optional<std::int32_t> response_working_days;  ///< Response time; empty for none (informal).
};

/// A council's escalation ladder (IRO Handbook 2010 chapter 6).
struct Ladder {
  std::vector<LadderStage> stages;              ///< In order of seniority; at least one.
  std::int32_t formal_limit_working_days = 20;  ///< The whole formal process, from the first formal stage.
  bool bypass = true;                           ///< The IRO may skip stages.
  bool cafcass_any_stage = true;                ///< A referral to Cafcass may be made at any stage.
};

/// A dispute or alert category ("A1", "Preparation for Child Care Review").
struct DisputeCategory {
  std::string code;  ///< Short code.
  std::string name;  ///< Name.
};

/// Weights of a child's attributes in an IRO's load (1.0 = counts like any other child).
struct CaseloadWeights {
  double recently_looked_after = 1.0;  ///< Looked after for less than 3 months.
  double placed_far_away = 1.0;        ///< Placed more than 20 miles from home.
  double in_proceedings = 1.0;         ///< In care proceedings.
  double placement_moves = 1.0;        ///< Moved placement in the last 12 months.
};

/// The rules and settings.
struct Policy {
  std::string id = "england";            ///< A short name.
  std::string title;                     ///< A title for reports.
  std::string jurisdiction = "england";  ///< Whose law.
  std::string source = "built-in";       ///< Where it was loaded from (the files, base first).
  /// The calendar division the policy is for: calendar() refuses a base calendar of another division.
  std::string division = "england-and-wales";
  /// How a working-day sum treats its anchor (FORMAT.md `anchor_day_counts`).
  AnchorConvention anchor = AnchorConvention::day_zero;
  /// How months are read (FORMAT.md `interval_unit`).
  IntervalUnit interval_unit = IntervalUnit::months;
  /// Whether a review held before its due date restarts the clock (the next due date runs from the day
  /// it was held: the default) or not (it runs from the due date the early review met).
  bool early_review_restarts_clock = true;
  /// Council closure days on top of bank holidays (FORMAT.md `closure_days`).
  std::vector<Date> closure_days;
  RegimeRules standard;         ///< CPPCR 2010 reg 33 (and the 1991 rule before 1 April 2011).
  RegimeRules short_breaks;     ///< CPPCR 2010 reg 48.
  RegimeRules adoption_placed;  ///< AAR 2005 reg 36(3).
  /// AAR 2005 reg 36(1)(a): the first review held on or after the day the agency first has authority to
  /// place is due by the earlier of its standard date and this step after that day.
  RuleStep authorised{{3, Unit::months},
                      "AAR 2005 reg 36(1)(a)",
                      "review not more than 3 months after the date on which the agency first had authority to place "
                      "the child for adoption"};
  std::optional<Date> authorised_commenced;  ///< The day the provision of `authorised` came into force.
  /// A local review after a return to the agency, counted from the return (local procedures commonly say
  /// within 28 to 42 days). Empty (the default): none; the statutory rule alone applies, 6 months after the
  /// previous held review. When set, such a review is due by the earlier of the two.
  std::optional<RuleStep> after_return;
  /// Working days after a review within which its record is circulated (20 in the IRO Handbook; 15 locally).
  std::int32_t record_working_days = 20;
  /// Working days before a review by which the social worker's report is due (councils set 3 to 5).
  std::int32_t report_working_days_before = 3;
  /// Where the midway review falls, in percent of the way from the last review (or the chain's start) to
  /// the due date (NextReview::midway).
  std::int32_t midway_percent = 50;
  /// A local target for the share of reviews with a midway review, in percent (empty: none set).
  std::optional<std::int32_t> midway_target_percent;
  /// A local target for reviews held in timescale, in percent of those due (empty: none set).
  std::optional<std::int32_t> timeliness_target_percent;
  /// A local target for the participation rate (PN1-PN6 of PN1-PN7), in percent (empty: none set).
  std::optional<std::int32_t> participation_target_percent;
  /// A local target for review records circulated within record_working_days, in percent (empty: none set).
  std::optional<std::int32_t> records_target_percent;
  /// A local target for social workers' reports reaching the IRO report_working_days_before the review, in
  /// percent (empty: none set).
  std::optional<std::int32_t> pre_meeting_target_percent;
  /// Where each local target comes from, by its key ("timeliness_target_percent" -> "Brent IRO annual report
  /// 2019/20, priority 2"): the reports that show a target met or not met cite it.
  std::map<std::string, std::string> target_sources;
  /// Where a review is booked, in percent of the way from the last review to the due date: 100 books on
  /// the due date; 83 books a 3-month review at 2.5 months and a 6-month one at 5.
  std::int32_t booking_percent = 100;
  std::int32_t caseload_low = 50;                   ///< Lower bound of the caseload band (children per FTE), inclusive.
  std::int32_t caseload_high = 70;                  ///< Upper bound of the caseload band, inclusive.
  CaseloadWeights caseload_weights;                 ///< Weights of child attributes in an IRO's load.
  Ladder ladder;                                    ///< The escalation ladder.
  std::vector<DisputeCategory> dispute_categories;  ///< The council's dispute or alert categories.

  /// The built-in England policy: CPPCR 2010 and the IRO Handbook 2010, with the Review of Children's
  /// Cases Regulations 1991 rule (first review within 4 weeks) for children looked after before
  /// 1 April 2011. It is itself loaded from a policy document (see builtin_json()).
  /// @return the policy.
  static Policy england();

  /// A built-in policy by name.
  /// @param name "england".
  /// @return the policy.
  /// @throws Error Status::not_found for another name (the message lists the built-in ones).
  static Policy builtin(std::string_view name);

  /// The policy document a built-in policy is loaded from.
  /// @param name "england".
  /// @return the JSON text.
  /// @throws Error Status::not_found for another name.
  static std::string builtin_json(std::string_view name);

  /// Loads a policy file (format `iro-policy/1`, docs/policy.md). `extends` names a built-in policy or
  /// another file (relative to this one); the overlay overrides only what it states. Strict: unknown
  /// keys, wrong types, negative durations, an empty ladder, a band with low > high, a missing base and a
  /// cycle of `extends` are errors naming the file and the JSON path.
  /// @param path the file.
  /// @return the policy (nothing is returned on any error: a policy is never partly applied).
  /// @throws Error Status::io, Status::parse, Status::invalid_argument, Status::not_found.
  static Policy from_file(const std::string& path);

  /// Loads a policy document from text; see from_file().
  /// @param json the document.
  /// @param source a name for messages (the file path); `extends` paths are relative to its directory.
  /// @return the policy.
  /// @throws Error as from_file().
  static Policy from_json(std::string_view json, std::string_view source);

  /// The calendar the rules use under this policy: @p base with closure_days added.
  /// @param base the working-day calendar (for example Calendar::england_and_wales()); its division must be
  ///        the policy's `division`.
  /// @return @p base itself when there are no closure days, else a new calendar.
  /// @throws Error Status::out_of_range for a closure day outside the base's range; Status::invalid_argument
  ///         when @p base is a calendar of another division (naming both).
  Calendar calendar(const Calendar& base) const;

  /// This policy with the overrides of a conformance case's `policy` object (tests/conformance/FORMAT.md):
  /// `anchor_day_counts`, `interval_unit`, `closure_days`, `caseload_band`, `ladder`. Unknown keys are
  /// errors.
  /// @param json the JSON object text.
  /// @param source a name for messages.
  /// @return the new policy.
  /// @throws Error Status::parse naming the key and the value.
  Policy with_overrides_json(std::string_view json, std::string_view source) const;

  /// The rules of a regime (adoption_authorised reads the standard rules and `authorised`).
  /// @param regime the regime.
  /// @return the rules.
  const RegimeRules& rules(Regime regime) const;

  /// The one place a due date's interval, citation and wording are read from: the step of the rule
  /// version in force on @p anchor.
  /// @param rule the step of the chain.
  /// @param anchor the date the interval counts from (it picks the rule version).
  /// @return the step (a reference into this policy).
  /// @throws Error Status::invalid_argument for a value outside DueRule, or DueRule::returned_local when
  ///         the policy sets no `after_return`.
  const RuleStep& step(DueRule rule, Date anchor) const;

  /// The day the provisions of a step came into force, when the policy states it.
  /// @param rule the step of the chain.
  /// @param anchor the date the interval counts from.
  /// @return the commencement date, or empty.
  std::optional<Date> commenced(DueRule rule, Date anchor) const;

  /// Policy::add() under the law's own conventions, whatever this policy's: the anchor is day 0 and months
  /// are calendar months. Explanations put this date beside one that a local convention moved.
  /// @param from the anchor.
  /// @param interval the interval.
  /// @param calendar the calendar under this policy.
  /// @return the date.
  /// @throws Error as add().
  Date add_statutory(Date from, const Interval& interval, const Calendar& calendar) const;

  /// Adds an interval to a date under this policy's conventions.
  /// @param from the anchor.
  /// @param interval the interval.
  /// @param calendar the calendar under this policy (for working days).
  /// @return the date.
  /// @throws Error Status::out_of_range when the result leaves the calendar or the date range.
  Date add(Date from, const Interval& interval, const Calendar& calendar) const;

  /// The settings in one line, for explanations ("anchor is day 0; months as calendar months; ...").
  /// @return the text.
  std::string describe() const;
};

/// The name of an interval unit ("months" or "days").
/// @param unit the unit.
/// @return a static string.
const char* interval_unit_name(IntervalUnit unit) noexcept;

}  // namespace iro

#endif
