/// @file calendar.hpp
/// @brief iro::Calendar: working days in England and Wales (or any GOV.UK division), with O(1)
/// working-day arithmetic, council closure days, and explanations.
///
/// A working day is a day that is not a Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday
/// (and not a closure day the council added). "Within N working days of D" counts D as day 0, even when D
/// is not itself a working day: the deadline is the Nth working day after D.
///
/// A Calendar is immutable once made, cheap to copy (copies share their tables) and safe to share
/// across threads.
#ifndef IRO_CALENDAR_HPP
#define IRO_CALENDAR_HPP

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "iro/core/date.hpp"

namespace iro {

/// Why a day is not a working day (weekends aside).
enum class HolidayKind : std::int32_t {
  bank_holiday = 1,  ///< A bank holiday, Christmas Day or Good Friday (as published, or by the statutory rules).
  closure = 2,       ///< A closure day the council added on top of the bank holidays.
};

/// How a working-day sum treats its anchor date.
enum class AnchorConvention : std::int32_t {
  /// The anchor is day 0, working day or not (the statutory reading; the default).
  day_zero = 0,
  /// The anchor, when it is a working day, is itself working day 1 (-1 counting back), as some case
  /// systems count; a non-working anchor changes nothing.
  counts_as_day_one = 1,
};

/// One non-working weekday of a calendar.
struct Holiday {
  Date date;                                     ///< The day.
  std::string name;                              ///< Its name ("Early May bank holiday", "Council closure").
  HolidayKind kind = HolidayKind::bank_holiday;  ///< Bank holiday or council closure.
  bool substitute = false;                       ///< True for a substitute day (the holiday itself fell at a weekend).
  bool projected = false;  ///< True when the year is after the last one a published list confirmed.
};

/// One non-working day stepped over by a working-day sum.
struct SkippedDay {
  Date date;           ///< The day.
  std::string reason;  ///< "Saturday", "Sunday", or the holiday's name.
};

/// Why a working-day sum gave the date it gave.
struct Explanation {
  Date from;                        ///< The anchor (day 0).
  std::int32_t n = 0;               ///< Working days added (negative: counted back).
  Date result;                      ///< The Nth working day after (or before) the anchor.
  std::vector<SkippedDay> skipped;  ///< Non-working days strictly between the anchor and the result.
  bool projected = false;           ///< The anchor or the result lies in a projected year.
  /// A sentence saying all of the above, naming each holiday stepped over.
  /// @return the text.
  std::string text() const;
};

/// A working-day calendar over a contiguous range of years.
class Calendar {
 public:
  /// The built-in calendar of England and Wales for 1970-2199, made from the rules of the Banking and
  /// Financial Dealings Act 1971 and the proclamations that moved or added days (see docs/calendar.md).
  /// Years after confirmed_through() follow today's rules and are marked projected.
  /// @return the calendar (built once per call; keep and share it).
  static Calendar england_and_wales();

  /// The built-in calendar of a division.
  /// @param division "england-and-wales" is the only built-in division.
  /// @return the calendar.
  /// @throws Error Status::not_found for any other division (the message lists the built-in ones).
  static Calendar builtin(std::string_view division);

  /// A calendar made only from a GOV.UK `bank-holidays.json` document: weekends plus that division's
  /// events, covering 1 January of its first year to 31 December of its last, all confirmed.
  /// @param json the document text.
  /// @param division "england-and-wales", "scotland" or "northern-ireland" (any division present).
  /// @param source a name for messages (a file path), for example "bank-holidays.json".
  /// @return the calendar.
  /// @throws Error Status::parse for malformed JSON (with line and column) or a document not in the GOV.UK
  ///         shape (naming the event index and field); Status::not_found for a division not in the file
  ///         (listing those present); Status::invalid_date or Status::parse for a bad event date;
  ///         Status::invalid_argument for a duplicated date or an empty event list.
  static Calendar from_govuk_json(std::string_view json, std::string_view division, std::string_view source);

  /// Reads a GOV.UK `bank-holidays.json` file; see from_govuk_json().
  /// @param path the file.
  /// @param division the division to take.
  /// @return the calendar.
  /// @throws Error Status::io when the file cannot be read, or as from_govuk_json().
  static Calendar from_govuk_file(const std::string& path, std::string_view division);

  /// This calendar updated with a newer published list: for every year the document covers, its events
  /// replace this calendar's bank holidays of that year (a newly proclaimed day is added, a moved one is
  /// moved); confirmed_through() becomes the later of the two. Closure days are kept.
  /// @param json the document text.
  /// @param division the division to take; it must be this calendar's division.
  /// @param source a name for messages.
  /// @return the updated calendar; this one is unchanged.
  /// @throws Error as from_govuk_json(); Status::invalid_argument when the division differs or the
  ///         document's years fall outside this calendar's range.
  Calendar updated_with_govuk_json(std::string_view json, std::string_view division, std::string_view source) const;

  /// Reads a newer GOV.UK file and returns this calendar updated with it; see updated_with_govuk_json().
  /// @param path the file.
  /// @param division the division to take; it must be this calendar's division.
  /// @return the updated calendar; this one is unchanged.
  /// @throws Error Status::io when the file cannot be read, or as updated_with_govuk_json().
  Calendar updated_with_govuk_file(const std::string& path, std::string_view division) const;

