// Tests of capi/iro.h through the shared library: statuses, messages, NULL arguments, buffers, batches,
// per-thread messages. (The C99 compile test and the C program are separate ctest entries.)
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "capi_helpers.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

namespace {

struct CalendarFixture : ::testing::Test {
  iro_calendar* cal = nullptr;
  void SetUp() override { ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK) << last(); }
  void TearDown() override { iro_calendar_free(cal); }
};

}  // namespace

TEST(CApiVersion, MatchesTheHeader) {
  EXPECT_STREQ(iro_version_string(), IRO_VERSION_STRING);
  EXPECT_EQ(iro_version_number(), IRO_VERSION_NUMBER);
  EXPECT_EQ(iro_abi_version(), IRO_ABI_VERSION);
}

TEST(CApiStatus, NamesArePinned) {
  EXPECT_STREQ(iro_status_name(IRO_OK), "IRO_OK");
  EXPECT_STREQ(iro_status_name(IRO_E_INVALID_ARGUMENT), "IRO_E_INVALID_ARGUMENT");
  EXPECT_STREQ(iro_status_name(IRO_E_INTERNAL), "IRO_E_INTERNAL");
  EXPECT_STREQ(iro_status_name(-3), "IRO_E_UNKNOWN");
  EXPECT_STREQ(iro_status_name(1000), "IRO_E_UNKNOWN");
  // The numbers themselves are the contract.
  EXPECT_EQ(IRO_E_OUT_OF_RANGE, 2);
  EXPECT_EQ(IRO_E_INVALID_DATE, 3);
  EXPECT_EQ(IRO_E_PARSE, 4);
  EXPECT_EQ(IRO_E_BUFFER_TOO_SMALL, 5);
  EXPECT_EQ(IRO_E_NOT_FOUND, 6);
  EXPECT_EQ(IRO_E_IO, 7);
  EXPECT_EQ(IRO_E_NO_MEMORY, 8);
  EXPECT_EQ(IRO_E_RULE_VIOLATION, 9);
}

