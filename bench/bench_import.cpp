// Import of a national-scale synthetic SSDA903 return (83,000 children) with iro, on one thread and on
// all, the whole council (import_council: the return, roster/ and disputes/), and saving and loading the
// casebook. The directory comes from `iro synth` (bench/compare.py makes it); pandas is timed there too.
// Counters: MB/s of CSV read (every file the call reads).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "iro/data/casebook.hpp"
#include "iro/data/council.hpp"
#include "iro/data/ssda903.hpp"

namespace {

std::string directory = "bench-council";

// The bytes of the CSV files under the directory (roster/ and disputes/ too when @p all).
double csv_bytes(bool all) {
  double bytes = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(directory)) {
    if (e.is_regular_file() && e.path().extension() == ".csv" && (all || e.path().parent_path() == directory)) {
      bytes += static_cast<double>(e.file_size());
    }
  }
  return bytes;
}

// Arg: threads (0: all the machine has).
void import_903_return(benchmark::State& state) {
  iro::ImportOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  std::size_t children = 0;
  for (auto _ : state) {
    const iro::Ssda903Import r = iro::import_903_directory(directory, iro::ImportMode::lenient, options);
    children = r.children.size();
  }
  state.counters["children"] = static_cast<double>(children);
  state.counters["MB/s"] =
      benchmark::Counter(csv_bytes(false) * static_cast<double>(state.iterations()) / 1e6, benchmark::Counter::kIsRate);
}

// What `iro report DIR` reads: the whole council.
void import_council(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar calendar = policy.calendar(iro::Calendar::england_and_wales());
  iro::ImportOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  std::size_t children = 0;
  for (auto _ : state) {
    const iro::CouncilImport c = iro::import_council(directory, policy, calendar, iro::ImportMode::lenient, options);
    children = c.book.children.size();
  }
  state.counters["children"] = static_cast<double>(children);
  state.counters["MB/s"] =
      benchmark::Counter(csv_bytes(true) * static_cast<double>(state.iterations()) / 1e6, benchmark::Counter::kIsRate);
}

void casebook_save_load(benchmark::State& state) {
  iro::Casebook book;
  book.children = iro::import_903_directory(directory, iro::ImportMode::lenient).children;
  const std::string path = directory + "/book.cbk";
  const auto format = state.range(0) == 0 ? iro::ArchiveFormat::binary : iro::ArchiveFormat::text;
  for (auto _ : state) {
    book.save(path, format);
    const iro::Casebook back = iro::Casebook::load(path);
    benchmark::DoNotOptimize(back.children.size());
  }
  std::remove(path.c_str());
}

}  // namespace

BENCHMARK(import_903_return)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK(import_council)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime();
BENCHMARK(casebook_save_load)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) directory = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
