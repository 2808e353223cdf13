#include "data/csv.hpp"
#include "iro/data/export.hpp"

#include <nlohmann/json.hpp>

#include "iro/core/error.hpp"
#include "iro/rules/schedule.hpp"

namespace iro {
namespace {

std::string field(const std::string& v) { return csv_field(v); }

// The rule's citation, from the policy's rule table (the version in force on the anchor).
const std::string& cite(const Due& due, const Policy& policy) { return policy.step(due.rule, due.anchor).cite; }

std::string dmy(Date d) {
  const std::string iso = d.iso();
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace

std::string schedule_csv(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar, Date as_of,
                         std::size_t* refused) {
  if (refused != nullptr) *refused = 0;
  std::string out = "child_id,kind,number,regime,date,due,rule,on_time,days_late,record_due,overdue,message\n";
  Schedule s;
  for (const Child& c : children) {
    const std::string id = field(c.id);
    try {
      evaluate(c, policy, calendar, as_of, s);
    } catch (const Error& e) {
      out += id + ",error,,,,,,,,,," + field(e.what()) + "\n";
      if (refused != nullptr) ++*refused;
      continue;
    }
    for (const ReviewResult& r : s.reviews) {
      out += id + ",review," + std::to_string(r.number) + "," + regime_name(r.regime) + "," + r.date.iso() + "," +
             r.due.date.iso() + "," + field(cite(r.due, policy)) + "," + (r.on_time ? "yes" : "no") + "," +
             std::to_string(r.days_late) + "," + r.record_due.iso() + ",,\n";
    }
    for (const MissedReview& m : s.missed) {
      out += id + ",missed,," + regime_name(m.regime) + ",," + m.due.date.iso() + "," + field(cite(m.due, policy)) +
             ",,,,,\n";
    }
    if (s.next) {
      out += id + ",next," + std::to_string(s.next->number) + "," + regime_name(s.next->regime) + ",," +
             s.next->due.date.iso() + "," + field(cite(s.next->due, policy)) + ",,,," +
             (s.next->overdue ? "yes" : "no") + ",\n";
    }
  }
  return out;
}

std::string schedule_json(const std::vector<Child>& children, const Policy& policy, const Calendar& calendar,
                          Date as_of, std::size_t* refused) {
  if (refused != nullptr) *refused = 0;
  nlohmann::json all = nlohmann::json::array();
  Schedule s;
  for (const Child& c : children) {
    nlohmann::json j;
    j["child"] = c.id;
    try {
      evaluate(c, policy, calendar, as_of, s);
    } catch (const Error& e) {
      j["error"] = e.what();
      if (refused != nullptr) ++*refused;
      all.push_back(std::move(j));
      continue;
    }
    j["reviews"] = nlohmann::json::array();
    for (const ReviewResult& r : s.reviews) {
      j["reviews"].push_back({{"date", r.date.iso()},
                              {"number", r.number},
                              {"regime", regime_name(r.regime)},
                              {"due", r.due.date.iso()},
                              {"rule", cite(r.due, policy)},
                              {"on_time", r.on_time},
                              {"days_late", r.days_late},
                              {"record_due", r.record_due.iso()}});
    }
    j["missed"] = nlohmann::json::array();
    for (const MissedReview& m : s.missed) {
      j["missed"].push_back(
          {{"due", m.due.date.iso()}, {"regime", regime_name(m.regime)}, {"rule", cite(m.due, policy)}});
    }
    if (s.next) {
      j["next"] = {{"number", s.next->number},         {"regime", regime_name(s.next->regime)},
                   {"due", s.next->due.date.iso()},    {"rule", cite(s.next->due, policy)},
                   {"overdue", s.next->overdue},       {"midway", s.next->midway.iso()},
                   {"book_by", s.next->book_by.iso()}, {"report_due", s.next->report_due.iso()}};
    } else {
      j["next"] = nullptr;
    }
    all.push_back(std::move(j));
  }
  return all.dump(1) + "\n";
}

std::string reviews_903_csv(const std::vector<Child>& children) {
  std::string out = "CHILD,DOB,REVIEW,REVIEW_CODE\n";
  for (const Child& c : children) {
    for (const Review& r : c.reviews) {
      if (r.cancelled) continue;
      out += field(c.id) + "," + (c.dob ? dmy(*c.dob) : std::string()) + "," + dmy(r.date) + "," +
             participation_code(r.participation) + "\n";
    }
  }
  return out;
}

}  // namespace iro
