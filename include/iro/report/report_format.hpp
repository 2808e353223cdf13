/// @file report_format.hpp
/// @brief The annual report laid out for people and programs: terminal text, Markdown, one self-contained
/// HTML page with SVG charts, JSON, one long CSV, and the rows behind a figure as CSV. Each layout only
/// reads what the Report holds; none computes a figure.
#ifndef IRO_REPORT_FORMAT_HPP
#define IRO_REPORT_FORMAT_HPP

#include <optional>
#include <string>
#include <vector>

#include "iro/report/report.hpp"
#include "iro/report/report_figures.hpp"

namespace iro {

/// The layouts of the report.
enum class ReportFormat {
  text = 0,      ///< Text tables for a terminal.
  csv = 1,       ///< Every table as one long CSV: table,row,measure,value.
  json = 2,      ///< Every table as JSON.
  markdown = 3,  ///< Every table as Markdown.
  html = 4,      ///< One self-contained HTML page with SVG charts.
};

/// The words for a table whose input was not supplied ("not supplied: no review record dates (review_records.csv)").
/// @param table "records", "midway", "caseloads" or "disputes".
/// @return the text.
std::string not_supplied_text(const std::string& table);

/// The report in one layout.
/// @param report the report.
/// @param format the layout.
/// @return the text.
std::string format_report(const Report& report, ReportFormat format);

/// The report as text tables for a terminal.
/// @param report the report.
/// @return the text.
std::string report_text(const Report& report);

/// Every table as Markdown.
/// @param report the report.
/// @return the text.
std::string report_markdown(const Report& report);

/// Every table as JSON.
/// @param report the report.
/// @return the text.
std::string report_json(const Report& report);

/// One cell of the report's tables in long form: every table has this one shape, ready for a data frame
/// or a pivot table.
struct ReportCell {
  std::string table;  ///< "timeliness", "by_number", "participation", "records", "midway", "population",
                      ///< "caseloads", "disputes", "disputes_by_category", "disputes_resolved_at", "disputes_open_at".
  std::string row;    ///< "May 2024", "2023/24 first", "PN3", "IRO3", "team", "year"...
  std::string measure;           ///< "due", "percent_in_time", "per_fte", "band", "supplied"...
  std::string text;              ///< The value as the CSV writes it ("59", "48.00", "within", "no").
  std::optional<double> number;  ///< The value when it is a number; empty for words.
};

/// Every table as cells (table, row, measure, value), in the report's order. A table whose input was not
/// supplied has one cell, (table, "year", "supplied", "no"), and none of its figures.
/// @param report the report.
/// @return the cells.
std::vector<ReportCell> report_cells(const Report& report);

/// Every table as one long CSV with the columns table,row,measure,value (for example
/// "timeliness,May 2024,due,59", "records,year,late,71", "caseloads,IRO3,per_fte,48.00"): one shape
/// for every table, ready for a pivot table: report_cells() laid out.
/// @param report the report.
/// @return the CSV text.
std::string report_csv(const Report& report);

/// One self-contained HTML page (no external files) with SVG charts: timeliness by month, in time by
/// review number across years, participation by code, load per FTE per IRO with the band shaded,
/// disputes by stage.
/// @param report the report.
/// @return the HTML text.
std::string report_html(const Report& report);

/// Every figure as CSV: figure,count.
/// @param report the report.
/// @return the CSV text.
std::string report_figures_csv(const Report& report);

/// The rows of report_query() as CSV: figure,child,date,detail.
/// @param figure the figure's name.
/// @param rows the rows.
/// @return the CSV text.
std::string report_query_csv(const std::string& figure, const std::vector<ReportTrace>& rows);

}  // namespace iro

#endif
