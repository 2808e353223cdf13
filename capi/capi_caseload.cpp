// Rosters and caseload checks in the C API (iro.h, "Caseloads").
#include <sstream>

#include "capi_handles.hpp"
#include "capi_internal.hpp"
#include "iro/data/roster_csv.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

namespace {

std::optional<Date> maybe_day(int32_t day, const char* what) {
  if (day == IRO_NO_DATE) return std::nullopt;
  return day_arg(day, what);
}

iro_team_load team(const TeamLoad& t) {
  return iro_team_load{t.date.days(), static_cast<int32_t>(t.band),
                       t.officers,    t.children,
                       t.fte,         t.per_fte,
                       t.min_per_fte, t.max_per_fte,
                       t.below,       t.within,
                       t.above};
}

}  // namespace

extern "C" {

IRO_API int32_t iro_roster_new(iro_roster** out) {
  return guard("iro_roster_new", [&] {
    require(out, "out");
    *out = new iro_roster{};
  });
}

IRO_API void iro_roster_free(iro_roster* roster) { delete roster; }

IRO_API int32_t iro_roster_add_officer(iro_roster* roster, const char* id, double fte, int32_t agency, int32_t start,
                                       int32_t end, const char* attributes) {
  return guard("iro_roster_add_officer", [&] {
    require(roster, "roster");
    require(id, "id");
    Officer r;
    r.id = id;
    r.fte = fte;
    r.agency = agency != 0;
    r.start = maybe_day(start, "start");
    r.end = maybe_day(end, "end");
    if (attributes != nullptr) {
      std::stringstream s(attributes);
      for (std::string a; std::getline(s, a, ';');) {
        if (!a.empty()) r.attributes.push_back(a);
      }
    }
    roster->roster.add_officer(std::move(r));
  });
}

IRO_API int32_t iro_roster_set_child(iro_roster* roster, const char* id, int32_t looked_after_since, int32_t flags,
                                     const char* sibling_group) {
  return guard("iro_roster_set_child", [&] {
    require(roster, "roster");
    require(id, "id");
    if ((flags & ~(IRO_CHILD_PLACED_FAR_AWAY | IRO_CHILD_IN_PROCEEDINGS | IRO_CHILD_PLACEMENT_MOVES)) != 0) {
      throw Error(Status::invalid_argument, "flags " + std::to_string(flags) + " has unknown bits");
    }
    CaseChild c;
    c.id = id;
    c.looked_after_since = maybe_day(looked_after_since, "looked_after_since");
    c.placed_far_away = (flags & IRO_CHILD_PLACED_FAR_AWAY) != 0;
    c.in_proceedings = (flags & IRO_CHILD_IN_PROCEEDINGS) != 0;
    c.placement_moves = (flags & IRO_CHILD_PLACEMENT_MOVES) != 0;
    c.sibling_group = sibling_group != nullptr ? sibling_group : "";
    roster->roster.set_child(std::move(c));
  });
}

IRO_API int32_t iro_roster_add_allocation(iro_roster* roster, const char* child, const char* officer, int32_t from,
                                          int32_t to) {
  return guard("iro_roster_add_allocation", [&] {
    require(roster, "roster");
    require(child, "child");
    require(officer, "officer");
    roster->roster.add_allocation(child, officer, day_arg(from, "from"), maybe_day(to, "to"));
  });
}

IRO_API int32_t iro_roster_add_absence(iro_roster* roster, const char* officer, int32_t from, int32_t to) {
  return guard("iro_roster_add_absence", [&] {
    require(roster, "roster");
    require(officer, "officer");
    roster->roster.add_absence(officer, day_arg(from, "from"), maybe_day(to, "to"));
  });
}

IRO_API int32_t iro_roster_load_csv(iro_roster* roster, int32_t kind, const char* path) {
  return guard("iro_roster_load_csv", [&] {
    require(roster, "roster");
    require(path, "path");
    if (kind < IRO_ROSTER_IROS || kind > IRO_ROSTER_CHILDREN) {
      throw Error(Status::invalid_argument, "kind " + std::to_string(kind) + " is not an IRO_ROSTER_* value (0-3)");
    }
    load_roster_csv(roster->roster, static_cast<RosterFile>(kind), path);
  });
}

IRO_API int32_t iro_roster_counts(const iro_roster* roster, size_t* out_officers, size_t* out_children,
                                  size_t* out_allocations) {
  return guard("iro_roster_counts", [&] {
    require(roster, "roster");
    require(out_officers, "out_officers");
    require(out_children, "out_children");
    require(out_allocations, "out_allocations");
    *out_officers = roster->roster.officers().size();
    *out_children = roster->roster.children().size();
    *out_allocations = roster->roster.allocations().size();
  });
}

IRO_API int32_t iro_roster_id(const iro_roster* roster, int32_t is_child, size_t index, const char** out_id) {
  return guard("iro_roster_id", [&] {
    require(roster, "roster");
    require(out_id, "out_id");
    const std::size_t size = is_child ? roster->roster.children().size() : roster->roster.officers().size();
    if (index >= size) {
      throw Error(Status::not_found, std::string(is_child ? "child" : "IRO") + " index " + std::to_string(index) +
                                         " is not among the " + std::to_string(size));
    }
    *out_id = is_child ? roster->roster.children()[index].id.c_str() : roster->roster.officers()[index].id.c_str();
  });
}

IRO_API int32_t iro_caseload_check(const iro_roster* roster, const iro_policy* policy, int32_t day,
                                   iro_officer_load* out, size_t capacity, size_t* out_count, iro_team_load* out_team) {
  return guard("iro_caseload_check", [&] {
    require(roster, "roster");
    require(policy, "policy");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const CaseloadCheck c = check_caseloads(roster->roster, policy->policy, day_arg(day, "day"));
    capi::fill_array(c.officers.begin(), c.officers.end(), out, capacity, out_count, [](const OfficerLoad& l) {
      return iro_officer_load{l.officer,       l.children,         l.weighted,
                              l.per_fte,       l.weighted_per_fte, static_cast<int32_t>(l.band),
                              l.absent ? 1 : 0};
    });
    if (out_team != nullptr) *out_team = team(c.team);
  });
}

IRO_API int32_t iro_caseload_series(const iro_roster* roster, const iro_policy* policy, int32_t from, int32_t to,
                                    iro_team_load* out, size_t capacity, size_t* out_count) {
  return guard("iro_caseload_series", [&] {
    require(roster, "roster");
    require(policy, "policy");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const auto series = monthly_series(roster->roster, policy->policy, day_arg(from, "from"), day_arg(to, "to"));
    capi::fill_array(series.begin(), series.end(), out, capacity, out_count, team);
  });
}

IRO_API int32_t iro_caseload_advise(const iro_roster* roster, const iro_policy* policy, int32_t day,
                                    const char* sibling_group, const char* attribute, iro_allocation_advice* out,
                                    size_t capacity, size_t* out_count) {
  return guard("iro_caseload_advise", [&] {
    require(roster, "roster");
    require(policy, "policy");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const auto ranked = advise_allocation(roster->roster, policy->policy, day_arg(day, "day"),
                                          sibling_group ? sibling_group : "", attribute ? attribute : "");
    capi::fill_array(ranked.begin(), ranked.end(), out, capacity, out_count, [](const AllocationAdvice& a) {
      return iro_allocation_advice{a.officer, a.per_fte_after, static_cast<int32_t>(a.band_after),
                                   a.has_sibling ? 1 : 0};
    });
  });
}

IRO_API int32_t iro_caseload_cover(const iro_roster* roster, const iro_policy* policy, const char* absent_officer,
                                   int32_t from, int32_t to, iro_cover_move* out, size_t capacity, size_t* out_count,
                                   double* out_max_per_fte) {
  return guard("iro_caseload_cover", [&] {
    require(roster, "roster");
    require(policy, "policy");
    require(absent_officer, "absent_officer");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const CoverPlan plan =
        plan_cover(roster->roster, policy->policy, absent_officer, day_arg(from, "from"), day_arg(to, "to"));
    capi::fill_array(plan.moves.begin(), plan.moves.end(), out, capacity, out_count, [](const CoverMove& m) {
      return iro_cover_move{m.child, m.to};
    });
    if (out_max_per_fte != nullptr) *out_max_per_fte = plan.max_per_fte;
  });
}

IRO_API int32_t iro_caseload_continuity(const iro_roster* roster, int32_t day, iro_continuity* out) {
  return guard("iro_caseload_continuity", [&] {
    require(roster, "roster");
    require(out, "out");
    const Continuity c = continuity(roster->roster, day_arg(day, "day"));
    *out = iro_continuity{c.children, c.kept_one_iro, c.changes};
  });
}

}  // extern "C"
