// Tests of include/iro/data/child_json.hpp: the case-format child documents and their errors.
#include <sys/stat.h>

#include <cstdio>

#include <gtest/gtest.h>

#include "failure.hpp"
#include "iro/data/child_json.hpp"
#include "iro/model/policy.hpp"

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
      {R"({"child": {"id": "C2"}, "reviews": [{"date": "2024-04-19", "record_sent": "2024-13-01"}]})",
       Status::invalid_date, "reviews[0].record_sent"},
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
  EXPECT_EQ(iro::children_from_json(list, "l.json").children.size(), 2u);
  EXPECT_EQ(iro::children_from_json(std::string(R"({"children": [)") + good + "]}", "l.json").children.size(), 1u);
  EXPECT_NE(failure([] {
              iro::children_from_json(R"([{"child": {"id": "A"}}, {"child": {}}])", "l.json");
            }).second.find("l.json: children[1]: child.id"),
            std::string::npos);
  const iro::ChildDocument doc = iro::child_document_from_json(
      R"({"format": "iro-case/1", "kind": "schedule", "name": "n", "cite": "c", "as_of": "2024-12-31",
          "policy": {"interval_unit": "days"}, "child": {"id": "C1"}, "periods": [], "reviews": [], "expect": {}})",
      "case.json");
  EXPECT_EQ(doc.as_of->iso(), "2024-12-31");
  EXPECT_EQ(doc.policy.interval_unit, iro::IntervalUnit::days);
}

// Issue 15: the text and file readers of many children are one pair. children_from_json() read only a list
// (a schedule case was "unknown key"), while read_children_file() also read a case, with its as-of date.
TEST(ChildJson, TheTextFormReadsWhatTheFileFormReads) {
  const std::string text =
      R"({"format": "iro-case/1", "kind": "schedule", "as_of": "2024-12-31", "child": {"id": "C1"},
          "periods": [{"start": "2024-03-25", "regime": "standard"}], "expect": {}})";
  const iro::DatedChildren strict = iro::children_from_json(text, "case.json");
  ASSERT_EQ(strict.children.size(), 1u);
  EXPECT_EQ(strict.children[0].id, "C1");
  EXPECT_EQ(strict.as_of[0]->iso(), "2024-12-31");
  EXPECT_EQ(strict.index, (std::vector<std::size_t>{0}));
  EXPECT_EQ(iro::children_from_json_lenient(text, "case.json").children.size(), 1u);
  // A case of another kind gives no child, as from a file.
  EXPECT_TRUE(iro::children_from_json(R"({"format": "iro-case/1", "kind": "caseload"})", "c.json").children.empty());
  // A list gives each child its position.
  const std::string list = std::string("[") + good + "," + good + "]";
  EXPECT_EQ(iro::children_from_json(list, "l.json").index, (std::vector<std::size_t>{0, 1}));
}

TEST(ChildJson, HistoriesThatCannotHaveHappenedAreInvalidArgument) {
  struct Row {
    std::string json;
    std::string fragment;
  };
  const std::vector<Row> rows = {
      // A period with no regime was read as standard; FORMAT.md: the library refuses it, naming the field.
      {R"({"child": {"id": "C2"}, "periods": [{"start": "2024-03-25", "end": null}]})",
       "c.json: child \"C2\": periods[0].regime: missing"},
      {R"({"child": {"id": "C2"},
          "periods": [{"start": "2024-03-25", "regime": "standard"}, {"start": "2024-09-01"}]})",
       "c.json: child \"C2\": periods[1].regime: missing"},
      // A review that was not held has no participation code.
      {R"({"child": {"id": "C2"}, "periods": [{"start": "2024-03-25", "regime": "standard"}],
           "reviews": [{"date": "2024-04-19", "cancelled": true, "code": "PN1"}]})",
       "c.json: child \"C2\": reviews[0].code: \"PN1\" on a cancelled review"},
      {R"({"child": {"id": "C2"}, "reviews": [{"code": "PN0", "cancelled": true, "date": "2024-04-19"}]})",
       "reviews[0].code"},
  };
  for (const Row& r : rows) {
    const auto [status, message] = failure([&] { iro::child_from_json(r.json, "c.json"); });
    EXPECT_EQ(status, Status::invalid_argument) << r.json << "\n" << message;
    EXPECT_NE(message.find(r.fragment), std::string::npos) << message;
  }
  // Neither is an error on its own.
  EXPECT_NO_THROW(iro::child_from_json(R"({"child": {"id": "C2"}, "reviews": [{"date": "2024-04-19", "cancelled": true},
                                          {"date": "2024-04-20", "cancelled": false, "code": "PN1"},
                                          {"date": "2024-04-21", "cancelled": true, "code": null}]})",
                                       "c.json"));
}

