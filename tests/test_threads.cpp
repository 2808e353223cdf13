// Threads sharing one calendar, one policy and one read-only casebook, through the C++ API and the C
// API, each thread with its own error messages. Run in every build, and under ThreadSanitizer by
// .ci/run (build-tsan, `ctest -L threads`): the answers must equal the single-threaded ones and TSan must
// see no race.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "iro.h"
#include "iro/report/report.hpp"
#include "iro/data/ssda903.hpp"
#include "iro/report/report_format.hpp"
#include "iro/rules/schedule.hpp"
#include "tools/synth.hpp"

namespace {

constexpr int threads = 8;

std::vector<std::string> schedules_as_text(const iro::Casebook& book, const iro::Policy& policy,
                                           const iro::Calendar& cal) {
  std::vector<std::string> out;
  iro::Schedule s;
  for (const iro::Child& c : book.children) {
    iro::evaluate(c, policy, cal, iro::Date::from_ymd(2025, 3, 31), s);
    std::string t = c.id;
    for (const iro::ReviewResult& r : s.reviews) t += " " + r.date.iso() + "/" + r.due.date.iso();
    for (const iro::MissedReview& m : s.missed) t += " missed " + m.due.date.iso();
    out.push_back(t);
  }
  return out;
}

}  // namespace

TEST(Threads, SharedCalendarPolicyAndCasebookGiveTheSingleThreadedAnswers) {
  iro::SynthOptions o;
  o.children = 300;
  const iro::Casebook book = iro::casebook_from(iro::synthesize(o), "Shared");
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  const std::vector<std::string> expected = schedules_as_text(book, policy, cal);
  const std::string expected_report = iro::report_json(iro::annual_report(book, policy, cal, 2024));
  std::vector<int> agreed(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      bool same = schedules_as_text(book, policy, cal) == expected;
      same = same && iro::report_json(iro::annual_report(book, policy, cal, 2024)) == expected_report;
      // The report's own second thread, inside each of these.
      same = same &&
             iro::report_json(iro::annual_report(book, policy, cal, 2024, iro::ReportOptions{2})) == expected_report;
      for (int k = 0; k < 2000 && same; ++k) {
        const iro::Date d = iro::Date::from_ymd(2024, 1, 1).add_days(k);
        same = cal.working_days_between(d, cal.add_working_days(d, 20)) == 20;
      }
      agreed[static_cast<std::size_t>(t)] = same ? 1 : 0;
    });
  }
  for (std::thread& th : pool) th.join();
  for (int t = 0; t < threads; ++t) EXPECT_EQ(agreed[static_cast<std::size_t>(t)], 1) << "thread " << t;
}

TEST(Threads, EachThreadReadsItsOwnErrorMessageThroughTheCApi) {
  iro_calendar* cal = nullptr;
  iro_policy* policy = nullptr;
  iro_casebook* book = nullptr;
  ASSERT_EQ(iro_calendar_new_builtin("england-and-wales", &cal), IRO_OK);
  ASSERT_EQ(iro_policy_new_builtin("england", &policy), IRO_OK);
  ASSERT_EQ(iro_casebook_new(&book), IRO_OK);
  ASSERT_EQ(iro_casebook_synthesize(book, 200, 4, 2, 3), IRO_OK);
  size_t needed = 0;
  ASSERT_EQ(iro_casebook_report(book, policy, cal, 2024, IRO_REPORT_JSON, nullptr, 0, &needed), IRO_E_BUFFER_TOO_SMALL);
  const size_t report_size = needed;
  int32_t expected_sum = 0;
  ASSERT_EQ(iro_calendar_add_working_days(cal, 19723, 20, &expected_sum), IRO_OK);
  std::vector<int> ok(threads, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      bool fine = true;
      for (int k = 0; k < 300 && fine; ++k) {
        // A refusal whose message names this thread's own number of working days, while the other
        // threads fail with theirs...
        int32_t out = 0;
        const int32_t n = 1000000 + t * 1000 + k;
        fine = iro_calendar_add_working_days(cal, 19723, n, &out) == IRO_E_OUT_OF_RANGE;
        std::this_thread::yield();
        fine = fine && std::string(iro_last_error_message()).find(" + " + std::to_string(n) + " working days") !=
                           std::string::npos;
        // ...and a success on the shared handles, which empties this thread's message only.
        fine = fine && iro_calendar_add_working_days(cal, 19723, 20, &out) == IRO_OK && out == expected_sum;
        fine = fine && std::string(iro_last_error_message()).empty();
      }
      std::string json(report_size, '\0');
      fine = fine &&
             iro_casebook_report(book, policy, cal, 2024, IRO_REPORT_JSON, json.data(), json.size(), nullptr) == IRO_OK;
      ok[static_cast<std::size_t>(t)] = fine ? 1 : 0;
    });
  }
  for (std::thread& th : pool) th.join();
  for (int t = 0; t < threads; ++t) EXPECT_EQ(ok[static_cast<std::size_t>(t)], 1) << "thread " << t;
  iro_casebook_free(book);
  iro_policy_free(policy);
  iro_calendar_free(cal);
}

// import_903() reads its large tables in pieces on threads of its own (ImportOptions): under ThreadSanitizer
// this is where a race in the reading ahead would show. Several imports at once, each with its own readers,
// give the single-threaded answer.
TEST(Threads, AnImportReadInPiecesOnThreadsGivesTheSingleThreadedAnswer) {
  iro::Ssda903Files f;
  f.header = "CHILD,DOB\n";
  f.episodes = "CHILD,DECOM,RNE,LS,DEC\n";
  f.reviews = "CHILD,DOB,REVIEW,REVIEW_CODE,NOTE\n";
  f.midway_reviews = "CHILD,MIDWAY\n";
  for (int c = 0; c < 300; ++c) {
    const std::string id = std::to_string(1000 + c);
    f.header += id + ",01/01/2012\n";
    f.episodes += id + ",01/01/2020,S,C2,\n";
    for (int k = 1; k <= 9; ++k) {
      f.reviews += id + ",01/01/2012,0" + std::to_string(k) + "/0" + std::to_string(k) + "/2021,PN" +
                   std::to_string(k % 9) + (k == 3 ? ",\"two\nlines\"\n" : ",\n");
      f.midway_reviews += id + ",1" + std::to_string(k) + "/0" + std::to_string(k) + "/2021\n";
    }
  }
  const auto text = [](const iro::Ssda903Import& r) {
    std::string t;
    for (const iro::Child& c : r.children)
      t += c.id + " " + std::to_string(c.reviews.size()) + " " + std::to_string(c.midways.size()) + ";";
    for (const iro::ImportIssue& i : r.report.issues)
      t += i.file + ":" + std::to_string(i.line) + ": " + i.message + "\n";
    return t;
  };
  iro::ImportOptions one;
  one.threads = 1;
  const std::string expected = text(iro::import_903(f, iro::ImportMode::lenient, one));
  std::vector<int> same(4, 0);
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      iro::ImportOptions many;
      many.threads = 3;
      many.piece_bytes = 97 + static_cast<std::size_t>(t) * 50;
      same[static_cast<std::size_t>(t)] = text(iro::import_903(f, iro::ImportMode::lenient, many)) == expected ? 1 : 0;
    });
  }
  for (std::thread& th : pool) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(same[static_cast<std::size_t>(t)], 1) << "thread " << t;
}
