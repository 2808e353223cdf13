/// @file caseload.hpp
/// @brief IRO caseloads: a roster with its allocation history, checks against the 50-70 per FTE band,
/// monthly series, allocation advice, absence cover and continuity.
///
/// A Roster is built with add_*() calls, each checked at once (an unknown IRO, an FTE outside (0, 1], a
/// child allocated to two IROs at once are refused with a message naming the value). The checks are pure
/// functions of (roster, policy, date).
///
/// Dates in the roster (docs/caseload.md, "CSV files"): every span begins on its first day. An IRO's
/// `end` and an allocation's `to` are the first day after it (from the start up to but not including the
/// end, as a period of care's `end`); an absence's `to` is its last day (both days included), as
/// absences.csv and iro_roster_add_absence() take it. Empty: open. Each kind is tested by one function,
/// and nothing else compares these dates: in_post(), allocated_on() and allocated_during(), absent_on()
/// and absent_during().
#ifndef IRO_CASELOAD_HPP
#define IRO_CASELOAD_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "iro/core/date.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// Where a load per FTE falls against the policy's inclusive band.
enum class Band : std::int32_t {
  below = 0,   ///< Fewer children per FTE than the band's low end.
  within = 1,  ///< Inside the band, ends included (50 and 70 are within).
  above = 2,   ///< More than the band's high end.
};

/// "below", "within" or "above".
/// @param band the band.
/// @return a static string.
const char* band_name(Band band) noexcept;

/// The band of a load per FTE under a policy.
/// @param per_fte children per full-time equivalent.
/// @param policy the policy (caseload_low, caseload_high).
/// @return the band.
Band band_of(double per_fte, const Policy& policy) noexcept;

/// Whether a full-time equivalent is usable: in (0, 1].
/// @param fte the value.
/// @return true for 0 < fte <= 1.
constexpr bool valid_fte(double fte) noexcept { return fte > 0.0 && fte <= 1.0; }

/// An Independent Reviewing Officer.
struct Officer {
  std::string id;                       ///< The IRO's id.
  double fte = 1.0;                     ///< Full-time equivalent, in (0, 1].
  bool agency = false;                  ///< Agency rather than permanent.
  std::optional<Date> start;            ///< First day in post (empty: always).
  std::optional<Date> end;              ///< First day no longer in post (empty: still in post).
  std::vector<std::string> attributes;  ///< Free attributes for allocation requests ("gender=female").
};

/// A child's attributes that weigh on an IRO's load.
struct CaseChild {
  std::string id;                          ///< The child's id.
  std::optional<Date> looked_after_since;  ///< Start of the current period of care ("recently": < 3 months).
  bool placed_far_away = false;            ///< Placed more than 20 miles from home.
  bool in_proceedings = false;             ///< In care proceedings.
  bool placement_moves = false;            ///< Moved placement in the last 12 months.
  std::string sibling_group;               ///< Children with the same non-empty group are siblings.
};

/// One allocation of a child to an IRO, from a day up to (not including) another.
struct Allocation {
  std::size_t child = 0;    ///< Index into Roster::children().
  std::size_t officer = 0;  ///< Index into Roster::officers().
  Date from;                ///< First day.
  std::optional<Date> to;   ///< First day no longer allocated (empty: still allocated).
};

/// Whether an allocation holds on a date (from on or before it, to after it or open).
/// @param allocation the allocation.
/// @param date the date.
/// @return true when the child is allocated to the IRO on @p date.
inline bool allocated_on(const Allocation& allocation, Date date) noexcept {
  return allocation.from <= date && (!allocation.to || date < *allocation.to);
}

/// Whether an allocation holds on any day of a span given as an allocation's is (@p from up to but not
/// including @p to): the overlap Roster::add_allocation() refuses for one child.
/// @param allocation the allocation.
/// @param from the span's first day.
/// @param to the first day after it, or empty (open).
/// @return true when the two share a day.
inline bool allocated_during(const Allocation& allocation, Date from, const std::optional<Date>& to) noexcept {
  return (!to || allocation.from < *to) && (!allocation.to || from < *allocation.to);
}

