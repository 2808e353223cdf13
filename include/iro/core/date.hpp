/// @file date.hpp
/// @brief iro::Date, a calendar date as a count of days since 1970-01-01, and the date arithmetic
/// that statutory deadlines use ("N months after", "4 weeks after").
///
/// A Date is a value type over an int32 day count (the same number numpy's datetime64[D] and C++20
/// sys_days use). It always holds a valid date inside the supported range, 1900-01-01 to 2199-12-31:
/// every way of making one checks, and invalid or out-of-range input throws iro::Error; nothing is
/// silently normalised (2023-02-29 is an error, not 1 March).
#ifndef IRO_DATE_HPP
#define IRO_DATE_HPP

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace iro {

/// Day of the week, numbered as in ISO 8601 (Monday = 1 ... Sunday = 7).
enum class Weekday : int { monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday };

/// A year, month (1-12) and day (1-31) triple, not checked.
struct YearMonthDay {
  int year;   ///< Gregorian year.
  int month;  ///< 1 = January ... 12 = December.
  int day;    ///< Day of the month, from 1.
};

/// Whether @p year is a Gregorian leap year.
/// @param year any year.
/// @return true for years divisible by 4, except centuries not divisible by 400.
constexpr bool is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

/// Number of days in a month.
/// @param year any year.
/// @param month 1-12 (anything else gives 0).
/// @return 28-31, or 0 for an invalid month.
constexpr int days_in_month(int year, int month) noexcept {
  constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the era-based civil calendar algorithm).
/// No check: the caller passes a valid date with |year| below about 5,000,000.
/// @param year Gregorian year.
/// @param month 1-12.
/// @param day 1 to days_in_month(year, month).
/// @return the day count, negative before 1970.
constexpr std::int32_t days_from_civil(int year, int month, int day) noexcept {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;                                             // [0, 399]
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;  // [0, 365]
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                     // [0, 146096]
  return static_cast<std::int32_t>(era * 146097 + doe - 719468);
}

/// The proleptic Gregorian date of a day count (inverse of days_from_civil).
/// @param days days since 1970-01-01.
/// @return the year, month and day.
constexpr YearMonthDay civil_from_days(std::int32_t days) noexcept {
  const int z = static_cast<int>(days) + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;                                       // [0, 146096]
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const int mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return YearMonthDay{yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

/// A calendar date in the supported range 1900-01-01 to 2199-12-31.
///
/// Thread safety: a value type; distinct objects may be used from any thread.
class Date {
 public:
  /// First year of the supported range.
  static constexpr int min_year = 1900;
  /// Last year of the supported range.
  static constexpr int max_year = 2199;
  /// Day count of 1900-01-01, the first supported date.
  static constexpr std::int32_t min_days = days_from_civil(min_year, 1, 1);
  /// Day count of 2199-12-31, the last supported date.
  static constexpr std::int32_t max_days = days_from_civil(max_year, 12, 31);

  /// 1970-01-01 (day 0).
  constexpr Date() noexcept = default;

  /// The first supported date, 1900-01-01.
  /// @return Date::min_days as a Date.
  static constexpr Date min() noexcept { return Date(min_days); }
  /// The last supported date, 2199-12-31.
  /// @return Date::max_days as a Date.
  static constexpr Date max() noexcept { return Date(max_days); }

  /// Whether a day count lies in the supported range.
  /// @param days days since 1970-01-01.
  /// @return true when min_days <= days <= max_days.
  static constexpr bool in_range(std::int64_t days) noexcept { return days >= min_days && days <= max_days; }

  /// The date @p days days after 1970-01-01.
  /// @param days days since 1970-01-01.
  /// @return the date.
  /// @throws Error Status::out_of_range when @p days is outside the supported range.
  static Date from_days(std::int64_t days);

  /// The date @p days days after 1970-01-01, without a check (for tables already checked).
  /// @param days must satisfy in_range(days).
  /// @return the date.
  static constexpr Date from_days_unchecked(std::int32_t days) noexcept { return Date(days); }

  /// The date with the given fields.
  /// @param year, month, day the fields.
  /// @return the date.
  /// @throws Error Status::invalid_date when the fields name no date (month 13, 2023-02-29);
  ///         Status::out_of_range when the date is outside the supported range.
  static Date from_ymd(int year, int month, int day);

  /// Parses strict ISO-8601 calendar-date text: exactly `YYYY-MM-DD`, ten characters, nothing around it.
  /// @param text the text.
  /// @return the date.
  /// @throws Error Status::parse for any other syntax (" 2024-01-01", "2024-1-1", "20240101");
  ///         Status::invalid_date for a well-formed non-date ("2023-02-29", "2024-13-01");
  ///         Status::out_of_range for a real date outside the supported range. Messages quote the text.
  static Date parse(std::string_view text);

  /// Like parse() but reports failure by an empty result instead of an exception.
  /// @param text the text.
  /// @return the date, or std::nullopt when parse() would throw.
  static std::optional<Date> try_parse(std::string_view text) noexcept;

  /// Days since 1970-01-01.
  /// @return the day count.
  constexpr std::int32_t days() const noexcept { return days_; }
  /// The year, month and day.
  /// @return the fields.
  constexpr YearMonthDay ymd() const noexcept { return civil_from_days(days_); }
  /// The year.
  /// @return 1900-2199.
  constexpr int year() const noexcept { return ymd().year; }
  /// The month.
  /// @return 1-12.
  constexpr int month() const noexcept { return ymd().month; }
  /// The day of the month.
  /// @return 1-31.
  constexpr int day() const noexcept { return ymd().day; }
  /// The day of the week (1970-01-01 was a Thursday).
  /// @return the ISO weekday.
  constexpr Weekday weekday() const noexcept {
    const int w = (days_ % 7 + 7 + 3) % 7;  // 0 = Monday
    return static_cast<Weekday>(w + 1);
  }
  /// Whether this date is a Saturday or a Sunday.
  /// @return true at weekends.
  constexpr bool is_weekend() const noexcept { return weekday() >= Weekday::saturday; }

  /// The ISO-8601 text `YYYY-MM-DD`.
  /// @return ten characters.
  std::string iso() const;
  /// Writes the ISO-8601 text into @p out without allocating.
  /// @param out room for at least 10 characters; no terminating NUL is written.
  /// @return out + 10.
  char* write_iso(char* out) const noexcept;

  /// The date @p n days later (earlier when negative).
  /// @param n days to add.
  /// @return the date.
  /// @throws Error Status::out_of_range when the result leaves the supported range.
  Date add_days(std::int64_t n) const;
  /// The date @p n weeks (7 * @p n days) later: "4 weeks after D" is D.add_weeks(4).
  /// @param n weeks to add.
  /// @return the date.
  /// @throws Error Status::out_of_range when the result leaves the supported range.
  Date add_weeks(std::int64_t n) const;
  /// "N months after": the same day number @p n calendar months later, or the last day of that month
  /// when it is shorter (Dodds v Walker [1981] 1 WLR 1027): 2024-08-31 + 6 months = 2025-02-28,
  /// 2024-02-29 + 6 months = 2024-08-29, 2024-05-31 - 3 months = 2024-02-29.
  /// @param n months to add (negative for "N months before").
  /// @return the date.
  /// @throws Error Status::out_of_range when the result leaves the supported range.
  Date add_months(std::int64_t n) const;

  /// Calendar days from @p b to @p a.
  /// @param a later date.
  /// @param b earlier date.
  /// @return a - b in days (negative when a is before b).
  friend constexpr std::int32_t operator-(Date a, Date b) noexcept { return a.days_ - b.days_; }
  /// Equality.
  /// @param a, b dates.
  /// @return whether they are the same day.
  friend constexpr bool operator==(Date a, Date b) noexcept { return a.days_ == b.days_; }
  /// Inequality.
  /// @param a, b dates.
  /// @return whether they differ.
  friend constexpr bool operator!=(Date a, Date b) noexcept { return a.days_ != b.days_; }
  /// Order.
  /// @param a, b dates.
  /// @return whether @p a is before @p b.
  friend constexpr bool operator<(Date a, Date b) noexcept { return a.days_ < b.days_; }
  /// Order.
  /// @param a, b dates.
  /// @return whether @p a is on or before @p b.
  friend constexpr bool operator<=(Date a, Date b) noexcept { return a.days_ <= b.days_; }
  /// Order.
  /// @param a, b dates.
  /// @return whether @p a is after @p b.
  friend constexpr bool operator>(Date a, Date b) noexcept { return a.days_ > b.days_; }
  /// Order.
  /// @param a, b dates.
  /// @return whether @p a is on or after @p b.
  friend constexpr bool operator>=(Date a, Date b) noexcept { return a.days_ >= b.days_; }

 private:
  constexpr explicit Date(std::int32_t days) noexcept : days_(days) {}
  std::int32_t days_ = 0;
};

/// Writes the ISO-8601 text of @p date.
/// @param os the stream.
/// @param date the date.
/// @return @p os.
std::ostream& operator<<(std::ostream& os, Date date);

/// The English name of a weekday ("Monday").
/// @param weekday the day.
/// @return a static string.
const char* weekday_name(Weekday weekday) noexcept;

}  // namespace iro

/// @cond std_specialisations
namespace std {
/// Hashing, so that iro::Date can key an unordered container.
template <>
struct hash<iro::Date> {
  /// Hashes the day count.
  /// @param date the date.
  /// @return its hash.
  std::size_t operator()(iro::Date date) const noexcept { return std::hash<std::int32_t>()(date.days()); }
};
}  // namespace std
/// @endcond

#endif