  /// This calendar with a council's closure days added (a Christmas shutdown). A closure day that falls
  /// on a weekend or a bank holiday changes nothing and is not listed.
  /// @param days the closure days.
  /// @param name the name listed for them, for example "Council closure".
  /// @return the new calendar; this one is unchanged.
  /// @throws Error Status::out_of_range for a day outside range_first()..range_last().
  Calendar with_closures(const std::vector<Date>& days, std::string_view name) const;

  /// The division this calendar describes ("england-and-wales").
  /// @return the name.
  const std::string& division() const noexcept;
  /// Where the calendar came from ("built-in rules", a file name, and any updates).
  /// @return the description.
  const std::string& source() const noexcept;
  /// The first day the calendar covers.
  /// @return 1 January of its first year.
  Date range_first() const noexcept;
  /// The last day the calendar covers.
  /// @return 31 December of its last year.
  Date range_last() const noexcept;
  /// The last year whose holidays a published list confirmed; later years are projected by the rules.
  /// @return the year.
  int confirmed_through() const noexcept;
  /// Whether @p date is in a projected year: one no published list has confirmed (for the built-in
  /// calendar, every year after 2027 until an update confirms it).
  /// @param date any date.
  /// @return true for a projected year, and for a date outside the range.
  bool is_projected(Date date) const noexcept;

  /// Whether @p date is a working day.
  /// @param date a day in range.
  /// @return true for a working day.
  /// @throws Error Status::out_of_range outside range_first()..range_last().
  bool is_working_day(Date date) const;

  /// The @p n-th working day after @p date (before it when n is negative); n = 0 gives @p date itself.
  /// @param date the anchor, day 0, working day or not.
  /// @param n working days to count.
  /// @return the date. O(1).
  /// @throws Error Status::out_of_range when the anchor or the result is outside the calendar's range.
  Date add_working_days(Date date, std::int32_t n) const;

  /// add_working_days() under a convention for the anchor.
  /// @param date the anchor.
  /// @param n working days to count.
  /// @param convention AnchorConvention::day_zero gives add_working_days(date, n); counts_as_day_one
  ///        gives add_working_days(date, n - 1) (n + 1 when n < 0) when @p date is a working day.
  /// @return the date.
  /// @throws Error as add_working_days().
  Date add_working_days(Date date, std::int32_t n, AnchorConvention convention) const;

  /// add_working_days() over raw day counts, for batch calls: writes out[i] for each days[i].
  /// @param days count day counts (days since 1970-01-01).
  /// @param count the number of items.
  /// @param n working days to add to each.
  /// @param out room for count results (may alias days).
  /// @return count when all succeeded, else the index of the first item out of range (items before it
  ///         are written, the rest are not). Never throws; allocates nothing.
  std::size_t add_working_days_batch(const std::int32_t* days, std::size_t count, std::int32_t n,
                                     std::int32_t* out) const noexcept;

  /// The number of working days in (from, to]: 0 when equal, negative when @p to is before @p from.
  /// add_working_days(from, working_days_between(from, to)) == to whenever @p to is a working day and
  /// either @p from is before @p to or @p from is itself a working day.
  /// @param from the start (excluded).
  /// @param to the end (included).
  /// @return the count. O(1).
  /// @throws Error Status::out_of_range outside the calendar's range.
  std::int32_t working_days_between(Date from, Date to) const;

  /// working_days_between() over arrays of raw day counts, for batch calls.
  /// @param from count start days.
  /// @param to count end days.
  /// @param count the number of items.
  /// @param out room for count results.
  /// @return count when all succeeded, else the index of the first item out of range.
  std::size_t working_days_between_batch(const std::int32_t* from, const std::int32_t* to, std::size_t count,
                                         std::int32_t* out) const noexcept;

  /// The first working day on or after @p date (rolls forward).
  /// @param date a day in range.
  /// @return the date.
  /// @throws Error Status::out_of_range outside the range or when no working day follows in range.
  Date next_working_day(Date date) const;
  /// The last working day on or before @p date (rolls back).
  /// @param date a day in range.
  /// @return the date.
  /// @throws Error Status::out_of_range outside the range or when no working day precedes in range.
  Date previous_working_day(Date date) const;

  /// The non-working weekdays (bank holidays and closures) in [from, to], in date order.
  /// @param from first day.
  /// @param to last day.
  /// @return the holidays; empty when to < from.
  /// @throws Error Status::out_of_range outside the calendar's range.
  std::vector<Holiday> holidays(Date from, Date to) const;

  /// The holidays in [from, to] as a view into this calendar, without copying (valid while it lives).
  /// @param from first day.
  /// @param to last day.
  /// @return [first, last) pointers; empty when to < from.
  /// @throws Error Status::out_of_range outside the calendar's range.
  std::pair<const Holiday*, const Holiday*> holiday_range(Date from, Date to) const;

  /// The holiday on @p date, if it is one (weekends are not holidays).
  /// @param date any date.
  /// @return a pointer into this calendar (valid while it lives), or nullptr.
  const Holiday* holiday_on(Date date) const noexcept;

  /// Why add_working_days(date, n) gives what it gives.
  /// @param date the anchor.
  /// @param n working days.
  /// @return the explanation.
  /// @throws Error as add_working_days().
  Explanation explain_add(Date date, std::int32_t n) const;

  /// Internal tables (shared between copies).
  struct Tables;

 private:
  explicit Calendar(std::shared_ptr<const Tables> tables) noexcept;
  std::shared_ptr<const Tables> t_;
};

}  // namespace iro

#endif
