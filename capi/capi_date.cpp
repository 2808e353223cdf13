// The date functions of the C API (iro.h, "Dates").
#include "capi_internal.hpp"

using namespace iro;
using capi::day_arg;
using capi::guard;
using capi::require;

extern "C" {

IRO_API int32_t iro_date_check(int32_t day) {
  return guard("iro_date_check", [&] { day_arg(day, "day"); });
}

IRO_API int32_t iro_date_from_ymd(int32_t year, int32_t month, int32_t day, int32_t* out_day) {
  return guard("iro_date_from_ymd", [&] {
    require(out_day, "out_day");
    *out_day = Date::from_ymd(year, month, day).days();
  });
}

IRO_API int32_t iro_date_to_ymd(int32_t day, int32_t* out_year, int32_t* out_month, int32_t* out_day_of_month) {
  return guard("iro_date_to_ymd", [&] {
    require(out_year, "out_year");
    require(out_month, "out_month");
    require(out_day_of_month, "out_day_of_month");
    const YearMonthDay f = day_arg(day, "day").ymd();
    *out_year = f.year;
    *out_month = f.month;
    *out_day_of_month = f.day;
  });
}

IRO_API int32_t iro_date_weekday(int32_t day, int32_t* out_weekday) {
  return guard("iro_date_weekday", [&] {
    require(out_weekday, "out_weekday");
    *out_weekday = static_cast<int32_t>(day_arg(day, "day").weekday());
  });
}

IRO_API int32_t iro_date_parse(const char* text, int32_t* out_day) {
  return guard("iro_date_parse", [&] {
    require(text, "text");
    require(out_day, "out_day");
    *out_day = Date::parse(text).days();
  });
}

IRO_API int32_t iro_date_format(int32_t day, char* buffer, size_t buffer_size, size_t* out_needed) {
  return guard("iro_date_format", [&] {
    capi::require_array(buffer, buffer_size, "buffer");
    capi::write_text(day_arg(day, "day").iso(), buffer, buffer_size, out_needed);
  });
}

IRO_API int32_t iro_date_add_days(int32_t day, int32_t n, int32_t* out_day) {
  return guard("iro_date_add_days", [&] {
    require(out_day, "out_day");
    *out_day = day_arg(day, "day").add_days(n).days();
  });
}

IRO_API int32_t iro_date_add_weeks(int32_t day, int32_t n, int32_t* out_day) {
  return guard("iro_date_add_weeks", [&] {
    require(out_day, "out_day");
    *out_day = day_arg(day, "day").add_weeks(n).days();
  });
}

IRO_API int32_t iro_date_add_months(int32_t day, int32_t n, int32_t* out_day) {
  return guard("iro_date_add_months", [&] {
    require(out_day, "out_day");
    *out_day = day_arg(day, "day").add_months(n).days();
  });
}

IRO_API int32_t iro_date_add_months_batch(const int32_t* days, size_t count, int32_t n, int32_t* out_days) {
  return guard("iro_date_add_months_batch", [&] {
    capi::require_array(days, count, "days");
    capi::require_array(out_days, count, "out_days");
    for (size_t i = 0; i < count; ++i) {
      try {
        out_days[i] = day_arg(days[i], "day").add_months(n).days();
      } catch (const Error& e) {
        throw Error(e.status(), "item " + std::to_string(i) + ": " + e.what());
      }
    }
  });
}

}  // extern "C"
