// `iro report CASEBOOK.cbk|--demo [--year Y] [--policy P] [--format text|csv|json|md|html] [--out FILE]`:
// the IRO annual report's tables for a reporting year.
#include <fstream>
#include <ostream>

#include "commands.hpp"
#include "iro/casebook.hpp"
#include "iro/error.hpp"
#include "iro/report.hpp"
#include "iro/synth.hpp"

namespace iro::tool {

int run_report(const Args& args, std::ostream& out) {
  std::string source, format = "text", file, policy_name = "england";
  bool demo = false;
  int year = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--year" && has) year = parse_int32(args[++i], "--year");
    else if (args[i] == "--format" && has) format = args[++i];
    else if (args[i] == "--out" && has) file = args[++i];
    else if (args[i] == "--policy" && has) policy_name = args[++i];
    else if (args[i] == "--demo") demo = true;
    else if (args[i].rfind("--", 0) == 0) throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else source = args[i];
  }
  const bool known = format == "text" || format == "csv" || format == "json" || format == "md" || format == "html";
  if (demo == !source.empty() || !known) {
    throw Error(Status::invalid_argument,
                "usage: iro report CASEBOOK.cbk|--demo [--year Y] [--policy P] [--format text|csv|json|md|html] [--out FILE]");
  }
  Casebook book;
  if (demo) {
    SynthOptions o;  // 450 children, 8 IROs, 2 years to 31 March 2025, seed 1
    book = casebook_from(synthesize(o), "Demo council (synthetic)");
    if (year == 0) year = 2024;
  } else {
    book = Casebook::load(source);
  }
  if (year == 0) throw Error(Status::invalid_argument, "--year: give the reporting year's first year, e.g. --year 2024");
  const Policy policy = policy_name == "england" ? Policy::england() : Policy::from_file(policy_name);
  const AnnualReport r = annual_report(book, policy, Calendar::england_and_wales(), year);
  const std::string text = format == "csv"    ? report_csv(r)
                           : format == "json" ? report_json(r)
                           : format == "md"   ? report_markdown(r)
                           : format == "html" ? report_html(r)
                                              : report_text(r);
  if (file.empty()) {
    out << text;
  } else {
    std::ofstream f(file, std::ios::binary);
    if (!f || !(f << text) || !f.flush()) throw Error(Status::io, "cannot write " + quote(file, 256));
    out << "wrote the " << format << " report for " << r.from << " to " << r.to << " to " << file << "\n";
  }
  return exit_ok;
}

}  // namespace iro::tool
