// Tests of include/iro/rules/caseload.hpp and include/iro/data/roster_csv.hpp with answers worked out by hand.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/data/roster_csv.hpp"

using iro::Band;
using iro::Date;
using iro::Policy;
using iro::Roster;
using iro::Status;
using iro::test::failure;

namespace {

Date d(const char* text) { return Date::parse(text); }

// IRO "X" with FTE @p fte holding @p children children from 2024-01-01.
void team_member(Roster& r, const std::string& id, double fte, int children) {
  iro::Officer rec;
  rec.id = id;
  rec.fte = fte;
  r.add_officer(rec);
  for (int c = 0; c < children; ++c) r.add_allocation(id + "-" + std::to_string(c), id, d("2024-01-01"), std::nullopt);
}

Roster small_roster() {
  Roster r;
  iro::load_roster_csv(r, iro::RosterFile::iros, std::string(IRO_TEST_DATA) + "/roster/iros.csv");
  iro::load_roster_csv(r, iro::RosterFile::children, std::string(IRO_TEST_DATA) + "/roster/children.csv");
  iro::load_roster_csv(r, iro::RosterFile::allocations, std::string(IRO_TEST_DATA) + "/roster/allocations.csv");
  iro::load_roster_csv(r, iro::RosterFile::absences, std::string(IRO_TEST_DATA) + "/roster/absences.csv");
  return r;
}

}  // namespace

TEST(Caseload, BandBoundariesAreInclusive) {
  const Policy p = Policy::england();
  EXPECT_EQ(iro::band_of(50.0, p), Band::within);
  EXPECT_EQ(iro::band_of(70.0, p), Band::within);
  EXPECT_EQ(iro::band_of(49.99, p), Band::below);
  EXPECT_EQ(iro::band_of(70.01, p), Band::above);
}

TEST(Caseload, PartTimeIrosAndAnIroWithNoChildren) {
  Roster r;
  team_member(r, "A", 1.0, 50);  // exactly 50: within
  team_member(r, "B", 1.0, 70);  // exactly 70: within
  team_member(r, "C", 0.5, 36);  // 72 per FTE: above
  team_member(r, "D", 0.6, 40);  // 66.67 per FTE: within
  team_member(r, "E", 0.4, 0);   // no children: 0 per FTE, below
  const iro::CaseloadCheck c = iro::check_caseloads(r, Policy::england(), d("2024-06-30"));
  ASSERT_EQ(c.officers.size(), 5u);
  EXPECT_EQ(c.officers[0].band, Band::within);
  EXPECT_EQ(c.officers[1].band, Band::within);
  EXPECT_DOUBLE_EQ(c.officers[2].per_fte, 72.0);
  EXPECT_EQ(c.officers[2].band, Band::above);
  EXPECT_NEAR(c.officers[3].per_fte, 66.6667, 1e-3);
  EXPECT_EQ(c.officers[4].children, 0u);
  EXPECT_EQ(c.officers[4].band, Band::below);
  EXPECT_EQ(c.team.children, 196u);
  EXPECT_DOUBLE_EQ(c.team.fte, 3.5);
  EXPECT_DOUBLE_EQ(c.team.per_fte, 56.0);
  EXPECT_EQ(c.team.above, 1u);
  EXPECT_EQ(c.team.within, 3u);
  EXPECT_EQ(c.team.below, 1u);
  EXPECT_DOUBLE_EQ(c.team.min_per_fte, 0.0);
  EXPECT_DOUBLE_EQ(c.team.max_per_fte, 72.0);
  // Before the allocations began, nobody holds anyone.
  EXPECT_EQ(iro::check_caseloads(r, Policy::england(), d("2023-12-31")).team.children, 0u);
}

