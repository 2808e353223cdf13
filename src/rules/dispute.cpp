#include "iro/rules/dispute.hpp"

#include <algorithm>

#include "core/stats.hpp"
#include "iro/core/error.hpp"

namespace iro {
namespace {

const char* const action_names[] = {"raise", "escalate", "resolve", "withdraw", "refer_cafcass"};
constexpr const char* none_category = "(none)";  // the category of a dispute that names none

std::optional<std::size_t> stage_index(const Ladder& ladder, const std::string& name) {
  for (std::size_t i = 0; i < ladder.stages.size(); ++i) {
    if (ladder.stages[i].name == name) return i;
  }
  return std::nullopt;
}

std::string stage_list(const Ladder& ladder) {
  std::string s;
  for (const LadderStage& st : ladder.stages) s += (s.empty() ? "" : ", ") + st.name;
  return s;
}

// Applies one event to a state; returns "" when accepted, else why it was rejected (state unchanged).
std::string apply(DisputeState& s, const DisputeEvent& e, const Ladder& ladder) {
  const bool open = s.status == DisputeStatus::open;
  if (s.status == DisputeStatus::resolved || s.status == DisputeStatus::withdrawn) {
    return std::string("the dispute was ") + status_name(s.status) + " on " + s.closed->iso();
  }
  const auto enter = [&](std::size_t stage, Date date) {
    s.stage = stage;
    s.stage_entered = date;
    if (ladder.stages[stage].response_working_days && !s.formal_start) s.formal_start = date;
  };
  switch (e.action) {
    case DisputeAction::raise: {
      if (s.status != DisputeStatus::not_raised) return "the dispute was already raised on " + s.raised->iso();
      std::size_t at = 0;
      if (!e.stage.empty()) {
        const auto i = stage_index(ladder, e.stage);
        if (!i) return "no stage " + quote(e.stage) + " in the ladder (" + stage_list(ladder) + ")";
        if (*i > 0 && !ladder.bypass) return "the ladder does not allow starting above its first stage (no bypass)";
        at = *i;
      }
      s.status = DisputeStatus::open;
      s.raised = e.date;
      enter(at, e.date);
      return "";
    }
    case DisputeAction::escalate: {
      if (!open) return "the dispute has not been raised";
      std::size_t to = *s.stage + 1;
      if (!e.stage.empty()) {
        const auto i = stage_index(ladder, e.stage);
        if (!i) return "no stage " + quote(e.stage) + " in the ladder (" + stage_list(ladder) + ")";
        if (*i <= *s.stage)
          return "stage " + quote(e.stage) + " is not above the current stage " + quote(ladder.stages[*s.stage].name);
        if (*i > to && !ladder.bypass)
          return "the ladder does not allow skipping stages (no bypass) to " + quote(e.stage);
        to = *i;
      }
      if (to >= ladder.stages.size()) return "there is no stage above " + quote(ladder.stages[*s.stage].name);
      enter(to, e.date);
      return "";
    }
    case DisputeAction::resolve:
    case DisputeAction::withdraw:
      if (!open) return "the dispute has not been raised";
      s.status = e.action == DisputeAction::resolve ? DisputeStatus::resolved : DisputeStatus::withdrawn;
      s.closed = e.date;
      return "";
    case DisputeAction::refer_cafcass:
      if (!open) return "the dispute has not been raised";
      if (s.cafcass_referred) return "already referred to Cafcass on " + s.cafcass_referred->iso();
      if (!ladder.cafcass_any_stage && *s.stage + 1 != ladder.stages.size()) {
        return "the ladder allows a Cafcass referral only at its last stage";
      }
      s.cafcass_referred = e.date;
      return "";
  }
  return "unknown action";
}

void finish(DisputeState& s, const Ladder& ladder, const Calendar& cal, Date as_of) {
  if (s.status == DisputeStatus::open) {
    const auto& days = ladder.stages[*s.stage].response_working_days;
    if (days) s.response_due = cal.add_working_days(*s.stage_entered, *days);
  }
  if (s.formal_start) s.formal_deadline = cal.add_working_days(*s.formal_start, ladder.formal_limit_working_days);
  s.overdue = s.status == DisputeStatus::open &&
              ((s.response_due && as_of > *s.response_due) || (s.formal_deadline && as_of > *s.formal_deadline));
}

}  // namespace

bool NaturalLess::operator()(std::string_view a, std::string_view b) const noexcept {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      // Compare the two runs of digits by value: leading zeros skipped, then length, then digits.
      std::size_t ei = i, ej = j;
      while (ei < a.size() && digit(a[ei])) ++ei;
      while (ej < b.size() && digit(b[ej])) ++ej;
      std::size_t si = i, sj = j;
      while (si + 1 < ei && a[si] == '0') ++si;
      while (sj + 1 < ej && b[sj] == '0') ++sj;
      if (ei - si != ej - sj) return ei - si < ej - sj;
      const int c = a.substr(si, ei - si).compare(b.substr(sj, ej - sj));
      if (c != 0) return c < 0;
      i = ei;
      j = ej;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  if (i < a.size() || j < b.size()) return i == a.size();  // a prefix first
  return a < b;                                            // equal in value ("A01", "A1"): by bytes
}

std::vector<std::string> split_dispute_list(std::string_view list) {
  std::vector<std::string> items;
  if (list.find_first_not_of(" \t") == std::string_view::npos) return items;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = list.find(';', start);
    std::string_view item = list.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const std::size_t first = item.find_first_not_of(" \t");
    item = first == std::string_view::npos ? std::string_view()
                                           : item.substr(first, item.find_last_not_of(" \t") - first + 1);
    items.emplace_back(item);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return items;
}

std::string Dispute::children_text() const {
  std::string s;
  for (const std::string& c : children) s += (s.empty() ? "" : ";") + c;
  return s;
}

std::string Dispute::categories_text() const {
  if (categories.empty()) return "(none)";
  std::string s;
  for (const std::string& c : categories) s += (s.empty() ? "" : ";") + c;
  return s;
}

const char* action_name(DisputeAction action) noexcept {
  const int i = static_cast<int>(action);
  return i >= 0 && i <= 4 ? action_names[i] : "unknown";
}

std::optional<DisputeAction> action_from_name(std::string_view name) noexcept {
  for (int i = 0; i <= 4; ++i) {
    if (name == action_names[i]) return static_cast<DisputeAction>(i);
  }
  return std::nullopt;
}

const char* status_name(DisputeStatus status) noexcept {
  switch (status) {
    case DisputeStatus::not_raised: return "not_raised";
    case DisputeStatus::open: return "open";
    case DisputeStatus::resolved: return "resolved";
    case DisputeStatus::withdrawn: return "withdrawn";
  }
  return "unknown";
}

DisputeState replay_dispute(const std::vector<DisputeEvent>& events, const Ladder& ladder, const Calendar& calendar,
                            Date as_of) {
  if (ladder.stages.empty()) throw Error(Status::invalid_argument, "the escalation ladder has no stages");
  DisputeState s;
  std::optional<Date> previous;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const DisputeEvent& e = events[i];
    if (e.date > as_of) continue;  // not known yet
    std::string why;
    if (previous && e.date < *previous)
      why = "dated " + e.date.iso() + ", before the event before it (" + previous->iso() + ")";
    previous = e.date;
    if (why.empty()) why = apply(s, e, ladder);
    if (!why.empty()) {
      s.rejected.push_back(i);
      s.reasons.push_back("event " + std::to_string(i) + " (" + action_name(e.action) + " on " + e.date.iso() +
                          "): " + why);
    }
  }
  finish(s, ladder, calendar, as_of);
  return s;
}

