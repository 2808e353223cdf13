// Tests of the casebook part of capi/iro.h: import (an SSDA903 return, a whole council directory, the
// import's report), synthesize, save, load, counts, evaluate, export.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "capi_helpers.hpp"
#include "scratch.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

TEST(CApiCasebook, ImportSaveLoadEvaluateExport) {
  iro_casebook* book = nullptr;
  ASSERT_EQ(iro_casebook_new(&book), IRO_OK);
  const std::string sample = std::string(IRO_TEST_DATA) + "/903-sample";
  size_t rejected = 0, doubtful = 0;
  ASSERT_EQ(iro_casebook_import_903(book, sample.c_str(), 0, &rejected, &doubtful), IRO_OK) << last();
  EXPECT_GT(rejected, 0u);  // the sample's anomalies
  EXPECT_EQ(iro_casebook_import_903(book, sample.c_str(), 1, nullptr, nullptr), IRO_E_PARSE);
  size_t children = 0, iros = 0, disputes = 0;
  ASSERT_EQ(iro_casebook_counts(book, &children, &iros, &disputes), IRO_OK);
  EXPECT_GT(children, 2500u);  // unchanged by the failed strict import
  const std::string path = (iro::test::scratch_dir() / "capi-book.cbk").string();
  ASSERT_EQ(iro_casebook_save(book, path.c_str(), IRO_ARCHIVE_BINARY), IRO_OK) << last();
  EXPECT_EQ(iro_casebook_save(book, path.c_str(), 7), IRO_E_INVALID_ARGUMENT);
  iro_casebook* loaded = nullptr;
  ASSERT_EQ(iro_casebook_load(path.c_str(), &loaded), IRO_OK) << last();
  size_t again = 0;
  ASSERT_EQ(iro_casebook_counts(loaded, &again, &iros, &disputes), IRO_OK);
  EXPECT_EQ(again, children);
  iro_children* set = nullptr;
  ASSERT_EQ(iro_casebook_children(loaded, &set), IRO_OK);
  iro_calendar* cal = nullptr;
  iro_policy* policy = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
  iro_schedules* s = nullptr;
  ASSERT_EQ(iro_schedule_evaluate(set, policy, cal, day("2016-03-31"), &s), IRO_OK);
  size_t n = 0, failed = 0, reviews = 0;
  ASSERT_EQ(iro_schedules_summary(s, &n, &failed, &reviews), IRO_OK);
  EXPECT_EQ(n, children);
  EXPECT_EQ(failed, 0u);
  size_t needed = 0;
  EXPECT_EQ(iro_casebook_export(loaded, policy, cal, day("2016-03-31"), IRO_EXPORT_CSV, nullptr, 0, &needed),
            IRO_E_BUFFER_TOO_SMALL);
  std::string text(needed, '\0');
  ASSERT_EQ(
      iro_casebook_export(loaded, policy, cal, day("2016-03-31"), IRO_EXPORT_CSV, text.data(), text.size(), nullptr),
      IRO_OK);
  EXPECT_EQ(text.rfind("child_id,kind,number,regime,date,due,rule", 0), 0u);
  {  // the same export made once into an iro_text
    iro_text* made = nullptr;
    ASSERT_EQ(iro_casebook_export_text(loaded, policy, cal, day("2016-03-31"), IRO_EXPORT_CSV, &made), IRO_OK)
        << last();
    const char* data = nullptr;
    size_t size = 0;
    ASSERT_EQ(iro_text_read(made, &data, &size), IRO_OK);
    EXPECT_EQ(std::string(data, size) + '\0', text);
    iro_text_free(made);
    iro_text* none = nullptr;
    EXPECT_EQ(iro_casebook_export_text(loaded, policy, cal, day("2016-03-31"), 9, &none), IRO_E_INVALID_ARGUMENT);
    EXPECT_EQ(none, nullptr);
    EXPECT_EQ(iro_casebook_export_text(nullptr, policy, cal, day("2016-03-31"), IRO_EXPORT_CSV, &none),
              IRO_E_INVALID_ARGUMENT);
  }
  EXPECT_EQ(iro_casebook_export(loaded, policy, cal, day("2016-03-31"), 9, nullptr, 0, &needed),
            IRO_E_INVALID_ARGUMENT);
  // The annual report for 2015/16, each format; then the refusals.
  ASSERT_EQ(iro_casebook_report(loaded, policy, cal, 2015, IRO_REPORT_CSV, nullptr, 0, &needed),
            IRO_E_BUFFER_TOO_SMALL);
  std::string report(needed, '\0');
  ASSERT_EQ(iro_casebook_report(loaded, policy, cal, 2015, IRO_REPORT_CSV, report.data(), report.size(), nullptr),
            IRO_OK);
  EXPECT_EQ(report.rfind("table,row,measure,value\ntimeliness,Apr 2015,due,", 0), 0u) << report;
  // Figures and the rows behind them: tests/test_capi_report.cpp.
  for (int32_t format : {IRO_REPORT_TEXT, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN, IRO_REPORT_HTML}) {
    EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 2015, format, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL)
        << format;
    EXPECT_GT(needed, 100u) << format;
  }
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 2015, 5, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 1990, IRO_REPORT_TEXT, nullptr, 0, &needed),
            IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(iro_last_error_message()).find("no child was looked after in 1990/91"), std::string::npos);
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 3000, IRO_REPORT_TEXT, nullptr, 0, &needed), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_casebook_report(nullptr, policy, cal, 2015, IRO_REPORT_TEXT, nullptr, 0, &needed),
            IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 2015, IRO_REPORT_TEXT, nullptr, 10, &needed),
            IRO_E_INVALID_ARGUMENT);
  std::string bad = path + ".bad";
  EXPECT_EQ(iro_casebook_load(bad.c_str(), &loaded), IRO_E_IO);
  ASSERT_EQ(iro_casebook_synthesize(book, 200, 4, 2, 9), IRO_OK);
  ASSERT_EQ(iro_casebook_counts(book, &children, &iros, &disputes), IRO_OK);
  EXPECT_EQ(children, 200u);
  EXPECT_EQ(iros, 4u);
  EXPECT_EQ(iro_casebook_synthesize(book, 0, 4, 2, 9), IRO_E_INVALID_ARGUMENT);
  iro_schedules_free(s);
  iro_children_free(set);
  iro_policy_free(policy);
  iro_calendar_free(cal);
  iro_casebook_free(loaded);
  iro_casebook_free(book);
}

