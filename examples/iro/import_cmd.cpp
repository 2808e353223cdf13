// `iro import DIR`: an SSDA903 return read into children, with the import report, and (with --as-of) the
// review figures the children give.
#include <cstdio>
#include <ostream>

#include "commands.hpp"
#include "iro/casebook.hpp"
#include "iro/error.hpp"
#include "iro/schedule.hpp"
#include "iro/ssda903.hpp"

namespace iro::tool {

int run_import(const Args& args, std::ostream& out) {
  std::string dir;
  bool strict = false;
  std::optional<Date> as_of;
  long long show = 20;
  std::string save;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has = i + 1 < args.size();
    if (args[i] == "--strict") strict = true;
    else if (args[i] == "--as-of" && has) as_of = Date::parse(args[++i]);
    else if (args[i] == "--issues" && has) show = parse_integer(args[++i], "--issues");
    else if (args[i] == "--save" && has) save = args[++i];
    else if (args[i].rfind("--", 0) == 0) throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else dir = args[i];
  }
  if (dir.empty()) {
    throw Error(Status::invalid_argument,
                "usage: iro import DIR [--strict] [--as-of DATE] [--issues N] [--save FILE]\n"
                "  DIR holds header.csv and episodes.csv, and optionally reviews.csv and placed_for_adoption.csv");
  }
  const Ssda903Import r = import_903_directory(dir, strict ? ImportMode::strict : ImportMode::lenient);
  const ImportReport& rep = r.report;
  out << "SSDA903 return " << dir << "\n\n  rows read:";
  for (const auto& [file, n] : rep.rows) out << " " << file << " " << n << ";";
  out << "\n  imported: " << rep.children << " children, " << rep.periods << " periods of care, " << rep.reviews
      << " reviews\n  rows rejected: " << rep.rejected << "; doubtful rows kept: " << rep.doubtful << "\n";
  if (!rep.issues.empty()) {
    out << "\n  first " << std::min<long long>(show, static_cast<long long>(rep.issues.size())) << " of "
        << rep.issues.size() << " issues:\n";
    for (long long i = 0; i < show && i < static_cast<long long>(rep.issues.size()); ++i) {
      const ImportIssue& is = rep.issues[static_cast<std::size_t>(i)];
      out << "    " << (is.rejected ? "rejected " : "doubtful ") << is.file
          << (is.line == 0 ? std::string() : ":" + std::to_string(is.line))
          << (is.column.empty() ? "" : ": " + is.column) << ": " << is.message << "\n";
    }
  }
  if (!save.empty()) {
    Casebook book;
    book.council = dir;
    book.children = r.children;
    book.save(save);
    out << "\n  saved the " << book.children.size() << " children to " << save << "\n";
  }
  if (as_of) {
    const Policy policy = Policy::england();
    const Calendar cal = Calendar::england_and_wales();
    std::size_t looked_after = 0, overdue = 0, judged = 0, in_time = 0, missed = 0;
    Schedule s;
    for (const Child& c : r.children) {
      evaluate(c, policy, cal, *as_of, s);
      judged += s.reviews.size();
      for (const ReviewResult& rv : s.reviews) in_time += rv.on_time;
      missed += s.missed.size();
      if (s.next) {
        ++looked_after;
        overdue += s.next->overdue;
      }
    }
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.1f%%", judged == 0 ? 0.0 : 100.0 * static_cast<double>(in_time) / static_cast<double>(judged));
    out << "\n  as of " << *as_of << ": " << looked_after << " children looked after, " << overdue
        << " with an overdue review; " << judged << " reviews judged, " << in_time << " in time (" << pct << "); "
        << missed << " missed due dates\n";
  }
  return exit_ok;
}

}  // namespace iro::tool
