// Tests of include/iro/rules/schedule.hpp beyond the conformance cases: edges of every rule, the dates around
// the next review, explanations, placement deadlines, worklists, bad input, storage reuse.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/rules/schedule.hpp"

using iro::Child;
using iro::Date;
using iro::Period;
using iro::Policy;
using iro::Regime;
using iro::Review;
using iro::Schedule;
using iro::Status;
using iro::test::failure;

namespace {

Date d(const char* text) { return Date::parse(text); }

const iro::Calendar& cal() {
  static const iro::Calendar c = iro::Calendar::england_and_wales();
  return c;
}

Child child(std::vector<Period> periods, std::vector<const char*> reviews) {
  Child c;
  c.id = "C1";
  c.periods = std::move(periods);
  for (const char* r : reviews) c.reviews.push_back(Review{d(r)});
  return c;
}

Period open_period(const char* start, Regime regime = Regime::standard) {
  return Period{d(start), std::nullopt, regime, {}};
}
Period closed_period(const char* start, const char* end) { return Period{d(start), d(end), Regime::standard, {}}; }

Schedule run(const Child& c, const char* as_of, const Policy& policy = Policy::england()) {
  return iro::evaluate(c, policy, policy.calendar(cal()), d(as_of));
}

}  // namespace

TEST(Schedule, MonthEndsAndLeapDays) {
  const Schedule s = run(child({open_period("2023-10-30")}, {"2023-11-30", "2024-02-29", "2024-08-29"}), "2024-09-01");
  ASSERT_EQ(s.reviews.size(), 3u);
  EXPECT_EQ(s.reviews[1].due.date, d("2024-02-29"));  // 2023-11-30 + 3 months, a leap February
  EXPECT_EQ(s.reviews[2].due.date, d("2024-08-29"));
  EXPECT_EQ(s.next->due.date, d("2025-02-28"));  // 2024-08-29 + 6 months
  const Schedule t = run(child({open_period("2023-07-03")}, {"2023-07-31", "2023-08-31"}), "2023-09-01");
  EXPECT_EQ(t.next->due.date, d("2024-02-29"));  // 2023-08-31 + 6 months
}

TEST(Schedule, ChristmasAndClosureDays) {
  EXPECT_EQ(run(child({open_period("2022-12-12")}, {}), "2022-12-13").next->due.date, d("2023-01-12"));
  Policy council = Policy::england();
  council.closure_days = {d("2022-12-28"), d("2022-12-29"), d("2022-12-30")};
  EXPECT_EQ(run(child({open_period("2022-12-12")}, {}), "2022-12-13", council).next->due.date, d("2023-01-17"));
  Policy day_one = Policy::england();
  day_one.anchor = iro::AnchorConvention::counts_as_day_one;
  EXPECT_EQ(run(child({open_period("2022-12-12")}, {}), "2022-12-13", day_one).next->due.date, d("2023-01-11"));
}

TEST(Schedule, AReviewOnTheSwitchDateBelongsToTheNewChain) {
  Period p = open_period("2024-01-08");
  p.switches.push_back({d("2024-09-02"), Regime::adoption_placed});
  const Schedule s = run(child({p}, {"2024-02-02", "2024-09-02"}), "2024-10-01");
  ASSERT_EQ(s.reviews.size(), 2u);
  EXPECT_EQ(s.reviews[1].regime, Regime::adoption_placed);
  EXPECT_EQ(s.reviews[1].number, 1);
  EXPECT_EQ(s.reviews[1].due.date, d("2024-09-30"));
  ASSERT_EQ(s.missed.size(), 1u);  // the standard chain's second review (due 2024-05-02) was never held
  EXPECT_EQ(s.missed[0].due.date, d("2024-05-02"));
  EXPECT_EQ(s.missed[0].regime, Regime::standard);
}

TEST(Schedule, ReviewsOnTheEndDateAndOnAReentryDay) {
  // A review on the day the period ends belongs to it.
  const Schedule s = run(child({closed_period("2024-01-08", "2024-02-05")}, {"2024-02-05"}), "2024-06-01");
  ASSERT_EQ(s.reviews.size(), 1u);
  EXPECT_TRUE(s.reviews[0].on_time);
  EXPECT_FALSE(s.next.has_value());
  // A review on the day a new period starts belongs to the new period.
  const Schedule t =
      run(child({closed_period("2024-01-08", "2024-02-29"), open_period("2024-03-01")}, {"2024-02-02", "2024-03-01"}),
          "2024-04-01");
  ASSERT_EQ(t.reviews.size(), 2u);
  EXPECT_EQ(t.reviews[1].number, 1);
  EXPECT_EQ(t.reviews[1].due.date, d("2024-04-02"));  // 20 working days from 2024-03-01, over Easter
  EXPECT_EQ(t.reviews[1].due.anchor, d("2024-03-01"));
  EXPECT_TRUE(t.reviews[1].on_chain_start);
  // Periods that abut (one ends the day the next starts) are one time in care: the chain runs on.
  const Schedule u =
      run(child({closed_period("2024-01-08", "2024-03-01"), open_period("2024-03-01")}, {"2024-02-02", "2024-03-01"}),
          "2024-04-01");
  ASSERT_EQ(u.reviews.size(), 2u);
  EXPECT_EQ(u.reviews[1].number, 2);
  EXPECT_EQ(u.reviews[1].due.date, d("2024-05-02"));  // 3 months after the first review
  EXPECT_EQ(u.reviews[1].due.rule, iro::DueRule::standard_second);
}