/// A period an IRO is away, both days included (the one span of the roster whose end is its last day).
struct Absence {
  std::size_t officer = 0;  ///< Index into Roster::officers().
  Date from;                ///< First day away.
  std::optional<Date> to;   ///< Last day away (empty: open).
};

/// Whether an absence covers a date (from on or before it, to on or after it or open).
/// @param absence the absence.
/// @param date the date.
/// @return true when the IRO is away on @p date.
inline bool absent_on(const Absence& absence, Date date) noexcept {
  return absence.from <= date && (!absence.to || date <= *absence.to);
}

/// Whether an absence covers any day from @p first to @p last, both included.
/// @param absence the absence.
/// @param first the first day.
/// @param last the last day.
/// @return true when the IRO is away on at least one of those days.
inline bool absent_during(const Absence& absence, Date first, Date last) noexcept {
  return absence.from <= last && (!absence.to || first <= *absence.to);
}

/// Whether an IRO is in post on a date (from the start, or always, up to but not including the end).
/// @param iro the IRO.
/// @param date the date.
/// @return true when in post.
inline bool in_post(const Officer& iro, Date date) noexcept {
  return (!iro.start || *iro.start <= date) && (!iro.end || date < *iro.end);
}

/// IROs, children, allocations over time and absences. Not thread-safe while being built; the checks
/// only read it.
class Roster {
 public:
  /// Adds an IRO.
  /// @param iro the record.
  /// @return its index.
  /// @throws Error Status::invalid_argument for an empty or repeated id, an FTE outside (0, 1], or an end
  ///         before the start (the message names the IRO and the field).
  std::size_t add_officer(Officer iro);
  /// Adds or updates a child's attributes (a child named only by an allocation has none).
  /// @param child the attributes.
  /// @return the child's index.
  /// @throws Error Status::invalid_argument for an empty id.
  std::size_t set_child(CaseChild child);
  /// Allocates a child to an IRO for a time.
  /// @param child the child's id (added when new).
  /// @param iro the IRO's id.
  /// @param from first day.
  /// @param to first day no longer allocated, or empty.
  /// @throws Error Status::not_found for an unknown IRO; Status::invalid_argument when @p to is not after
  ///         @p from or the child is already allocated to an IRO for part of that time.
  void add_allocation(const std::string& child, const std::string& iro, Date from, std::optional<Date> to);
  /// Records an IRO's absence.
  /// @param iro the IRO's id.
  /// @param from first day away.
  /// @param to last day away, or empty.
  /// @throws Error Status::not_found for an unknown IRO; Status::invalid_argument when @p to is before @p from.
  void add_absence(const std::string& iro, Date from, std::optional<Date> to);

  /// The IROs, in the order added.
  /// @return the records.
  const std::vector<Officer>& officers() const noexcept { return officers_; }
  /// The children, in the order first named.
  /// @return the attributes.
  const std::vector<CaseChild>& children() const noexcept { return children_; }
  /// The allocations, in the order added.
  /// @return the allocations.
  const std::vector<Allocation>& allocations() const noexcept { return allocations_; }
  /// The absences.
  /// @return the absences.
  const std::vector<Absence>& absences() const noexcept { return absences_; }
  /// The index of an IRO.
  /// @param id the IRO's id.
  /// @return the index, or empty for an unknown id.
  std::optional<std::size_t> iro_index(const std::string& id) const;
  /// The index of a child.
  /// @param id the child's id.
  /// @return the index, or empty for an unknown id.
  std::optional<std::size_t> child_index(const std::string& id) const;
  /// Whether an IRO is in post on a date (iro::in_post() of its record).
  /// @param iro the index.
  /// @param date the date.
  /// @return true between start and end.
  bool in_post(std::size_t iro, Date date) const;
  /// Whether an IRO is absent on a date (absent_on() one of its absences).
  /// @param iro the index.
  /// @param date the date.
  /// @return true inside one of its absences.
  bool absent(std::size_t iro, Date date) const;