namespace {

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream f(path, std::ios::binary);
  f << text;
  ASSERT_TRUE(f.good()) << path;
}

// A small council: two children (one review), two IROs, one dispute; one bad roster row (line 4 of
// roster/allocations.csv, a month 13 in its "from" column) and one dispute event naming a stage the
// England ladder lacks (line 4 of disputes/events.csv).
std::string small_council(const std::string& name) {
  const std::filesystem::path dir = iro::test::scratch_dir() / name;
  std::filesystem::remove_all(dir);
  write_file(dir / "header.csv",
             "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
             "101,1,01/06/2012,WBRI,,,\n"
             "102,2,01/06/2014,WBRI,,,\n");
  write_file(dir / "episodes.csv",
             "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
             "101,01/04/2024,S,C2,N1,U1,PR1,,,,,,\n"
             "102,15/05/2024,S,C2,N1,U1,PR1,,,,,,\n");
  write_file(dir / "reviews.csv",
             "CHILD,DOB,REVIEW,REVIEW_CODE\n"
             "101,01/06/2012,25/04/2024,PN1\n");
  write_file(dir / "roster" / "iros.csv",
             "iro_id,fte\n"
             "A,1.0\n"
             "B,0.5\n");
  write_file(dir / "roster" / "allocations.csv",
             "child_id,iro_id,from,to\n"
             "101,A,2024-04-01,\n"
             "102,B,2024-05-15,\n"
             "103,A,2024-13-01,\n");
  write_file(dir / "disputes" / "events.csv",
             "dispute_id,date,action,stage,child_id,iro_id,category\n"
             "D1,2024-06-03,raise,,101,A,\n"
             "D1,2024-06-10,resolve,,,,\n"
             "D2,2024-07-01,raise,panel,102,B,\n");
  return dir.string();
}

struct Counts {
  size_t children = 0, officers = 0, disputes = 0;
  bool operator==(const Counts& o) const {
    return children == o.children && officers == o.officers && disputes == o.disputes;
  }
};

Counts counts(const iro_casebook* book) {
  Counts c;
  EXPECT_EQ(iro_casebook_counts(book, &c.children, &c.officers, &c.disputes), IRO_OK) << last();
  return c;
}

std::vector<iro_import_issue> issues(const iro_casebook* book) {
  size_t count = 0;
  const int32_t status = iro_casebook_import_issues(book, nullptr, 0, &count);
  EXPECT_TRUE(status == IRO_OK || status == IRO_E_BUFFER_TOO_SMALL) << last();
  EXPECT_EQ(status, count == 0 ? IRO_OK : IRO_E_BUFFER_TOO_SMALL);
  std::vector<iro_import_issue> out(count);
  EXPECT_EQ(iro_casebook_import_issues(book, out.data(), out.size(), &count), IRO_OK) << last();
  EXPECT_EQ(count, out.size());
  return out;
}

