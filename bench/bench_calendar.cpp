// +20 working days over 1,000,000 random dates 2012-2027: iro's batch (C++ and C API), iro's single
// call, a plain day loop over a holiday set, and QuantLib's UnitedKingdom calendar. Each benchmark
// reports ns per sum ("ns_per_sum") and how many answers differ from iro's ("differ").
// Run through bench/run, which adds the Python peers (numpy.busday_offset, iro from numpy) and prints a table.
#include <benchmark/benchmark.h>

#include <random>
#include <unordered_set>
#include <vector>

#include "iro.h"
#include "iro/core/calendar.hpp"

#ifdef IRO_BENCH_QUANTLIB
#include <ql/time/calendars/unitedkingdom.hpp>
#endif

namespace {

constexpr std::size_t count = 1000000;
constexpr std::int32_t n = 20;

struct Data {
  iro::Calendar calendar = iro::Calendar::england_and_wales();
  std::vector<std::int32_t> days;
  std::vector<std::int32_t> expect;
  Data() {
    std::mt19937 rng(20120101);
    std::uniform_int_distribution<std::int32_t> pick(iro::Date::parse("2012-01-01").days(),
                                                     iro::Date::parse("2027-11-30").days());
    days.resize(count);
    for (auto& d : days) d = pick(rng);
    expect.resize(count);
    calendar.add_working_days_batch(days.data(), count, n, expect.data());
  }
};

const Data& data() {
  static const Data d;
  return d;
}

void report(benchmark::State& state, const std::vector<std::int32_t>& out) {
  std::int64_t differ = 0;
  for (std::size_t i = 0; i < count; ++i) differ += out[i] != data().expect[i];
  state.counters["ns_per_sum"] = benchmark::Counter(
      static_cast<double>(count), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["differ"] = static_cast<double>(differ);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(count));
}

void iro_batch_cpp(benchmark::State& state) {
  const Data& d = data();
  std::vector<std::int32_t> out(count);
  for (auto _ : state) {
    d.calendar.add_working_days_batch(d.days.data(), count, n, out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state, out);
}

void iro_batch_c_api(benchmark::State& state) {
  const Data& d = data();
  iro_calendar* cal = nullptr;
  if (iro_calendar_new_builtin("england-and-wales", &cal) != IRO_OK) state.SkipWithError(iro_last_error_message());
  std::vector<std::int32_t> out(count);
  for (auto _ : state) {
    if (iro_calendar_add_working_days_batch(cal, d.days.data(), count, n, out.data()) != IRO_OK) {
      state.SkipWithError(iro_last_error_message());
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  iro_calendar_free(cal);
  report(state, out);
}

void iro_single_cpp(benchmark::State& state) {
  const Data& d = data();
  std::vector<std::int32_t> out(count);
  for (auto _ : state) {
    for (std::size_t i = 0; i < count; ++i) {
      out[i] = d.calendar.add_working_days(iro::Date::from_days_unchecked(d.days[i]), n).days();
    }
    benchmark::DoNotOptimize(out.data());
  }
  report(state, out);
}

// What a case system typically writes: step a day at a time, skipping weekends and listed holidays.
void day_loop(benchmark::State& state) {
  const Data& d = data();
  std::unordered_set<std::int32_t> holidays;
  for (const auto& h : d.calendar.holidays(iro::Date::parse("2012-01-01"), iro::Date::parse("2028-12-31"))) {
    holidays.insert(h.date.days());
  }
  std::vector<std::int32_t> out(count);
  for (auto _ : state) {
    for (std::size_t i = 0; i < count; ++i) {
      std::int32_t day = d.days[i];
      for (std::int32_t counted = 0; counted < n;) {
        ++day;
        const int weekday = ((day % 7) + 7 + 3) % 7;  // 0 = Monday
        if (weekday < 5 && holidays.count(day) == 0) ++counted;
      }
      out[i] = day;
    }
    benchmark::DoNotOptimize(out.data());
  }
  report(state, out);
}

#ifdef IRO_BENCH_QUANTLIB
void quantlib_united_kingdom(benchmark::State& state) {
  const Data& d = data();
  const QuantLib::Calendar uk = QuantLib::UnitedKingdom(QuantLib::UnitedKingdom::Settlement);
  // QuantLib serial numbers count from 1899-12-30 (Excel): 1970-01-01 is 25569.
  constexpr QuantLib::Date::serial_type epoch = 25569;
  std::vector<QuantLib::Date> in;
  in.reserve(count);
  for (std::int32_t day : d.days) in.emplace_back(epoch + day);
  std::vector<std::int32_t> out(count);
  for (auto _ : state) {
    for (std::size_t i = 0; i < count; ++i) {
      // QuantLib rolls a non-working start back (Preceding) before counting, the same answer as day 0.
      const QuantLib::Date start = uk.adjust(in[i], QuantLib::Preceding);
      out[i] = static_cast<std::int32_t>(uk.advance(start, n, QuantLib::Days).serialNumber() - epoch);
    }
    benchmark::DoNotOptimize(out.data());
  }
  report(state, out);
}
BENCHMARK(quantlib_united_kingdom)->Unit(benchmark::kMillisecond)->Iterations(1);
#endif

}  // namespace

BENCHMARK(iro_batch_cpp)->Unit(benchmark::kMillisecond);
BENCHMARK(iro_batch_c_api)->Unit(benchmark::kMillisecond);
BENCHMARK(iro_single_cpp)->Unit(benchmark::kMillisecond);
BENCHMARK(day_loop)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
