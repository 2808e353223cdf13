// Shared by the fuzz targets: an invariant that must hold for every input (a failure aborts, so
// libFuzzer keeps the input as a crash), and a day loop to check working-day sums against.
#ifndef IRO_FUZZ_CHECK_HPP
#define IRO_FUZZ_CHECK_HPP

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "iro/core/calendar.hpp"

namespace iro::fuzz {

inline void check(bool ok, const char* invariant) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", invariant);
    std::abort();
  }
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// +n working days from d by stepping one day at a time (n >= 0): the slow, obvious answer.
inline Date day_loop_add(const Calendar& cal, Date d, int n) {
  while (n > 0) {
    d = d.add_days(1);
    if (cal.is_working_day(d)) --n;
  }
  return d;
}

}  // namespace iro::fuzz

#endif
