// Import of a national-scale synthetic SSDA903 return (83,000 children) with iro, and saving and loading
// the casebook. The directory comes from `iro synth` (bench/run makes it); pandas is timed by bench/run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "iro/casebook.hpp"
#include "iro/ssda903.hpp"

namespace {

std::string directory = "bench-council";

void import_903_return(benchmark::State& state) {
  std::size_t children = 0;
  for (auto _ : state) {
    const iro::Ssda903Import r = iro::import_903_directory(directory, iro::ImportMode::lenient);
    children = r.children.size();
  }
  state.counters["children"] = static_cast<double>(children);
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

BENCHMARK(import_903_return)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(casebook_save_load)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1) directory = argv[1];
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
