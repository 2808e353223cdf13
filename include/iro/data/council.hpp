/// @file council.hpp
/// @brief A council's data read from one directory: its SSDA903 return and local extracts, its IRO
/// roster and its dispute events, into one casebook, with one report of every rejected or doubtful row of
/// every file.
///
/// The directory has `iro synth`'s layout (docs/ssda903.md): header.csv and episodes.csv (required),
/// reviews.csv, placed_for_adoption.csv, review_records.csv and midway_reviews.csv; roster/iros.csv,
/// roster/children.csv, roster/allocations.csv and roster/absences.csv; disputes/events.csv. Every file but
/// the first two may be absent. Lenient by default: a bad row is left out and reported (file, line, column,
/// value and reason), and the rest is read; a dispute event that the policy's ladder or categories do not
/// allow is such a row. Strict: the first rejected row fails the whole import.
#ifndef IRO_COUNCIL_HPP
#define IRO_COUNCIL_HPP

#include <string>

#include "iro/core/calendar.hpp"
#include "iro/data/casebook.hpp"
#include "iro/model/import_report.hpp"
#include "iro/model/policy.hpp"
#include "iro/data/ssda903.hpp"

namespace iro {

/// What import_council() read.
struct CouncilImport {
  Casebook book;        ///< The children, the roster and the disputes (council: the directory).
  ImportReport report;  ///< Rows read per file (roster/ and disputes/ files by their relative paths) and every issue.
};

/// Reads a council from a directory.
/// @param directory the directory.
/// @param policy the policy whose ladder and categories the dispute events must fit.
/// @param calendar the working-day calendar for the disputes' response times (policy.calendar(base)).
/// @param mode lenient (keep the valid rows, report the rest) or strict (fail at the first rejected row).
/// @return the casebook and the report.
/// @throws Error Status::io for a missing header.csv or episodes.csv, or a file that cannot be read;
///         Status::parse for a file that is not CSV or lacks a required column; in strict mode, the first
///         rejected row's error, naming its file and line.
CouncilImport import_council(const std::string& directory, const Policy& policy, const Calendar& calendar,
                             ImportMode mode = ImportMode::lenient);

/// Reads a council from a directory, with the work spread as @p options says: the roster and the disputes
/// are read on a thread of their own while the return is read (unless options.threads is 1), and the
/// return as import_903_directory() with @p options. The result is the same as import_council()'s.
/// @param directory the directory.
/// @param policy the policy whose ladder and categories the dispute events must fit.
/// @param calendar the working-day calendar for the disputes' response times.
/// @param mode lenient or strict.
/// @param options threads and piece size.
/// @return the casebook and the report.
/// @throws Error as import_council().
CouncilImport import_council(const std::string& directory, const Policy& policy, const Calendar& calendar,
                             ImportMode mode, const ImportOptions& options);

}  // namespace iro

#endif
