// Tests of the casebook part of capi/iro.h: import, synthesize, save, load, counts, evaluate, export.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>

#include <algorithm>
#include <filesystem>
#include <string>

#include "capi_helpers.hpp"
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
  const std::string name = "capi-book-" + std::to_string(::getpid()) + ".cbk";  // apart from other test runs
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
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
  ASSERT_EQ(iro_casebook_export(loaded, policy, cal, day("2016-03-31"), IRO_EXPORT_CSV, text.data(), text.size(), nullptr),
            IRO_OK);
  EXPECT_EQ(text.rfind("child_id,kind,number,regime,date,due,rule", 0), 0u);
  EXPECT_EQ(iro_casebook_export(loaded, policy, cal, day("2016-03-31"), 9, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  // The annual report for 2015/16, each format; then the refusals.
  ASSERT_EQ(iro_casebook_report(loaded, policy, cal, 2015, IRO_REPORT_CSV, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string report(needed, '\0');
  ASSERT_EQ(iro_casebook_report(loaded, policy, cal, 2015, IRO_REPORT_CSV, report.data(), report.size(), nullptr), IRO_OK);
  EXPECT_EQ(report.rfind("table,row,measure,value\ntimeliness,Apr 2015,due,", 0), 0u) << report;
  // Named figures and the rows behind one.
  ASSERT_EQ(iro_casebook_report_figures(loaded, policy, cal, 2015, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string figures(needed, '\0');
  ASSERT_EQ(iro_casebook_report_figures(loaded, policy, cal, 2015, figures.data(), figures.size(), nullptr), IRO_OK);
  const std::size_t at = figures.find("\ntimeliness.year.in_time,");
  ASSERT_NE(at, std::string::npos) << figures;
  const std::size_t in_time = std::stoul(figures.substr(at + 25));
  ASSERT_EQ(iro_casebook_report_query(loaded, policy, cal, 2015, "timeliness.year.in_time", nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string rows(needed, '\0');
  ASSERT_EQ(iro_casebook_report_query(loaded, policy, cal, 2015, "timeliness.year.in_time", rows.data(), rows.size(), nullptr), IRO_OK);
  EXPECT_EQ(static_cast<std::size_t>(std::count(rows.begin(), rows.end(), '\n')), in_time + 1);  // the header and one per review
  EXPECT_GT(in_time, 0u);
  EXPECT_EQ(iro_casebook_report_query(loaded, policy, cal, 2015, "no.such", nullptr, 0, &needed), IRO_E_NOT_FOUND);
  EXPECT_NE(std::string(iro_last_error_message()).find("\"no.such\" is no figure"), std::string::npos);
  EXPECT_EQ(iro_casebook_report_query(loaded, policy, cal, 2015, nullptr, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_report_figures(nullptr, policy, cal, 2015, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  for (int32_t format : {IRO_REPORT_TEXT, IRO_REPORT_JSON, IRO_REPORT_MARKDOWN, IRO_REPORT_HTML}) {
    EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 2015, format, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL) << format;
    EXPECT_GT(needed, 100u) << format;
  }
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 2015, 5, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 1990, IRO_REPORT_TEXT, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(std::string(iro_last_error_message()).find("no child was looked after in 1990/91"), std::string::npos);
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 3000, IRO_REPORT_TEXT, nullptr, 0, &needed), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_casebook_report(nullptr, policy, cal, 2015, IRO_REPORT_TEXT, nullptr, 0, &needed), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_casebook_report(loaded, policy, cal, 2015, IRO_REPORT_TEXT, nullptr, 10, &needed), IRO_E_INVALID_ARGUMENT);
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
  std::remove(path.c_str());
}
