#include "iro/data/child_json.hpp"

#include "iro/core/error.hpp"
#include "model/case_policy.hpp"
#include "core/file_util.hpp"
#include "data/json_child.hpp"

namespace iro {
namespace {

using nlohmann::json;

[[noreturn]] void bad(const std::string& where, const std::string& problem) {
  throw Error(Status::parse, where + ": " + problem);
}

// A history that cannot have happened (FORMAT.md: the case expects IRO_E_INVALID_ARGUMENT).
[[noreturn]] void impossible(const std::string& where, const std::string& problem) {
  throw Error(Status::invalid_argument, where + ": " + problem);
}

constexpr std::size_t max_children_file_bytes = 256u << 20;

// The text of a file of children (one child, a child document or a list): read_text_file() with the limit.
std::string read_children_text(const std::string& path) { return read_text_file(path, max_children_file_bytes); }

void only(const json& object, const std::string& where, std::initializer_list<const char*> keys) {
  if (!object.is_object()) bad(where, "is not an object");
  if (const auto key = first_unknown_key(object, keys)) bad(where, unknown_key_problem(*key));
}

const json& array_at(const json& doc, const char* key, const std::string& where) {
  static const json empty = json::array();
  const auto it = doc.find(key);
  if (it == doc.end()) return empty;
  if (!it->is_array()) bad(where + "." + key, "is not an array");
  return *it;
}

std::optional<Date> optional_date(const json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  return json_date(*it, where + "." + key);
}

Regime regime_at(const json& object, const std::string& where) {
  const auto it = object.find("regime");
  if (it == object.end()) bad(where, "missing \"regime\"");
  if (!it->is_string()) bad(where + ".regime", "is not a string");
  const auto r = regime_from_name(it->get<std::string>());
  if (!r) {
    bad(where + ".regime", quote(it->get<std::string>()) +
                               " is not a regime (standard, short_breaks, adoption_placed, adoption_authorised)");
  }
  return *r;
}

}  // namespace

Child child_from_json_value(const json& doc, const std::string& where_in, std::initializer_list<const char*> extra) {
  if (!doc.is_object()) bad(where_in, "a child document is a JSON object");
  if (const auto key =
          first_unknown_key(doc, {"child", "periods", "reviews", "placements", "visits", "midways"}, extra)) {
    bad(where_in, unknown_key_problem(*key));
  }
  Child child;
  const auto c = doc.find("child");
  if (c == doc.end()) bad(where_in, "missing \"child\"");
  only(*c, where_in + ": child", {"id", "dob"});
  const auto id = c->find("id");
  if (id == c->end() || !id->is_string()) bad(where_in + ": child.id", "missing or not a string");
  child.id = id->get<std::string>();
  const std::string where = where_in + ": child " + quote(child.id);
  child.dob = optional_date(*c, "dob", where + ": child");

  const json& periods = array_at(doc, "periods", where);
  for (std::size_t i = 0; i < periods.size(); ++i) {
    const std::string pw = where + ": periods[" + std::to_string(i) + "]";
    only(periods[i], pw, {"start", "end", "regime", "switches"});
    Period p;
    const auto start = periods[i].find("start");
    if (start == periods[i].end()) bad(pw, "missing \"start\"");
    p.start = json_date(*start, pw + ".start");
    p.end = optional_date(periods[i], "end", pw);
    if (!periods[i].contains("regime")) {
      impossible(pw + ".regime",
                 "missing: every period of care has a regime (standard, short_breaks, "
                 "adoption_placed, adoption_authorised)");
    }
    p.regime = regime_at(periods[i], pw);
    const json& switches = array_at(periods[i], "switches", pw);
    for (std::size_t s = 0; s < switches.size(); ++s) {
      const std::string sw = pw + ".switches[" + std::to_string(s) + "]";
      only(switches[s], sw, {"date", "regime"});
      const auto date = switches[s].find("date");
      if (date == switches[s].end()) bad(sw, "missing \"date\"");
      p.switches.push_back({json_date(*date, sw + ".date"), regime_at(switches[s], sw)});
    }
    child.periods.push_back(std::move(p));
  }
  const json& reviews = array_at(doc, "reviews", where);
  for (std::size_t i = 0; i < reviews.size(); ++i) {
    const std::string rw = where + ": reviews[" + std::to_string(i) + "]";
    only(reviews[i], rw, {"date", "code", "cancelled", "reason", "record_sent"});
    Review r;
    const auto date = reviews[i].find("date");
    if (date == reviews[i].end()) bad(rw, "missing \"date\"");
    r.date = json_date(*date, rw + ".date");
    if (const auto code = reviews[i].find("code"); code != reviews[i].end() && !code->is_null()) {
      const auto pn = code->is_string() ? participation_from_code(code->get<std::string>()) : std::nullopt;
      if (!pn) bad(rw + ".code", code->dump() + " is not a participation code (PN0-PN7)");
      r.participation = *pn;
    }
    if (const auto cancelled = reviews[i].find("cancelled"); cancelled != reviews[i].end()) {
      if (!cancelled->is_boolean()) bad(rw + ".cancelled", cancelled->dump() + " is not true or false");
      r.cancelled = cancelled->get<bool>();
    }
    if (r.cancelled && r.participation != Participation::none) {
      impossible(rw + ".code", quote(participation_code(r.participation)) +
                                   " on a cancelled review: a review that was not held has no participation code");
    }
    if (const auto reason = reviews[i].find("reason"); reason != reviews[i].end()) {
      const std::string text = reason->is_string() ? reason->get<std::string>() : "";
      if (text == "scheduled")
        r.reason = ReviewReason::scheduled;
      else if (text == "iro_request")
        r.reason = ReviewReason::iro_request;
      else if (text == "significant_change")
        r.reason = ReviewReason::significant_change;
      else if (text == "other")
        r.reason = ReviewReason::other;
      else
        bad(rw + ".reason", reason->dump() + " is not scheduled, iro_request, significant_change or other");
    }
    r.record_sent = optional_date(reviews[i], "record_sent", rw);
    child.reviews.push_back(r);
  }
  const json& placements = array_at(doc, "placements", where);
  for (std::size_t i = 0; i < placements.size(); ++i) {
    const std::string pw = where + ": placements[" + std::to_string(i) + "]";
    only(placements[i], pw, {"start", "end", "until_18"});
    Placement p;
    const auto start = placements[i].find("start");
    if (start == placements[i].end()) bad(pw, "missing \"start\"");
    p.start = json_date(*start, pw + ".start");
    p.end = optional_date(placements[i], "end", pw);
    if (const auto u = placements[i].find("until_18"); u != placements[i].end()) {
      if (!u->is_boolean()) bad(pw + ".until_18", u->dump() + " is not true or false");
      p.until_18 = u->get<bool>();
    }
    child.placements.push_back(p);
  }
  const json& visits = array_at(doc, "visits", where);
  for (std::size_t i = 0; i < visits.size(); ++i) {
    child.visits.push_back(json_date(visits[i], where + ": visits[" + std::to_string(i) + "]"));
  }
  const json& midways = array_at(doc, "midways", where);
  for (std::size_t i = 0; i < midways.size(); ++i) {
    child.midways.push_back(json_date(midways[i], where + ": midways[" + std::to_string(i) + "]"));
  }
  return child;
}

Child child_from_json(std::string_view json_text, std::string_view source) {
  return child_from_json_value(parse_json_text(json_text, source), std::string(source), {});
}

Child child_from_file(const std::string& path) { return child_from_json(read_children_text(path), path); }

namespace {

// The list of a children document: the array itself, or the array of {"children": [...]}.
const json& children_list(const json& doc, const std::string& source) {
  const json* list = &doc;
  if (doc.is_object()) {
    only(doc, source, {"children"});
    const auto it = doc.find("children");
    if (it == doc.end()) bad(source, "missing \"children\"");
    list = &*it;
  }
  if (!list->is_array()) bad(source, "expected an array of children or {\"children\": [...]}");
  return *list;
}

// The child's id of a child document when it can be read, else "".
std::string readable_id(const json& doc) {
  if (!doc.is_object()) return {};
  const auto c = doc.find("child");
  if (c == doc.end() || !c->is_object()) return {};
  const auto id = c->find("id");
  return id != c->end() && id->is_string() ? id->get<std::string>() : std::string();
}

// A string member of a case that must have one value ("format": "iro-case/1", "kind": "schedule").
void expect_text(const json& doc, const char* key, const char* expected, const std::string& source) {
  const auto it = doc.find(key);
  if (it == doc.end()) return;
  if (!it->is_string() || it->get<std::string>() != expected) {
    bad(source + ": " + key, it->dump() + " is not \"" + expected + "\" (a child document or a schedule case)");
  }
}

// A child document or schedule case, under England's policy (base == nullptr) or under *base.
ChildDocument document_from_value(const json& doc, const std::string& source, const Policy* base) {
  if (doc.is_object()) {
    expect_text(doc, "format", "iro-case/1", source);
    expect_text(doc, "kind", "schedule", source);
  }
  ChildDocument d;
  d.child = child_from_json_value(doc, source, {"format", "kind", "name", "cite", "policy", "as_of", "expect"});
  if (const auto as_of = doc.find("as_of"); as_of != doc.end()) d.as_of = json_date(*as_of, source + ": as_of");
  const auto p = doc.find("policy");
  if (base == nullptr) {
    d.policy = p == doc.end() ? Policy::england() : case_policy_value(*p, source);
  } else if (p == doc.end() || p->is_string()) {
    d.policy = *base;  // the caller's policy in place of the document's policy file
  } else {
    d.policy = base->with_overrides_json(p->dump(), source);
  }
  return d;
}

std::vector<Child> strict_list(const json& list, const std::string& source) {
  std::vector<Child> children;
  children.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    children.push_back(child_from_json_value(list[i], source + ": children[" + std::to_string(i) + "]", {}));
  }
  return children;
}

DatedChildren lenient_list(const json& list, const std::string& source) {
  DatedChildren out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    try {
      out.children.push_back(child_from_json_value(list[i], source + ": children[" + std::to_string(i) + "]", {}));
      out.index.push_back(i);
    } catch (const Error& e) {
      out.refused.push_back({i, readable_id(list[i]), e.status(), e.what()});
    }
  }
  out.as_of.resize(out.children.size());
  return out;
}

}  // namespace

