// Tests of the dispute part of capi/iro.h.
#include <gtest/gtest.h>

#include <string>

#include "capi_helpers.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

TEST(CApiDisputes, EventsStatesFiguresAndRefusals) {
  iro_calendar* cal = nullptr;
  iro_policy* policy = nullptr;
  iro_disputes* reg = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
  ASSERT_EQ(iro_disputes_new(policy, cal, &reg), IRO_OK);
  const std::string csv = std::string(IRO_TEST_DATA) + "/disputes/events.csv";
  ASSERT_EQ(iro_disputes_load_csv(reg, csv.c_str()), IRO_OK) << last();
  size_t count = 0;
  ASSERT_EQ(iro_disputes_count(reg, &count), IRO_OK);
  EXPECT_EQ(count, 5u);
  iro_dispute_state s;
  ASSERT_EQ(iro_disputes_state(reg, "D1", day("2025-01-20"), &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_DISPUTE_RESOLVED);
  EXPECT_EQ(s.formal_deadline, day("2025-01-20"));
  EXPECT_EQ(s.cafcass_referred, day("2025-01-06"));
  EXPECT_EQ(s.response_due, IRO_NO_DATE);
  const char* name = nullptr;
  ASSERT_EQ(iro_disputes_stage_name(reg, s.stage, &name), IRO_OK);
  EXPECT_STREQ(name, "director");
  ASSERT_EQ(iro_disputes_state(reg, "D3", day("2025-02-03"), &s), IRO_OK);
  EXPECT_EQ(s.overdue, 1);
  iro_dispute_figures f;
  ASSERT_EQ(iro_disputes_figures(reg, day("2025-01-01"), day("2025-03-31"), &f), IRO_OK);
  EXPECT_EQ(f.raised, 4u);
  EXPECT_EQ(f.became_formal, 1u);
  EXPECT_DOUBLE_EQ(f.median_working_days, 8.5);
  size_t by_stage[5];
  ASSERT_EQ(iro_disputes_resolved_at(reg, day("2025-01-01"), day("2025-03-31"), by_stage, 5, &count), IRO_OK);
  EXPECT_EQ(count, 5u);
  EXPECT_EQ(by_stage[0], 1u);
  EXPECT_EQ(by_stage[4], 1u);
  // Refusals leave the dispute unchanged.
  ASSERT_EQ(iro_disputes_add(reg, "D9", "K9", "A", ""), IRO_OK);
  ASSERT_EQ(iro_disputes_add_event(reg, "D9", day("2025-02-03"), IRO_ACTION_RAISE, nullptr), IRO_OK);
  EXPECT_EQ(iro_disputes_add_event(reg, "D9", day("2025-02-04"), IRO_ACTION_RAISE, nullptr), IRO_E_RULE_VIOLATION);
  EXPECT_NE(last().find("dispute \"D9\": event 1 (raise on 2025-02-04)"), std::string::npos) << last();
  EXPECT_EQ(iro_disputes_add_event(reg, "D9", day("2025-02-04"), IRO_ACTION_ESCALATE, "board"), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_disputes_add_event(reg, "D9", day("2025-02-04"), 7, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_disputes_add_event(reg, "NOPE", day("2025-02-04"), IRO_ACTION_RESOLVE, nullptr), IRO_E_NOT_FOUND);
  ASSERT_EQ(iro_disputes_state(reg, "D9", day("2025-02-05"), &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_DISPUTE_OPEN);
  EXPECT_EQ(s.stage, 0);
  EXPECT_EQ(iro_disputes_add(reg, "D9", "K9", "A", ""), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_disputes_state(reg, "NOPE", day("2025-02-05"), &s), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_disputes_figures(reg, day("2025-02-05"), day("2025-01-05"), &f), IRO_E_INVALID_ARGUMENT);
  iro_disputes_free(reg);
  iro_policy_free(policy);
  iro_calendar_free(cal);
}

TEST(CApiDisputes, ASiblingGroupAndSeveralCategoriesAsLists) {
  iro_calendar* cal = nullptr;
  iro_policy* policy = nullptr;
  iro_disputes* reg = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
  ASSERT_EQ(iro_disputes_new(policy, cal, &reg), IRO_OK);
  ASSERT_EQ(iro_disputes_add(reg, "D1", "C1;C2", "I1", "contact;education"), IRO_OK) << last();
  ASSERT_EQ(iro_disputes_add(reg, "D2", "C3", "I1", "contact"), IRO_OK) << last();  // one of each, as before
  ASSERT_EQ(iro_disputes_add(reg, "D3", "", "I1", ""), IRO_OK) << last();
  EXPECT_EQ(iro_disputes_add(reg, "D4", "C1;;C2", "I1", ""), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("child \"C1;;C2\": item 2 of 3 is empty"), std::string::npos) << last();
  EXPECT_EQ(iro_disputes_add(reg, "D4", "C1;C1", "I1", ""), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("\"C1\" is listed twice"), std::string::npos) << last();
  EXPECT_EQ(iro_disputes_add(reg, "D4", "C1", "I1", "contact;"), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_disputes_add(reg, "D4", nullptr, "I1", ""), IRO_E_INVALID_ARGUMENT);
  size_t count = 0;
  ASSERT_EQ(iro_disputes_count(reg, &count), IRO_OK);
  EXPECT_EQ(count, 3u);  // nothing refused was added
  ASSERT_EQ(iro_disputes_add_event(reg, "D1", day("2024-05-01"), IRO_ACTION_RAISE, nullptr), IRO_OK);
  ASSERT_EQ(iro_disputes_add_event(reg, "D2", day("2024-05-02"), IRO_ACTION_RAISE, nullptr), IRO_OK);
  iro_dispute_figures f;
  ASSERT_EQ(iro_disputes_figures(reg, day("2024-04-01"), day("2025-03-31"), &f), IRO_OK);
  EXPECT_EQ(f.raised, 2u);  // disputes, not children or issues
  iro_disputes_free(reg);
  iro_policy_free(policy);
  iro_calendar_free(cal);
}