std::map<std::string, size_t> rows(const iro_casebook* book) {
  size_t count = 0;
  const int32_t status = iro_casebook_import_rows(book, nullptr, 0, &count);
  EXPECT_EQ(status, count == 0 ? IRO_OK : IRO_E_BUFFER_TOO_SMALL) << last();
  std::vector<iro_import_rows> out(count);
  EXPECT_EQ(iro_casebook_import_rows(book, out.data(), out.size(), &count), IRO_OK) << last();
  std::map<std::string, size_t> by_file;
  for (const iro_import_rows& r : out) by_file[r.file] = r.rows;
  return by_file;
}

}  // namespace

TEST(CApiCasebook, ImportCouncilReadsEveryFileAndReportsTheBadRows) {
  iro_casebook* book = nullptr;
  iro_policy* policy = nullptr;
  iro_calendar* cal = nullptr;
  ASSERT_EQ(iro_casebook_new(&book), IRO_OK);
  ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  // Before any import there is no report.
  EXPECT_TRUE(issues(book).empty());
  EXPECT_TRUE(rows(book).empty());
  // The council replaces a synthetic one's children, roster and disputes.
  ASSERT_EQ(iro_casebook_synthesize(book, 50, 5, 1, 3), IRO_OK) << last();
  const std::string dir = small_council("lenient");
  size_t rejected = 99, doubtful = 99;
  ASSERT_EQ(iro_casebook_import_council(book, dir.c_str(), policy, cal, 0, &rejected, &doubtful), IRO_OK) << last();
  EXPECT_EQ(rejected, 2u);
  const Counts imported = counts(book);
  EXPECT_EQ(imported.children, 2u);
  EXPECT_EQ(imported.officers, 2u);
  EXPECT_EQ(imported.disputes, 1u);  // D2 never entered: its raise was rejected
  // The issues: the bad roster row and the event at a stage England's ladder lacks, with file, line, column.
  const std::vector<iro_import_issue> found = issues(book);
  ASSERT_EQ(found.size(), rejected + doubtful);
  const iro_import_issue* roster = nullptr;
  const iro_import_issue* dispute = nullptr;
  for (const iro_import_issue& i : found) {
    if (std::string(i.file) == "roster/allocations.csv") roster = &i;
    if (std::string(i.file) == "disputes/events.csv") dispute = &i;
  }
  ASSERT_NE(roster, nullptr);
  EXPECT_EQ(roster->line, 4u);
  EXPECT_STREQ(roster->column, "from");
  EXPECT_NE(std::string(roster->message).find("2024-13-01"), std::string::npos) << roster->message;
  EXPECT_EQ(roster->rejected, 1);
  ASSERT_NE(dispute, nullptr);
  EXPECT_EQ(dispute->line, 4u);
  EXPECT_NE(std::string(dispute->message).find("no stage \"panel\""), std::string::npos) << dispute->message;
  EXPECT_EQ(dispute->rejected, 1);
  EXPECT_LT(roster, dispute);  // in file order: the roster is read before the disputes
  // Rows read per file, rejected ones included.
  const std::map<std::string, size_t> read = rows(book);
  const std::map<std::string, size_t> expected{
      {"header.csv", 2},      {"episodes.csv", 2},           {"reviews.csv", 1},
      {"roster/iros.csv", 2}, {"roster/allocations.csv", 3}, {"disputes/events.csv", 3}};
  EXPECT_EQ(read, expected);
  // The size query: too small a capacity writes nothing but the count.
  size_t count = 0;
  iro_import_issue one{};
  one.line = 12345;
  EXPECT_EQ(iro_casebook_import_issues(book, &one, found.size() - 1, &count), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, found.size());
  EXPECT_EQ(one.line, 12345u);
  EXPECT_NE(last().find("iro_casebook_import_issues"), std::string::npos) << last();
  iro_import_rows row{};
  EXPECT_EQ(iro_casebook_import_rows(book, &row, 1, &count), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, expected.size());
  EXPECT_EQ(row.file, nullptr);
  // Strict: the bad roster row fails the import, naming its file, line and column; the casebook, and its
  // last report with its strings, are unchanged.
  const char* message_before = found[0].message;
  rejected = doubtful = 77;
  EXPECT_EQ(iro_casebook_import_council(book, dir.c_str(), policy, cal, 1, &rejected, &doubtful), IRO_E_INVALID_DATE);
  EXPECT_NE(last().find("iro_casebook_import_council"), std::string::npos) << last();
  EXPECT_NE(last().find("roster/allocations.csv:4"), std::string::npos) << last();
  EXPECT_NE(last().find("column from"), std::string::npos) << last();
  EXPECT_EQ(rejected, 77u);  // no out-parameter is written on failure
  EXPECT_EQ(counts(book), imported);
  const std::vector<iro_import_issue> kept = issues(book);
  ASSERT_EQ(kept.size(), found.size());
  EXPECT_EQ(kept[0].message, message_before);
  EXPECT_EQ(rows(book), expected);
  // Strict with the roster row mended: the dispute event fails it, as a rule of the ladder.
  write_file(std::filesystem::path(dir) / "roster" / "allocations.csv", "child_id,iro_id,from,to\n101,A,2024-04-01,\n");
  EXPECT_EQ(iro_casebook_import_council(book, dir.c_str(), policy, cal, 1, nullptr, nullptr), IRO_E_NOT_FOUND)
      << last();
  EXPECT_NE(last().find("disputes/events.csv:4"), std::string::npos) << last();
  EXPECT_EQ(counts(book), imported);
  // A clean council imports strictly, and its report replaces the last.
  write_file(std::filesystem::path(dir) / "disputes" / "events.csv",
             "dispute_id,date,action,stage,child_id,iro_id,category\nD1,2024-06-03,raise,,101,A,\n");
  ASSERT_EQ(iro_casebook_import_council(book, dir.c_str(), policy, cal, 1, &rejected, &doubtful), IRO_OK) << last();
  EXPECT_EQ(rejected, 0u);
  EXPECT_EQ(issues(book).size(), doubtful);
  EXPECT_EQ(rows(book).at("roster/allocations.csv"), 1u);
  // Refusals: a missing directory, NULLs, a strict that is neither 0 nor 1.
  const std::string missing = dir + "/no-such";
  EXPECT_EQ(iro_casebook_import_council(book, missing.c_str(), policy, cal, 0, nullptr, nullptr), IRO_E_IO);
  EXPECT_EQ(iro_casebook_import_council(book, dir.c_str(), policy, cal, 2, nullptr, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("strict 2"), std::string::npos) << last();
  EXPECT_EQ(iro_casebook_import_council(nullptr, dir.c_str(), policy, cal, 0, nullptr, nullptr),
            IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_council(book, nullptr, policy, cal, 0, nullptr, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_council(book, dir.c_str(), nullptr, cal, 0, nullptr, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_council(book, dir.c_str(), policy, nullptr, 0, nullptr, nullptr),
            IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("base is NULL"), std::string::npos) << last();
  EXPECT_EQ(iro_casebook_import_issues(nullptr, nullptr, 0, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_issues(book, nullptr, 3, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_issues(book, nullptr, 0, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_rows(nullptr, nullptr, 0, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_rows(book, nullptr, 3, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_import_rows(book, nullptr, 0, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(counts(book).children, 2u);
  iro_calendar_free(cal);
  iro_policy_free(policy);
  iro_casebook_free(book);
}

TEST(CApiCasebook, Import903KeepsItsReportToo) {
  iro_casebook* book = nullptr;
  ASSERT_EQ(iro_casebook_new(&book), IRO_OK);
  const std::string sample = std::string(IRO_TEST_DATA) + "/903-sample";
  size_t rejected = 0, doubtful = 0;
  ASSERT_EQ(iro_casebook_import_903(book, sample.c_str(), 0, &rejected, &doubtful), IRO_OK) << last();
  const std::vector<iro_import_issue> found = issues(book);
  ASSERT_EQ(found.size(), rejected + doubtful);
  ASSERT_GT(rejected, 0u);
  EXPECT_EQ(static_cast<size_t>(
                std::count_if(found.begin(), found.end(), [](const iro_import_issue& i) { return i.rejected == 1; })),
            rejected);
  for (const iro_import_issue& i : found) {
    ASSERT_NE(i.file, nullptr);
    ASSERT_NE(i.column, nullptr);
    ASSERT_NE(i.message, nullptr);
    EXPECT_NE(std::string(i.message), "");
  }
  const std::map<std::string, size_t> read = rows(book);
  EXPECT_GT(read.at("episodes.csv"), 2500u);
  EXPECT_GT(read.at("header.csv"), 2500u);
  EXPECT_EQ(read.count("roster/iros.csv"), 0u);
  // A failed strict import leaves the report (and the children) as they were.
  EXPECT_EQ(iro_casebook_import_903(book, sample.c_str(), 1, nullptr, nullptr), IRO_E_PARSE);
  EXPECT_EQ(issues(book).size(), found.size());
  EXPECT_EQ(rows(book), read);
  iro_casebook_free(book);
}
