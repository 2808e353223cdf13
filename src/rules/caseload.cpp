#include "iro/rules/caseload.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "iro/core/error.hpp"

namespace iro {
namespace {

std::string fixed2(double v) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(2);
  s << v;
  return s.str();
}

}  // namespace

const char* band_name(Band band) noexcept {
  switch (band) {
    case Band::below: return "below";
    case Band::within: return "within";
    case Band::above: return "above";
  }
  return "unknown";
}

Band band_of(double per_fte, const Policy& policy) noexcept {
  if (per_fte < policy.caseload_low) return Band::below;
  if (per_fte > policy.caseload_high) return Band::above;
  return Band::within;
}

std::size_t Roster::add_officer(Officer iro) {
  if (iro.id.empty()) throw Error(Status::invalid_argument, "IRO id: is empty");
  if (!valid_fte(iro.fte)) {
    throw Error(Status::invalid_argument,
                "IRO " + quote(iro.id) + " fte: " + fixed2(iro.fte) + " is not in (0, 1] (a full-time equivalent)");
  }
  if (iro.start && iro.end && *iro.end < *iro.start) {
    throw Error(Status::invalid_argument,
                "IRO " + quote(iro.id) + " end: " + iro.end->iso() + " is before the start " + iro.start->iso());
  }
  if (iro_ids_.count(iro.id) != 0)
    throw Error(Status::invalid_argument, "IRO " + quote(iro.id) + " id: is listed twice");
  iro_ids_.emplace(iro.id, officers_.size());
  officers_.push_back(std::move(iro));
  return officers_.size() - 1;
}

std::size_t Roster::child_slot(const std::string& id) {
  if (id.empty()) throw Error(Status::invalid_argument, "child id: is empty");
  const auto [it, added] = child_ids_.emplace(id, children_.size());
  if (added) {
    CaseChild c;
    c.id = id;
    children_.push_back(std::move(c));
    child_allocations_.emplace_back();
  }
  return it->second;
}

std::size_t Roster::set_child(CaseChild child) {
  const std::size_t i = child_slot(child.id);
  children_[i] = std::move(child);
  return i;
}

void Roster::add_allocation(const std::string& child, const std::string& iro, Date from, std::optional<Date> to) {
  const auto it = iro_ids_.find(iro);
  if (it == iro_ids_.end()) {
    throw Error(Status::not_found,
                "allocation of child " + quote(child) + ": iro " + quote(iro) + " is not on the roster");
  }
  if (to && *to <= from) {
    throw Error(Status::invalid_argument, "allocation of child " + quote(child) + " to " + quote(iro) + ": to " +
                                              to->iso() + " is not after from " + from.iso());
  }
  const std::size_t c = child_slot(child);
  for (std::size_t k : child_allocations_[c]) {
    const Allocation& other = allocations_[k];
    if (allocated_during(other, from, to)) {
      throw Error(Status::invalid_argument, "allocation of child " + quote(child) + " to " + quote(iro) + " from " +
                                                from.iso() + ": the child is already allocated to " +
                                                quote(officers_[other.officer].id) + " from " + other.from.iso() +
                                                (other.to ? " to " + other.to->iso() : std::string(" (open)")) +
                                                " (a child has one IRO at a time)");
    }
  }
  child_allocations_[c].push_back(allocations_.size());
  allocations_.push_back({c, it->second, from, to});
}

void Roster::add_absence(const std::string& iro, Date from, std::optional<Date> to) {
  const auto it = iro_ids_.find(iro);
  if (it == iro_ids_.end()) throw Error(Status::not_found, "absence: iro " + quote(iro) + " is not on the roster");
  if (to && *to < from) {
    throw Error(Status::invalid_argument,
                "absence of " + quote(iro) + ": to " + to->iso() + " is before from " + from.iso());
  }
  absences_.push_back({it->second, from, to});
}

