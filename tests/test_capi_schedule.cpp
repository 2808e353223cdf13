// Tests of the schedule part of capi/iro.h: policies, children, batch evaluation, per-child statuses.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "capi_helpers.hpp"
#include "iro.h"

using iro::test::day;
using iro::test::last;

namespace {

struct Fixture : ::testing::Test {
  iro_calendar* cal = nullptr;
  iro_policy* policy = nullptr;
  iro_children* children = nullptr;
  iro_schedules* schedules = nullptr;
  void SetUp() override {
    ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
    ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
    ASSERT_EQ(iro_children_new(&children), IRO_OK);
  }
  void TearDown() override {
    iro_schedules_free(schedules);
    iro_children_free(children);
    iro_policy_free(policy);
    iro_calendar_free(cal);
  }
  int32_t add(const char* id, const char* start, const char* end = nullptr) {
    int32_t index = -1;
    EXPECT_EQ(iro_children_add(children, id, IRO_NO_DATE, &index), IRO_OK) << last();
    EXPECT_EQ(iro_children_add_period(children, index, day(start), end ? day(end) : IRO_NO_DATE, IRO_REGIME_STANDARD),
              IRO_OK)
        << last();
    return index;
  }
};

}  // namespace

TEST_F(Fixture, EvaluatesManyChildrenWithTheirOwnStatuses) {
  const int32_t a = add("A", "2024-01-08");
  ASSERT_EQ(iro_children_add_switch(children, a, day("2024-09-02"), IRO_REGIME_ADOPTION_PLACED), IRO_OK);
  const int32_t b = add("B", "2024-03-25");
  const int32_t bad = add("BAD", "2024-03-25");
  const int32_t left = add("LEFT", "2024-01-08", "2024-06-10");
  const std::vector<int32_t> who = {a, a, b, b, bad, left, b};
  const std::vector<int32_t> when = {day("2024-02-02"), day("2024-09-25"), day("2024-04-22"), day("2024-07-10"),
                                     day("2023-01-01"), day("2024-02-02"), day("2024-07-26")};
  const std::vector<int32_t> codes = {1, 2, IRO_PN_NONE, IRO_PN_NONE, 1, 0, 4};
  const std::vector<int32_t> flags = {0, 0, 0, IRO_REVIEW_CANCELLED, 0, 0, 0};
  ASSERT_EQ(iro_children_add_reviews(children, who.data(), when.data(), codes.data(), flags.data(), who.size()), IRO_OK)
      << last();
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2024-12-31"), &schedules), IRO_OK) << last();
  size_t n = 0, failed = 0, reviews = 0;
  ASSERT_EQ(iro_schedules_summary(schedules, &n, &failed, &reviews), IRO_OK);
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(reviews, 5u);

  iro_child_schedule s;
  ASSERT_EQ(iro_schedules_child(schedules, static_cast<size_t>(a), &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_OK);
  EXPECT_EQ(s.reviews, 2);
  EXPECT_EQ(s.missed, 2);  // the standard chain's second review, and the adoption chain's second
  EXPECT_EQ(s.next_regime, IRO_REGIME_ADOPTION_PLACED);
  EXPECT_EQ(s.next_rule, IRO_RULE_ADOPTION_PLACED_SECOND);
  EXPECT_EQ(s.next_due, day("2024-12-25"));
  EXPECT_EQ(s.overdue, 1);
  iro_review_result r[4];
  size_t count = 0;
  ASSERT_EQ(iro_schedules_reviews(schedules, static_cast<size_t>(a), r, 4, &count), IRO_OK);
  ASSERT_EQ(count, 2u);
  EXPECT_EQ(r[1].number, 1);
  EXPECT_EQ(r[1].regime, IRO_REGIME_ADOPTION_PLACED);
  EXPECT_EQ(r[1].due, day("2024-09-30"));
  EXPECT_EQ(r[1].rule, IRO_RULE_ADOPTION_PLACED_FIRST);
  EXPECT_EQ(r[1].participation, 2);
  iro_missed_review m[2];
  ASSERT_EQ(iro_schedules_missed(schedules, static_cast<size_t>(a), m, 2, &count), IRO_OK);
  EXPECT_EQ(m[0].due, day("2024-05-02"));
  EXPECT_EQ(m[0].regime, IRO_REGIME_STANDARD);

  ASSERT_EQ(iro_schedules_child(schedules, static_cast<size_t>(b), &s), IRO_OK);
  EXPECT_EQ(s.reviews, 2);  // the cancelled review is not a review
  EXPECT_EQ(s.next_due, day("2025-01-26"));
  EXPECT_EQ(s.overdue, 0);
  EXPECT_EQ(s.midway, day("2024-10-26"));

  ASSERT_EQ(iro_schedules_child(schedules, static_cast<size_t>(bad), &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(s.next_due, IRO_NO_DATE);
  const char* message = nullptr;
  ASSERT_EQ(iro_schedules_child_error(schedules, static_cast<size_t>(bad), &message), IRO_OK);
  EXPECT_NE(std::string(message).find("child \"BAD\": reviews[0].date: 2023-01-01 is outside every period"),
            std::string::npos)
      << message;

  ASSERT_EQ(iro_schedules_child(schedules, static_cast<size_t>(left), &s), IRO_OK);
  EXPECT_EQ(s.next_due, IRO_NO_DATE);
  EXPECT_EQ(s.missed, 1);
}

TEST_F(Fixture, ExplanationsAndSizeQueries) {
  const int32_t a = add("A", "2023-04-28");
  const int32_t when = day("2023-05-30");
  ASSERT_EQ(iro_children_add_reviews(children, &a, &when, nullptr, nullptr, 1), IRO_OK);
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2023-06-30"), &schedules), IRO_OK);
  size_t needed = 0;
  EXPECT_EQ(iro_schedules_explain(schedules, 0, 0, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  std::string text(needed, '\0');
  ASSERT_EQ(iro_schedules_explain(schedules, 0, 0, text.data(), text.size(), nullptr), IRO_OK);
  EXPECT_NE(text.find("CPPCR 2010 reg 33(1)"), std::string::npos) << text;
  EXPECT_NE(text.find("coronation"), std::string::npos) << text;
  ASSERT_EQ(iro_schedules_explain(schedules, 0, -1, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(iro_schedules_explain(schedules, 0, 1, nullptr, 0, &needed), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_schedules_explain(schedules, 5, 0, nullptr, 0, &needed), IRO_E_NOT_FOUND);
  size_t count = 0;
  EXPECT_EQ(iro_schedules_reviews(schedules, 0, nullptr, 0, &count), IRO_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, 1u);
}

TEST_F(Fixture, PolicyOverridesChangeTheAnswer) {
  add("A", "2023-01-03");
  const int32_t zero = 0;
  const int32_t when = day("2023-01-31");
  ASSERT_EQ(iro_children_add_reviews(children, &zero, &when, nullptr, nullptr, 1), IRO_OK);
  iro_policy* days = nullptr;
  ASSERT_EQ(iro_policy_new_with_overrides(policy, "{\"interval_unit\": \"days\"}", &days), IRO_OK) << last();
  ASSERT_EQ(iro_schedule_evaluate(children, days, cal, day("2023-02-01"), &schedules), IRO_OK);
  iro_child_schedule s;
  ASSERT_EQ(iro_schedules_child(schedules, 0, &s), IRO_OK);
  EXPECT_EQ(s.next_due, day("2023-05-02"));
  iro_policy_free(days);
  iro_policy* bad = reinterpret_cast<iro_policy*>(0x1);
  EXPECT_EQ(iro_policy_new_with_overrides(policy, "{\"interval_unit\": \"weeks\"}", &bad), IRO_E_PARSE);
  EXPECT_NE(last().find("policy.interval_unit: \"weeks\" is not"), std::string::npos) << last();
  EXPECT_EQ(bad, reinterpret_cast<iro_policy*>(0x1));
  EXPECT_EQ(iro_policy_new_builtin("wales", &bad), IRO_E_NOT_FOUND);
}

TEST_F(Fixture, BadArgumentsAreRefused) {
  int32_t index = 0;
  EXPECT_EQ(iro_children_add(nullptr, "x", IRO_NO_DATE, &index), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_children_add(children, nullptr, IRO_NO_DATE, &index), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_children_add(children, "x", IRO_DATE_MAX + 1, &index), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_children_add_period(children, 3, day("2024-01-01"), IRO_NO_DATE, 0), IRO_E_NOT_FOUND);
  ASSERT_EQ(iro_children_add(children, "x", IRO_NO_DATE, &index), IRO_OK);
  EXPECT_EQ(iro_children_add_switch(children, index, day("2024-01-01"), 0), IRO_E_INVALID_ARGUMENT);
  EXPECT_NE(last().find("has no period"), std::string::npos);
  EXPECT_EQ(iro_children_add_period(children, index, day("2024-01-01"), IRO_NO_DATE, 7), IRO_E_INVALID_ARGUMENT);
  const int32_t who[] = {index, 5};
  const int32_t when[] = {day("2024-02-01"), day("2024-02-01")};
  EXPECT_EQ(iro_children_add_reviews(children, who, when, nullptr, nullptr, 2), IRO_E_NOT_FOUND);
  EXPECT_NE(last().find("item 1"), std::string::npos) << last();
  const int32_t codes[] = {9};
  EXPECT_EQ(iro_children_add_reviews(children, who, when, codes, nullptr, 1), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_schedule_evaluate(children, policy, cal, day("1960-01-01"), &schedules), IRO_E_OUT_OF_RANGE);
  EXPECT_EQ(iro_schedule_evaluate(nullptr, policy, cal, day("2024-01-01"), &schedules), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_children_load_json(children, "/nonexistent.json", nullptr), IRO_E_IO);
  size_t count = 0;
  ASSERT_EQ(iro_children_count(children, &count), IRO_OK);
  EXPECT_EQ(count, 1u);
}

// Mutation survivors: an empty set evaluates to nothing, and the index one past the last child is refused.
TEST_F(Fixture, AnEmptySetAndTheIndexPastTheLastChild) {
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2024-06-01"), &schedules), IRO_OK) << last();
  size_t n = 9, failed = 9, reviews = 9;
  ASSERT_EQ(iro_schedules_summary(schedules, &n, &failed, &reviews), IRO_OK);
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(reviews, 0u);
  const int32_t index = add("A", "2024-01-08");
  EXPECT_EQ(iro_children_add_period(children, index + 1, day("2024-05-01"), IRO_NO_DATE, 0), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_children_add_switch(children, index + 1, day("2024-05-01"), 0), IRO_E_NOT_FOUND);
}

TEST_F(Fixture, LoadsChildrenFromJson) {
  size_t added = 0;
  const std::string path = std::string(IRO_TEST_DATA) + "/children.json";
  ASSERT_EQ(iro_children_load_json(children, path.c_str(), &added), IRO_OK) << last();
  EXPECT_EQ(added, 3u);
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2024-12-31"), &schedules), IRO_OK);
  iro_child_schedule s;
  ASSERT_EQ(iro_schedules_child(schedules, 0, &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_OK);
  EXPECT_EQ(s.next_due, day("2025-01-26"));
}

// Issue 14: the C API keeps enough of each due date to explain it as the library does: the chain's start,
// both duties for an authorised child, and a review held on the day its chain started.
TEST_F(Fixture, ExplanationsCarryTheirWholeContext) {
  const int32_t a = add("A", "2023-06-05");
  ASSERT_EQ(iro_children_add_switch(children, a, day("2023-11-01"), IRO_REGIME_ADOPTION_AUTHORISED), IRO_OK);
  ASSERT_EQ(iro_children_add_switch(children, a, day("2024-03-01"), IRO_REGIME_ADOPTION_PLACED), IRO_OK);
  const std::vector<int32_t> who = {a, a, a, a};
  const std::vector<int32_t> when = {day("2023-06-30"), day("2023-09-25"), day("2024-01-25"), day("2024-03-01")};
  ASSERT_EQ(iro_children_add_reviews(children, who.data(), when.data(), nullptr, nullptr, who.size()), IRO_OK);
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2024-03-10"), &schedules), IRO_OK) << last();
  const auto explain = [&](int32_t review) {
    size_t needed = 0;
    EXPECT_EQ(iro_schedules_explain(schedules, 0, review, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
    std::string text(needed, '\0');
    EXPECT_EQ(iro_schedules_explain(schedules, 0, review, text.data(), text.size(), nullptr), IRO_OK) << last();
    return text;
  };
  const std::string first = explain(0);
  EXPECT_NE(first.find("The child became looked after on Monday 2023-06-05"), std::string::npos) << first;
  const std::string authorised = explain(2);
  EXPECT_NE(authorised.find("AAR 2005 reg 36(1)(a) gives 2024-02-01 and the standard rule gives 2024-03-25"),
            std::string::npos)
      << authorised;
  const std::string placed = explain(3);
  EXPECT_NE(placed.find("held on the day of the placement for adoption"), std::string::npos) << placed;
  EXPECT_NE(placed.find("was placed for adoption on Friday 2024-03-01"), std::string::npos) << placed;
}

// Issue 16: a child with more than 32,767 reviews in one chain was listed twice (once as evaluated, once as
// failed), so every later child's results appeared under the wrong index and reading the last child's reviews
// read past the end of the stored reviews.
TEST_F(Fixture, AChildWithTooManyReviewsFailsAloneAndLaterChildrenKeepTheirIndex) {
  const int32_t many = add("MANY", "2000-01-03");  // no date of birth: no 18th birthday ends the chain
  const int32_t b = add("B", "2024-03-25");
  std::vector<int32_t> who, when;
  for (int32_t k = 0; k < 33000; ++k) {
    who.push_back(many);
    when.push_back(day("2000-01-04") + k);
  }
  who.push_back(b);
  when.push_back(day("2024-04-22"));
  ASSERT_EQ(iro_children_add_reviews(children, who.data(), when.data(), nullptr, nullptr, who.size()), IRO_OK)
      << last();
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2100-01-01"), &schedules), IRO_OK) << last();
  size_t n = 0, failed = 0, reviews = 0;
  ASSERT_EQ(iro_schedules_summary(schedules, &n, &failed, &reviews), IRO_OK);
  EXPECT_EQ(n, 2u);
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(reviews, 1u);  // B's; none of the failed child's
  iro_child_schedule first{}, second{};
  ASSERT_EQ(iro_schedules_child(schedules, 0, &first), IRO_OK);
  EXPECT_EQ(first.status, IRO_E_INVALID_ARGUMENT);
  const char* message = nullptr;
  ASSERT_EQ(iro_schedules_child_error(schedules, 0, &message), IRO_OK);
  EXPECT_NE(std::string(message).find("32767"), std::string::npos) << message;
  ASSERT_EQ(iro_schedules_child(schedules, 1, &second), IRO_OK);
  EXPECT_EQ(second.status, IRO_OK);
  EXPECT_EQ(second.reviews, 1);
  iro_review_result r{};
  size_t count = 0;
  ASSERT_EQ(iro_schedules_reviews(schedules, 1, &r, 1, &count), IRO_OK) << last();
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(r.day, day("2024-04-22"));
  EXPECT_EQ(iro_schedules_reviews(schedules, 0, nullptr, 0, &count), IRO_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(iro_schedules_child(schedules, 2, &second), IRO_E_NOT_FOUND);  // two children, not three
}

// Issue 16: results carry the child's id, a child is found by id, and every review and missed date comes out
// in columns in one call, equal to what the per-child calls give.
TEST_F(Fixture, IdsLookupAndColumnsAgreeWithThePerChildCalls) {
  const int32_t a = add("A-1", "2024-01-08");
  const int32_t b = add("B-2", "2023-03-27");
  add("A-1", "2024-05-01");  // a repeated id: find() gives the first
  const std::vector<int32_t> who = {a, a, b, b};
  const std::vector<int32_t> when = {day("2024-02-02"), day("2024-05-20"), day("2023-04-21"), day("2024-01-10")};
  const std::vector<int32_t> codes = {1, 3, IRO_PN_NONE, 6};
  ASSERT_EQ(iro_children_add_reviews(children, who.data(), when.data(), codes.data(), nullptr, who.size()), IRO_OK);
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2024-12-31"), &schedules), IRO_OK) << last();
  const char* id = nullptr;
  ASSERT_EQ(iro_schedules_child_id(schedules, 1, &id), IRO_OK);
  EXPECT_STREQ(id, "B-2");
  EXPECT_EQ(iro_schedules_child_id(schedules, 3, &id), IRO_E_NOT_FOUND);
  EXPECT_EQ(iro_schedules_child_id(schedules, 0, nullptr), IRO_E_INVALID_ARGUMENT);
  size_t index = 99;
  ASSERT_EQ(iro_schedules_find(schedules, "B-2", &index), IRO_OK);
  EXPECT_EQ(index, 1u);
  ASSERT_EQ(iro_schedules_find(schedules, "A-1", &index), IRO_OK);
  EXPECT_EQ(index, 0u);
  EXPECT_EQ(iro_schedules_find(schedules, "nobody", &index), IRO_E_NOT_FOUND);
  EXPECT_NE(last().find("\"nobody\""), std::string::npos) << last();
  EXPECT_EQ(iro_schedules_find(schedules, nullptr, &index), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_schedules_find(nullptr, "A-1", &index), IRO_E_INVALID_ARGUMENT);

  // Columns: the count first, then every column; then compare with the per-child structs.
  size_t count = 0;
  iro_review_columns none{};
  ASSERT_EQ(iro_schedules_review_columns(schedules, &none, 0, &count), IRO_E_BUFFER_TOO_SMALL);
  ASSERT_EQ(count, 4u);
  std::vector<int32_t> child(count), held(count), number(count), regime(count), due(count), rule(count), anchor(count),
      on_time(count), late(count), record(count), code(count);
  const iro_review_columns cols{child.data(),  held.data(),    number.data(), regime.data(), due.data(), rule.data(),
                                anchor.data(), on_time.data(), late.data(),   record.data(), code.data()};
  ASSERT_EQ(iro_schedules_review_columns(schedules, &cols, count, &count), IRO_OK) << last();
  std::size_t row = 0;
  for (size_t c = 0; c < 3; ++c) {
    std::vector<iro_review_result> each(8);
    size_t n = 0;
    ASSERT_EQ(iro_schedules_reviews(schedules, c, each.data(), each.size(), &n), IRO_OK);
    for (size_t k = 0; k < n; ++k, ++row) {
      const iro_review_result& r = each[k];
      EXPECT_EQ(child[row], static_cast<int32_t>(c));
      EXPECT_EQ(held[row], r.day);
      EXPECT_EQ(number[row], r.number);
      EXPECT_EQ(regime[row], r.regime);
      EXPECT_EQ(due[row], r.due);
      EXPECT_EQ(rule[row], r.rule);
      EXPECT_EQ(anchor[row], r.anchor);
      EXPECT_EQ(on_time[row], r.on_time);
      EXPECT_EQ(late[row], r.days_late);
      EXPECT_EQ(record[row], r.record_due);
      EXPECT_EQ(code[row], r.participation);
    }
  }
  EXPECT_EQ(row, count);
  EXPECT_EQ(code[0], 1);
  EXPECT_EQ(code[2], IRO_PN_NONE);
  EXPECT_GT(late[1] + late[3], 0);  // some review was late: the column is not all zeros
  // Only some columns: the others are not touched.
  std::vector<int32_t> only(count, -7);
  iro_review_columns one{};
  one.number = only.data();
  ASSERT_EQ(iro_schedules_review_columns(schedules, &one, count, &count), IRO_OK);
  EXPECT_EQ(only, number);
  EXPECT_EQ(iro_schedules_review_columns(schedules, nullptr, count, &count), IRO_E_INVALID_ARGUMENT);
  EXPECT_EQ(iro_schedules_review_columns(schedules, &none, count, &count), IRO_E_INVALID_ARGUMENT);  // no column
  EXPECT_EQ(iro_schedules_review_columns(schedules, &cols, count, nullptr), IRO_E_INVALID_ARGUMENT);

  iro_missed_columns no_missed{};
  const int32_t asked = iro_schedules_missed_columns(schedules, &no_missed, 0, &count);
  EXPECT_EQ(asked, count == 0 ? IRO_OK : IRO_E_BUFFER_TOO_SMALL);
  size_t total_missed = 0;
  for (size_t c = 0; c < 3; ++c) {
    size_t n = 0;
    const int32_t status = iro_schedules_missed(schedules, c, nullptr, 0, &n);
    EXPECT_TRUE(status == IRO_OK || status == IRO_E_BUFFER_TOO_SMALL) << status;
    total_missed += n;
  }
  EXPECT_EQ(count, total_missed);
  ASSERT_GT(count, 0u);  // the third child was never reviewed
  std::vector<int32_t> mchild(count), mdue(count), mrule(count), manchor(count), mregime(count);
  const iro_missed_columns mcols{mchild.data(), mdue.data(), mrule.data(), manchor.data(), mregime.data()};
  ASSERT_EQ(iro_schedules_missed_columns(schedules, &mcols, count, &count), IRO_OK);
  std::vector<iro_missed_review> third(8);
  size_t n = 0;
  ASSERT_EQ(iro_schedules_missed(schedules, 2, third.data(), third.size(), &n), IRO_OK);
  ASSERT_GT(n, 0u);
  EXPECT_EQ(mchild[count - n], 2);
  EXPECT_EQ(mdue[count - n], third[0].due);
  EXPECT_EQ(mrule[count - n], third[0].rule);
  EXPECT_EQ(manchor[count - n], third[0].anchor);
  EXPECT_EQ(mregime[count - n], third[0].regime);
}

// Issue 16: a stress test with a child of 100,000 review records (80,000 days, the rest repeated days): the
// batch evaluates, the child is refused with its reason (a chain longer than the C API stores), and the child
// after it is unaffected.
TEST_F(Fixture, AChildOfAHundredThousandReviewsIsRefusedCleanly) {
  const int32_t big = add("BIG", "1970-01-05");
  const int32_t after = add("AFTER", "2024-03-25");
  std::vector<int32_t> who, when;
  who.reserve(100001);
  when.reserve(100001);
  for (int32_t k = 0; k < 100000; ++k) {
    who.push_back(big);
    when.push_back(day("1970-01-06") + k % 80000);
  }
  who.push_back(after);
  when.push_back(day("2024-04-19"));
  ASSERT_EQ(iro_children_add_reviews(children, who.data(), when.data(), nullptr, nullptr, who.size()), IRO_OK)
      << last();
  ASSERT_EQ(iro_schedule_evaluate(children, policy, cal, day("2199-12-31"), &schedules), IRO_OK) << last();
  iro_child_schedule s{};
  ASSERT_EQ(iro_schedules_child(schedules, 0, &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_E_INVALID_ARGUMENT);
  const char* why = nullptr;
  ASSERT_EQ(iro_schedules_child_error(schedules, 0, &why), IRO_OK);
  EXPECT_NE(std::string(why).find("more than 32767 reviews in one chain"), std::string::npos) << why;
  const char* id = nullptr;
  ASSERT_EQ(iro_schedules_child_id(schedules, 1, &id), IRO_OK);
  EXPECT_STREQ(id, "AFTER");
  ASSERT_EQ(iro_schedules_child(schedules, 1, &s), IRO_OK);
  EXPECT_EQ(s.status, IRO_OK);
  EXPECT_EQ(s.reviews, 1);
}
