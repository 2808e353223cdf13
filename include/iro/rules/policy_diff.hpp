/// @file policy_diff.hpp
/// @brief Testing a policy change before adopting it: the same children evaluated under two policies,
/// every child whose due dates, timeliness or worklist status changes, and how the headline figures move.
#ifndef IRO_POLICY_DIFF_HPP
#define IRO_POLICY_DIFF_HPP

#include <cstddef>
#include <string>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/model/child.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// Headline figures of one evaluation.
struct DiffFigures {
  std::size_t children = 0;  ///< Children given.
  std::size_t failed = 0;    ///< Children whose data the policy's evaluation refused.
  std::size_t reviews = 0;   ///< Held reviews judged.
  std::size_t in_time = 0;   ///< Of those, held on or before their due date.
  std::size_t missed = 0;    ///< Missed due dates.
  std::size_t overdue = 0;   ///< Children whose next review is overdue on their as-of date.
  /// Reviews in time as a percentage of reviews (0 when there are none).
  /// @return the percentage.
  double in_time_percent() const noexcept {
    return reviews == 0 ? 0.0 : 100.0 * static_cast<double>(in_time) / static_cast<double>(reviews);
  }
};

/// One child whose results differ.
struct ChildChange {
  std::size_t index = 0;  ///< Index of the child in the input.
  std::string id;         ///< The child's id.
  std::vector<std::string>
      changes;  ///< One line per change ("review 2 held 2024-07-26: due 2024-07-22 -> 2024-07-07").
};

/// The result of a policy diff.
struct PolicyDiff {
  DiffFigures a;                     ///< Figures under the first policy.
  DiffFigures b;                     ///< Figures under the second policy.
  std::vector<ChildChange> changed;  ///< The children whose results differ, in input order.
};

/// Evaluates each child under both policies, each with its own calendar (policy.calendar(base)), and
/// compares: every held review's due date, timeliness and record date; the missed dates; the next due
/// date and whether it is overdue; and whether the child could be evaluated at all.
/// @param children the children.
/// @param as_of each child's as-of date (the same size as @p children).
/// @param a the current policy.
/// @param b the proposed policy.
/// @param base the base calendar (the built-in England and Wales one).
/// @return the differences and the figures.
/// @throws Error Status::invalid_argument when the sizes differ; Status::out_of_range for a closure day
///         outside the calendar.
PolicyDiff diff_policies(const std::vector<Child>& children, const std::vector<Date>& as_of, const Policy& a,
                         const Policy& b, const Calendar& base);

/// A report of a diff for people: the figures side by side, then each changed child.
/// @param diff the diff.
/// @param a_name the first policy's name.
/// @param b_name the second policy's name.
/// @return the text.
std::string diff_report(const PolicyDiff& diff, const std::string& a_name, const std::string& b_name);

}  // namespace iro

#endif
