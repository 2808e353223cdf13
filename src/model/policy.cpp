#include "iro/model/policy.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "iro/core/error.hpp"
#include "core/file_util.hpp"
#include "core/json_util.hpp"
#include "model/policy_documents.hpp"

namespace iro {
namespace {

using nlohmann::json;

constexpr std::size_t max_policy_bytes = 4u << 20;
constexpr int max_extends_depth = 16;
constexpr std::int32_t max_duration = 10000;  // no rule counts more than 10,000 units

// The wording of each step where a policy document gives none; "{}" becomes the step's interval.
const char* const wording_standard[3] = {"first review within {} of the day the child became looked after",
                                         "second review not more than {} after the first",
                                         "review not more than {} after the previous one"};
const char* const wording_short_breaks[3] = {"first review within {} of the start of the first short break",
                                             "second review not more than {} after the first",
                                             "review not more than {} after the previous one"};
const char* const wording_adoption_placed[3] = {"first review not more than {} after the child was placed for adoption",
                                                "second review not more than {} after the first",
                                                "review not more than {} after the previous one"};
const char* const wording_authorised =
    "review not more than {} after the date on which the agency first had authority to place the child for adoption";
const char* const wording_returned = "review within {} of the child's return to the agency (local procedure)";

// Builds a Policy from a policy document, checking every key, type and value; each error names the
// source and the JSON path. With complete = false (one file of an overlay chain) missing keys are fine.
class Reader {
 public:
  Reader(std::string source, bool complete) : source_(std::move(source)), complete_(complete) {}

  [[noreturn]] void bad(const std::string& path, const std::string& problem) const {
    throw Error(Status::parse, source_ + ": " + path + ": " + problem);
  }
  [[noreturn]] void invalid(const std::string& path, const std::string& problem) const {
    throw Error(Status::invalid_argument, source_ + ": " + path + ": " + problem);
  }

  // Checks that @p object is an object with only @p keys; returns it.
  const json& object(const json& v, const std::string& path, std::initializer_list<const char*> keys) const {
    if (!v.is_object()) bad(path, v.dump() + " is not an object");
    if (const auto key = first_unknown_key(v, keys)) bad(path, unknown_key_problem(*key));
    return v;
  }

  // The member @p key of @p v, or nullptr when absent (an error when the document must be complete).
  const json* get(const json& v, const char* key, const std::string& path) const {
    const auto it = v.find(key);
    if (it == v.end()) {
      if (complete_) bad(path, "missing \"" + std::string(key) + "\"");
      return nullptr;
    }
    return &*it;
  }

  std::string text(const json& v, const std::string& path) const {
    if (!v.is_string()) bad(path, v.dump() + " is not a string");
    return v.get<std::string>();
  }
  bool boolean(const json& v, const std::string& path) const {
    if (!v.is_boolean()) bad(path, v.dump() + " is not true or false");
    return v.get<bool>();
  }
  std::int32_t count(const json& v, const std::string& path, std::int32_t low, std::int32_t high) const {
    if (!v.is_number_integer()) bad(path, v.dump() + " is not a whole number");
    const std::int64_t n = v.get<std::int64_t>();
    if (n < low) invalid(path, std::to_string(n) + " is below " + std::to_string(low));
    if (n > high) invalid(path, std::to_string(n) + " is above " + std::to_string(high));
    return static_cast<std::int32_t>(n);
  }
  double weight(const json& v, const std::string& path) const {
    if (!v.is_number()) bad(path, v.dump() + " is not a number");
    const double w = v.get<double>();
    if (!std::isfinite(w) || w < 0 || w > 100) invalid(path, v.dump() + " is not a weight from 0 to 100");
    return w;
  }

