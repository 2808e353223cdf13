// Dispute event CSV: the register accepts only what the ladder allows, so every dispute it holds
// replays with no rejected event, and the figures for a year are the sums of the disputes' tallies.
#include "fuzz_check.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  static const Policy policy = Policy::england();  // built once: the inputs are the CSV files
  static const Calendar cal = Calendar::england_and_wales();
  DisputeRegister reg(policy, cal);
  try {
    read_disputes_csv(reg, fuzz::text(data, size), "events.csv");
  } catch (const Error& e) {
    fuzz::check(reg.disputes().empty(), "a refused file adds nothing");
    return 0;
  }
  const Date from = Date::from_ymd(2024, 4, 1), to = Date::from_ymd(2025, 3, 31);
  std::size_t raised = 0, resolved = 0, open = 0;
  for (std::size_t i = 0; i < reg.disputes().size(); ++i) {
    fuzz::check(replay_dispute(reg.disputes()[i].events, policy.ladder, cal, to).rejected.empty(),
                "held disputes replay cleanly");
    const DisputeTally t = reg.tally(i, from, to);
    raised += t.raised;
    resolved += t.resolved;
    open += t.open;
  }
  const DisputeFigures f = reg.figures(from, to);
  fuzz::check(f.raised == raised && f.resolved == resolved && f.open == open, "figures are the tallies summed");
  return 0;
}
