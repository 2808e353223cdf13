// Tests of include/iro/core/calendar.hpp: the built-in England and Wales calendar against the GOV.UK list,
// the O(1) operations against a plain day loop, the GOV.UK reader's errors, closures and updates.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>

#include "iro/core/calendar.hpp"
#include "iro/core/error.hpp"
#include "failure.hpp"

using iro::Calendar;
using iro::Date;
using iro::Status;
using iro::test::failure;

namespace {

const std::string data_dir = IRO_TEST_DATA;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const Calendar& builtin() {
  static const Calendar cal = Calendar::england_and_wales();
  return cal;
}

const Calendar& govuk() {
  static const Calendar cal = Calendar::from_govuk_file(data_dir + "/bank-holidays.json", "england-and-wales");
  return cal;
}

Date d(const char* text) { return Date::parse(text); }

// The oracle: a day loop over the calendar's own working-day predicate.
Date loop_add(const Calendar& cal, Date from, int n) {
  Date day = from;
  const int step = n < 0 ? -1 : 1;
  for (int counted = 0; counted != n;) {
    day = day.add_days(step);
    if (cal.is_working_day(day)) counted += step;
  }
  return day;
}

int loop_between(const Calendar& cal, Date a, Date b) {
  int count = 0;
  for (Date x = a; x < b;) {
    x = x.add_days(1);
    count += cal.is_working_day(x);
  }
  for (Date x = b; x < a;) {
    x = x.add_days(1);
    count -= cal.is_working_day(x);
  }
  return count;
}

}  // namespace

TEST(CalendarBuiltin, MatchesEveryGovukHolidayAndNoOtherWeekday2012To2027) {
  const nlohmann::json doc = nlohmann::json::parse(slurp(data_dir + "/bank-holidays.json"));
  std::map<Date, std::string> published;
  for (const auto& e : doc["england-and-wales"]["events"]) {
    published[Date::parse(e["date"].get<std::string>())] = e["title"].get<std::string>();
  }
  ASSERT_EQ(published.size(), 132u);
  const auto listed = builtin().holidays(d("2012-01-01"), d("2027-12-31"));
  std::map<Date, std::string> ours;
  for (const auto& h : listed) ours[h.date] = h.name;
  EXPECT_EQ(ours, published);
  for (Date x = d("2012-01-01"); x <= d("2027-12-31"); x = x.add_days(1)) {
    ASSERT_EQ(builtin().is_working_day(x), !x.is_weekend() && published.count(x) == 0) << x;
  }
}

TEST(CalendarBuiltin, RangeConfirmationAndProjection) {
  EXPECT_EQ(builtin().range_first(), d("1970-01-01"));
  EXPECT_EQ(builtin().range_last(), d("2199-12-31"));
  EXPECT_EQ(builtin().confirmed_through(), 2027);
  EXPECT_EQ(builtin().division(), "england-and-wales");
  EXPECT_FALSE(builtin().is_projected(d("2027-12-28")));
  EXPECT_TRUE(builtin().is_projected(d("2028-01-03")));
  const auto h2028 = builtin().holidays(d("2028-01-01"), d("2028-12-31"));
  ASSERT_EQ(h2028.size(), 8u);
  for (const auto& h : h2028) EXPECT_TRUE(h.projected) << h.date;
  EXPECT_FALSE(builtin().holidays(d("2027-01-01"), d("2027-12-31")).front().projected);
}

TEST(CalendarBuiltin, MovedAndOneOffDaysBefore2012) {
  const char* holidays[] = {"1995-05-08", "2020-05-08", "2002-06-04", "2012-06-04", "2022-06-02", "1999-12-31",
                            "2002-06-03", "2011-04-29", "2012-06-05", "2022-06-03", "2022-09-19", "2023-05-08",
                            "1981-07-29", "1977-06-07", "2000-01-03", "1978-05-01"};
  for (const char* h : holidays) EXPECT_FALSE(builtin().is_working_day(d(h))) << h;
  const char* working[] = {"1995-05-01", "2020-05-04", "2002-05-27", "2012-05-28",
                           "2022-05-30", "1973-01-01", "1977-05-02", "1970-05-04"};
  for (const char* w : working) EXPECT_TRUE(builtin().is_working_day(d(w))) << w;
  EXPECT_EQ(builtin().holiday_on(d("2011-04-29"))->name, "Royal wedding");
  EXPECT_EQ(builtin().holiday_on(d("2024-03-23")), nullptr);  // a Saturday is not a holiday
}