TEST(ChildJson, LenientReadingKeepsTheGoodChildrenAndNamesTheBadOnes) {
  const std::string list = std::string("[") + good + R"(, {"child": {}},
      {"child": {"id": "C3"}, "periods": [{"start": "2024-03-25"}]}, )" +
                           good + "]";
  const iro::DatedChildren read = iro::children_from_json_lenient(list, "l.json");
  ASSERT_EQ(read.children.size(), 2u);
  EXPECT_EQ(read.index, (std::vector<std::size_t>{0, 3}));
  EXPECT_EQ(read.as_of.size(), 2u);
  ASSERT_EQ(read.refused.size(), 2u);
  EXPECT_EQ(read.refused[0].index, 1u);
  EXPECT_EQ(read.refused[0].id, "");
  EXPECT_EQ(read.refused[0].status, Status::parse);
  EXPECT_NE(read.refused[0].message.find("l.json: children[1]: child.id"), std::string::npos)
      << read.refused[0].message;
  EXPECT_EQ(read.refused[1].index, 2u);
  EXPECT_EQ(read.refused[1].id, "C3");
  EXPECT_EQ(read.refused[1].status, Status::invalid_argument);
  EXPECT_NE(read.refused[1].message.find("l.json: children[2]: child \"C3\": periods[0].regime"), std::string::npos)
      << read.refused[1].message;
  // A document with no "child", or one that is not an object, is refused with no id (a mutation survivor).
  const iro::DatedChildren no_child =
      iro::children_from_json_lenient(std::string("[{\"periods\": []}, {\"child\": 5}, ") + good + "]", "l.json");
  ASSERT_EQ(no_child.refused.size(), 2u);
  EXPECT_EQ(no_child.refused[0].id, "");
  EXPECT_EQ(no_child.refused[0].status, Status::parse);
  EXPECT_EQ(no_child.refused[1].id, "");
  EXPECT_EQ(no_child.index, (std::vector<std::size_t>{2}));
  // The all-or-nothing reader still refuses the whole list for one bad child.
  EXPECT_EQ(failure([&] { iro::children_from_json(list, "l.json"); }).first, Status::parse);
  // A document that is no list of children gives no child to keep: it is an error as before.
  EXPECT_NE(failure([] { iro::children_from_json_lenient(R"({"kids": []})", "l.json"); }).second.find("unknown key"),
            std::string::npos);
  EXPECT_EQ(failure([] { iro::children_from_json_lenient("[", "l.json"); }).first, Status::parse);
}

TEST(ChildJson, CaseDocumentsOfAnotherFormatOrKindAreRefused) {
  const auto [status, message] = failure([] {
    iro::child_document_from_json(R"({"format": "iro-case/2", "kind": "schedule", "child": {"id": "C1"}})",
                                  "case.json");
  });
  EXPECT_EQ(status, Status::parse);
  EXPECT_NE(message.find("case.json: format: \"iro-case/2\" is not \"iro-case/1\""), std::string::npos) << message;
  EXPECT_NE(failure([] {
              iro::child_document_from_json(R"({"format": 1, "child": {"id": "C1"}})", "case.json");
            }).second.find("case.json: format: 1"),
            std::string::npos);
  EXPECT_NE(failure([] {
              iro::child_document_from_json(R"({"format": "iro-case/1", "kind": "caseload", "child": {"id": "C1"}})",
                                            "case.json");
            }).second.find("case.json: kind: \"caseload\""),
            std::string::npos);
}

TEST(ChildJson, ADocumentReadUnderAnotherPolicy) {
  iro::Policy base = iro::Policy::england();
  base.id = "local";
  base.anchor = iro::AnchorConvention::counts_as_day_one;
  // The document's overrides apply on top of the base.
  const iro::ChildDocument doc = iro::child_document_from_json(
      R"({"format": "iro-case/1", "policy": {"interval_unit": "days"}, "child": {"id": "C1"}})", "case.json", base);
  EXPECT_EQ(doc.policy.interval_unit, iro::IntervalUnit::days);
  EXPECT_EQ(doc.policy.anchor, iro::AnchorConvention::counts_as_day_one);
  // No policy, or a policy file named by the document: the base is used.
  EXPECT_EQ(iro::child_document_from_json(R"({"child": {"id": "C1"}})", "case.json", base).policy.id, "local");
  EXPECT_EQ(
      iro::child_document_from_json(R"({"policy": "no-such-file.json", "child": {"id": "C1"}})", "case.json", base)
          .policy.id,
      "local");
}

