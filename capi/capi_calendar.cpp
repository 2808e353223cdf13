// The working-day calendar functions of the C API (iro.h, "Working-day calendars").
#include <cstring>
#include <string_view>

#include "capi_handles.hpp"
#include "capi_internal.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

namespace {

const Calendar& cal_arg(const iro_calendar* c, const char* name = "calendar") {
  require(c, name);  // the message names the parameter as iro.h does
  return c->calendar;
}

void emit(Calendar&& calendar, iro_calendar** out) { *out = new iro_calendar{std::move(calendar)}; }

// Throws the error of batch item @p index: the anchor or the result out of range.
[[noreturn]] void batch_failure(const Calendar& cal, std::size_t index, Date anchor, std::int32_t n) {
  try {
    cal.add_working_days(anchor, n);
  } catch (const Error& e) {
    throw Error(e.status(), "item " + std::to_string(index) + ": " + e.what());
  }
  throw Error(Status::internal, "item " + std::to_string(index) + " failed without a reason");
}

}  // namespace

extern "C" {

IRO_API int32_t iro_calendar_new_builtin(const char* division, iro_calendar** out) {
  return guard("iro_calendar_new_builtin", [&] {
    require(division, "division");
    require(out, "out");
    emit(Calendar::builtin(division), out);
  });
}

IRO_API int32_t iro_calendar_new_from_govuk_file(const char* path, const char* division, iro_calendar** out) {
  return guard("iro_calendar_new_from_govuk_file", [&] {
    require(path, "path");
    require(division, "division");
    require(out, "out");
    emit(Calendar::from_govuk_file(path, division), out);
  });
}

IRO_API int32_t iro_calendar_new_from_govuk_text(const char* text, size_t length, const char* division,
                                                 iro_calendar** out) {
  return guard("iro_calendar_new_from_govuk_text", [&] {
    capi::require_array(text, length, "text");
    require(division, "division");
    require(out, "out");
    emit(Calendar::from_govuk_json(std::string_view(text == nullptr ? "" : text, length), division, "<text>"), out);
  });
}

IRO_API int32_t iro_calendar_new_updated(const iro_calendar* base, const char* path, const char* division,
                                         iro_calendar** out) {
  return guard("iro_calendar_new_updated", [&] {
    const Calendar& cal = cal_arg(base, "base");
    require(path, "path");
    require(division, "division");
    require(out, "out");
    emit(cal.updated_with_govuk_file(path, division), out);
  });
}

IRO_API int32_t iro_calendar_new_with_closures(const iro_calendar* base, const int32_t* days, size_t count,
                                               const char* name, iro_calendar** out) {
  return guard("iro_calendar_new_with_closures", [&] {
    const Calendar& cal = cal_arg(base, "base");
    capi::require_array(days, count, "days");
    require(name, "name");
    require(out, "out");
    std::vector<Date> dates;
    dates.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      try {
        dates.push_back(day_arg(days[i], "day"));
      } catch (const Error& e) {
        throw Error(e.status(), "days[" + std::to_string(i) + "]: " + e.what());
      }
    }
    emit(cal.with_closures(dates, name), out);
  });
}

IRO_API void iro_calendar_free(iro_calendar* calendar) { delete calendar; }

IRO_API int32_t iro_calendar_info(const iro_calendar* calendar, int32_t* out_first, int32_t* out_last,
                                  int32_t* out_confirmed_through) {
  return guard("iro_calendar_info", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out_first, "out_first");
    require(out_last, "out_last");
    require(out_confirmed_through, "out_confirmed_through");
    *out_first = cal.range_first().days();
    *out_last = cal.range_last().days();
    *out_confirmed_through = cal.confirmed_through();
  });
}

IRO_API int32_t iro_calendar_describe(const iro_calendar* calendar, const char** out_division,
                                      const char** out_source) {
  return guard("iro_calendar_describe", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out_division, "out_division");
    require(out_source, "out_source");
    *out_division = cal.division().c_str();
    *out_source = cal.source().c_str();
  });
}

IRO_API int32_t iro_calendar_is_working_day(const iro_calendar* calendar, int32_t day, int32_t* out_is_working) {
  return guard("iro_calendar_is_working_day", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out_is_working, "out_is_working");
    *out_is_working = cal.is_working_day(day_arg(day, "day")) ? 1 : 0;
  });
}