 private:
  std::size_t child_slot(const std::string& id);
  std::vector<Officer> officers_;
  std::vector<CaseChild> children_;
  std::vector<Allocation> allocations_;
  std::vector<Absence> absences_;
  std::unordered_map<std::string, std::size_t> iro_ids_;
  std::unordered_map<std::string, std::size_t> child_ids_;
  std::vector<std::vector<std::size_t>> child_allocations_;  // per child, indexes into allocations_
};

/// One IRO's load on a date.
struct OfficerLoad {
  std::size_t officer = 0;      ///< Index into Roster::officers().
  std::size_t children = 0;     ///< Children allocated.
  double weighted = 0;          ///< Children weighted by the policy's caseload weights.
  double per_fte = 0;           ///< children / FTE.
  double weighted_per_fte = 0;  ///< weighted / FTE.
  Band band = Band::within;     ///< Of per_fte against the policy's band.
  bool absent = false;          ///< Absent on the date.
};

/// A team's load on a date.
struct TeamLoad {
  Date date;                 ///< The date.
  std::size_t officers = 0;  ///< IROs in post.
  std::size_t children = 0;  ///< Children allocated.
  double fte = 0;            ///< Sum of the FTE of the IROs in post.
  double per_fte = 0;        ///< children / fte (0 when no FTE).
  Band band = Band::within;  ///< Of per_fte.
  double min_per_fte = 0;    ///< Lowest IRO load per FTE.
  double max_per_fte = 0;    ///< Highest IRO load per FTE.
  std::size_t below = 0;     ///< IROs below the band.
  std::size_t within = 0;    ///< IROs within the band.
  std::size_t above = 0;     ///< IROs above the band.
  std::size_t agency = 0;    ///< Of the IROs in post, agency staff (the others are permanent).
  std::size_t present = 0;   ///< Of the IROs in post, those not absent on the date.
  double present_fte = 0;    ///< Sum of the FTE of the IROs present.
  /// The load in practice: children / present_fte, every child of an absent IRO counted as carried by
  /// those present (Bradford's "80-90 in practice" against 78 on paper); 0 when no one is present.
  double per_present_fte = 0;
};

/// Loads on a date.
struct CaseloadCheck {
  std::vector<OfficerLoad> officers;  ///< The IROs in post, in roster order.
  TeamLoad team;                      ///< The team.
};

/// The weight of a child in an IRO's load on a date: 1 plus, for each attribute the child has, its
/// policy weight minus 1 (weights of 1 add nothing; 1.5 for proceedings and 1.25 for distance give 1.75).
/// @param child the child.
/// @param policy the policy's caseload weights.
/// @param date the date ("recently looked after" is less than 3 months before it).
/// @return the weight.
double child_weight(const CaseChild& child, const Policy& policy, Date date);

/// Every IRO's load and the team's on a date. O(allocations + IROs).
/// @param roster the roster.
/// @param policy the band and weights.
/// @param date the date.
/// @return the loads.
CaseloadCheck check_caseloads(const Roster& roster, const Policy& policy, Date date);

/// Every IRO's load and the team's on each of several dates, in one pass over the allocations: the same
/// as check_caseloads() on each date. O(allocations x dates + IROs x dates).
/// @param roster the roster.
/// @param policy the band and weights.
/// @param dates the dates, in any order.
/// @return one check per date, in the order of @p dates.
std::vector<CaseloadCheck> check_caseloads(const Roster& roster, const Policy& policy, const std::vector<Date>& dates);

/// The team's load at the end of each month from @p from's month to @p to's month.
/// @param roster the roster.
/// @param policy the band and weights.
/// @param from a day in the first month.
/// @param to a day in the last month.
/// @return one TeamLoad per month (dated the month's last day).
/// @throws Error Status::invalid_argument when @p to is before @p from or the span exceeds 600 months.
std::vector<TeamLoad> monthly_series(const Roster& roster, const Policy& policy, Date from, Date to);