  // A step: {"value", "unit", "cite", "text"}; a missing `text` is made from @p wording, a template whose
  // "{}" is replaced by the interval ("second review not more than {} after the first").
  RuleStep step(const json& v, const std::string& path, const char* wording) const {
    object(v, path, {"value", "unit", "cite", "text"});
    Reader strict(source_, true);
    RuleStep st;
    st.interval.value = count(*strict.get(v, "value", path), path + ".value", 0, max_duration);
    const std::string u = text(*strict.get(v, "unit", path), path + ".unit");
    if (u == "working_days")
      st.interval.unit = Unit::working_days;
    else if (u == "days")
      st.interval.unit = Unit::days;
    else if (u == "weeks")
      st.interval.unit = Unit::weeks;
    else if (u == "months")
      st.interval.unit = Unit::months;
    else
      bad(path + ".unit", quote(u) + " is not working_days, days, weeks or months");
    st.cite = text(*strict.get(v, "cite", path), path + ".cite");
    if (st.cite.empty()) invalid(path + ".cite", "is empty: every rule names the provision that sets it");
    if (const auto t = v.find("text"); t != v.end()) {
      st.text = text(*t, path + ".text");
    } else {
      st.text = wording;
      const auto at = st.text.find("{}");
      if (at != std::string::npos) st.text.replace(at, 2, describe(st.interval));
    }
    return st;
  }

  std::optional<Date> optional_date(const json& v, const char* key, const std::string& path) const {
    const auto it = v.find(key);
    if (it == v.end() || it->is_null()) return std::nullopt;
    return json_date(*it, source_ + ": " + path + "." + key);
  }

  // A regime's versions; @p words holds the wording templates of its first, second and later steps.
  RegimeRules versions(const json& v, const std::string& path, const char* const (&words)[3]) const {
    if (!v.is_array()) bad(path, "is not an array of rule versions");
    if (v.empty()) invalid(path, "has no rule version");
    RegimeRules rules;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const std::string p = path + "[" + std::to_string(i) + "]";
      object(v[i], p, {"from", "commenced", "first", "second", "subsequent"});
      RuleVersion r;
      r.from = optional_date(v[i], "from", p);
      r.commenced = optional_date(v[i], "commenced", p);
      // Every version is complete in itself, whatever the rest of the document.
      Reader strict(source_, true);
      r.first = step(*strict.get(v[i], "first", p), p + ".first", words[0]);
      r.second = step(*strict.get(v[i], "second", p), p + ".second", words[1]);
      r.subsequent = step(*strict.get(v[i], "subsequent", p), p + ".subsequent", words[2]);
      if (i == 0 && r.from)
        invalid(p + ".from", "the first version must have \"from\": null (in force from the start)");
      if (i > 0 && (!r.from || (rules.versions.back().from && *r.from <= *rules.versions.back().from))) {
        invalid(p + ".from", "versions must be in increasing order of \"from\"");
      }
      rules.versions.push_back(std::move(r));
    }
    return rules;
  }

  Ladder ladder(const json& v, const std::string& path) const {
    object(v, path, {"stages", "formal_limit_working_days", "bypass", "cafcass_any_stage"});
    Ladder l;
    if (const json* stages = get(v, "stages", path)) {
      if (!stages->is_array()) bad(path + ".stages", "is not an array");
      if (stages->empty()) invalid(path + ".stages", "an escalation ladder needs at least one stage");
      for (std::size_t i = 0; i < stages->size(); ++i) {
        const std::string p = path + ".stages[" + std::to_string(i) + "]";
        object((*stages)[i], p, {"name", "response_working_days"});
        LadderStage s;
        const auto name = (*stages)[i].find("name");
        if (name == (*stages)[i].end()) bad(p, "missing \"name\"");
        s.name = text(*name, p + ".name");
        if (s.name.empty()) invalid(p + ".name", "is empty");
        for (const LadderStage& before : l.stages) {
          if (before.name == s.name) invalid(p + ".name", quote(s.name) + " names two stages");
        }
        const auto days = (*stages)[i].find("response_working_days");
        if (days != (*stages)[i].end() && !days->is_null()) {
          s.response_working_days = count(*days, p + ".response_working_days", 0, max_duration);
        }
        l.stages.push_back(std::move(s));
      }
    }
    if (const json* limit = get(v, "formal_limit_working_days", path)) {
      l.formal_limit_working_days = count(*limit, path + ".formal_limit_working_days", 0, max_duration);
    }
    if (const json* b = get(v, "bypass", path)) l.bypass = boolean(*b, path + ".bypass");
    if (const json* c = get(v, "cafcass_any_stage", path))
      l.cafcass_any_stage = boolean(*c, path + ".cafcass_any_stage");
    return l;
  }