DisputeRegister::DisputeRegister(Policy policy, Calendar calendar)
    : policy_(std::move(policy)), calendar_(std::move(calendar)) {
  if (policy_.ladder.stages.empty())
    throw Error(Status::invalid_argument, "the policy's escalation ladder has no stages");
}

std::size_t DisputeRegister::add(const std::string& id, const std::string& child, const std::string& iro,
                                 const std::string& category) {
  return add(id, child.empty() ? std::vector<std::string>{} : std::vector<std::string>{child}, iro,
             category.empty() ? std::vector<std::string>{} : std::vector<std::string>{category});
}

std::size_t DisputeRegister::add(const std::string& id, std::vector<std::string> children, const std::string& iro,
                                 std::vector<std::string> categories) {
  if (id.empty()) throw Error(Status::invalid_argument, "dispute id: is empty");
  if (ids_.count(id) != 0) throw Error(Status::invalid_argument, "dispute " + quote(id) + ": id is listed twice");
  const auto each_once = [&](const std::vector<std::string>& items, const char* what) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].empty())
        throw Error(Status::invalid_argument, "dispute " + quote(id) + ": " + what + " " + std::to_string(i + 1) +
                                                  " of " + std::to_string(items.size()) + " is empty");
      for (std::size_t k = 0; k < i; ++k) {
        if (items[k] == items[i])
          throw Error(Status::invalid_argument,
                      "dispute " + quote(id) + ": " + what + " " + quote(items[i]) + " is listed twice");
      }
    }
  };
  each_once(children, "child");
  each_once(categories, "category");
  for (const std::string& category : categories) {
    if (!policy_.dispute_categories.empty() &&
        std::none_of(policy_.dispute_categories.begin(), policy_.dispute_categories.end(),
                     [&](const DisputeCategory& c) { return c.code == category; })) {
      std::string codes;
      for (const DisputeCategory& c : policy_.dispute_categories) codes += (codes.empty() ? "" : ", ") + c.code;
      throw Error(Status::not_found, "dispute " + quote(id) + ": category " + quote(category) +
                                         " is not one of the policy's (" + codes + ")");
    }
  }
  // Children and categories by number, for figures() to count distinct children and issues without hashing:
  // one flat array for every dispute (no allocation of its own per dispute).
  numbered_.push_back(static_cast<std::uint32_t>(numbers_.size()));
  for (const std::string& child : children)
    numbers_.push_back(
        child_numbers_.try_emplace(child, static_cast<std::uint32_t>(child_numbers_.size())).first->second);
  numbered_.push_back(static_cast<std::uint32_t>(numbers_.size()));
  for (const std::string& category : categories) {
    const auto [it, added] =
        category_numbers_.try_emplace(category, static_cast<std::uint32_t>(category_names_.size()));
    if (added) category_names_.push_back(category);
    numbers_.push_back(it->second);
  }
  ids_.emplace(id, disputes_.size());
  disputes_.push_back({id, std::move(children), iro, std::move(categories), {}});
  return disputes_.size() - 1;
}