// Exhaustive: every anchor in the range, every n in [-70, 70], against the day loop, walking once
// per anchor and direction.
TEST(CalendarOps, AddWorkingDaysAgreesWithTheDayLoopEverywhere) {
  const Calendar& cal = builtin();
  for (std::int32_t day_count = cal.range_first().days(); day_count <= cal.range_last().days(); ++day_count) {
    const Date a = Date::from_days(day_count);
    for (int step : {1, -1}) {
      Date day = a;
      int counted = 0;
      while (counted != 70 * step) {
        if ((step > 0 && day == cal.range_last()) || (step < 0 && day == cal.range_first())) break;
        day = day.add_days(step);
        if (!cal.is_working_day(day)) continue;
        counted += step;
        ASSERT_EQ(cal.add_working_days(a, counted), day) << a << " + " << counted;
      }
    }
    ASSERT_EQ(cal.add_working_days(a, 0), a);
  }
}

TEST(CalendarOps, BetweenNextAndPreviousAgreeWithTheDayLoop) {
  const Calendar& cal = builtin();
  std::mt19937 rng(20240325);
  std::uniform_int_distribution<std::int32_t> any(cal.range_first().days(), cal.range_last().days());
  std::uniform_int_distribution<std::int32_t> near(-400, 400);
  for (int i = 0; i < 20000; ++i) {
    const Date a = Date::from_days(any(rng));
    const std::int32_t b_days = std::clamp(a.days() + near(rng), cal.range_first().days(), cal.range_last().days());
    const Date b = Date::from_days(b_days);
    const int count = cal.working_days_between(a, b);
    ASSERT_EQ(count, loop_between(cal, a, b)) << a << " " << b;
    ASSERT_EQ(cal.working_days_between(b, a), -count);
    if (cal.is_working_day(b) && (a <= b || cal.is_working_day(a))) {
      ASSERT_EQ(cal.add_working_days(a, count), b) << a << " " << b;
    }
    Date next = a;
    while (!cal.is_working_day(next)) next = next.add_days(1);
    ASSERT_EQ(cal.next_working_day(a), next);
    Date prev = a;
    while (!cal.is_working_day(prev)) prev = prev.add_days(-1);
    ASSERT_EQ(cal.previous_working_day(a), prev);
  }
}

TEST(CalendarOps, LargeSumsAgreeWithTheDayLoop) {
  const Calendar& cal = builtin();
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::int32_t> any(d("1975-01-01").days(), d("2190-01-01").days());
  std::uniform_int_distribution<int> n(-1500, 1500);
  for (int i = 0; i < 300; ++i) {
    const Date a = Date::from_days(any(rng));
    const int k = n(rng);
    ASSERT_EQ(cal.add_working_days(a, k), loop_add(cal, a, k)) << a << " + " << k;
  }
}

TEST(CalendarOps, BatchCallsTakeAnyInt32DayWithoutOverflow) {
  // A calendar starting after 1970 (the GOV.UK list alone: 2012-) once computed INT32_MIN - first in
  // signed arithmetic, which overflows (UBSan stops on it in the sanitizer build).
  const Calendar& cal = govuk();
  ASSERT_GT(cal.range_first().days(), 0);
  for (const std::int32_t bad : {INT32_MIN, INT32_MIN + 1, INT32_MAX, -1, cal.range_first().days() - 1}) {
    const std::int32_t one[] = {bad};
    const std::int32_t good[] = {d("2024-03-25").days()};
    std::int32_t out[1] = {7};
    EXPECT_EQ(cal.add_working_days_batch(one, 1, 0, out), 0u) << bad;
    EXPECT_EQ(cal.add_working_days_batch(one, 1, 5, out), 0u) << bad;
    EXPECT_EQ(cal.working_days_between_batch(one, good, 1, out), 0u) << bad;
    EXPECT_EQ(cal.working_days_between_batch(good, one, 1, out), 0u) << bad;
    EXPECT_EQ(out[0], 7) << "nothing written for a refused item";
  }
}