std::optional<std::size_t> Roster::iro_index(const std::string& id) const {
  const auto it = iro_ids_.find(id);
  return it == iro_ids_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> Roster::child_index(const std::string& id) const {
  const auto it = child_ids_.find(id);
  return it == child_ids_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

bool Roster::in_post(std::size_t iro, Date date) const { return iro::in_post(officers_.at(iro), date); }

bool Roster::absent(std::size_t iro, Date date) const {
  return std::any_of(absences_.begin(), absences_.end(),
                     [&](const Absence& a) { return a.officer == iro && absent_on(a, date); });
}

double child_weight(const CaseChild& child, const Policy& policy, Date date) {
  const CaseloadWeights& w = policy.caseload_weights;
  double weight = 1.0;
  if (child.looked_after_since && *child.looked_after_since <= date && date < child.looked_after_since->add_months(3)) {
    weight += w.recently_looked_after - 1.0;
  }
  if (child.placed_far_away) weight += w.placed_far_away - 1.0;
  if (child.in_proceedings) weight += w.in_proceedings - 1.0;
  if (child.placement_moves) weight += w.placement_moves - 1.0;
  return weight;
}

CaseloadCheck check_caseloads(const Roster& roster, const Policy& policy, Date date) {
  return std::move(check_caseloads(roster, policy, std::vector<Date>{date}).front());
}

std::vector<CaseloadCheck> check_caseloads(const Roster& roster, const Policy& policy, const std::vector<Date>& dates) {
  const auto& iros = roster.officers();
  const std::size_t n = iros.size(), days = dates.size();
  std::vector<std::size_t> count(n * days, 0);  // [day * n + officer]
  std::vector<double> weighted(n * days, 0.0);
  const bool all_weights_one =
      policy.caseload_weights.recently_looked_after == 1.0 && policy.caseload_weights.placed_far_away == 1.0 &&
      policy.caseload_weights.in_proceedings == 1.0 && policy.caseload_weights.placement_moves == 1.0;
  for (const Allocation& a : roster.allocations()) {
    for (std::size_t d = 0; d < days; ++d) {
      if (!allocated_on(a, dates[d])) continue;
      ++count[d * n + a.officer];
      weighted[d * n + a.officer] += all_weights_one ? 1.0 : child_weight(roster.children()[a.child], policy, dates[d]);
    }
  }
  // Each IRO's absences, gathered once (Roster::absent() looks through them all for every IRO and date).
  std::vector<std::vector<const Absence*>> away(n);
  for (const Absence& a : roster.absences()) away[a.officer].push_back(&a);
  std::vector<CaseloadCheck> checks(days);
  for (std::size_t d = 0; d < days; ++d) {
    const Date date = dates[d];
    CaseloadCheck& out = checks[d];
    TeamLoad& t = out.team;
    t.date = date;
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
      if (!roster.in_post(i, date)) continue;
      OfficerLoad l;
      l.officer = i;
      l.children = count[d * n + i];
      l.weighted = weighted[d * n + i];
      l.per_fte = static_cast<double>(l.children) / iros[i].fte;
      l.weighted_per_fte = l.weighted / iros[i].fte;
      l.band = band_of(l.per_fte, policy);
      l.absent = std::any_of(away[i].begin(), away[i].end(), [&](const Absence* a) { return absent_on(*a, date); });
      ++t.officers;
      t.children += l.children;
      t.fte += iros[i].fte;
      t.agency += iros[i].agency;
      if (!l.absent) {
        ++t.present;
        t.present_fte += iros[i].fte;
      }
      t.min_per_fte = first ? l.per_fte : std::min(t.min_per_fte, l.per_fte);
      t.max_per_fte = first ? l.per_fte : std::max(t.max_per_fte, l.per_fte);
      first = false;
      (l.band == Band::below ? t.below : l.band == Band::above ? t.above : t.within)++;
      out.officers.push_back(l);
    }
    t.per_fte = t.fte > 0 ? static_cast<double>(t.children) / t.fte : 0.0;
    t.per_present_fte = t.present_fte > 0 ? static_cast<double>(t.children) / t.present_fte : 0.0;
    t.band = band_of(t.per_fte, policy);
  }
  return checks;
}

std::vector<TeamLoad> monthly_series(const Roster& roster, const Policy& policy, Date from, Date to) {
  if (to < from) throw Error(Status::invalid_argument, "series: to " + to.iso() + " is before from " + from.iso());
  const int months = (to.year() - from.year()) * 12 + (to.month() - from.month()) + 1;
  if (months > 600)
    throw Error(Status::invalid_argument, "series: " + std::to_string(months) + " months is more than 600");
  std::vector<Date> ends;
  ends.reserve(static_cast<std::size_t>(months));
  for (int m = 0; m < months; ++m) {
    const Date first = Date::from_ymd(from.year(), from.month(), 1).add_months(m);
    ends.push_back(Date::from_ymd(first.year(), first.month(), days_in_month(first.year(), first.month())));
  }
  std::vector<TeamLoad> out;
  out.reserve(ends.size());
  for (CaseloadCheck& c : check_caseloads(roster, policy, ends)) out.push_back(c.team);
  return out;
}

std::vector<AllocationAdvice> advise_allocation(const Roster& roster, const Policy& policy, Date date,
                                                const std::string& sibling_group, const std::string& attribute) {
  const CaseloadCheck now = check_caseloads(roster, policy, date);
  std::vector<bool> holds_sibling(roster.officers().size(), false);
  if (!sibling_group.empty()) {
    for (const Allocation& a : roster.allocations()) {
      if (allocated_on(a, date) && roster.children()[a.child].sibling_group == sibling_group)
        holds_sibling[a.officer] = true;
    }
  }
  std::vector<AllocationAdvice> out;
  for (const OfficerLoad& l : now.officers) {
    const Officer& r = roster.officers()[l.officer];
    if (l.absent) continue;
    if (!attribute.empty() && std::find(r.attributes.begin(), r.attributes.end(), attribute) == r.attributes.end()) {
      continue;
    }
    AllocationAdvice a;
    a.officer = l.officer;
    a.per_fte_after = static_cast<double>(l.children + 1) / r.fte;
    a.band_after = band_of(a.per_fte_after, policy);
    a.has_sibling = holds_sibling[l.officer];
    out.push_back(a);
  }
  std::stable_sort(out.begin(), out.end(), [](const AllocationAdvice& x, const AllocationAdvice& y) {
    if (x.has_sibling != y.has_sibling) return x.has_sibling;
    return x.per_fte_after < y.per_fte_after;
  });
  for (std::size_t i = 0; i < out.size(); ++i) {
    AllocationAdvice& a = out[i];
    const Officer& r = roster.officers()[a.officer];
    a.why = std::to_string(i + 1) + ". " + r.id + ": " + fixed2(a.per_fte_after) +
            " children per FTE after taking the child (" + band_name(a.band_after) + " the " +
            std::to_string(policy.caseload_low) + "-" + std::to_string(policy.caseload_high) + " band)";
    if (a.has_sibling) a.why += "; already the IRO of a sibling, so siblings keep one IRO";
    if (!attribute.empty()) a.why += "; has the requested attribute " + attribute;
  }
  return out;
}

CoverPlan plan_cover(const Roster& roster, const Policy& policy, const std::string& absent_iro, Date from, Date to) {
  const auto who = roster.iro_index(absent_iro);
  if (!who) throw Error(Status::not_found, "cover: iro " + quote(absent_iro) + " is not on the roster");
  const CaseloadCheck now = check_caseloads(roster, policy, from);
  // Sibling groups (or single children) of the absent IRO, largest first.
  std::map<std::string, std::vector<std::size_t>> groups;
  for (const Allocation& a : roster.allocations()) {
    if (a.officer != *who || !allocated_on(a, from)) continue;
    const CaseChild& c = roster.children()[a.child];
    groups[c.sibling_group.empty() ? "\x01" + c.id : c.sibling_group].push_back(a.child);
  }
  std::vector<std::vector<std::size_t>> units;
  units.reserve(groups.size());
  for (auto& g : groups) units.push_back(std::move(g.second));
  std::stable_sort(units.begin(), units.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
  // The covering IROs: in post and present for the whole absence.
  std::vector<OfficerLoad> loads;
  for (const OfficerLoad& l : now.officers) {
    if (l.officer == *who) continue;
    bool away = false;
    for (const Absence& a : roster.absences()) {
      away = away || (a.officer == l.officer && absent_during(a, from, to));
    }
    if (!away && roster.in_post(l.officer, to)) loads.push_back(l);
  }
  if (loads.empty() && !units.empty()) {
    throw Error(Status::rule_violation,
                "cover: no other IRO is in post and present from " + from.iso() + " to " + to.iso());
  }
  CoverPlan plan;
  for (const auto& unit : units) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < loads.size(); ++k) {
      const double a = static_cast<double>(loads[k].children + unit.size()) / roster.officers()[loads[k].officer].fte;
      const double b =
          static_cast<double>(loads[best].children + unit.size()) / roster.officers()[loads[best].officer].fte;
      if (a < b) best = k;
    }
    OfficerLoad& l = loads[best];
    for (std::size_t child : unit) {
      plan.moves.push_back({child, l.officer});
      l.weighted += child_weight(roster.children()[child], policy, from);
    }
    l.children += unit.size();
    const double fte = roster.officers()[l.officer].fte;
    l.per_fte = static_cast<double>(l.children) / fte;
    l.weighted_per_fte = l.weighted / fte;
    l.band = band_of(l.per_fte, policy);
  }
  for (const OfficerLoad& l : loads) plan.max_per_fte = std::max(plan.max_per_fte, l.per_fte);
  plan.loads = std::move(loads);
  return plan;
}

