// `iro caseload DIR --as-of DATE`: loads per FTE against the band, from roster CSV files.
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <ostream>

#include "commands.hpp"
#include "iro/rules/caseload.hpp"
#include "iro/core/error.hpp"
#include "iro/data/roster_csv.hpp"

namespace iro::tool {
namespace {

std::string two(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

Roster load_roster_dir(const std::string& dir) {
  Roster roster;
  const auto file = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
  load_roster_csv(roster, RosterFile::iros, file("iros.csv"));
  std::error_code ec;
  if (std::filesystem::exists(file("children.csv"), ec))
    load_roster_csv(roster, RosterFile::children, file("children.csv"));
  load_roster_csv(roster, RosterFile::allocations, file("allocations.csv"));
  if (std::filesystem::exists(file("absences.csv"), ec))
    load_roster_csv(roster, RosterFile::absences, file("absences.csv"));
  return roster;
}

}  // namespace

int run_caseload(const Args& args, std::ostream& out) {
  std::optional<Date> as_of, series_from, series_to, cover_from, cover_to;
  std::string dir, policy_name = "england", siblings, attribute, cover;
  bool advise = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto value = [&](const char* what) -> std::string {
      if (i + 1 >= args.size()) throw Error(Status::invalid_argument, std::string(what) + " needs a value");
      return args[++i];
    };
    if (args[i] == "--as-of")
      as_of = Date::parse(value("--as-of"));
    else if (args[i] == "--policy")
      policy_name = value("--policy");
    else if (args[i] == "--series") {
      series_from = Date::parse(value("--series"));
      series_to = Date::parse(value("--series"));
    } else if (args[i] == "--advise")
      advise = true;
    else if (args[i] == "--siblings")
      siblings = value("--siblings");
    else if (args[i] == "--attribute")
      attribute = value("--attribute");
    else if (args[i] == "--cover") {
      cover = value("--cover");
      cover_from = Date::parse(value("--cover"));
      cover_to = Date::parse(value("--cover"));
    } else if (args[i].rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown option " + quote(args[i]));
    else
      dir = args[i];
  }
  if (dir.empty() || !as_of) {
    throw Error(Status::invalid_argument,
                "usage: iro caseload ROSTER_DIR --as-of DATE [--policy P] [--series FROM TO]\n"
                "       [--advise [--siblings GROUP] [--attribute A]] [--cover IRO FROM TO]\n"
                "  ROSTER_DIR holds iros.csv and allocations.csv, and optionally children.csv and absences.csv");
  }
  const Policy policy = policy_name == "england" ? Policy::england() : Policy::from_file(policy_name);
  const Roster roster = load_roster_dir(dir);
  const CaseloadCheck check = check_caseloads(roster, policy, *as_of);
  out << "Caseloads on " << *as_of << " (band " << policy.caseload_low << "-" << policy.caseload_high
      << " children per FTE, " << policy.id << ")\n\n";
  out << "  " << std::left << std::setw(10) << "IRO" << std::setw(7) << "FTE" << std::setw(10) << "children"
      << std::setw(10) << "weighted" << std::setw(9) << "per FTE"
      << "band\n";
  for (const OfficerLoad& l : check.officers) {
    const Officer& r = roster.officers()[l.officer];
    out << "  " << std::setw(10) << r.id << std::setw(7) << two(r.fte) << std::setw(10) << l.children << std::setw(10)
        << two(l.weighted) << std::setw(9) << two(l.per_fte) << band_name(l.band) << (r.agency ? " (agency)" : "")
        << (l.absent ? " (absent)" : "") << "\n";
  }
  const TeamLoad& t = check.team;
  out << "\n  team: " << t.children << " children, " << two(t.fte) << " FTE, " << two(t.per_fte) << " per FTE ("
      << band_name(t.band) << "); range " << two(t.min_per_fte) << "-" << two(t.max_per_fte) << "; " << t.above
      << " above, " << t.within << " within, " << t.below << " below\n";
  const Continuity c = continuity(roster, *as_of);
  out << "  continuity: " << c.kept_one_iro << " of " << c.children << " children kept one IRO ("
      << two(c.kept_percent()) << "%), " << c.changes << " changes of IRO\n";
  if (series_from) {
    out << "\nMonth ends\n";
    for (const TeamLoad& m : monthly_series(roster, policy, *series_from, *series_to)) {
      out << "  " << m.date << "  " << std::setw(5) << m.children << " children  " << std::setw(7) << two(m.fte)
          << " FTE  " << std::setw(7) << two(m.per_fte) << " per FTE  " << m.above << " above\n";
    }
  }
  if (advise) {
    out << "\nAllocation advice for a new child" << (siblings.empty() ? "" : " (siblings: " + siblings + ")") << "\n";
    for (const AllocationAdvice& a : advise_allocation(roster, policy, *as_of, siblings, attribute))
      out << "  " << a.why << "\n";
  }
  if (!cover.empty()) {
    const CoverPlan plan = plan_cover(roster, policy, cover, *cover_from, *cover_to);
    out << "\nCover for " << cover << " from " << *cover_from << " to " << *cover_to << "\n";
    for (const CoverMove& m : plan.moves) {
      out << "  " << roster.children()[m.child].id << " -> " << roster.officers()[m.to].id << "\n";
    }
    for (const OfficerLoad& l : plan.loads) {
      out << "  " << roster.officers()[l.officer].id << " then holds " << l.children << " (" << two(l.per_fte)
          << " per FTE)\n";
    }
  }
  return exit_ok;
}

}  // namespace iro::tool
