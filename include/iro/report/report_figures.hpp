/// @file report_figures.hpp
/// @brief Every figure of the annual report by name, with its count, and the rows behind any figure.
///
/// Each kind of figure is declared once (src/report/report_figures.cpp): its name pattern, its definition (the
/// one docs/report.md gives), the table it belongs to, which figures of the kind a report has, and how
/// its rows are listed. The figures are listed when the report is computed; reading them costs nothing
/// more, and a query filters the stored rows of one figure.
#ifndef IRO_REPORT_FIGURES_HPP
#define IRO_REPORT_FIGURES_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "iro/report/report.hpp"

namespace iro {

/// The declaration of one kind of figure.
struct FigureKind {
  const char* pattern;     ///< Its name pattern: "timeliness.PERIOD.MEASURE", "caseload.OFFICER"...
  const char* table;       ///< The report table it belongs to ("timeliness", "records", "disputes"...).
  const char* definition;  ///< What its rows are, as docs/report.md gives it.
};

/// The kinds of figure, in the report's order.
/// @return the declarations (static storage).
const std::vector<FigureKind>& report_figure_kinds();

/// The name of every figure report_query() answers, with its count: "timeliness.year.due",
/// "timeliness.2024-06.in_time", "by_number.2023/24.first.due", "participation.PN3", "records.late",
/// "midway.covered", "population.entered", "overdue_at_end", "caseload.IRO3", "disputes.raised",
/// "disputes.category.contact", "disputes.resolved_at.team_manager"... (report_figure_kinds() and
/// docs/report.md list the kinds). A table whose input was not supplied has no figures. O(1): listed when
/// the report was computed.
/// @param report the report.
/// @return the figures in the report's order.
const std::vector<Figure>& report_figures(const Report& report);

/// One figure by name. O(1).
/// @param report the report.
/// @param name a figure's name, as report_figures() lists them.
/// @return the figure.
/// @throws Error Status::not_found for a name that is no figure of the report (the message says how names
///         are made, from report_figure_kinds()).
const Figure& report_figure(const Report& report, const std::string& name);

/// One row behind a figure: a child (or dispute), a date and what the row is.
struct ReportTrace {
  std::string child;   ///< The child's id.
  Date date;           ///< The row's date (the due date, the day held, the start of care...).
  std::string detail;  ///< What the row is, in words.
};

/// The rows behind one figure: one row per item counted (a child with two reviews due appears twice), so
/// the number of rows equals the figure's count. O(rows of the figure's table).
/// @param report the report.
/// @param figure a figure's name, as report_figures() lists them.
/// @return the rows, in the order the report found them.
/// @throws Error Status::not_found for a name that is no figure (the message says how names are made).
std::vector<ReportTrace> report_query(const Report& report, const std::string& figure);

/// The rows behind one figure, as report_query(const Report&, const std::string&) gives them.
/// @param report the report.
/// @param figure one of report_figures(report).
/// @return the rows.
std::vector<ReportTrace> report_query(const Report& report, const Figure& figure);

/// Lists the figures of a report from its tables and rows (annual_report() calls it; so may code that
/// builds a Report by hand).
/// @param report the report whose figures and figure_index are filled in.
void list_report_figures(Report& report);

}  // namespace iro

#endif
