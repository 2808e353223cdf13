// Tests of include/iro/model/policy.hpp: defaults, overrides from a case's policy object, closure calendars.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "failure.hpp"
#include "scratch.hpp"
#include "iro/model/policy.hpp"

using iro::Policy;
using iro::Status;
using iro::test::failure;

TEST(Policy, EnglandDefaults) {
  const Policy p = Policy::england();
  EXPECT_EQ(p.anchor, iro::AnchorConvention::day_zero);
  EXPECT_EQ(p.interval_unit, iro::IntervalUnit::months);
  EXPECT_EQ(p.record_working_days, 20);
  EXPECT_EQ(p.caseload_low, 50);
  EXPECT_EQ(p.caseload_high, 70);
  EXPECT_TRUE(p.closure_days.empty());
  EXPECT_NE(p.describe().find("the anchor is day 0"), std::string::npos);
}

TEST(Policy, OverridesFromACase) {
  const Policy p = Policy::england().with_overrides_json(
      R"({"anchor_day_counts": true, "interval_unit": "days", "closure_days": ["2022-12-28"], "caseload_band": [45, 65],
          "ladder": {"stages": [{"name": "team_manager", "response_working_days": 5}], "bypass": false}})",
      "case.json");
  EXPECT_EQ(p.anchor, iro::AnchorConvention::counts_as_day_one);
  EXPECT_EQ(p.interval_unit, iro::IntervalUnit::days);
  ASSERT_EQ(p.closure_days.size(), 1u);
  EXPECT_EQ(p.caseload_low, 45);
  EXPECT_EQ(p.caseload_high, 65);
  const iro::Calendar base = iro::Calendar::england_and_wales();
  EXPECT_FALSE(p.calendar(base).is_working_day(iro::Date::parse("2022-12-28")));
  EXPECT_TRUE(Policy::england().calendar(base).is_working_day(iro::Date::parse("2022-12-28")));
  ASSERT_EQ(p.ladder.stages.size(), 1u);
  EXPECT_FALSE(p.ladder.bypass);
  EXPECT_EQ(p.ladder.formal_limit_working_days, 20);
}

TEST(Policy, BadOverridesNameTheKeyAndValue) {
  const std::pair<const char*, const char*> rows[] = {
      {R"({"anchor_day_count": true})", "unknown key \"anchor_day_count\""},
      {R"({"interval_unit": "weeks"})", "policy.interval_unit: \"weeks\" is not"},
      {R"({"anchor_day_counts": 1})", "policy.anchor_day_counts: 1 is not true or false"},
      {R"({"closure_days": ["2022-13-01"]})", "closure_days[0]"},
      {R"({"caseload_band": [70, 50]})", "policy.caseload_band: [70,50] has low above high"},
      {R"({"ladder": {"stages": []}})", "policy.ladder.stages: an escalation ladder needs at least one stage"},
      {R"([1])", "is not an object"},
      {R"({)", "p.json:1:"},
  };
  for (const auto& [json, fragment] : rows) {
    const auto [status, message] = failure([&] { Policy::england().with_overrides_json(json, "p.json"); });
    EXPECT_NE(status, Status::ok) << json;
    EXPECT_NE(message.find(fragment), std::string::npos) << message;
  }
}

// ---- policy files ----

#include <filesystem>
#include <fstream>

#include "iro/rules/schedule.hpp"

namespace {

const std::string data = IRO_TEST_DATA;
const std::string examples = IRO_EXAMPLES_DIR;

iro::Date d(const char* text) { return iro::Date::parse(text); }

// Writes a policy file into a fresh temporary directory and returns its path.

std::string write_policy(const std::string& name, const std::string& text) {
  const auto path = iro::test::scratch_dir() / name;
  std::ofstream(path) << text;
  return path.string();
}

}  // namespace

