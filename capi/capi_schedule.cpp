// Policies, children and schedules in the C API (iro.h, "Policies" and "Children and their review schedules").
#include <algorithm>
#include <memory>

#include "capi_handles.hpp"
#include "capi_internal.hpp"
#include "iro/data/child_json.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

namespace {

Child& child_arg(iro_children* set, int32_t index) {
  if (index < 0 || static_cast<std::size_t>(index) >= set->children.size()) {
    throw Error(Status::not_found, "child index " + std::to_string(index) + " is not in the set of " +
                                       std::to_string(set->children.size()) + " children");
  }
  return set->children[static_cast<std::size_t>(index)];
}

Regime regime_arg(int32_t regime) {
  if (regime < IRO_REGIME_STANDARD || regime > IRO_REGIME_ADOPTION_AUTHORISED) {
    throw Error(Status::invalid_argument, "regime " + std::to_string(regime) + " is not an IRO_REGIME_* value (0-3)");
  }
  return static_cast<Regime>(regime);
}

std::size_t child_index(const iro_schedules* s, std::size_t child) {
  if (child >= s->children.size()) {
    throw Error(Status::not_found, "child index " + std::to_string(child) + " is not among the " +
                                       std::to_string(s->children.size()) + " children evaluated");
  }
  return child;
}

iro_child_schedule summarise(const Schedule& s) {
  iro_child_schedule c{};
  c.status = IRO_OK;
  c.reviews = static_cast<int32_t>(s.reviews.size());
  c.missed = static_cast<int32_t>(s.missed.size());
  c.next_due = c.next_anchor = c.midway = c.book_by = c.report_due = IRO_NO_DATE;
  c.next_regime = c.next_rule = -1;
  if (s.next) {
    c.next_due = s.next->due.date.days();
    c.next_number = s.next->number;
    c.next_regime = static_cast<int32_t>(s.next->regime);
    c.next_rule = static_cast<int32_t>(s.next->due.rule);
    c.next_anchor = s.next->due.anchor.days();
    c.overdue = s.next->overdue ? 1 : 0;
    c.midway = s.next->midway.days();
    c.book_by = s.next->book_by.days();
    c.report_due = s.next->report_due.days();
  }
  return c;
}

template <class Item, class Native, class Convert>
void copy_out(const std::vector<Item>& all, const std::vector<std::size_t>& offset, std::size_t child, Native* out,
              std::size_t capacity, std::size_t* out_count, Convert convert) {
  const auto first = all.begin() + static_cast<std::ptrdiff_t>(offset[child]);
  const auto last = all.begin() + static_cast<std::ptrdiff_t>(offset[child + 1]);
  capi::fill_array(first, last, out, capacity, out_count, convert);
}

// Evaluates every child into @p out, reusing its storage. On failure (only for an as-of date or a closure
// day outside the calendar) @p out is left empty.
void evaluate_into(const iro_children& set, const iro_policy& policy, const iro_calendar& calendar, Date when,
                   iro_schedules& out) {
  out.children.clear();
  out.errors.clear();
  out.reviews.clear();
  out.due_extras.clear();
  out.next.clear();
  out.missed.clear();
  out.review_offset.clear();
  out.missed_offset.clear();
  out.ids.clear();
  out.index_of.clear();
  if (when < calendar.calendar.range_first() || when > calendar.calendar.range_last()) {
    throw Error(Status::out_of_range, "as_of " + when.iso() + " is outside the calendar's range " +
                                          calendar.calendar.range_first().iso() + " to " +
                                          calendar.calendar.range_last().iso());
  }
  out.policy = policy.policy;
  out.as_of = when;
  out.calendar = policy.policy.calendar(calendar.calendar);
  const std::size_t n = set.children.size();
  std::size_t held = 0;
  for (const Child& c : set.children) held += c.reviews.size();
  out.children.reserve(n);
  out.reviews.reserve(held);
  out.next.reserve(n);
  out.missed.reserve(n);
  out.review_offset.reserve(n + 1);
  out.missed_offset.reserve(n + 1);
  out.ids.reserve(n);
  out.index_of.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.ids.push_back(set.children[i].id);
    out.index_of.emplace(set.children[i].id, i);  // keeps the first of a repeated id
  }
  out.review_offset.push_back(0);
  out.missed_offset.push_back(0);
  Schedule s;
  for (std::size_t i = 0; i < n; ++i) {
    try {
      evaluate(set.children[i], out.policy, out.calendar, when, s);
      // Refused before anything of the child is stored: a child is listed once, evaluated or failed.
      for (const ReviewResult& r : s.reviews) {
        if (r.number > INT16_MAX) throw Error(Status::invalid_argument, "more than 32767 reviews in one chain");
      }
      out.children.push_back(summarise(s));
      for (const ReviewResult& r : s.reviews) {
        const bool plain = due_is_plain(r.due);
        if (!plain) out.due_extras.emplace_back(out.reviews.size(), r.due);
        out.reviews.push_back(
            {r.date.days(), r.due.date.days(), r.due.anchor.days(), r.due.chain_start.days(), r.days_late,
             r.record_due.days(), static_cast<std::int16_t>(r.number), static_cast<std::int8_t>(r.regime),
             static_cast<std::int8_t>(r.due.rule), static_cast<std::int8_t>(r.participation),
             static_cast<std::int8_t>(r.due.started),
             static_cast<std::uint8_t>((r.on_chain_start ? iro_stored_on_chain_start : 0) |
                                       (plain ? 0 : iro_stored_has_extra) | (r.on_time ? iro_stored_on_time : 0))});
      }
      out.next.push_back(
          {s.next ? std::optional<Due>(s.next->due) : std::nullopt, s.why, s.care_ended, s.would_be_due});
      out.missed.insert(out.missed.end(), s.missed.begin(), s.missed.end());
    } catch (const Error& e) {
      iro_child_schedule failed = summarise(Schedule{});
      failed.status = static_cast<int32_t>(e.status());
      out.children.push_back(failed);
      out.next.push_back({});
      out.errors.emplace_back(i, e.what());
    }
    out.review_offset.push_back(out.reviews.size());
    out.missed_offset.push_back(out.missed.size());
  }
}