TEST(ChildJson, FilesAreReadOnlyWhenRegular) {
  const std::string data = IRO_TEST_DATA;
  // A directory and a named pipe are refused without blocking (an ifstream on a FIFO waits for a writer).
  const auto dir = failure([&] { iro::child_document_from_file(data); });
  EXPECT_EQ(dir.first, Status::io);
  EXPECT_NE(dir.second.find("is a directory"), std::string::npos) << dir.second;
  const std::string fifo = ::testing::TempDir() + "iro-child-json-test.fifo";
  std::remove(fifo.c_str());
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto pipe = failure([&] { iro::child_document_from_file(fifo); });
  const auto pipe_list = failure([&] { iro::children_from_file_lenient(fifo); });
  std::remove(fifo.c_str());
  EXPECT_EQ(pipe.first, Status::io);
  EXPECT_NE(pipe.second.find("not a regular file"), std::string::npos) << pipe.second;
  EXPECT_EQ(pipe_list.first, Status::io);

  // A file of children with bad ones among them: the good ones, in file order, and the bad ones named.
  const std::string some_bad = data + "/children-some-bad.json";
  const iro::DatedChildren read = iro::children_from_file_lenient(some_bad);
  ASSERT_EQ(read.children.size(), 3u);
  EXPECT_EQ(read.index, (std::vector<std::size_t>{0, 2, 3}));
  ASSERT_EQ(read.refused.size(), 1u);
  EXPECT_EQ(read.refused[0].id, "NO-REGIME");
  EXPECT_NE(read.refused[0].message.find(some_bad + ": children[1]: child \"NO-REGIME\": periods[0].regime"),
            std::string::npos)
      << read.refused[0].message;
  EXPECT_THROW(iro::children_from_file(some_bad), iro::Error);
  // A schedule case that cannot be read is one refused child, not an error for the whole run.
  const std::string wrong_format = data + "/case-wrong-format.json";
  const iro::DatedChildren from_case = iro::children_from_file_lenient(wrong_format);
  EXPECT_TRUE(from_case.children.empty());
  ASSERT_EQ(from_case.refused.size(), 1u);
  EXPECT_EQ(from_case.refused[0].id, "C1");
  EXPECT_NE(from_case.refused[0].message.find(wrong_format + ": format"), std::string::npos)
      << from_case.refused[0].message;
  EXPECT_NE(failure([&] { iro::child_document_from_file(wrong_format); }).second.find(wrong_format + ": format"),
            std::string::npos);
}

// Issue 14: the same key twice in a child, a case or a policy is a parse error naming the file and the key;
// the same key in two sibling objects is fine.
TEST(ChildJson, ADuplicatedKeyIsAnErrorAndSiblingsMayShareKeys) {
  const auto [status, message] = failure([] {
    iro::child_from_json(R"({"child": {"id": "C1"}, "periods": [{"start": "2024-01-08", "end": null,
      "regime": "standard", "regime": "adoption_placed"}], "reviews": []})",
                         "c.json");
  });
  EXPECT_EQ(status, Status::parse);
  EXPECT_NE(message.find("c.json: malformed JSON (an object has the key \"regime\" twice"), std::string::npos)
      << message;
  const iro::Child ok = iro::child_from_json(R"({"child": {"id": "C1"}, "periods": [
      {"start": "2024-01-08", "end": "2024-02-01", "regime": "standard"},
      {"start": "2024-03-01", "end": null, "regime": "standard"}], "reviews": [{"date": "2024-01-20"}]})",
                                             "c.json");
  EXPECT_EQ(ok.periods.size(), 2u);
  const auto policy = failure([] {
    iro::Policy::from_json(R"({"format": "iro-policy/1", "extends": "england", "targets": {"record_working_days": 15,
      "record_working_days": 20}})",
                           "p.json");
  });
  EXPECT_EQ(policy.first, Status::parse);
  EXPECT_NE(policy.second.find("p.json: malformed JSON (an object has the key \"record_working_days\" twice"),
            std::string::npos)
      << policy.second;
}

TEST(ChildJson, AChildIdIsAString) {  // a mutation survivor: a number as the id must be refused, not thrown past
  for (const char* doc :
       {R"({"child": {"id": 7}, "periods": [], "reviews": []})", R"({"child": {}, "periods": [], "reviews": []})"}) {
    const auto [status, message] = failure([&] { iro::child_from_json(doc, "c.json"); });
    EXPECT_EQ(status, Status::parse) << doc;
    EXPECT_NE(message.find("c.json: child.id: missing or not a string"), std::string::npos) << message;
  }
}