TEST(Schedule, LeavingCareOnTheDueDateOwesNothing) {
  const Schedule s = run(child({closed_period("2024-01-08", "2024-05-02")}, {"2024-02-02"}), "2024-12-31");
  EXPECT_TRUE(s.missed.empty());  // the second review was due 2024-05-02, the day the child left
  const Schedule t = run(child({closed_period("2024-01-08", "2024-05-03")}, {"2024-02-02"}), "2024-12-31");
  ASSERT_EQ(t.missed.size(), 1u);
  EXPECT_EQ(t.missed[0].due.date, d("2024-05-02"));
}

TEST(Schedule, TheFutureIsNotKnownYet) {
  Period p = closed_period("2024-01-08", "2024-12-01");
  p.switches.push_back({d("2024-06-03"), Regime::adoption_placed});
  const Child c = child({p, open_period("2025-03-03")}, {"2024-02-02", "2024-04-30"});
  const Schedule s = run(c, "2024-04-01");  // before the second review, the switch and the end
  ASSERT_EQ(s.reviews.size(), 1u);
  EXPECT_EQ(s.next->due.date, d("2024-05-02"));
  EXPECT_EQ(s.next->regime, Regime::standard);
  const Schedule later = run(c, "2025-02-01");  // after the end, before the re-entry
  EXPECT_FALSE(later.next.has_value());
}

TEST(Schedule, ShortBreaksThenFullCareStartsAStandardChain) {
  Period p = open_period("2024-03-01", Regime::short_breaks);
  p.switches.push_back({d("2024-07-01"), Regime::standard});
  const Schedule s = run(child({p}, {"2024-05-28"}), "2024-07-02");
  ASSERT_EQ(s.reviews.size(), 1u);
  EXPECT_EQ(s.reviews[0].due.rule, iro::DueRule::short_breaks_first);
  EXPECT_TRUE(s.missed.empty());                 // the short-break chain ended before 2024-11-28
  EXPECT_EQ(s.next->due.date, d("2024-07-29"));  // 20 working days from 2024-07-01
  EXPECT_EQ(s.next->due.rule, iro::DueRule::standard_first);
}

TEST(Schedule, AuthorityToPlaceCapsTheOutstandingReview) {
  Period p = open_period("2023-06-05");
  p.switches.push_back({d("2024-03-04"), Regime::adoption_authorised});
  const Schedule s = run(child({p}, {"2023-06-30", "2023-09-25", "2024-03-01"}), "2024-03-05");
  EXPECT_EQ(s.next->due.date, d("2024-06-04"));  // min(2024-09-01, 2024-03-04 + 3 months)
  EXPECT_EQ(s.next->due.rule, iro::DueRule::adoption_authorised);
  EXPECT_EQ(s.next->regime, Regime::adoption_authorised);
}

TEST(Schedule, DaysConvention) {
  Policy days = Policy::england();
  days.interval_unit = iro::IntervalUnit::days;
  const Schedule s = run(child({open_period("2023-01-03")}, {"2023-01-31"}), "2023-02-01", days);
  EXPECT_EQ(s.next->due.date, d("2023-05-02"));  // + 91 days, where 3 months give 2023-04-30
  EXPECT_EQ(run(child({open_period("2023-01-03")}, {"2023-01-31"}), "2023-02-01").next->due.date, d("2023-04-30"));
}

TEST(Schedule, DatesAroundTheNextReview) {
  Policy p = Policy::england();
  p.booking_percent = 83;
  p.report_working_days_before = 5;
  p.record_working_days = 15;
  const Schedule s = run(child({open_period("2024-03-25")}, {"2024-04-22"}), "2024-05-01", p);
  const iro::NextReview& n = *s.next;
  EXPECT_EQ(n.due.date, d("2024-07-22"));
  EXPECT_EQ(n.midway, d("2024-06-06"));                 // 91 days / 2 = 45 days after 2024-04-22
  EXPECT_EQ(n.book_by, d("2024-07-06"));                // 83% of 91 days = 75 days
  EXPECT_EQ(n.report_due, d("2024-07-15"));             // 5 working days before Monday 2024-07-22
  EXPECT_EQ(s.reviews[0].record_due, d("2024-05-14"));  // 15 working days (2024-05-06 is a bank holiday)
  EXPECT_FALSE(n.overdue);
  EXPECT_TRUE(run(child({open_period("2024-03-25")}, {"2024-04-22"}), "2024-07-23").next->overdue);
  EXPECT_FALSE(run(child({open_period("2024-03-25")}, {"2024-04-22"}), "2024-07-22").next->overdue);
}

TEST(Schedule, CancelledAndEarlyReviews) {
  Child c = child({open_period("2024-01-08")}, {"2024-02-02", "2024-02-16", "2024-08-10"});
  c.reviews.push_back(Review{d("2024-05-01"), true});
  const Schedule s = run(c, "2024-09-01");
  ASSERT_EQ(s.reviews.size(), 3u);
  EXPECT_EQ(s.reviews[1].number, 2);
  EXPECT_EQ(s.reviews[2].due.date, d("2024-08-16"));  // 6 months from the early second review
}