namespace {

// Continuity up to @p to; with @p from, of the children allocated on a day from it to @p to, counting only the
// changes that start in that span.
Continuity continuity_in(const Roster& roster, std::optional<Date> from, Date to) {
  Continuity c;
  c.changes_per_child.assign(roster.children().size(), 0);
  std::vector<std::vector<const Allocation*>> history(roster.children().size());
  for (const Allocation& a : roster.allocations()) {
    if (a.from <= to) history[a.child].push_back(&a);
  }
  for (std::size_t i = 0; i < history.size(); ++i) {
    auto& h = history[i];
    // Every allocation here starts on or before `to`; it holds on a day of the span unless it ended by `from`.
    const bool allocated =
        std::any_of(h.begin(), h.end(), [&](const Allocation* a) { return !from || !a->to || *a->to > *from; });
    if (!allocated) continue;
    std::sort(h.begin(), h.end(), [](const Allocation* x, const Allocation* y) { return x->from < y->from; });
    std::size_t changes = 0;
    for (std::size_t k = 1; k < h.size(); ++k) {
      if ((from && h[k]->from < *from) || h[k]->officer == h[k - 1]->officer) continue;
      ++changes;
      c.change_list.push_back({i, h[k]->from, h[k - 1]->officer, h[k]->officer});
    }
    ++c.children;
    c.kept_one_iro += changes == 0;
    c.changes += changes;
    c.changes_per_child[i] = changes;
  }
  return c;
}

}  // namespace

Continuity continuity(const Roster& roster, Date date) { return continuity_in(roster, std::nullopt, date); }

Continuity continuity(const Roster& roster, Date from, Date to) {
  if (to < from) throw Error(Status::invalid_argument, "continuity: to " + to.iso() + " is before from " + from.iso());
  return continuity_in(roster, from, to);
}

}  // namespace iro
