// Tests of the annual report in capi/iro.h: computed once by iro_report_new(), then read many times as
// structs (summary, cells, figures, the rows behind a figure) and laid out as text, independent of the
// casebook it came from; and every refusal.
#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "capi_helpers.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

namespace {

// A synthetic council (deterministic), the England policy and calendar.
struct Council {
  iro_casebook* book = nullptr;
  iro_policy* policy = nullptr;
  iro_calendar* cal = nullptr;
  Council() {
    EXPECT_EQ(iro_casebook_new(&book), IRO_OK);
    EXPECT_EQ(iro_casebook_synthesize(book, 300, 5, 2, 4), IRO_OK) << last();
    EXPECT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
    EXPECT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  }
  ~Council() {
    iro_casebook_free(book);
    iro_policy_free(policy);
    iro_calendar_free(cal);
  }
};

std::string text_of(const iro_report* report, int32_t format) {
  size_t needed = 0;
  EXPECT_EQ(iro_report_format(report, format, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string text(needed, '\0');
  EXPECT_EQ(iro_report_format(report, format, text.data(), text.size(), nullptr), IRO_OK) << last();
  text.resize(needed == 0 ? 0 : needed - 1);
  return text;
}

std::vector<iro_report_figure> figures_of(const iro_report* report) {
  size_t count = 0;
  EXPECT_EQ(iro_report_figures(report, nullptr, 0, &count), IRO_E_BUFFER_TOO_SMALL);
  std::vector<iro_report_figure> figures(count);
  EXPECT_EQ(iro_report_figures(report, figures.data(), figures.size(), &count), IRO_OK) << last();
  return figures;
}

std::vector<iro_report_row> rows_of(const iro_report_rows* rows) {
  size_t count = 0;
  const int32_t status = iro_report_rows_read(rows, nullptr, 0, &count);
  EXPECT_TRUE(status == IRO_OK || status == IRO_E_BUFFER_TOO_SMALL);
  std::vector<iro_report_row> out(count);
  EXPECT_EQ(iro_report_rows_read(rows, out.data(), out.size(), &count), IRO_OK) << last();
  return out;
}

}  // namespace

TEST(CApiReport, ComputedOnceThenReadAsStructsWithoutTheCasebook) {
  Council c;
  iro_report* report = nullptr;
  ASSERT_EQ(iro_report_new(c.book, c.policy, c.cal, 2024, &report), IRO_OK) << last();
  // The one-call text is the same as the handle's.
  size_t needed = 0;
  ASSERT_EQ(iro_casebook_report(c.book, c.policy, c.cal, 2024, IRO_REPORT_CSV, nullptr, 0, &needed),
            IRO_E_BUFFER_TOO_SMALL);
  std::string once(needed, '\0');
  ASSERT_EQ(iro_casebook_report(c.book, c.policy, c.cal, 2024, IRO_REPORT_CSV, once.data(), once.size(), nullptr),
            IRO_OK);
  once.resize(needed - 1);
  // The report does not refer to what it was made from: free them all before reading it.
  iro_casebook_free(c.book);
  c.book = nullptr;
  iro_policy_free(c.policy);
  c.policy = nullptr;
  const std::string csv = text_of(report, IRO_REPORT_CSV);
  EXPECT_EQ(csv, once);

  iro_report_summary_info info{};
  ASSERT_EQ(iro_report_summary(report, &info), IRO_OK);
  EXPECT_EQ(info.year, 2024);
  EXPECT_EQ(info.from, day("2024-04-01"));
  EXPECT_EQ(info.to, day("2025-03-31"));
  EXPECT_EQ(info.roster_supplied, 1);
  EXPECT_EQ(info.disputes_supplied, 1);
  EXPECT_EQ(info.children_refused, 0u);

  // The cells are the CSV's rows, as structs: lay them out again and compare.
  size_t count = 0;
  ASSERT_EQ(iro_report_cells(report, nullptr, 0, &count), IRO_E_BUFFER_TOO_SMALL);
  std::vector<iro_report_cell> cells(count);
  ASSERT_EQ(iro_report_cells(report, cells.data(), cells.size(), &count), IRO_OK);
  std::string again = "table,row,measure,value\n";
  std::size_t numbers = 0;
  const auto quoted = [](const std::string& v) { return v.find(',') != std::string::npos ? "\"" + v + "\"" : v; };
  for (const iro_report_cell& cell : cells) {
    again += std::string(cell.table) + "," + quoted(cell.row) + "," + cell.measure + "," + quoted(cell.text) + "\n";
    if (cell.is_number) {
      ++numbers;
      EXPECT_DOUBLE_EQ(cell.number, std::stod(cell.text)) << cell.table << " " << cell.row << " " << cell.measure;
    } else {
      EXPECT_EQ(cell.number, 0.0);
    }
  }
  EXPECT_EQ(again, csv);
  EXPECT_GT(numbers, cells.size() / 2);
  EXPECT_LT(numbers, cells.size());  // bands and yes/no are words

  // Every figure: its count by name, and exactly that many rows behind it.
  const std::vector<iro_report_figure> figures = figures_of(report);
  ASSERT_GT(figures.size(), 100u);
  std::size_t nonzero = 0;
  for (const iro_report_figure& f : figures) {
    uint64_t n = 0;
    ASSERT_EQ(iro_report_figure_count(report, f.name, &n), IRO_OK) << f.name;
    EXPECT_EQ(n, f.count) << f.name;
    iro_report_rows* rows = nullptr;
    ASSERT_EQ(iro_report_query(report, f.name, &rows), IRO_OK) << f.name;
    EXPECT_EQ(rows_of(rows).size(), f.count) << f.name;
    iro_report_rows_free(rows);
    nonzero += f.count > 0;
    // The name is made from its kind's pattern: the words before the first PLACEHOLDER are the same.
    const std::string kind = f.kind;
    const std::string fixed = kind.substr(0, kind.find_first_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
    EXPECT_EQ(std::string(f.name).rfind(fixed, 0), 0u) << f.name << " of kind " << kind;
  }
  EXPECT_GT(nonzero, 50u);
  EXPECT_STREQ(figures.front().name, "timeliness.2024-04.due");
  EXPECT_STREQ(figures.front().kind, "timeliness.PERIOD.MEASURE");

  // Rows outlive the report they came from.
  iro_report_rows* late = nullptr;
  ASSERT_EQ(iro_report_query(report, "timeliness.year.late_or_missed", &late), IRO_OK);
  uint64_t expected = 0;
  ASSERT_EQ(iro_report_figure_count(report, "timeliness.year.late_or_missed", &expected), IRO_OK);
  ASSERT_GT(expected, 0u);
  iro_report_free(report);
  const std::vector<iro_report_row> rows = rows_of(late);
  ASSERT_EQ(rows.size(), expected);
  EXPECT_GE(rows[0].date, day("2024-04-01"));
  EXPECT_LE(rows[0].date, day("2025-03-31"));
  EXPECT_NE(std::string(rows[0].detail).find("review"), std::string::npos) << rows[0].detail;
  EXPECT_GT(std::strlen(rows[0].child), 0u);
  iro_report_rows_free(late);
}

TEST(CApiReport, RefusalsNameWhatIsWrong) {
  Council c;
  iro_report* report = nullptr;
  EXPECT_EQ(iro_report_new(nullptr, c.policy, c.cal, 2024, &report), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("casebook"), std::string::npos) << last();
  EXPECT_EQ(iro_report_new(c.book, nullptr, c.cal, 2024, &report), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_new(c.book, c.policy, nullptr, 2024, &report), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_new(c.book, c.policy, c.cal, 2024, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_new(c.book, c.policy, c.cal, 3000, &report), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_report_new(c.book, c.policy, c.cal, 1990, &report), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("no child was looked after in 1990/91"), std::string::npos) << last();
  EXPECT_EQ(report, nullptr);  // untouched on failure
  ASSERT_EQ(iro_report_new(c.book, c.policy, c.cal, 2024, &report), IRO_OK);
  uint64_t n = 0;
  EXPECT_EQ(iro_report_figure_count(report, "no.such", &n), IRO_E_NOT_FOUND);
  EXPECT_NE(last().find("\"no.such\" is no figure"), std::string::npos) << last();
  EXPECT_NE(last().find("timeliness.PERIOD.MEASURE"), std::string::npos) << last();
  EXPECT_EQ(iro_report_figure_count(report, nullptr, &n), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_figure_count(report, "overdue_at_end", nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_figure_count(nullptr, "overdue_at_end", &n), IRO_E_INVALID_ARGUMENT);
  iro_report_rows* rows = nullptr;
  EXPECT_EQ(iro_report_query(report, "no.such", &rows), IRO_E_NOT_FOUND);
  EXPECT_EQ(rows, nullptr);
  EXPECT_EQ(iro_report_query(report, nullptr, &rows), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_query(report, "overdue_at_end", nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_query(nullptr, "overdue_at_end", &rows), IRO_E_INVALID_ARGUMENT);
  size_t count = 0;
  EXPECT_EQ(iro_report_rows_read(nullptr, nullptr, 0, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_cells(report, nullptr, 3, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_cells(report, nullptr, 0, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_cells(nullptr, nullptr, 0, &count), IRO_E_INVALID_ARGUMENT);
  iro_report_cell one{};
  EXPECT_EQ(iro_report_cells(report, &one, 1, &count), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_GT(count, 1u);
  EXPECT_EQ(one.table, nullptr);  // nothing written
  EXPECT_EQ(iro_report_figures(nullptr, nullptr, 0, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_summary(report, nullptr), IRO_E_INVALID_ARGUMENT);
  iro_report_summary_info info{};
  EXPECT_EQ(iro_report_summary(nullptr, &info), IRO_E_INVALID_ARGUMENT);
  size_t needed = 0;
  EXPECT_EQ(iro_report_format(report, 5, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_format(report, -1, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_format(report, IRO_REPORT_TEXT, nullptr, 10, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_format(nullptr, IRO_REPORT_TEXT, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  for (int32_t format : {IRO_REPORT_TEXT, IRO_REPORT_CSV, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN, IRO_REPORT_HTML}) {
    EXPECT_GT(text_of(report, format).size(), 100u) << format;
  }
  // The same layouts made once into an iro_text.
  for (int32_t format : {IRO_REPORT_TEXT, IRO_REPORT_CSV, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN, IRO_REPORT_HTML}) {
    iro_text* made = nullptr;
    ASSERT_EQ(iro_report_format_text(report, format, &made), IRO_OK) << last();
    const char* data = nullptr;
    size_t size = 0;
    ASSERT_EQ(iro_text_read(made, &data, &size), IRO_OK);
    EXPECT_EQ(std::string(data, size), text_of(report, format)) << format;
    EXPECT_EQ(data[size], '\0');
    iro_text_free(made);
  }
  iro_text* none = nullptr;
  EXPECT_EQ(iro_report_format_text(report, 9, &none), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(none, nullptr);
  EXPECT_EQ(iro_report_format_text(nullptr, IRO_REPORT_TEXT, &none), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_report_format_text(report, IRO_REPORT_TEXT, nullptr), IRO_E_INVALID_ARGUMENT);
  const char* data = nullptr;
  size_t size = 0;
  EXPECT_EQ(iro_text_read(nullptr, &data, &size), IRO_E_INVALID_ARGUMENT);
  iro_text_free(nullptr);
  char small[8] = "xxxxxxx";
  EXPECT_EQ(iro_report_format(report, IRO_REPORT_TEXT, small, sizeof small, &needed), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_GT(needed, sizeof small);
  iro_report_free(report);
  iro_report_free(nullptr);
  iro_report_rows_free(nullptr);
}

TEST(CApiReport, ATableNotSuppliedHasNoFiguresAndSaysSo) {
  // Only the 903 return: no roster, no disputes.
  iro_casebook* book = nullptr;
  ASSERT_EQ(iro_casebook_new(&book), IRO_OK);
  const std::string sample = std::string(IRO_TEST_DATA) + "/903-sample";
  ASSERT_EQ(iro_casebook_import_903(book, sample.c_str(), 0, nullptr, nullptr), IRO_OK) << last();
  Council c;
  iro_report* report = nullptr;
  ASSERT_EQ(iro_report_new(book, c.policy, c.cal, 2015, &report), IRO_OK) << last();
  iro_report_summary_info info{};
  ASSERT_EQ(iro_report_summary(report, &info), IRO_OK);
  EXPECT_EQ(info.roster_supplied, 0);
  EXPECT_EQ(info.disputes_supplied, 0);
  for (const iro_report_figure& f : figures_of(report)) {
    EXPECT_NE(std::string(f.name).rfind("disputes.", 0), 0u) << f.name;
    EXPECT_NE(std::string(f.name).rfind("caseload.", 0), 0u) << f.name;
  }
  uint64_t n = 0;
  EXPECT_EQ(iro_report_figure_count(report, "disputes.raised", &n), IRO_E_NOT_FOUND);
  size_t count = 0;
  ASSERT_EQ(iro_report_cells(report, nullptr, 0, &count), IRO_E_BUFFER_TOO_SMALL);
  std::vector<iro_report_cell> cells(count);
  ASSERT_EQ(iro_report_cells(report, cells.data(), cells.size(), &count), IRO_OK);
  std::map<std::string, std::string> disputes;
  for (const iro_report_cell& cell : cells) {
    if (std::string(cell.table) == "disputes") disputes[cell.measure] = cell.text;
  }
  EXPECT_EQ(disputes, (std::map<std::string, std::string>{{"supplied", "no"}}));
  iro_report_free(report);
  iro_casebook_free(book);
}
