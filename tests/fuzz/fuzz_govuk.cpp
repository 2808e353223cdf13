// GOV.UK bank-holiday JSON: a calendar that loads (from the file alone: its years only) answers
// working-day sums exactly as a day loop over its own is_working_day() does, for anchors spread over
// its range; a sum that would leave the range is refused as out of range, never wrapped.
#include "fuzz_check.hpp"
#include "iro/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  std::optional<Calendar> loaded;
  try {
    loaded = Calendar::from_govuk_json(fuzz::text(data, size), "england-and-wales", "fuzz.json");
  } catch (const Error&) {
    return 0;  // refused with a status and message: fine
  }
  const Calendar& cal = *loaded;
  const Date first = cal.range_first(), last = cal.range_last();
  fuzz::check(first <= last, "a calendar's range is not empty");
  const std::int32_t span = last - first;
  for (std::int32_t k = 0; k < 8; ++k) {
    const Date d = first.add_days(span * k / 8);
    for (int n : {0, 1, 5, 20, 65}) {
      std::optional<Date> fast, slow;
      try {
        fast = cal.add_working_days(d, n);
      } catch (const Error& e) {
        fuzz::check(e.status() == Status::out_of_range, "a sum is refused only out of range");
      }
      try {
        slow = fuzz::day_loop_add(cal, d, n);
      } catch (const Error&) {
      }
      fuzz::check(fast == slow, "add_working_days agrees with a day loop");
    }
  }
  return 0;
}
