/// @file import_report.hpp
/// @brief What an import read and what it found: every rejected or doubtful row of every file (the
/// SSDA903 tables, the local extracts, the roster, the dispute events), and how bad rows are treated.
#ifndef IRO_IMPORT_REPORT_HPP
#define IRO_IMPORT_REPORT_HPP

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace iro {

/// One rejected or doubtful row.
struct ImportIssue {
  std::string file;      ///< "episodes.csv".
  std::size_t line = 0;  ///< 1-based line (0 for an issue about a whole child).
  std::string column;    ///< The column ("" when about the row).
  std::string message;   ///< What is wrong, naming the value.
  bool rejected = true;  ///< true: the row was not used; false: used, but doubtful.
};

/// What an import read and what it found.
struct ImportReport {
  std::map<std::string, std::size_t> rows;  ///< Rows read, by file.
  std::size_t children = 0;                 ///< Children imported.
  std::size_t periods = 0;                  ///< Periods of care built.
  std::size_t reviews = 0;                  ///< Reviews kept.
  std::size_t rejected = 0;                 ///< Rows rejected.
  std::size_t doubtful = 0;                 ///< Rows kept but doubtful.
  std::vector<ImportIssue> issues;          ///< Every issue, in file and line order.
};

/// The issues of an import counted by file, column and treatment ("reviews.csv REVIEW_CODE doubtful": 12), the
/// summary a council reads before the rows themselves (`iro import` prints it).
/// @param report the report.
/// @return the counts, by "FILE COLUMN rejected" or "FILE COLUMN doubtful" ("FILE rejected" for a whole row).
inline std::map<std::string, std::size_t> issue_counts(const ImportReport& report) {
  std::map<std::string, std::size_t> counts;
  for (const ImportIssue& i : report.issues)
    ++counts[i.file + (i.column.empty() ? "" : " " + i.column) + (i.rejected ? " rejected" : " doubtful")];
  return counts;
}

/// How an import treats bad rows.
enum class ImportMode {
  lenient,  ///< Keep the valid rows and report the rest.
  strict,   ///< Fail at the first rejected row.
};

}  // namespace iro

#endif
