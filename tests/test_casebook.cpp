// Tests of include/iro/data/casebook.hpp: a round trip in both formats, and every truncation and many
// corruptions of a saved file refused, with the target never half-written.
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>
#include <fstream>
#include <random>
#include <sstream>

#include "failure.hpp"
#include "scratch.hpp"
#include "iro/data/casebook.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/data/ssda903.hpp"
#include "tools/synth.hpp"

using iro::Casebook;
using iro::Status;
using iro::test::failure;

namespace {

const std::string data = IRO_TEST_DATA;

std::string temp_path(const std::string& name) { return (iro::test::scratch_dir() / name).string(); }

Casebook sample_book() {
  Casebook book;
  book.council = "Sample council";
  book.children = iro::import_903_directory(data + "/903-sample", iro::ImportMode::lenient).children;
  book.children[0].placements.push_back({iro::Date::parse("2017-01-02"), std::nullopt, true});
  book.children[0].visits.push_back(iro::Date::parse("2017-01-05"));
  for (iro::Child& c : book.children) {  // record dates and midway reviews, saved since format 2
    if (c.reviews.empty()) continue;
    c.reviews[0].record_sent = c.reviews[0].date.add_days(static_cast<std::int32_t>(c.id.size() % 7) * 3);
    c.midways.push_back(c.reviews[0].date);
  }
  for (const char* kind : {"iros", "children", "allocations", "absences"}) {
    const iro::RosterFile k = std::string(kind) == "iros"          ? iro::RosterFile::iros
                              : std::string(kind) == "children"    ? iro::RosterFile::children
                              : std::string(kind) == "allocations" ? iro::RosterFile::allocations
                                                                   : iro::RosterFile::absences;
    iro::load_roster_csv(book.roster, k, data + "/roster/" + kind + ".csv");
  }
  iro::DisputeRegister reg(iro::Policy::england(), iro::Calendar::england_and_wales());
  iro::load_disputes_csv(reg, data + "/disputes/events.csv");
  book.disputes = reg.disputes();
  return book;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// A canonical text of a casebook, to compare two of them field by field.
std::string canonical(const Casebook& b) {
  const std::string path = temp_path("canonical.cbk");
  b.save(path, iro::ArchiveFormat::text);
  return slurp(path);
}

}  // namespace

TEST(Casebook, RoundTripInBothFormats) {
  const Casebook book = sample_book();
  ASSERT_GT(book.children.size(), 2000u);
  for (const auto format : {iro::ArchiveFormat::binary, iro::ArchiveFormat::text}) {
    const std::string path = temp_path("book.cbk");
    book.save(path, format);
    const Casebook back = Casebook::load(path);
    EXPECT_EQ(back.council, book.council);
    ASSERT_EQ(back.children.size(), book.children.size());
    EXPECT_EQ(back.children[0].id, book.children[0].id);
    EXPECT_EQ(back.children[0].visits, book.children[0].visits);
    for (std::size_t i = 0; i < book.children.size(); ++i) {
      EXPECT_EQ(back.children[i].midways, book.children[i].midways);
      for (std::size_t k = 0; k < book.children[i].reviews.size(); ++k) {
        EXPECT_EQ(back.children[i].reviews[k].record_sent, book.children[i].reviews[k].record_sent);
      }
    }
    EXPECT_EQ(back.roster.allocations().size(), book.roster.allocations().size());
    EXPECT_EQ(back.disputes.size(), 5u);
    EXPECT_EQ(canonical(back), canonical(book));  // identical, field by field
  }
}

TEST(Casebook, Format1ArchivesStillLoad) {
  // Written by iro 0.1.0 (format 1, no record dates or midway reviews) from its synthetic council (30
  // children, 3 IROs, seed 1); casebook-v1-as-format2.txt.cbk is the same council in format 2. Until the
  // synthetic council changed (children now leave care by 18), this test compared the format-1 archives
  // with the council generated afresh, and they were equal; the format-2 copy was saved from them then.
  const Casebook now = Casebook::load(data + "/casebook-v1-as-format2.txt.cbk");
  EXPECT_EQ(slurp(data + "/casebook-v1-as-format2.txt.cbk")[8], 2) << "the copy is not format 2";
  for (const char* file : {"/casebook-v1.cbk", "/casebook-v1.txt.cbk"}) {
    const std::string bytes = slurp(data + file);
    ASSERT_GT(bytes.size(), 12u);
    EXPECT_EQ(bytes[8], 1) << file << " is not format 1";
    const Casebook old = Casebook::load(data + file);
    EXPECT_EQ(old.children.size(), 30u);
    EXPECT_EQ(canonical(old), canonical(now)) << file;
  }
}

TEST(Casebook, Format2ArchivesLoadWithOneChildAndOneCategoryPerDispute) {
  // Format 2 kept one child and one category per dispute; the synthetic council it was saved from wrote
  // both on every dispute, so each loads as a list of one.
  const std::string bytes = slurp(data + "/casebook-v1-as-format2.txt.cbk");
  ASSERT_EQ(bytes[8], 2);
  const Casebook old = Casebook::from_bytes(bytes, "format 2");
  ASSERT_FALSE(old.disputes.empty());
  for (const iro::Dispute& d : old.disputes) {
    EXPECT_EQ(d.children.size(), 1u) << d.id;
    EXPECT_EQ(d.categories.size(), 1u) << d.id;
    EXPECT_FALSE(d.children[0].empty()) << d.id;
  }
  // Saved again it is format 3, and reads back the same.
  const std::string again = old.to_bytes(iro::ArchiveFormat::text);
  EXPECT_EQ(again[8], 3);
  EXPECT_EQ(canonical(Casebook::from_bytes(again, "format 3")), canonical(old));
}

TEST(Casebook, Format3KeepsSiblingGroupsAndSeveralCategories) {
  Casebook book;
  book.council = "Lists";
  iro::DisputeRegister reg(iro::Policy::england(), iro::Calendar::england_and_wales());
  iro::read_disputes_csv(reg,
                         "dispute_id,date,action,stage,child_id,iro_id,category\n"
                         "D1,2024-05-01,raise,,C1;C2;C3,I1,A2;A10;A1\n"
                         "D1,2024-05-03,resolve,,,,\n"
                         "D2,2024-06-03,raise,,,I1,\n"
                         "D3,2024-06-04,raise,,C9,I2,contact\n",
                         "events.csv");
  book.disputes = reg.disputes();
  for (const iro::ArchiveFormat format : {iro::ArchiveFormat::text, iro::ArchiveFormat::binary}) {
    const std::string bytes = book.to_bytes(format);
    EXPECT_EQ(bytes[8], 3);
    const Casebook back = Casebook::from_bytes(bytes, "lists");
    ASSERT_EQ(back.disputes.size(), 3u);
    EXPECT_EQ(back.disputes[0].children, (std::vector<std::string>{"C1", "C2", "C3"}));
    EXPECT_EQ(back.disputes[0].categories, (std::vector<std::string>{"A2", "A10", "A1"}));
    EXPECT_EQ(back.disputes[0].officer, "I1");
    EXPECT_EQ(back.disputes[0].events.size(), 2u);
    EXPECT_TRUE(back.disputes[1].children.empty());
    EXPECT_TRUE(back.disputes[1].categories.empty());
    EXPECT_EQ(back.disputes[2].children, std::vector<std::string>{"C9"});
    EXPECT_EQ(back.disputes[2].categories, std::vector<std::string>{"contact"});
  }
}

TEST(Casebook, EveryTruncationAndManyCorruptionsAreRefused) {
  Casebook small;
  small.council = "Small";
  small.children = iro::import_903({"CHILD,DOB\n1,01/06/2015\n", "CHILD,DECOM,RNE,LS,DEC\n1,25/03/2024,S,C2,\n",
                                    "CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/06/2015,22/04/2024,PN1\n", ""},
                                   iro::ImportMode::strict)
                       .children;
  const std::string good = temp_path("small.cbk");
  small.save(good, iro::ArchiveFormat::binary);
  const std::string bytes = slurp(good);
  const std::string bad = temp_path("bad.cbk");
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    spit(bad, bytes.substr(0, n));
    const auto [status, message] = failure([&] { Casebook::load(bad); });
    ASSERT_EQ(status, Status::parse) << "truncated to " << n << " bytes: " << message;
  }
  std::mt19937 rng(42);
  for (int i = 0; i < 2000; ++i) {
    std::string corrupt = bytes;
    const std::size_t at = rng() % corrupt.size();
    corrupt[at] = static_cast<char>(corrupt[at] ^ (1 + rng() % 255));
    spit(bad, corrupt);
    EXPECT_NE(failure([&] { Casebook::load(bad); }).first, Status::ok) << "byte " << at;
  }
  std::string newer = bytes;
  newer[8] = 9;  // format version 9
  spit(bad, newer);
  const auto [status, message] = failure([&] { Casebook::load(bad); });
  EXPECT_EQ(status, Status::invalid_argument);
  EXPECT_NE(message.find("newer than this iro reads"), std::string::npos) << message;
  spit(bad, "CHILD,DOB\n1,01/06/2015\n");
  EXPECT_NE(failure([&] { Casebook::load(bad); }).second.find("is not an iro casebook"), std::string::npos);
  EXPECT_EQ(failure([&] { Casebook::load(temp_path("missing.cbk")); }).first, Status::io);
  EXPECT_EQ(Casebook::load(good).children.size(), 1u);  // the good file is untouched
}

