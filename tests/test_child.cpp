// Tests of include/iro/model/child.hpp: names and codes, participation against age.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "iro/model/child.hpp"
#include "iro/core/error.hpp"

using iro::Date;
using iro::Participation;

namespace {

iro::Child with_review(const char* dob, const char* review, Participation code) {
  iro::Child c;
  c.id = "C9";
  c.dob = Date::parse(dob);
  c.periods.push_back({Date::parse(dob), std::nullopt, iro::Regime::standard, {}});
  c.reviews.push_back({Date::parse(review), false, code, iro::ReviewReason::scheduled});
  return c;
}

}  // namespace

TEST(Child, RegimeNamesRoundTrip) {
  for (int i = 0; i < 4; ++i) {
    const auto r = static_cast<iro::Regime>(i);
    EXPECT_EQ(iro::regime_from_name(iro::regime_name(r)), r);
  }
  EXPECT_FALSE(iro::regime_from_name("adopted").has_value());
  EXPECT_STREQ(iro::regime_name(static_cast<iro::Regime>(7)), "unknown");
}

TEST(Child, ParticipationCodes) {
  EXPECT_EQ(iro::participation_from_code("PN0"), Participation::pn0);
  EXPECT_EQ(iro::participation_from_code("PN7"), Participation::pn7);
  EXPECT_EQ(iro::participation_from_code(""), Participation::none);
  EXPECT_FALSE(iro::participation_from_code("PN8").has_value());
  EXPECT_FALSE(iro::participation_from_code("pn1").has_value());
  EXPECT_FALSE(iro::participation_from_code("PN10").has_value());
  EXPECT_STREQ(iro::participation_code(Participation::pn3), "PN3");
  EXPECT_STREQ(iro::participation_code(Participation::none), "");
}

// Rows from tests/data/peer-cases/lac_validator_review_rule_tests.csv (SSDA903 validator rules 440/441).
TEST(Child, ParticipationAgainstAgeWithTheFourthBirthdayAcceptingEither) {
  EXPECT_TRUE(iro::check_participation(with_review("2004-01-01", "2007-12-31", Participation::pn0)).empty());
  EXPECT_EQ(iro::check_participation(with_review("2008-01-01", "2013-01-01", Participation::pn0)).size(), 1u);
  EXPECT_TRUE(iro::check_participation(with_review("2008-01-01", "2012-01-01", Participation::pn0)).empty());
  EXPECT_TRUE(iro::check_participation(with_review("2008-01-01", "2012-01-01", Participation::pn1)).empty());
  const auto young = iro::check_participation(with_review("2008-01-01", "2011-12-31", Participation::pn4));
  ASSERT_EQ(young.size(), 1u);
  EXPECT_NE(young[0].message.find("use PN0"), std::string::npos) << young[0].message;
  EXPECT_TRUE(iro::check_participation(with_review("2008-01-01", "2011-12-31", Participation::none)).empty());
  // A child born on 29 February is 4 on 29 February four years later.
  EXPECT_TRUE(iro::check_participation(with_review("2008-02-29", "2012-02-29", Participation::pn2)).empty());
  EXPECT_EQ(iro::check_participation(with_review("2008-02-29", "2012-02-28", Participation::pn2)).size(), 1u);
  iro::Child no_dob = with_review("2008-01-01", "2013-01-01", Participation::pn0);
  no_dob.dob.reset();
  EXPECT_TRUE(iro::check_participation(no_dob).empty());
}

TEST(Child, ValidateRefusesARecordBeforeItsReviewAndAMidwayOutsideCare) {
  iro::Child c = with_review("2010-01-01", "2024-04-19", Participation::pn1);
  c.periods[0].end = Date::parse("2024-09-30");
  c.reviews[0].record_sent = Date::parse("2024-04-19");  // the same day is allowed
  c.midways = {Date::parse("2024-07-01")};
  EXPECT_NO_THROW(iro::validate(c));
  const auto message = [](const iro::Child& child) {
    try {
      iro::validate(child);
    } catch (const iro::Error& e) {
      EXPECT_EQ(e.status(), iro::Status::invalid_argument);
      return std::string(e.what());
    }
    return std::string("no error");
  };
  iro::Child early = c;
  early.reviews[0].record_sent = Date::parse("2024-04-18");
  EXPECT_NE(message(early).find(
                "child \"C9\": reviews[0].record_sent: 2024-04-18 is before the review was held (2024-04-19)"),
            std::string::npos)
      << message(early);
  iro::Child outside = c;
  outside.midways.push_back(Date::parse("2024-10-01"));
  EXPECT_NE(message(outside).find("midways[1]: 2024-10-01 is outside every period of care"), std::string::npos)
      << message(outside);
}