  // Reads (or, when not complete, just checks) a whole document into @p p.
  void read(const json& doc, Policy& p) const {
    object(doc, "$",
           {"format", "id", "title", "jurisdiction", "notes", "extends", "calendar", "conventions", "regimes",
            "targets", "caseload", "disputes"});
    if (const auto f = doc.find("format"); f == doc.end() || *f != "iro-policy/1") {
      bad("$.format", "a policy document has \"format\": \"iro-policy/1\"");
    }
    if (const json* id = get(doc, "id", "$")) p.id = text(*id, "$.id");
    if (const json* t = get(doc, "title", "$")) p.title = text(*t, "$.title");
    if (const json* j = get(doc, "jurisdiction", "$")) p.jurisdiction = text(*j, "$.jurisdiction");
    if (const auto n = doc.find("notes"); n != doc.end()) text(*n, "$.notes");
    if (const auto e = doc.find("extends"); e != doc.end()) text(*e, "$.extends");
    if (const json* cal = get(doc, "calendar", "$")) {
      object(*cal, "$.calendar", {"division", "closure_days"});
      if (const json* d = get(*cal, "division", "$.calendar")) p.division = text(*d, "$.calendar.division");
      if (const json* c = get(*cal, "closure_days", "$.calendar")) {
        if (!c->is_array()) bad("$.calendar.closure_days", "is not an array of dates");
        p.closure_days.clear();
        for (std::size_t i = 0; i < c->size(); ++i) {
          p.closure_days.push_back(
              json_date((*c)[i], source_ + ": $.calendar.closure_days[" + std::to_string(i) + "]"));
        }
      }
    }
    if (const json* c = get(doc, "conventions", "$")) {
      object(*c, "$.conventions", {"anchor_day_counts", "interval_unit", "early_review_restarts_clock"});
      if (const json* a = get(*c, "anchor_day_counts", "$.conventions")) {
        p.anchor = boolean(*a, "$.conventions.anchor_day_counts") ? AnchorConvention::counts_as_day_one
                                                                  : AnchorConvention::day_zero;
      }
      if (const json* u = get(*c, "interval_unit", "$.conventions")) {
        const std::string unit = text(*u, "$.conventions.interval_unit");
        if (unit == "months")
          p.interval_unit = IntervalUnit::months;
        else if (unit == "days")
          p.interval_unit = IntervalUnit::days;
        else
          bad("$.conventions.interval_unit", quote(unit) + " is not \"months\" or \"days\"");
      }
      if (const json* r = get(*c, "early_review_restarts_clock", "$.conventions")) {
        p.early_review_restarts_clock = boolean(*r, "$.conventions.early_review_restarts_clock");
      }
    }
    if (const json* r = get(doc, "regimes", "$")) {
      object(*r, "$.regimes",
             {"standard", "short_breaks", "adoption_placed", "adoption_authorised", "return_to_agency"});
      if (const json* s = get(*r, "standard", "$.regimes")) {
        p.standard = versions(*s, "$.regimes.standard", wording_standard);
      }
      if (const json* s = get(*r, "short_breaks", "$.regimes")) {
        p.short_breaks = versions(*s, "$.regimes.short_breaks", wording_short_breaks);
      }
      if (const json* s = get(*r, "adoption_placed", "$.regimes")) {
        p.adoption_placed = versions(*s, "$.regimes.adoption_placed", wording_adoption_placed);
      }
      if (const json* a = get(*r, "adoption_authorised", "$.regimes")) {
        object(*a, "$.regimes.adoption_authorised", {"cap", "commenced"});
        if (const json* cap = get(*a, "cap", "$.regimes.adoption_authorised")) {
          p.authorised = step(*cap, "$.regimes.adoption_authorised.cap", wording_authorised);
        }
        if (a->contains("commenced"))
          p.authorised_commenced = optional_date(*a, "commenced", "$.regimes.adoption_authorised");
      }
      if (const auto ret = r->find("return_to_agency"); ret != r->end()) {
        object(*ret, "$.regimes.return_to_agency", {"review"});
        if (const json* review = get(*ret, "review", "$.regimes.return_to_agency")) {
          p.after_return.reset();
          if (!review->is_null()) p.after_return = step(*review, "$.regimes.return_to_agency.review", wording_returned);
        }
      }
    }
    if (const json* t = get(doc, "targets", "$")) {
      object(*t, "$.targets",
             {"record_working_days", "report_working_days_before", "midway_percent", "midway_target_percent",
              "booking_percent", "timeliness_target_percent", "participation_target_percent", "records_target_percent",
              "pre_meeting_target_percent", "sources"});
      if (const json* v = get(*t, "record_working_days", "$.targets")) {
        p.record_working_days = count(*v, "$.targets.record_working_days", 0, max_duration);
      }
      if (const json* v = get(*t, "report_working_days_before", "$.targets")) {
        p.report_working_days_before = count(*v, "$.targets.report_working_days_before", 0, max_duration);
      }
      if (const json* v = get(*t, "midway_percent", "$.targets")) {
        p.midway_percent = count(*v, "$.targets.midway_percent", 1, 99);
      }
      if (const json* v = get(*t, "midway_target_percent", "$.targets")) {
        p.midway_target_percent.reset();
        if (!v->is_null()) p.midway_target_percent = count(*v, "$.targets.midway_target_percent", 0, 100);
      }
      if (const json* v = get(*t, "booking_percent", "$.targets")) {
        p.booking_percent = count(*v, "$.targets.booking_percent", 1, 100);
      }
      // The local percentage targets: 0-100, or null for none (an overlay may remove its base's target); optional
      // even in a complete document, as are their sources.
      const std::pair<const char*, std::optional<std::int32_t>*> percents[] = {
          {"timeliness_target_percent", &p.timeliness_target_percent},
          {"participation_target_percent", &p.participation_target_percent},
          {"records_target_percent", &p.records_target_percent},
          {"pre_meeting_target_percent", &p.pre_meeting_target_percent}};
      for (const auto& [key, field] : percents) {
        if (const auto v = t->find(key); v != t->end()) {
          field->reset();
          if (!v->is_null()) *field = count(*v, std::string("$.targets.") + key, 0, 100);
        }
      }
      if (const auto found = t->find("sources"); found != t->end()) {
        const json* s = &*found;
        object(*s, "$.targets.sources",
               {"timeliness_target_percent", "participation_target_percent", "records_target_percent",
                "midway_target_percent", "pre_meeting_target_percent"});
        for (const auto& item : s->items()) {
          const std::string where = "$.targets.sources." + item.key();
          if (!item.value().is_string() || item.value().get<std::string>().empty()) {
            bad(where, item.value().dump() + " is not the text of a source");
          }
          p.target_sources[item.key()] = item.value().get<std::string>();
        }
      }
    }
    if (const json* c = get(doc, "caseload", "$")) {
      object(*c, "$.caseload", {"band", "weights"});
      if (const json* b = get(*c, "band", "$.caseload")) {
        if (!b->is_array() || b->size() != 2) bad("$.caseload.band", b->dump() + " is not [low, high]");
        p.caseload_low = count((*b)[0], "$.caseload.band[0]", 0, 100000);
        p.caseload_high = count((*b)[1], "$.caseload.band[1]", 0, 100000);
        if (p.caseload_low > p.caseload_high) invalid("$.caseload.band", b->dump() + " has low above high");
      }
      if (const json* w = get(*c, "weights", "$.caseload")) {
        const std::string wp = "$.caseload.weights";
        object(*w, wp, {"recently_looked_after", "placed_far_away", "in_proceedings", "placement_moves"});
        if (const json* x = get(*w, "recently_looked_after", wp)) {
          p.caseload_weights.recently_looked_after = weight(*x, wp + ".recently_looked_after");
        }
        if (const json* x = get(*w, "placed_far_away", wp))
          p.caseload_weights.placed_far_away = weight(*x, wp + ".placed_far_away");
        if (const json* x = get(*w, "in_proceedings", wp))
          p.caseload_weights.in_proceedings = weight(*x, wp + ".in_proceedings");
        if (const json* x = get(*w, "placement_moves", wp))
          p.caseload_weights.placement_moves = weight(*x, wp + ".placement_moves");
      }
    }
    if (const json* d = get(doc, "disputes", "$")) {
      object(*d, "$.disputes", {"ladder", "categories"});
      if (const json* l = get(*d, "ladder", "$.disputes")) p.ladder = ladder(*l, "$.disputes.ladder");
      if (const json* c = get(*d, "categories", "$.disputes")) {
        if (!c->is_array()) bad("$.disputes.categories", "is not an array");
        p.dispute_categories.clear();
        for (std::size_t i = 0; i < c->size(); ++i) {
          const std::string cp = "$.disputes.categories[" + std::to_string(i) + "]";
          object((*c)[i], cp, {"code", "name"});
          Reader strict(source_, true);
          DisputeCategory cat{text(*strict.get((*c)[i], "code", cp), cp + ".code"),
                              text(*strict.get((*c)[i], "name", cp), cp + ".name")};
          for (const DisputeCategory& before : p.dispute_categories) {
            if (before.code == cat.code) invalid(cp + ".code", quote(cat.code) + " names two categories");
          }
          p.dispute_categories.push_back(std::move(cat));
        }
      }
    }
  }