TEST(Caseload, WeightsAddTheirExtraOverOne) {
  Policy p = Policy::england();
  p.caseload_weights.in_proceedings = 1.5;
  p.caseload_weights.placed_far_away = 1.25;
  p.caseload_weights.recently_looked_after = 2.0;
  iro::CaseChild c;
  c.id = "K";
  c.in_proceedings = true;
  c.placed_far_away = true;
  c.looked_after_since = d("2024-05-01");
  EXPECT_DOUBLE_EQ(iro::child_weight(c, p, d("2024-06-30")), 2.75);  // 1 + 0.5 + 0.25 + 1
  EXPECT_DOUBLE_EQ(iro::child_weight(c, p, d("2024-08-01")), 1.75);  // no longer recent
  const Roster r = small_roster();
  const iro::CaseloadCheck check = iro::check_caseloads(r, p, d("2024-03-15"));
  EXPECT_DOUBLE_EQ(check.officers[1].weighted, 1.25 + 1.5);  // B: K2 far away, K3 in proceedings
  EXPECT_DOUBLE_EQ(check.officers[1].weighted_per_fte, 5.5);
}

TEST(Caseload, TheSmallRosterAsOfADate) {
  const Roster r = small_roster();
  const iro::CaseloadCheck c = iro::check_caseloads(r, Policy::england(), d("2024-03-15"));
  ASSERT_EQ(c.officers.size(), 4u);
  EXPECT_EQ(c.officers[0].children, 1u);  // A: K1 (K2 moved, K8 left)
  EXPECT_DOUBLE_EQ(c.officers[1].per_fte, 4.0);
  EXPECT_TRUE(c.officers[2].absent);
  EXPECT_DOUBLE_EQ(c.officers[3].per_fte, 1.25);
  EXPECT_EQ(c.team.children, 7u);
  EXPECT_DOUBLE_EQ(c.team.fte, 3.3);
  // D started on 2024-02-01: not in post in January.
  const auto series = iro::monthly_series(r, Policy::england(), d("2024-01-10"), d("2024-03-05"));
  ASSERT_EQ(series.size(), 3u);
  EXPECT_EQ(series[0].date, d("2024-01-31"));
  EXPECT_EQ(series[0].officers, 3u);
  EXPECT_EQ(series[1].officers, 4u);
  EXPECT_EQ(iro::monthly_series(r, Policy::england(), d("2024-01-01"), d("2073-01-01")).size(), 589u);
  EXPECT_EQ(failure([&] { iro::monthly_series(r, Policy::england(), d("2024-01-01"), d("2023-01-01")); }).first,
            Status::invalid_argument);
}

TEST(Caseload, AdviceKeepsSiblingsTogetherAndHonoursAttributes) {
  Roster r = small_roster();
  auto ranked = iro::advise_allocation(r, Policy::england(), d("2024-04-15"), "S1", "");
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(r.officers()[ranked[0].officer].id, "C");  // holds K4 and K5 of group S1, and is back from absence
  EXPECT_TRUE(ranked[0].has_sibling);
  EXPECT_NE(ranked[0].why.find("siblings keep one IRO"), std::string::npos) << ranked[0].why;
  EXPECT_EQ(r.officers()[ranked[1].officer].id, "A");  // then lowest load per FTE after taking the child: 2.00
  EXPECT_DOUBLE_EQ(ranked[1].per_fte_after, 2.0);
  // In March C is absent, so it is not offered.
  ranked = iro::advise_allocation(r, Policy::england(), d("2024-03-15"), "S1", "");
  EXPECT_EQ(ranked.size(), 3u);
  ranked = iro::advise_allocation(r, Policy::england(), d("2024-04-15"), "", "gender=male");
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(r.officers()[ranked[0].officer].id, "D");  // (1 + 1) / 0.8 = 2.5 beats B's (2 + 1) / 0.5 = 6
  EXPECT_TRUE(iro::advise_allocation(r, Policy::england(), d("2024-04-15"), "", "gender=other").empty());
}

TEST(Caseload, CoverSharesChildrenEvenlyAndKeepsSiblingsTogether) {
  const Roster r = small_roster();
  const iro::CoverPlan plan = iro::plan_cover(r, Policy::england(), "C", d("2024-03-01"), d("2024-03-31"));
  ASSERT_EQ(plan.moves.size(), 3u);
  EXPECT_EQ(r.children()[plan.moves[0].child].id, "K4");  // the sibling pair first, together
  EXPECT_EQ(r.officers()[plan.moves[0].to].id, "A");
  EXPECT_EQ(r.officers()[plan.moves[1].to].id, "A");
  EXPECT_EQ(r.children()[plan.moves[2].child].id, "K6");
  EXPECT_EQ(r.officers()[plan.moves[2].to].id, "D");  // (1 + 1) / 0.8 = 2.5 beats A's (3 + 1) / 1 = 4
  EXPECT_DOUBLE_EQ(plan.max_per_fte, 4.0);            // B's unchanged 2 / 0.5
  EXPECT_EQ(failure([&] { iro::plan_cover(r, Policy::england(), "Z", d("2024-03-01"), d("2024-03-31")); }).first,
            Status::not_found);
}