TEST(Casebook, ManySmallChildrenInATextArchive) {
  Casebook book;
  for (int i = 0; i < 3000; ++i) {
    iro::Child c;
    c.id = std::to_string(i % 10);
    book.children.push_back(c);
  }
  const std::string path = temp_path("tiny.cbk");
  book.save(path, iro::ArchiveFormat::text);
  EXPECT_EQ(Casebook::load(path).children.size(), 3000u);
}

TEST(Casebook, ASaveThatCannotBeWrittenLeavesTheTargetAlone) {
  Casebook book;
  book.council = "Before";
  const std::string path = temp_path("keep.cbk");
  book.save(path);
  Casebook other;
  other.council = "After";
  EXPECT_EQ(failure([&] { other.save("/nonexistent-dir/keep.cbk"); }).first, Status::io);
  EXPECT_EQ(Casebook::load(path).council, "Before");
}

// SIGKILL a process at hundreds of points while it saves casebook A and B in turn over one path: the
// file at the path is always A or B, whole, never a mixture or a torn write.
TEST(Casebook, KilledWhileSavingTheTargetIsTheOldOrTheNewFileWhole) {
  Casebook a = sample_book();
  a.council = "A";
  Casebook b = a;
  b.council = "B";
  b.children.pop_back();
  const std::string text_a = a.to_bytes(iro::ArchiveFormat::text), text_b = b.to_bytes(iro::ArchiveFormat::text);
  const auto dir = iro::test::scratch_dir() / "kill";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "book.cbk").string();
  a.save(path);
  const auto started = std::chrono::steady_clock::now();
  b.save(path);
  const auto save_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  std::mt19937 rng(2024);
  // Up to ten pairs of saves: the child also needs time to start, and the machine may be busy.
  std::uniform_int_distribution<long> delay(0, std::max<long>(2000, 20 * save_us));
  int seen_a = 0, seen_b = 0;
  const int kills = 300;
  for (int k = 0; k < kills; ++k) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      for (;;) {
        a.save(path);
        b.save(path);
      }
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delay(rng)));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "kill " << k;
    const std::string now = Casebook::load(path).to_bytes(iro::ArchiveFormat::text);  // throws if torn
    ASSERT_TRUE(now == text_a || now == text_b) << "kill " << k << ": the target is neither A nor B";
    (now == text_a ? seen_a : seen_b)++;
  }
  // Both states were seen: the kills landed all through the saves, not always at one point.
  EXPECT_GT(seen_a, 0);
  EXPECT_GT(seen_b, 0);
  std::cout << kills << " kills during saves (one save takes " << save_us << " us): A " << seen_a << " times, B "
            << seen_b << " times, never torn\n";
  std::filesystem::remove_all(dir);  // with the temporary files the killed saves left behind
}