TEST(PolicyFiles, TheBuiltinPolicyIsADocumentWithTwoVersionsOfTheFirstReview) {
  const Policy p = Policy::england();
  ASSERT_EQ(p.standard.versions.size(), 2u);
  EXPECT_EQ(p.standard.in_force(d("2011-03-31")).first.interval.unit, iro::Unit::weeks);
  EXPECT_EQ(p.standard.in_force(d("2011-04-01")).first.interval.unit, iro::Unit::working_days);
  EXPECT_EQ(p.ladder.stages.size(), 5u);
  EXPECT_EQ(p.source, "built-in policy \"england\"");
  // A child looked after before 1 April 2011 is judged by the rule of its day: 4 weeks.
  iro::Child c;
  c.id = "H";
  c.periods.push_back({d("2011-03-01"), std::nullopt, iro::Regime::standard, {}});
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  EXPECT_EQ(iro::evaluate(c, p, cal, d("2011-03-02")).next->due.date, d("2011-03-29"));
  c.periods[0].start = d("2011-04-01");
  // 20 working days over Easter 2011, the royal wedding (2011-04-29) and the early May bank holiday.
  EXPECT_EQ(iro::evaluate(c, p, cal, d("2011-04-02")).next->due.date, d("2011-05-05"));
  const std::string why = iro::explain(iro::evaluate(c, p, cal, d("2011-04-02")).next->due, p, cal);
  EXPECT_NE(why.find("CPPCR 2010 reg 33(1)"), std::string::npos) << why;
  c.periods[0].start = d("2011-03-01");
  EXPECT_NE(iro::explain(iro::evaluate(c, p, cal, d("2011-03-02")).next->due, p, cal).find("1991 reg 3,"),
            std::string::npos);
}

TEST(PolicyFiles, EveryExampleCouncilPolicyLoadsWithWhatItStates) {
  const Policy brent = Policy::from_file(examples + "/brent.json");
  ASSERT_EQ(brent.ladder.stages.size(), 5u);
  EXPECT_EQ(brent.ladder.stages.back().name, "operational_director");
  EXPECT_FALSE(brent.ladder.stages.front().response_working_days.has_value());  // informal, with the social worker
  EXPECT_EQ(brent.record_working_days, 20);                                     // from England
  const Policy hounslow = Policy::from_file(examples + "/hounslow.json");
  EXPECT_EQ(hounslow.record_working_days, 15);
  EXPECT_EQ(hounslow.report_working_days_before, 5);
  EXPECT_EQ(hounslow.midway_target_percent, 85);
  ASSERT_EQ(hounslow.ladder.stages.size(), 4u);
  EXPECT_EQ(hounslow.ladder.stages.back().name, "assistant_director");
  // The report states no times: every formal stage has England's 5 (the assistant director had an invented 10).
  EXPECT_EQ(hounslow.ladder.stages.back().response_working_days, 5);
  EXPECT_EQ(hounslow.caseload_high, 70);  // the overlay keeps what it does not state
  const Policy thurrock = Policy::from_file(examples + "/thurrock.json");
  // Informal, the formal Dispute Resolution Process, the Corporate Director: no stage the report does not name.
  ASSERT_EQ(thurrock.ladder.stages.size(), 3u);
  EXPECT_FALSE(thurrock.ladder.stages[0].response_working_days.has_value());
  EXPECT_EQ(thurrock.ladder.stages[1].name, "formal_dispute_resolution");
  EXPECT_EQ(thurrock.ladder.stages[1].response_working_days, 5);
  EXPECT_EQ(thurrock.ladder.stages.back().name, "corporate_director");
  EXPECT_TRUE(thurrock.ladder.cafcass_any_stage);
  const Policy bradford = Policy::from_file(examples + "/bradford.json");
  EXPECT_EQ(bradford.booking_percent, 83);
  ASSERT_EQ(bradford.dispute_categories.size(), 11u);
  EXPECT_EQ(bradford.dispute_categories.front().name, "Preparation for Child Care Review");
  EXPECT_EQ(bradford.dispute_categories.back().code, "A15");
  // Settled informally first, then an IRO alert ("usually resolved within a working week"); nothing above it.
  ASSERT_EQ(bradford.ladder.stages.size(), 2u);
  EXPECT_EQ(bradford.ladder.stages[0].name, "informal");
  EXPECT_FALSE(bradford.ladder.stages[0].response_working_days.has_value());
  EXPECT_EQ(bradford.ladder.stages[1].name, "iro_alert");
  EXPECT_EQ(bradford.ladder.stages[1].response_working_days, 5);
  const Policy medway = Policy::from_file(examples + "/medway.json");
  EXPECT_EQ(medway.record_working_days, 15);
  // A DRN is raised where informal action has failed: it is formal; the report names no stage above it.
  ASSERT_EQ(medway.ladder.stages.size(), 2u);
  EXPECT_EQ(medway.ladder.stages.front().name, "informal");
  EXPECT_FALSE(medway.ladder.stages.front().response_working_days.has_value());
  EXPECT_EQ(medway.ladder.stages.back().name, "drn");
  EXPECT_EQ(medway.ladder.stages.back().response_working_days, 5);
  EXPECT_NE(medway.source.find("medway.json"), std::string::npos);
}

