#include "iro/rules/policy_diff.hpp"

#include <cstdio>
#include <sstream>

#include "iro/core/error.hpp"
#include "iro/rules/schedule.hpp"

namespace iro {
namespace {

struct Outcome {
  bool ok = false;
  std::string error;
  Schedule schedule;
};

Outcome run(const Child& child, const Policy& policy, const Calendar& cal, Date as_of) {
  Outcome o;
  try {
    evaluate(child, policy, cal, as_of, o.schedule);
    o.ok = true;
  } catch (const Error& e) {
    o.error = e.what();
  }
  return o;
}

void count(const Outcome& o, DiffFigures& f) {
  ++f.children;
  if (!o.ok) {
    ++f.failed;
    return;
  }
  f.reviews += o.schedule.reviews.size();
  for (const ReviewResult& r : o.schedule.reviews) f.in_time += r.on_time;
  f.missed += o.schedule.missed.size();
  f.overdue += o.schedule.next && o.schedule.next->overdue;
}

std::string timeliness(const ReviewResult& r) {
  return r.on_time ? "on time" : "late by " + std::to_string(r.days_late) + " days";
}

std::string missed_list(const std::vector<MissedReview>& missed) {
  std::string s = "[";
  for (const MissedReview& m : missed) s += (s.size() > 1 ? ", " : "") + m.due.date.iso();
  return s + "]";
}

std::string next_text(const std::optional<NextReview>& n) {
  if (!n) return "none (not looked after)";
  return n->due.date.iso() + (n->overdue ? " (overdue)" : "");
}

std::vector<std::string> compare(const Outcome& a, const Outcome& b) {
  std::vector<std::string> out;
  if (!a.ok || !b.ok) {
    if (a.ok != b.ok || a.error != b.error) {
      out.push_back("evaluation: " + (a.ok ? std::string("ok") : "refused (" + a.error + ")") + " -> " +
                    (b.ok ? std::string("ok") : "refused (" + b.error + ")"));
    }
    return out;
  }
  const auto& ra = a.schedule.reviews;
  const auto& rb = b.schedule.reviews;
  for (std::size_t i = 0; i < std::min(ra.size(), rb.size()); ++i) {
    const std::string head = "review " + std::to_string(ra[i].number) + " held " + ra[i].date.iso() + ": ";
    if (ra[i].due.date != rb[i].due.date) {
      out.push_back(head + "due " + ra[i].due.date.iso() + " -> " + rb[i].due.date.iso());
    }
    if (ra[i].on_time != rb[i].on_time || ra[i].days_late != rb[i].days_late) {
      out.push_back(head + timeliness(ra[i]) + " -> " + timeliness(rb[i]));
    }
    if (ra[i].record_due != rb[i].record_due) {
      out.push_back(head + "record due " + ra[i].record_due.iso() + " -> " + rb[i].record_due.iso());
    }
  }
  if (ra.size() != rb.size()) {
    out.push_back("reviews judged: " + std::to_string(ra.size()) + " -> " + std::to_string(rb.size()));
  }
  const std::string ma = missed_list(a.schedule.missed), mb = missed_list(b.schedule.missed);
  if (ma != mb) out.push_back("missed: " + ma + " -> " + mb);
  const std::string na = next_text(a.schedule.next), nb = next_text(b.schedule.next);
  if (na != nb) out.push_back("next review due: " + na + " -> " + nb);
  return out;
}

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", p);
  return buf;
}

}  // namespace

PolicyDiff diff_policies(const std::vector<Child>& children, const std::vector<Date>& as_of, const Policy& a,
                         const Policy& b, const Calendar& base) {
  if (children.size() != as_of.size()) {
    throw Error(Status::invalid_argument,
                std::to_string(children.size()) + " children but " + std::to_string(as_of.size()) + " as-of dates");
  }
  const Calendar cal_a = a.calendar(base), cal_b = b.calendar(base);
  PolicyDiff diff;
  for (std::size_t i = 0; i < children.size(); ++i) {
    const Outcome oa = run(children[i], a, cal_a, as_of[i]);
    const Outcome ob = run(children[i], b, cal_b, as_of[i]);
    count(oa, diff.a);
    count(ob, diff.b);
    std::vector<std::string> changes = compare(oa, ob);
    if (!changes.empty()) diff.changed.push_back({i, children[i].id, std::move(changes)});
  }
  return diff;
}

std::string diff_report(const PolicyDiff& diff, const std::string& a_name, const std::string& b_name) {
  std::ostringstream s;
  const auto row = [&](const char* what, const std::string& x, const std::string& y) {
    s << "  " << what;
    for (std::size_t pad = std::string(what).size(); pad < 28; ++pad) s << ' ';
    s << x;
    for (std::size_t pad = x.size(); pad < 16; ++pad) s << ' ';
    s << y << (x == y ? "" : "   changed") << "\n";
  };
  s << "Policy diff: " << a_name << " -> " << b_name << "\n\n";
  row("", a_name.substr(0, 15), b_name.substr(0, 15));
  row("children", std::to_string(diff.a.children), std::to_string(diff.b.children));
  row("refused", std::to_string(diff.a.failed), std::to_string(diff.b.failed));
  row("reviews judged", std::to_string(diff.a.reviews), std::to_string(diff.b.reviews));
  row("reviews in time", std::to_string(diff.a.in_time), std::to_string(diff.b.in_time));
  row("reviews in time (%)", percent(diff.a.in_time_percent()), percent(diff.b.in_time_percent()));
  row("missed due dates", std::to_string(diff.a.missed), std::to_string(diff.b.missed));
  row("children overdue", std::to_string(diff.a.overdue), std::to_string(diff.b.overdue));
  s << "\n" << diff.changed.size() << " of " << diff.a.children << " children change";
  s << (diff.changed.empty() ? ".\n" : ":\n");
  for (const ChildChange& c : diff.changed) {
    s << "  child " << quote(c.id) << " (#" << c.index << ")\n";
    for (const std::string& line : c.changes) s << "    " << line << "\n";
  }
  return s.str();
}

}  // namespace iro
