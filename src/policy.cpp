#include "iro/policy.hpp"

#include <nlohmann/json.hpp>

#include "iro/error.hpp"
#include "json_util.hpp"

namespace iro {
namespace {

[[noreturn]] void bad(std::string_view source, const std::string& what) {
  throw Error(Status::parse, std::string(source) + ": policy " + what);
}

}  // namespace

const char* interval_unit_name(IntervalUnit unit) noexcept { return unit == IntervalUnit::days ? "days" : "months"; }

Policy Policy::england() { return Policy{}; }

Calendar Policy::calendar(const Calendar& base) const {
  return closure_days.empty() ? base : base.with_closures(closure_days, "Council closure (" + id + ")");
}

Policy Policy::with_overrides_json(std::string_view json, std::string_view source) const {
  const nlohmann::json doc = parse_json_text(json, source);
  if (!doc.is_object()) bad(source, "is not an object");
  Policy p = *this;
  for (const auto& item : doc.items()) {
    const std::string& key = item.key();
    const auto& v = item.value();
    if (key == "anchor_day_counts") {
      if (!v.is_boolean()) bad(source, "anchor_day_counts is not true or false");
      p.anchor = v.get<bool>() ? AnchorConvention::counts_as_day_one : AnchorConvention::day_zero;
    } else if (key == "interval_unit") {
      if (v == "months") p.interval_unit = IntervalUnit::months;
      else if (v == "days") p.interval_unit = IntervalUnit::days;
      else bad(source, "interval_unit " + v.dump() + " is not \"months\" or \"days\"");
    } else if (key == "closure_days") {
      if (!v.is_array()) bad(source, "closure_days is not an array");
      p.closure_days.clear();
      for (std::size_t i = 0; i < v.size(); ++i) {
        p.closure_days.push_back(json_date(v[i], std::string(source) + ": policy closure_days[" + std::to_string(i) + "]"));
      }
    } else if (key == "caseload_band") {
      if (!v.is_array() || v.size() != 2 || !v[0].is_number_integer() || !v[1].is_number_integer() ||
          v[0].get<std::int64_t>() < 0 || v[1].get<std::int64_t>() < v[0].get<std::int64_t>() ||
          v[1].get<std::int64_t>() > 100000) {
        bad(source, "caseload_band " + v.dump() + " is not [low, high] with 0 <= low <= high");
      }
      p.caseload_low = v[0].get<std::int32_t>();
      p.caseload_high = v[1].get<std::int32_t>();
    } else if (key == "ladder") {
      if (!v.is_object()) bad(source, "ladder is not an object");  // read by the dispute rules
    } else {
      bad(source, "has an unknown key \"" + key + "\"");
    }
  }
  return p;
}

std::string Policy::describe() const {
  std::string s = "policy " + id + ": ";
  s += anchor == AnchorConvention::day_zero ? "the anchor is day 0" : "the anchor, if a working day, is day 1";
  s += interval_unit == IntervalUnit::months ? "; months are calendar months (corresponding date, else month end)"
                                             : "; 3 months read as 91 days and 6 months as 183 days";
  if (!closure_days.empty()) s += "; " + std::to_string(closure_days.size()) + " council closure days";
  return s;
}

}  // namespace iro