TEST(Child, EveryParticipationCodeHasItsText) {  // PN0 too (a mutation survivor)
  for (int i = 0; i <= 7; ++i) {
    EXPECT_EQ(iro::participation_code(static_cast<Participation>(i)), "PN" + std::to_string(i));
  }
}

// Issue 15: one definition of "looked after on a day", shared by the report (and stated in FORMAT.md).
TEST(Child, TimesInCareJoinAbuttingPeriodsAndEndAtEighteen) {
  iro::Child c;
  c.id = "T";
  c.dob = Date::parse("2006-06-01");
  c.periods.push_back({Date::parse("2020-01-06"), Date::parse("2020-03-01"), iro::Regime::standard, {}});
  c.periods.push_back({Date::parse("2020-03-01"), Date::parse("2020-05-01"), iro::Regime::standard, {}});  // abuts
  c.periods.push_back({Date::parse("2021-01-04"), std::nullopt, iro::Regime::standard, {}});  // open past 18
  c.periods.push_back({Date::parse("2024-07-01"), std::nullopt, iro::Regime::standard, {}});  // after 18: not care
  std::vector<iro::TimeInCare> times;
  iro::times_in_care(c, times);
  ASSERT_EQ(times.size(), 2u);
  EXPECT_EQ(times[0].start, Date::parse("2020-01-06"));
  EXPECT_EQ(times[0].end, Date::parse("2020-05-01"));
  EXPECT_EQ(times[1].end, Date::parse("2024-06-01"));
  EXPECT_TRUE(iro::looked_after_on(c, Date::parse("2020-03-01")));   // the join is in care
  EXPECT_FALSE(iro::looked_after_on(c, Date::parse("2020-05-01")));  // the end is the first day out
  EXPECT_TRUE(times[0].holds(Date::parse("2020-05-01")));            // ... though a review that day is held in it
  EXPECT_TRUE(iro::looked_after_on(c, Date::parse("2024-05-31")));
  EXPECT_FALSE(iro::looked_after_on(c, Date::parse("2024-06-01")));  // the 18th birthday
  EXPECT_FALSE(iro::looked_after_on(c, Date::parse("2024-08-01")));
  c.dob.reset();
  iro::times_in_care(c, times);
  EXPECT_EQ(times.size(), 3u);
  EXPECT_TRUE(iro::looked_after_on(c, Date::parse("2024-08-01")));
}