TEST(Schedule, ExplanationsCiteTheRuleAndNameTheDaysSteppedOver) {
  const Schedule s = run(child({open_period("2023-04-28")}, {"2023-05-30"}), "2023-06-01");
  const std::string first = iro::explain(s.reviews[0].due, Policy::england(), cal());
  EXPECT_NE(first.find("CPPCR 2010 reg 33(1),"), std::string::npos) << first;
  EXPECT_NE(first.find("Bank holiday for the coronation of King Charles III"), std::string::npos) << first;
  const std::string second = iro::explain(s.next->due, Policy::england(), cal());
  EXPECT_NE(second.find("CPPCR 2010 reg 33(2),"), std::string::npos) << second;
  EXPECT_NE(second.find("2023-05-30 + 3 months = 2023-08-30 (the corresponding date"), std::string::npos) << second;
  EXPECT_EQ(Policy::england().step(iro::DueRule::adoption_placed_first, d("2024-01-01")).cite, "AAR 2005 reg 36(3)(a)");
}

TEST(Schedule, BadDataIsRefusedNamingChildFieldAndValue) {
  struct Row {
    Child c;
    std::string fragment;
  };
  Period bad_switch = open_period("2024-01-08");
  bad_switch.switches.push_back({d("2023-12-01"), Regime::adoption_placed});
  Period bad_regime = open_period("2024-01-08");
  bad_regime.regime = static_cast<Regime>(9);
  Period authorised_from_breaks = open_period("2024-01-08", Regime::short_breaks);
  authorised_from_breaks.switches.push_back({d("2024-02-01"), Regime::adoption_authorised});
  Child bad_code = child({open_period("2024-01-08")}, {"2024-02-02"});
  bad_code.reviews[0].participation = static_cast<iro::Participation>(12);
  const std::vector<Row> rows = {
      {child({open_period("2024-01-08")}, {"2023-12-01"}), "reviews[0].date: 2023-12-01 is outside every period"},
      {child({closed_period("2024-01-08", "2024-06-01"), open_period("2024-05-01")}, {}),
       "periods[1].start: 2024-05-01 overlaps periods[0]"},
      {child({open_period("2024-01-08"), open_period("2024-05-01")}, {}), "is still open"},
      {child({closed_period("2024-01-08", "2024-01-01")}, {}), "periods[0].end: 2024-01-01 is not after the start"},
      {child({closed_period("2024-01-08", "2024-01-08")}, {}), "periods[0].end: 2024-01-08 is not after the start"},
      {child({bad_switch}, {}), "periods[0].switches[0].date: 2023-12-01 is outside its period"},
      {child({bad_regime}, {}), "periods[0].regime: 9 is no regime"},
      {child({authorised_from_breaks}, {}), "adoption_authorised follows only standard or adoption_placed"},
      {bad_code, "reviews[0].code: 12 is no PN code"},
  };
  for (const Row& r : rows) {
    const auto [status, message] = failure([&] { run(r.c, "2024-12-31"); });
    EXPECT_EQ(status, Status::invalid_argument) << r.fragment;
    EXPECT_NE(message.find("child \"C1\""), std::string::npos) << message;
    EXPECT_NE(message.find(r.fragment), std::string::npos) << message;
  }
}

TEST(Schedule, OneScheduleReusedForManyChildren) {
  Schedule s;
  iro::evaluate(child({open_period("2024-01-08")}, {"2024-02-02", "2024-05-01"}), Policy::england(), cal(),
                d("2024-12-31"), s);
  EXPECT_EQ(s.reviews.size(), 2u);
  iro::evaluate(child({closed_period("2024-01-08", "2024-01-20")}, {}), Policy::england(), cal(), d("2024-12-31"), s);
  EXPECT_TRUE(s.reviews.empty());
  EXPECT_TRUE(s.missed.empty());
  EXPECT_FALSE(s.next.has_value());
}

TEST(Worklist, OverdueFirstThenDueSoon) {
  const std::vector<Child> children = {
      child({open_period("2024-03-25")}, {"2024-04-22", "2024-07-15"}),  // next 2025-01-15
      child({open_period("2024-03-25")}, {"2024-04-22"}),                // next 2024-07-22: overdue
      child({open_period("2024-11-25")}, {}),                            // next 2024-12-23
      child({closed_period("2024-01-08", "2024-03-01")}, {}),            // not looked after
  };
  const iro::Worklist list = iro::worklist(children, Policy::england(), cal(), d("2024-12-20"), 14);
  const auto& items = list.items;
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].child, 1u);
  EXPECT_EQ(items[0].days_until, -151);
  EXPECT_EQ(items[1].child, 2u);
  EXPECT_EQ(items[1].next.due.date, d("2024-12-23"));
  EXPECT_TRUE(list.refused.empty());
  EXPECT_EQ(iro::worklist(children, Policy::england(), cal(), d("2024-12-20"), 30).items.size(), 3u);
}

TEST(Worklist, OneBadChildNeverStopsTheOthers) {
  Child backwards = child({closed_period("2024-06-01", "2024-05-01")}, {});  // ends before it starts
  backwards.id = "BAD";
  Child outside = child({open_period("2024-03-25")}, {"2023-01-01"});  // a review outside every period
  outside.id = "OUTSIDE";
  const std::vector<Child> children = {
      child({open_period("2024-03-25")}, {"2024-04-22"}),  // next 2024-07-22: overdue
      backwards,
      child({open_period("2024-11-25")}, {}),  // next 2024-12-23
      outside,
  };
  const iro::Worklist list = iro::worklist(children, Policy::england(), cal(), d("2024-12-20"), 14);
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[0].child, 0u);
  EXPECT_EQ(list.items[1].child, 2u);
  ASSERT_EQ(list.refused.size(), 2u);
  EXPECT_EQ(list.refused[0].index, 1u);
  EXPECT_EQ(list.refused[0].id, "BAD");
  EXPECT_EQ(list.refused[0].status, Status::invalid_argument);
  EXPECT_NE(list.refused[0].message.find("child \"BAD\": periods[0].end"), std::string::npos)
      << list.refused[0].message;
  EXPECT_EQ(list.refused[1].index, 3u);
  EXPECT_EQ(list.refused[1].id, "OUTSIDE");
  EXPECT_NE(list.refused[1].message.find("reviews[0]"), std::string::npos) << list.refused[1].message;
}

