// A register of 100,000 disputes with 500,000 events: the figures for a year. Run through bench/run.
#include <benchmark/benchmark.h>

#include <random>

#include "iro/rules/dispute.hpp"

namespace {

struct Council {
  iro::DisputeRegister reg{iro::Policy::england(), iro::Calendar::england_and_wales()};
  std::size_t events = 0;
  Council() {
    std::mt19937 rng(100000);
    std::uniform_int_distribution<int> start(0, 3 * 365), gap(1, 12), cat(0, 4);
    const char* categories[] = {"permanency", "pathway_plan", "contact", "education", "advocacy"};
    const iro::Date first = iro::Date::parse("2022-01-01");
    for (int i = 0; i < 100000; ++i) {
      const std::string id = "D" + std::to_string(i);
      reg.add(id, "C" + std::to_string(i), "IRO" + std::to_string(i % 2000), categories[cat(rng)]);
      iro::Date day = first.add_days(start(rng));
      using A = iro::DisputeAction;
      const A plan[] = {A::raise, A::escalate, A::escalate, i % 7 == 0 ? A::refer_cafcass : A::escalate,
                        i % 5 == 0 ? A::withdraw : A::resolve};
      for (A action : plan) {
        reg.add_event(id, iro::DisputeEvent{day, action, ""});
        day = day.add_days(gap(rng));
        ++events;
      }
    }
  }
};

void disputes_figures_year(benchmark::State& state) {
  static const Council council;
  std::size_t raised = 0;
  for (auto _ : state) {
    const iro::DisputeFigures f = council.reg.figures(iro::Date::parse("2024-04-01"), iro::Date::parse("2025-03-31"));
    raised = f.raised;
    benchmark::DoNotOptimize(f.median_working_days);
  }
  state.counters["disputes"] = static_cast<double>(council.reg.disputes().size());
  state.counters["events"] = static_cast<double>(council.events);
  state.counters["raised_in_year"] = static_cast<double>(raised);
}

}  // namespace

BENCHMARK(disputes_figures_year)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
