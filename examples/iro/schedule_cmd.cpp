// `iro schedule FILE` (one child's timetable, explained) and `iro worklist FILE` (many children).
#include <algorithm>
#include <iomanip>
#include <ostream>

#include "commands.hpp"
#include "iro/data/child_json.hpp"
#include "iro/core/error.hpp"
#include "iro/rules/schedule.hpp"

namespace iro::tool {
namespace {

// --as-of DATE, --within N, --policy P; the rest are positional.
struct Options {
  std::optional<Date> as_of;
  std::int32_t within = 14;
  std::string policy;  // empty: none given
  Args rest;
};

Options options(const Args& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const bool has_value = i + 1 < args.size();
    if (args[i] == "--as-of" && has_value)
      o.as_of = Date::parse(args[++i]);
    else if (args[i] == "--within" && has_value)
      o.within = parse_int32(args[++i], "--within");
    else if (args[i] == "--policy" && has_value)
      o.policy = args[++i];
    else if (args[i].rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(args[i]));
    else
      o.rest.push_back(args[i]);
  }
  return o;
}

const char* yes_no(bool b) { return b ? "yes" : "NO"; }

}  // namespace

int run_schedule(const Args& args, std::ostream& out) {
  const Options o = options(args);
  if (o.rest.size() != 1)
    throw Error(Status::invalid_argument, "usage: iro schedule CHILD.json [--as-of DATE] [--policy P]");
  // --policy P: P in place of England under the case's own overrides (and in place of a policy file it names).
  const ChildDocument doc = o.policy.empty() ? child_document_from_file(o.rest[0])
                                             : child_document_from_file(o.rest[0], load_policy(o.policy));
  const std::optional<Date> as_of = o.as_of ? o.as_of : doc.as_of;
  if (!as_of) throw Error(Status::invalid_argument, o.rest[0] + " has no \"as_of\": give --as-of DATE");
  const Calendar cal = doc.policy.calendar(Calendar::england_and_wales());
  const Child& child = doc.child;
  Schedule s;
  try {
    evaluate(child, doc.policy, cal, *as_of, s);
  } catch (const Error& e) {  // say which file held the child
    throw Error(e.status(), o.rest[0] + ": " + e.what());
  }

  out << "Child " << child.id;
  if (child.dob) out << " (born " << *child.dob << ")";
  out << ", as of " << *as_of << "\n" << doc.policy.describe() << " (" << doc.policy.source << ")\n\n";
  for (std::size_t i = 0; i < child.periods.size(); ++i) {
    const Period& p = child.periods[i];
    out << "Period " << i + 1 << ": " << p.start << " to "
        << (p.end ? p.end->iso() : std::string("(still looked after)")) << ", " << regime_name(p.regime);
    for (const RegimeSwitch& sw : p.switches) out << "; from " << sw.date << " " << regime_name(sw.regime);
    if (i > 0 && child.periods[i - 1].end && *child.periods[i - 1].end == p.start) {
      out << " (it abuts period " << i << ": one time in care)";
    }
    out << "\n";
  }
  out << "\nReviews held\n";
  out << "  " << std::left << std::setw(4) << "#" << std::setw(12) << "held" << std::setw(21) << "regime"
      << std::setw(12) << "due" << std::setw(9) << "on time" << std::setw(10) << "days late"
      << "record by\n";
  for (const ReviewResult& r : s.reviews) {
    out << "  " << std::setw(4) << r.number << std::setw(12) << r.date.iso() << std::setw(21) << regime_name(r.regime)
        << std::setw(12) << r.due.date.iso() << std::setw(9) << yes_no(r.on_time) << std::setw(10) << r.days_late
        << r.record_due << "\n";
    out << "      " << explain(r, doc.policy, cal) << "\n";
  }
  if (s.reviews.empty()) out << "  (none)\n";
  out << "\nMissed due dates\n";
  for (const MissedReview& m : s.missed) {
    out << "  " << m.due.date << " (" << regime_name(m.regime) << "): " << explain(m.due, doc.policy, cal) << "\n";
  }
  if (s.missed.empty()) out << "  (none)\n";
  out << "\nNext review\n";
  if (!s.next) {
    out << "  none. " << explain_next(s, doc.policy, cal, *as_of) << "\n";
  } else {
    const NextReview& n = *s.next;
    out << "  review " << n.number << " (" << regime_name(n.regime) << ") due " << n.due.date;
    if (n.overdue)
      out << " - OVERDUE by " << (*as_of - n.due.date) << " days";
    else
      out << " - in " << (n.due.date - *as_of) << " days";
    out << "\n  " << explain(n.due, doc.policy, cal) << "\n";
    out << "  midway review " << n.midway << "; book by " << n.book_by << "; report due " << n.report_due << "\n";
  }
  const auto deadlines = placement_deadlines(child, doc.policy, cal, *as_of);
  if (!deadlines.empty()) {
    out << "\nPlacement deadlines\n";
    for (const Deadline& d : deadlines) {
      out << "  " << d.due << "  " << std::setw(25) << d.what << d.cite << ": " << d.rule << " (from " << d.anchor
          << ")\n";
    }
  }
  const auto issues = check_participation(child);
  if (!issues.empty()) {
    out << "\nParticipation codes to check\n";
    for (const ParticipationIssue& p : issues)
      out << "  " << p.review << " " << participation_code(p.code) << ": " << p.message << "\n";
  }
  return exit_ok;
}

