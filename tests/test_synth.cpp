// Tests of tools/synth.hpp: deterministic for a seed, realistic in its proportions, valid for
// every reader.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/report/report.hpp"
#include "iro/report/report_figures.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/rules/schedule.hpp"
#include "tools/synth.hpp"

using iro::Date;

TEST(Synth, TheSameSeedGivesTheSameCouncil) {
  iro::SynthOptions o;
  o.seed = 7;
  const iro::SynthFiles a = iro::synthesize(o), b = iro::synthesize(o);
  EXPECT_EQ(a.episodes, b.episodes);
  EXPECT_EQ(a.reviews, b.reviews);
  EXPECT_EQ(a.disputes, b.disputes);
  EXPECT_EQ(a.header, b.header);
  EXPECT_EQ(a.uasc, b.uasc);
  o.seed = 8;
  EXPECT_NE(iro::synthesize(o).reviews, a.reviews);
}

TEST(Synth, ProportionsLikeCouncilsReport) {
  iro::SynthOptions o;
  o.children = 3000;
  o.officers = 50;
  o.years = 2;
  const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "test");  // strict: no bad row
  ASSERT_EQ(book.children.size(), 3000u);
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  std::size_t judged = 0, in_time = 0, short_breaks = 0, adoption = 0, reentries = 0, pn0_issues = 0;
  iro::Schedule s;
  for (const iro::Child& c : book.children) {
    iro::evaluate(c, policy, cal, o.end, s);
    judged += s.reviews.size();
    for (const auto& r : s.reviews) in_time += r.on_time;
    reentries += c.periods.size() > 1;
    for (const auto& p : c.periods) {
      short_breaks += p.regime == iro::Regime::short_breaks;
      for (const auto& sw : p.switches) adoption += sw.regime == iro::Regime::adoption_placed;
    }
    pn0_issues += iro::check_participation(c).size();
  }
  const double percent = 100.0 * static_cast<double>(in_time) / static_cast<double>(judged);
  EXPECT_GE(percent, 88.0);
  EXPECT_LE(percent, 98.0);
  EXPECT_GT(short_breaks, 50u);
  EXPECT_GT(adoption, 10u);
  EXPECT_GT(reentries, 100u);
  EXPECT_EQ(pn0_issues, 0u);  // PN0 exactly for children under 4
  const double disputes_per_100_a_year = 100.0 * static_cast<double>(book.disputes.size()) / 3000.0 / 2.0;
  EXPECT_GE(disputes_per_100_a_year, 2.0);
  EXPECT_LE(disputes_per_100_a_year, 10.0);
  const iro::Continuity continuity = iro::continuity(book.roster, o.end);
  EXPECT_GT(continuity.changes, 100u);
  EXPECT_LT(continuity.kept_percent(), 95.0);
}

TEST(Synth, OptionsOutOfRangeAreRefused) {
  iro::SynthOptions o;
  o.children = 0;
  EXPECT_EQ(iro::test::failure([&] { iro::synthesize(o); }).first, iro::Status::invalid_argument);
  o.children = 10;
  o.years = 50;
  EXPECT_EQ(iro::test::failure([&] { iro::synthesize(o); }).first, iro::Status::invalid_argument);
}

TEST(Synth, TheEndYearRangeIsInclusive) {  // mutation survivors: 1995 and 2190 are allowed, 1994 and 2191 not
  iro::SynthOptions o;
  o.children = 5;
  o.officers = 1;
  o.years = 1;
  for (const char* end : {"1995-03-31", "2190-03-31"}) {
    o.end = iro::Date::parse(end);
    EXPECT_NO_THROW(iro::synthesize(o)) << end;
  }
  for (const char* end : {"1994-12-31", "2191-01-01"}) {
    o.end = iro::Date::parse(end);
    EXPECT_EQ(iro::test::failure([&] { iro::synthesize(o); }).first, iro::Status::invalid_argument) << end;
  }
}

