// Internal: the median and 90th percentile the report's figures give of a list of working days (dispute
// resolution times, notification times), defined once.
#ifndef IRO_SRC_CORE_STATS_HPP
#define IRO_SRC_CORE_STATS_HPP

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace iro {

/// The median (the mean of the middle two of an even count) and the 90th percentile by nearest rank (the
/// value at rank ceil(0.9 n)) of some values; both 0 when there are none.
struct Spread {
  double median = 0;  ///< The median.
  double p90 = 0;     ///< The 90th percentile (nearest rank).
};

/// The spread of @p values, which it sorts.
inline Spread spread(std::vector<std::int32_t>& values) {
  Spread s;
  const std::size_t n = values.size();
  if (n == 0) return s;
  std::sort(values.begin(), values.end());
  s.median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  s.p90 = values[(90 * n + 99) / 100 - 1];  // nearest rank: ceil(0.9 n)
  return s;
}

}  // namespace iro

#endif