TEST(CApiDates, RoundTripsAndArithmetic) {
  int32_t d = 0, y = 0, m = 0, dd = 0, w = 0;
  ASSERT_EQ(iro_date_from_ymd(2024, 8, 31, &d), IRO_OK);
  EXPECT_EQ(last(), "");
  ASSERT_EQ(iro_date_to_ymd(d, &y, &m, &dd), IRO_OK);
  EXPECT_EQ(y * 10000 + m * 100 + dd, 20240831);
  ASSERT_EQ(iro_date_weekday(d, &w), IRO_OK);
  EXPECT_EQ(w, 6);  // Saturday
  int32_t out = 0;
  ASSERT_EQ(iro_date_add_months(d, 6, &out), IRO_OK);
  EXPECT_EQ(out, day("2025-02-28"));
  ASSERT_EQ(iro_date_add_months(day("2024-02-29"), 6, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-08-29"));
  ASSERT_EQ(iro_date_add_weeks(day("2024-09-02"), 4, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-09-30"));
  ASSERT_EQ(iro_date_add_days(IRO_DATE_MAX, -1, &out), IRO_OK);
  EXPECT_EQ(iro_date_check(IRO_DATE_MIN), IRO_OK);
  EXPECT_EQ(iro_date_check(IRO_DATE_MAX + 1), IRO_E_OUT_OF_RANGE);
}

TEST(CApiDates, BadInputGetsASpecificStatusAndAMessageNamingTheValue) {
  int32_t d = 12345;
  struct Row {
    const char* text;
    int32_t status;
  };
  const Row rows[] = {{"2023-02-29", IRO_E_INVALID_DATE}, {"2024-13-01", IRO_E_INVALID_DATE},
                      {" 2024-01-01", IRO_E_PARSE},       {"2024-1-1", IRO_E_PARSE},
                      {"1899-12-31", IRO_E_OUT_OF_RANGE}, {"2200-01-01", IRO_E_OUT_OF_RANGE}};
  for (const Row& r : rows) {
    EXPECT_EQ(iro_date_parse(r.text, &d), r.status) << r.text;
    EXPECT_EQ(d, 12345) << "out-parameter written on failure";
    EXPECT_NE(last().find(std::string("\"") + r.text + "\""), std::string::npos) << last();
    EXPECT_EQ(last().rfind("iro_date_parse: ", 0), 0u) << last();
  }
  EXPECT_EQ(iro_date_from_ymd(2023, 2, 29, &d), IRO_E_INVALID_DATE);
  EXPECT_NE(last().find("February 2023"), std::string::npos);
  EXPECT_EQ(iro_date_from_ymd(2024, 13, 1, &d), IRO_E_INVALID_DATE);
  EXPECT_EQ(iro_date_from_ymd(1899, 12, 31, &d), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_date_add_days(IRO_DATE_MAX, 1, &d), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_date_add_days(IRO_DATE_MAX + 1, -1, &d), IRO_E_OUT_OF_RANGE);
  EXPECT_NE(last().find("84006"), std::string::npos) << last();
  EXPECT_EQ(iro_date_add_months(day("2199-12-01"), 1, &d), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_date_add_weeks(0, INT32_MAX, &d), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_date_add_months(0, INT32_MIN, &d), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(d, 12345);
}

TEST(CApiDates, NullPointersAreRefused) {
  int32_t d = 0;
  EXPECT_EQ(iro_date_parse(nullptr, &d), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("text is NULL"), std::string::npos) << last();
  EXPECT_EQ(iro_date_parse("2024-01-01", nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_from_ymd(2024, 1, 1, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_to_ymd(0, &d, &d, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_weekday(0, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_add_days(0, 1, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_add_weeks(0, 1, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_add_months(0, 1, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_format(0, nullptr, 11, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_add_months_batch(nullptr, 1, 1, &d), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_add_months_batch(&d, 1, 1, nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_date_add_months_batch(nullptr, 0, 1, nullptr), IRO_OK);
}

TEST(CApiDates, FormatReportsTheSizeNeeded) {
  char buf[IRO_DATE_ISO_SIZE];
  size_t needed = 0;
  EXPECT_EQ(iro_date_format(0, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(needed, static_cast<size_t>(IRO_DATE_ISO_SIZE));
  std::memset(buf, 'x', sizeof buf);
  EXPECT_EQ(iro_date_format(0, buf, 10, &needed), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(buf[0], 'x') << "nothing written to a short buffer";
  EXPECT_NE(last().find("11 bytes"), std::string::npos) << last();
  ASSERT_EQ(iro_date_format(day("2025-02-28"), buf, sizeof buf, nullptr), IRO_OK);
  EXPECT_STREQ(buf, "2025-02-28");
  EXPECT_EQ(iro_date_format(IRO_DATE_MIN - 1, buf, sizeof buf, nullptr), IRO_E_OUT_OF_RANGE);
}

TEST(CApiDates, BatchWritesUpToTheFailingItem) {
  std::vector<int32_t> days = {day("2024-08-31"), day("2199-12-31"), day("2024-01-31")};
  std::vector<int32_t> out(3, -1);
  EXPECT_EQ(iro_date_add_months_batch(days.data(), days.size(), 1, out.data()), IRO_E_OUT_OF_RANGE);
  EXPECT_NE(last().find("item 1"), std::string::npos) << last();
  EXPECT_EQ(out[0], day("2024-09-30"));
  EXPECT_EQ(out[1], -1);
  EXPECT_EQ(out[2], -1);
  days[1] = day("2023-08-31");
  ASSERT_EQ(iro_date_add_months_batch(days.data(), days.size(), 6, days.data()), IRO_OK);
  EXPECT_EQ(days[1], day("2024-02-29"));
}

TEST(CApiErrors, MessagesArePerThread) {
  int32_t d = 0;
  ASSERT_EQ(iro_date_parse("bad", &d), IRO_E_PARSE);
  std::string other;
  std::thread t([&] {
    other = iro_last_error_message();
    iro_date_from_ymd(2023, 2, 29, &d);
  });
  t.join();
  EXPECT_EQ(other, "");
  EXPECT_NE(last().find("\"bad\""), std::string::npos);
  ASSERT_EQ(iro_date_parse("2024-01-01", &d), IRO_OK);
  EXPECT_EQ(last(), "");
}

TEST_F(CalendarFixture, WorkingDaySums) {
  int32_t out = 0, is = 0;
  ASSERT_EQ(iro_calendar_add_working_days(cal, day("2024-03-25"), 20, &out), IRO_OK);
  EXPECT_EQ(out, day("2024-04-24"));
  ASSERT_EQ(iro_calendar_add_working_days(cal, day("2022-09-05"), 20, &out), IRO_OK);
  EXPECT_EQ(out, day("2022-10-04"));
  ASSERT_EQ(iro_calendar_working_days_between(cal, day("2022-09-05"), day("2022-10-04"), &out), IRO_OK);
  EXPECT_EQ(out, 20);
  ASSERT_EQ(iro_calendar_working_days_between(cal, day("2022-10-04"), day("2022-09-05"), &out), IRO_OK);
  EXPECT_EQ(out, -20);
  ASSERT_EQ(iro_calendar_is_working_day(cal, day("2023-05-08"), &is), IRO_OK);
  EXPECT_EQ(is, 0);
  ASSERT_EQ(iro_calendar_next_working_day(cal, day("2023-05-06"), &out), IRO_OK);
  EXPECT_EQ(out, day("2023-05-09"));
  ASSERT_EQ(iro_calendar_previous_working_day(cal, day("2023-05-08"), &out), IRO_OK);
  EXPECT_EQ(out, day("2023-05-05"));
  int32_t first = 0, lastday = 0, confirmed = 0;
  ASSERT_EQ(iro_calendar_info(cal, &first, &lastday, &confirmed), IRO_OK);
  EXPECT_EQ(first, day("1970-01-01"));
  EXPECT_EQ(lastday, IRO_DATE_MAX);
  EXPECT_EQ(confirmed, 2027);
  const char* division = nullptr;
  const char* source = nullptr;
  ASSERT_EQ(iro_calendar_describe(cal, &division, &source), IRO_OK);
  EXPECT_STREQ(division, "england-and-wales");
}

TEST_F(CalendarFixture, BatchesAndTheirFailures) {
  std::vector<int32_t> days = {day("2024-03-25"), day("2022-09-05"), day("1960-01-01"), day("2024-01-01")};
  std::vector<int32_t> out(4, -1);
  EXPECT_EQ(iro_calendar_add_working_days_batch(cal, days.data(), days.size(), 20, out.data()), IRO_E_OUT_OF_RANGE);
  EXPECT_NE(last().find("item 2"), std::string::npos) << last();
  EXPECT_NE(last().find("1960-01-01"), std::string::npos) << last();
  EXPECT_EQ(out[1], day("2022-10-04"));
  EXPECT_EQ(out[2], -1);
  days[2] = day("2199-12-30");  // the anchor is fine, the result is not
  EXPECT_EQ(iro_calendar_add_working_days_batch(cal, days.data(), days.size(), 20, out.data()), IRO_E_OUT_OF_RANGE);
  EXPECT_NE(last().find("item 2: 2199-12-30 + 20 working days falls outside"), std::string::npos) << last();
  days[2] = day("2024-01-01");
  ASSERT_EQ(iro_calendar_add_working_days_batch(cal, days.data(), days.size(), 20, out.data()), IRO_OK);
  std::vector<int32_t> counts(4);
  ASSERT_EQ(iro_calendar_working_days_between_batch(cal, days.data(), out.data(), 4, counts.data()), IRO_OK);
  for (int32_t c : counts) EXPECT_EQ(c, 20);
  days[3] = IRO_DATE_MAX + 5;
  EXPECT_EQ(iro_calendar_working_days_between_batch(cal, days.data(), out.data(), 4, counts.data()),
            IRO_E_OUT_OF_RANGE);
  EXPECT_NE(last().find("item 3"), std::string::npos) << last();
  EXPECT_EQ(iro_calendar_add_working_days_batch(cal, nullptr, 0, 20, nullptr), IRO_OK);
  EXPECT_EQ(iro_calendar_add_working_days_batch(cal, nullptr, 2, 20, out.data()), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_calendar_add_working_days_batch(nullptr, days.data(), 1, 20, out.data()), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("calendar is NULL"), std::string::npos) << last();
}

TEST_F(CalendarFixture, HolidaysWithNamesAndSizeQuery) {
  size_t count = 0;
  EXPECT_EQ(iro_calendar_holidays(cal, day("2022-01-01"), day("2022-12-31"), nullptr, 0, &count),
            IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, 10u);  // the 8 usual days (one a substitute), the Platinum Jubilee, the state funeral
  std::vector<iro_holiday> list(count);
  ASSERT_EQ(iro_calendar_holidays(cal, day("2022-01-01"), day("2022-12-31"), list.data(), list.size(), &count), IRO_OK);
  EXPECT_EQ(list[0].day, day("2022-01-03"));
  EXPECT_EQ(list[0].substitute, 1);
  EXPECT_STREQ(list[7].name, "Bank Holiday for the State Funeral of Queen Elizabeth II");
  EXPECT_EQ(list[7].kind, IRO_HOLIDAY_BANK);
  EXPECT_EQ(list[7].projected, 0);
  ASSERT_EQ(iro_calendar_holidays(cal, day("2022-12-31"), day("2022-01-01"), nullptr, 0, &count), IRO_OK);
  EXPECT_EQ(count, 0u);
}

TEST_F(CalendarFixture, ClosuresMakeANewCalendar) {
  const int32_t closure[] = {day("2024-12-27"), day("2024-12-30"), day("2024-12-31")};
  iro_calendar* council = nullptr;
  ASSERT_EQ(iro_calendar_new_with_closures(cal, closure, 3, "Christmas closure", &council), IRO_OK);
  int32_t out = 0;
  ASSERT_EQ(iro_calendar_add_working_days(council, day("2024-12-23"), 20, &out), IRO_OK);
  EXPECT_EQ(out, day("2025-01-28"));
  ASSERT_EQ(iro_calendar_add_working_days(cal, day("2024-12-23"), 20, &out), IRO_OK);
  EXPECT_EQ(out, day("2025-01-23"));
  iro_holiday h[8];
  size_t count = 0;
  ASSERT_EQ(iro_calendar_holidays(council, day("2024-12-27"), day("2024-12-27"), h, 8, &count), IRO_OK);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(h[0].kind, IRO_HOLIDAY_CLOSURE);
  EXPECT_STREQ(h[0].name, "Christmas closure");
  iro_calendar_free(council);
  const int32_t bad[] = {day("2024-12-27"), day("1950-01-02")};
  council = reinterpret_cast<iro_calendar*>(0x1);
  EXPECT_EQ(iro_calendar_new_with_closures(cal, bad, 2, "x", &council), IRO_E_OUT_OF_RANGE);
  EXPECT_NE(last().find("closure day 1 (1950-01-02)"), std::string::npos) << last();
  EXPECT_EQ(council, reinterpret_cast<iro_calendar*>(0x1)) << "out written on failure";
}

TEST_F(CalendarFixture, ExplainWithSizeQuery) {
  size_t needed = 0;
  EXPECT_EQ(iro_calendar_explain_add(cal, day("2023-04-28"), 20, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string text(needed, '\0');
  ASSERT_EQ(iro_calendar_explain_add(cal, day("2023-04-28"), 20, text.data(), text.size(), nullptr), IRO_OK);
  EXPECT_EQ(text.size(), std::strlen(text.c_str()) + 1);
  EXPECT_NE(text.find("Bank holiday for the coronation of King Charles III"), std::string::npos) << text;
}

TEST(CApiCalendar, LoadingErrors) {
  iro_calendar* cal = nullptr;
  EXPECT_EQ(iro_calendar_new_builtin("scotland", &cal), IRO_E_NOT_FOUND);
  EXPECT_NE(last().find("england-and-wales"), std::string::npos) << last();
  EXPECT_EQ(iro_calendar_new_builtin(nullptr, &cal), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_calendar_new_builtin("england-and-wales", nullptr), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_calendar_new_from_govuk_file("/nonexistent/bank-holidays.json", "england-and-wales", &cal), IRO_E_IO);
  EXPECT_NE(last().find("/nonexistent/bank-holidays.json"), std::string::npos) << last();
  const std::string data = std::string(IRO_TEST_DATA) + "/bank-holidays.json";
  EXPECT_EQ(iro_calendar_new_from_govuk_file(data.c_str(), "wales", &cal), IRO_E_NOT_FOUND);
  EXPECT_NE(last().find("the file has \"england-and-wales\""), std::string::npos) << last();
  const char truncated[] = "{\"england-and-wales\": {\"events\": [";
  EXPECT_EQ(iro_calendar_new_from_govuk_text(truncated, sizeof truncated - 1, "england-and-wales", &cal), IRO_E_PARSE);
  EXPECT_NE(last().find(":1:"), std::string::npos) << last();
  EXPECT_EQ(iro_calendar_new_from_govuk_text(nullptr, 0, "england-and-wales", &cal), IRO_E_PARSE);  // empty
  EXPECT_EQ(cal, nullptr);
  ASSERT_EQ(iro_calendar_new_from_govuk_file(data.c_str(), "england-and-wales", &cal), IRO_OK) << last();
  iro_calendar* updated = nullptr;
  ASSERT_EQ(iro_calendar_new_updated(cal, data.c_str(), "england-and-wales", &updated), IRO_OK) << last();
  iro_calendar_free(updated);
  EXPECT_EQ(iro_calendar_new_updated(cal, data.c_str(), "scotland", &updated), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("cannot update a calendar of \"england-and-wales\""), std::string::npos) << last();
  iro_calendar_free(cal);
  iro_calendar_free(nullptr);
}

TEST(CApiCalendar, OneCalendarSharedByManyThreads) {
  iro_calendar* cal = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  std::vector<int32_t> days(5000);
  for (size_t i = 0; i < days.size(); ++i) days[i] = day("2012-01-01") + static_cast<int32_t>(i);
  std::vector<int32_t> expect(days.size());
  ASSERT_EQ(iro_calendar_add_working_days_batch(cal, days.data(), days.size(), 20, expect.data()), IRO_OK);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::vector<int32_t> out(days.size());
      for (int round = 0; round < 50; ++round) {
        if (iro_calendar_add_working_days_batch(cal, days.data(), days.size(), 20, out.data()) != IRO_OK) return;
        if (out != expect) return;
      }
      ok[static_cast<size_t>(t)] = 1;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, std::vector<int>(4, 1));
  iro_calendar_free(cal);
}

TEST(CApiHandles, AHandleMadeFromAnotherOutlivesIt) {
  // iro.h convention 7: derived handles hold their own copies.
  iro_calendar* base = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &base), IRO_OK);
  const int32_t closure[] = {19723 + 1};  // 2024-01-02
  iro_calendar* closed = nullptr;
  ASSERT_EQ(iro_calendar_new_with_closures(base, closure, 1, "Council closure", &closed), IRO_OK);
  iro_policy* policy = nullptr;
  ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
  iro_disputes* disputes = nullptr;
  ASSERT_EQ(iro_disputes_new(policy, base, &disputes), IRO_OK);
  iro_calendar_free(base);
  iro_policy_free(policy);
  int32_t out = 0;
  ASSERT_EQ(iro_calendar_add_working_days(closed, 19723, 1, &out), IRO_OK);
  EXPECT_EQ(out, 19723 + 2);  // 2024-01-02 is closed: the next working day is 2024-01-03
  EXPECT_EQ(iro_disputes_add(disputes, "D1", "C1", "I1", ""), IRO_OK);
  iro_disputes_free(disputes);
  iro_calendar_free(closed);
}

TEST(CApiCalendar, BetweenBatchMayWriteOverItsInput) {
  iro_calendar* cal = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  int32_t from[] = {19723, 19723 + 10};
  const int32_t to[] = {19723 + 28, 19723 + 40};
  int32_t expected[2] = {0, 0};
  ASSERT_EQ(iro_calendar_working_days_between_batch(cal, from, to, 2, expected), IRO_OK);
  ASSERT_EQ(iro_calendar_working_days_between_batch(cal, from, to, 2, from), IRO_OK);  // out is from
  EXPECT_EQ(from[0], expected[0]);
  EXPECT_EQ(from[1], expected[1]);
  iro_calendar_free(cal);
}
