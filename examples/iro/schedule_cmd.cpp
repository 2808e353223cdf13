// `iro schedule FILE` (one child's timetable, explained) and `iro worklist FILE` (many children).
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "commands.hpp"
#include "iro/child_json.hpp"
#include "iro/error.hpp"
#include "iro/schedule.hpp"

namespace iro::tool {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Status::io, "cannot open " + quote(path, 256));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// --as-of DATE, --within N; the rest are positional.
struct Options {
  std::optional<Date> as_of;
  std::int32_t within = 14;
  Args rest;
};

Options options(const Args& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--as-of" && has_value) o.as_of = Date::parse(args[++i]);
    else if (args[i] == "--within" && has_value) o.within = parse_int32(args[++i], "--within");
    else if (args[i].rfind("--", 0) == 0) throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else o.rest.push_back(args[i]);
  }
  return o;
}

const char* yes_no(bool b) { return b ? "yes" : "NO"; }

}  // namespace

int run_schedule(const Args& args, std::ostream& out) {
  const Options o = options(args);
  if (o.rest.size() != 1) throw Error(Status::invalid_argument, "usage: iro schedule CHILD.json [--as-of DATE]");
  const ChildDocument doc = child_document_from_json(slurp(o.rest[0]), o.rest[0]);
  const std::optional<Date> as_of = o.as_of ? o.as_of : doc.as_of;
  if (!as_of) throw Error(Status::invalid_argument, o.rest[0] + " has no \"as_of\": give --as-of DATE");
  const Calendar cal = doc.policy.calendar(Calendar::england_and_wales());
  const Child& child = doc.child;
  const Schedule s = evaluate(child, doc.policy, cal, *as_of);

  out << "Child " << child.id;
  if (child.dob) out << " (born " << *child.dob << ")";
  out << ", as of " << *as_of << "\n" << doc.policy.describe() << "\n\n";
  for (std::size_t i = 0; i < child.periods.size(); ++i) {
    const Period& p = child.periods[i];
    out << "Period " << i + 1 << ": " << p.start << " to " << (p.end ? p.end->iso() : std::string("(still looked after)"))
        << ", " << regime_name(p.regime);
    for (const RegimeSwitch& sw : p.switches) out << "; from " << sw.date << " " << regime_name(sw.regime);
    out << "\n";
  }
  out << "\nReviews held\n";
  out << "  " << std::left << std::setw(4) << "#" << std::setw(12) << "held" << std::setw(21) << "regime" << std::setw(12)
      << "due" << std::setw(9) << "on time" << std::setw(10) << "days late" << "record by\n";
  for (const ReviewResult& r : s.reviews) {
    out << "  " << std::setw(4) << r.number << std::setw(12) << r.date.iso() << std::setw(21) << regime_name(r.regime)
        << std::setw(12) << r.due.date.iso() << std::setw(9) << yes_no(r.on_time) << std::setw(10) << r.days_late
        << r.record_due << "\n";
    out << "      " << explain(r.due, doc.policy, cal) << "\n";
  }
  if (s.reviews.empty()) out << "  (none)\n";
  out << "\nMissed due dates\n";
  for (const MissedReview& m : s.missed) {
    out << "  " << m.due.date << " (" << regime_name(m.regime) << "): " << explain(m.due, doc.policy, cal) << "\n";
  }
  if (s.missed.empty()) out << "  (none)\n";
  out << "\nNext review\n";
  if (!s.next) {
    out << "  none: not looked after on " << *as_of << "\n";
  } else {
    const NextReview& n = *s.next;
    out << "  review " << n.number << " (" << regime_name(n.regime) << ") due " << n.due.date;
    if (n.overdue) out << " - OVERDUE by " << (*as_of - n.due.date) << " days";
    else out << " - in " << (n.due.date - *as_of) << " days";
    out << "\n  " << explain(n.due, doc.policy, cal) << "\n";
    out << "  midway review " << n.midway << "; book by " << n.book_by << "; report due " << n.report_due << "\n";
  }
  const auto deadlines = placement_deadlines(child, doc.policy, cal, *as_of);
  if (!deadlines.empty()) {
    out << "\nPlacement deadlines\n";
    for (const Deadline& d : deadlines) {
      out << "  " << d.due << "  " << std::setw(25) << d.what << d.cite << ": " << d.rule << " (from " << d.anchor << ")\n";
    }
  }
  const auto issues = check_participation(child);
  if (!issues.empty()) {
    out << "\nParticipation codes to check\n";
    for (const ParticipationIssue& p : issues) out << "  " << p.review << " " << participation_code(p.code) << ": " << p.message << "\n";
  }
  return exit_ok;
}

int run_worklist(const Args& args, std::ostream& out) {
  const Options o = options(args);
  if (o.rest.size() != 1 || !o.as_of) {
    throw Error(Status::invalid_argument, "usage: iro worklist CHILDREN.json --as-of DATE [--within DAYS]");
  }
  const std::vector<Child> children = children_from_json(slurp(o.rest[0]), o.rest[0]);
  const Policy policy = Policy::england();
  const Calendar cal = policy.calendar(Calendar::england_and_wales());
  const auto items = worklist(children, policy, cal, *o.as_of, o.within);
  out << "Reviews overdue or due within " << o.within << " days of " << *o.as_of << " (" << items.size() << " of "
      << children.size() << " children)\n\n";
  out << "  " << std::left << std::setw(12) << "due" << std::setw(16) << "status" << std::setw(16) << "child"
      << std::setw(8) << "review" << std::setw(21) << "regime" << "book by\n";
  for (const WorkItem& w : items) {
    std::string status = w.days_until < 0 ? "overdue " + std::to_string(-w.days_until) + "d"
                                          : w.days_until == 0 ? "due today" : "in " + std::to_string(w.days_until) + "d";
    out << "  " << std::setw(12) << w.next.due.date.iso() << std::setw(16) << status << std::setw(16)
        << children[w.child].id << std::setw(8) << w.next.number << std::setw(21) << regime_name(w.next.regime)
        << w.next.book_by << "\n";
  }
  return exit_ok;
}

}  // namespace iro::tool