 private:
  std::string source_;
  bool complete_;
};

// Objects merge key by key; anything else in the overlay replaces the base's value.
void merge(json& base, const json& overlay) {
  for (const auto& item : overlay.items()) {
    auto it = base.find(item.key());
    if (it != base.end() && it->is_object() && item.value().is_object()) {
      merge(*it, item.value());
    } else {
      base[item.key()] = item.value();
    }
  }
}

std::string read_policy_file(const std::string& path) { return read_text_file(path, max_policy_bytes); }

// Resolves `extends` chains: the merged document, with the sources from the base up.
json resolve(std::string_view text, const std::string& source, std::vector<std::string>& chain) {
  if (chain.size() > static_cast<std::size_t>(max_extends_depth)) {
    throw Error(Status::invalid_argument,
                source + ": $.extends: more than " + std::to_string(max_extends_depth) + " levels of extends");
  }
  json doc = parse_json_text(text, source);
  Policy scratch;
  Reader(source, false).read(doc, scratch);  // every file is checked on its own
  chain.push_back(source);
  const auto ext = doc.find("extends");
  if (ext == doc.end()) return doc;
  const std::string base_name = ext->get<std::string>();
  json base;
  if (base_name == "england") {
    base = resolve(england_policy_json, "built-in policy \"england\"", chain);
  } else {
    std::filesystem::path base_path = base_name;
    if (base_path.is_relative()) base_path = std::filesystem::path(source).parent_path() / base_path;
    std::error_code ec;
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(base_path, ec);
    const std::string key = (ec ? base_path : canonical).string();
    for (const std::string& seen : chain) {
      std::error_code ec2;
      if (std::filesystem::weakly_canonical(seen, ec2).string() == key) {
        throw Error(Status::invalid_argument, source + ": $.extends: " + quote(base_name) + " leads back to " +
                                                  quote(seen, 256) + " (a cycle of extends)");
      }
    }
    if (!std::filesystem::exists(base_path, ec)) {
      throw Error(Status::not_found, source + ": $.extends: no built-in policy or file " + quote(base_name) +
                                         " (looked for " + quote(base_path.string(), 256) + "; built in: \"england\")");
    }
    std::string base_text;
    try {
      base_text = read_policy_file(base_path.string());
    } catch (const Error& e) {  // a directory, unreadable, too big: say which extends led there
      throw Error(e.status(), source + ": $.extends: " + quote(base_name) + ": " + e.what());
    }
    base = resolve(base_text, base_path.string(), chain);
  }
  doc.erase("extends");
  merge(base, doc);
  return base;
}

}  // namespace