TEST(PolicyFiles, StrictLoadingNamesTheFileAndThePath) {
  const std::string base = R"("format": "iro-policy/1", "extends": "england", "id": "t")";
  struct Row {
    std::string body;
    Status status;
    std::string fragment;
  };
  const std::vector<Row> rows = {
      {base + R"(, "colour": "red")", Status::parse, "$: unknown key \"colour\""},
      {base + R"(, "targets": {"record_working_days": "15"})", Status::parse,
       "$.targets.record_working_days: \"15\" is not a whole number"},
      {base + R"(, "targets": {"record_working_days": -5})", Status::invalid_argument,
       "$.targets.record_working_days: -5 is below 0"},
      {base + R"(, "disputes": {"ladder": {"stages": []}})", Status::invalid_argument,
       "$.disputes.ladder.stages: an escalation ladder needs at least one stage"},
      {base + R"(, "caseload": {"band": [70, 50]})", Status::invalid_argument,
       "$.caseload.band: [70,50] has low above high"},
      {base +
           R"(, "regimes": {"standard": [{"from": null, "first": {"value": -1, "unit": "weeks", "cite": "c"},
               "second": {"value": 3, "unit": "months", "cite": "c"},
               "subsequent": {"value": 6, "unit": "months", "cite": "c"}}]})",
       Status::invalid_argument, "$.regimes.standard[0].first.value: -1 is below 0"},
      {base +
           R"(, "regimes": {"standard": [{"from": null, "first": {"value": 4, "unit": "fortnights", "cite": "c"},
               "second": {"value": 3, "unit": "months", "cite": "c"},
               "subsequent": {"value": 6, "unit": "months", "cite": "c"}}]})",
       Status::parse, "$.regimes.standard[0].first.unit: \"fortnights\""},
      {base + R"(, "regimes": {"standard": [{"from": null, "first": {"value": 4, "unit": "weeks", "cite": "c"}}]})",
       Status::parse, "$.regimes.standard[0]: missing \"second\""},
      {base + R"(, "regimes": {"standard": [{"from": null, "first": {"value": 4, "unit": "weeks"}}]})", Status::parse,
       "$.regimes.standard[0].first: missing \"cite\""},
      {base + R"(, "conventions": {"interval_unit": "weeks"})", Status::parse, "$.conventions.interval_unit"},
      {R"("format": "iro-policy/1", "extends": "no-such-base.json", "id": "t")", Status::not_found,
       "$.extends: no built-in policy or file \"no-such-base.json\""},
      {R"("extends": "england", "id": "t")", Status::parse, "$.format"},
      {R"("format": "iro-policy/1", "id": "t")", Status::parse, "$: missing \"title\""},
  };
  for (const Row& r : rows) {
    const std::string path = write_policy("bad.json", "{" + r.body + "}");
    const auto [status, message] = failure([&] { Policy::from_file(path); });
    EXPECT_EQ(status, r.status) << r.body << "\n" << message;
    EXPECT_NE(message.find(r.fragment), std::string::npos) << message;
    EXPECT_NE(message.find("bad.json"), std::string::npos) << message;
  }
  const auto [status, message] = failure([] { Policy::from_file(data + "/policies/cycle-a.json"); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_NE(message.find("a cycle of extends"), std::string::npos) << message;
  EXPECT_EQ(failure([] { Policy::from_file(data + "/policies/missing.json"); }).first, Status::io);
  EXPECT_EQ(failure([] { Policy::builtin("wales"); }).first, Status::not_found);
}

TEST(PolicyFiles, EarlyReviewsNeedNotRestartTheClock) {
  iro::Child c;
  c.id = "E";
  c.periods.push_back({d("2024-01-08"), std::nullopt, iro::Regime::standard, {}});
  c.reviews = {iro::Review{d("2024-02-02")}, iro::Review{d("2024-02-16")}};
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  Policy keep = Policy::england();
  EXPECT_EQ(iro::evaluate(c, keep, cal, d("2024-03-01")).next->due.date, d("2024-08-16"));
  // Both reviews were early. The second is due 3 months after the first review held (2024-02-02), not after
  // the first's due date (2024-02-05): reg 33(2) counts from the review, so the option cannot apply there.
  // The second met 2024-05-02 early, and the third runs from that due date rather than from 2024-02-16.
  keep.early_review_restarts_clock = false;
  const iro::Schedule s = iro::evaluate(c, keep, cal, d("2024-03-01"));
  EXPECT_EQ(s.reviews[1].due.date, d("2024-05-02"));
  EXPECT_EQ(s.next->due.date, d("2024-11-02"));
  EXPECT_EQ(s.next->due.anchor, d("2024-05-02"));
  EXPECT_EQ(s.next->due.statutory_anchor, d("2024-02-16"));
  EXPECT_EQ(s.next->due.statutory, d("2024-08-16"));
  const std::string why = iro::explain(s.next->due, keep, cal);
  EXPECT_NE(why.find("a local convention: an early review keeps its due date"), std::string::npos) << why;
  EXPECT_NE(why.find("By the law's own count the deadline is Friday 2024-08-16"), std::string::npos) << why;
}

TEST(Policy, ExtendsNamingADirectoryIsRefusedNamingTheFileThatSaidSo) {
  // Found by fuzz_policy: the message named only "/", not the file whose extends pointed there.
  const auto [status, message] =
      failure([] { iro::Policy::from_json(R"({"format": "iro-policy/1", "extends": "/"})", "p.json"); });
  EXPECT_EQ(status, Status::io);
  EXPECT_NE(message.find("p.json: $.extends: \"/\": \"/\" is a directory, not a file"), std::string::npos) << message;
}

TEST(Policy, APipeOrADeviceIsRefusedNotReadForever) {
  // An extends (or any path) naming a FIFO would block in open(), /dev/zero would never end.
  const std::string fifo = (iro::test::scratch_dir() / "fifo").string();
  std::filesystem::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  for (const std::string& path : {fifo, std::string("/dev/zero"), std::string("/dev/stdin")}) {
    const auto [status, message] = failure([&] { iro::Policy::from_file(path); });
    EXPECT_EQ(status, Status::io) << path;
    EXPECT_NE(message.find("is not a regular file"), std::string::npos) << message;
  }
  std::filesystem::remove(fifo);
}

TEST(Policy, ANumberBeyondADoubleIsAParseErrorNamingTheFile) {
  // Found by fuzz_policy: the JSON library threw its own exception, not an iro::Error.
  const auto [status, message] =
      failure([] { iro::Policy::from_json(R"({"format": 33333733333333333e333333})", "p.json"); });
  EXPECT_EQ(status, Status::parse);
  EXPECT_NE(message.find("p.json: malformed JSON (number overflow"), std::string::npos) << message;
}

// Issue 14: a case's inline overrides are not the base policy: explanations must not call them "policy england".
TEST(Policy, OverridesAreNamedAsSuch) {
  const Policy p = Policy::england().with_overrides_json(R"({"anchor_day_counts": true})", "case.json");
  EXPECT_EQ(p.id, "england with the overrides of case.json");
  EXPECT_NE(p.describe().find("policy england with the overrides of case.json:"), std::string::npos) << p.describe();
  EXPECT_NE(p.source.find("+ the overrides of case.json"), std::string::npos) << p.source;
}

// A band of one value is a band (found by mutation testing: low == high must be accepted, low > high refused).
TEST(Policy, ACaseloadBandMayBeOneValue) {
  const Policy p = Policy::england().with_overrides_json(R"({"caseload_band": [60, 60]})", "case.json");
  EXPECT_EQ(p.caseload_low, 60);
  EXPECT_EQ(p.caseload_high, 60);
  EXPECT_EQ(failure([] { Policy::england().with_overrides_json(R"({"caseload_band": [61, 60]})", "case.json"); }).first,
            Status::parse);
}

TEST(Policy, ACaseloadBandIsTwoNumbers) {  // a mutation survivor: [50] read past its end
  for (const char* band : {"[50]", "[50, 60, 70]", "50"}) {
    const std::string doc =
        std::string(R"({"format": "iro-policy/1", "extends": "england", "caseload": {"band": )") + band + "}}";
    const auto [status, message] = failure([&] { Policy::from_json(doc, "p.json"); });
    EXPECT_EQ(status, Status::parse) << band;
    EXPECT_NE(message.find("$.caseload.band: "), std::string::npos) << message;
  }
}

// Issue 17: local targets in the policy, each with where it comes from; the example policies carry the targets
// their councils' reports state.
TEST(Policy, LocalTargetsAndTheirSourcesLoadAndBadOnesAreRefused) {
  const iro::Policy brent = iro::Policy::from_file(std::string(IRO_EXAMPLES_DIR) + "/brent.json");
  EXPECT_EQ(brent.timeliness_target_percent, 95);
  EXPECT_FALSE(brent.participation_target_percent.has_value());
  ASSERT_EQ(brent.target_sources.count("timeliness_target_percent"), 1u);
  EXPECT_NE(brent.target_sources.at("timeliness_target_percent").find("Brent IRO annual report 2019/20"),
            std::string::npos);
  const iro::Policy thurrock = iro::Policy::from_file(std::string(IRO_EXAMPLES_DIR) + "/thurrock.json");
  EXPECT_EQ(thurrock.participation_target_percent, 90);
  const iro::Policy hounslow = iro::Policy::from_file(std::string(IRO_EXAMPLES_DIR) + "/hounslow.json");
  EXPECT_EQ(hounslow.timeliness_target_percent, 90);
  EXPECT_EQ(hounslow.records_target_percent, 95);
  EXPECT_EQ(hounslow.midway_target_percent, 85);
  EXPECT_EQ(hounslow.target_sources.size(), 3u);
  const iro::Policy england = iro::Policy::england();  // no national targets
  EXPECT_FALSE(england.timeliness_target_percent || england.participation_target_percent ||
               england.records_target_percent || england.pre_meeting_target_percent);
  EXPECT_TRUE(england.target_sources.empty());
  const std::string head = R"({"format": "iro-policy/1", "extends": "england", "id": "t", "targets": )";
  const iro::Policy set = iro::Policy::from_json(head + R"({"pre_meeting_target_percent": 0}})", "t.json");
  EXPECT_EQ(set.pre_meeting_target_percent, 0);
  const iro::Policy unset = iro::Policy::from_json(
      R"({"format": "iro-policy/1", "extends": "brent.json", "id": "u",
          "targets": {"timeliness_target_percent": null}})",
      std::string(IRO_EXAMPLES_DIR) + "/u.json");
  EXPECT_FALSE(unset.timeliness_target_percent.has_value());  // an overlay removes its base's target
  const struct {
    std::string targets;
    Status status;
    const char* names;
  } bad[] = {
      {R"({"timeliness_target_percent": 101})", Status::invalid_argument, "$.targets.timeliness_target_percent"},
      {R"({"records_target_percent": -1})", Status::invalid_argument, "$.targets.records_target_percent"},
      {R"({"participation_target_percent": "90%"})", Status::parse, "$.targets.participation_target_percent"},
      {R"({"sources": {"caseload": "x"}})", Status::parse, "$.targets.sources"},
      {R"({"sources": {"timeliness_target_percent": ""}})", Status::parse,
       "$.targets.sources.timeliness_target_percent"},
      {R"({"sources": {"timeliness_target_percent": 95}})", Status::parse,
       "$.targets.sources.timeliness_target_percent"},
  };
  for (const auto& b : bad) {
    const auto f = failure([&] { iro::Policy::from_json(head + b.targets + "}", "t.json"); });
    EXPECT_EQ(f.first, b.status) << b.targets << ": " << f.second;
    EXPECT_NE(f.second.find(b.names), std::string::npos) << f.second;
  }
}
