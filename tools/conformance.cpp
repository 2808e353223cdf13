#include "tools/conformance.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "iro/rules/caseload.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"
#include "iro/model/policy.hpp"
#include "iro/rules/schedule.hpp"
#include "model/case_policy.hpp"
#include "data/json_child.hpp"
#include "core/file_util.hpp"
#include "core/json_util.hpp"

namespace iro {
namespace {

using nlohmann::json;

// A case the runner cannot read: it is reported as invalid with this message.
struct BadCase : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void only_keys(const json& object, std::initializer_list<const char*> allowed, const std::string& where) {
  if (const auto key = first_unknown_key(object, allowed)) throw BadCase(where + ": " + unknown_key_problem(*key));
}

const json& member(const json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end()) throw BadCase(where + ": missing \"" + key + "\"");
  return *it;
}

std::string text(const json& object, const char* key, const std::string& where) {
  const json& v = member(object, key, where);
  if (!v.is_string()) throw BadCase(where + ": \"" + key + "\" is not a string");
  return v.get<std::string>();
}

std::int32_t integer(const json& object, const char* key, const std::string& where) {
  const json& v = member(object, key, where);
  if (!v.is_number_integer() || v.get<std::int64_t>() < INT32_MIN || v.get<std::int64_t>() > INT32_MAX) {
    throw BadCase(where + ": \"" + key + "\" is not a 32-bit integer");
  }
  return static_cast<std::int32_t>(v.get<std::int64_t>());
}

std::string date_or_null(const json& v, const std::string& where) {
  if (v.is_null()) return "null";
  return json_date(v, where).iso();
}

std::string error_text(const Error& e) {
  return std::string("error ") + status_name(e.status()) + " (" + e.what() + ")";
}

void compare(CaseOutcome& out, const std::string& field, const std::string& expected, const std::string& got) {
  if (expected != got) out.differences.push_back(field + ": expected " + expected + ", got " + got);
}

// A case's policy: the England default, inline overrides, or a policy file (relative to the case).
Policy case_policy(const json& doc, const std::string& source, const Policy* base) {
  const auto it = doc.find("policy");
  if (it == doc.end()) return base ? *base : Policy::england();
  return case_policy_value(*it, source);
}

void run_working_days(const json& doc, const Calendar& base, const std::string& source, CaseOutcome& out,
                      const Policy* policy_base) {
  only_keys(doc, {"format", "kind", "name", "cite", "policy", "from", "add", "expect", "between", "expect_count"},
            "case");
  const Policy policy = case_policy(doc, source, policy_base);
  const Calendar cal = policy.calendar(base);
  const bool sum = doc.contains("from") || doc.contains("add") || doc.contains("expect");
  const bool between = doc.contains("between") || doc.contains("expect_count");
  if (!sum && !between) throw BadCase("a working_days case needs \"from\"/\"add\"/\"expect\" or \"between\"");
  if (sum) {
    const Date from = json_date(member(doc, "from", "case"), "from");
    const std::int32_t n = integer(doc, "add", "case");
    const Date expect = json_date(member(doc, "expect", "case"), "expect");
    std::string got;
    try {
      got = cal.add_working_days(from, n, policy.anchor).iso();
    } catch (const Error& e) {
      got = error_text(e);
    }
    compare(out, "expect", expect.iso(), got);
  }
  if (between) {
    const json& pair = member(doc, "between", "case");
    if (!pair.is_array() || pair.size() != 2) throw BadCase("\"between\" is not a pair of dates");
    const Date a = json_date(pair[0], "between[0]"), b = json_date(pair[1], "between[1]");
    const std::int32_t expect = integer(doc, "expect_count", "case");
    std::string got;
    try {
      got = std::to_string(cal.working_days_between(a, b));
    } catch (const Error& e) {
      got = error_text(e);
    }
    compare(out, "expect_count", std::to_string(expect), got);
  }
}

void run_schedule(const json& doc, const Calendar& base, const std::string& source, CaseOutcome& out,
                  const Policy* policy_base) {
  const Policy policy = case_policy(doc, source, policy_base);
  const Date as_of = json_date(member(doc, "as_of", "case"), "as_of");
  const json& expect = member(doc, "expect", "case");
  if (!expect.is_object()) throw BadCase("\"expect\" is not an object");
  only_keys(expect, {"reviews", "missed", "next_due", "error"}, "expect");
  Schedule s;
  try {
    // A history that cannot have happened may be refused by the reader (a period with no regime) or by
    // the engine (validate()): either way it is the library's refusal.
    const Child child =
        child_from_json_value(doc, source, {"format", "kind", "name", "cite", "policy", "as_of", "expect"});
    evaluate(child, policy, policy.calendar(base), as_of, s);
  } catch (const Error& e) {
    if (const auto err = expect.find("error"); err != expect.end()) {
      compare(out, "error", err->dump(), std::string("\"") + status_name(e.status()) + "\"");
      return;
    }
    out.differences.push_back("the library refused the case: " + error_text(e));
    return;
  }
  if (expect.contains("error")) {
    out.differences.push_back("error: expected " + expect["error"].dump() + ", got a schedule");
    return;
  }
  const json& reviews = member(expect, "reviews", "expect");
  if (!reviews.is_array()) throw BadCase("expect.reviews is not an array");
  compare(out, "reviews.length", std::to_string(reviews.size()), std::to_string(s.reviews.size()));
  for (std::size_t i = 0; i < std::min<std::size_t>(reviews.size(), s.reviews.size()); ++i) {
    const json& e = reviews[i];
    const std::string w = "reviews[" + std::to_string(i) + "]";
    only_keys(e, {"date", "number", "regime", "due", "on_time", "days_late", "rule"}, "expect." + w);
    const ReviewResult& r = s.reviews[i];
    compare(out, w + ".date", json_date(member(e, "date", w), w + ".date").iso(), r.date.iso());
    compare(out, w + ".number", std::to_string(integer(e, "number", w)), std::to_string(r.number));
    compare(out, w + ".regime", text(e, "regime", w), regime_name(r.regime));
    compare(out, w + ".due", json_date(member(e, "due", w), w + ".due").iso(), r.due.date.iso());
    const json& on_time = member(e, "on_time", w);
    if (!on_time.is_boolean()) throw BadCase("expect." + w + ".on_time is not true or false");
    compare(out, w + ".on_time", on_time.dump(), r.on_time ? "true" : "false");
    compare(out, w + ".days_late", std::to_string(integer(e, "days_late", w)), std::to_string(r.days_late));
    if (e.contains("rule")) compare(out, w + ".rule", text(e, "rule", w), policy.step(r.due.rule, r.due.anchor).cite);
  }
  const json& missed = member(expect, "missed", "expect");
  if (!missed.is_array()) throw BadCase("expect.missed is not an array");
  compare(out, "missed.length", std::to_string(missed.size()), std::to_string(s.missed.size()));
  for (std::size_t i = 0; i < std::min<std::size_t>(missed.size(), s.missed.size()); ++i) {
    const std::string w = "missed[" + std::to_string(i) + "]";
    only_keys(missed[i], {"due", "regime", "rule"}, "expect." + w);
    const Due& due = s.missed[i].due;
    compare(out, w + ".due", json_date(member(missed[i], "due", w), w + ".due").iso(), due.date.iso());
    compare(out, w + ".regime", text(missed[i], "regime", w), regime_name(s.missed[i].regime));
    if (missed[i].contains("rule")) {
      compare(out, w + ".rule", text(missed[i], "rule", w), policy.step(due.rule, due.anchor).cite);
    }
  }
  compare(out, "next_due", date_or_null(member(expect, "next_due", "expect"), "expect.next_due"),
          s.next ? s.next->due.date.iso() : "null");
}

std::string two_places(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

double number(const json& object, const char* key, const std::string& where) {
  const json& v = member(object, key, where);
  if (!v.is_number()) throw BadCase(where + ": \"" + key + "\" is not a number");
  return v.get<double>();
}

void run_caseload(const json& doc, const std::string& source, CaseOutcome& out, const Policy* policy_base) {
  only_keys(doc, {"format", "kind", "name", "cite", "policy", "iros", "expect"}, "case");
  const Policy policy = case_policy(doc, source, policy_base);
  const json& iros = member(doc, "iros", "case");
  if (!iros.is_array()) throw BadCase("\"iros\" is not an array");
  const json& expect = member(doc, "expect", "case");
  if (!expect.is_object()) throw BadCase("\"expect\" is not an object");
  only_keys(expect, {"iros", "team", "error"}, "expect");
  // The case gives each IRO's count of children: allocate that many children to it on one day.
  const Date day = Date::parse("2024-01-01");
  Roster roster;
  std::string error;
  try {
    for (std::size_t i = 0; i < iros.size(); ++i) {
      const std::string w = "iros[" + std::to_string(i) + "]";
      only_keys(iros[i], {"id", "fte", "children"}, w);
      Officer r;
      r.id = text(iros[i], "id", w);
      r.fte = number(iros[i], "fte", w);
      const std::int32_t children = integer(iros[i], "children", w);
      if (children < 0) throw BadCase(w + ".children is negative");
      if (!valid_fte(r.fte)) error = "invalid_fte";
      roster.add_officer(r);
      for (std::int32_t c = 0; c < children; ++c)
        roster.add_allocation(r.id + "/" + std::to_string(c), r.id, day, std::nullopt);
    }
  } catch (const Error& e) {
    if (error.empty()) error = std::string("error ") + status_name(e.status());
  }
  if (const auto e = expect.find("error"); e != expect.end()) {
    compare(out, "error", text(expect, "error", "expect"), error.empty() ? "no error" : error);
    return;
  }
  if (!error.empty()) {
    out.differences.push_back("the library refused the case: " + error);
    return;
  }
  const CaseloadCheck check = check_caseloads(roster, policy, day);
  const json& want = member(expect, "iros", "expect");
  if (!want.is_array()) throw BadCase("expect.officers is not an array");
  compare(out, "iros.length", std::to_string(want.size()), std::to_string(check.officers.size()));
  for (std::size_t i = 0; i < std::min(want.size(), check.officers.size()); ++i) {
    const std::string w = "iros[" + std::to_string(i) + "]";
    only_keys(want[i], {"id", "per_fte", "band"}, "expect." + w);
    const OfficerLoad& l = check.officers[i];
    compare(out, w + ".id", text(want[i], "id", w), roster.officers()[l.officer].id);
    compare(out, w + ".per_fte", two_places(number(want[i], "per_fte", w)), two_places(l.per_fte));
    compare(out, w + ".band", text(want[i], "band", w), band_name(l.band));
  }
  if (const auto team = expect.find("team"); team != expect.end()) {
    only_keys(*team, {"children", "fte", "per_fte", "band"}, "expect.team");
    compare(out, "team.children", std::to_string(integer(*team, "children", "team")),
            std::to_string(check.team.children));
    compare(out, "team.fte", two_places(number(*team, "fte", "team")), two_places(check.team.fte));
    compare(out, "team.per_fte", two_places(number(*team, "per_fte", "team")), two_places(check.team.per_fte));
    compare(out, "team.band", text(*team, "band", "team"), band_name(check.team.band));
  }
}

std::string date_text(const std::optional<Date>& d) { return d ? d->iso() : "null"; }

void run_dispute(const json& doc, const Calendar& base, const std::string& source, CaseOutcome& out,
                 const Policy* policy_base) {
  only_keys(doc, {"format", "kind", "name", "cite", "policy", "as_of", "events", "expect"}, "case");
  const Policy policy = case_policy(doc, source, policy_base);
  const Date as_of = json_date(member(doc, "as_of", "case"), "as_of");
  const json& events = member(doc, "events", "case");
  if (!events.is_array()) throw BadCase("\"events\" is not an array");
  std::vector<DisputeEvent> list;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string w = "events[" + std::to_string(i) + "]";
    only_keys(events[i], {"date", "action", "to", "at"}, w);
    DisputeEvent e;
    e.date = json_date(member(events[i], "date", w), w + ".date");
    const auto action = action_from_name(text(events[i], "action", w));
    if (!action) throw BadCase(w + ".action is not raise, escalate, resolve, withdraw or refer_cafcass");
    e.action = *action;
    if (events[i].contains("to")) e.stage = text(events[i], "to", w);
    if (events[i].contains("at")) e.stage = text(events[i], "at", w);
    list.push_back(std::move(e));
  }
  const json& expect = member(doc, "expect", "case");
  if (!expect.is_object()) throw BadCase("\"expect\" is not an object");
  only_keys(expect, {"status", "stage", "response_due", "formal_deadline", "overdue", "cafcass_referred", "rejected"},
            "expect");
  const DisputeState s = replay_dispute(list, policy.ladder, policy.calendar(base), as_of);
  compare(out, "status", text(expect, "status", "expect"), status_name(s.status));
  compare(out, "stage", text(expect, "stage", "expect"), s.stage ? policy.ladder.stages[*s.stage].name : "none");
  compare(out, "response_due", date_or_null(member(expect, "response_due", "expect"), "expect.response_due"),
          date_text(s.response_due));
  compare(out, "formal_deadline", date_or_null(member(expect, "formal_deadline", "expect"), "expect.formal_deadline"),
          date_text(s.formal_deadline));
  const json& overdue = member(expect, "overdue", "expect");
  if (!overdue.is_boolean()) throw BadCase("expect.overdue is not true or false");
  compare(out, "overdue", overdue.dump(), s.overdue ? "true" : "false");
  compare(out, "cafcass_referred",
          date_or_null(member(expect, "cafcass_referred", "expect"), "expect.cafcass_referred"),
          date_text(s.cafcass_referred));
  const json& rejected = member(expect, "rejected", "expect");
  if (!rejected.is_array()) throw BadCase("expect.rejected is not an array");
  json got = json::array();
  for (std::size_t r : s.rejected) got.push_back(r);
  compare(out, "rejected", rejected.dump(), got.dump());
}

}  // namespace

