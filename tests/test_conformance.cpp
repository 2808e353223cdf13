// Runs the conformance cases in tests/conformance/cases (a copy of ../shared/conformance) through
// tools/conformance.hpp, and checks that the runner itself catches wrong answers and bad cases.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tools/conformance.hpp"
#include "iro/core/error.hpp"

namespace {

const iro::Calendar& calendar() {
  static const iro::Calendar cal = iro::Calendar::england_and_wales();
  return cal;
}

// How many case files of a kind the directory holds, read from the files themselves (so that a case the
// runner skipped is noticed).
int files_of_kind(const std::string& kind) {
  int n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(IRO_CONFORMANCE_DIR)) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    n += text.str().find("\"kind\": \"" + kind + "\"") != std::string::npos;
  }
  return n;
}

const std::string wd_case = R"({"format": "iro-case/1", "kind": "working_days", "name": "n", "cite": "c",
  "from": "2022-09-05", "add": 20, "expect": "2022-10-04"})";

}  // namespace

TEST(Conformance, EveryCaseOfASupportedKindPasses) {
  const auto outcomes = iro::run_case_directory(IRO_CONFORMANCE_DIR, calendar());
  std::map<std::string, int> run;
  const auto kinds = iro::supported_case_kinds();
  for (const auto& o : outcomes) {
    if (std::find(kinds.begin(), kinds.end(), o.kind) == kinds.end()) continue;
    ++run[o.kind];
    EXPECT_EQ(o.verdict, iro::CaseVerdict::passed)
        << o.source << ": " << o.error << (o.differences.empty() ? "" : o.differences.front());
  }
  for (const char* kind : {"working_days", "schedule", "caseload", "dispute"}) {
    EXPECT_GT(run[kind], 0) << kind;
    EXPECT_EQ(run[kind], files_of_kind(kind)) << kind;
  }
  // Every case is readable: none invalid, whatever its kind.
  for (const auto& o : outcomes) EXPECT_NE(o.verdict, iro::CaseVerdict::invalid) << o.source << ": " << o.error;
}

TEST(Conformance, ACaseMayNameAPolicyFile) {
  const auto o = iro::run_case_file(std::string(IRO_TEST_DATA) + "/policy-file-case.json", calendar());
  EXPECT_EQ(o.verdict, iro::CaseVerdict::passed) << o.error << (o.differences.empty() ? "" : o.differences.front());
}

TEST(Conformance, AWrongExpectationFails) {
  std::string wrong = wd_case;
  wrong.replace(wrong.find("2022-10-04"), 10, "2022-10-03");
  const auto o = iro::run_case_json(wrong, "wrong.json", calendar());
  EXPECT_EQ(o.verdict, iro::CaseVerdict::failed);
  ASSERT_EQ(o.differences.size(), 1u);
  EXPECT_EQ(o.differences[0], "expect: expected 2022-10-03, got 2022-10-04");
  EXPECT_EQ(iro::run_case_json(wd_case, "right.json", calendar()).verdict, iro::CaseVerdict::passed);
}

TEST(Conformance, UnreadableCasesAreInvalidNotSkipped) {
  const std::pair<std::string, std::string> rows[] = {
      {R"({"format": "iro-case/1", "kind": "working_days", "name": "n", "cite": "c", "from": "2022-09-05",
           "add": 20, "expect": "2022-10-04", "colour": "red"})",
       "unknown key \"colour\""},
      {R"({"format": "iro-case/2", "kind": "working_days", "name": "n", "cite": "c"})", "iro-case/1"},
      {R"({"format": "iro-case/1", "kind": "weather", "name": "n", "cite": "c"})", "unknown kind"},
      {R"({"format": "iro-case/1", "kind": "working_days", "name": "n", "cite": "c", "from": "2022-9-5",
           "add": 20, "expect": "2022-10-04"})",
       "\"2022-9-5\""},
      {R"({"format": "iro-case/1", "kind": "working_days", "name": "n", "cite": "c", "from": "2022-09-05",
           "add": 20.5, "expect": "2022-10-04"})",
       "32-bit integer"},
      {R"({"format": "iro-case/1", "kind": "working_days", "name": "n", "cite": "c", "from": "2022-09-05",
           "add": 20, "expect": "2022-10-04", "policy": {"anchor_day": true}})",
       "unknown key \"anchor_day\""},
      {"{", "malformed JSON"},
  };
  for (const auto& [text, reason] : rows) {
    const auto o = iro::run_case_json(text, "bad.json", calendar());
    EXPECT_EQ(o.verdict, iro::CaseVerdict::invalid) << text;
    EXPECT_NE(o.error.find(reason), std::string::npos) << o.error;
  }
  const auto t = iro::tally({iro::run_case_json("{", "x", calendar()), iro::run_case_json(wd_case, "y", calendar())});
  EXPECT_EQ(t.passed, 1);
  EXPECT_EQ(t.failed, 1);
}

TEST(Conformance, AMissingDirectoryIsAnIoError) {
  EXPECT_THROW(iro::run_case_directory("/nonexistent/cases", calendar()), iro::Error);
}

// Issue 14: a history that cannot have happened is refused whether the reader or the engine sees it, and
// an expected `rule` is compared exactly.
TEST(Conformance, ImpossibleHistoriesAndRulesAreChecked) {
  const std::string head = R"({"format": "iro-case/1", "kind": "schedule", "name": "n", "cite": "c",
    "as_of": "2024-12-31", "child": {"id": "C1"}, )";
  const std::string refused = R"(, "reviews": [], "expect": {"error": "IRO_E_INVALID_ARGUMENT"}})";
  for (const std::string periods : {
           R"("periods": [{"start": "2024-01-08", "end": null}])",                                // no regime
           R"("periods": [{"start": "2024-01-08", "end": "2024-01-08", "regime": "standard"}])",  // no day in care
       }) {
    const auto o = iro::run_case_json(head + periods + refused, "refused.json", calendar());
    EXPECT_EQ(o.verdict, iro::CaseVerdict::passed)
        << periods << ": " << o.error << (o.differences.empty() ? "" : o.differences.front());
  }
  const std::string good = head + R"json("periods": [{"start": "2024-03-25", "end": null, "regime": "standard"}],
    "reviews": [{"date": "2024-04-19"}], "expect": {"reviews": [{"date": "2024-04-19", "number": 1,
    "regime": "standard", "due": "2024-04-24", "on_time": true, "days_late": 0, "rule": "RULE"}],
    "missed": [{"due": "2024-07-19", "regime": "standard", "rule": "CPPCR 2010 reg 33(2)"}],
    "next_due": "2024-07-19"}})json";
  const auto with_rule = [&](const std::string& rule) {
    std::string text = good;
    text.replace(text.find("RULE"), 4, rule);
    return iro::run_case_json(text, "rule.json", calendar());
  };
  EXPECT_EQ(with_rule("CPPCR 2010 reg 33(1)").verdict, iro::CaseVerdict::passed);
  const auto wrong = with_rule("CPPCR 2010 reg 33(2)(a)");
  EXPECT_EQ(wrong.verdict, iro::CaseVerdict::failed);
  ASSERT_FALSE(wrong.differences.empty());
  EXPECT_NE(wrong.differences[0].find("reviews[0].rule: expected CPPCR 2010 reg 33(2)(a), got CPPCR 2010 reg 33(1)"),
            std::string::npos)
      << wrong.differences[0];
}