TEST(Synth, WhoTheChildrenAreFollowsTheNationalShares) {
  // DfE, "Children looked after in England including adoptions: reporting year 2024", 31 March 2024: 57% boys;
  // ages 5% under 1, 13% 1-4, 17% 5-9, 38% 10-15, 27% 16 and over; ethnic groups 71% White, 11% Mixed, 5% Asian,
  // 7% Black, 5% other; care orders about 79%, section 20 about 16%; 9% UASC; 10% with three or more placements.
  iro::SynthOptions o;
  o.children = 20000;
  o.officers = 100;
  const iro::Report r = iro::annual_report(iro::casebook_from(iro::synthesize(o), "national"), iro::Policy::england(),
                                           iro::Calendar::england_and_wales(), 2024);
  const double all = static_cast<double>(r.looked_after_end);
  ASSERT_GT(all, 5000.0);
  const auto share = [&](const std::string& name) {
    return 100.0 * static_cast<double>(iro::report_figure(r, name).count) / all;
  };
  double male = 0;
  for (const char* band : {"under_1", "1_4", "5_9", "10_15", "16_plus"})
    male += share(std::string("profile.age.") + band + ".male");
  EXPECT_NEAR(male, 57.0, 3.0);
  EXPECT_NEAR(share("profile.age.under_1.all"), 5.0, 2.5);
  EXPECT_NEAR(share("profile.age.1_4.all"), 13.0, 5.0);
  EXPECT_NEAR(share("profile.age.5_9.all"), 17.0, 4.0);
  EXPECT_NEAR(share("profile.age.10_15.all"), 38.0, 5.0);
  EXPECT_NEAR(share("profile.age.16_plus.all"), 27.0, 5.0);
  EXPECT_NEAR(share("profile.ethnicity.white"), 71.0, 4.0);
  EXPECT_NEAR(share("profile.ethnicity.mixed"), 11.0, 2.5);
  EXPECT_NEAR(share("profile.ethnicity.asian"), 5.0, 2.0);
  EXPECT_NEAR(share("profile.ethnicity.black"), 7.0, 2.5);
  EXPECT_NEAR(share("profile.ethnicity.other"), 5.0, 2.0);
  EXPECT_NEAR(share("profile.legal_status.C1") + share("profile.legal_status.C2"), 75.0, 8.0);
  EXPECT_NEAR(share("profile.legal_status.V2"), 18.0, 6.0);
  EXPECT_GT(share("profile.legal_status.E1"), 0.5);
  EXPECT_NEAR(share("profile.uasc.uasc"), 9.0, 2.5);
  EXPECT_NEAR(share("profile.stability.3_or_more"), 10.0, 3.0);
  // Every reason for leaving occurs; a return home is among the largest.
  const double left = static_cast<double>(r.left);
  for (const char* why : {"adopted", "special_guardianship", "child_arrangements", "returned_home",
                          "independent_living", "aged_18", "other"})
    EXPECT_GT(iro::report_figure(r, std::string("profile.left_reason.") + why).count, 0u) << why;
  EXPECT_GT(100.0 * static_cast<double>(iro::report_figure(r, "profile.left_reason.returned_home").count) / left, 15.0);
  EXPECT_EQ(iro::report_figure(r, "profile.left_reason.not_recorded").count, 0u);
}

TEST(Synth, SiblingGroupsAndSeveralCategoriesInBradfordsProportions) {
  // Bradford 2013/14: 28 alerts for 40 children (1.43 each), 63 issues (2.25 each) from 11 categories.
  iro::Policy bradford = iro::Policy::england();
  for (const char* code : {"A1", "A2", "A3", "A4", "A5", "A6", "A7", "A9", "A10", "A13", "A15"})
    bradford.dispute_categories.push_back({code, std::string("category ") + code});
  iro::SynthOptions o = iro::SynthOptions{}.for_policy(bradford);
  o.children = 3000;
  o.officers = 50;
  const iro::SynthFiles files = iro::synthesize(o);
  EXPECT_EQ(iro::synthesize(o).disputes, files.disputes);                  // deterministic for a seed
  const iro::Casebook book = iro::casebook_from(files, "test", bradford);  // strict: every list is valid
  ASSERT_GT(book.disputes.size(), 200u);
  std::size_t children = 0, issues = 0, groups = 0, of_three = 0, several = 0, looked_after = 0, siblings = 0;
  for (const iro::Dispute& d : book.disputes) {
    ASSERT_FALSE(d.children.empty()) << d.id;
    ASSERT_FALSE(d.categories.empty()) << d.id;
    children += d.children.size();
    issues += d.categories.size();
    groups += d.children.size() > 1;
    of_three += d.children.size() == 3;
    several += d.categories.size() > 1;
    const iro::Date raised = d.events.front().date;
    for (std::size_t k = 1; k < d.children.size(); ++k) {  // a sibling is looked after on the day raised
      ++siblings;
      for (const iro::Child& c : book.children) {
        if (c.id != d.children[k]) continue;
        for (const iro::Period& p : c.periods) looked_after += p.start <= raised && (!p.end || raised < *p.end);
      }
    }
  }
  const double n = static_cast<double>(book.disputes.size());
  EXPECT_GE(children / n, 1.3);
  EXPECT_LE(children / n, 1.6);
  EXPECT_GE(issues / n, 2.0);
  EXPECT_LE(issues / n, 2.6);
  EXPECT_GT(of_three, 0u);
  EXPECT_GT(groups, book.disputes.size() / 5);
  EXPECT_GT(several, book.disputes.size() / 2);
  EXPECT_EQ(looked_after, siblings);
}