int run_worklist(const Args& args, std::ostream& out) {
  const Options o = options(args);
  if (o.rest.size() != 1 || !o.as_of) {
    throw Error(Status::invalid_argument,
                "usage: iro worklist CHILDREN.json --as-of DATE [--within DAYS] [--policy P]");
  }
  const std::string& file = o.rest[0];
  // Each child is read and evaluated on its own: a bad one is listed under "Refused", never stops the others.
  const Policy policy = load_policy(o.policy.empty() ? "england" : o.policy);
  const DatedChildren read = children_from_file_lenient(file);
  const Calendar cal = policy.calendar(Calendar::england_and_wales());
  const Worklist list = worklist(read.children, policy, cal, *o.as_of, o.within);
  std::vector<RefusedChild> refused = read.refused;
  for (const RefusedChild& r : list.refused) {
    const std::size_t at = read.index[r.index];
    refused.push_back({at, r.id, r.status, file + ": children[" + std::to_string(at) + "]: " + r.message});
  }
  std::stable_sort(refused.begin(), refused.end(),
                   [](const RefusedChild& a, const RefusedChild& b) { return a.index < b.index; });
  const std::size_t total = read.children.size() + read.refused.size();
  out << "Reviews overdue or due within " << o.within << " days of " << *o.as_of << " (" << list.items.size() << " of "
      << total << " children; policy " << policy.id << ")\n\n";
  out << "  " << std::left << std::setw(12) << "due" << std::setw(16) << "status" << std::setw(16) << "child"
      << std::setw(8) << "review" << std::setw(21) << "regime"
      << "book by\n";
  for (const WorkItem& w : list.items) {
    std::string status = w.days_until < 0    ? "overdue " + std::to_string(-w.days_until) + "d"
                         : w.days_until == 0 ? "due today"
                                             : "in " + std::to_string(w.days_until) + "d";
    out << "  " << std::setw(12) << w.next.due.date.iso() << std::setw(16) << status << std::setw(16)
        << read.children[w.child].id << std::setw(8) << w.next.number << std::setw(21) << regime_name(w.next.regime)
        << w.next.book_by << "\n";
  }
  if (refused.empty()) return exit_ok;
  out << "\nRefused: " << refused.size() << " of " << total << " children could not be read or evaluated\n";
  for (const RefusedChild& r : refused) out << "  " << r.message << " [" << status_name(r.status) << "]\n";
  return exit_failed;
}

}  // namespace iro::tool
