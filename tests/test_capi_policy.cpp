// Tests of the policy part of capi/iro.h: policy files, and diffs between two policies.
#include <gtest/gtest.h>

#include <string>

#include "capi_helpers.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

TEST(CApiPolicy, FilesLoadOrFailWithTheFileAndPath) {
  iro_policy* p = nullptr;
  const std::string hounslow = std::string(IRO_EXAMPLES_DIR) + "/hounslow.json";
  ASSERT_EQ(iro_policy_new_from_file(hounslow.c_str(), &p), IRO_OK) << last();
  const char* id = nullptr;
  const char* source = nullptr;
  ASSERT_EQ(iro_policy_describe(p, &id, &source), IRO_OK);
  EXPECT_STREQ(id, "hounslow");
  EXPECT_NE(std::string(source).find("built-in policy \"england\" + "), std::string::npos) << source;
  iro_policy_free(p);
  iro_policy* q = reinterpret_cast<iro_policy*>(0x1);
  const std::string cycle = std::string(IRO_TEST_DATA) + "/policies/cycle-a.json";
  EXPECT_EQ(iro_policy_new_from_file(cycle.c_str(), &q), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("$.extends"), std::string::npos) << last();
  EXPECT_EQ(q, reinterpret_cast<iro_policy*>(0x1));
  EXPECT_EQ(iro_policy_new_from_file("/nonexistent/policy.json", &q), IRO_E_IO);
  EXPECT_EQ(iro_policy_new_from_file(nullptr, &q), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_policy_describe(nullptr, &id, &source), IRO_E_INVALID_ARGUMENT);
}

