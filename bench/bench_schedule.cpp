// One million synthetic children (about five reviews each) evaluated through the C API batch call
// iro_schedule_evaluate: reviews per second on one core. Run through bench/run.
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "iro.h"

namespace {

constexpr int32_t children_count = 1000000;

struct Council {
  iro_calendar* calendar = nullptr;
  iro_policy* policy = nullptr;
  iro_children* children = nullptr;
  int32_t as_of = 0;
  std::size_t reviews = 0;
  Council() {
    iro_calendar_new_builtin("england-and-wales", &calendar);
    iro_policy_new_builtin("england", &policy);
    iro_children_new(&children);
    iro_date_parse("2024-12-31", &as_of);
    std::mt19937 rng(903);
    int32_t first_day = 0;
    iro_date_parse("2019-01-01", &first_day);
    std::uniform_int_distribution<int32_t> start(first_day, first_day + 4 * 365);
    std::uniform_int_distribution<int32_t> first_gap(10, 32), second_gap(70, 95), later_gap(150, 190);
    std::vector<int32_t> who, when;
    for (int32_t i = 0; i < children_count; ++i) {
      int32_t index = 0;
      iro_children_add(children, "child", IRO_NO_DATE, &index);
      const int32_t s = start(rng);
      iro_children_add_period(children, index, s, IRO_NO_DATE, IRO_REGIME_STANDARD);
      int32_t day = s + first_gap(rng);
      for (int k = 0; k < 5 && day <= as_of; ++k) {
        who.push_back(index);
        when.push_back(day);
        day += k == 0 ? second_gap(rng) : later_gap(rng);
      }
    }
    iro_children_add_reviews(children, who.data(), when.data(), nullptr, nullptr, who.size());
    reviews = who.size();
  }
  ~Council() {
    iro_children_free(children);
    iro_policy_free(policy);
    iro_calendar_free(calendar);
  }
};

void schedule_evaluate_c_api(benchmark::State& state) {
  static const Council council;
  std::size_t judged = 0;
  for (auto _ : state) {
    iro_schedules* out = nullptr;
    if (iro_schedule_evaluate(council.children, council.policy, council.calendar, council.as_of, &out) != IRO_OK) {
      state.SkipWithError(iro_last_error_message());
      break;
    }
    size_t n = 0, failed = 0;
    iro_schedules_summary(out, &n, &failed, &judged);
    if (failed != 0) state.SkipWithError("a synthetic child failed");
    iro_schedules_free(out);
  }
  state.counters["children"] = children_count;
  state.counters["reviews"] = static_cast<double>(judged);
  state.counters["reviews_per_second"] =
      benchmark::Counter(static_cast<double>(judged), benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

// Evaluating again into the same handle: its storage is reused, so no memory is allocated or faulted in.
void schedule_evaluate_into_c_api(benchmark::State& state) {
  static const Council council;
  iro_schedules* out = nullptr;
  iro_schedule_evaluate(council.children, council.policy, council.calendar, council.as_of, &out);
  std::size_t judged = 0;
  for (auto _ : state) {
    if (iro_schedule_evaluate_into(council.children, council.policy, council.calendar, council.as_of, out) != IRO_OK) {
      state.SkipWithError(iro_last_error_message());
      break;
    }
    size_t n = 0, failed = 0;
    iro_schedules_summary(out, &n, &failed, &judged);
  }
  iro_schedules_free(out);
  state.counters["reviews"] = static_cast<double>(judged);
  state.counters["reviews_per_second"] =
      benchmark::Counter(static_cast<double>(judged), benchmark::Counter::kIsIterationInvariantRate);
}

// Reading every child's judged reviews back (iro_schedules_reviews): on time, days late and the record
// date are copied as the core computed them, so a read is a copy.
void schedule_reviews_read_c_api(benchmark::State& state) {
  static const Council council;
  iro_schedules* out = nullptr;
  iro_schedule_evaluate(council.children, council.policy, council.calendar, council.as_of, &out);
  std::vector<iro_review_result> buffer(64);
  std::size_t read = 0;
  int64_t late = 0;
  for (auto _ : state) {
    read = 0;
    for (size_t child = 0; child < static_cast<size_t>(children_count); ++child) {
      size_t n = 0;
      if (iro_schedules_reviews(out, child, buffer.data(), buffer.size(), &n) != IRO_OK) {
        state.SkipWithError(iro_last_error_message());
        break;
      }
      for (size_t k = 0; k < n; ++k) late += buffer[k].days_late + buffer[k].record_due;
      read += n;
    }
  }
  benchmark::DoNotOptimize(late);
  iro_schedules_free(out);
  state.counters["reviews"] = static_cast<double>(read);
  state.counters["reviews_per_second"] =
      benchmark::Counter(static_cast<double>(read), benchmark::Counter::kIsIterationInvariantRate);
}

BENCHMARK(schedule_evaluate_c_api)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(schedule_evaluate_into_c_api)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK(schedule_reviews_read_c_api)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();

BENCHMARK_MAIN();
