// `iro import DIR [--policy P]`: an SSDA903 return read into children, with the import report, and (with
// --as-of) the review figures the children give under the policy; a child the policy's evaluation refuses
// is listed and the others are still counted (exit 1).
#include <cstdio>
#include <ostream>

#include "commands.hpp"
#include "iro/data/casebook.hpp"
#include "iro/data/council.hpp"
#include "iro/core/error.hpp"
#include "iro/rules/schedule.hpp"
#include "iro/data/ssda903.hpp"

namespace iro::tool {

int run_import(const Args& args, std::ostream& out) {
  std::string dir;
  bool strict = false;
  std::optional<Date> as_of;
  long long show = 20;
  std::string save, policy_name = "england";
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--strict")
      strict = true;
    else if (args[i] == "--as-of" && has)
      as_of = Date::parse(args[++i]);
    else if (args[i] == "--issues" && has)
      show = parse_integer(args[++i], "--issues");
    else if (args[i] == "--save" && has)
      save = args[++i];
    else if (args[i] == "--policy" && has)
      policy_name = args[++i];
    else if (args[i].rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else
      dir = args[i];
  }
  if (dir.empty()) {
    throw Error(Status::invalid_argument,
                "usage: iro import DIR [--strict] [--as-of DATE] [--policy P] [--issues N] [--save FILE]\n"
                "  DIR holds header.csv and episodes.csv, and optionally reviews.csv, placed_for_adoption.csv,\n"
                "  review_records.csv, midway_reviews.csv, roster/*.csv and disputes/events.csv");
  }
  const Policy policy = load_policy(policy_name);  // before the import: a bad policy stops everything
  // The whole council: the 903 return and local extracts, roster/*.csv and disputes/events.csv beside them.
  const CouncilImport council = import_council(dir, policy, policy.calendar(Calendar::england_and_wales()),
                                               strict ? ImportMode::strict : ImportMode::lenient);
  const Casebook& book = council.book;
  const ImportReport& rep = council.report;
  out << "SSDA903 return " << dir << "\n\n  rows read:";
  for (const auto& [file, n] : rep.rows) out << " " << file << " " << n << ";";
  out << "\n  imported: " << rep.children << " children, " << rep.periods << " periods of care, " << rep.reviews
      << " reviews; " << book.roster.officers().size() << " IROs, " << book.roster.allocations().size()
      << " allocations, " << book.disputes.size() << " disputes\n  rows rejected: " << rep.rejected
      << "; doubtful rows kept: " << rep.doubtful << "\n";
  if (!rep.issues.empty()) {
    out << "\n  issues by file and column:\n";
    for (const auto& [what, n] : issue_counts(rep)) out << "    " << what << ": " << n << "\n";
    out << "\n  first " << std::min<long long>(show, static_cast<long long>(rep.issues.size())) << " of "
        << rep.issues.size() << " issues:\n";
    for (long long i = 0; i < show && i < static_cast<long long>(rep.issues.size()); ++i) {
      const ImportIssue& is = rep.issues[static_cast<std::size_t>(i)];
      out << "    " << (is.rejected ? "rejected " : "doubtful ") << is.file
          << (is.line == 0 ? std::string() : ":" + std::to_string(is.line))
          << (is.column.empty() ? "" : ": " + is.column) << ": " << is.message << "\n";
    }
  }
  if (!save.empty()) {  // everything read: the children, the roster and the disputes
    book.save(save);
    out << "\n  saved " << book.children.size() << " children, " << book.roster.officers().size() << " IROs, "
        << book.roster.allocations().size() << " allocations and " << book.disputes.size() << " disputes to " << save
        << "\n";
  }
  if (as_of) {
    const Calendar cal = policy.calendar(Calendar::england_and_wales());
    std::size_t looked_after = 0, overdue = 0, judged = 0, in_time = 0, missed = 0;
    std::vector<RefusedChild> refused;
    Schedule s;
    for (std::size_t i = 0; i < book.children.size(); ++i) {
      const Child& c = book.children[i];
      try {
        evaluate(c, policy, cal, *as_of, s);
      } catch (const Error& e) {  // one child the rules cannot evaluate never stops the others
        refused.push_back({i, c.id, e.status(), e.what()});
        continue;
      }
      judged += s.reviews.size();
      for (const ReviewResult& rv : s.reviews) in_time += rv.on_time;
      missed += s.missed.size();
      if (s.next) {
        ++looked_after;
        overdue += s.next->overdue;
      }
    }
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f%%",
                  judged == 0 ? 0.0 : 100.0 * static_cast<double>(in_time) / static_cast<double>(judged));
    out << "\n  as of " << *as_of << " under policy " << policy.id << ": " << looked_after << " children looked after, "
        << overdue << " with an overdue review; " << judged << " reviews judged, " << in_time << " in time (" << pct
        << "); " << missed << " missed due dates\n";
    if (!refused.empty()) {
      out << "\n  Refused: " << refused.size() << " of " << book.children.size()
          << " children could not be evaluated and are not in these figures\n";
      for (const RefusedChild& c : refused) {
        out << "    child " << quote(c.id) << ": " << c.message << " [" << status_name(c.status) << "]\n";
      }
      return exit_failed;
    }
  }
  return exit_ok;
}

}  // namespace iro::tool