TEST(CApiPolicy, DiffReportsChangedChildrenAndFigures) {
  iro_calendar* cal = nullptr;
  iro_policy* england = nullptr;
  iro_policy* days = nullptr;
  iro_children* kids = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  ASSERT_EQ(iro_policy_new_builtin("england", &england), IRO_OK);
  ASSERT_EQ(iro_policy_new_with_overrides(england, "{\"interval_unit\": \"days\"}", &days), IRO_OK);
  ASSERT_EQ(iro_children_new(&kids), IRO_OK);
  int32_t a = 0, b = 0;
  ASSERT_EQ(iro_children_add(kids, "A", IRO_NO_DATE, &a), IRO_OK);
  ASSERT_EQ(iro_children_add_period(kids, a, day("2023-01-03"), IRO_NO_DATE, IRO_REGIME_STANDARD), IRO_OK);
  ASSERT_EQ(iro_children_add(kids, "B", IRO_NO_DATE, &b), IRO_OK);
  ASSERT_EQ(iro_children_add_period(kids, b, day("2023-06-05"), IRO_NO_DATE, IRO_REGIME_STANDARD), IRO_OK);
  const int32_t who[] = {a, a, b};
  const int32_t when[] = {day("2023-01-31"), day("2023-05-01"), day("2023-06-30")};
  ASSERT_EQ(iro_children_add_reviews(kids, who, when, nullptr, nullptr, 3), IRO_OK);
  iro_policy_diff* diff = nullptr;
  ASSERT_EQ(iro_policy_diff_new(kids, england, days, cal, day("2023-07-01"), &diff), IRO_OK) << last();
  iro_diff_figures fa, fb;
  ASSERT_EQ(iro_policy_diff_figures(diff, &fa, &fb), IRO_OK);
  EXPECT_EQ(fa.children, 2u);
  EXPECT_EQ(fa.reviews, 3u);
  EXPECT_EQ(fa.in_time, 2u);
  EXPECT_EQ(fb.in_time, 3u);
  size_t changed = 0;
  ASSERT_EQ(iro_policy_diff_changed(diff, &changed), IRO_OK);
  ASSERT_EQ(changed, 2u);  // A's second review changes; B's next due date moves (3 months vs 91 days)
  size_t child = 9;
  const char* text = nullptr;
  ASSERT_EQ(iro_policy_diff_change(diff, 0, &child, &text), IRO_OK);
  EXPECT_EQ(child, 0u);
  EXPECT_NE(std::string(text).find("review 2 held 2023-05-01: late by 1 days -> on time"), std::string::npos) << text;
  EXPECT_EQ(iro_policy_diff_change(diff, 2, &child, &text), IRO_E_NOT_FOUND);
  size_t needed = 0;
  EXPECT_EQ(iro_policy_diff_report(diff, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string report(needed, '\0');
  ASSERT_EQ(iro_policy_diff_report(diff, report.data(), report.size(), nullptr), IRO_OK);
  EXPECT_NE(report.find("Policy diff: england -> england"), std::string::npos) << report;
  EXPECT_EQ(iro_policy_diff_new(kids, england, nullptr, cal, day("2023-07-01"), &diff), IRO_E_INVALID_ARGUMENT);
  iro_policy_diff_free(diff);
  iro_children_free(kids);
  iro_policy_free(days);
  iro_policy_free(england);
  iro_calendar_free(cal);
}

// Issue 14: the one rule table through the C API: each step's citation and wording under a policy.
TEST(CApiPolicy, RuleStepsGiveTheCitationAndWordingOfThePolicy) {
  iro_policy* england = nullptr;
  ASSERT_EQ(iro_policy_new_builtin("england", &england), IRO_OK);
  int32_t anchor = 0;
  ASSERT_EQ(iro_date_from_ymd(2024, 1, 8, &anchor), IRO_OK);
  const char* cite = nullptr;
  const char* text = nullptr;
  ASSERT_EQ(iro_policy_rule(england, IRO_RULE_STANDARD_FIRST, anchor, &cite, &text), IRO_OK) << last();
  EXPECT_STREQ(cite, "CPPCR 2010 reg 33(1)");
  EXPECT_STREQ(text, "first review within 20 working days of the day the child became looked after");
  ASSERT_EQ(iro_policy_rule(england, IRO_RULE_RETURNED, anchor, &cite, &text), IRO_OK);
  EXPECT_STREQ(cite, "CPPCR 2010 reg 33(2)");
  ASSERT_EQ(iro_policy_rule(england, IRO_RULE_ADOPTION_AUTHORISED, anchor, &cite, &text), IRO_OK);
  EXPECT_STREQ(cite, "AAR 2005 reg 36(1)(a)");
  ASSERT_EQ(iro_policy_rule(england, IRO_RULE_SHORT_BREAKS_SECOND, anchor, &cite, &text), IRO_OK);
  EXPECT_STREQ(cite, "CPPCR 2010 reg 48(3)");
  int32_t before = 0;
  ASSERT_EQ(iro_date_from_ymd(2010, 6, 1, &before), IRO_OK);
  ASSERT_EQ(iro_policy_rule(england, IRO_RULE_STANDARD_FIRST, before, &cite, &text), IRO_OK);
  EXPECT_STREQ(cite, "Review of Children's Cases Regulations 1991 reg 3");
  EXPECT_EQ(iro_policy_rule(england, IRO_RULE_RETURNED_LOCAL, anchor, &cite, &text), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("no review after a return"), std::string::npos) << last();
  EXPECT_EQ(iro_policy_rule(england, 12, anchor, &cite, &text), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_policy_rule(england, -1, anchor, &cite, &text), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_policy_rule(england, IRO_RULE_STANDARD_FIRST, INT32_MIN, &cite, &text), IRO_E_OUT_OF_RANGE);
  iro_policy_free(england);
}

// Issue 14: a policy's counting (anchor convention, months as days, closure days) through the C API.
TEST(CApiPolicy, AddCountsAsThePolicyCounts) {
  iro_policy* england = nullptr;
  iro_policy* day_one = nullptr;
  iro_policy* days = nullptr;
  iro_calendar* cal = nullptr;
  ASSERT_EQ(iro_policy_new_builtin("england", &england), IRO_OK);
  ASSERT_EQ(iro_policy_new_with_overrides(england, R"({"anchor_day_counts": true})", &day_one), IRO_OK) << last();
  ASSERT_EQ(
      iro_policy_new_with_overrides(england, R"({"interval_unit": "days", "closure_days": ["2022-12-28"]})", &days),
      IRO_OK)
      << last();
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  int32_t out = 0;
  ASSERT_EQ(iro_policy_add(england, cal, day("2023-12-22"), 20, IRO_UNIT_WORKING_DAYS, &out), IRO_OK) << last();
  EXPECT_EQ(out, day("2024-01-24"));
  ASSERT_EQ(iro_policy_add(day_one, cal, day("2023-12-22"), 20, IRO_UNIT_WORKING_DAYS, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-01-23"));  // the anchor is working day 1 (FORMAT.md wd-anchor-counts)
  ASSERT_EQ(iro_policy_add(england, cal, day("2024-04-19"), 3, IRO_UNIT_MONTHS, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-07-19"));
  ASSERT_EQ(iro_policy_add(days, cal, day("2024-01-31"), 3, IRO_UNIT_MONTHS, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-05-01"));  // 91 days
  ASSERT_EQ(iro_policy_add(days, cal, day("2022-12-23"), 1, IRO_UNIT_WORKING_DAYS, &out), IRO_OK);
  EXPECT_EQ(out, day("2022-12-29"));  // the closure day 2022-12-28 is stepped over
  ASSERT_EQ(iro_policy_add(england, cal, day("2024-03-25"), 4, IRO_UNIT_WEEKS, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-04-22"));
  ASSERT_EQ(iro_policy_add(england, cal, day("2024-03-25"), -1, IRO_UNIT_DAYS, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-03-24"));
  EXPECT_EQ(iro_policy_add(england, cal, day("2024-03-25"), 1, 4, &out), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_policy_add(england, cal, day("2199-12-20"), 20, IRO_UNIT_WORKING_DAYS, &out), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_policy_add(england, nullptr, day("2024-03-25"), 1, IRO_UNIT_DAYS, &out), IRO_E_INVALID_ARGUMENT);
  iro_calendar_free(cal);
  iro_policy_free(days);
  iro_policy_free(day_one);
  iro_policy_free(england);
}