TEST(PlacementDeadlines, CarePlanPlacementPlanAndVisits) {
  Child c = child({open_period("2024-03-25")}, {});
  c.placements.push_back({d("2024-03-25"), d("2024-06-03"), false});
  c.placements.push_back({d("2024-06-03"), std::nullopt, true});
  c.visits = {d("2024-06-07")};
  auto deadlines = iro::placement_deadlines(c, Policy::england(), cal(), d("2024-07-01"));
  ASSERT_EQ(deadlines.size(), 6u);
  EXPECT_EQ(deadlines[0].what, "placement plan");
  EXPECT_EQ(deadlines[0].due, d("2024-04-03"));  // 5 working days over Good Friday and Easter Monday
  EXPECT_EQ(deadlines[2].what, "care plan");
  EXPECT_EQ(deadlines[2].due, d("2024-04-10"));
  EXPECT_EQ(deadlines.back().what, "social worker visit");
  EXPECT_EQ(deadlines.back().due, d("2024-07-19"));  // 6 weeks after the last visit, in the first year
  c.visits = {d("2025-07-01")};
  deadlines = iro::placement_deadlines(c, Policy::england(), cal(), d("2025-07-02"));
  EXPECT_EQ(deadlines.back().due, d("2025-10-01"));  // after the first year, until 18: 3 months
  EXPECT_EQ(deadlines.back().cite, "CPPCR 2010 reg 28(2)(c)(i)");
  // The first year of the placement from 2024-06-03 ends on 2025-06-02: a visit that day is in it, one on
  // the anniversary is not.
  c.visits = {d("2025-06-02")};
  deadlines = iro::placement_deadlines(c, Policy::england(), cal(), d("2025-06-03"));
  EXPECT_EQ(deadlines.back().due, d("2025-07-14"));
  EXPECT_EQ(deadlines.back().cite, "CPPCR 2010 reg 28(2)(b)");
  c.visits = {d("2025-06-03")};
  deadlines = iro::placement_deadlines(c, Policy::england(), cal(), d("2025-06-04"));
  EXPECT_EQ(deadlines.back().due, d("2025-09-03"));
  EXPECT_EQ(deadlines.back().cite, "CPPCR 2010 reg 28(2)(c)(i)");
  c.visits.clear();
  deadlines = iro::placement_deadlines(c, Policy::england(), cal(), d("2024-06-04"));
  EXPECT_EQ(deadlines.back().due, d("2024-06-10"));  // within a week of the new placement
}

// ---- Issue 14: the rules as the law reads them. Each test below failed on the engine before it. ----

