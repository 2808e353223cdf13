// Tests of include/iro/core/date.hpp and include/iro/core/date_boost.hpp.
#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <sstream>

#include "iro/core/date.hpp"
#include "iro/core/date_boost.hpp"
#include "iro/core/error.hpp"
#include "failure.hpp"

using iro::Date;
using iro::Status;
using iro::test::failure;

TEST(Date, EpochAndRangeConstants) {
  EXPECT_EQ(Date().days(), 0);
  EXPECT_EQ(Date().iso(), "1970-01-01");
  EXPECT_EQ(Date::min().iso(), "1900-01-01");
  EXPECT_EQ(Date::max().iso(), "2199-12-31");
  EXPECT_EQ(Date::parse("2024-03-25").days(), 19807);
}

// Every day of the supported range: ymd -> days -> ymd, text -> date -> text, weekday steps by one,
// and Boost agrees on the day count and the weekday.
TEST(Date, ExhaustiveRoundTripOverTheWholeRange) {
  const boost::gregorian::date epoch(1970, 1, 1);
  int expected_weekday = static_cast<int>(Date::min().weekday());
  std::int32_t previous = Date::min_days - 1;
  for (int y = Date::min_year; y <= Date::max_year; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= iro::days_in_month(y, m); ++d) {
        const Date date = Date::from_ymd(y, m, d);
        ASSERT_EQ(date.days(), previous + 1) << y << "-" << m << "-" << d;
        previous = date.days();
        const iro::YearMonthDay f = date.ymd();
        ASSERT_EQ(f.year, y);
        ASSERT_EQ(f.month, m);
        ASSERT_EQ(f.day, d);
        const std::string text = date.iso();
        ASSERT_EQ(Date::parse(text), date) << text;
        ASSERT_EQ(Date::try_parse(text), date);
        ASSERT_EQ(static_cast<int>(date.weekday()), expected_weekday);
        expected_weekday = expected_weekday % 7 + 1;
        const boost::gregorian::date b = iro::to_boost(date);
        ASSERT_EQ((b - epoch).days(), date.days());
        ASSERT_EQ(iro::from_boost(b), date);
        ASSERT_EQ(b.day_of_week().as_number(), static_cast<int>(date.weekday()) % 7);  // Boost: Sunday = 0
      }
    }
  }
  EXPECT_EQ(previous, Date::max_days);
}

TEST(Date, KnownWeekdays) {
  EXPECT_EQ(Date::parse("1970-01-01").weekday(), iro::Weekday::thursday);
  EXPECT_EQ(Date::parse("2024-03-25").weekday(), iro::Weekday::monday);
  EXPECT_EQ(Date::parse("2023-12-25").weekday(), iro::Weekday::monday);
  EXPECT_TRUE(Date::parse("2024-03-23").is_weekend());
  EXPECT_FALSE(Date::parse("2024-03-22").is_weekend());
  EXPECT_STREQ(iro::weekday_name(iro::Weekday::sunday), "Sunday");
}

TEST(Date, MonthsFollowTheCorrespondingDateRule) {
  struct Row {
    const char* from;
    int months;
    const char* expect;
  };
  const Row rows[] = {
      {"2024-08-31", 6, "2025-02-28"},  {"2024-02-29", 6, "2024-08-29"}, {"2023-08-31", 6, "2024-02-29"},
      {"2023-01-31", 3, "2023-04-30"},  {"2023-03-15", 3, "2023-06-15"}, {"2024-05-31", -3, "2024-02-29"},
      {"2024-02-29", 12, "2025-02-28"}, {"2024-12-31", 2, "2025-02-28"}, {"2024-01-31", 1, "2024-02-29"},
      {"2024-03-31", -1, "2024-02-29"}, {"2024-01-15", 0, "2024-01-15"}, {"2024-11-30", 3, "2025-02-28"},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(Date::parse(r.from).add_months(r.months).iso(), r.expect) << r.from << " + " << r.months;
  }
}

// add_months agrees with a direct statement of the rule for every start day of a leap and a common
// year and every offset from -30 to +30 months.
TEST(Date, MonthsAgreeWithTheRuleForManyStarts) {
  for (Date d = Date::parse("2023-01-01"); d <= Date::parse("2024-12-31"); d = d.add_days(1)) {
    for (int n = -30; n <= 30; ++n) {
      const int index = d.year() * 12 + d.month() - 1 + n;
      const int y = index / 12, m = index % 12 + 1;
      const int day = std::min(d.day(), iro::days_in_month(y, m));
      ASSERT_EQ(d.add_months(n), Date::from_ymd(y, m, day)) << d << " + " << n;
    }
  }
}