// Units of one size keep their order (children by id), so the first goes to the first least-loaded IRO
// (a mutation survivor: a comparator that is not strict reordered them).
TEST(Caseload, CoverKeepsTheOrderOfUnitsOfOneSize) {
  Roster r;
  team_member(r, "A", 1.0, 0);
  team_member(r, "B", 1.0, 0);
  team_member(r, "C", 1.0, 0);
  r.add_allocation("K1", "A", d("2024-01-01"), std::nullopt);
  r.add_allocation("K2", "A", d("2024-01-01"), std::nullopt);
  const iro::CoverPlan plan = iro::plan_cover(r, Policy::england(), "A", d("2024-03-01"), d("2024-03-31"));
  ASSERT_EQ(plan.moves.size(), 2u);
  EXPECT_EQ(r.children()[plan.moves[0].child].id, "K1");
  EXPECT_EQ(r.officers()[plan.moves[0].to].id, "B");
  EXPECT_EQ(r.children()[plan.moves[1].child].id, "K2");
  EXPECT_EQ(r.officers()[plan.moves[1].to].id, "C");
}

TEST(Caseload, Continuity) {
  const iro::Continuity c = iro::continuity(small_roster(), d("2024-03-15"));
  EXPECT_EQ(c.children, 8u);
  EXPECT_EQ(c.kept_one_iro, 7u);
  EXPECT_EQ(c.changes, 1u);
  EXPECT_DOUBLE_EQ(c.kept_percent(), 87.5);
  EXPECT_EQ(iro::continuity(small_roster(), d("2023-12-31")).changes, 0u);  // before K2 moved
}

