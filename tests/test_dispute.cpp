// Tests of include/iro/rules/dispute.hpp: every transition and rejection, deadlines over holidays, bypass on
// and off, Cafcass, a stage with no response time, the register's figures and its CSV reader.
#include <gtest/gtest.h>

#include "failure.hpp"
#include "seeds_register.hpp"
#include "iro/rules/dispute.hpp"

using iro::Date;
using iro::DisputeAction;
using iro::DisputeEvent;
using iro::DisputeStatus;
using iro::Status;
using iro::test::failure;

namespace {

Date d(const char* text) { return Date::parse(text); }

const iro::Calendar& cal() {
  static const iro::Calendar c = iro::Calendar::england_and_wales();
  return c;
}

const iro::Ladder& england() {
  static const iro::Ladder l = iro::Policy::england().ladder;
  return l;
}

DisputeEvent ev(const char* date, DisputeAction a, const char* stage = "") { return DisputeEvent{d(date), a, stage}; }

}  // namespace

TEST(Dispute, EveryTransition) {
  auto s = iro::replay_dispute({ev("2024-06-03", DisputeAction::raise)}, england(), cal(), d("2024-06-03"));
  EXPECT_EQ(s.status, DisputeStatus::open);
  EXPECT_EQ(*s.stage, 0u);
  EXPECT_FALSE(s.response_due.has_value());  // informal: no fixed response time
  EXPECT_FALSE(s.formal_deadline.has_value());
  s = iro::replay_dispute({ev("2024-06-03", DisputeAction::raise), ev("2024-06-04", DisputeAction::escalate)},
                          england(), cal(), d("2024-06-12"));
  EXPECT_EQ(*s.stage, 1u);
  EXPECT_EQ(*s.response_due, d("2024-06-11"));
  EXPECT_EQ(*s.formal_deadline, d("2024-07-02"));
  EXPECT_TRUE(s.overdue);
  s = iro::replay_dispute({ev("2024-06-03", DisputeAction::raise), ev("2024-06-04", DisputeAction::withdraw)},
                          england(), cal(), d("2024-06-12"));
  EXPECT_EQ(s.status, DisputeStatus::withdrawn);
  EXPECT_EQ(*s.closed, d("2024-06-04"));
  EXPECT_FALSE(s.overdue);
}

TEST(Dispute, DeadlinesStepOverChristmasAndBankHolidays) {
  const auto s =
      iro::replay_dispute({ev("2024-12-16", DisputeAction::raise), ev("2024-12-23", DisputeAction::escalate)},
                          england(), cal(), d("2024-12-31"));
  EXPECT_EQ(*s.response_due, d("2025-01-02"));     // 24, 27, 30, 31 Dec and 2 Jan
  EXPECT_EQ(*s.formal_deadline, d("2025-01-23"));  // 20 working days over Christmas and New Year
  const auto easter =
      iro::replay_dispute({ev("2024-03-26", DisputeAction::raise, "team_manager")}, england(), cal(), d("2024-03-26"));
  EXPECT_EQ(*easter.response_due, d("2024-04-04"));  // over Good Friday and Easter Monday
}

TEST(Dispute, EveryRejectionLeavesTheStateAsItWas) {
  const std::vector<DisputeEvent> events = {
      ev("2024-06-03", DisputeAction::escalate),              // 0: not raised yet
      ev("2024-06-03", DisputeAction::raise),                 // 1
      ev("2024-06-04", DisputeAction::raise),                 // 2: second raise
      ev("2024-06-02", DisputeAction::escalate),              // 3: before the event before it
      ev("2024-06-05", DisputeAction::escalate, "nowhere"),   // 4: unknown stage
      ev("2024-06-05", DisputeAction::escalate, "informal"),  // 5: not above the current stage
      ev("2024-06-06", DisputeAction::refer_cafcass),         // 6
      ev("2024-06-07", DisputeAction::refer_cafcass),         // 7: second referral
      ev("2024-06-10", DisputeAction::escalate, "director"),  // 8: bypass allowed
      ev("2024-06-11", DisputeAction::escalate),              // 9: past the last stage
      ev("2024-06-12", DisputeAction::resolve),               // 10
      ev("2024-06-13", DisputeAction::escalate),              // 11: after resolve
  };
  const auto s = iro::replay_dispute(events, england(), cal(), d("2024-06-30"));
  EXPECT_EQ(s.rejected, (std::vector<std::size_t>{0, 2, 3, 4, 5, 7, 9, 11}));
  ASSERT_EQ(s.reasons.size(), 8u);
  EXPECT_NE(s.reasons[1].find("already raised on 2024-06-03"), std::string::npos) << s.reasons[1];
  EXPECT_NE(s.reasons[2].find("before the event before it"), std::string::npos) << s.reasons[2];
  EXPECT_NE(s.reasons[3].find("no stage \"nowhere\""), std::string::npos) << s.reasons[3];
  EXPECT_NE(s.reasons[6].find("no stage above \"director\""), std::string::npos) << s.reasons[6];
  EXPECT_EQ(s.status, DisputeStatus::resolved);
  EXPECT_EQ(england().stages[*s.stage].name, "director");
  EXPECT_EQ(*s.cafcass_referred, d("2024-06-06"));
  EXPECT_EQ(*s.formal_deadline, d("2024-07-08"));  // 20 working days from 2024-06-10
}

