// Tests of include/iro/child_json.hpp: the case-format child documents and their errors.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/child_json.hpp"

using iro::Status;
using iro::test::failure;

namespace {

const char* const good = R"({
  "child": {"id": "C1", "dob": "2015-06-01"},
  "periods": [{"start": "2024-03-25", "end": null, "regime": "standard",
               "switches": [{"date": "2024-09-02", "regime": "adoption_placed"}]}],
  "reviews": [{"date": "2024-04-19", "code": "PN1", "record_sent": "2024-05-03"},
              {"date": "2024-06-01", "cancelled": true, "reason": "iro_request"}],
  "placements": [{"start": "2024-03-25", "until_18": true}],
  "visits": ["2024-03-29"],
  "midways": ["2024-06-10"]
})";

}  // namespace

TEST(ChildJson, ReadsEveryField) {
  const iro::Child c = iro::child_from_json(good, "c.json");
  EXPECT_EQ(c.id, "C1");
  EXPECT_EQ(c.dob->iso(), "2015-06-01");
  ASSERT_EQ(c.periods.size(), 1u);
  EXPECT_FALSE(c.periods[0].end.has_value());
  EXPECT_EQ(c.periods[0].switches[0].regime, iro::Regime::adoption_placed);
  ASSERT_EQ(c.reviews.size(), 2u);
  EXPECT_EQ(c.reviews[0].participation, iro::Participation::pn1);
  EXPECT_TRUE(c.reviews[1].cancelled);
  EXPECT_EQ(c.reviews[1].reason, iro::ReviewReason::iro_request);
  EXPECT_TRUE(c.placements[0].until_18);
  EXPECT_EQ(c.visits[0].iso(), "2024-03-29");
  EXPECT_EQ(c.reviews[0].record_sent->iso(), "2024-05-03");
  EXPECT_FALSE(c.reviews[1].record_sent.has_value());
  ASSERT_EQ(c.midways.size(), 1u);
  EXPECT_EQ(c.midways[0].iso(), "2024-06-10");
}

TEST(ChildJson, ErrorsNameTheSourceChildFieldAndValue) {
  struct Row {
    std::string json;
    Status status;
    std::string fragment;
  };
  const std::vector<Row> rows = {
      {R"({"child": {"id": "C2"}, "periods": [{"start": "2024-03-25", "regime": "adopted"}]})", Status::parse,
       "c.json: child \"C2\": periods[0].regime: \"adopted\" is not a regime"},
      {R"({"child": {"id": "C2"}, "reviews": [{"date": "2024-04-19", "code": "PN9"}]})", Status::parse,
       "reviews[0].code: \"PN9\" is not a participation code"},
      {R"({"child": {"id": "C2"}, "reviews": [{"date": "2023-02-29"}]})", Status::invalid_date,
       "reviews[0].date: \"2023-02-29\" is not a usable date"},
      {R"({"child": {"id": "C2"}, "periods": [{"start": "2024-3-25"}]})", Status::parse, "periods[0].start"},
      {R"({"child": {"id": "C2"}, "colour": 1})", Status::parse, "unknown key \"colour\""},
      {R"({"child": {"id": "C2"}, "periods": [{"start": "2024-03-25", "extra": 1}]})", Status::parse,
       "periods[0]: unknown key \"extra\""},
      {R"({"child": {"name": "Sam"}})", Status::parse, "unknown key \"name\""},
      {R"({"periods": []})", Status::parse, "missing \"child\""},
      {R"({"child": {"id": "C2"}, "periods": {}})", Status::parse, "periods: is not an array"},
      {"{\"child\": \n {\"id\": }", Status::parse, "c.json:2:"},
      {R"({"child": {"id": "C2"}, "reviews": [{"date": "2024-04-19", "cancelled": "yes"}]})", Status::parse,
       "reviews[0].cancelled"},
      {R"({"child": {"id": "C2"}, "reviews": [{"date": "2024-04-19", "record_sent": "2024-13-01"}]})", Status::invalid_date,
       "reviews[0].record_sent"},
      {R"({"child": {"id": "C2"}, "midways": "2024-06-10"})", Status::parse, "midways: is not an array"},
      {R"({"child": {"id": "C2"}, "midways": [20240610]})", Status::parse, "midways[0]"},
  };
  for (const Row& r : rows) {
    const auto [status, message] = failure([&] { iro::child_from_json(r.json, "c.json"); });
    EXPECT_EQ(status, r.status) << r.json << "\n" << message;
    EXPECT_NE(message.find(r.fragment), std::string::npos) << message;
  }
}

TEST(ChildJson, ManyChildrenAndCaseDocuments) {
  const std::string list = std::string("[") + good + "," + good + "]";
  EXPECT_EQ(iro::children_from_json(list, "l.json").size(), 2u);
  EXPECT_EQ(iro::children_from_json(std::string(R"({"children": [)") + good + "]}", "l.json").size(), 1u);
  EXPECT_NE(failure([] { iro::children_from_json(R"([{"child": {"id": "A"}}, {"child": {}}])", "l.json"); })
                .second.find("l.json: children[1]: child.id"),
            std::string::npos);
  const iro::ChildDocument doc = iro::child_document_from_json(
      R"({"format": "iro-case/1", "kind": "schedule", "name": "n", "cite": "c", "as_of": "2024-12-31",
          "policy": {"interval_unit": "days"}, "child": {"id": "C1"}, "periods": [], "reviews": [], "expect": {}})",
      "case.json");
  EXPECT_EQ(doc.as_of->iso(), "2024-12-31");
  EXPECT_EQ(doc.policy.interval_unit, iro::IntervalUnit::days);
}
