// Case documents (the conformance JSON shape): a child that loads and validates gets a schedule whose
// reviews are in date order, each on time exactly when held on or before its due date, and whose
// missed due dates all passed before the as-of date; one review per date; nothing held or due from the
// 18th birthday on; every due date explains itself.
#include "fuzz_check.hpp"
#include "iro/data/child_json.hpp"
#include "iro/core/error.hpp"
#include "iro/rules/schedule.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace iro;
  ChildDocument doc;
  try {
    doc = child_document_from_json(fuzz::text(data, size), "fuzz.json");
  } catch (const Error&) {
    return 0;
  }
  const Calendar cal = doc.policy.calendar(Calendar::england_and_wales());
  const Date as_of = doc.as_of.value_or(Date::from_ymd(2025, 3, 31));
  Schedule s;
  try {
    evaluate(doc.child, doc.policy, cal, as_of, s);
  } catch (const Error& e) {
    fuzz::check(e.status() == Status::invalid_argument || e.status() == Status::out_of_range,
                "refusals are argument or range errors");
    return 0;
  }
  for (std::size_t i = 0; i < s.reviews.size(); ++i) {
    const ReviewResult& r = s.reviews[i];
    fuzz::check(r.on_time == (r.date <= r.due.date), "on time means held by the due date");
    fuzz::check(r.number >= 1, "review numbers start at 1");
    fuzz::check(i == 0 || s.reviews[i - 1].date < r.date, "reviews in date order, one per date");
    fuzz::check(r.date <= as_of, "no review after the as-of date");
    fuzz::check(!explain(r, doc.policy, cal).empty(), "every review's due date explains itself");
  }
  for (const MissedReview& m : s.missed) {
    fuzz::check(m.due.date < as_of, "a missed due date passed before the as-of date");
    fuzz::check(!explain(m.due, doc.policy, cal).empty(), "every missed date explains itself");
  }
  fuzz::check(s.next.has_value() == (s.why == NothingOwed::owed), "a next review exactly when one is owed");
  fuzz::check(!explain_next(s, doc.policy, cal, as_of).empty(), "the next review, or why none, explains itself");
  if (doc.child.dob && eighteenth_birthday(*doc.child.dob)) {
    const Date eighteen = *eighteenth_birthday(*doc.child.dob);
    for (const ReviewResult& r : s.reviews) fuzz::check(r.date <= eighteen, "no review after the 18th birthday");
    for (const MissedReview& m : s.missed)
      fuzz::check(m.due.date < eighteen, "nothing falls due from the 18th birthday");
    if (s.next) fuzz::check(s.next->due.date < eighteen, "nothing falls due from the 18th birthday");
  }
  return 0;
}
