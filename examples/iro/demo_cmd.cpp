// `iro demo`: what iro does, on built-in data. Later capabilities add to it.
#include <iomanip>
#include <ostream>

#include "commands.hpp"
#include "iro/core/calendar.hpp"
#include "iro/data/child_json.hpp"
#include "iro/core/date.hpp"
#include "iro/rules/schedule.hpp"

namespace iro::tool {
namespace {

void months_versus_days(std::ostream& out) {
  out << "1. Review intervals: \"N months after D\" is the corresponding day N months later, or the last\n"
         "   day of a shorter month (Dodds v Walker). Adding 91 or 183 days gets some of these wrong:\n\n";
  out << "   " << std::left << std::setw(14) << "last review" << std::setw(14) << "+3 months" << std::setw(15)
      << "+91 days" << std::setw(14) << "+6 months"
      << "+183 days\n";
  const char* const samples[] = {"2023-01-31", "2023-03-15", "2023-06-01", "2023-08-31", "2024-02-29", "2024-08-31"};
  for (const char* text : samples) {
    const Date d = Date::parse(text);
    const Date m3 = d.add_months(3), d91 = d.add_days(91), m6 = d.add_months(6), d183 = d.add_days(183);
    out << "   " << std::setw(14) << d.iso() << std::setw(14) << m3.iso() << std::setw(15)
        << (d91.iso() + (d91 == m3 ? "" : " *")) << std::setw(14) << m6.iso() << d183.iso() << (d183 == m6 ? "" : " *")
        << "\n";
  }
  out << "   (* differs from the statutory date)\n\n";
}

void first_reviews(std::ostream& out) {
  const Calendar cal = Calendar::england_and_wales();
  out << "2. First reviews: within 20 working days of the day the child became looked after (CPPCR 2010\n"
         "   reg 33). That day is day 0; weekends, bank holidays and one-off days are stepped over.\n\n";
  out << "   " << std::left << std::setw(14) << "looked after" << std::setw(14) << "review due"
      << "why\n";
  const char* const starts[] = {"2022-09-05", "2022-12-12", "2023-04-08", "2023-05-02", "2024-03-25"};
  for (const char* text : starts) {
    const Explanation e = cal.explain_add(Date::parse(text), 20);
    std::string why;
    for (const SkippedDay& s : e.skipped) {
      if (s.reason != "Saturday" && s.reason != "Sunday") why += (why.empty() ? "" : "; ") + s.reason;
    }
    out << "   " << std::setw(14) << e.from.iso() << std::setw(14) << e.result.iso()
        << (why.empty() ? "weekends only" : why) << "\n";
  }
  const std::vector<Date> closure = {Date::parse("2022-12-28"), Date::parse("2022-12-29"), Date::parse("2022-12-30")};
  const Calendar council = cal.with_closures(closure, "Council closure");
  out << "\n   A council closed 28-30 December 2022: a child looked after from 2022-12-12 has the first\n"
      << "   review due by " << council.add_working_days(Date::parse("2022-12-12"), 20) << " instead of "
      << cal.add_working_days(Date::parse("2022-12-12"), 20) << ".\n\n";
}

// The example of tests/conformance/FORMAT.md: a child looked after from 2024-03-25, placed for adoption
// on 2024-09-02.
const char* const example_child = R"({
  "child": {"id": "C1", "dob": "2015-06-01"},
  "periods": [{"start": "2024-03-25", "end": null, "regime": "standard",
               "switches": [{"date": "2024-09-02", "regime": "adoption_placed"}]}],
  "reviews": [{"date": "2024-04-19", "code": "PN1"}, {"date": "2024-06-01", "cancelled": true}]
})";

void timetable(std::ostream& out) {
  const Calendar cal = Calendar::england_and_wales();
  const Policy policy = Policy::england();
  const Child child = child_from_json(example_child, "example");
  const Date as_of = Date::parse("2024-12-31");
  const Schedule s = evaluate(child, policy, cal, as_of);
  out << "3. A child's timetable as of " << as_of
      << ": looked after from 2024-03-25, first review held\n"
         "   2024-04-19, a review on 2024-06-01 cancelled, placed for adoption on 2024-09-02.\n\n";
  for (const ReviewResult& r : s.reviews) {
    out << "   review " << r.number << " (" << regime_name(r.regime) << ") held " << r.date << ", due " << r.due.date
        << (r.on_time ? ": on time" : ": late") << "\n";
  }
  for (const MissedReview& m : s.missed) {
    out << "   missed: due " << m.due.date << " (" << regime_name(m.regime) << ", "
        << policy.step(m.due.rule, m.due.anchor).cite << ")\n";
  }
  if (s.next) {
    out << "   next: review " << s.next->number << " (" << regime_name(s.next->regime) << ") due " << s.next->due.date
        << (s.next->overdue ? ", overdue" : "") << "\n   why: " << explain(s.next->due, policy, cal) << "\n\n";
  }
}

}  // namespace

int run_demo(const Args& /*args*/, std::ostream& out) {
  out << "iro demo: statutory review dates, read the way the law reads them\n\n";
  months_versus_days(out);
  first_reviews(out);
  timetable(out);
  out << "Try: iro schedule tests/conformance/cases/sch-adoption-placed.json | iro wd explain 2023-04-28 20 |\n"
         "     iro worklist tests/data/children.json --as-of 2024-12-20 | iro check-cases tests/conformance/cases\n";
  return exit_ok;
}

}  // namespace iro::tool
