/// @file ssda903.hpp
/// @brief Importing an SSDA903 return (the annual looked-after children return every case system
/// exports): Header, Episodes, Reviews and Placed-for-adoption CSV files into children with periods of
/// care, regime switches and reviews, with a report of every rejected or doubtful row.
///
/// Mappings (docs/ssda903.md): a period of care starts at an episode with RNE = S (or at a child's first
/// episode); episodes with RNE P, L, T, U or B continue it; the period ends at the DEC of its last episode.
/// A period whose first episode has legal status V3 or V4 (a series of short breaks) follows the
/// short_breaks regime, and switches to standard at the first later episode with another status. A
/// placement for adoption (DATE_PLACED) switches the period to adoption_placed. Each episode but a change
/// of legal status only (RNE L) starts a placement, which ends where the next starts or at the episode's
/// DEC. Dates are DD/MM/YYYY (or
/// YYYY-MM-DD); participation codes PN0-PN7.
#ifndef IRO_SSDA903_HPP
#define IRO_SSDA903_HPP

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "iro/model/child.hpp"
#include "iro/model/import_report.hpp"

namespace iro {

/// The CSV text of a return's files (empty text for a file not given; header and episodes are required).
struct Ssda903Files {
  std::string header;               ///< header.csv: CHILD, DOB, and SEX and ETHNIC when given (others not read).
  std::string episodes;             ///< episodes.csv: CHILD, DECOM, RNE, LS, DEC, and REC when given.
  std::string reviews;              ///< reviews.csv: CHILD, DOB, REVIEW, REVIEW_CODE.
  std::string placed_for_adoption;  ///< placed_for_adoption.csv: CHILD, DATE_PLACED, DATE_PLACED_CEASED.
  /// review_records.csv, a local extract (not a 903 table): CHILD, REVIEW, RECORD_SENT — the day each
  /// review's record was circulated. A row must match a review in reviews.csv.
  std::string review_records = {};
  /// midway_reviews.csv, a local extract (not a 903 table): CHILD, MIDWAY — the IRO's midway reviews.
  std::string midway_reviews = {};
  /// uasc.csv, the 903's UASC table: CHILD, SEX, DOB, DUC — the children who are (or were) unaccompanied
  /// asylum-seeking children, DUC the day that status ceased (empty while it lasts). Optional.
  std::string uasc = {};
  /// pre_meeting_reports.csv, a local extract: CHILD, REVIEW, REPORT_RECEIVED — the day the social worker's report
  /// for a review in reviews.csv reached the IRO.
  std::string pre_meeting_reports = {};
  /// review_cancellations.csv, a local extract: CHILD, REVIEW, REASON — a review arranged for a day that did not
  /// take place, and why (the council's own words or code).
  std::string review_cancellations = {};
  /// review_exceptions.csv, a local extract: CHILD, REVIEW, REASON — a review in reviews.csv held after its due
  /// date for an agreed and understood reason.
  std::string review_exceptions = {};
  /// notifications.csv, a local extract: CHILD, DECOM, NOTIFIED — the day the IRO service was told that the child
  /// became looked after (the period of care starting on DECOM).
  std::string notifications = {};
};

/// The children of a return and the report.
struct Ssda903Import {
  std::vector<Child> children;  ///< Valid children, in header order.
  ImportReport report;          ///< What was read and found.
};

/// How an import spreads its work over threads. The result (children, report, errors) never depends on it.
struct ImportOptions {
  /// Threads to use, the calling one included: 0 for as many as the machine has (at most 4), 1 for the
  /// calling thread alone.
  unsigned threads = 0;
  /// The large tables (episodes, reviews, review records, midway reviews) are read in pieces of about this
  /// many bytes, cut at the ends of rows (never inside a quoted field), which threads read ahead while the
  /// calling thread checks the rows in file order.
  std::size_t piece_bytes = std::size_t{1} << 20;
};

/// Imports a return from text.
/// @param files the files' text.
/// @param mode lenient or strict.
/// @return the children and the report.
/// @throws Error Status::parse for a file that is not CSV or lacks a required column, and in strict mode at
///         the first rejected row (naming file, line, column and value).
Ssda903Import import_903(const Ssda903Files& files, ImportMode mode);

/// Imports a return from text, with the work spread as @p options says (the same result as import_903()).
/// @param files the files' text.
/// @param mode lenient or strict.
/// @param options threads and piece size.
/// @return the children and the report.
/// @throws Error as import_903().
Ssda903Import import_903(const Ssda903Files& files, ImportMode mode, const ImportOptions& options);

/// Imports a return from a directory holding header.csv, episodes.csv and, when present, reviews.csv,
/// placed_for_adoption.csv, review_records.csv, midway_reviews.csv, uasc.csv, pre_meeting_reports.csv,
/// review_cancellations.csv, review_exceptions.csv and notifications.csv.
/// @param directory the directory.
/// @param mode lenient or strict.
/// @return the children and the report.
/// @throws Error Status::io for a missing required file, or as import_903().
Ssda903Import import_903_directory(const std::string& directory, ImportMode mode);

/// Imports a return from a directory, with the work spread as @p options says (the same result as
/// import_903_directory()).
/// @param directory the directory.
/// @param mode lenient or strict.
/// @param options threads and piece size.
/// @return the children and the report.
/// @throws Error as import_903_directory().
Ssda903Import import_903_directory(const std::string& directory, ImportMode mode, const ImportOptions& options);

}  // namespace iro

#endif
