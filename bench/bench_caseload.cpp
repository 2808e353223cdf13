// A national-scale roster: 2,000 IROs, 83,000 children, allocations over 3 years. The full caseload
// check as of a date, and the monthly series for a year. Run through bench/run.
#include <benchmark/benchmark.h>

#include <random>

#include "iro/rules/caseload.hpp"

namespace {

struct National {
  iro::Roster roster;
  iro::Policy policy = iro::Policy::england();
  iro::Date as_of = iro::Date::parse("2024-12-31");
  National() {
    std::mt19937 rng(2000);
    std::uniform_real_distribution<double> part(0.4, 1.0);
    for (int i = 0; i < 2000; ++i) {
      iro::Officer r;
      r.id = "IRO" + std::to_string(i);
      r.fte = i % 5 == 0 ? part(rng) : 1.0;
      roster.add_officer(r);
      if (i % 40 == 0) roster.add_absence(r.id, iro::Date::parse("2024-12-01"), iro::Date::parse("2025-01-31"));
    }
    std::uniform_int_distribution<int> pick(0, 1999), start(0, 3 * 365), stay(60, 700);
    const iro::Date first = iro::Date::parse("2022-01-01");
    for (int c = 0; c < 83000; ++c) {
      const std::string id = "C" + std::to_string(c);
      iro::Date from = first.add_days(start(rng));
      for (int k = 0; k < 3 && from <= as_of; ++k) {  // up to three IROs in turn
        const iro::Date to = from.add_days(stay(rng));
        roster.add_allocation(id, "IRO" + std::to_string(pick(rng)), from, k == 2 ? std::nullopt : std::optional(to));
        from = to;
      }
    }
  }
};

const National& national() {
  static const National n;
  return n;
}

void caseload_check_national(benchmark::State& state) {
  const National& n = national();
  std::size_t children = 0;
  for (auto _ : state) {
    const iro::CaseloadCheck c = iro::check_caseloads(n.roster, n.policy, n.as_of);
    children = c.team.children;
    benchmark::DoNotOptimize(c.team.per_fte);
  }
  state.counters["iros"] = static_cast<double>(n.roster.officers().size());
  state.counters["allocations"] = static_cast<double>(n.roster.allocations().size());
  state.counters["children_allocated"] = static_cast<double>(children);
}

void caseload_monthly_series_year(benchmark::State& state) {
  const National& n = national();
  for (auto _ : state) {
    const auto series = iro::monthly_series(n.roster, n.policy, iro::Date::parse("2024-01-01"), n.as_of);
    benchmark::DoNotOptimize(series.data());
  }
}

}  // namespace

BENCHMARK(caseload_check_national)->Unit(benchmark::kMillisecond);
BENCHMARK(caseload_monthly_series_year)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
