// `iro report CASEBOOK.cbk|903_DIR|--demo [--year Y] [--policy P] [--format text|csv|json|md|html] [--out FILE]
//  [--figures | --query FIGURE]`: the IRO annual report's tables for a reporting year, every figure's name and
// count, or the children behind one figure.
#include <filesystem>
#include <iostream>
#include <ostream>
#include <utility>

#include "commands.hpp"
#include "iro/data/casebook.hpp"
#include "iro/data/council.hpp"
#include "iro/core/error.hpp"
#include "iro/report/report.hpp"
#include "iro/report/report_figures.hpp"
#include "iro/report/report_format.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/data/ssda903.hpp"
#include "tools/synth.hpp"

namespace iro::tool {

int run_report(const Args& args, std::ostream& out) {
  std::string source, format = "text", file, policy_name = "england", query;
  bool demo = false, figures = false;
  int year = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--year" && has)
      year = parse_int32(args[++i], "--year");
    else if (args[i] == "--format" && has)
      format = args[++i];
    else if (args[i] == "--out" && has)
      file = args[++i];
    else if (args[i] == "--policy" && has)
      policy_name = args[++i];
    else if (args[i] == "--demo")
      demo = true;
    else if (args[i] == "--figures")
      figures = true;
    else if (args[i] == "--query" && has)
      query = args[++i];
    else if (args[i].rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else
      source = args[i];
  }
  const bool known = format == "text" || format == "csv" || format == "json" || format == "md" || format == "html";
  if (demo == !source.empty() || !known || (figures && !query.empty())) {
    throw Error(Status::invalid_argument,
                "usage: iro report CASEBOOK.cbk|903_DIR|--demo [--year Y] [--policy P] [--format "
                "text|csv|json|md|html] [--out FILE]\n"
                "                  [--figures | --query FIGURE]");
  }
  const Policy policy = load_policy(policy_name);
  Casebook book;
  std::error_code ec;
  if (demo) {
    SynthOptions o;  // 450 children, 8 IROs, 2 years to 31 March 2025, seed 1
    book = casebook_from(synthesize(o.for_policy(policy)), "Demo council (synthetic)", policy);
    if (year == 0) year = 2024;
  } else if (std::filesystem::is_directory(source, ec)) {
    // An SSDA903 return, with roster/*.csv and disputes/events.csv beside it when present (iro synth's layout).
    CouncilImport council = import_council(source, policy, policy.calendar(Calendar::england_and_wales()));
    book = std::move(council.book);
    if (council.report.rejected > 0) {  // on standard error: the output itself may be CSV or JSON
      std::cerr << "iro report: " << council.report.rejected << " rows of " << source
                << " were rejected and are not in the figures; "
                << "`iro import " << source << "` lists them\n";
    }
  } else {
    book = Casebook::load(source);
  }
  if (year == 0)
    throw Error(Status::invalid_argument, "--year: give the reporting year's first year, e.g. --year 2024");
  const Report r = annual_report(book, policy, Calendar::england_and_wales(), year);
  const ReportFormat layout = format == "csv"    ? ReportFormat::csv
                              : format == "json" ? ReportFormat::json
                              : format == "md"   ? ReportFormat::markdown
                              : format == "html" ? ReportFormat::html
                                                 : ReportFormat::text;
  const std::string text = figures          ? report_figures_csv(r)
                           : !query.empty() ? report_query_csv(query, report_query(r, query))
                                            : format_report(r, layout);
  if (file.empty()) {
    out << text;
  } else {
    write_output_file(file, text);
    out << "wrote "
        << (figures          ? "the figures"
            : !query.empty() ? "the rows behind " + query
                             : "the " + format + " report")
        << " for " << r.from << " to " << r.to << " to " << file << "\n";
  }
  return exit_ok;
}

}  // namespace iro::tool