TEST(CalendarOps, BatchCallsMatchSingleCallsAndStopAtTheFirstBadItem) {
  const Calendar& cal = builtin();
  std::vector<std::int32_t> days = {d("2024-03-25").days(), d("2023-12-22").days(), d("2023-04-08").days()};
  std::vector<std::int32_t> out(3, -1);
  ASSERT_EQ(cal.add_working_days_batch(days.data(), days.size(), 20, out.data()), 3u);
  for (std::size_t i = 0; i < days.size(); ++i) {
    EXPECT_EQ(out[i], cal.add_working_days(Date::from_days(days[i]), 20).days());
  }
  std::vector<std::int32_t> to = {d("2024-04-24").days(), d("2024-01-23").days(), d("2023-04-08").days()};
  std::vector<std::int32_t> counts(3);
  ASSERT_EQ(cal.working_days_between_batch(days.data(), to.data(), 3, counts.data()), 3u);
  EXPECT_EQ(counts[0], 20);
  EXPECT_EQ(counts[2], 0);
  days[1] = d("1969-12-31").days();
  std::fill(out.begin(), out.end(), -1);
  EXPECT_EQ(cal.add_working_days_batch(days.data(), days.size(), 20, out.data()), 1u);
  EXPECT_NE(out[0], -1);
  EXPECT_EQ(out[1], -1);
  EXPECT_EQ(out[2], -1);
  // In place, and a result that would leave the range.
  std::vector<std::int32_t> edge = {d("2199-12-20").days(), d("2199-12-30").days()};
  EXPECT_EQ(cal.add_working_days_batch(edge.data(), 2, 5, edge.data()), 1u);
  EXPECT_EQ(cal.add_working_days_batch(edge.data(), 0, 5, edge.data()), 0u);
}

TEST(CalendarOps, OutOfRangeIsAnErrorNamingTheRange) {
  const Calendar& cal = builtin();
  auto [status, message] = failure([&] { cal.add_working_days(d("1969-12-31"), 1); });
  EXPECT_EQ(status, Status::out_of_range);
  EXPECT_NE(message.find("1970-01-01 to 2199-12-31"), std::string::npos) << message;
  EXPECT_EQ(failure([&] { cal.add_working_days(d("2199-12-30"), 5); }).first, Status::out_of_range);
  EXPECT_EQ(failure([&] { cal.add_working_days(d("1970-01-02"), -5); }).first, Status::out_of_range);
  EXPECT_EQ(failure([&] { cal.working_days_between(d("1960-01-01"), d("2000-01-01")); }).first, Status::out_of_range);
  EXPECT_EQ(failure([&] { cal.is_working_day(d("1969-01-01")); }).first, Status::out_of_range);
  EXPECT_EQ(failure([&] { cal.holidays(d("1969-01-01"), d("1970-12-31")); }).first, Status::out_of_range);
}

TEST(CalendarOps, AnchorConvention) {
  const Calendar& cal = builtin();
  using iro::AnchorConvention;
  EXPECT_EQ(cal.add_working_days(d("2023-12-22"), 20, AnchorConvention::counts_as_day_one), d("2024-01-23"));
  EXPECT_EQ(cal.add_working_days(d("2023-12-22"), 20, AnchorConvention::day_zero), d("2024-01-24"));
  // A non-working anchor changes nothing.
  EXPECT_EQ(cal.add_working_days(d("2023-04-08"), 20, AnchorConvention::counts_as_day_one),
            cal.add_working_days(d("2023-04-08"), 20));
  EXPECT_EQ(cal.add_working_days(d("2024-01-23"), -20, AnchorConvention::counts_as_day_one), d("2023-12-22"));
}

// The dated cases computed for this project (tests/data/peer-cases, see its README): anchor excluded,
// anchor counted, and a council closing on the working days between Boxing Day and New Year's Day.
TEST(CalendarPeerCases, FirstReviewDueDates) {
  std::ifstream in(data_dir + "/peer-cases/first_review_due_working_days.csv");
  std::string line;
  std::getline(in, line);  // header
  int rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) f.push_back(cell);
    const Date start = d(f[1].c_str());
    const int n = std::stoi(f[2]);
    EXPECT_EQ(builtin().add_working_days(start, n), d(f[3].c_str())) << f[0];
    EXPECT_EQ(builtin().add_working_days(start, n, iro::AnchorConvention::counts_as_day_one), d(f[4].c_str())) << f[0];
    std::vector<Date> closure;
    for (int year : {start.year() - 1, start.year()}) {
      for (int day = 27; day <= 31; ++day) {
        const Date c = Date::from_ymd(year, 12, day);
        if (builtin().is_working_day(c)) closure.push_back(c);
      }
    }
    const Calendar council = builtin().with_closures(closure, "Christmas closure");
    EXPECT_EQ(council.add_working_days(start, n), d(f[6].c_str())) << f[0];
    EXPECT_EQ(start.add_weeks(4), d(f[7].c_str())) << f[0];
    ++rows;
  }
  EXPECT_EQ(rows, 9);
}