std::string describe(const Interval& iv) {
  static const char* const singular[] = {"working day", "day", "week", "month"};
  const int u = static_cast<int>(iv.unit);
  return std::to_string(iv.value) + " " + singular[u] + (iv.value == 1 ? "" : "s");
}

const RuleVersion& RegimeRules::in_force(Date anchor) const {
  const RuleVersion* found = &versions.front();
  for (const RuleVersion& v : versions) {
    if (!v.from || *v.from <= anchor) found = &v;
  }
  return *found;
}

const char* interval_unit_name(IntervalUnit unit) noexcept { return unit == IntervalUnit::days ? "days" : "months"; }

Policy Policy::from_json(std::string_view json_text, std::string_view source_in) {
  const std::string source(source_in);
  std::vector<std::string> chain;
  const json merged = resolve(json_text, source, chain);
  Policy p;
  Reader(source, true).read(merged, p);
  p.source.clear();
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) p.source += (p.source.empty() ? "" : " + ") + *it;
  return p;
}

Policy Policy::from_file(const std::string& path) { return from_json(read_policy_file(path), path); }

std::string Policy::builtin_json(std::string_view name) {
  if (name == "england") return england_policy_json;
  throw Error(Status::not_found, "no built-in policy " + quote(name) + "; built in: \"england\"");
}

