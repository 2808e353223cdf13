// Tests of include/iro/rules/policy_diff.hpp: a diff with an answer worked out by hand, and one over every
// schedule conformance case.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "iro/data/child_json.hpp"
#include "iro/core/error.hpp"
#include "iro/rules/policy_diff.hpp"
#include "iro/rules/schedule.hpp"

using iro::Date;
using iro::Policy;

namespace {

Date d(const char* text) { return Date::parse(text); }

const iro::Calendar& cal() {
  static const iro::Calendar c = iro::Calendar::england_and_wales();
  return c;
}

}  // namespace

// Worked by hand. Child A: looked after 2023-01-03, reviews 2023-01-31 and 2023-05-01. Under England the
// second review was due 2023-04-30 (3 months after 2023-01-31), so it was a day late; read as 91 days it
// was due 2023-05-02 and on time. Child B: one review on 2024-04-22; moving records from 20 to 15 working
// days moves its record deadline from 2024-05-21 to 2024-05-14 (over the 2024-05-06 bank holiday).
TEST(PolicyDiff, KnownAnswer) {
  iro::Child a;
  a.id = "A";
  a.periods.push_back({d("2023-01-03"), std::nullopt, iro::Regime::standard, {}});
  a.reviews = {iro::Review{d("2023-01-31")}, iro::Review{d("2023-05-01")}};
  iro::Child b;
  b.id = "B";
  b.periods.push_back({d("2024-03-25"), std::nullopt, iro::Regime::standard, {}});
  b.reviews = {iro::Review{d("2024-04-22")}};
  const Policy england = Policy::england();
  Policy proposed = england;
  proposed.interval_unit = iro::IntervalUnit::days;
  proposed.record_working_days = 15;
  const iro::PolicyDiff diff = iro::diff_policies({a, b}, {d("2023-06-01"), d("2024-05-01")}, england, proposed, cal());
  EXPECT_EQ(diff.a.reviews, 3u);
  EXPECT_EQ(diff.a.in_time, 2u);
  EXPECT_EQ(diff.b.in_time, 3u);
  EXPECT_EQ(diff.a.overdue, 0u);
  ASSERT_EQ(diff.changed.size(), 2u);
  const auto has = [](const iro::ChildChange& c, const std::string& line) {
    return std::find(c.changes.begin(), c.changes.end(), line) != c.changes.end();
  };
  EXPECT_EQ(diff.changed[0].id, "A");
  EXPECT_TRUE(has(diff.changed[0], "review 2 held 2023-05-01: due 2023-04-30 -> 2023-05-02"));
  EXPECT_TRUE(has(diff.changed[0], "review 2 held 2023-05-01: late by 1 days -> on time"));
  EXPECT_TRUE(has(diff.changed[0], "next review due: 2023-11-01 -> 2023-10-31"));  // + 6 months vs + 183 days
  EXPECT_EQ(diff.changed[1].id, "B");
  EXPECT_TRUE(has(diff.changed[1], "review 1 held 2024-04-22: record due 2024-05-21 -> 2024-05-14"));
  const std::string report = iro::diff_report(diff, "england", "proposed");
  EXPECT_NE(report.find("reviews in time (%)         66.7%           100.0%   changed"), std::string::npos) << report;
  EXPECT_NE(report.find("2 of 2 children change"), std::string::npos) << report;
}

TEST(PolicyDiff, OverEveryScheduleConformanceCase) {
  std::vector<iro::Child> children;
  std::vector<Date> as_of;
  for (const auto& entry : std::filesystem::directory_iterator(IRO_CONFORMANCE_DIR)) {
    iro::DatedChildren dc = iro::children_from_file(entry.path().string());
    for (std::size_t i = 0; i < dc.children.size(); ++i) {
      children.push_back(dc.children[i]);
      as_of.push_back(*dc.as_of[i]);
    }
  }
  ASSERT_GE(children.size(), 19u);  // every schedule case that evaluates (those expecting a refusal give none)
  const Policy england = Policy::england();
  const iro::PolicyDiff same = iro::diff_policies(children, as_of, england, england, cal());
  EXPECT_TRUE(same.changed.empty());
  EXPECT_EQ(same.a.in_time, same.b.in_time);
  // Reading months as days moves due dates for most children; each change is reported, and the figures
  // are those of evaluating each policy on its own.
  const Policy days = Policy::england().with_overrides_json(R"({"interval_unit": "days"})", "test");
  const iro::PolicyDiff moved = iro::diff_policies(children, as_of, england, days, cal());
  EXPECT_FALSE(moved.changed.empty());
  std::size_t in_time_days = 0;
  for (std::size_t i = 0; i < children.size(); ++i) {
    for (const auto& r : iro::evaluate(children[i], days, cal(), as_of[i]).reviews) in_time_days += r.on_time;
  }
  EXPECT_EQ(moved.b.in_time, in_time_days);
  EXPECT_EQ(moved.a.in_time, same.a.in_time);
  EXPECT_THROW(iro::diff_policies(children, {}, england, days, cal()), iro::Error);
}
