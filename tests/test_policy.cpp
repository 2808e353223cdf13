// Tests of include/iro/policy.hpp: defaults, overrides from a case's policy object, closure calendars.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/policy.hpp"

using iro::Policy;
using iro::Status;
using iro::test::failure;

TEST(Policy, EnglandDefaults) {
  const Policy p = Policy::england();
  EXPECT_EQ(p.anchor, iro::AnchorConvention::day_zero);
  EXPECT_EQ(p.interval_unit, iro::IntervalUnit::months);
  EXPECT_EQ(p.record_working_days, 20);
  EXPECT_EQ(p.caseload_low, 50);
  EXPECT_EQ(p.caseload_high, 70);
  EXPECT_TRUE(p.closure_days.empty());
  EXPECT_NE(p.describe().find("the anchor is day 0"), std::string::npos);
}

TEST(Policy, OverridesFromACase) {
  const Policy p = Policy::england().with_overrides_json(
      R"({"anchor_day_counts": true, "interval_unit": "days", "closure_days": ["2022-12-28"], "caseload_band": [45, 65],
          "ladder": {"stages": [{"name": "team_manager", "response_working_days": 5}], "bypass": false}})",
      "case.json");
  EXPECT_EQ(p.anchor, iro::AnchorConvention::counts_as_day_one);
  EXPECT_EQ(p.interval_unit, iro::IntervalUnit::days);
  ASSERT_EQ(p.closure_days.size(), 1u);
  EXPECT_EQ(p.caseload_low, 45);
  EXPECT_EQ(p.caseload_high, 65);
  const iro::Calendar base = iro::Calendar::england_and_wales();
  EXPECT_FALSE(p.calendar(base).is_working_day(iro::Date::parse("2022-12-28")));
  EXPECT_TRUE(Policy::england().calendar(base).is_working_day(iro::Date::parse("2022-12-28")));
  ASSERT_EQ(p.ladder.stages.size(), 1u);
  EXPECT_FALSE(p.ladder.bypass);
  EXPECT_EQ(p.ladder.formal_limit_working_days, 20);
}

TEST(Policy, BadOverridesNameTheKeyAndValue) {
  const std::pair<const char*, const char*> rows[] = {
      {R"({"anchor_day_count": true})", "unknown key \"anchor_day_count\""},
      {R"({"interval_unit": "weeks"})", "policy.interval_unit: \"weeks\" is not"},
      {R"({"anchor_day_counts": 1})", "policy.anchor_day_counts: 1 is not true or false"},
      {R"({"closure_days": ["2022-13-01"]})", "closure_days[0]"},
      {R"({"caseload_band": [70, 50]})", "policy.caseload_band: [70,50] has low above high"},
      {R"({"ladder": {"stages": []}})", "policy.ladder.stages: an escalation ladder needs at least one stage"},
      {R"([1])", "is not an object"},
      {R"({)", "p.json:1:"},
  };
  for (const auto& [json, fragment] : rows) {
    const auto [status, message] = failure([&] { Policy::england().with_overrides_json(json, "p.json"); });
    EXPECT_NE(status, Status::ok) << json;
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
  }
}
