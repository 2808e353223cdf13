// libFuzzer target over the C API itself: the input is a program of calls (create, fill, evaluate, read,
// report, free) on a few slots of each handle kind, with hostile arguments mixed in (NULL handles and
// arrays, huge capacities and counts, out-of-range indexes, dates and enum values, unterminated-looking
// ids). Every call must return a status; none may crash, leak (LeakSanitizer) or touch memory it does not
// own (AddressSanitizer). Invariants checked on the way: a refused call leaves its out-handle NULL, and a
// count read twice is the same.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "iro.h"

namespace {

// An invariant of the C API; a failure aborts, so libFuzzer keeps the input as a crash.
void check(bool ok, const char* invariant) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", invariant);
    std::abort();
  }
}

// Reads the program's bytes; past the end every read is 0.
struct Reader {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t at = 0;
  bool done() const { return at >= size; }
  std::uint8_t byte() { return at < size ? data[at++] : 0; }
  std::int32_t i32() {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = (v << 8) | byte();
    return static_cast<std::int32_t>(v);
  }
  // A day: mostly plausible (2015-2026), sometimes anything.
  std::int32_t day() { return byte() < 230 ? 16436 + static_cast<std::int32_t>(i32() % 4400 + 4400) % 4400 : i32(); }
  // A size: mostly small, sometimes huge.
  std::size_t size_arg() {
    const std::uint8_t kind = byte();
    if (kind < 200) return kind % 16;
    if (kind < 240) return static_cast<std::uint32_t>(i32());
    return SIZE_MAX - byte();
  }
  std::string text() {
    std::string s;
    const std::size_t n = byte() % 24;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = static_cast<char>(byte());
      s.push_back(c == 0 ? 'x' : c);
    }
    return s;
  }
};

const char* const divisions[] = {"england-and-wales", "scotland", "northern-ireland", "nowhere", ""};
const char* const policies[] = {"england", "nope", ""};
const char* const figures[] = {"timeliness.year.due", "records.late", "overdue_at_end",
                               "population.entered",  "no.such",      "",
                               "disputes.raised",     "caseload.IRO1"};

// Built-in calendars and policies, made once per process (building a calendar's tables is most of a
// program's time otherwise) and shared read-only by the programs, which also make fresh ones at times.
iro_calendar* shared_calendar(std::size_t which) {
  static iro_calendar* made[5] = {};
  static bool tried[5] = {};
  if (!tried[which]) {
    tried[which] = true;
    iro_calendar_new_builtin(divisions[which], &made[which]);
  }
  return made[which];
}

iro_policy* shared_policy(std::size_t which) {
  static iro_policy* made[3] = {};
  static bool tried[3] = {};
  if (!tried[which]) {
    tried[which] = true;
    iro_policy_new_builtin(policies[which], &made[which]);
  }
  return made[which];
}

struct State {
  iro_calendar* cal[2] = {};
  iro_policy* policy[2] = {};
  bool own_cal[2] = {};  // false: a shared one, never freed here
  bool own_policy[2] = {};
  iro_children* children[2] = {};
  iro_schedules* schedules[2] = {};
  iro_casebook* book[2] = {};
  iro_report* report[2] = {};
  ~State() {
    for (int k = 0; k < 2; ++k) {
      iro_report_free(report[k]);
      iro_casebook_free(book[k]);
      iro_schedules_free(schedules[k]);
      iro_children_free(children[k]);
      if (own_policy[k]) iro_policy_free(policy[k]);
      if (own_cal[k]) iro_calendar_free(cal[k]);
    }
  }
  void drop_calendar(int k) {
    if (own_cal[k]) iro_calendar_free(cal[k]);
    cal[k] = nullptr;
    own_cal[k] = false;
  }
  void drop_policy(int k) {
    if (own_policy[k]) iro_policy_free(policy[k]);
    policy[k] = nullptr;
    own_policy[k] = false;
  }
};

// Reads an array through a size query then a fill, as bindings do; or, when the program says so, calls
// with a NULL array and a hostile capacity, which must be refused.
template <class T, class Call>
void read_array(Reader& in, Call call) {
  size_t count = 0;
  if (in.byte() < 40) {
    const size_t capacity = in.size_arg();
    const std::int32_t status = call(nullptr, capacity, &count);
    check(capacity == 0 || status != IRO_OK, "a NULL array with a capacity was accepted");
    return;
  }
  const std::int32_t first = call(nullptr, 0, &count);
  if (first != IRO_OK && first != IRO_E_BUFFER_TOO_SMALL) return;
  if (count > (1u << 20)) return;
  std::vector<T> out(count + 1);
  size_t again = 0;
  const std::int32_t status = call(out.data(), out.size(), &again);
  check(status == IRO_OK, "a read with room for every item failed");
  check(again == count, "a count read twice differed");
}