TEST(Casebook, ColumnsIroDoesNotNeedNeverReachAnArchive) {
  // A return whose ignored columns hold distinctive values: postcodes, a UPN, and an ETHNIC value that is no
  // DfE code (reported as doubtful and not kept; a real code is kept for the population profile, as SEX is).
  iro::Ssda903Files f;
  f.header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n77,1,01/06/2015,ZQXETH,Q123456789012,,\n";
  f.episodes =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
      "77,25/03/2024,S,C2,N1,U1,PR1,,,,ZZ9 9QX,YY8 8QW,SC999999\n";
  f.reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\n77,01/06/2015,19/04/2024,PN1\n";
  Casebook book;
  book.children = iro::import_903(f, iro::ImportMode::strict).children;
  ASSERT_EQ(book.children.size(), 1u);
  // The same return with those columns empty gives the same archive, byte for byte, in both formats.
  iro::Ssda903Files blank = f;
  blank.header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n77,1,01/06/2015,,,,\n";
  blank.episodes =
      "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
      "77,25/03/2024,S,C2,,,,,,,,,\n";
  Casebook without;
  without.children = iro::import_903(blank, iro::ImportMode::strict).children;
  for (const auto format : {iro::ArchiveFormat::binary, iro::ArchiveFormat::text}) {
    EXPECT_EQ(book.to_bytes(format), without.to_bytes(format));
  }
  // And in the binary archive, where text is stored as it is, none of the values appears.
  const std::string bytes = book.to_bytes(iro::ArchiveFormat::binary);
  EXPECT_NE(bytes.find("77"), std::string::npos);  // the id is there: the search can see text
  for (const char* never : {"ZZ9 9QX", "YY8 8QW", "Q123456789012", "ZQXETH", "SC999999"}) {
    EXPECT_EQ(bytes.find(never), std::string::npos) << never;
  }
}

