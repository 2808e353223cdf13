// Tests of the caseload part of capi/iro.h on the small roster of tests/data/roster.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "capi_helpers.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

namespace {

struct Roster : ::testing::Test {
  iro_roster* roster = nullptr;
  iro_policy* policy = nullptr;
  void SetUp() override {
    ASSERT_EQ(iro_roster_new(&roster), IRO_OK);
    ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
    const std::string dir = std::string(IRO_TEST_DATA) + "/roster/";
    ASSERT_EQ(iro_roster_load_csv(roster, IRO_ROSTER_IROS, (dir + "iros.csv").c_str()), IRO_OK) << last();
    ASSERT_EQ(iro_roster_load_csv(roster, IRO_ROSTER_CHILDREN, (dir + "children.csv").c_str()), IRO_OK) << last();
    ASSERT_EQ(iro_roster_load_csv(roster, IRO_ROSTER_ALLOCATIONS, (dir + "allocations.csv").c_str()), IRO_OK) << last();
    ASSERT_EQ(iro_roster_load_csv(roster, IRO_ROSTER_ABSENCES, (dir + "absences.csv").c_str()), IRO_OK) << last();
  }
  void TearDown() override {
    iro_policy_free(policy);
    iro_roster_free(roster);
  }
  std::string id(int32_t is_child, size_t index) {
    const char* text = nullptr;
    EXPECT_EQ(iro_roster_id(roster, is_child, index, &text), IRO_OK);
    return text == nullptr ? "" : text;
  }
};

}  // namespace

TEST_F(Roster, CheckSeriesAdviceCoverAndContinuity) {
  size_t iros = 0, children = 0, allocations = 0;
  ASSERT_EQ(iro_roster_counts(roster, &iros, &children, &allocations), IRO_OK);
  EXPECT_EQ(iros, 4u);
  EXPECT_EQ(children, 8u);
  EXPECT_EQ(allocations, 9u);
  size_t count = 0;
  iro_team_load team;
  EXPECT_EQ(iro_caseload_check(roster, policy, day("2024-03-15"), nullptr, 0, &count, &team), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, 4u);
  std::vector<iro_officer_load> loads(count);
  ASSERT_EQ(iro_caseload_check(roster, policy, day("2024-03-15"), loads.data(), loads.size(), &count, &team), IRO_OK);
  EXPECT_EQ(id(0, loads[1].officer), "B");
  EXPECT_DOUBLE_EQ(loads[1].per_fte, 4.0);
  EXPECT_EQ(loads[1].band, IRO_BAND_BELOW);
  EXPECT_EQ(loads[2].absent, 1);
  EXPECT_EQ(team.children, 7u);
  EXPECT_DOUBLE_EQ(team.fte, 3.3);
  EXPECT_EQ(team.day, day("2024-03-15"));
  iro_team_load months[3];
  ASSERT_EQ(iro_caseload_series(roster, policy, day("2024-01-10"), day("2024-03-05"), months, 3, &count), IRO_OK);
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(months[0].officers, 3u);
  iro_allocation_advice advice[4];
  ASSERT_EQ(iro_caseload_advise(roster, policy, day("2024-04-15"), "S1", nullptr, advice, 4, &count), IRO_OK);
  EXPECT_EQ(count, 4u);
  EXPECT_EQ(id(0, advice[0].officer), "C");
  EXPECT_EQ(advice[0].has_sibling, 1);
  iro_cover_move moves[3];
  double max_per_fte = 0;
  ASSERT_EQ(
      iro_caseload_cover(roster, policy, "C", day("2024-03-01"), day("2024-03-31"), moves, 3, &count, &max_per_fte),
      IRO_OK);
  EXPECT_EQ(count, 3u);
  EXPECT_EQ(id(1, moves[2].child), "K6");
  EXPECT_EQ(id(0, moves[2].to), "D");
  EXPECT_DOUBLE_EQ(max_per_fte, 4.0);
  iro_continuity c;
  ASSERT_EQ(iro_caseload_continuity(roster, day("2024-03-15"), &c), IRO_OK);
  EXPECT_EQ(c.children, 8u);
  EXPECT_EQ(c.kept_one_iro, 7u);
  EXPECT_EQ(c.changes, 1u);
}

TEST_F(Roster, BadInputNamesTheValue) {
  EXPECT_EQ(iro_roster_add_officer(roster, "Z", 0.0, 0, IRO_NO_DATE, IRO_NO_DATE, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("fte: 0.00 is not in (0, 1]"), std::string::npos) << last();
  EXPECT_EQ(iro_roster_add_allocation(roster, "K1", "B", day("2024-02-01"), IRO_NO_DATE), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("already allocated to \"A\""), std::string::npos) << last();
  EXPECT_EQ(iro_roster_add_allocation(roster, "K9", "Q", day("2024-02-01"), IRO_NO_DATE), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_roster_add_absence(roster, "A", day("2024-02-01"), day("2024-01-01")), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_roster_set_child(roster, "K1", IRO_NO_DATE, 64, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_roster_load_csv(roster, 9, "x.csv"), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_roster_load_csv(roster, IRO_ROSTER_IROS, "/nonexistent.csv"), IRO_E_IO);
  size_t count = 0;
  EXPECT_EQ(iro_caseload_cover(roster, policy, "Q", day("2024-03-01"), day("2024-03-02"), nullptr, 0, &count, nullptr),
            IRO_E_NOT_FOUND);
  const char* text = nullptr;
  EXPECT_EQ(iro_roster_id(roster, 0, 99, &text), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_caseload_check(nullptr, policy, day("2024-03-15"), nullptr, 0, &count, nullptr),
            IRO_E_INVALID_ARGUMENT);
}
