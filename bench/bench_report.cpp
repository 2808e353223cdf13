// The annual report end to end on a national-scale synthetic council (83,000 children, 1,400 IROs),
// timed by stage: import (903 CSVs, roster, disputes), schedules, caseloads, disputes, all tables, HTML.
// `build/bin/bench_report` synthesizes the council into a temporary directory first (not timed).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "iro.h"
#include "iro/data/casebook.hpp"
#include "iro/data/council.hpp"
#include "iro/report/report.hpp"
#include "iro/report/report_format.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/rules/schedule.hpp"
#include "iro/data/ssda903.hpp"
#include "tools/synth.hpp"

namespace {

std::filesystem::path directory;
const iro::Date year_end = iro::Date::from_ymd(2025, 3, 31);

// What `iro report DIR` does to read a council: iro::import_council (the 903 return, roster/ and
// disputes/ beside it, on both cores).
iro::Casebook import_council(const iro::Policy& policy) {
  return iro::import_council(directory.string(), policy, policy.calendar(iro::Calendar::england_and_wales())).book;
}

const iro::Casebook& council() {
  static const iro::Casebook book = import_council(iro::Policy::england());
  return book;
}

void stage_import(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  for (auto _ : state) benchmark::DoNotOptimize(import_council(policy).children.size());
  state.counters["children"] = static_cast<double>(council().children.size());
}

void stage_schedule(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  iro::Schedule s;
  std::size_t reviews = 0;
  for (auto _ : state) {
    reviews = 0;
    for (const iro::Child& c : council().children) {
      iro::evaluate(c, policy, cal, year_end, s);
      reviews += s.reviews.size();
    }
  }
  state.counters["reviews/s"] = benchmark::Counter(
      static_cast<double>(reviews) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void stage_caseload(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  for (auto _ : state) benchmark::DoNotOptimize(iro::check_caseloads(council().roster, policy, year_end).team.children);
}

void stage_disputes(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  for (auto _ : state) {
    iro::DisputeRegister reg(policy, cal);
    for (const iro::Dispute& d : council().disputes) {
      reg.add(d.id, d.children, d.officer, d.categories);
      for (const iro::DisputeEvent& e : d.events) reg.add_event(d.id, e);
    }
    benchmark::DoNotOptimize(reg.figures(iro::Date::from_ymd(2024, 4, 1), year_end).raised);
  }
  state.counters["disputes"] = static_cast<double>(council().disputes.size());
}

// All tables: schedules for the year and the two before (three evaluations per child), caseloads,
// disputes, and the rows behind every figure.
void stage_tables(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  for (auto _ : state) benchmark::DoNotOptimize(iro::annual_report(council(), policy, cal, 2024).total.due);
}

void stage_html(benchmark::State& state) {
  const iro::Report r = iro::annual_report(council(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  for (auto _ : state) benchmark::DoNotOptimize(iro::report_html(r).size());
}

void stage_other_formats(benchmark::State& state) {
  const iro::Report r = iro::annual_report(council(), iro::Policy::england(), iro::Calendar::england_and_wales(), 2024);
  for (auto _ : state)
    benchmark::DoNotOptimize(iro::report_text(r).size() + iro::report_json(r).size() + iro::report_csv(r).size());
}

// What `iro report DIR --format html --out FILE` does, from the files to the page on disk.
void end_to_end(benchmark::State& state) {
  const iro::Policy policy = iro::Policy::england();
  const std::string out = (directory / "report.html").string();
  for (auto _ : state) {
    const iro::Casebook book = import_council(policy);
    const iro::Report r = iro::annual_report(book, policy, iro::Calendar::england_and_wales(), 2024);
    std::ofstream(out, std::ios::binary) << iro::report_html(r);
  }
}

// The report through the C API, computed once (iro_report_new) and freed: the cost the reads below are
// measured against.
struct CApiCouncil {
  iro_casebook* book = nullptr;
  iro_policy* policy = nullptr;
  iro_calendar* cal = nullptr;
  CApiCouncil() {
    iro_casebook_new(&book);
    iro_policy_new_builtin("england", &policy);
    iro_calendar_new_builtin("england-and-wales", &cal);
    if (iro_casebook_import_council(book, directory.string().c_str(), policy, cal, 0, nullptr, nullptr) != IRO_OK) {
      std::fprintf(stderr, "import failed: %s\n", iro_last_error_message());
      std::abort();
    }
  }
};

const CApiCouncil& capi_council() {
  static const CApiCouncil c;
  return c;
}

void capi_report_computed(benchmark::State& state) {
  const CApiCouncil& c = capi_council();
  for (auto _ : state) {
    iro_report* report = nullptr;
    iro_report_new(c.book, c.policy, c.cal, 2024, &report);
    iro_report_free(report);
  }
}

// Computed, then read: every figure (the list, then each by name), the cells, and the rows behind the
// year's late or missed reviews. Issue 15 asks this to cost at most 1.2 times capi_report_computed.
void capi_report_computed_and_read(benchmark::State& state) {
  const CApiCouncil& c = capi_council();
  std::vector<iro_report_figure> figures;
  std::vector<iro_report_cell> cells;
  std::vector<iro_report_row> rows;
  std::size_t read = 0;
  for (auto _ : state) {
    iro_report* report = nullptr;
    iro_report_new(c.book, c.policy, c.cal, 2024, &report);
    std::size_t n = 0;
    iro_report_figures(report, nullptr, 0, &n);
    figures.resize(n);
    iro_report_figures(report, figures.data(), figures.size(), &n);
    for (const iro_report_figure& f : figures) {
      std::uint64_t count = 0;
      iro_report_figure_count(report, f.name, &count);
      read += count;
    }
    iro_report_cells(report, nullptr, 0, &n);
    cells.resize(n);
    iro_report_cells(report, cells.data(), cells.size(), &n);
    iro_report_rows* late = nullptr;
    iro_report_query(report, "timeliness.year.late_or_missed", &late);
    iro_report_rows_read(late, nullptr, 0, &n);
    rows.resize(n);
    iro_report_rows_read(late, rows.data(), rows.size(), &n);
    read += n;
    iro_report_rows_free(late);
    iro_report_free(report);
  }
  state.counters["figures"] = static_cast<double>(figures.size());
  state.counters["rows"] = static_cast<double>(rows.size());
  benchmark::DoNotOptimize(read);
}

}  // namespace

BENCHMARK(stage_import)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(stage_schedule)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(stage_caseload)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(stage_disputes)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(stage_tables)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(stage_html)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(stage_other_formats)->Unit(benchmark::kMillisecond)->Iterations(10);
BENCHMARK(end_to_end)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(capi_report_computed)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(capi_report_computed_and_read)->Unit(benchmark::kMillisecond)->Iterations(5);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  directory = std::filesystem::temp_directory_path() / "iro-bench-report";
  iro::SynthOptions o;
  o.children = 83000;
  o.officers = 1400;
  o.years = 3;
  iro::write_synth_files(iro::synthesize(o), directory.string());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  std::filesystem::remove_all(directory, ec);
  return 0;
}