TEST(Child, AgeAndTheDfeAgeBands) {
  const auto d = [](const char* s) { return iro::Date::parse(s); };
  EXPECT_EQ(iro::age_on(d("2010-06-15"), d("2024-06-14")), 13);
  EXPECT_EQ(iro::age_on(d("2010-06-15"), d("2024-06-15")), 14);
  EXPECT_EQ(iro::age_on(d("2010-06-15"), d("2010-06-15")), 0);
  EXPECT_EQ(iro::age_on(d("2010-06-15"), d("2009-01-01")), 0);  // before birth
  // 29 February: 1 on 1 March 2021, not on 28 February (as eighteenth_birthday() has it).
  EXPECT_EQ(iro::age_on(d("2020-02-29"), d("2021-02-28")), 0);
  EXPECT_EQ(iro::age_on(d("2020-02-29"), d("2021-03-01")), 1);
  EXPECT_EQ(iro::age_on(d("2020-02-29"), d("2024-02-29")), 4);
  const iro::Date dob = d("2010-01-01");
  EXPECT_EQ(iro::age_band(dob, d("2010-12-31")), iro::AgeBand::under_1);
  EXPECT_EQ(iro::age_band(dob, d("2011-01-01")), iro::AgeBand::one_to_4);
  EXPECT_EQ(iro::age_band(dob, d("2014-12-31")), iro::AgeBand::one_to_4);
  EXPECT_EQ(iro::age_band(dob, d("2015-01-01")), iro::AgeBand::five_to_9);
  EXPECT_EQ(iro::age_band(dob, d("2019-12-31")), iro::AgeBand::five_to_9);
  EXPECT_EQ(iro::age_band(dob, d("2020-01-01")), iro::AgeBand::ten_to_15);
  EXPECT_EQ(iro::age_band(dob, d("2025-12-31")), iro::AgeBand::ten_to_15);
  EXPECT_EQ(iro::age_band(dob, d("2026-01-01")), iro::AgeBand::sixteen_plus);
  EXPECT_STREQ(iro::age_band_name(iro::AgeBand::ten_to_15), "10_15");
  EXPECT_STREQ(iro::age_band_words(iro::AgeBand::sixteen_plus), "16 and over");
  EXPECT_STREQ(iro::age_band_name(static_cast<iro::AgeBand>(9)), "unknown");
  EXPECT_STREQ(iro::age_band_words(static_cast<iro::AgeBand>(-1)), "unknown");
}

TEST(Child, EveryParticipationCodeHasTheDfeWording) {
  EXPECT_STREQ(iro::participation_wording(iro::Participation::pn0), "Child aged under 4 at the time of the review");
  EXPECT_STREQ(iro::participation_wording(iro::Participation::pn7),
               "Child does not attend nor are his or her views conveyed to the review");
  std::set<std::string> distinct;
  for (int c = 0; c <= 7; ++c) {
    const std::string w = iro::participation_wording(static_cast<iro::Participation>(c));
    EXPECT_EQ(w.rfind("Child ", 0), 0u) << c;
    distinct.insert(w);
  }
  EXPECT_EQ(distinct.size(), 8u);
  EXPECT_STREQ(iro::participation_wording(iro::Participation::none), "");
}

TEST(Child, ParticipationAgainstAgeAtOneReview) {
  const Date dob = Date::parse("2020-06-01");
  EXPECT_FALSE(iro::participation_age_issue(dob, Date::parse("2024-06-01"), Participation::pn0));  // the birthday
  EXPECT_FALSE(iro::participation_age_issue(dob, Date::parse("2024-06-01"), Participation::pn2));
  EXPECT_TRUE(iro::participation_age_issue(dob, Date::parse("2024-06-02"), Participation::pn0));
  EXPECT_TRUE(iro::participation_age_issue(dob, Date::parse("2024-05-31"), Participation::pn7));
  EXPECT_FALSE(iro::participation_age_issue(dob, Date::parse("2021-01-01"), Participation::none));
  EXPECT_EQ(*iro::participation_age_issue(dob, Date::parse("2024-05-31"), Participation::pn7),
            "PN7 is for a child of 4 or over, but the child was under 4 (4th birthday 2024-06-01); use PN0");
}

TEST(Child, ACancellationReasonIsForACancelledReviewAndAnExceptionForAHeldOne) {
  iro::Child c;
  c.id = "K";
  c.periods.push_back({Date::parse("2024-01-08"), std::nullopt, iro::Regime::standard, {}});
  iro::Review held{Date::parse("2024-02-01"), false, Participation::none, iro::ReviewReason::scheduled, std::nullopt};
  held.exception_reason = "to follow a court hearing";
  iro::Review cancelled{Date::parse("2024-01-30"), true, Participation::none, iro::ReviewReason::scheduled,
                        std::nullopt};
  cancelled.cancellation_reason = "carer unavailable";
  c.reviews = {held, cancelled};
  EXPECT_NO_THROW(iro::validate(c));
  c.reviews[0].cancellation_reason = "IRO unavailable";  // a held review was not cancelled
  EXPECT_THROW(iro::validate(c), iro::Error);
  c.reviews[0].cancellation_reason.clear();
  c.reviews[1].exception_reason = "placement move";  // a cancelled review was never late
  EXPECT_THROW(iro::validate(c), iro::Error);
}