ChildDocument child_document_from_json(std::string_view json_text, std::string_view source) {
  return document_from_value(parse_json_text(json_text, source), std::string(source), nullptr);
}

ChildDocument child_document_from_json(std::string_view json_text, std::string_view source, const Policy& base) {
  return document_from_value(parse_json_text(json_text, source), std::string(source), &base);
}

ChildDocument child_document_from_file(const std::string& path) {
  return child_document_from_json(read_children_text(path), path);
}

ChildDocument child_document_from_file(const std::string& path, const Policy& base) {
  return child_document_from_json(read_children_text(path), path, base);
}

namespace {

// Whether a parsed document is a conformance case (which gives at most one child) rather than a list.
bool is_case(const json& doc) { return doc.is_object() && doc.contains("format"); }
bool is_schedule_case(const json& doc) {
  const auto kind = doc.find("kind");
  return kind != doc.end() && kind->is_string() && kind->get<std::string>() == "schedule";
}

DatedChildren strict_children(const json& doc, const std::string& source) {
  DatedChildren out;
  if (is_case(doc)) {
    if (!is_schedule_case(doc)) return out;  // a case of another kind
    ChildDocument d = document_from_value(doc, source, nullptr);
    out.children.push_back(std::move(d.child));
    out.as_of.push_back(d.as_of);
    out.index.push_back(0);
    return out;
  }
  out.children = strict_list(children_list(doc, source), source);
  out.as_of.resize(out.children.size());
  for (std::size_t i = 0; i < out.children.size(); ++i) out.index.push_back(i);
  return out;
}

DatedChildren lenient_children(const json& doc, const std::string& source) {
  if (!is_case(doc)) return lenient_list(children_list(doc, source), source);
  DatedChildren out;
  if (!is_schedule_case(doc)) return out;  // a case of another kind
  try {
    ChildDocument d = document_from_value(doc, source, nullptr);
    out.children.push_back(std::move(d.child));
    out.as_of.push_back(d.as_of);
    out.index.push_back(0);
  } catch (const Error& e) {
    out.refused.push_back({0, readable_id(doc), e.status(), e.what()});
  }
  return out;
}

}  // namespace

DatedChildren children_from_json(std::string_view json_text, std::string_view source) {
  return strict_children(parse_json_text(json_text, source), std::string(source));
}

DatedChildren children_from_json_lenient(std::string_view json_text, std::string_view source) {
  return lenient_children(parse_json_text(json_text, source), std::string(source));
}

DatedChildren children_from_file(const std::string& path) { return children_from_json(read_children_text(path), path); }

DatedChildren children_from_file_lenient(const std::string& path) {
  return children_from_json_lenient(read_children_text(path), path);
}

}  // namespace iro