void text_call(Reader& in, std::int32_t (*fill)(char*, size_t, size_t*, void*), void* ctx) {
  size_t needed = 0;
  const std::int32_t status = fill(nullptr, 0, &needed, ctx);
  if (status != IRO_E_BUFFER_TOO_SMALL || needed > (1u << 24)) return;
  std::string buffer(needed, '\0');
  check(fill(buffer.data(), buffer.size(), nullptr, ctx) == IRO_OK, "text with room for it failed");
  (void)in;
}

void step(Reader& in, State& s) {
  const int k = in.byte() & 1;
  switch (in.byte() % 16) {
    case 0: {
      s.drop_calendar(k);
      const std::size_t which = in.byte() % 5;
      if (in.byte() < 224) {
        s.cal[k] = shared_calendar(which);
        break;
      }
      const std::int32_t status = iro_calendar_new_builtin(divisions[which], &s.cal[k]);
      check((status == IRO_OK) == (s.cal[k] != nullptr), "a refused call set its out-handle");
      s.own_cal[k] = s.cal[k] != nullptr;
      break;
    }
    case 1: {
      s.drop_policy(k);
      const std::size_t which = in.byte() % 3;
      if (in.byte() < 224) {
        s.policy[k] = shared_policy(which);
        break;
      }
      const std::int32_t status = iro_policy_new_builtin(policies[which], &s.policy[k]);
      check((status == IRO_OK) == (s.policy[k] != nullptr), "a refused call set its out-handle");
      s.own_policy[k] = s.policy[k] != nullptr;
      break;
    }
    case 2:
      if (s.children[k] == nullptr) iro_children_new(&s.children[k]);
      if (in.byte() < 128) {
        int32_t index = -1;
        const std::string id = in.text();
        iro_children_add(s.children[k], in.byte() < 10 ? nullptr : id.c_str(),
                         in.byte() < 200 ? in.day() - 5000 : IRO_NO_DATE, &index);
      } else {
        iro_children_add_period(s.children[k], in.i32() % 8, in.day(), in.byte() < 100 ? IRO_NO_DATE : in.day(),
                                in.byte() % 6 - 1);
      }
      break;
    case 3: {
      const size_t count = in.size_arg();
      if (count > 64) {  // a hostile count with NULL arrays must be refused
        check(iro_children_add_reviews(s.children[k], nullptr, nullptr, nullptr, nullptr, count) != IRO_OK,
              "huge review count with NULL arrays accepted");
        break;
      }
      std::vector<int32_t> who(count), days(count), codes(count), flags(count);
      for (size_t i = 0; i < count; ++i) {
        who[i] = in.byte() % 6;
        days[i] = in.day();
        codes[i] = static_cast<int32_t>(in.byte() % 11) - 2;
        flags[i] = in.byte() % 3;
      }
      iro_children_add_reviews(s.children[k], who.data(), days.data(), in.byte() < 128 ? codes.data() : nullptr,
                               in.byte() < 128 ? flags.data() : nullptr, count);
      break;
    }
    case 4: {
      iro_schedules_free(s.schedules[k]);
      s.schedules[k] = nullptr;
      const std::int32_t status = iro_schedule_evaluate(s.children[k], s.policy[in.byte() & 1], s.cal[in.byte() & 1],
                                                        in.day(), &s.schedules[k]);
      check((status == IRO_OK) == (s.schedules[k] != nullptr), "a refused evaluate set its out-handle");
      break;
    }
    case 5: {
      const iro_schedules* h = s.schedules[k];
      const size_t child = in.byte() < 220 ? in.byte() % 8 : in.size_arg();
      iro_child_schedule one{};
      iro_schedules_child(h, child, &one);
      const char* text = nullptr;
      iro_schedules_child_id(h, child, &text);
      iro_schedules_child_error(h, child, &text);
      size_t found = 0;
      const std::string id = in.text();
      iro_schedules_find(h, id.c_str(), &found);
      size_t n = 0, failed = 0, reviews = 0;
      iro_schedules_summary(h, &n, &failed, &reviews);
      read_array<iro_review_result>(in, [&](iro_review_result* out, size_t cap, size_t* count) {
        return iro_schedules_reviews(h, child, out, cap, count);
      });
      read_array<iro_missed_review>(in, [&](iro_missed_review* out, size_t cap, size_t* count) {
        return iro_schedules_missed(h, child, out, cap, count);
      });
      break;
    }
    case 6: {
      const iro_schedules* h = s.schedules[k];
      size_t count = 0;
      iro_review_columns none{};
      const std::int32_t status = iro_schedules_review_columns(h, &none, 0, &count);
      if ((status != IRO_OK && status != IRO_E_BUFFER_TOO_SMALL) || count > (1u << 20)) break;
      std::vector<int32_t> a(count + 1), b(count + 1);
      iro_review_columns some{};
      some.child = a.data();
      if (in.byte() & 1) some.days_late = b.data();
      check(iro_schedules_review_columns(h, &some, count + 1, &count) == IRO_OK, "columns with room failed");
      check(iro_schedules_review_columns(h, &none, in.size_arg() | 1, &count) != IRO_OK, "no column but capacity");
      break;
    }
    case 7: {
      struct Ctx {
        const iro_schedules* h;
        size_t child;
        int32_t review;
      } ctx{s.schedules[k], static_cast<size_t>(in.byte() % 8), static_cast<int32_t>(in.byte() % 6) - 2};
      text_call(
          in,
          [](char* b, size_t n, size_t* need, void* c) {
            const Ctx& x = *static_cast<Ctx*>(c);
            return iro_schedules_explain(x.h, x.child, x.review, b, n, need);
          },
          &ctx);
      break;
    }
    case 8:
      if (s.book[k] == nullptr) iro_casebook_new(&s.book[k]);
      iro_casebook_synthesize(s.book[k], in.byte() % 12, in.byte() % 3, 1 + in.byte() % 2, in.byte());
      break;
    case 9: {
      iro_report_free(s.report[k]);
      s.report[k] = nullptr;
      const std::int32_t status = iro_report_new(s.book[k], s.policy[in.byte() & 1], s.cal[in.byte() & 1],
                                                 in.byte() < 200 ? 2015 + in.byte() % 15 : in.i32(), &s.report[k]);
      check((status == IRO_OK) == (s.report[k] != nullptr), "a refused report set its out-handle");
      break;
    }
    case 10: {
      const iro_report* r = s.report[k];
      iro_report_summary_info info{};
      iro_report_summary(r, &info);
      read_array<iro_report_figure>(in, [&](iro_report_figure* out, size_t cap, size_t* count) {
        return iro_report_figures(r, out, cap, count);
      });
      read_array<iro_report_cell>(
          in, [&](iro_report_cell* out, size_t cap, size_t* count) { return iro_report_cells(r, out, cap, count); });
      uint64_t n = 0;
      const std::string name = in.byte() < 200 ? std::string(figures[in.byte() % 8]) : in.text();
      iro_report_figure_count(r, name.c_str(), &n);
      iro_report_rows* rows = nullptr;
      const std::int32_t status = iro_report_query(r, name.c_str(), &rows);
      check((status == IRO_OK) == (rows != nullptr), "a refused query set its out-handle");
      if (rows != nullptr) {
        read_array<iro_report_row>(in, [&](iro_report_row* out, size_t cap, size_t* count) {
          return iro_report_rows_read(rows, out, cap, count);
        });
        size_t count = 0;
        iro_report_rows_read(rows, nullptr, 0, &count);
        check(count == n, "a figure's count differs from its rows");
        iro_report_rows_free(rows);
      }
      break;
    }
    case 11: {
      struct Ctx {
        const iro_report* r;
        int32_t format;
      } ctx{s.report[k], static_cast<int32_t>(in.byte() % 7) - 1};
      text_call(
          in,
          [](char* b, size_t n, size_t* need, void* c) {
            const Ctx& x = *static_cast<Ctx*>(c);
            return iro_report_format(x.r, x.format, b, n, need);
          },
          &ctx);
      break;
    }
    case 12: {  // a buffer that claims more room than it has is the caller's bug; NULL with room is refused
      size_t needed = 0;
      check(iro_report_format(s.report[k], IRO_REPORT_TEXT, nullptr, in.size_arg() | 1, &needed) != IRO_OK,
            "NULL buffer with a size accepted");
      break;
    }
    case 13:  // frees, in any order
      switch (in.byte() % 6) {
        case 0: iro_report_free(s.report[k]), s.report[k] = nullptr; break;
        case 1: iro_casebook_free(s.book[k]), s.book[k] = nullptr; break;
        case 2: iro_schedules_free(s.schedules[k]), s.schedules[k] = nullptr; break;
        case 3: iro_children_free(s.children[k]), s.children[k] = nullptr; break;
        case 4: s.drop_policy(k); break;
        default: s.drop_calendar(k); break;
      }
      break;
    default: {  // reads on NULL handles are refused
      size_t n = 0, f = 0, r = 0;
      check(iro_schedules_summary(nullptr, &n, &f, &r) == IRO_E_INVALID_ARGUMENT, "NULL schedules accepted");
      iro_report_summary_info info{};
      check(iro_report_summary(nullptr, &info) == IRO_E_INVALID_ARGUMENT, "NULL report accepted");
      check(iro_children_count(nullptr, &n) == IRO_E_INVALID_ARGUMENT, "NULL children accepted");
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Reader in{data, size};
  State s;
  for (int steps = 0; steps < 64 && !in.done(); ++steps) step(in, s);
  return 0;
}
