// ISO dates: whatever parses is a real day that prints back as the same text; month arithmetic keeps
// the corresponding-date rule (the day is kept, or the month's last day when it is shorter).
#include "fuzz_check.hpp"
#include "iro/core/date.hpp"
#include "iro/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  const std::string_view input = fuzz::text(data, size);
  const auto d = Date::try_parse(input);
  if (!d) return 0;
  fuzz::check(d->iso() == input, "a parsed date prints back as its text");
  fuzz::check(Date::from_days(d->days()) == *d, "days round-trip");
  fuzz::check(Date::from_ymd(d->year(), d->month(), d->day()) == *d, "year, month, day round-trip");
  for (int months : {1, 3, 6, -1, -12, 25}) {
    try {
      const Date m = d->add_months(months);
      fuzz::check(m.day() == d->day() || (m.day() < d->day() && m.add_days(1).month() != m.month()),
                  "add_months keeps the day or gives the month's last day");
      const int step = (m.year() - d->year()) * 12 + (m.month() - d->month());
      fuzz::check(step == months, "add_months moves by that many months");
    } catch (const Error& e) {
      fuzz::check(e.status() == Status::out_of_range, "add_months fails only out of range");
    }
  }
  return 0;
}
