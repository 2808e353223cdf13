// The hand-worked dispute register that test_dispute.cpp and test_report.cpp both count (one fixture, worked by
// hand once, below).
#ifndef IRO_TESTS_SEEDS_REGISTER_HPP
#define IRO_TESTS_SEEDS_REGISTER_HPP

#include "iro/model/policy.hpp"

namespace iro::test {

// A hand-worked register for 1 April 2024 to 31 March 2025 (the England ladder: informal, then team_manager,
// the first stage with a response time, so the formal process starts on entering it; bypass allowed):
//   D1 raised 1 May 2024 for the sibling group C1, C2, C3 about A2, A10 and A1; escalated to the team
//      manager 3 May (formal from then); resolved 10 May.
//   D2 raised 3 Jun 2024 for C2 about A15; resolved 5 Jun.
//   D3 raised 20 Mar 2024 (the year before) for C4 about A2; escalated 2 Apr 2024 (formal in the year);
//      withdrawn 10 Apr.
//   D4 raised 1 Jul 2024 at the team manager (formal at once) for C5 and C6 about A13 and A2; open.
//   D5 raised 1 Aug 2024 with no child and no category; resolved 2 Aug.
// Raised in the year: D1, D2, D4, D5 = 4. Children they concern: C1, C2, C3 (D1), C2 again (D2), C5, C6
// (D4) = 5 distinct. Issues: 3 + 1 + 2 + 1 (D5's, uncategorised) = 7. By category: A1 1, A2 2 (D1, D4),
// A10 1, A13 1, A15 1, (none) 1. Formal in the year: D1, D3, D4 = 3, for C1, C2, C3, C4, C5, C6 = 6 children.
// Resolved in the year: D1, D2, D5, so by category A1, A2, A10 (D1), A15 (D2), (none) (D5) one each.
inline const char* const seeds_register =
    "dispute_id,date,action,stage,child_id,iro_id,category\n"
    "D1,2024-05-01,raise,,C1;C2;C3,I1,A2;A10;A1\n"
    "D1,2024-05-03,escalate,team_manager,,,\n"
    "D1,2024-05-10,resolve,,,,\n"
    "D2,2024-06-03,raise,,C2,I1,A15\n"
    "D2,2024-06-05,resolve,,,,\n"
    "D3,2024-03-20,raise,,C4,I2,A2\n"
    "D3,2024-04-02,escalate,,,,\n"
    "D3,2024-04-10,withdraw,,,,\n"
    "D4,2024-07-01,raise,team_manager,C5;C6,I2,A13;A2\n"
    "D5,2024-08-01,raise,,,I3,\n"
    "D5,2024-08-02,resolve,,,,\n";

inline iro::Policy seeds_policy() {
  iro::Policy p = iro::Policy::england();
  p.dispute_categories = {{"A1", "Preparation for Child Care Review"},
                          {"A2", "Non-completion/failure to meet the timescale in review decisions"},
                          {"A10", "Placement choice and/or standard of care"},
                          {"A13", "Safeguarding concerns"},
                          {"A15", "Other"}};
  return p;
}

}  // namespace iro::test

#endif
