// Dispute registers in the C API (iro.h, "Disputes and the escalation ladder").
#include "capi_handles.hpp"
#include "capi_internal.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

namespace {

int32_t day_or_none(const std::optional<Date>& d) { return d ? d->days() : IRO_NO_DATE; }

std::size_t dispute_arg(const iro_disputes* d, const char* id) {
  require(id, "id");
  const auto i = d->reg.index(id);
  if (!i) throw Error(Status::not_found, "dispute " + quote(id) + " is not in the register");
  return *i;
}

}  // namespace

extern "C" {

IRO_API int32_t iro_disputes_new(const iro_policy* policy, const iro_calendar* calendar, iro_disputes** out) {
  return guard("iro_disputes_new", [&] {
    require(policy, "policy");
    require(calendar, "calendar");
    require(out, "out");
    *out = new iro_disputes{DisputeRegister(policy->policy, policy->policy.calendar(calendar->calendar))};
  });
}

IRO_API void iro_disputes_free(iro_disputes* disputes) { delete disputes; }

IRO_API int32_t iro_disputes_add(iro_disputes* disputes, const char* id, const char* child, const char* officer,
                                 const char* category) {
  return guard("iro_disputes_add", [&] {
    require(disputes, "disputes");
    require(id, "id");
    require(child, "child");
    require(officer, "officer");
    require(category, "category");
    // A sibling group or several categories: values separated by ';' ("101;102", "A1;A13").
    const auto list = [&](const char* text, const char* what) {
      std::vector<std::string> items = split_dispute_list(text);
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].empty()) {
          throw Error(Status::invalid_argument, std::string(what) + " " + quote(text) + ": item " +
                                                    std::to_string(i + 1) + " of " + std::to_string(items.size()) +
                                                    " is empty (separate values with one ';')");
        }
      }
      return items;
    };
    disputes->reg.add(id, list(child, "child"), officer, list(category, "category"));
  });
}

IRO_API int32_t iro_disputes_add_event(iro_disputes* disputes, const char* id, int32_t day, int32_t action,
                                       const char* stage) {
  return guard("iro_disputes_add_event", [&] {
    require(disputes, "disputes");
    require(id, "id");
    if (action < IRO_ACTION_RAISE || action > IRO_ACTION_REFER_CAFCASS) {
      throw Error(Status::invalid_argument, "action " + std::to_string(action) + " is not an IRO_ACTION_* value (0-4)");
    }
    disputes->reg.add_event(id,
                            DisputeEvent{day_arg(day, "day"), static_cast<DisputeAction>(action), stage ? stage : ""});
  });
}

IRO_API int32_t iro_disputes_load_csv(iro_disputes* disputes, const char* path) {
  return guard("iro_disputes_load_csv", [&] {
    require(disputes, "disputes");
    require(path, "path");
    load_disputes_csv(disputes->reg, path);
  });
}

IRO_API int32_t iro_disputes_count(const iro_disputes* disputes, size_t* out_count) {
  return guard("iro_disputes_count", [&] {
    require(disputes, "disputes");
    require(out_count, "out_count");
    *out_count = disputes->reg.disputes().size();
  });
}

IRO_API int32_t iro_disputes_state(const iro_disputes* disputes, const char* id, int32_t as_of,
                                   iro_dispute_state* out) {
  return guard("iro_disputes_state", [&] {
    require(disputes, "disputes");
    require(out, "out");
    const DisputeState s = disputes->reg.state(dispute_arg(disputes, id), day_arg(as_of, "as_of"));
    *out = iro_dispute_state{static_cast<int32_t>(s.status),
                             s.stage ? static_cast<int32_t>(*s.stage) : -1,
                             day_or_none(s.raised),
                             day_or_none(s.stage_entered),
                             day_or_none(s.response_due),
                             day_or_none(s.formal_deadline),
                             day_or_none(s.closed),
                             day_or_none(s.cafcass_referred),
                             s.overdue ? 1 : 0};
  });
}

IRO_API int32_t iro_disputes_stage_name(const iro_disputes* disputes, int32_t stage, const char** out_name) {
  return guard("iro_disputes_stage_name", [&] {
    require(disputes, "disputes");
    require(out_name, "out_name");
    const auto& stages = disputes->reg.policy().ladder.stages;
    if (stage < 0 || static_cast<std::size_t>(stage) >= stages.size()) {
      throw Error(Status::not_found,
                  "stage " + std::to_string(stage) + " is not one of the ladder's " + std::to_string(stages.size()));
    }
    *out_name = stages[static_cast<std::size_t>(stage)].name.c_str();
  });
}

IRO_API int32_t iro_disputes_figures(const iro_disputes* disputes, int32_t from, int32_t to, iro_dispute_figures* out) {
  return guard("iro_disputes_figures", [&] {
    require(disputes, "disputes");
    require(out, "out");
    const DisputeFigures f = disputes->reg.figures(day_arg(from, "from"), day_arg(to, "to"));
    *out = iro_dispute_figures{
        f.raised, f.informal_raised, f.became_formal,       f.resolved,        f.withdrawn, f.cafcass,
        f.open,   f.overdue,         f.median_working_days, f.p90_working_days};
  });
}

IRO_API int32_t iro_disputes_resolved_at(const iro_disputes* disputes, int32_t from, int32_t to, size_t* out_counts,
                                         size_t capacity, size_t* out_count) {
  return guard("iro_disputes_resolved_at", [&] {
    require(disputes, "disputes");
    capi::require_array(out_counts, capacity, "out_counts");
    require(out_count, "out_count");
    const DisputeFigures f = disputes->reg.figures(day_arg(from, "from"), day_arg(to, "to"));
    const auto& stages = disputes->reg.policy().ladder.stages;
    *out_count = stages.size();
    if (capacity < stages.size()) {
      throw Error(Status::buffer_too_small, "capacity " + std::to_string(capacity) + " is too small: the ladder has " +
                                                std::to_string(stages.size()) + " stages");
    }
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const auto it = f.resolved_at.find(stages[i].name);
      out_counts[i] = it == f.resolved_at.end() ? 0 : it->second;
    }
  });
}

}  // extern "C"