/// One IRO as a candidate for a new child.
struct AllocationAdvice {
  std::size_t officer = 0;         ///< Index into Roster::officers().
  double per_fte_after = 0;        ///< Load per FTE if the IRO takes the child.
  Band band_after = Band::within;  ///< Its band.
  bool has_sibling = false;        ///< Already holds a sibling of the child.
  std::string why;                 ///< The reason for its place.
};

/// IROs ranked for a new child: those holding a sibling first (to keep siblings with one IRO), then by
/// load per FTE after taking the child (lowest first). IROs not in post or absent on the date are left
/// out; when @p attribute is given, only IROs with it are ranked (none: an empty list).
/// @param roster the roster.
/// @param policy the band.
/// @param date the date.
/// @param sibling_group the child's sibling group ("" for none).
/// @param attribute a requested IRO attribute ("gender=female"), or "" for none.
/// @return the ranking, best first, each with its reason.
std::vector<AllocationAdvice> advise_allocation(const Roster& roster, const Policy& policy, Date date,
                                                const std::string& sibling_group, const std::string& attribute);

/// A child moved to another IRO for an absence.
struct CoverMove {
  std::size_t child = 0;  ///< Index into Roster::children().
  std::size_t to = 0;     ///< Index of the covering IRO.
};

/// A plan that shares an absent IRO's children.
struct CoverPlan {
  std::vector<CoverMove> moves;    ///< Who goes where.
  std::vector<OfficerLoad> loads;  ///< The covering IROs' loads after the moves.
  double max_per_fte = 0;          ///< The highest load per FTE after the moves.
};

/// Shares the children an IRO holds on @p from among the IROs in post and not absent from @p from to
/// @p to, so that loads per FTE stay as even as possible: sibling groups move together, the largest
/// group first, each to the IRO whose load per FTE would then be lowest.
/// @param roster the roster.
/// @param policy the band.
/// @param absent_iro the absent IRO's id.
/// @param from first day of the absence.
/// @param to last day of the absence.
/// @return the plan.
/// @throws Error Status::not_found for an unknown IRO; Status::rule_violation when no IRO can cover.
CoverPlan plan_cover(const Roster& roster, const Policy& policy, const std::string& absent_iro, Date from, Date to);

/// One change of IRO: an allocation that went to a different IRO from the child's allocation before it.
struct OfficerChange {
  std::size_t child = 0;  ///< Index into Roster::children().
  Date date;              ///< The first day of the new allocation.
  std::size_t from = 0;   ///< Index of the IRO before (Roster::officers()).
  std::size_t to = 0;     ///< Index of the new IRO.
};

/// Continuity of IROs for children allocated on or before a date.
struct Continuity {
  std::size_t children = 0;      ///< Children with at least one allocation starting on or before the date.
  std::size_t kept_one_iro = 0;  ///< Of those, children who never changed IRO.
  std::size_t changes = 0;       ///< IRO changes in all (a new allocation to a different IRO).
  /// Share of children who kept one IRO, in percent (0 when there are none).
  /// @return the percentage.
  double kept_percent() const noexcept {
    return children == 0 ? 0.0 : 100.0 * static_cast<double>(kept_one_iro) / static_cast<double>(children);
  }
  std::vector<std::size_t> changes_per_child;   ///< Per child index (0 for children not counted).
  std::vector<OfficerChange> change_list = {};  ///< Every change counted, by child index, then date.
};

/// Continuity up to a date.
/// @param roster the roster.
/// @param date the date.
/// @return the figures.
Continuity continuity(const Roster& roster, Date date);

/// Changes of IRO in a span: the children allocated to an IRO on some day from @p from to @p to (both
/// included), and the allocations starting in that span that went to a different IRO from the child's
/// allocation before (by start date). `kept_one_iro` counts the children with no such change.
/// @param roster the roster.
/// @param from the first day.
/// @param to the last day.
/// @return the figures (changes_per_child: the changes in the span).
/// @throws Error Status::invalid_argument when @p to is before @p from.
Continuity continuity(const Roster& roster, Date from, Date to);

}  // namespace iro

#endif