TEST(Caseload, BadRosterDataIsRefused) {
  Roster r;
  iro::Officer zero;
  zero.id = "Z";
  zero.fte = 0.0;
  auto [status, message] = failure([&] { r.add_officer(zero); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_NE(message.find("IRO \"Z\" fte: 0.00 is not in (0, 1]"), std::string::npos) << message;
  zero.fte = 1.2;
  EXPECT_EQ(failure([&] { r.add_officer(zero); }).first, Status::invalid_argument);
  team_member(r, "A", 1.0, 0);
  team_member(r, "B", 1.0, 0);
  r.add_allocation("K", "A", d("2024-01-01"), d("2024-06-01"));
  std::tie(status, message) = failure([&] { r.add_allocation("K", "B", d("2024-05-01"), std::nullopt); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_NE(message.find("already allocated to \"A\""), std::string::npos) << message;
  EXPECT_EQ(failure([&] { r.add_allocation("K", "B", d("2024-06-01"), d("2024-05-01")); }).first,
            Status::invalid_argument);
  EXPECT_EQ(failure([&] { r.add_allocation("K", "Q", d("2024-07-01"), std::nullopt); }).first, Status::not_found);
  r.add_allocation("K", "B", d("2024-06-01"), std::nullopt);  // the day the first ends: fine
  EXPECT_EQ(failure([&] { r.add_officer(iro::Officer{"A", 1.0, false, {}, {}, {}}); }).first, Status::invalid_argument);
}

TEST(RosterCsv, ErrorsNameTheFileLineAndColumnAndAddNothing) {
  struct Row {
    iro::RosterFile kind;
    std::string text;
    Status status;
    std::string fragment;
  };
  const std::vector<Row> rows = {
      {iro::RosterFile::iros, "iro_id,fte\nX,1.0\nB,0\n", Status::invalid_argument, "r.csv:3: IRO \"B\" fte: 0.00"},
      {iro::RosterFile::iros, "iro_id,fte\nX,one\n", Status::parse, "r.csv:2: column fte: \"one\" is not a number"},
      {iro::RosterFile::iros, "iro_id,fte,grade\nX,1,7\n", Status::parse, "r.csv:1: unknown column \"grade\""},
      {iro::RosterFile::iros, "iro_id\nX\n", Status::parse, "r.csv:1: missing column fte"},
      {iro::RosterFile::iros, "iro_id,fte\nX,1,extra\n", Status::parse, "r.csv:2: 3 fields where the header has 2"},
      {iro::RosterFile::iros, "iro_id,fte\n\"X,1\n", Status::parse, "not closed"},
      {iro::RosterFile::iros, "", Status::parse, "r.csv: empty"},
      {iro::RosterFile::allocations, "child_id,iro_id,from\nK,NOPE,2024-01-01\n", Status::not_found,
       "r.csv:2: allocation of child \"K\": iro \"NOPE\""},
      {iro::RosterFile::allocations, "child_id,iro_id,from\nK,A,2024-02-30\n", Status::invalid_date,
       "r.csv:2: column from: \"2024-02-30\""},
      {iro::RosterFile::allocations, "child_id,iro_id,from,to\nK,A,2024-01-01,\nK,A,2024-03-01,\n",
       Status::invalid_argument, "r.csv:3: allocation of child \"K\""},
      {iro::RosterFile::children, "child_id,in_proceedings\nK,maybe\n", Status::parse,
       "column in_proceedings: \"maybe\""},
  };
  for (const Row& row : rows) {
    Roster r;
    team_member(r, "A", 1.0, 0);
    const auto [status, message] = failure([&] { iro::read_roster_csv(r, row.kind, row.text, "r.csv"); });
    EXPECT_EQ(status, row.status) << row.text << "\n" << message;
    EXPECT_NE(message.find(row.fragment), std::string::npos) << message;
    EXPECT_EQ(r.officers().size(), 1u) << "a failed load added rows";
    EXPECT_TRUE(r.allocations().empty());
  }
  Roster quoted;
  iro::read_roster_csv(quoted, iro::RosterFile::iros,
                       "iro_id,fte,attributes\r\n\"A \"\"Ann\"\"\",0.5,\"gender=female;welsh\"\r\n", "q.csv");
  EXPECT_EQ(quoted.officers()[0].id, "A \"Ann\"");
  EXPECT_EQ(quoted.officers()[0].attributes.size(), 2u);
}

TEST(Caseload, ChecksOnSeveralDatesInOnePassEqualTheCheckOnEach) {
  iro::Roster r;
  r.add_officer({"A", 1.0, false, std::nullopt, std::nullopt, {}});
  r.add_officer({"B", 0.5, true, iro::Date::parse("2024-02-01"), iro::Date::parse("2024-06-01"), {}});
  r.add_officer({"C", 0.8, true, std::nullopt, std::nullopt, {}});
  r.add_allocation("K1", "A", iro::Date::parse("2024-01-01"), iro::Date::parse("2024-03-15"));
  r.add_allocation("K1", "B", iro::Date::parse("2024-03-15"), std::nullopt);
  r.add_allocation("K2", "C", iro::Date::parse("2024-01-10"), std::nullopt);
  r.add_allocation("K3", "A", iro::Date::parse("2024-04-30"), std::nullopt);
  r.add_absence("C", iro::Date::parse("2024-03-01"), iro::Date::parse("2024-03-31"));
  iro::Policy p = iro::Policy::england();
  p.caseload_weights.in_proceedings = 1.5;
  const std::vector<iro::Date> dates = {iro::Date::parse("2024-04-30"), iro::Date::parse("2024-01-31"),
                                        iro::Date::parse("2024-03-31"), iro::Date::parse("2024-06-01")};
  const std::vector<iro::CaseloadCheck> all = iro::check_caseloads(r, p, dates);
  ASSERT_EQ(all.size(), dates.size());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const iro::CaseloadCheck one = iro::check_caseloads(r, p, dates[i]);
    EXPECT_EQ(all[i].team.date, dates[i]);
    EXPECT_EQ(all[i].team.children, one.team.children) << dates[i];
    EXPECT_EQ(all[i].team.officers, one.team.officers) << dates[i];
    EXPECT_DOUBLE_EQ(all[i].team.fte, one.team.fte) << dates[i];
    ASSERT_EQ(all[i].officers.size(), one.officers.size());
    for (std::size_t k = 0; k < one.officers.size(); ++k) {
      EXPECT_EQ(all[i].officers[k].officer, one.officers[k].officer);
      EXPECT_EQ(all[i].officers[k].children, one.officers[k].children);
      EXPECT_EQ(all[i].officers[k].absent, one.officers[k].absent);
    }
  }
  // 31 Mar 2024, worked by hand: A holds none (K1 left on 15 Mar), B (0.5, agency) K1, C (0.8, agency, away
  // all March) K2. Two children on 2.3 FTE on paper; in practice A and B (1.5 FTE) carry both.
  const iro::TeamLoad& march = all[2].team;
  EXPECT_EQ(march.officers, 3u);
  EXPECT_EQ(march.agency, 2u);
  EXPECT_EQ(march.present, 2u);
  EXPECT_DOUBLE_EQ(march.present_fte, 1.5);
  EXPECT_DOUBLE_EQ(march.per_fte, 2.0 / 2.3);
  EXPECT_DOUBLE_EQ(march.per_present_fte, 2.0 / 1.5);
  // 1 Jun 2024: B has left (end is the first day out of post); nobody is away.
  EXPECT_EQ(all[3].team.officers, 2u);
  EXPECT_EQ(all[3].team.agency, 1u);
  EXPECT_EQ(all[3].team.present, 2u);
  EXPECT_DOUBLE_EQ(all[3].team.per_present_fte, all[3].team.per_fte);
  EXPECT_TRUE(iro::check_caseloads(r, p, std::vector<iro::Date>{}).empty());
}

TEST(Caseload, ChangesOfIroInASpan) {
  iro::Roster r;
  r.add_officer({"A", 1.0, false, std::nullopt, std::nullopt, {}});
  r.add_officer({"B", 1.0, false, std::nullopt, std::nullopt, {}});
  // K1: A, then B from 1 May 2024 (a change in the year), then A again from 1 Feb 2025 (another).
  r.add_allocation("K1", "A", iro::Date::parse("2023-06-01"), iro::Date::parse("2024-05-01"));
  r.add_allocation("K1", "B", iro::Date::parse("2024-05-01"), iro::Date::parse("2025-02-01"));
  r.add_allocation("K1", "A", iro::Date::parse("2025-02-01"), std::nullopt);
  // K2: A then B on 1 Mar 2024, before the year: allocated in the year, no change in it.
  r.add_allocation("K2", "A", iro::Date::parse("2023-06-01"), iro::Date::parse("2024-03-01"));
  r.add_allocation("K2", "B", iro::Date::parse("2024-03-01"), std::nullopt);
  // K3: allocated until 1 Apr 2024 (the first day out): not allocated on any day of the year.
  r.add_allocation("K3", "A", iro::Date::parse("2023-06-01"), iro::Date::parse("2024-04-01"));
  // K4: from B to B (a new allocation to the same IRO is no change), starting after the year: not counted.
  r.add_allocation("K4", "B", iro::Date::parse("2025-04-01"), std::nullopt);
  const iro::Continuity c = iro::continuity(r, iro::Date::parse("2024-04-01"), iro::Date::parse("2025-03-31"));
  EXPECT_EQ(c.children, 2u);  // K1 and K2
  EXPECT_EQ(c.kept_one_iro, 1u);
  EXPECT_EQ(c.changes, 2u);
  ASSERT_EQ(c.change_list.size(), 2u);
  EXPECT_EQ(r.children()[c.change_list[0].child].id, "K1");
  EXPECT_EQ(c.change_list[0].date, iro::Date::parse("2024-05-01"));
  EXPECT_EQ(r.officers()[c.change_list[0].from].id, "A");
  EXPECT_EQ(r.officers()[c.change_list[0].to].id, "B");
  EXPECT_EQ(c.change_list[1].date, iro::Date::parse("2025-02-01"));
  // Up to a date (the older overload), K2's change of 1 Mar 2024 counts too, with the same list of changes.
  const iro::Continuity all = iro::continuity(r, iro::Date::parse("2025-03-31"));
  EXPECT_EQ(all.changes, 3u);
  EXPECT_EQ(all.change_list.size(), 3u);
  EXPECT_EQ(failure([&] { iro::continuity(r, iro::Date::parse("2025-03-31"), iro::Date::parse("2024-04-01")); }).first,
            Status::invalid_argument);
}