namespace {

Child with_switches(Period p, std::vector<iro::RegimeSwitch> switches, std::vector<const char*> reviews) {
  p.switches = std::move(switches);
  return child({p}, std::move(reviews));
}

bool has(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Issue14, AuthorityToPlaceBindsOnlyTheFirstReviewHeldOnOrAfterIt) {
  // Held 2023-10-20, before authority on 2023-11-01: its deadline is the standard one (reg 33(2)), not
  // 3 months after authority.
  const Child c = with_switches(open_period("2023-06-05"), {{d("2023-11-01"), Regime::adoption_authorised}},
                                {"2023-06-30", "2023-09-25", "2023-10-20", "2024-01-25"});
  const Schedule s = run(c, "2024-03-01");
  ASSERT_EQ(s.reviews.size(), 4u);
  EXPECT_EQ(s.reviews[2].due.date, d("2024-03-25"));
  EXPECT_EQ(s.reviews[2].due.rule, iro::DueRule::standard_subsequent);
  EXPECT_EQ(s.reviews[2].regime, Regime::standard);
  EXPECT_EQ(s.reviews[3].due.date, d("2024-02-01"));
  EXPECT_EQ(s.reviews[3].due.rule, iro::DueRule::adoption_authorised);
  const std::string why = iro::explain(s.reviews[3].due, Policy::england(), cal());
  EXPECT_TRUE(has(why, "AAR 2005 reg 36(1)(a) gives 2024-02-01 and the standard rule gives 2024-04-20")) << why;
  EXPECT_TRUE(has(why, "the earlier, 2024-02-01, applies")) << why;
}

TEST(Issue14, TheEighteenthBirthdayEndsCareAndNothingFallsDueFromIt) {
  Child c = child({open_period("2023-01-09")}, {"2023-02-03", "2023-05-02", "2023-11-01", "2024-05-01"});
  c.dob = d("2006-06-01");
  const Schedule s = run(c, "2025-03-31");
  EXPECT_FALSE(s.next.has_value());
  EXPECT_TRUE(s.missed.empty());  // due 2024-11-01, but the child turned 18 on 2024-06-01
  EXPECT_EQ(s.why, iro::NothingOwed::turned_18);
  EXPECT_EQ(s.care_ended, d("2024-06-01"));
  const std::string why = iro::explain_next(s, Policy::england(), cal(), d("2025-03-31"));
  EXPECT_TRUE(has(why, "turned 18 on 2024-06-01")) << why;
  EXPECT_TRUE(has(why, "Children Act 1989 s105(1)")) << why;
  // Still looked after, but the next review would fall due after the birthday: nothing is owed.
  const Schedule t = run(c, "2024-05-15");
  EXPECT_FALSE(t.next.has_value());
  EXPECT_EQ(t.why, iro::NothingOwed::turns_18_first);
  EXPECT_EQ(t.would_be_due, d("2024-11-01"));
  // Nor is such a child on a worklist.
  EXPECT_TRUE(iro::worklist({c}, Policy::england(), cal(), d("2024-05-15"), 400).items.empty());
  // Overdue before the birthday: the missed date stands, and nothing after it.
  const Schedule u = run(child({open_period("2023-01-09")}, {"2023-02-03"}), "2025-03-31");
  EXPECT_EQ(u.missed.size(), 1u);
  Child late = child({open_period("2023-01-09")}, {"2023-02-03"});
  late.dob = d("2006-06-01");
  const Schedule v = run(late, "2025-03-31");
  ASSERT_EQ(v.missed.size(), 1u);
  EXPECT_EQ(v.missed[0].due.date, d("2023-05-03"));
  EXPECT_FALSE(v.next.has_value());
}

TEST(Issue14, TwentyNinthOfFebruaryBirthsTurnEighteenOnTheFirstOfMarch) {
  EXPECT_EQ(iro::eighteenth_birthday(d("2008-02-29")), d("2026-03-01"));
  EXPECT_EQ(iro::eighteenth_birthday(d("2006-02-28")), d("2024-02-28"));
  EXPECT_EQ(iro::eighteenth_birthday(d("2006-03-01")), d("2024-03-01"));
  EXPECT_EQ(iro::eighteenth_birthday(d("2181-12-31")), d("2199-12-31"));
  // Born after 2181: not 18 within the supported dates (found by a test of the synthetic council to 2190).
  EXPECT_FALSE(iro::eighteenth_birthday(d("2182-01-01")).has_value());
  Child late = child({open_period("2190-01-06")}, {});
  late.dob = d("2185-08-05");
  EXPECT_TRUE(run(late, "2190-02-01").next.has_value());
  Child c = child({open_period("2025-10-01")}, {"2025-10-20"});
  c.dob = d("2008-02-29");
  const Schedule s = run(c, "2026-03-02");
  EXPECT_EQ(s.why, iro::NothingOwed::turned_18);
  EXPECT_EQ(s.care_ended, d("2026-03-01"));
  // A review on 2026-02-28 is the child's; one on 2026-03-02 is not.
  c.reviews.push_back(Review{d("2026-02-28")});
  c.reviews.push_back(Review{d("2026-03-02")});
  EXPECT_EQ(run(c, "2026-03-31").reviews.size(), 2u);
}

TEST(Issue14, AReturnToTheAgencyIsNotANewEntryIntoCare) {
  // Placed for adoption 2024-03-01; returned 2024-05-10. The next review is 6 months after the previous
  // held review (2024-03-20), not 20 working days after the return.
  const Child c = with_switches(open_period("2023-06-05"),
                                {{d("2024-03-01"), Regime::adoption_placed}, {d("2024-05-10"), Regime::standard}},
                                {"2023-06-30", "2023-09-25", "2024-03-20"});
  const Schedule s = run(c, "2024-06-01");
  ASSERT_TRUE(s.next.has_value());
  EXPECT_EQ(s.next->due.date, d("2024-09-20"));
  EXPECT_EQ(s.next->number, 1);
  EXPECT_EQ(s.next->due.rule, iro::DueRule::returned);
  EXPECT_EQ(Policy::england().step(s.next->due.rule, s.next->due.anchor).cite, "CPPCR 2010 reg 33(2)");
  const std::string why = iro::explain(s.next->due, Policy::england(), cal());
  EXPECT_TRUE(has(why, "was returned to the agency by the prospective adopter on Friday 2024-05-10")) << why;
  EXPECT_FALSE(has(why, "became looked after")) << why;
  // A placement order survives the return: adoption_authorised may follow adoption_placed.
  const Child a =
      with_switches(open_period("2023-06-05"),
                    {{d("2024-03-01"), Regime::adoption_placed}, {d("2024-05-10"), Regime::adoption_authorised}},
                    {"2023-06-30", "2023-09-25", "2024-03-20"});
  const Schedule t = run(a, "2024-06-01");
  EXPECT_EQ(t.next->due.date, d("2024-09-20"));
  EXPECT_EQ(t.next->regime, Regime::adoption_authorised);
  // A council's own earlier review after a disruption is a policy setting, not the default.
  Policy local = Policy::england();
  local.after_return = iro::RuleStep{{28, iro::Unit::days}, "Local procedure 4.2", "review within 28 days of a return"};
  const Schedule u = run(c, "2024-06-01", local);
  EXPECT_EQ(u.next->due.date, d("2024-06-07"));
  EXPECT_EQ(u.next->due.rule, iro::DueRule::returned_local);
  EXPECT_EQ(*u.next->due.other, d("2024-09-20"));
}

TEST(Issue14, TheEventThatStartedTheFirstChainIsNamed) {
  const std::string looked_after =
      iro::explain(run(child({open_period("2024-03-25")}, {}), "2024-03-26").next->due, Policy::england(), cal());
  EXPECT_TRUE(has(looked_after, "The child became looked after on Monday 2024-03-25.")) << looked_after;
  const std::string breaks =
      iro::explain(run(child({open_period("2024-03-25", Regime::short_breaks)}, {}), "2024-03-26").next->due,
                   Policy::england(), cal());
  EXPECT_TRUE(has(breaks, "The child began a series of short breaks on Monday 2024-03-25.")) << breaks;
  const std::string placed =
      iro::explain(run(child({open_period("2024-03-25", Regime::adoption_placed)}, {}), "2024-03-26").next->due,
                   Policy::england(), cal());
  EXPECT_TRUE(has(placed, "The child was placed for adoption on Monday 2024-03-25.")) << placed;
}

TEST(Issue14, ShortBreaksReplacedByFullTimeCareSaySo) {
  const Child c = with_switches(open_period("2024-01-08", Regime::short_breaks), {{d("2024-06-03"), Regime::standard}},
                                {"2024-03-01"});
  const Schedule s = run(c, "2024-06-10");
  EXPECT_EQ(s.next->due.date, d("2024-07-01"));  // 20 working days after the switch
  const std::string why = iro::explain(s.next->due, Policy::england(), cal());
  EXPECT_TRUE(has(why, "moved from short breaks to full-time care on Monday 2024-06-03")) << why;
  EXPECT_TRUE(has(why, "CPPCR 2010 reg 33(1)")) << why;
}

TEST(Issue14, OneRuleTableAPolicysOwnIntervalIsTheOneExplainedAndCited) {
  Policy council = Policy::england();
  for (iro::RuleVersion& v : council.short_breaks.versions) {
    v.second = iro::RuleStep{{4, iro::Unit::months}, "Local short breaks policy 3.1", "review every 4 months"};
    v.subsequent = v.second;
  }
  const Child c = child({open_period("2024-01-08", Regime::short_breaks)}, {"2024-03-01"});
  const Schedule s = run(c, "2024-03-10", council);
  EXPECT_EQ(s.next->due.date, d("2024-07-01"));
  const std::string why = iro::explain(s.next->due, council, cal());
  EXPECT_TRUE(has(why, "Local short breaks policy 3.1")) << why;
  EXPECT_TRUE(has(why, "2024-03-01 + 4 months = 2024-07-01")) << why;
  EXPECT_FALSE(has(why, "6 months")) << why;
}

TEST(Issue14, ARuleAppliedBeforeItsCommencementIsSaidToBe) {
  const Schedule s = run(child({open_period("2009-05-04", Regime::short_breaks)}, {}), "2009-06-01");
  const std::string why = iro::explain(s.next->due, Policy::england(), cal());
  EXPECT_TRUE(has(why, "CPPCR 2010 reg 48(3) came into force on 2011-04-01")) << why;
  EXPECT_TRUE(has(why, "applied here before its commencement")) << why;
  const Schedule t = run(child({open_period("2012-05-04", Regime::short_breaks)}, {}), "2012-06-01");
  EXPECT_FALSE(has(iro::explain(t.next->due, Policy::england(), cal()), "commencement"));
}

TEST(Issue14, ExplanationsGiveTheWeekdayAndNeverExtendAWeekendDeadline) {
  // 2023-12-30 + 6 months = 2024-06-30, a Sunday: not extended; the working day before is Friday 2024-06-28.
  const Schedule s = run(child({open_period("2023-11-01")}, {"2023-11-28", "2023-12-30"}), "2024-01-10");
  ASSERT_EQ(s.next->due.date, d("2024-06-30"));
  const std::string why = iro::explain(s.next->due, Policy::england(), cal());
  EXPECT_TRUE(has(why, "Due Sunday 2024-06-30")) << why;
  EXPECT_TRUE(has(why, "is not extended")) << why;
  EXPECT_TRUE(has(why, "Friday 2024-06-28")) << why;
  // A deadline on a bank holiday is named as one.
  const Schedule e = run(child({open_period("2023-11-01")}, {"2023-12-29"}), "2024-01-02");
  ASSERT_EQ(e.next->due.date, d("2024-03-29"));  // Good Friday
  const std::string easter = iro::explain(e.next->due, Policy::england(), cal());
  EXPECT_TRUE(has(easter, "(Good Friday)")) << easter;
  EXPECT_TRUE(has(easter, "Thursday 2024-03-28")) << easter;
  // A working-day deadline names its weekday and is a working day: no such note.
  const std::string first = iro::explain(s.reviews[0].due, Policy::england(), cal());
  EXPECT_TRUE(has(first, "Due Wednesday 2023-11-29")) << first;
  EXPECT_FALSE(has(first, "not extended")) << first;
}

TEST(Issue14, LocalConventionsAreLabelledWithTheStatutoryDateBeside) {
  Policy day_one = Policy::england();
  day_one.anchor = iro::AnchorConvention::counts_as_day_one;
  const Schedule s = run(child({open_period("2024-03-25")}, {}), "2024-03-26", day_one);
  const std::string why = iro::explain(s.next->due, day_one, cal());
  EXPECT_TRUE(has(why, "as working day 1 (a local convention")) << why;
  EXPECT_FALSE(has(why, "is day 0")) << why;  // it said both before
  EXPECT_TRUE(has(why, "By the law's own count the deadline is Wednesday 2024-04-24")) << why;
  Policy days = Policy::england();
  days.interval_unit = iro::IntervalUnit::days;
  const Schedule t = run(child({open_period("2024-01-08")}, {"2024-01-31"}), "2024-02-01", days);
  ASSERT_EQ(t.next->due.date, d("2024-05-01"));  // 91 days; 3 calendar months end on 2024-04-30
  const std::string why2 = iro::explain(t.next->due, days, cal());
  EXPECT_TRUE(has(why2, "reads 3 months as 91 days (a local convention")) << why2;
  EXPECT_TRUE(has(why2, "deadline is Tuesday 2024-04-30")) << why2;
}

TEST(Issue14, AReviewOnTheDayOfPlacementForAdoptionIsTheFirstAndSaysSo) {
  const Child c = with_switches(open_period("2023-06-05"), {{d("2024-03-01"), Regime::adoption_placed}},
                                {"2023-06-30", "2024-03-01"});
  const Schedule s = run(c, "2024-03-10");
  ASSERT_EQ(s.reviews.size(), 2u);
  EXPECT_EQ(s.reviews[1].number, 1);
  EXPECT_EQ(s.reviews[1].due.rule, iro::DueRule::adoption_placed_first);
  const std::string why = iro::explain(s.reviews[1], Policy::england(), cal());
  EXPECT_TRUE(has(why, "held on the day of the placement for adoption")) << why;
  EXPECT_TRUE(has(why, "AAR 2005 reg 36(3)(a)")) << why;
}

TEST(Issue14, MidwayPercentIsHonoured) {
  Policy p = Policy::england();
  const Child c = child({open_period("2024-01-08")}, {"2024-02-02", "2024-05-02"});
  EXPECT_EQ(run(c, "2024-05-03", p).next->midway, d("2024-08-02"));  // half of 2024-05-02 .. 2024-11-02
  p.midway_percent = 25;
  EXPECT_EQ(run(c, "2024-05-03", p).next->midway, d("2024-06-17"));  // 184 days * 25% = 46 days
}

TEST(Issue14, ImpossibleHistoriesAreRefusedNamingChildAndField) {
  Child before_birth = child({open_period("2024-01-08")}, {});
  before_birth.dob = d("2024-02-01");
  EXPECT_TRUE(has(failure([&] { run(before_birth, "2024-06-01"); }).second,
                  "periods[0].start: 2024-01-08 is before the date of birth"));
  Child adult = child({closed_period("2020-01-06", "2020-03-01"), open_period("2024-07-01")}, {});
  adult.dob = d("2006-06-01");
  const auto [status, message] = failure([&] { run(adult, "2024-08-01"); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_TRUE(has(message, "child \"C1\": periods[1].start: 2024-07-01 is on or after the 18th birthday 2024-06-01"))
      << message;
  Child coded = child({open_period("2024-01-08")}, {"2024-02-02"});
  coded.reviews[0].cancelled = true;
  coded.reviews[0].participation = iro::Participation::pn1;
  EXPECT_TRUE(has(failure([&] { run(coded, "2024-06-01"); }).second, "reviews[0].code: PN1 on a cancelled review"));
  const Child early = child({open_period("1969-11-20")}, {});
  const auto out = failure([&] { run(early, "1970-06-01"); });
  EXPECT_EQ(out.first, Status::out_of_range);
  EXPECT_TRUE(has(out.second, "child \"C1\": periods[0].start: 1969-11-20 is outside the calendar's range"))
      << out.second;
}

TEST(Issue14, ThePolicysDivisionMustBeTheCalendars) {
  Policy scottish = Policy::england();
  scottish.division = "scotland";
  const auto [status, message] = failure([&] { scottish.calendar(cal()); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_TRUE(has(message, "\"scotland\"")) << message;
  EXPECT_TRUE(has(message, "\"england-and-wales\"")) << message;
}

TEST(Issue14, ADueDateOnTheAsOfDateIsNotYetMissed) {
  // Due 2024-04-24 (20 working days after 2024-03-25): on that day it is due today, not missed.
  const Schedule s = run(child({open_period("2024-03-25")}, {}), "2024-04-24");
  EXPECT_TRUE(s.missed.empty());
  ASSERT_TRUE(s.next.has_value());
  EXPECT_FALSE(s.next->overdue);
  const Schedule t = run(child({open_period("2024-03-25")}, {}), "2024-04-25");
  ASSERT_EQ(t.missed.size(), 1u);
  EXPECT_TRUE(t.next->overdue);
}

TEST(Issue14, EveryRefusalNamesTheChildOnce) {
  // A due date past the calendar's end: the calendar's own message, prefixed with the child.
  const auto late = failure([] { run(child({open_period("2199-12-20")}, {}), "2199-12-31"); });
  EXPECT_EQ(late.first, Status::out_of_range);
  EXPECT_EQ(late.second.rfind("child \"C1\": ", 0), 0u) << late.second;
  EXPECT_EQ(late.second.find("child \"C1\"", 1), std::string::npos) << late.second;
  // validate()'s message already names the child: not twice.
  const auto bad = failure([] { run(child({closed_period("2024-01-08", "2024-01-08")}, {}), "2024-06-01"); });
  EXPECT_EQ(bad.second.rfind("child \"C1\": ", 0), 0u) << bad.second;
  EXPECT_EQ(bad.second.find("child \"C1\"", 1), std::string::npos) << bad.second;
}

TEST(Issue14, AZeroWorkingDayStepUnderTheDayOneConventionIsTheAnchor) {  // a mutation survivor
  Policy p = Policy::england();
  p.anchor = iro::AnchorConvention::counts_as_day_one;
  for (iro::RuleVersion& v : p.standard.versions) v.first.interval = {0, iro::Unit::working_days};
  const Schedule s = run(child({open_period("2024-03-25")}, {}), "2024-03-25", p);
  EXPECT_EQ(s.next->due.date, d("2024-03-25"));
  const std::string why = iro::explain(s.next->due, p, cal());
  EXPECT_TRUE(has(why, "adding 0 working days gives the anchor itself")) << why;
  EXPECT_FALSE(has(why, "working day 0 is")) << why;
}

TEST(Issue14, WhatHappensOnTheAsOfDateIsKnown) {  // mutation survivors: each boundary is inclusive
  // A switch on the as-of date is known: placed for adoption today, the first review is 4 weeks away.
  const Child placed =
      with_switches(open_period("2024-01-08"), {{d("2024-06-03"), Regime::adoption_placed}}, {"2024-02-02"});
  const Schedule s = run(placed, "2024-06-03");
  EXPECT_EQ(s.next->due.date, d("2024-07-01"));
  EXPECT_EQ(s.next->regime, Regime::adoption_placed);
  // Periods that abut on the as-of date are one time in care: the chain runs on.
  const Schedule t =
      run(child({closed_period("2024-01-08", "2024-03-01"), open_period("2024-03-01")}, {"2024-02-02"}), "2024-03-01");
  EXPECT_EQ(t.next->due.date, d("2024-05-02"));
  EXPECT_EQ(t.next->number, 2);
  // A review on the 18th birthday (the first day out of care) belongs to the time in care, as one on any
  // period's end date does.
  Child c = child({open_period("2023-09-01")}, {"2023-09-20", "2024-06-01"});
  c.dob = d("2006-06-01");
  const Schedule u = run(c, "2024-07-01");
  ASSERT_EQ(u.reviews.size(), 2u);
  EXPECT_EQ(u.reviews[1].date, d("2024-06-01"));
}

TEST(Issue14, AReturnWithNoReviewHeldCountsFromTheStartOfCare) {
  const Child c =
      with_switches(open_period("2024-01-08", Regime::adoption_placed), {{d("2024-01-20"), Regime::standard}}, {});
  const Schedule s = run(c, "2024-01-25");
  ASSERT_TRUE(s.next.has_value());
  EXPECT_EQ(s.next->due.date, d("2024-07-08"));  // 6 months after 2024-01-08
  EXPECT_TRUE(s.next->due.from_care_start);
  const std::string why = iro::explain(s.next->due, Policy::england(), cal());
  EXPECT_TRUE(has(why, "No review has been held since the child became looked after on Monday 2024-01-08")) << why;
  EXPECT_FALSE(has(why, "previous review, held on")) << why;
}

TEST(Issue14, AuthorityEndingLeavesTheStandardChainRunning) {  // a mutation survivor
  const Child c = with_switches(open_period("2023-06-05"),
                                {{d("2023-11-01"), Regime::adoption_authorised}, {d("2024-03-01"), Regime::standard}},
                                {"2023-06-30", "2023-09-25", "2024-01-25", "2024-04-10"});
  const Schedule s = run(c, "2024-05-01");
  ASSERT_EQ(s.reviews.size(), 4u);
  EXPECT_EQ(s.reviews[3].number, 4);  // not a new chain's first review
  EXPECT_EQ(s.reviews[3].regime, Regime::standard);
  EXPECT_EQ(s.reviews[3].due.date, d("2024-07-25"));  // 6 months after 2024-01-25
  EXPECT_EQ(s.next->due.date, d("2024-10-10"));
}

TEST(Issue14, ASwitchOnThePeriodsEndIsOutsideIt) {  // a mutation survivor: the end is the first day out of care
  Period p = closed_period("2024-01-08", "2024-06-01");
  p.switches.push_back({d("2024-06-01"), Regime::adoption_placed});
  const auto [status, message] = failure([&] { run(child({p}, {}), "2024-07-01"); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_TRUE(has(message, "periods[0].switches[0].date: 2024-06-01 is outside its period")) << message;
}

TEST(Issue14, ADateMissedBeforeAuthorityOwedOnlyTheStandardDuty) {
  const Child c =
      with_switches(open_period("2023-06-05"), {{d("2023-11-01"), Regime::adoption_authorised}}, {"2023-06-30"});
  const Schedule s = run(c, "2024-03-01");
  ASSERT_EQ(s.missed.size(), 1u);
  EXPECT_EQ(s.missed[0].due.date, d("2023-09-30"));
  EXPECT_EQ(s.missed[0].regime, Regime::standard);
  EXPECT_FALSE(s.missed[0].due.authority.has_value());
  EXPECT_FALSE(has(iro::explain(s.missed[0].due, Policy::england(), cal()), "Two duties"));
  // A review owed when authority arrives weighs both duties.
  const Child later =
      with_switches(open_period("2023-06-05"), {{d("2023-08-01"), Regime::adoption_authorised}}, {"2023-06-30"});
  const Schedule t = run(later, "2023-08-10");
  EXPECT_EQ(t.next->due.date, d("2023-09-30"));
  EXPECT_EQ(t.next->due.authority, d("2023-08-01"));
  EXPECT_EQ(t.next->due.other, d("2023-11-01"));
}
