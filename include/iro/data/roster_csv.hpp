/// @file roster_csv.hpp
/// @brief Reading a caseload roster from CSV files (columns in docs/caseload.md).
///
/// Each file has a header row; columns may come in any order; unknown or missing columns are errors;
/// dates are YYYY-MM-DD; every error names the file, the line and the column. A load either adds every
/// row or, on any error, nothing.
#ifndef IRO_ROSTER_CSV_HPP
#define IRO_ROSTER_CSV_HPP

#include <string>
#include <string_view>

#include "iro/rules/caseload.hpp"
#include "iro/model/import_report.hpp"

namespace iro {

/// The kinds of roster file.
enum class RosterFile : std::int32_t {
  iros = 0,         ///< iro_id, fte [, kind, start, end, attributes]
  allocations = 1,  ///< child_id, iro_id, from [, to]
  absences = 2,     ///< iro_id, from [, to]
  children = 3,  ///< child_id [, looked_after_since, placed_far_away, in_proceedings, placement_moves, sibling_group]
};

/// Adds the rows of a CSV document to a roster (all or nothing).
/// @param roster the roster.
/// @param kind which file it is.
/// @param text the CSV text.
/// @param source a name for messages (the file path).
/// @throws Error Status::parse (syntax, columns, a bad value), Status::invalid_date / Status::out_of_range
///         (a bad date), Status::invalid_argument / Status::not_found (as the Roster methods), each naming
///         source:line and the column.
void read_roster_csv(Roster& roster, RosterFile kind, std::string_view text, std::string_view source);

/// Adds the rows of a CSV document to a roster one by one: a row that cannot be added (a bad value, an
/// allocation to an unknown IRO) is a rejected row in @p report, naming the file, the line, the column and
/// the value, and the others are still added.
/// @param roster the roster.
/// @param kind which file it is.
/// @param text the CSV text.
/// @param source a name for messages (the file path).
/// @param report where the rows read and the rejected rows are added.
/// @throws Error Status::parse for a file that is not CSV or lacks a required column (nothing is added).
void read_roster_csv(Roster& roster, RosterFile kind, std::string_view text, std::string_view source,
                     ImportReport& report);

/// Reads a roster file from disk; see read_roster_csv().
/// @param roster the roster.
/// @param kind which file it is.
/// @param path the file.
/// @throws Error Status::io when it cannot be read, or as read_roster_csv().
void load_roster_csv(Roster& roster, RosterFile kind, const std::string& path);

}  // namespace iro

#endif