std::vector<std::string> supported_case_kinds() { return {"working_days", "schedule", "caseload", "dispute"}; }

CaseOutcome run_case_json(std::string_view json_text, std::string_view source, const Calendar& calendar,
                          const Policy* policy) {
  CaseOutcome out;
  out.source = std::string(source);
  try {
    const json doc = parse_json_text(json_text, source);
    if (!doc.is_object()) throw BadCase("a case is a JSON object");
    if (text(doc, "format", "case") != "iro-case/1") throw BadCase("\"format\" is not \"iro-case/1\"");
    out.kind = text(doc, "kind", "case");
    out.name = text(doc, "name", "case");
    out.cite = text(doc, "cite", "case");
    if (out.kind == "working_days") {
      run_working_days(doc, calendar, out.source, out, policy);
    } else if (out.kind == "schedule") {
      run_schedule(doc, calendar, out.source, out, policy);
    } else if (out.kind == "caseload") {
      run_caseload(doc, out.source, out, policy);
    } else if (out.kind == "dispute") {
      run_dispute(doc, calendar, out.source, out, policy);
    } else {
      throw BadCase("unknown kind \"" + out.kind + "\"");
    }
    out.verdict = out.differences.empty() ? CaseVerdict::passed : CaseVerdict::failed;
  } catch (const BadCase& e) {
    out.verdict = CaseVerdict::invalid;
    out.error = e.what();
  } catch (const Error& e) {
    out.verdict = CaseVerdict::invalid;
    out.error = e.what();
  }
  return out;
}

std::vector<CaseOutcome> run_case_directory(const std::string& directory, const Calendar& calendar,
                                            const Policy* policy) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file()) files.push_back(it->path());
  }
  if (ec) throw Error(Status::io, "cannot read the directory " + quote(directory, 256) + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<CaseOutcome> outcomes;
  outcomes.reserve(files.size());
  for (const auto& file : files) outcomes.push_back(run_case_file(file.string(), calendar, policy));
  return outcomes;
}

CaseOutcome run_case_file(const std::string& path, const Calendar& calendar, const Policy* policy) {
  try {
    return run_case_json(read_text_file(path, 16u << 20), path, calendar, policy);
  } catch (const Error& e) {
    CaseOutcome out;
    out.source = path;
    out.verdict = CaseVerdict::invalid;
    out.error = e.what();
    return out;
  }
}

CaseTally tally(const std::vector<CaseOutcome>& outcomes) {
  CaseTally t;
  for (const CaseOutcome& o : outcomes) {
    if (o.verdict == CaseVerdict::passed)
      ++t.passed;
    else if (o.verdict == CaseVerdict::skipped)
      ++t.skipped;
    else
      ++t.failed;
  }
  return t;
}

}  // namespace iro