const char* child_error(const iro_schedules& s, std::size_t child) {
  const auto it =
      std::lower_bound(s.errors.begin(), s.errors.end(), child,
                       [](const std::pair<std::size_t, std::string>& e, std::size_t c) { return e.first < c; });
  return it != s.errors.end() && it->first == child ? it->second.c_str() : "";
}

}  // namespace

extern "C" {

IRO_API int32_t iro_children_new(iro_children** out) {
  return guard("iro_children_new", [&] {
    require(out, "out");
    *out = new iro_children{};
  });
}

IRO_API void iro_children_free(iro_children* children) { delete children; }

IRO_API int32_t iro_children_add(iro_children* children, const char* id, int32_t dob, int32_t* out_index) {
  return guard("iro_children_add", [&] {
    require(children, "children");
    require(id, "id");
    require(out_index, "out_index");
    if (children->children.size() >= static_cast<std::size_t>(INT32_MAX)) {
      throw Error(Status::invalid_argument, "the set already holds the most children an int32_t index can name");
    }
    Child c;
    c.id = id;
    if (dob != IRO_NO_DATE) c.dob = day_arg(dob, "dob");
    children->children.push_back(std::move(c));
    *out_index = static_cast<int32_t>(children->children.size() - 1);
  });
}

IRO_API int32_t iro_children_add_period(iro_children* children, int32_t child, int32_t start, int32_t end,
                                        int32_t regime) {
  return guard("iro_children_add_period", [&] {
    require(children, "children");
    Child& c = child_arg(children, child);
    Period p;
    p.start = day_arg(start, "start");
    if (end != IRO_NO_DATE) p.end = day_arg(end, "end");
    p.regime = regime_arg(regime);
    c.periods.push_back(std::move(p));
  });
}

IRO_API int32_t iro_children_add_switch(iro_children* children, int32_t child, int32_t day, int32_t regime) {
  return guard("iro_children_add_switch", [&] {
    require(children, "children");
    Child& c = child_arg(children, child);
    if (c.periods.empty()) {
      throw Error(Status::invalid_argument, "child " + quote(c.id) + " has no period to add a switch to");
    }
    c.periods.back().switches.push_back({day_arg(day, "day"), regime_arg(regime)});
  });
}

IRO_API int32_t iro_children_add_reviews(iro_children* children, const int32_t* child, const int32_t* days,
                                         const int32_t* codes, const int32_t* flags, size_t count) {
  return guard("iro_children_add_reviews", [&] {
    require(children, "children");
    capi::require_array(child, count, "child");
    capi::require_array(days, count, "days");
    // Check everything first, so that a bad item adds nothing.
    for (size_t i = 0; i < count; ++i) {
      try {
        child_arg(children, child[i]);
        day_arg(days[i], "day");
        if (codes != nullptr && (codes[i] < IRO_PN_NONE || codes[i] > 7)) {
          throw Error(Status::invalid_argument, "code " + std::to_string(codes[i]) + " is not IRO_PN_NONE or 0-7");
        }
        if (flags != nullptr && (flags[i] & ~IRO_REVIEW_CANCELLED) != 0) {
          throw Error(Status::invalid_argument, "flags " + std::to_string(flags[i]) + " has unknown bits");
        }
      } catch (const Error& e) {
        throw Error(e.status(), "item " + std::to_string(i) + ": " + e.what());
      }
    }
    for (size_t i = 0; i < count; ++i) {
      Review r;
      r.date = Date::from_days_unchecked(days[i]);
      r.participation = codes != nullptr ? static_cast<Participation>(codes[i]) : Participation::none;
      r.cancelled = flags != nullptr && (flags[i] & IRO_REVIEW_CANCELLED) != 0;
      children->children[static_cast<std::size_t>(child[i])].reviews.push_back(r);
    }
  });
}

IRO_API int32_t iro_children_load_json(iro_children* children, const char* path, size_t* out_added) {
  return guard("iro_children_load_json", [&] {
    require(children, "children");
    require(path, "path");
    std::vector<Child> loaded = children_from_file(path).children;
    if (children->children.size() + loaded.size() > static_cast<std::size_t>(INT32_MAX)) {
      throw Error(Status::invalid_argument, "too many children for int32_t indexes");
    }
    children->children.insert(children->children.end(), std::make_move_iterator(loaded.begin()),
                              std::make_move_iterator(loaded.end()));
    if (out_added != nullptr) *out_added = loaded.size();
  });
}

IRO_API int32_t iro_children_count(const iro_children* children, size_t* out_count) {
  return guard("iro_children_count", [&] {
    require(children, "children");
    require(out_count, "out_count");
    *out_count = children->children.size();
  });
}

IRO_API int32_t iro_schedule_evaluate(const iro_children* children, const iro_policy* policy,
                                      const iro_calendar* calendar, int32_t as_of, iro_schedules** out) {
  return guard("iro_schedule_evaluate", [&] {
    require(children, "children");
    require(policy, "policy");
    require(calendar, "calendar");
    require(out, "out");
    auto result = std::make_unique<iro_schedules>(
        iro_schedules{policy->policy, calendar->calendar, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}});
    evaluate_into(*children, *policy, *calendar, day_arg(as_of, "as_of"), *result);
    *out = result.release();
  });
}

