#include "iro/conformance.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "iro/error.hpp"

namespace iro {
namespace {

using nlohmann::json;

// A malformed case: the runner reports it as invalid with this message.
struct BadCase : std::runtime_error {
  using std::runtime_error::runtime_error;
};

void only_keys(const json& object, const std::set<std::string>& allowed, const std::string& where) {
  for (const auto& item : object.items()) {
    if (allowed.count(item.key()) == 0) throw BadCase(where + ": unknown key \"" + item.key() + "\"");
  }
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

Date date_value(const json& v, const std::string& where) {
  if (!v.is_string()) throw BadCase(where + " is not a date string");
  try {
    return Date::parse(v.get<std::string>());
  } catch (const Error& e) {
    throw BadCase(where + ": " + e.what());
  }
}

std::int32_t integer(const json& object, const char* key, const std::string& where) {
  const json& v = member(object, key, where);
  if (!v.is_number_integer() || v.get<std::int64_t>() < INT32_MIN || v.get<std::int64_t>() > INT32_MAX) {
    throw BadCase(where + ": \"" + key + "\" is not a 32-bit integer");
  }
  return static_cast<std::int32_t>(v.get<std::int64_t>());
}

// The policy overrides of FORMAT.md that bear on working days.
struct Overrides {
  AnchorConvention anchor = AnchorConvention::day_zero;
  std::vector<Date> closures;
};

Overrides read_policy(const json& doc) {
  Overrides o;
  const auto it = doc.find("policy");
  if (it == doc.end()) return o;
  const json& p = *it;
  if (!p.is_object()) throw BadCase("\"policy\" is not an object");
  only_keys(p, {"anchor_day_counts", "interval_unit", "closure_days", "caseload_band", "ladder"}, "policy");
  if (const auto a = p.find("anchor_day_counts"); a != p.end()) {
    if (!a->is_boolean()) throw BadCase("policy.anchor_day_counts is not true or false");
    o.anchor = a->get<bool>() ? AnchorConvention::counts_as_day_one : AnchorConvention::day_zero;
  }
  if (const auto c = p.find("closure_days"); c != p.end()) {
    if (!c->is_array()) throw BadCase("policy.closure_days is not an array");
    for (std::size_t i = 0; i < c->size(); ++i) {
      o.closures.push_back(date_value((*c)[i], "policy.closure_days[" + std::to_string(i) + "]"));
    }
  }
  return o;
}

void compare(CaseOutcome& out, const std::string& field, const std::string& expected, const std::string& got) {
  if (expected != got) out.differences.push_back(field + ": expected " + expected + ", got " + got);
}

void run_working_days(const json& doc, const Calendar& base, CaseOutcome& out) {
  only_keys(doc, {"format", "kind", "name", "cite", "policy", "from", "add", "expect", "between", "expect_count"},
            "case");
  const Overrides o = read_policy(doc);
  const Calendar cal = o.closures.empty() ? base : base.with_closures(o.closures, "Closure day (case policy)");
  const bool sum = doc.contains("from") || doc.contains("add") || doc.contains("expect");
  const bool between = doc.contains("between") || doc.contains("expect_count");
  if (!sum && !between) throw BadCase("a working_days case needs \"from\"/\"add\"/\"expect\" or \"between\"");
  if (sum) {
    const Date from = date_value(member(doc, "from", "case"), "from");
    const std::int32_t n = integer(doc, "add", "case");
    const Date expect = date_value(member(doc, "expect", "case"), "expect");
    std::string got;
    try {
      got = cal.add_working_days(from, n, o.anchor).iso();
    } catch (const Error& e) {
      got = std::string("error ") + status_name(e.status()) + " (" + e.what() + ")";
    }
    compare(out, "expect", expect.iso(), got);
  }
  if (between) {
    const json& pair = member(doc, "between", "case");
    if (!pair.is_array() || pair.size() != 2) throw BadCase("\"between\" is not a pair of dates");
    const Date a = date_value(pair[0], "between[0]"), b = date_value(pair[1], "between[1]");
    const std::int32_t expect = integer(doc, "expect_count", "case");
    std::string got;
    try {
      got = std::to_string(cal.working_days_between(a, b));
    } catch (const Error& e) {
      got = std::string("error ") + status_name(e.status()) + " (" + e.what() + ")";
    }
    compare(out, "expect_count", std::to_string(expect), got);
  }
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Status::io, "cannot open " + quote(path.string(), 256));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::vector<std::string> supported_case_kinds() { return {"working_days"}; }

CaseOutcome run_case(std::string_view text_in, std::string_view source, const Calendar& calendar) {
  CaseOutcome out;
  out.source = std::string(source);
  try {
    json doc;
    try {
      doc = json::parse(text_in.begin(), text_in.end());
    } catch (const json::parse_error& e) {
      throw BadCase(std::string("malformed JSON: ") + e.what());
    }
    if (!doc.is_object()) throw BadCase("a case is a JSON object");
    if (text(doc, "format", "case") != "iro-case/1") throw BadCase("\"format\" is not \"iro-case/1\"");
    out.kind = text(doc, "kind", "case");
    out.name = text(doc, "name", "case");
    out.cite = text(doc, "cite", "case");
    if (out.kind == "working_days") {
      run_working_days(doc, calendar, out);
    } else if (out.kind == "schedule" || out.kind == "caseload" || out.kind == "dispute") {
      out.verdict = CaseVerdict::skipped;
      out.error = "kind \"" + out.kind + "\" is not implemented by this version of iro";
      return out;
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

std::vector<CaseOutcome> run_case_directory(const std::string& directory, const Calendar& calendar) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".json" && it->is_regular_file()) files.push_back(it->path());
  }
  if (ec) throw Error(Status::io, "cannot read the directory " + quote(directory, 256) + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<CaseOutcome> outcomes;
  for (const auto& file : files) outcomes.push_back(run_case(read_all(file), file.string(), calendar));
  return outcomes;
}

CaseTally tally(const std::vector<CaseOutcome>& outcomes) {
  CaseTally t;
  for (const CaseOutcome& o : outcomes) {
    if (o.verdict == CaseVerdict::passed) ++t.passed;
    else if (o.verdict == CaseVerdict::skipped) ++t.skipped;
    else ++t.failed;
  }
  return t;
}

}  // namespace iro
