// Roster CSV files (iros, allocations, absences, children; the first byte picks which): a file either
// loads whole or leaves the roster as it was, and the caseload check counts every allocation that holds.
#include <string>

#include "fuzz_check.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/core/error.hpp"
#include "iro/data/roster_csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  if (size == 0) return 0;
  Roster roster;
  read_roster_csv(roster, RosterFile::iros, "iro_id,fte\nI1,1.0\nI2,0.5\n", "iros.csv");
  read_roster_csv(roster, RosterFile::allocations,
                  "child_id,iro_id,from,to\nC1,I1,2024-01-01,\nC2,I2,2024-02-01,2024-06-01\n", "allocations.csv");
  const RosterFile kinds[] = {RosterFile::iros, RosterFile::allocations, RosterFile::absences, RosterFile::children};
  const std::size_t iros = roster.officers().size(), allocations = roster.allocations().size();
  try {
    read_roster_csv(roster, kinds[data[0] % 4], fuzz::text(data + 1, size - 1), "fuzz.csv");
  } catch (const Error& e) {
    fuzz::check(roster.officers().size() == iros && roster.allocations().size() == allocations,
                "a refused file changes nothing");
    fuzz::check(std::string(e.what()).find("fuzz.csv") != std::string::npos, "a refusal names the file");
    return 0;
  }
  static const Policy policy = Policy::england();
  for (const char* day : {"2024-03-01", "2024-07-01", "2025-03-31"}) {
    const Date d = Date::parse(day);
    std::size_t held = 0;
    for (const Allocation& a : roster.allocations()) held += allocated_on(a, d) && roster.in_post(a.officer, d);
    const CaseloadCheck c = check_caseloads(roster, policy, d);
    fuzz::check(c.team.children == held, "the team's children are the allocations that hold");
    fuzz::check(c.team.officers == c.officers.size() && c.team.below + c.team.within + c.team.above == c.team.officers,
                "bands add up");
  }
  return 0;
}