TEST(CalendarClosures, AreListedAndCountedAndLeaveTheBaseUnchanged) {
  const Calendar council = builtin().with_closures(
      {d("2022-12-28"), d("2022-12-29"), d("2022-12-30"), d("2022-12-31"), d("2022-12-27")}, "Council closure");
  EXPECT_FALSE(council.is_working_day(d("2022-12-28")));
  EXPECT_TRUE(builtin().is_working_day(d("2022-12-28")));
  const auto h = council.holidays(d("2022-12-24"), d("2023-01-03"));
  ASSERT_EQ(h.size(), 6u);                // Boxing Day, Christmas (substitute), three closures, New Year (substitute)
  EXPECT_EQ(h[1].name, "Christmas Day");  // the bank holiday wins over a closure on the same day
  EXPECT_EQ(h[2].kind, iro::HolidayKind::closure);
  EXPECT_EQ(h[2].name, "Council closure");
  EXPECT_EQ(council.add_working_days(d("2022-12-12"), 20), d("2023-01-17"));
  EXPECT_NE(council.source().find("closure"), std::string::npos);
  EXPECT_EQ(failure([&] { builtin().with_closures({d("1960-01-04")}, "x"); }).first, Status::out_of_range);
}

TEST(CalendarGovuk, AFileAloneCoversItsYears) {
  EXPECT_EQ(govuk().range_first(), d("2012-01-01"));
  EXPECT_EQ(govuk().range_last(), d("2027-12-31"));
  EXPECT_EQ(govuk().confirmed_through(), 2027);
  for (Date x = d("2012-01-01"); x <= d("2027-12-31"); x = x.add_days(1)) {
    ASSERT_EQ(govuk().is_working_day(x), builtin().is_working_day(x)) << x;
  }
  EXPECT_TRUE(govuk().holiday_on(d("2016-12-27"))->substitute);
  EXPECT_EQ(failure([&] { govuk().add_working_days(d("2028-01-04"), 1); }).first, Status::out_of_range);
}

TEST(CalendarGovuk, UpdateAddsANewlyProclaimedDayWithoutChangingTheBase) {
  const std::string newer = R"({"england-and-wales": {"division": "england-and-wales", "events": [
      {"title": "New Year’s Day", "date": "2030-01-01", "notes": "", "bunting": true},
      {"title": "Good Friday", "date": "2030-04-19", "notes": "", "bunting": false},
      {"title": "Easter Monday", "date": "2030-04-22", "notes": "", "bunting": true},
      {"title": "Early May bank holiday", "date": "2030-05-06", "notes": "", "bunting": true},
      {"title": "Extra bank holiday", "date": "2030-05-17", "notes": "Extra bank holiday", "bunting": true},
      {"title": "Spring bank holiday", "date": "2030-05-27", "notes": "", "bunting": true},
      {"title": "Summer bank holiday", "date": "2030-08-26", "notes": "", "bunting": true},
      {"title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true},
      {"title": "Boxing Day", "date": "2030-12-26", "notes": "", "bunting": true}]}})";
  const Calendar base = builtin().with_closures({d("2030-12-27")}, "Council closure");
  const Calendar updated = base.updated_with_govuk_json(newer, "england-and-wales", "newer.json");
  EXPECT_FALSE(updated.is_working_day(d("2030-05-17")));
  EXPECT_TRUE(base.is_working_day(d("2030-05-17")));
  EXPECT_FALSE(updated.is_working_day(d("2030-12-27")));  // the closure is kept
  EXPECT_EQ(updated.confirmed_through(), 2030);
  EXPECT_FALSE(updated.holiday_on(d("2030-05-17"))->projected);
  EXPECT_TRUE(updated.holiday_on(d("2029-05-07"))->projected);  // a year the file does not cover
  EXPECT_EQ(updated.holidays(d("2030-01-01"), d("2030-12-31")).size(), 10u);
  // Another division, or a file outside the range, is refused and nothing changes.
  EXPECT_EQ(failure([&] { base.updated_with_govuk_json(newer, "scotland", "newer.json"); }).first,
            Status::invalid_argument);
}