TEST(Date, WeeksAndDays) {
  EXPECT_EQ(Date::parse("2024-09-02").add_weeks(4).iso(), "2024-09-30");
  EXPECT_EQ(Date::parse("2024-03-01").add_days(-1).iso(), "2024-02-29");
  EXPECT_EQ(Date::parse("2024-03-01") - Date::parse("2024-02-01"), 29);
}

TEST(Date, ArithmeticThatLeavesTheRangeIsAnError) {
  EXPECT_EQ(failure([] { Date::max().add_days(1); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::min().add_days(-1); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::min().add_days(INT64_MAX); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::max().add_weeks(1); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::max().add_weeks(INT64_MIN); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::parse("2199-10-31").add_months(3); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::min().add_months(-1); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::min().add_months(INT64_MIN); }).first, Status::out_of_range);
  EXPECT_EQ(Date::parse("2199-09-30").add_months(3).iso(), "2199-12-30");
  EXPECT_EQ(Date::min().add_days(Date::max_days - Date::min_days), Date::max());
}

TEST(Date, StrictParsing) {
  struct Row {
    const char* text;
    Status status;
  };
  const Row rows[] = {
      {"2023-02-29", Status::invalid_date},
      {"2024-13-01", Status::invalid_date},
      {"2024-00-10", Status::invalid_date},
      {"2024-04-31", Status::invalid_date},
      {"2024-01-00", Status::invalid_date},
      {" 2024-01-01", Status::parse},
      {"2024-01-01 ", Status::parse},
      {"2024-1-1", Status::parse},
      {"20240101", Status::parse},
      {"2024/01/01", Status::parse},
      {"", Status::parse},
      {"+024-01-01", Status::parse},
      {"1899-12-31", Status::out_of_range},
      {"2200-01-01", Status::out_of_range},
      {"0000-01-01", Status::out_of_range},
      {"2024-01-01T00:00", Status::parse},
      {"２０２４-01-01", Status::parse},
  };
  for (const Row& r : rows) {
    const auto [status, message] = failure([&] { Date::parse(r.text); });
    EXPECT_EQ(status, r.status) << r.text;
    EXPECT_FALSE(Date::try_parse(r.text).has_value()) << r.text;
    EXPECT_NE(message.find(iro::quote(r.text)), std::string::npos) << message;
  }
  EXPECT_NE(failure([] { Date::parse("2023-02-29"); }).second.find("February 2023, which has 28 days"),
            std::string::npos);
  EXPECT_TRUE(Date::parse("2024-02-29").ymd().day == 29);
}

TEST(Date, FieldsAreCheckedNeverNormalised) {
  EXPECT_EQ(failure([] { Date::from_ymd(2023, 2, 29); }).first, Status::invalid_date);
  EXPECT_EQ(failure([] { Date::from_ymd(2024, 13, 1); }).first, Status::invalid_date);
  EXPECT_EQ(failure([] { Date::from_ymd(2024, 1, 32); }).first, Status::invalid_date);
  EXPECT_EQ(failure([] { Date::from_ymd(1899, 12, 31); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::from_ymd(2200, 1, 1); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::from_days(Date::max_days + 1); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::from_days(INT64_MIN); }).first, Status::out_of_range);
  EXPECT_EQ(failure([] { Date::from_days(Date::min_days); }).first, Status::ok);
}

TEST(Date, StreamsAndHashes) {
  std::ostringstream s;
  s << Date::parse("2025-02-28");
  EXPECT_EQ(s.str(), "2025-02-28");
  EXPECT_EQ(std::hash<Date>()(Date::parse("2025-02-28")), std::hash<Date>()(Date::parse("2025-02-28")));
}

TEST(DateBoost, SpecialValuesAreRefused) {
  EXPECT_EQ(failure([] { iro::from_boost(boost::gregorian::date(boost::date_time::not_a_date_time)); }).first,
            Status::invalid_date);
  EXPECT_EQ(failure([] { iro::from_boost(boost::gregorian::date(1800, 1, 1)); }).first, Status::out_of_range);
}
