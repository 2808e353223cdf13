// Internal to the C API: the structs behind the opaque handles shared between source files.
#ifndef IRO_CAPI_HANDLES_HPP
#define IRO_CAPI_HANDLES_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "iro.h"
#include "iro/core/calendar.hpp"
#include "iro/data/casebook.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/model/child.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/model/import_report.hpp"
#include "iro/model/policy.hpp"
#include "iro/rules/policy_diff.hpp"
#include "iro/rules/schedule.hpp"

struct iro_calendar {
  iro::Calendar calendar;
};

struct iro_policy {
  iro::Policy policy;
};

struct iro_policy_diff {
  iro::PolicyDiff diff;
  std::vector<std::string> changes;  // per changed child, its lines joined by newlines
  std::string report;
};

struct iro_disputes {
  iro::DisputeRegister reg;
};

struct iro_casebook {
  iro::Casebook book;
  iro::ImportReport report;  // the last successful import's (iro_casebook_import_issues() and _rows() point into it)
};

struct iro_roster {
  iro::Roster roster;
};

struct iro_children {
  std::vector<iro::Child> children;
};

// A judged review as the C API keeps it: 32 bytes, so that a million children's results stay small. It
// carries what the core computed (iro::ReviewResult: on time, days late, the record date), copied out as
// they are, never derived again here. What an explanation needs beyond these (two duties, a local
// convention's statutory date) is rare, and kept in iro_schedules::due_extras.
struct iro_stored_review {
  std::int32_t day;
  std::int32_t due;
  std::int32_t anchor;
  std::int32_t chain_start;
  std::int32_t days_late;   // ReviewResult::days_late
  std::int32_t record_due;  // ReviewResult::record_due
  std::int16_t number;
  std::int8_t regime;
  std::int8_t rule;
  std::int8_t participation;
  std::int8_t started;  // iro::ChainStart
  std::uint8_t flags;   // iro_stored_on_chain_start, iro_stored_has_extra, iro_stored_on_time
};
constexpr std::uint8_t iro_stored_on_chain_start = 1;
constexpr std::uint8_t iro_stored_has_extra = 2;
constexpr std::uint8_t iro_stored_on_time = 4;  // ReviewResult::on_time
static_assert(sizeof(iro_stored_review) == 32, "a stored review is 32 bytes");

// Packs a review; its Due is whole again with unpack_due() (and the extras, when flagged).
inline bool due_is_plain(const iro::Due& d) {
  return !d.authority && !d.other && d.statutory == d.date && d.statutory_anchor == d.anchor && !d.from_care_start;
}

// Each child's next review, or why none is owed.
struct iro_stored_next {
  std::optional<iro::Due> due;
  iro::NothingOwed why = iro::NothingOwed::owed;
  iro::Date care_ended;
  iro::Date would_be_due;
};

struct iro_schedules {
  iro::Policy policy;
  iro::Calendar calendar;                    // the calendar the schedules were computed with
  iro::Date as_of;                           // the date they were computed on
  std::vector<iro_child_schedule> children;  // one per child (the next review's due, rule and anchor too)
  std::vector<std::pair<std::size_t, std::string>> errors;   // (child, message) for the children that failed
  std::vector<iro_stored_review> reviews;                    // all children's reviews, flat
  std::vector<std::pair<std::size_t, iro::Due>> due_extras;  // (review index, its whole Due) where not plain
  std::vector<iro_stored_next> next;                         // one per child
  std::vector<iro::MissedReview> missed;                     // all children's missed dates, flat
  std::vector<std::size_t> review_offset;  // child i's reviews are [review_offset[i], review_offset[i+1])
  std::vector<std::size_t> missed_offset;  // likewise for missed
  std::vector<std::string> ids;            // child i's id
  std::unordered_map<std::string, std::size_t> index_of;  // id -> the first child with it
};

#endif
