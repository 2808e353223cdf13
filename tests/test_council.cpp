// Tests of include/iro/data/council.hpp: a council read from one directory (903 return, local extracts, roster,
// dispute events) with one report; bad rows of any file are rejected rows, never a failed import.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "failure.hpp"
#include "scratch.hpp"
#include "iro/data/council.hpp"
#include "tools/synth.hpp"

using iro::Calendar;
using iro::CouncilImport;
using iro::ImportMode;
using iro::Policy;
using iro::Status;
using iro::test::failure;

namespace {

// A synthetic council for @p policy written to a fresh folder @p name.
std::string council_dir(const std::string& name, const Policy& policy) {
  iro::SynthOptions o;
  o.children = 120;
  o.officers = 4;
  const std::string dir = (iro::test::scratch_dir() / name).string();
  std::filesystem::remove_all(dir);
  iro::write_synth_files(iro::synthesize(o.for_policy(policy)), dir);
  return dir;
}

bool has_issue(const iro::ImportReport& r, const std::string& file, const std::string& fragment) {
  for (const auto& i : r.issues) {
    if (i.file == file && i.line > 1 && i.rejected && i.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

Policy example(const char* name) { return Policy::from_file(std::string(IRO_EXAMPLES_DIR) + "/" + name + ".json"); }

}  // namespace

TEST(Council, EverythingInTheDirectoryIsRead) {
  const Policy england = Policy::england();
  const std::string dir = council_dir("england", england);
  const CouncilImport c = iro::import_council(dir, england, Calendar::england_and_wales(), ImportMode::strict);
  EXPECT_EQ(c.book.children.size(), 120u);
  EXPECT_EQ(c.book.roster.officers().size(), 4u);
  EXPECT_FALSE(c.book.roster.allocations().empty());
  EXPECT_FALSE(c.book.disputes.empty());
  EXPECT_EQ(c.report.rejected, 0u);
  for (const char* file : {"header.csv", "episodes.csv", "reviews.csv", "roster/iros.csv", "roster/allocations.csv",
                           "disputes/events.csv"}) {
    EXPECT_GT(c.report.rows.count(file), 0u) << file;
  }
  // The same as the synthetic council read from memory.
  iro::SynthOptions o;
  o.children = 120;
  o.officers = 4;
  const iro::Casebook direct = iro::casebook_from(iro::synthesize(o), "x");
  EXPECT_EQ(c.book.disputes.size(), direct.disputes.size());
  EXPECT_EQ(c.book.roster.allocations().size(), direct.roster.allocations().size());
}

TEST(Council, EveryExamplePolicyReadsASynthesisForItself) {
  for (const char* name : {"bradford", "brent", "hounslow", "medway", "thurrock"}) {
    const Policy p = example(name);
    const std::string dir = council_dir(name, p);
    const CouncilImport c = iro::import_council(dir, p, p.calendar(Calendar::england_and_wales()), ImportMode::strict);
    EXPECT_FALSE(c.book.disputes.empty()) << name;
    EXPECT_EQ(c.report.rejected, 0u) << name;
  }
}

TEST(Council, ADisputeEventThePolicyDoesNotAllowIsARejectedRow) {
  // England's synthetic disputes under Bradford's ladder and categories: today's report aborted on the
  // first ("no stage "service_manager" in the ladder"); now each such row is rejected, with its file and
  // line, and the rest of the council is read.
  const std::string dir = council_dir("mismatch", Policy::england());
  const Policy bradford = example("bradford");
  const Calendar cal = bradford.calendar(Calendar::england_and_wales());
  const CouncilImport c = iro::import_council(dir, bradford, cal);
  EXPECT_EQ(c.book.children.size(), 120u);
  EXPECT_EQ(c.book.roster.officers().size(), 4u);
  EXPECT_GT(c.report.rejected, 0u);
  EXPECT_TRUE(has_issue(c.report, "disputes/events.csv", "is not one of the policy's"))
      << c.report.issues.front().message;
  const auto [status, message] = failure([&] { iro::import_council(dir, bradford, cal, ImportMode::strict); });
  EXPECT_NE(status, Status::ok);
  EXPECT_NE(message.find("disputes/events.csv:2: "), std::string::npos) << message;
}

TEST(Council, ABadRosterRowIsRejectedAndTheOthersKept) {
  const std::string dir = council_dir("roster", Policy::england());
  {
    std::ofstream f(dir + "/roster/allocations.csv", std::ios::app);
    f << "100001,IRO1,2024-13-01,\n";  // no such date
  }
  const CouncilImport c = iro::import_council(dir, Policy::england(), Calendar::england_and_wales());
  EXPECT_EQ(c.report.rejected, 1u);
  // The one rejected row; the return's doubtful rows (reviews of short-break children) are kept and beside it.
  std::vector<iro::ImportIssue> rejected;
  for (const iro::ImportIssue& i : c.report.issues) {
    if (i.rejected) rejected.push_back(i);
  }
  ASSERT_EQ(rejected.size(), 1u);
  const iro::ImportIssue& i = rejected[0];
  EXPECT_EQ(i.file, "roster/allocations.csv");
  EXPECT_EQ(i.column, "from");
  EXPECT_NE(i.message.find("2024-13-01"), std::string::npos) << i.message;
  EXPECT_FALSE(c.book.roster.allocations().empty());
  // A council with no roster or disputes is read too: they are empty, not an error.
  std::filesystem::remove_all(dir + "/roster");
  std::filesystem::remove_all(dir + "/disputes");
  const CouncilImport bare = iro::import_council(dir, Policy::england(), Calendar::england_and_wales());
  EXPECT_TRUE(bare.book.roster.officers().empty());
  EXPECT_TRUE(bare.book.disputes.empty());
  EXPECT_EQ(bare.book.children.size(), 120u);
}

TEST(Council, StrictFailsAtTheFirstRejectedRowWithItsOwnError) {
  const std::string dir = council_dir("strict", Policy::england());
  {
    std::ofstream f(dir + "/roster/allocations.csv", std::ios::app);
    f << "100001,IRO1,2024-13-01,\n";
  }
  const auto [status, message] =
      failure([&] { iro::import_council(dir, Policy::england(), Calendar::england_and_wales(), ImportMode::strict); });
  EXPECT_EQ(status, Status::invalid_date);
  EXPECT_NE(message.find("roster/allocations.csv:"), std::string::npos) << message;
  EXPECT_NE(message.find("column from"), std::string::npos) << message;
}

namespace {

// Everything import_council() gives that a thread could change: the report in full, the roster's and the
// disputes' sizes, or the error.
std::string council_text(const std::string& dir, ImportMode mode, const iro::ImportOptions& options) {
  try {
    const CouncilImport c = iro::import_council(dir, Policy::england(), Calendar::england_and_wales(), mode, options);
    std::string out = std::to_string(c.book.children.size()) + " children, " +
                      std::to_string(c.book.roster.officers().size()) + " IROs, " +
                      std::to_string(c.book.roster.allocations().size()) + " allocations, " +
                      std::to_string(c.book.roster.children().size()) + " roster children, " +
                      std::to_string(c.book.disputes.size()) + " disputes; ";
    for (const auto& [file, rows] : c.report.rows) out += file + " " + std::to_string(rows) + "; ";
    out += std::to_string(c.report.rejected) + " rejected, " + std::to_string(c.report.doubtful) + " doubtful\n";
    for (const iro::ImportIssue& i : c.report.issues) {
      out += i.file + ":" + std::to_string(i.line) + ":" + i.column + ":" + (i.rejected ? "R" : "D") + ": " +
             i.message + "\n";
    }
    for (const iro::Child& ch : c.book.children) out += ch.id + " " + std::to_string(ch.reviews.size()) + " ";
    return out;
  } catch (const iro::Error& e) {
    return "error " + std::string(e.what());
  }
}

}  // namespace

TEST(Council, ThreadsReadTheSameCouncilAndFailTheSameWay) {
  const std::string dir = council_dir("threads", Policy::england());
  iro::ImportOptions one;
  one.threads = 1;
  iro::ImportOptions many;
  many.threads = 4;
  many.piece_bytes = 512;
  const auto expect_same = [&](const char* what) {
    for (const ImportMode mode : {ImportMode::lenient, ImportMode::strict}) {
      const std::string expected = council_text(dir, mode, one);
      EXPECT_EQ(council_text(dir, mode, many), expected) << what;
      EXPECT_EQ(council_text(dir, mode, iro::ImportOptions()), expected) << what;
    }
  };
  expect_same("a clean council");
  {  // a bad row in the roster and one in the reviews: strict fails at the reviews' (the return is first)
    std::ofstream a(dir + "/roster/allocations.csv", std::ios::app);
    a << "100001,IRO1,2024-13-01,\n";
    std::ofstream r(dir + "/reviews.csv", std::ios::app);
    r << "100002,,01/01/2024,PN9\n";
  }
  expect_same("bad rows in the roster and the reviews");
  const std::string strict = council_text(dir, ImportMode::strict, many);
  EXPECT_NE(strict.find("error reviews.csv:"), std::string::npos) << strict;
  EXPECT_NE(council_text(dir, ImportMode::lenient, many).find("roster/allocations.csv:"), std::string::npos);
  {  // a file that is not CSV in the return: that error, whatever the roster holds
    std::ofstream m(dir + "/midway_reviews.csv", std::ios::app);
    m << "100003,\"01/01/2024\n";
  }
  expect_same("a midway review that is not CSV");
  EXPECT_NE(council_text(dir, ImportMode::lenient, many).find("error midway_reviews.csv:"), std::string::npos);
  // A roster file that cannot be read is an error only once the return has read.
  std::filesystem::remove(dir + "/midway_reviews.csv");
  std::filesystem::remove(dir + "/roster/absences.csv");
  std::filesystem::create_directory(dir + "/roster/absences.csv");
  expect_same("a roster file that is a directory");
  EXPECT_NE(council_text(dir, ImportMode::lenient, many).find("is a directory"), std::string::npos);
  std::filesystem::remove_all(dir + "/header.csv");
  expect_same("no header.csv");
  EXPECT_NE(council_text(dir, ImportMode::lenient, many).find("header.csv"), std::string::npos);
}