Policy Policy::builtin(std::string_view name) {
  return from_json(builtin_json(name), "built-in policy \"" + std::string(name) + "\"");
}

Policy Policy::england() { return builtin("england"); }

Calendar Policy::calendar(const Calendar& base) const {
  if (base.division() != division) {
    throw Error(Status::invalid_argument, "policy " + quote(id) + " is for the calendar division " + quote(division) +
                                              ", but the calendar given is of " + quote(base.division()));
  }
  return closure_days.empty() ? base : base.with_closures(closure_days, "Council closure (" + id + ")");
}

const RuleStep& Policy::step(DueRule rule, Date anchor) const {
  switch (rule) {
    case DueRule::standard_first: return standard.in_force(anchor).first;
    case DueRule::standard_second: return standard.in_force(anchor).second;
    case DueRule::standard_subsequent:
    case DueRule::returned: return standard.in_force(anchor).subsequent;
    case DueRule::short_breaks_first: return short_breaks.in_force(anchor).first;
    case DueRule::short_breaks_second: return short_breaks.in_force(anchor).second;
    case DueRule::short_breaks_subsequent: return short_breaks.in_force(anchor).subsequent;
    case DueRule::adoption_placed_first: return adoption_placed.in_force(anchor).first;
    case DueRule::adoption_placed_second: return adoption_placed.in_force(anchor).second;
    case DueRule::adoption_placed_subsequent: return adoption_placed.in_force(anchor).subsequent;
    case DueRule::adoption_authorised: return authorised;
    case DueRule::returned_local:
      if (after_return) return *after_return;
      throw Error(Status::invalid_argument, "policy " + quote(id) + " sets no review after a return to the agency");
  }
  throw Error(Status::invalid_argument, "rule " + std::to_string(static_cast<std::int32_t>(rule)) + " is no DueRule");
}

std::optional<Date> Policy::commenced(DueRule rule, Date anchor) const {
  switch (rule) {
    case DueRule::adoption_authorised: return authorised_commenced;
    case DueRule::returned_local: return std::nullopt;
    case DueRule::short_breaks_first:
    case DueRule::short_breaks_second:
    case DueRule::short_breaks_subsequent: return short_breaks.in_force(anchor).commenced;
    case DueRule::adoption_placed_first:
    case DueRule::adoption_placed_second:
    case DueRule::adoption_placed_subsequent: return adoption_placed.in_force(anchor).commenced;
    default: return standard.in_force(anchor).commenced;
  }
}