IRO_API int32_t iro_schedule_evaluate_into(const iro_children* children, const iro_policy* policy,
                                           const iro_calendar* calendar, int32_t as_of, iro_schedules* reuse) {
  return guard("iro_schedule_evaluate_into", [&] {
    require(children, "children");
    require(policy, "policy");
    require(calendar, "calendar");
    require(reuse, "reuse");
    evaluate_into(*children, *policy, *calendar, day_arg(as_of, "as_of"), *reuse);
  });
}

IRO_API void iro_schedules_free(iro_schedules* schedules) { delete schedules; }

IRO_API int32_t iro_schedules_summary(const iro_schedules* schedules, size_t* out_children, size_t* out_failed,
                                      size_t* out_reviews) {
  return guard("iro_schedules_summary", [&] {
    require(schedules, "schedules");
    require(out_children, "out_children");
    require(out_failed, "out_failed");
    require(out_reviews, "out_reviews");
    std::size_t failed = 0;
    for (const auto& c : schedules->children) failed += c.status != IRO_OK;
    *out_children = schedules->children.size();
    *out_failed = failed;
    *out_reviews = schedules->reviews.size();
  });
}

IRO_API int32_t iro_schedules_child(const iro_schedules* schedules, size_t child, iro_child_schedule* out) {
  return guard("iro_schedules_child", [&] {
    require(schedules, "schedules");
    require(out, "out");
    *out = schedules->children[child_index(schedules, child)];
  });
}

