// Policies and policy diffs in the C API (iro.h, "Policies" and "Testing a policy change").
#include <memory>
#include <string_view>

#include "capi_handles.hpp"
#include "capi_internal.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

namespace {

iro_diff_figures figures(const DiffFigures& f) {
  return iro_diff_figures{f.children, f.failed, f.reviews, f.in_time, f.missed, f.overdue};
}

}  // namespace

extern "C" {

IRO_API int32_t iro_policy_new_builtin(const char* name, iro_policy** out) {
  return guard("iro_policy_new_builtin", [&] {
    require(name, "name");
    require(out, "out");
    *out = new iro_policy{Policy::builtin(name)};
  });
}

IRO_API int32_t iro_policy_new_from_file(const char* path, iro_policy** out) {
  return guard("iro_policy_new_from_file", [&] {
    require(path, "path");
    require(out, "out");
    *out = new iro_policy{Policy::from_file(path)};
  });
}

IRO_API int32_t iro_policy_new_with_overrides(const iro_policy* base, const char* json, iro_policy** out) {
  return guard("iro_policy_new_with_overrides", [&] {
    require(base, "base");
    require(json, "json");
    require(out, "out");
    *out = new iro_policy{base->policy.with_overrides_json(json, "overrides")};
  });
}

IRO_API int32_t iro_policy_describe(const iro_policy* policy, const char** out_id, const char** out_source) {
  return guard("iro_policy_describe", [&] {
    require(policy, "policy");
    require(out_id, "out_id");
    require(out_source, "out_source");
    *out_id = policy->policy.id.c_str();
    *out_source = policy->policy.source.c_str();
  });
}

IRO_API int32_t iro_policy_rule(const iro_policy* policy, int32_t rule, int32_t anchor, const char** out_cite,
                                const char** out_text) {
  return guard("iro_policy_rule", [&] {
    require(policy, "policy");
    require(out_cite, "out_cite");
    require(out_text, "out_text");
    if (rule < IRO_RULE_STANDARD_FIRST || rule > IRO_RULE_RETURNED_LOCAL) {
      throw Error(Status::invalid_argument, "rule " + std::to_string(rule) + " is not an IRO_RULE_* value (0-11)");
    }
    const RuleStep& step = policy->policy.step(static_cast<DueRule>(rule), capi::day_arg(anchor, "anchor"));
    *out_cite = step.cite.c_str();
    *out_text = step.text.c_str();
  });
}

IRO_API int32_t iro_policy_add(const iro_policy* policy, const iro_calendar* base, int32_t from, int32_t value,
                               int32_t unit, int32_t* out_day) {
  return guard("iro_policy_add", [&] {
    require(policy, "policy");
    require(base, "base");
    require(out_day, "out_day");
    if (unit < IRO_UNIT_WORKING_DAYS || unit > IRO_UNIT_MONTHS) {
      throw Error(Status::invalid_argument, "unit " + std::to_string(unit) + " is not an IRO_UNIT_* value (0-3)");
    }
    const Date start = capi::day_arg(from, "from");
    const Calendar cal = policy->policy.calendar(base->calendar);
    *out_day = policy->policy.add(start, Interval{value, static_cast<Unit>(unit)}, cal).days();
  });
}

IRO_API void iro_policy_free(iro_policy* policy) { delete policy; }

IRO_API int32_t iro_policy_diff_new(const iro_children* children, const iro_policy* a, const iro_policy* b,
                                    const iro_calendar* calendar, int32_t as_of, iro_policy_diff** out) {
  return guard("iro_policy_diff_new", [&] {
    require(children, "children");
    require(a, "a");
    require(b, "b");
    require(calendar, "calendar");
    require(out, "out");
    const Date when = day_arg(as_of, "as_of");
    auto result = std::make_unique<iro_policy_diff>();
    result->diff = diff_policies(children->children, std::vector<Date>(children->children.size(), when), a->policy,
                                 b->policy, calendar->calendar);
    for (const ChildChange& c : result->diff.changed) {
      std::string lines;
      for (const std::string& line : c.changes) lines += (lines.empty() ? "" : "\n") + line;
      result->changes.push_back(std::move(lines));
    }
    result->report = diff_report(result->diff, a->policy.id, b->policy.id);
    *out = result.release();
  });
}

IRO_API void iro_policy_diff_free(iro_policy_diff* diff) { delete diff; }

IRO_API int32_t iro_policy_diff_figures(const iro_policy_diff* diff, iro_diff_figures* out_a, iro_diff_figures* out_b) {
  return guard("iro_policy_diff_figures", [&] {
    require(diff, "diff");
    require(out_a, "out_a");
    require(out_b, "out_b");
    *out_a = figures(diff->diff.a);
    *out_b = figures(diff->diff.b);
  });
}

IRO_API int32_t iro_policy_diff_changed(const iro_policy_diff* diff, size_t* out_count) {
  return guard("iro_policy_diff_changed", [&] {
    require(diff, "diff");
    require(out_count, "out_count");
    *out_count = diff->diff.changed.size();
  });
}

IRO_API int32_t iro_policy_diff_change(const iro_policy_diff* diff, size_t index, size_t* out_child,
                                       const char** out_changes) {
  return guard("iro_policy_diff_change", [&] {
    require(diff, "diff");
    require(out_child, "out_child");
    require(out_changes, "out_changes");
    if (index >= diff->diff.changed.size()) {
      throw Error(Status::not_found, "change " + std::to_string(index) + " is not among the " +
                                         std::to_string(diff->diff.changed.size()) + " changed children");
    }
    *out_child = diff->diff.changed[index].index;
    *out_changes = diff->changes[index].c_str();
  });
}

IRO_API int32_t iro_policy_diff_report(const iro_policy_diff* diff, char* buffer, size_t buffer_size,
                                       size_t* out_needed) {
  return guard("iro_policy_diff_report", [&] {
    require(diff, "diff");
    capi::require_array(buffer, buffer_size, "buffer");
    capi::write_text(diff->report, buffer, buffer_size, out_needed);
  });
}

}  // extern "C"