const RegimeRules& Policy::rules(Regime regime) const {
  switch (regime) {
    case Regime::short_breaks: return short_breaks;
    case Regime::adoption_placed: return adoption_placed;
    default: return standard;
  }
}

Date Policy::add(Date from, const Interval& iv, const Calendar& cal) const {
  switch (iv.unit) {
    case Unit::working_days: return cal.add_working_days(from, iv.value, anchor);
    case Unit::days: return from.add_days(iv.value);
    case Unit::weeks: return from.add_weeks(iv.value);
    case Unit::months:
      if (interval_unit == IntervalUnit::days) return from.add_days(std::llround(iv.value * 365.25 / 12.0));
      return from.add_months(iv.value);
  }
  throw Error(Status::internal, "unknown interval unit");
}

Date Policy::add_statutory(Date from, const Interval& iv, const Calendar& cal) const {
  switch (iv.unit) {
    case Unit::working_days: return cal.add_working_days(from, iv.value);
    case Unit::months: return from.add_months(iv.value);
    default: return add(from, iv, cal);
  }
}

Policy Policy::with_overrides_json(std::string_view json_text, std::string_view source) const {
  const json doc = parse_json_text(json_text, source);
  const std::string where = std::string(source) + ": policy";
  if (!doc.is_object()) throw Error(Status::parse, where + " is not an object");
  Policy p = *this;
  // Explanations name the policy: say that these are not the base policy's own rules.
  p.id = id + " with the overrides of " + std::string(source);
  p.source = this->source + " + the overrides of " + std::string(source);
  Reader reader(std::string(source), false);
  if (const auto key =
          first_unknown_key(doc, {"anchor_day_counts", "interval_unit", "closure_days", "caseload_band", "ladder"})) {
    throw Error(Status::parse, where + " has an " + unknown_key_problem(*key));
  }
  for (const auto& item : doc.items()) {
    const std::string& key = item.key();
    const json& v = item.value();
    if (key == "anchor_day_counts") {
      p.anchor = reader.boolean(v, "policy.anchor_day_counts") ? AnchorConvention::counts_as_day_one
                                                               : AnchorConvention::day_zero;
    } else if (key == "interval_unit") {
      if (v == "months")
        p.interval_unit = IntervalUnit::months;
      else if (v == "days")
        p.interval_unit = IntervalUnit::days;
      else
        reader.bad("policy.interval_unit", v.dump() + " is not \"months\" or \"days\"");
    } else if (key == "closure_days") {
      if (!v.is_array()) reader.bad("policy.closure_days", "is not an array");
      p.closure_days.clear();
      for (std::size_t i = 0; i < v.size(); ++i) {
        p.closure_days.push_back(json_date(v[i], where + " closure_days[" + std::to_string(i) + "]"));
      }
    } else if (key == "caseload_band") {
      if (!v.is_array() || v.size() != 2) reader.bad("policy.caseload_band", v.dump() + " is not [low, high]");
      p.caseload_low = reader.count(v[0], "policy.caseload_band[0]", 0, 100000);
      p.caseload_high = reader.count(v[1], "policy.caseload_band[1]", 0, 100000);
      if (p.caseload_low > p.caseload_high) reader.bad("policy.caseload_band", v.dump() + " has low above high");
    } else {  // "ladder", the last of the keys checked above
      p.ladder = reader.ladder(v, "policy.ladder");
      if (p.ladder.stages.empty())
        reader.invalid("policy.ladder.stages", "an escalation ladder needs at least one stage");
    }
  }
  return p;
}

std::string Policy::describe() const {
  std::string s = "policy " + id + ": ";
  s += anchor == AnchorConvention::day_zero ? "the anchor is day 0" : "the anchor, if a working day, is day 1";
  s += interval_unit == IntervalUnit::months ? "; months are calendar months (corresponding date, else month end)"
                                             : "; 3 months read as 91 days and 6 months as 183 days";
  if (!early_review_restarts_clock) s += "; an early review does not restart the clock";
  if (!closure_days.empty()) s += "; " + std::to_string(closure_days.size()) + " council closure days";
  return s;
}

}  // namespace iro