TEST(CalendarGovuk, BadDocumentsGetClearErrors) {
  struct Row {
    std::string text;
    Status status;
    std::string in_message;
  };
  const std::string ok_event = R"({"title": "Boxing Day", "date": "2024-12-26", "notes": "", "bunting": true})";
  const std::vector<Row> rows = {
      {"", Status::parse, "is empty"},
      {"  \n ", Status::parse, "is empty"},
      {"{\"england-and-wales\": {\n  \"events\": [\n    {\"title\": \"x\",, }", Status::parse, "f.json:3:19"},
      {R"({"england-and-wales": {"events": [)" + ok_event, Status::parse, "f.json:1:"},
      {"[1, 2]", Status::parse, "found array"},
      {R"({"scotland": {"events": [)" + ok_event + "]}}", Status::not_found, "the file has \"scotland\""},
      {R"({"england-and-wales": {"events": {}}})", Status::parse, "no \"events\" array"},
      {R"({"england-and-wales": {"events": []}})", Status::invalid_argument, "lists no events"},
      {R"({"england-and-wales": {"events": [{"title": "x", "date": "2023-02-29"}]}})", Status::invalid_date,
       "event 0 (\"x\") field \"date\""},
      {R"({"england-and-wales": {"events": [{"title": "x", "date": "29/02/2024"}]}})", Status::parse, "event 0"},
      {R"({"england-and-wales": {"events": [{"title": "x", "date": 20240101}]}})", Status::parse,
       "no string field \"date\""},
      {R"({"england-and-wales": {"events": [{"date": "2024-01-01"}]}})", Status::parse, "no string field \"title\""},
      {R"({"england-and-wales": {"events": [)" + ok_event + "," + ok_event + "]}}", Status::invalid_argument,
       "event 1 repeats the date 2024-12-26 of event 0"},
      {R"({"england-and-wales": {"events": [{"title": "x", "date": "2024-01-01", "notes": 3}]}})", Status::parse,
       "\"notes\""},
      {R"({"england-and-wales": {"events": ["2024-01-01"]}})", Status::parse, "not an object"},
  };
  for (const Row& r : rows) {
    const auto [status, message] = failure([&] { Calendar::from_govuk_json(r.text, "england-and-wales", "f.json"); });
    EXPECT_EQ(status, r.status) << r.text << "\n" << message;
    EXPECT_NE(message.find(r.in_message), std::string::npos) << message;
    EXPECT_EQ(message.rfind("f.json", 0), 0u) << message;  // names the source first
  }
  EXPECT_EQ(failure([] { Calendar::from_govuk_file(data_dir + "/no-such-file.json", "england-and-wales"); }).first,
            Status::io);
  EXPECT_EQ(failure([] { Calendar::builtin("scotland"); }).first, Status::not_found);
  EXPECT_EQ(failure([] { Calendar::from_govuk_file(data_dir, "england-and-wales"); }).first, Status::io);
}

TEST(CalendarExplain, NamesEveryHolidaySteppedOver) {
  const iro::Explanation e = builtin().explain_add(d("2023-04-28"), 20);
  EXPECT_EQ(e.result, d("2023-05-31"));
  std::set<Date> skipped;
  for (const auto& s : e.skipped) skipped.insert(s.date);
  EXPECT_EQ(skipped.count(d("2023-05-08")), 1u);
  const std::string text = e.text();
  EXPECT_NE(text.find("2023-04-28 + 20 working days = 2023-05-31 (Wednesday)"), std::string::npos) << text;
  EXPECT_NE(text.find("2023-05-01 Early May bank holiday"), std::string::npos) << text;
  EXPECT_NE(text.find("2023-05-08 Bank holiday for the coronation of King Charles III"), std::string::npos) << text;
  EXPECT_NE(text.find("2023-05-29 Spring bank holiday"), std::string::npos) << text;
  EXPECT_NE(text.find("stepped over 10 weekend days and 3 holidays"), std::string::npos) << text;
  EXPECT_NE(builtin().explain_add(d("2031-01-06"), 5).text().find("projected"), std::string::npos);
  EXPECT_NE(builtin().explain_add(d("2024-01-23"), -20).text().find("2024-01-23 - 20 working days = 2023-12-21"),
            std::string::npos);
}

// Issue 14: a substitute day is explained as one (it said plain "Christmas Day" for 2022-12-27).
TEST(Calendar, ExplanationsNameSubstituteDaysAsSuch) {
  const Calendar cal = Calendar::england_and_wales();
  const auto e = cal.explain_add(iro::Date::parse("2022-12-23"), 1);
  EXPECT_EQ(e.result, iro::Date::parse("2022-12-28"));
  bool substitute = false;
  for (const auto& day : e.skipped) substitute = substitute || day.reason == "Christmas Day (substitute day)";
  EXPECT_TRUE(substitute) << e.text();
}

// Issue 14: a JSON object with the same key twice is an error in every JSON reader, not "the last one wins".
TEST(Calendar, AGovukListWithADuplicatedKeyIsRefused) {
  const auto [status, message] = iro::test::failure([] {
    Calendar::from_govuk_json(
        R"({"england-and-wales": {"division": "england-and-wales", "division": "x", "events": []}})",
        "england-and-wales", "bh.json");
  });
  EXPECT_EQ(status, iro::Status::parse);
  EXPECT_NE(message.find("bh.json: malformed JSON (an object has the key \"division\" twice"), std::string::npos)
      << message;
}
