/// @file report.hpp
/// @brief The IRO annual report: the tables every council publishes, computed from a casebook for a
/// reporting year (1 April to 31 March), with terminal, CSV, JSON, Markdown and self-contained HTML output.
///
/// Definitions (docs/report.md): a review counts as due in the month of its due date; "held in
/// timescale" means held on or before it; a due date that passed with no review counts as due and not
/// held; children who left care before a due date owe nothing. Schedules are evaluated as of the year's
/// last day.
#ifndef IRO_REPORT_HPP
#define IRO_REPORT_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "iro/calendar.hpp"
#include "iro/casebook.hpp"
#include "iro/caseload.hpp"
#include "iro/dispute.hpp"
#include "iro/policy.hpp"

namespace iro {

/// Reviews due, held and held in timescale (one month, quarter or year).
struct TimelinessRow {
  std::string label;      ///< "Apr 2024", "Q1", "Year".
  std::size_t due = 0;     ///< Reviews due.
  std::size_t held = 0;    ///< Of those, held.
  std::size_t in_time = 0;  ///< Of those, held on or before the due date.
  std::vector<std::string> late_or_missed;  ///< Children behind the due reviews not held in time.
  /// in_time / due in percent (0 when none due).
  /// @return the percentage.
  double percent() const noexcept { return due == 0 ? 0.0 : 100.0 * static_cast<double>(in_time) / static_cast<double>(due); }
};

/// In time by review number for one reporting year.
struct ByNumberRow {
  std::string year;  ///< "2024/25".
  std::array<std::size_t, 3> due{};      ///< First, second, subsequent reviews due in the year.
  std::array<std::size_t, 3> in_time{};  ///< Of those, held in time.
};

/// The annual report's figures.
struct AnnualReport {
  std::string council;   ///< The council.
  int year = 0;          ///< The reporting year's first calendar year (2024 for 2024/25).
  Date from;             ///< 1 April.
  Date to;               ///< 31 March.
  std::vector<TimelinessRow> months;    ///< 12 months.
  std::vector<TimelinessRow> quarters;  ///< 4 quarters.
  TimelinessRow total;                  ///< The year.
  std::vector<ByNumberRow> by_number;   ///< The year and the two before, oldest first.
  std::array<std::size_t, 9> participation{};  ///< Reviews held in the year by code: PN0..PN7, then none.
  double participation_rate = 0;        ///< PN1-PN6 as a share of PN1-PN7, in percent (children 4 and over).
  std::size_t looked_after_start = 0;   ///< Looked after on 1 April.
  std::size_t looked_after_end = 0;     ///< Looked after on 31 March.
  std::size_t entered = 0;              ///< Periods of care started in the year.
  std::size_t left = 0;                 ///< Periods of care ended in the year.
  std::size_t children_refused = 0;     ///< Children whose data could not be evaluated.
  CaseloadCheck caseloads;              ///< On 31 March.
  std::vector<std::string> iro_ids;     ///< IRO ids by roster index.
  std::int32_t band_low = 50;           ///< The policy's caseload band.
  std::int32_t band_high = 70;          ///< The policy's caseload band.
  DisputeFigures disputes;              ///< For the year.
  std::vector<std::string> ladder;      ///< The ladder's stage names, in order.
};

/// Computes the report for the reporting year starting 1 April @p year.
/// @param book the casebook.
/// @param policy the policy.
/// @param calendar the working-day calendar; the policy's closure days are added to it.
/// @param year the first calendar year of the reporting year (1900 to 2198).
/// @return the report.
/// @throws Error Status::invalid_argument when the casebook has no child looked after in the year;
///         Status::out_of_range for a year outside 1900-2198; as DisputeRegister::add() and add_event()
///         when a saved dispute does not fit the policy's ladder or categories.
AnnualReport annual_report(const Casebook& book, const Policy& policy, const Calendar& calendar, int year);

/// The report as text tables for a terminal.
/// @param report the report.
/// @return the text.
std::string report_text(const AnnualReport& report);

/// Every table as Markdown.
/// @param report the report.
/// @return the text.
std::string report_markdown(const AnnualReport& report);

/// Every table as JSON.
/// @param report the report.
/// @return the text.
std::string report_json(const AnnualReport& report);

/// The timeliness table (months, quarters, year) as CSV.
/// @param report the report.
/// @return the CSV text.
std::string report_csv(const AnnualReport& report);

/// One self-contained HTML page (no external files) with SVG charts: timeliness by month, in time by
/// review number across years, participation by code, load per FTE per IRO with the band shaded,
/// disputes by stage.
/// @param report the report.
/// @return the HTML text.
std::string report_html(const AnnualReport& report);

}  // namespace iro

#endif