IRO_API int32_t iro_schedules_child_error(const iro_schedules* schedules, size_t child, const char** out_message) {
  return guard("iro_schedules_child_error", [&] {
    require(schedules, "schedules");
    require(out_message, "out_message");
    *out_message = child_error(*schedules, child_index(schedules, child));
  });
}

IRO_API int32_t iro_schedules_reviews(const iro_schedules* schedules, size_t child, iro_review_result* out,
                                      size_t capacity, size_t* out_count) {
  return guard("iro_schedules_reviews", [&] {
    require(schedules, "schedules");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    copy_out(schedules->reviews, schedules->review_offset, child_index(schedules, child), out, capacity, out_count,
             [](const iro_stored_review& r) {
               return iro_review_result{r.day,
                                        r.number,
                                        r.regime,
                                        r.due,
                                        r.rule,
                                        r.anchor,
                                        (r.flags & iro_stored_on_time) != 0 ? 1 : 0,
                                        r.days_late,
                                        r.record_due,
                                        r.participation};
             });
  });
}

IRO_API int32_t iro_schedules_child_id(const iro_schedules* schedules, size_t child, const char** out_id) {
  return guard("iro_schedules_child_id", [&] {
    require(schedules, "schedules");
    require(out_id, "out_id");
    *out_id = schedules->ids[child_index(schedules, child)].c_str();
  });
}

IRO_API int32_t iro_schedules_find(const iro_schedules* schedules, const char* id, size_t* out_child) {
  return guard("iro_schedules_find", [&] {
    require(schedules, "schedules");
    require(id, "id");
    require(out_child, "out_child");
    const auto it = schedules->index_of.find(id);
    if (it == schedules->index_of.end()) {
      throw Error(Status::not_found, "no child " + quote(id) + " among the " + std::to_string(schedules->ids.size()) +
                                         " children evaluated");
    }
    *out_child = it->second;
  });
}

IRO_API int32_t iro_schedules_review_columns(const iro_schedules* schedules, const iro_review_columns* columns,
                                             size_t capacity, size_t* out_count) {
  return guard("iro_schedules_review_columns", [&] {
    require(schedules, "schedules");
    require(columns, "columns");
    require(out_count, "out_count");
    capi::require_room(schedules->reviews.size(), capacity, out_count, "reviews");
    const iro_review_columns& c = *columns;
    const bool any = c.child || c.day || c.number || c.regime || c.due || c.rule || c.anchor || c.on_time ||
                     c.days_late || c.record_due || c.participation;
    if (capacity > 0 && !any) throw Error(Status::invalid_argument, "capacity > 0 but every column is NULL");
    const auto put = [](int32_t* column, std::size_t i, int32_t value) {
      if (column != nullptr) column[i] = value;
    };
    for (std::size_t child = 0; child + 1 < schedules->review_offset.size(); ++child) {
      for (std::size_t i = schedules->review_offset[child]; i < schedules->review_offset[child + 1]; ++i) {
        const iro_stored_review& r = schedules->reviews[i];
        put(c.child, i, static_cast<int32_t>(child));
        put(c.day, i, r.day);
        put(c.number, i, r.number);
        put(c.regime, i, r.regime);
        put(c.due, i, r.due);
        put(c.rule, i, r.rule);
        put(c.anchor, i, r.anchor);
        put(c.on_time, i, (r.flags & iro_stored_on_time) != 0 ? 1 : 0);
        put(c.days_late, i, r.days_late);
        put(c.record_due, i, r.record_due);
        put(c.participation, i, r.participation);
      }
    }
  });
}