TEST(Casebook, BytesInAndOutAsAFileWould) {
  const Casebook book = sample_book();
  const std::string bytes = book.to_bytes(iro::ArchiveFormat::text);
  const std::string path = temp_path("bytes.cbk");
  book.save(path, iro::ArchiveFormat::text);
  EXPECT_EQ(slurp(path), bytes);  // save() writes exactly these bytes
  EXPECT_EQ(canonical(Casebook::from_bytes(bytes, "db:book/7")), canonical(book));
  const auto [status, message] = failure([&] { Casebook::from_bytes(bytes.substr(0, bytes.size() - 3), "db:book/7"); });
  EXPECT_EQ(status, Status::parse);
  EXPECT_NE(message.find("\"db:book/7\" is truncated"), std::string::npos) << message;
}

TEST(Casebook, Format3KeepsWhoTheChildIs) {
  iro::SynthOptions o;
  o.children = 300;
  o.officers = 4;
  const Casebook book = iro::casebook_from(iro::synthesize(o), "Synthetic");
  std::size_t uasc = 0, reasons = 0, statuses = 0;
  for (const iro::Child& c : book.children) {
    uasc += c.uasc;
    for (const iro::Period& p : c.periods) {
      reasons += !p.reason_ended.empty();
      statuses += p.legal_statuses.size();
    }
  }
  ASSERT_GT(uasc, 0u);
  ASSERT_GT(reasons, 0u);
  for (const auto format : {iro::ArchiveFormat::binary, iro::ArchiveFormat::text}) {
    const std::string bytes = book.to_bytes(format);
    EXPECT_EQ(bytes[8], 3) << "not format 3";
    const Casebook back = Casebook::from_bytes(bytes, "book");
    ASSERT_EQ(back.children.size(), book.children.size());
    for (std::size_t i = 0; i < book.children.size(); ++i) {
      const iro::Child &a = book.children[i], &b = back.children[i];
      EXPECT_EQ(a.sex, b.sex);
      EXPECT_EQ(a.ethnicity, b.ethnicity);
      EXPECT_EQ(a.uasc, b.uasc);
      EXPECT_EQ(a.uasc_ceased, b.uasc_ceased);
      ASSERT_EQ(a.periods.size(), b.periods.size());
      for (std::size_t k = 0; k < a.periods.size(); ++k) {
        EXPECT_EQ(a.periods[k].reason_ended, b.periods[k].reason_ended);
        ASSERT_EQ(a.periods[k].legal_statuses.size(), b.periods[k].legal_statuses.size());
        for (std::size_t l = 0; l < a.periods[k].legal_statuses.size(); ++l) {
          EXPECT_EQ(a.periods[k].legal_statuses[l].date, b.periods[k].legal_statuses[l].date);
          EXPECT_EQ(a.periods[k].legal_statuses[l].code, b.periods[k].legal_statuses[l].code);
        }
        EXPECT_EQ(a.periods[k].notified, b.periods[k].notified);
      }
      ASSERT_EQ(a.reviews.size(), b.reviews.size());
      for (std::size_t k = 0; k < a.reviews.size(); ++k) {  // the local extracts of issue 17
        EXPECT_EQ(a.reviews[k].report_received, b.reviews[k].report_received);
        EXPECT_EQ(a.reviews[k].cancellation_reason, b.reviews[k].cancellation_reason);
        EXPECT_EQ(a.reviews[k].exception_reason, b.reviews[k].exception_reason);
      }
    }
    EXPECT_EQ(canonical(back), canonical(book));
  }
  EXPECT_GT(statuses, book.children.size() / 2);
  std::size_t reports = 0, cancelled = 0, agreed = 0, notified = 0;
  for (const iro::Child& c : book.children) {
    for (const iro::Review& v : c.reviews) {
      reports += v.report_received.has_value();
      cancelled += !v.cancellation_reason.empty();
      agreed += !v.exception_reason.empty();
    }
    for (const iro::Period& p : c.periods) notified += p.notified.has_value();
  }
  EXPECT_GT(reports, 0u);
  EXPECT_GT(cancelled, 0u);
  EXPECT_GT(agreed, 0u);
  EXPECT_GT(notified, 0u);
}

TEST(Casebook, Format2ArchivesLoadWithTheProfileNotRecorded) {
  const std::string bytes = slurp(data + "/casebook-v1-as-format2.txt.cbk");
  ASSERT_EQ(bytes[8], 2);
  const Casebook old = Casebook::load(data + "/casebook-v1-as-format2.txt.cbk");
  ASSERT_EQ(old.children.size(), 30u);
  for (const iro::Child& c : old.children) {
    EXPECT_EQ(c.sex, iro::Sex::not_recorded);
    EXPECT_TRUE(c.ethnicity.empty());
    EXPECT_FALSE(c.uasc);
    for (const iro::Period& p : c.periods) {
      EXPECT_TRUE(p.legal_statuses.empty());
      EXPECT_TRUE(p.reason_ended.empty());
    }
  }
  // Saved again, it is format 3, and loads back the same.
  const Casebook again = Casebook::from_bytes(old.to_bytes(iro::ArchiveFormat::text), "again");
  EXPECT_EQ(canonical(again), canonical(old));
}
