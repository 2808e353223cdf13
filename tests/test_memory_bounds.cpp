// Memory bounds: no input of under 1 MB makes a loader allocate more than 256 MB. Each hostile input
// is loaded in a child process whose address space is capped at what it already uses + 256 MB; a
// loader that tried to allocate more would get std::bad_alloc there, and the test fails. (Skipped under
// ASan, whose shadow memory needs the address space; the fuzzers check the same with
// -malloc_limit_mb=256 in their own builds.)
#include <gtest/gtest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/crc.hpp>
#include <cstdint>
#include <fstream>
#include <functional>
#include <new>
#include <string>

#include "iro/data/casebook.hpp"
#include "iro/data/child_json.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"
#include "iro/model/policy.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/data/ssda903.hpp"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define IRO_UNDER_SANITIZER 1
#endif

namespace {

constexpr std::size_t limit = std::size_t{256} << 20;

[[maybe_unused]] std::size_t address_space_now() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

// 0: loaded or refused with a status; 3: tried to allocate past the cap; other: crashed.
[[maybe_unused]] int load_capped(const std::function<void()>& load) {
  const pid_t child = fork();
  if (child == 0) {
    const rlim_t cap = static_cast<rlim_t>(address_space_now() + limit);
    const rlimit r{cap, cap};
    setrlimit(RLIMIT_AS, &r);
    try {
      load();
    } catch (const std::bad_alloc&) {
      _exit(3);
    } catch (const iro::Error& e) {
      _exit(e.status() == iro::Status::no_memory ? 3 : 0);
    }
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

[[maybe_unused]] std::string repeat(const std::string& s, std::size_t bytes) {
  std::string out;
  while (out.size() + s.size() < bytes) out += s;
  return out;
}

// The archive with its count of children (after the 28-byte frame and the council name: an 8-byte
// length and 1 byte) set to 2^40 and its checksum fixed, so only the count check stands in the way.
std::string archive_claiming_2_to_40_children(std::string a) {
  a[28 + 9 + 5] = '\x01';
  boost::crc_32_type crc;
  crc.process_bytes(a.data() + 28, a.size() - 28);
  const std::uint32_t v = crc.checksum();
  for (int i = 0; i < 4; ++i) a[24 + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
  return a;
}

}  // namespace

TEST(MemoryBounds, AnArchiveClaimingMoreThanItsBytesIsRefusedBeforeAllocating) {
  iro::Casebook small;
  small.council = "x";
  try {
    iro::Casebook::from_bytes(archive_claiming_2_to_40_children(small.to_bytes(iro::ArchiveFormat::binary)), "c.cbk");
    FAIL() << "loaded";
  } catch (const iro::Error& e) {
    EXPECT_EQ(e.status(), iro::Status::parse);
    EXPECT_NE(std::string(e.what()).find("claims 1099511627776 children"), std::string::npos) << e.what();
  }
}

TEST(MemoryBounds, NoInputUnderAMegabyteMakesALoaderAllocateMoreThan256MB) {
#ifdef IRO_UNDER_SANITIZER
  GTEST_SKIP() << "the address-space cap cannot hold a sanitizer's shadow memory";
#else
  const std::size_t mb = 1000 * 1000;
  struct Case {
    const char* what;
    std::function<void()> load;
  };
  const std::string nested = std::string(mb - 10, '[');
  const std::string commas = "CHILD,DOB" + std::string(mb - 100, ',') + "\n1,01/01/2010\n";
  const std::string children_rows = "CHILD,DOB\n" + repeat("123456,01/01/2010\n", mb - 100);
  const std::string one_field = "CHILD,DOB\n\"" + std::string(mb - 100, 'x') + "\",01/01/2010\n";
  const std::string allocations = "child_id,iro_id,from,to\n" + repeat("C1,I1,2024-01-01,2024-01-02\n", mb - 100);
  const std::string events =
      "dispute_id,date,action,stage,child_id,iro_id,category\n" + repeat("D,2024-01-01,raise,,C,I,x\n", mb - 100);
  const std::string many_children_json =
      "[" + repeat(R"({"child":{"id":"C"}},)", mb - 100) + R"({"child":{"id":"C"}}])";
  // A casebook whose header and checksum are right but whose counts claim far more than its bytes.
  iro::Casebook small;
  small.council = "x";
  std::string archive = small.to_bytes(iro::ArchiveFormat::binary);
  const std::vector<Case> cases = {
      {"policy JSON nested 1 MB deep", [&] { iro::Policy::from_json(nested, "p.json"); }},
      {"case JSON nested 1 MB deep", [&] { iro::child_document_from_json(nested, "c.json"); }},
      {"GOV.UK JSON nested 1 MB deep", [&] { iro::Calendar::from_govuk_json(nested, "england-and-wales", "g.json"); }},
      {"children JSON, 1 MB of small children", [&] { iro::children_from_json(many_children_json, "c.json"); }},
      {"903 header with a million columns",
       [&] {
         iro::import_903({commas, "CHILD,DECOM,RNE,LS,DEC\n", "", ""}, iro::ImportMode::lenient);
       }},
      {"903 header, 1 MB of one repeated child",
       [&] {
         iro::import_903({children_rows, "CHILD,DECOM,RNE,LS,DEC\n", "", ""}, iro::ImportMode::lenient);
       }},
      {"903 field of 1 MB",
       [&] {
         iro::import_903({one_field, "CHILD,DECOM,RNE,LS,DEC\n", "", ""}, iro::ImportMode::lenient);
       }},
      {"roster allocations, 1 MB",
       [&] {
         iro::Roster r;
         iro::read_roster_csv(r, iro::RosterFile::iros, "iro_id,fte\nI1,1.0\n", "iros.csv");
         iro::read_roster_csv(r, iro::RosterFile::allocations, allocations, "allocations.csv");
       }},
      {"dispute events, 1 MB",
       [&] {
         iro::DisputeRegister reg(iro::Policy::england(), iro::Calendar::england_and_wales());
         iro::read_disputes_csv(reg, events, "events.csv");
       }},
      {"casebook claiming 2^40 children in 60 bytes",
       [&] { iro::Casebook::from_bytes(archive_claiming_2_to_40_children(archive), "c.cbk"); }},
  };
  for (const Case& c : cases) EXPECT_EQ(load_capped(c.load), 0) << c.what;
  // The cap is real: asking for more than 256 MB inside it fails.
  EXPECT_EQ(load_capped([] { std::string big(limit + (limit / 2), 'x'); }), 3);
#endif
}