IRO_API int32_t iro_schedules_missed_columns(const iro_schedules* schedules, const iro_missed_columns* columns,
                                             size_t capacity, size_t* out_count) {
  return guard("iro_schedules_missed_columns", [&] {
    require(schedules, "schedules");
    require(columns, "columns");
    require(out_count, "out_count");
    capi::require_room(schedules->missed.size(), capacity, out_count, "missed dates");
    const iro_missed_columns& c = *columns;
    if (capacity > 0 && !(c.child || c.due || c.rule || c.anchor || c.regime)) {
      throw Error(Status::invalid_argument, "capacity > 0 but every column is NULL");
    }
    const auto put = [](int32_t* column, std::size_t i, int32_t value) {
      if (column != nullptr) column[i] = value;
    };
    for (std::size_t child = 0; child + 1 < schedules->missed_offset.size(); ++child) {
      for (std::size_t i = schedules->missed_offset[child]; i < schedules->missed_offset[child + 1]; ++i) {
        const MissedReview& m = schedules->missed[i];
        put(c.child, i, static_cast<int32_t>(child));
        put(c.due, i, m.due.date.days());
        put(c.rule, i, static_cast<int32_t>(m.due.rule));
        put(c.anchor, i, m.due.anchor.days());
        put(c.regime, i, static_cast<int32_t>(m.regime));
      }
    }
  });
}

IRO_API int32_t iro_schedules_missed(const iro_schedules* schedules, size_t child, iro_missed_review* out,
                                     size_t capacity, size_t* out_count) {
  return guard("iro_schedules_missed", [&] {
    require(schedules, "schedules");
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    copy_out(schedules->missed, schedules->missed_offset, child_index(schedules, child), out, capacity, out_count,
             [](const MissedReview& m) {
               return iro_missed_review{m.due.date.days(), static_cast<int32_t>(m.due.rule), m.due.anchor.days(),
                                        static_cast<int32_t>(m.regime)};
             });
  });
}

IRO_API int32_t iro_schedules_explain(const iro_schedules* schedules, size_t child, int32_t review, char* buffer,
                                      size_t buffer_size, size_t* out_needed) {
  return guard("iro_schedules_explain", [&] {
    require(schedules, "schedules");
    capi::require_array(buffer, buffer_size, "buffer");
    const std::size_t i = child_index(schedules, child);
    const std::size_t count = schedules->review_offset[i + 1] - schedules->review_offset[i];
    std::string text;
    if (review == -1) {
      const std::string error = child_error(*schedules, i);
      if (!error.empty()) throw Error(Status::not_found, "child " + std::to_string(i) + " has no schedule: " + error);
      const iro_stored_next& n = schedules->next[i];
      Schedule s;
      if (n.due) {
        s.next = NextReview{};
        s.next->due = *n.due;
      }
      s.why = n.why;
      s.care_ended = n.care_ended;
      s.would_be_due = n.would_be_due;
      text = explain_next(s, schedules->policy, schedules->calendar, schedules->as_of);
    } else if (review >= 0 && static_cast<std::size_t>(review) < count) {
      const std::size_t at = schedules->review_offset[i] + static_cast<std::size_t>(review);
      const iro_stored_review& r = schedules->reviews[at];
      ReviewResult result;
      result.date = Date::from_days_unchecked(r.day);
      if (r.flags & iro_stored_has_extra) {
        const auto extra =
            std::lower_bound(schedules->due_extras.begin(), schedules->due_extras.end(), at,
                             [](const std::pair<std::size_t, Due>& e, std::size_t index) { return e.first < index; });
        if (extra == schedules->due_extras.end() || extra->first != at) {
          throw Error(Status::internal, "review " + std::to_string(at) + " lost its explanation");
        }
        result.due = extra->second;
      } else {
        result.due.date = Date::from_days_unchecked(r.due);
        result.due.rule = static_cast<DueRule>(r.rule);
        result.due.anchor = Date::from_days_unchecked(r.anchor);
        result.due.started = static_cast<ChainStart>(r.started);
        result.due.chain_start = Date::from_days_unchecked(r.chain_start);
        result.due.statutory = result.due.date;
        result.due.statutory_anchor = result.due.anchor;
      }
      result.on_chain_start = (r.flags & iro_stored_on_chain_start) != 0;
      text = explain(result, schedules->policy, schedules->calendar);
    } else {
      throw Error(Status::not_found, "review " + std::to_string(review) + " is not among the child's " +
                                         std::to_string(count) + " reviews (or -1 for the next)");
    }
    capi::write_text(text, buffer, buffer_size, out_needed);
  });
}

}  // extern "C"