TEST(Dispute, BypassOffAndCafcassOnlyAtTheTop) {
  iro::Ladder strict = england();
  strict.bypass = false;
  strict.cafcass_any_stage = false;
  const auto s = iro::replay_dispute(
      {ev("2024-06-03", DisputeAction::raise), ev("2024-06-04", DisputeAction::escalate, "director"),
       ev("2024-06-05", DisputeAction::refer_cafcass), ev("2024-06-06", DisputeAction::escalate),
       ev("2024-06-07", DisputeAction::escalate, "service_manager")},
      strict, cal(), d("2024-06-30"));
  EXPECT_EQ(s.rejected, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(strict.stages[*s.stage].name, "service_manager");
  EXPECT_EQ(
      iro::replay_dispute({ev("2024-06-03", DisputeAction::raise, "head_of_service")}, strict, cal(), d("2024-06-30"))
          .rejected.size(),
      1u);  // no starting above the first stage without bypass
  // Cafcass at every stage of the default ladder.
  for (const iro::LadderStage& stage : england().stages) {
    const auto t = iro::replay_dispute(
        {ev("2024-06-03", DisputeAction::raise, stage.name.c_str()), ev("2024-06-04", DisputeAction::refer_cafcass)},
        england(), cal(), d("2024-06-30"));
    EXPECT_TRUE(t.rejected.empty()) << stage.name;
    EXPECT_EQ(*t.cafcass_referred, d("2024-06-04"));
  }
}

TEST(Dispute, AStageWithNoResponseTimeInsideTheFormalProcess) {
  iro::Ladder l;
  l.stages = {{"team_manager", 5}, {"panel", std::nullopt}, {"director", 10}};
  const auto s = iro::replay_dispute(
      {ev("2024-06-03", DisputeAction::raise), ev("2024-06-05", DisputeAction::escalate)}, l, cal(), d("2024-07-02"));
  EXPECT_FALSE(s.response_due.has_value());
  EXPECT_EQ(*s.formal_deadline, d("2024-07-01"));  // from raising at the formal team manager stage
  EXPECT_TRUE(s.overdue);                          // past the formal deadline
  EXPECT_THROW(iro::replay_dispute({}, iro::Ladder{}, cal(), d("2024-07-02")), iro::Error);
}

// Bradford's example ladder (issue 17): disputes are settled informally first, then an IRO alert, "usually
// resolved within a working week" (5 working days); the report names no stage above the alert. Before, the
// alert was the first stage and formal, so every dispute raised counted as formal and none as informal.
TEST(DisputeRegister, BradfordsExampleLadderIsInformalThenTheAlert) {
  const iro::Policy bradford = iro::Policy::from_file(std::string(IRO_EXAMPLES_DIR) + "/bradford.json");
  auto s = iro::replay_dispute({ev("2024-06-03", DisputeAction::raise)}, bradford.ladder, cal(), d("2024-06-04"));
  EXPECT_EQ(*s.stage, 0u);
  EXPECT_FALSE(s.response_due.has_value());  // informal: no response time, no formal deadline yet
  EXPECT_FALSE(s.formal_start.has_value());
  s = iro::replay_dispute({ev("2024-06-03", DisputeAction::raise), ev("2024-06-04", DisputeAction::escalate),
                           ev("2024-06-05", DisputeAction::escalate)},
                          bradford.ladder, cal(), d("2024-06-12"));
  EXPECT_EQ(bradford.ladder.stages[*s.stage].name, "iro_alert");
  EXPECT_EQ(*s.formal_start, d("2024-06-04"));     // the alert starts the formal process
  EXPECT_EQ(*s.response_due, d("2024-06-11"));     // 5 working days: 5, 6, 7, 10, 11 June
  EXPECT_EQ(*s.formal_deadline, d("2024-07-02"));  // 20 working days (the England limit)
  EXPECT_TRUE(s.overdue);
  EXPECT_EQ(s.rejected, (std::vector<std::size_t>{2}));  // nothing above the alert

  iro::DisputeRegister reg(bradford, cal());
  reg.add("A1", "C1", "IRO1", "A2");  // informal, then an alert, resolved
  reg.add_event("A1", ev("2024-06-03", DisputeAction::raise));
  reg.add_event("A1", ev("2024-06-04", DisputeAction::escalate));
  reg.add_event("A1", ev("2024-06-10", DisputeAction::resolve));
  reg.add("A2", "C2", "IRO1", "A13");  // settled informally
  reg.add_event("A2", ev("2024-06-03", DisputeAction::raise));
  reg.add_event("A2", ev("2024-06-05", DisputeAction::resolve));
  reg.add("A3", std::vector<std::string>{"C3", "C4"}, "IRO2",
          std::vector<std::string>{"A6"});  // an alert straight away (bypass), still open
  reg.add_event("A3", ev("2024-06-03", DisputeAction::raise, "iro_alert"));
  const iro::DisputeFigures f = reg.figures(d("2024-06-01"), d("2024-06-30"));
  EXPECT_EQ(f.raised, 3u);
  EXPECT_EQ(f.informal_raised, 2u);  // A1, A2
  EXPECT_EQ(f.became_formal, 1u);    // A1
  EXPECT_EQ(f.formal, 2u);           // A1 (4 June), A3 (3 June)
  EXPECT_EQ(f.formal_children, 3u);  // C1, C3, C4
  EXPECT_EQ(f.resolved, 2u);
  EXPECT_EQ(f.resolved_at.at("informal"), 1u);   // A2
  EXPECT_EQ(f.resolved_at.at("iro_alert"), 1u);  // A1
  EXPECT_EQ(f.open, 1u);                         // A3
  EXPECT_EQ(f.open_by_stage.at("iro_alert"), 1u);
  EXPECT_EQ(f.overdue, 1u);  // A3: response due 10 June
}

TEST(DisputeRegister, FiguresForAPeriod) {
  iro::DisputeRegister reg(iro::Policy::england(), cal());
  iro::load_disputes_csv(reg, std::string(IRO_TEST_DATA) + "/disputes/events.csv");
  ASSERT_EQ(reg.disputes().size(), 5u);
  const iro::DisputeFigures f = reg.figures(d("2025-01-01"), d("2025-03-31"));
  EXPECT_EQ(f.raised, 4u);           // D2-D5
  EXPECT_EQ(f.informal_raised, 3u);  // D2, D4, D5 (D3 was raised at the team manager)
  EXPECT_EQ(f.became_formal, 1u);    // D4 reached the team manager
  EXPECT_EQ(f.resolved, 2u);         // D1 on 2025-01-09, D2 on 2025-01-08
  EXPECT_EQ(f.withdrawn, 1u);
  EXPECT_EQ(f.cafcass, 1u);
  EXPECT_EQ(f.open, 2u);     // D3 (service manager), D5 (informal)
  EXPECT_EQ(f.overdue, 1u);  // D3: response due 2025-01-31
  EXPECT_EQ(f.resolved_at.at("director"), 1u);
  EXPECT_EQ(f.resolved_at.at("informal"), 1u);
  EXPECT_EQ(f.by_category.at("permanency"), 1u);
  EXPECT_EQ(f.by_category.at("contact"), 2u);
  EXPECT_EQ(f.open_by_stage.at("service_manager"), 1u);
  // Working days to resolve: D2 2 (6 Jan to 8 Jan), D1 15 (16 Dec to 9 Jan): median 8.5, 90th percentile 15.
  EXPECT_DOUBLE_EQ(f.median_working_days, 8.5);
  EXPECT_DOUBLE_EQ(f.p90_working_days, 15.0);
  EXPECT_EQ(failure([&] { reg.figures(d("2025-02-01"), d("2025-01-01")); }).first, Status::invalid_argument);
}

TEST(DisputeRegister, TalliesSayHowEachDisputeCounts) {
  iro::DisputeRegister reg(iro::Policy::england(), cal());
  iro::load_disputes_csv(reg, std::string(IRO_TEST_DATA) + "/disputes/events.csv");
  const auto tally = [&](const char* id) { return reg.tally(*reg.index(id), d("2025-01-01"), d("2025-03-31")); };
  const iro::DisputeTally d1 = tally("D1"), d2 = tally("D2"), d3 = tally("D3"), d4 = tally("D4");
  EXPECT_FALSE(d1.raised);  // raised in December 2024
  EXPECT_TRUE(d1.resolved);
  EXPECT_EQ(d1.stage, "director");
  EXPECT_EQ(d1.working_days, 15);
  EXPECT_TRUE(d2.raised && d2.informal && d2.resolved);
  EXPECT_EQ(d2.stage, "informal");
  EXPECT_EQ(d2.working_days, 2);
  EXPECT_TRUE(d3.raised && !d3.informal && d3.open && d3.overdue);
  EXPECT_EQ(d3.stage, "service_manager");
  EXPECT_TRUE(d4.informal && d4.became_formal);
  EXPECT_EQ(failure([&] { reg.tally(99, d("2025-01-01"), d("2025-03-31")); }).first, Status::invalid_argument);
  // The figures are the tallies summed.
  std::size_t raised = 0, open = 0;
  for (std::size_t i = 0; i < reg.disputes().size(); ++i) {
    const iro::DisputeTally t = reg.tally(i, d("2025-01-01"), d("2025-03-31"));
    raised += t.raised;
    open += t.open;
  }
  EXPECT_EQ(raised, reg.figures(d("2025-01-01"), d("2025-03-31")).raised);
  EXPECT_EQ(open, reg.figures(d("2025-01-01"), d("2025-03-31")).open);
}

TEST(DisputeRegister, BadEventsAreRefusedNamingTheEvent) {
  iro::Policy bradford = iro::Policy::england();
  bradford.dispute_categories = {{"A1", "Preparation for Child Care Review"}};
  iro::DisputeRegister reg(bradford, cal());
  reg.add("D1", "K1", "A", "A1");
  EXPECT_EQ(failure([&] { reg.add("D2", "K2", "A", "A99"); }).first, Status::not_found);
  EXPECT_EQ(failure([&] { reg.add("D1", "K1", "A", "A1"); }).first, Status::invalid_argument);
  reg.add_event("D1", ev("2024-06-03", DisputeAction::raise));
  auto [status, message] = failure([&] { reg.add_event("D1", ev("2024-06-04", DisputeAction::raise)); });
  EXPECT_EQ(status, Status::rule_violation);
  EXPECT_NE(message.find("dispute \"D1\": event 1 (raise on 2024-06-04): the dispute was already raised"),
            std::string::npos)
      << message;
  EXPECT_EQ(reg.disputes()[0].events.size(), 1u);  // unchanged
  EXPECT_EQ(failure([&] { reg.add_event("D1", ev("2024-06-01", DisputeAction::escalate)); }).first,
            Status::rule_violation);
  EXPECT_EQ(failure([&] { reg.add_event("D1", ev("2024-06-05", DisputeAction::escalate, "board")); }).first,
            Status::not_found);
  EXPECT_EQ(failure([&] { reg.add_event("D9", ev("2024-06-05", DisputeAction::resolve)); }).first, Status::not_found);
  const auto [csv_status, csv_message] = failure([&] {
    iro::read_disputes_csv(
        reg, "dispute_id,date,action\nD7,2024-06-03,raise\nD7,2024-06-04,resolve\nD7,2024-06-05,resolve\n", "e.csv");
  });
  EXPECT_EQ(csv_status, Status::rule_violation);
  EXPECT_NE(csv_message.find("e.csv:4: dispute \"D7\""), std::string::npos) << csv_message;
  EXPECT_FALSE(reg.index("D7").has_value()) << "a failed load added disputes";
  EXPECT_NE(failure([&] {
              iro::read_disputes_csv(reg, "dispute_id,date,action\nD8,2024-06-03,shout\n", "e.csv");
            }).second.find("e.csv:2: column action: \"shout\""),
            std::string::npos);
}

TEST(Dispute, CodesSortNaturally) {
  const iro::NaturalLess less;
  EXPECT_TRUE(less("A1", "A2"));
  EXPECT_TRUE(less("A2", "A10"));  // by bytes "A10" < "A2"
  EXPECT_FALSE(less("A10", "A2"));
  EXPECT_TRUE(less("A10", "A15"));
  EXPECT_TRUE(less("A9", "B1"));
  EXPECT_TRUE(less("A", "A1"));  // a prefix first
  EXPECT_FALSE(less("A1", "A1"));
  EXPECT_TRUE(less("A01", "A1") != less("A1", "A01"));  // equal in value, still a strict order
  iro::CodeCounts counts;
  for (const char* code : {"A15", "A2", "A10", "A1", "A13", "A9"}) counts[code] = 1;
  std::string order;
  for (const auto& [code, n] : counts) order += code + std::string(" ");
  EXPECT_EQ(order, "A1 A2 A9 A10 A13 A15 ");
}

TEST(Dispute, ListsAreSplitOnSemicolons) {
  using V = std::vector<std::string>;
  EXPECT_EQ(iro::split_dispute_list(""), V{});
  EXPECT_EQ(iro::split_dispute_list("  "), V{});
  EXPECT_EQ(iro::split_dispute_list("101"), V{"101"});
  EXPECT_EQ(iro::split_dispute_list("101; 102 ;103"), (V{"101", "102", "103"}));
  EXPECT_EQ(iro::split_dispute_list("101;;102"), (V{"101", "", "102"}));
  EXPECT_EQ(iro::split_dispute_list("101;"), (V{"101", ""}));
}

TEST(DisputeRegister, ADisputeMayConcernASiblingGroupAndSeveralCategories) {
  using V = std::vector<std::string>;  // (a braced list alone is ambiguous with the one-child form)
  iro::Policy bradford = iro::Policy::england();
  bradford.dispute_categories = {
      {"A1", "Preparation for Child Care Review"}, {"A2", "Timescales"}, {"A10", "Placement"}};
  iro::DisputeRegister reg(bradford, cal());
  reg.add("D1", V{"C1", "C2", "C3"}, "I1", V{"A2", "A10"});
  EXPECT_EQ(reg.disputes()[0].children_text(), "C1;C2;C3");
  EXPECT_EQ(reg.disputes()[0].categories_text(), "A2;A10");
  reg.add("D2", "", "I1", "");  // the one-child form, with neither
  EXPECT_TRUE(reg.disputes()[1].children.empty());
  EXPECT_EQ(reg.disputes()[1].categories_text(), "(none)");
  EXPECT_EQ(failure([&] { reg.add("D3", V{"C1", "C1"}, "I1", V{}); }).first, Status::invalid_argument);
  EXPECT_EQ(failure([&] { reg.add("D3", V{"C1", ""}, "I1", V{}); }).first, Status::invalid_argument);
  EXPECT_EQ(failure([&] { reg.add("D3", V{"C1"}, "I1", V{"A1", "A1"}); }).first, Status::invalid_argument);
  const auto [status, message] = failure([&] { reg.add("D3", V{"C1"}, "I1", V{"A1", "A99"}); });
  EXPECT_EQ(status, Status::not_found);
  EXPECT_NE(message.find("category \"A99\""), std::string::npos) << message;
  EXPECT_FALSE(reg.index("D3").has_value()) << "a refused dispute was added";
}

using iro::test::seeds_policy;
using iro::test::seeds_register;

TEST(DisputeRegister, FiguresAsTheSeedsCountThem) {
  iro::DisputeRegister reg(seeds_policy(), cal());
  iro::read_disputes_csv(reg, seeds_register, "events.csv");
  ASSERT_EQ(reg.disputes().size(), 5u);
  EXPECT_EQ(reg.disputes()[0].children, (std::vector<std::string>{"C1", "C2", "C3"}));
  EXPECT_EQ(reg.disputes()[0].categories, (std::vector<std::string>{"A2", "A10", "A1"}));
  const iro::DisputeFigures f = reg.figures(d("2024-04-01"), d("2025-03-31"));
  EXPECT_EQ(f.raised, 4u);
  EXPECT_EQ(f.children, 5u);  // Bradford's "alerts ... in respect of N children"
  EXPECT_EQ(f.issues, 7u);    // Bradford's issues: one per category named
  EXPECT_EQ(f.formal, 3u);
  EXPECT_EQ(f.formal_children, 6u);  // Hounslow's "formal IRO challenges were raised for N children"
  EXPECT_EQ(f.resolved, 3u);
  EXPECT_EQ(f.withdrawn, 1u);
  EXPECT_EQ(f.became_formal, 1u);  // D1 (D4 was raised formally; D3 was raised the year before)
  std::string order;
  for (const auto& [code, n] : f.by_category) order += code + "=" + std::to_string(n) + " ";
  EXPECT_EQ(order, "(none)=1 A1=1 A2=2 A10=1 A13=1 A15=1 ");
  order.clear();
  for (const auto& [code, n] : f.resolved_by_category) order += code + "=" + std::to_string(n) + " ";
  EXPECT_EQ(order, "(none)=1 A1=1 A2=1 A10=1 A15=1 ");  // Thurrock's completed disputes by area
  const iro::DisputeTally d3 = reg.tally(2, d("2024-04-01"), d("2025-03-31"));
  EXPECT_TRUE(d3.formal && !d3.raised);
  EXPECT_EQ(*d3.formal_on, d("2024-04-02"));
  // The year before: D3 alone, raised there, formal only in the next year.
  const iro::DisputeFigures before = reg.figures(d("2023-04-01"), d("2024-03-31"));
  EXPECT_EQ(before.raised, 1u);
  EXPECT_EQ(before.children, 1u);
  EXPECT_EQ(before.issues, 1u);
  EXPECT_EQ(before.formal, 0u);
  EXPECT_EQ(before.formal_children, 0u);
  // A category written "(none)" counts with the disputes that name none (2 here: D6's and D7's).
  iro::DisputeRegister plain(iro::Policy::england(), cal());
  iro::read_disputes_csv(plain, "dispute_id,date,action,category\nD6,2024-05-01,raise,(none)\nD7,2024-05-02,raise,\n",
                         "e.csv");
  EXPECT_EQ(plain.figures(d("2024-04-01"), d("2025-03-31")).by_category.at("(none)"), 2u);
}

TEST(DisputeRegister, BadListsAreRejectedRowsNamingTheColumnAndTheRestAreRead) {
  iro::DisputeRegister reg(seeds_policy(), cal());
  iro::ImportReport report;
  iro::read_disputes_csv(reg,
                         "dispute_id,date,action,stage,child_id,iro_id,category\n"
                         "D1,2024-05-01,raise,,C1;;C2,I1,A1\n"  // an empty item
                         "D1,2024-05-02,resolve,,,,\n"          // so D1 is not in the register
                         "D2,2024-05-01,raise,,C1;C1,I1,A1\n"   // a child twice
                         "D3,2024-05-01,raise,,C1,I1,A1;A2;A1\n"
                         "D4,2024-05-01,raise,,C1,I1,A1;A99\n"  // a category the policy does not list
                         "D5,2024-05-01,raise,,C1;C2,I1,A1;A2\n",
                         "events.csv", report);
  ASSERT_EQ(reg.disputes().size(), 1u);
  EXPECT_EQ(reg.disputes()[0].id, "D5");
  EXPECT_EQ(report.rows["events.csv"], 6u);
  EXPECT_EQ(report.rejected, 5u);
  ASSERT_EQ(report.issues.size(), 5u);
  const iro::ImportIssue& empty = report.issues[0];
  EXPECT_EQ(empty.file, "events.csv");
  EXPECT_EQ(empty.line, 2u);
  EXPECT_EQ(empty.column, "child_id");
  EXPECT_NE(empty.message.find("\"C1;;C2\": item 2 of 3 is empty"), std::string::npos) << empty.message;
  EXPECT_EQ(report.issues[1].line, 3u);
  EXPECT_EQ(report.issues[2].column, "child_id");
  EXPECT_NE(report.issues[2].message.find("\"C1\" is listed twice"), std::string::npos) << report.issues[2].message;
  EXPECT_EQ(report.issues[3].column, "category");
  EXPECT_NE(report.issues[3].message.find("\"A1\" is listed twice"), std::string::npos) << report.issues[3].message;
  EXPECT_EQ(report.issues[4].line, 6u);
  EXPECT_EQ(report.issues[4].column, "category");
  EXPECT_NE(report.issues[4].message.find("category \"A99\""), std::string::npos) << report.issues[4].message;
  // The all-or-nothing reader refuses the file at its first bad row.
  iro::DisputeRegister strict(seeds_policy(), cal());
  const auto [status, message] = failure(
      [&] { iro::read_disputes_csv(strict, "dispute_id,date,action,child_id\nD1,2024-05-01,raise,C1;\n", "e.csv"); });
  EXPECT_EQ(status, Status::parse);
  EXPECT_NE(message.find("e.csv:2: column child_id: \"C1;\""), std::string::npos) << message;
  EXPECT_TRUE(strict.disputes().empty());
}
