#include "iro/core/date.hpp"

#include <ostream>

#include "iro/core/error.hpp"

namespace iro {
namespace {

static_assert(Date::min_days == -25567, "1900-01-01 is day -25567");
static_assert(Date::max_days == 84005, "2199-12-31 is day 84005");
static_assert(days_from_civil(1970, 1, 1) == 0, "the epoch is day 0");

std::string range_text() { return "the supported range 1900-01-01 to 2199-12-31"; }

const char* const month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

// Classifies year/month/day fields: Status::ok, invalid_date or out_of_range, with a message.
Status check_fields(int year, int month, int day, std::string* why) {
  if (month < 1 || month > 12) {
    if (why) *why = "month " + std::to_string(month) + " is not 1-12";
    return Status::invalid_date;
  }
  const int dim = days_in_month(year, month);
  if (day < 1 || day > dim) {
    if (why) {
      *why = "day " + std::to_string(day) + " is not in " + month_names[month - 1] + " " + std::to_string(year) +
             ", which has " + std::to_string(dim) + " days";
    }
    return Status::invalid_date;
  }
  if (year < Date::min_year || year > Date::max_year) {
    if (why) *why = "the year is outside " + range_text();
    return Status::out_of_range;
  }
  return Status::ok;
}

bool digits(std::string_view s, std::size_t from, std::size_t count, int& value) noexcept {
  value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    const char c = s[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

bool well_formed(std::string_view text, int& y, int& m, int& d) noexcept {
  return text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(text, 0, 4, y) && digits(text, 5, 2, m) &&
         digits(text, 8, 2, d);
}

}  // namespace

Date Date::from_days(std::int64_t days) {
  if (!in_range(days)) {
    throw Error(Status::out_of_range, "day " + std::to_string(days) + " is outside " + range_text() + " (days " +
                                          std::to_string(min_days) + " to " + std::to_string(max_days) + ")");
  }
  return Date(static_cast<std::int32_t>(days));
}

Date Date::from_ymd(int year, int month, int day) {
  std::string why;
  const Status st = check_fields(year, month, day, &why);
  if (st != Status::ok)
    throw Error(st, "year " + std::to_string(year) + ", month " + std::to_string(month) + ", day " +
                        std::to_string(day) + " is not a usable date: " + why);
  return Date(days_from_civil(year, month, day));
}

Date Date::parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (!well_formed(text, y, m, d)) {
    throw Error(Status::parse, quote(text) +
                                   " is not an ISO-8601 date: expected YYYY-MM-DD (ten characters, "
                                   "4-digit year, 2-digit month and day, nothing before or after)");
  }
  std::string why;
  const Status st = check_fields(y, m, d, &why);
  if (st != Status::ok) throw Error(st, quote(text) + " is not a usable date: " + why);
  return Date(days_from_civil(y, m, d));
}

std::optional<Date> Date::try_parse(std::string_view text) noexcept {
  int y = 0, m = 0, d = 0;
  if (!well_formed(text, y, m, d) || check_fields(y, m, d, nullptr) != Status::ok) return std::nullopt;
  return Date(days_from_civil(y, m, d));
}

char* Date::write_iso(char* out) const noexcept {
  const YearMonthDay f = ymd();
  auto put = [&out](int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[i] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
    out += width;
  };
  put(f.year, 4);
  *out++ = '-';
  put(f.month, 2);
  *out++ = '-';
  put(f.day, 2);
  return out;
}

std::string Date::iso() const {
  char buf[10];
  write_iso(buf);
  return std::string(buf, sizeof buf);
}

Date Date::add_days(std::int64_t n) const {
  // |n| is bounded first so that the sum cannot overflow.
  if (n > max_days - min_days || n < min_days - max_days || !in_range(days_ + n)) {
    throw Error(Status::out_of_range, iso() + " + " + std::to_string(n) + " days is outside " + range_text());
  }
  return Date(static_cast<std::int32_t>(days_ + n));
}

Date Date::add_weeks(std::int64_t n) const {
  if (n > (max_days - min_days) / 7 || n < (min_days - max_days) / 7) {
    throw Error(Status::out_of_range, iso() + " + " + std::to_string(n) + " weeks is outside " + range_text());
  }
  return add_days(n * 7);
}

Date Date::add_months(std::int64_t n) const {
  const YearMonthDay f = ymd();
  constexpr std::int64_t span = (std::int64_t{max_year} - min_year + 1) * 12;
  if (n > span || n < -span) {
    throw Error(Status::out_of_range, iso() + " + " + std::to_string(n) + " months is outside " + range_text());
  }
  const std::int64_t index = static_cast<std::int64_t>(f.year) * 12 + (f.month - 1) + n;
  const int year = static_cast<int>(index / 12);  // index > 0 here: years stay positive
  const int month = static_cast<int>(index % 12) + 1;
  if (year < min_year || year > max_year) {
    throw Error(Status::out_of_range, iso() + " + " + std::to_string(n) + " months falls in " + std::to_string(year) +
                                          ", outside " + range_text());
  }
  const int day = f.day < days_in_month(year, month) ? f.day : days_in_month(year, month);
  return Date(days_from_civil(year, month, day));
}

std::ostream& operator<<(std::ostream& os, Date date) {
  char buf[10];
  date.write_iso(buf);
  return os.write(buf, sizeof buf);
}

const char* weekday_name(Weekday weekday) noexcept {
  static const char* const names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  const int i = static_cast<int>(weekday);
  return i >= 1 && i <= 7 ? names[i - 1] : "unknown weekday";
}

}  // namespace iro