IRO_API int32_t iro_calendar_add_working_days(const iro_calendar* calendar, int32_t day, int32_t n, int32_t* out) {
  return guard("iro_calendar_add_working_days", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out, "out");
    *out = cal.add_working_days(day_arg(day, "day"), n).days();
  });
}

IRO_API int32_t iro_calendar_add_working_days_batch(const iro_calendar* calendar, const int32_t* days, size_t count,
                                                    int32_t n, int32_t* out) {
  return guard("iro_calendar_add_working_days_batch", [&] {
    const Calendar& cal = cal_arg(calendar);
    capi::require_array(days, count, "days");
    capi::require_array(out, count, "out");
    const size_t done = cal.add_working_days_batch(days, count, n, out);
    if (done != count) batch_failure(cal, done, day_arg(days[done], "day"), n);
  });
}

IRO_API int32_t iro_calendar_working_days_between(const iro_calendar* calendar, int32_t from, int32_t to,
                                                  int32_t* out) {
  return guard("iro_calendar_working_days_between", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out, "out");
    *out = cal.working_days_between(day_arg(from, "from"), day_arg(to, "to"));
  });
}

IRO_API int32_t iro_calendar_working_days_between_batch(const iro_calendar* calendar, const int32_t* from,
                                                        const int32_t* to, size_t count, int32_t* out) {
  return guard("iro_calendar_working_days_between_batch", [&] {
    const Calendar& cal = cal_arg(calendar);
    capi::require_array(from, count, "from");
    capi::require_array(to, count, "to");
    capi::require_array(out, count, "out");
    const size_t done = cal.working_days_between_batch(from, to, count, out);
    if (done != count) {
      try {
        cal.working_days_between(day_arg(from[done], "from"), day_arg(to[done], "to"));
      } catch (const Error& e) {
        throw Error(e.status(), "item " + std::to_string(done) + ": " + e.what());
      }
    }
  });
}

IRO_API int32_t iro_calendar_next_working_day(const iro_calendar* calendar, int32_t day, int32_t* out) {
  return guard("iro_calendar_next_working_day", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out, "out");
    *out = cal.next_working_day(day_arg(day, "day")).days();
  });
}

IRO_API int32_t iro_calendar_previous_working_day(const iro_calendar* calendar, int32_t day, int32_t* out) {
  return guard("iro_calendar_previous_working_day", [&] {
    const Calendar& cal = cal_arg(calendar);
    require(out, "out");
    *out = cal.previous_working_day(day_arg(day, "day")).days();
  });
}

IRO_API int32_t iro_calendar_holidays(const iro_calendar* calendar, int32_t from, int32_t to, iro_holiday* out,
                                      size_t capacity, size_t* out_count) {
  return guard("iro_calendar_holidays", [&] {
    const Calendar& cal = cal_arg(calendar);
    capi::require_array(out, capacity, "out");
    require(out_count, "out_count");
    const Date a = day_arg(from, "from"), b = day_arg(to, "to");
    const auto [first, last] = cal.holiday_range(a, b);  // names stay owned by the calendar
    const size_t count = static_cast<size_t>(last - first);
    *out_count = count;
    if (capacity < count) {
      throw Error(Status::buffer_too_small, "capacity " + std::to_string(capacity) + " is too small: " +
                                                std::to_string(count) + " holidays lie in the range");
    }
    for (size_t i = 0; i < count; ++i) {
      const Holiday& h = first[i];
      out[i].day = h.date.days();
      out[i].kind = static_cast<int32_t>(h.kind);
      out[i].substitute = h.substitute ? 1 : 0;
      out[i].projected = h.projected ? 1 : 0;
      out[i].name = h.name.c_str();
    }
  });
}

IRO_API int32_t iro_calendar_explain_add(const iro_calendar* calendar, int32_t day, int32_t n, char* buffer,
                                         size_t buffer_size, size_t* out_needed) {
  return guard("iro_calendar_explain_add", [&] {
    const Calendar& cal = cal_arg(calendar);
    capi::require_array(buffer, buffer_size, "buffer");
    capi::write_text(cal.explain_add(day_arg(day, "day"), n).text(), buffer, buffer_size, out_needed);
  });
}

}  // extern "C"
