// Policy files: a policy either loads whole and keeps its rules (a band low <= high, a ladder with a
// stage, durations not negative) or is refused; the same text always gives the same answer.
#include "fuzz_check.hpp"
#include "iro/core/error.hpp"
#include "iro/model/policy.hpp"
#include "iro/rules/policy_diff.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  const std::string_view json = fuzz::text(data, size);
  Policy p;
  try {
    p = Policy::from_json(json, "fuzz.json");
  } catch (const Error& e) {
    fuzz::check(std::string(e.what()).find("fuzz.json") != std::string::npos, "a refusal names the file");
    return 0;
  }
  fuzz::check(p.caseload_low <= p.caseload_high, "band low <= high");
  fuzz::check(!p.ladder.stages.empty(), "a ladder has a stage");
  fuzz::check(p.record_working_days >= 0, "record working days not negative");
  const Policy again = Policy::from_json(json, "fuzz.json");
  fuzz::check(again.caseload_low == p.caseload_low && again.caseload_high == p.caseload_high &&
                  again.ladder.stages.size() == p.ladder.stages.size() &&
                  again.record_working_days == p.record_working_days,
              "the same text loads the same policy");
  return 0;
}
