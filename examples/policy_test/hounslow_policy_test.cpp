// A council pins its policy with tests, the way it would before adopting a change: this is what a
// Hounslow-style overlay (records within 15 working days, reports 5 working days before) means for real
// reviews, written as GoogleTest. Copy it, point it at your own policy file and your own cases.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "iro/data/child_json.hpp"
#include "iro/rules/policy_diff.hpp"
#include "iro/rules/schedule.hpp"

namespace {

iro::Date d(const char* text) { return iro::Date::parse(text); }

const iro::Calendar& england_and_wales() {
  static const iro::Calendar cal = iro::Calendar::england_and_wales();
  return cal;
}

// Three reviews held in spring 2024 and the day each record actually went out.
struct Held {
  const char* child;
  const char* looked_after;
  const char* review;
  const char* record_sent;
};
const Held held[] = {
    {"K1", "2024-03-25", "2024-04-22", "2024-05-13"},  // 15 working days: 2024-05-14
    {"K2", "2024-03-04", "2024-03-28", "2024-04-25"},  // over Easter
    {"K3", "2024-04-08", "2024-05-03", "2024-05-31"},  // over both May bank holidays
};

iro::Child child_of(const Held& h) {
  iro::Child c;
  c.id = h.child;
  c.periods.push_back({d(h.looked_after), std::nullopt, iro::Regime::standard, {}});
  c.reviews.push_back(iro::Review{d(h.review)});
  return c;
}

// The records that went out after the deadline a policy sets.
std::vector<std::string> late_records(const iro::Policy& policy) {
  std::vector<std::string> late;
  for (const Held& h : held) {
    const iro::Schedule s = iro::evaluate(child_of(h), policy, policy.calendar(england_and_wales()), d(h.record_sent));
    if (d(h.record_sent) > s.reviews.at(0).record_due) late.push_back(h.child);
  }
  return late;
}

}  // namespace

TEST(OurPolicy, LoadsWithTheTargetsWeAgreed) {
  const iro::Policy ours = iro::Policy::from_file(IRO_POLICY_FILE);
  EXPECT_EQ(ours.record_working_days, 15);
  EXPECT_EQ(ours.report_working_days_before, 5);
  EXPECT_EQ(ours.ladder.stages.back().name, "assistant_director");
  EXPECT_EQ(ours.ladder.stages.back().response_working_days, 5);  // our assumption: the report states none
}

TEST(OurPolicy, MovingRecordsFrom20To15WorkingDaysMakesTheseRecordsLate) {
  EXPECT_TRUE(late_records(iro::Policy::england()).empty());  // all within 20 working days
  EXPECT_EQ(late_records(iro::Policy::from_file(IRO_POLICY_FILE)), (std::vector<std::string>{"K2", "K3"}));
}

TEST(OurPolicy, TheChangeMovesNoReviewDeadline) {
  std::vector<iro::Child> children;
  for (const Held& h : held) children.push_back(child_of(h));
  const std::vector<iro::Date> as_of(children.size(), d("2024-06-30"));
  const iro::PolicyDiff diff = iro::diff_policies(children, as_of, iro::Policy::england(),
                                                  iro::Policy::from_file(IRO_POLICY_FILE), england_and_wales());
  EXPECT_EQ(diff.a.in_time, diff.b.in_time);
  EXPECT_EQ(diff.a.overdue, diff.b.overdue);
  for (const iro::ChildChange& c : diff.changed) {
    for (const std::string& line : c.changes) EXPECT_NE(line.find("record due"), std::string::npos) << line;
  }
}