std::optional<std::size_t> DisputeRegister::index(const std::string& id) const {
  const auto it = ids_.find(id);
  return it == ids_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

void DisputeRegister::add_event(const std::string& id, const DisputeEvent& event) {
  const auto i = index(id);
  if (!i) throw Error(Status::not_found, "dispute " + quote(id) + " is not in the register");
  Dispute& d = disputes_[*i];
  if (!event.stage.empty() && !stage_index(policy_.ladder, event.stage)) {
    throw Error(Status::not_found, "dispute " + quote(id) + ", " + action_name(event.action) + " on " +
                                       event.date.iso() + ": no stage " + quote(event.stage) + " in the ladder (" +
                                       stage_list(policy_.ladder) + ")");
  }
  std::vector<DisputeEvent> trial = d.events;
  trial.push_back(event);
  const DisputeState s = replay_dispute(trial, policy_.ladder, calendar_, Date::max());
  if (!s.rejected.empty()) {
    throw Error(Status::rule_violation, "dispute " + quote(id) + ": " + s.reasons.back());
  }
  d.events.push_back(event);
}

DisputeState DisputeRegister::state(std::size_t index, Date as_of) const {
  return replay_dispute(disputes_.at(index).events, policy_.ladder, calendar_, as_of);
}

DisputeTally DisputeRegister::tally(std::size_t index, Date from, Date to) const {
  if (to < from) throw Error(Status::invalid_argument, "figures: to " + to.iso() + " is before from " + from.iso());
  if (index >= disputes_.size()) {
    throw Error(Status::invalid_argument, "dispute index " + std::to_string(index) + " is out of range (" +
                                              std::to_string(disputes_.size()) + " disputes)");
  }
  const Dispute& d = disputes_[index];
  DisputeTally t;
  const auto in = [&](const std::optional<Date>& day) { return day && from <= *day && *day <= to; };
  const DisputeState s = replay_dispute(d.events, policy_.ladder, calendar_, to);
  t.raised_on = s.raised;
  t.closed_on = s.closed;
  if (in(s.raised)) {
    t.raised = true;
    // Raised at an informal stage: an informal challenge; did it reach a formal stage?
    const DisputeEvent* raise = nullptr;
    for (const DisputeEvent& e : d.events) {
      if (e.action == DisputeAction::raise) raise = &e;
    }
    const std::size_t at = raise && !raise->stage.empty() ? *stage_index(policy_.ladder, raise->stage) : 0;
    if (!policy_.ladder.stages[at].response_working_days) {
      t.informal = true;
      t.became_formal = s.formal_start.has_value();
    }
  }
  t.formal_on = s.formal_start;
  t.formal = in(s.formal_start);
  t.cafcass = in(s.cafcass_referred);
  if (in(s.closed)) {
    if (s.status == DisputeStatus::resolved) {
      t.resolved = true;
      t.stage = policy_.ladder.stages[*s.stage].name;
      t.working_days = calendar_.working_days_between(*s.raised, *s.closed);
    } else {
      t.withdrawn = true;
    }
  }
  if (s.status == DisputeStatus::open) {
    t.open = true;
    t.overdue = s.overdue;
    t.stage = policy_.ladder.stages[*s.stage].name;
  }
  return t;
}

DisputeFigures DisputeRegister::figures(Date from, Date to) const {
  if (to < from) throw Error(Status::invalid_argument, "figures: to " + to.iso() + " is before from " + from.iso());
  DisputeFigures f;
  std::vector<std::int32_t> days;
  // Children and categories by the numbers add() gave them: distinct children by a flag each, categories by
  // a count each (the last count for disputes with none), put in natural order once at the end.
  std::vector<std::uint8_t> seen(child_numbers_.size(), 0);  // 1: in a dispute raised; 2: in one formal
  const std::size_t none = category_names_.size();
  std::vector<std::size_t> raised_by(none + 1, 0), resolved_by(none + 1, 0);
  for (std::size_t i = 0; i < disputes_.size(); ++i) {
    const DisputeTally t = tally(i, from, to);
    // This dispute's numbers: children [first, middle), categories [middle, last).
    const std::uint32_t first = numbered_[2 * i], middle = numbered_[2 * i + 1],
                        last = 2 * i + 2 < numbered_.size() ? numbered_[2 * i + 2]
                                                            : static_cast<std::uint32_t>(numbers_.size());
    const auto each_category = [&](std::vector<std::size_t>& by) {
      if (middle == last) ++by[none];
      for (std::uint32_t k = middle; k < last; ++k) ++by[numbers_[k]];
    };
    const auto each_child = [&](std::uint8_t flag, std::size_t& distinct) {
      for (std::uint32_t k = first; k < middle; ++k) {
        const std::uint32_t c = numbers_[k];
        if ((seen[c] & flag) == 0) ++distinct;
        seen[c] = static_cast<std::uint8_t>(seen[c] | flag);
      }
    };
    f.raised += t.raised;
    if (t.raised) {
      each_category(raised_by);
      f.issues += std::max<std::size_t>(1, last - middle);
      each_child(1, f.children);
    }
    if (t.formal) {
      ++f.formal;
      each_child(2, f.formal_children);
    }
    if (t.resolved) each_category(resolved_by);
    f.informal_raised += t.informal;
    f.became_formal += t.became_formal;
    f.cafcass += t.cafcass;
    f.withdrawn += t.withdrawn;
    if (t.resolved) {
      ++f.resolved;
      ++f.resolved_at[t.stage];
      days.push_back(t.working_days);
    }
    if (t.open) {
      ++f.open;
      f.overdue += t.overdue;
      ++f.open_by_stage[t.stage];
    }
  }
  for (std::size_t c = 0; c <= none; ++c) {
    const std::string code = c == none ? std::string(none_category) : category_names_[c];
    // (+=: a category someone named "(none)" and the disputes with none count together.)
    if (raised_by[c] > 0) f.by_category[code] += raised_by[c];
    if (resolved_by[c] > 0) f.resolved_by_category[code] += resolved_by[c];
  }
  const Spread took = spread(days);
  f.median_working_days = took.median;
  f.p90_working_days = took.p90;
  return f;
}

}  // namespace iro
