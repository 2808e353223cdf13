#include "iro/core/calendar.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/calendar_tables.hpp"
#include "core/file_util.hpp"
#include "iro/core/error.hpp"

namespace iro {

namespace {

constexpr const char* builtin_division = "england-and-wales";
constexpr int builtin_first_year = 1970;
constexpr int builtin_last_year = Date::max_year;
// A GOV.UK file is about 20 KB; anything this large is not one.
constexpr std::size_t max_govuk_file_bytes = 16u << 20;

bool by_date(const Holiday& a, const Holiday& b) { return a.date < b.date; }

std::string range_message(const Calendar::Tables& t) {
  return "the calendar's range " + t.first.iso() + " to " + t.last.iso();
}

[[noreturn]] void throw_outside(const Calendar::Tables& t, Date date, const char* what) {
  throw Error(Status::out_of_range, std::string(what) + " " + date.iso() + " is outside " + range_message(t));
}

std::size_t offset_of(const Calendar::Tables& t, Date date, const char* what) {
  if (date < t.first || date > t.last) throw_outside(t, date, what);
  return static_cast<std::size_t>(date - t.first);
}

std::string read_file(const std::string& path) { return read_text_file(path, max_govuk_file_bytes); }

}  // namespace

Calendar::Tables make_tables(std::string division, std::string source, int first_year, int last_year,
                             std::vector<bool> confirmed, std::vector<Holiday> holidays) {
  Calendar::Tables t;
  t.division = std::move(division);
  t.source = std::move(source);
  t.first = Date::from_ymd(first_year, 1, 1);
  t.last = Date::from_ymd(last_year, 12, 31);
  confirmed.resize(static_cast<std::size_t>(last_year) - static_cast<std::size_t>(first_year) + 1, false);
  t.confirmed = std::move(confirmed);
  t.confirmed_through = first_year - 1;
  for (std::size_t y = 0; y < t.confirmed.size(); ++y) {
    if (t.confirmed[y]) t.confirmed_through = first_year + static_cast<int>(y);
  }
  std::stable_sort(holidays.begin(), holidays.end(), by_date);
  for (Holiday& h : holidays) {
    if (h.date < t.first || h.date > t.last || h.date.is_weekend()) continue;
    if (!t.holidays.empty() && t.holidays.back().date == h.date) continue;
    h.projected = !t.confirmed[static_cast<std::size_t>(h.date.year() - first_year)];
    t.holidays.push_back(std::move(h));
  }
  const std::size_t days = static_cast<std::size_t>(t.last - t.first) + 1;
  t.rank.resize(days + 1);
  t.working.reserve(days);
  auto next_holiday = t.holidays.begin();
  std::int32_t count = 0;
  for (std::size_t i = 0; i < days; ++i) {
    const Date d = Date::from_days_unchecked(t.first.days() + static_cast<std::int32_t>(i));
    t.rank[i] = count;
    bool working = !d.is_weekend();
    if (next_holiday != t.holidays.end() && next_holiday->date == d) {
      working = false;
      ++next_holiday;
    }
    if (working) {
      t.working.push_back(d.days());
      ++count;
    }
  }
  t.rank[days] = count;
  return t;
}

Calendar::Calendar(std::shared_ptr<const Tables> tables) noexcept : t_(std::move(tables)) {}

Calendar Calendar::england_and_wales() {
  std::vector<Holiday> all;
  for (int year = builtin_first_year; year <= builtin_last_year; ++year) {
    std::vector<Holiday> y = england_and_wales_holidays(year);
    all.insert(all.end(), std::make_move_iterator(y.begin()), std::make_move_iterator(y.end()));
  }
  std::vector<bool> confirmed(static_cast<std::size_t>(builtin_last_year - builtin_first_year + 1), false);
  for (int y = builtin_first_year; y <= england_and_wales_confirmed_through; ++y) {
    confirmed[static_cast<std::size_t>(y - builtin_first_year)] = true;
  }
  return Calendar(std::make_shared<const Tables>(
      make_tables(builtin_division, "built-in rules (Banking and Financial Dealings Act 1971 and proclamations)",
                  builtin_first_year, builtin_last_year, std::move(confirmed), std::move(all))));
}

Calendar Calendar::builtin(std::string_view division) {
  if (division == builtin_division) return england_and_wales();
  throw Error(Status::not_found, "no built-in calendar for division " + quote(division) +
                                     "; built in: \"england-and-wales\" (load a GOV.UK bank-holidays.json for "
                                     "another division)");
}

Calendar Calendar::from_govuk_json(std::string_view json, std::string_view division, std::string_view source) {
  GovukDivision d = read_govuk_division(json, division, source);
  std::vector<bool> confirmed(static_cast<std::size_t>(d.last_year - d.first_year + 1), true);
  return Calendar(std::make_shared<const Tables>(make_tables(std::string(division), std::string(source), d.first_year,
                                                             d.last_year, std::move(confirmed), std::move(d.events))));
}

Calendar Calendar::from_govuk_file(const std::string& path, std::string_view division) {
  return from_govuk_json(read_file(path), division, path);
}

Calendar Calendar::updated_with_govuk_json(std::string_view json, std::string_view division,
                                           std::string_view source) const {
  if (division != t_->division) {
    throw Error(Status::invalid_argument, "cannot update a calendar of " + quote(t_->division) + " with division " +
                                              quote(division) + " of " + quote(source, 256));
  }
  GovukDivision d = read_govuk_division(json, division, source);
  if (d.first_year < t_->first.year() || d.last_year > t_->last.year()) {
    throw Error(Status::invalid_argument, quote(source, 256) + " covers " + std::to_string(d.first_year) + "-" +
                                              std::to_string(d.last_year) + ", outside " + range_message(*t_));
  }
  // Keep what the document does not speak for: other years' holidays, and every closure day.
  std::vector<Holiday> merged;
  for (const Holiday& h : t_->holidays) {
    const int y = h.date.year();
    if (h.kind == HolidayKind::closure || y < d.first_year || y > d.last_year) merged.push_back(h);
  }
  // Published holidays first, so a closure on the same date gives way to them.
  std::vector<Holiday> all = std::move(d.events);
  all.insert(all.end(), merged.begin(), merged.end());
  std::stable_sort(all.begin(), all.end(), [](const Holiday& a, const Holiday& b) {
    if (a.date != b.date) return a.date < b.date;
    return a.kind == HolidayKind::bank_holiday && b.kind == HolidayKind::closure;
  });
  std::vector<bool> confirmed = t_->confirmed;
  for (int y = d.first_year; y <= d.last_year; ++y) confirmed[static_cast<std::size_t>(y - t_->first.year())] = true;
  return Calendar(std::make_shared<const Tables>(
      make_tables(t_->division, t_->source + ", updated from " + std::string(source), t_->first.year(), t_->last.year(),
                  std::move(confirmed), std::move(all))));
}

Calendar Calendar::updated_with_govuk_file(const std::string& path, std::string_view division) const {
  return updated_with_govuk_json(read_file(path), division, path);
}

Calendar Calendar::with_closures(const std::vector<Date>& days, std::string_view name) const {
  std::vector<Holiday> all = t_->holidays;  // existing entries come first and win on a shared date
  for (std::size_t i = 0; i < days.size(); ++i) {
    const Date day = days[i];
    if (day < t_->first || day > t_->last) {
      throw Error(Status::out_of_range,
                  "closure day " + std::to_string(i) + " (" + day.iso() + ") is outside " + range_message(*t_));
    }
    Holiday h;
    h.date = day;
    h.name = std::string(name);
    h.kind = HolidayKind::closure;
    all.push_back(std::move(h));
  }
  std::string source = t_->source + ", with " + std::to_string(days.size()) + " closure day" +
                       (days.size() == 1 ? "" : "s") + " (" + std::string(name) + ")";
  return Calendar(std::make_shared<const Tables>(
      make_tables(t_->division, std::move(source), t_->first.year(), t_->last.year(), t_->confirmed, std::move(all))));
}

const std::string& Calendar::division() const noexcept { return t_->division; }
const std::string& Calendar::source() const noexcept { return t_->source; }
Date Calendar::range_first() const noexcept { return t_->first; }
Date Calendar::range_last() const noexcept { return t_->last; }
int Calendar::confirmed_through() const noexcept { return t_->confirmed_through; }

bool Calendar::is_projected(Date date) const noexcept {
  if (date < t_->first || date > t_->last) return true;
  return !t_->confirmed[static_cast<std::size_t>(date.year() - t_->first.year())];
}

bool Calendar::is_working_day(Date date) const {
  const std::size_t i = offset_of(*t_, date, "date");
  return t_->rank[i + 1] != t_->rank[i];
}

Date Calendar::add_working_days(Date date, std::int32_t n) const {
  const std::int32_t d = date.days();
  std::int32_t out = 0;
  if (add_working_days_batch(&d, 1, n, &out) == 1) return Date::from_days_unchecked(out);
  offset_of(*t_, date, "date");  // throws when the anchor itself is outside
  throw Error(Status::out_of_range, date.iso() + (n >= 0 ? " + " : " - ") +
                                        std::to_string(n >= 0 ? n : -std::int64_t{n}) + " working days falls outside " +
                                        range_message(*t_));
}

Date Calendar::add_working_days(Date date, std::int32_t n, AnchorConvention convention) const {
  if (convention == AnchorConvention::counts_as_day_one && n != 0 && is_working_day(date)) {
    return add_working_days(date, n > 0 ? n - 1 : n + 1);
  }
  return add_working_days(date, n);
}

namespace {

// d - first as an offset into the tables, in unsigned arithmetic: any int32 day (INT32_MIN included,
// from a caller's array) gives a defined value, and one outside the range is larger than its span.
std::uint32_t day_offset(std::int32_t d, std::int32_t first) noexcept {
  return static_cast<std::uint32_t>(d) - static_cast<std::uint32_t>(first);
}

}  // namespace

std::size_t Calendar::add_working_days_batch(const std::int32_t* days, std::size_t count, std::int32_t n,
                                             std::int32_t* out) const noexcept {
  const std::int32_t first = t_->first.days();
  const std::uint32_t span = static_cast<std::uint32_t>(t_->last - t_->first);
  const std::int32_t* rank = t_->rank.data();
  const std::int32_t* working = t_->working.data();
  const std::int64_t total = static_cast<std::int64_t>(t_->working.size());
  if (n == 0) {
    for (std::size_t i = 0; i < count; ++i) {
      if (day_offset(days[i], first) > span) return i;
      out[i] = days[i];
    }
    return count;
  }
  // n > 0: the anchor's own working day (if any) is day 0, so count from the working days <= anchor.
  // n < 0: count back from the working days < anchor.
  const std::int32_t base = n > 0 ? 1 : 0;
  const std::int64_t step = static_cast<std::int64_t>(n) - base;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t off = day_offset(days[i], first);
    if (off > span) return i;
    const std::int64_t k = rank[off + base] + step;
    if (k < 0 || k >= total) return i;
    out[i] = working[k];
  }
  return count;
}

std::int32_t Calendar::working_days_between(Date from, Date to) const {
  const std::size_t a = offset_of(*t_, from, "date");
  const std::size_t b = offset_of(*t_, to, "date");
  return t_->rank[b + 1] - t_->rank[a + 1];
}

std::size_t Calendar::working_days_between_batch(const std::int32_t* from, const std::int32_t* to, std::size_t count,
                                                 std::int32_t* out) const noexcept {
  const std::int32_t first = t_->first.days();
  const std::uint32_t span = static_cast<std::uint32_t>(t_->last - t_->first);
  const std::int32_t* rank = t_->rank.data() + 1;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t a = day_offset(from[i], first);
    const std::uint32_t b = day_offset(to[i], first);
    if (a > span || b > span) return i;
    out[i] = rank[b] - rank[a];
  }
  return count;
}

Date Calendar::next_working_day(Date date) const {
  const std::size_t i = offset_of(*t_, date, "date");
  const std::size_t k = static_cast<std::size_t>(t_->rank[i]);
  if (k >= t_->working.size()) {
    throw Error(Status::out_of_range, "no working day on or after " + date.iso() + " within " + range_message(*t_));
  }
  return Date::from_days_unchecked(t_->working[k]);
}

Date Calendar::previous_working_day(Date date) const {
  const std::size_t i = offset_of(*t_, date, "date");
  const std::int32_t k = t_->rank[i + 1] - 1;
  if (k < 0) {
    throw Error(Status::out_of_range, "no working day on or before " + date.iso() + " within " + range_message(*t_));
  }
  return Date::from_days_unchecked(t_->working[static_cast<std::size_t>(k)]);
}

std::pair<const Holiday*, const Holiday*> Calendar::holiday_range(Date from, Date to) const {
  offset_of(*t_, from, "date");
  offset_of(*t_, to, "date");
  const Holiday* const begin = t_->holidays.data();
  const Holiday* const end = begin + t_->holidays.size();
  if (to < from) return {end, end};
  Holiday probe;
  probe.date = from;
  const Holiday* lo = std::lower_bound(begin, end, probe, by_date);
  probe.date = to;
  return {lo, std::upper_bound(lo, end, probe, by_date)};
}

std::vector<Holiday> Calendar::holidays(Date from, Date to) const {
  const auto [lo, hi] = holiday_range(from, to);
  return std::vector<Holiday>(lo, hi);
}

const Holiday* Calendar::holiday_on(Date date) const noexcept {
  Holiday probe;
  probe.date = date;
  const auto it = std::lower_bound(t_->holidays.begin(), t_->holidays.end(), probe, by_date);
  return it != t_->holidays.end() && it->date == date ? &*it : nullptr;
}

Explanation Calendar::explain_add(Date date, std::int32_t n) const {
  Explanation e;
  e.from = date;
  e.n = n;
  e.result = add_working_days(date, n);
  e.projected = is_projected(date) || is_projected(e.result);
  const Date lo = std::min(date, e.result), hi = std::max(date, e.result);
  for (Date d = lo.add_days(1); d < hi; d = d.add_days(1)) {
    if (const Holiday* h = holiday_on(d)) {
      // A substitute day is named as one: "Christmas Day (substitute day)", not the day it stands for.
      e.skipped.push_back(SkippedDay{d, h->substitute ? h->name + " (substitute day)" : h->name});
    } else if (d.is_weekend()) {
      e.skipped.push_back(SkippedDay{d, weekday_name(d.weekday())});
    }
  }
  if (n < 0) std::reverse(e.skipped.begin(), e.skipped.end());
  return e;
}

std::string Explanation::text() const {
  std::ostringstream s;
  const std::int64_t magnitude = n < 0 ? -std::int64_t{n} : n;
  s << from << (n < 0 ? " - " : " + ") << magnitude << " working day" << (magnitude == 1 ? "" : "s") << " = " << result
    << " (" << weekday_name(result.weekday()) << ")";
  if (n == 0) {
    s << ": adding 0 working days gives the anchor itself";
    return s.str();
  }
  s << "; the anchor " << from << " is day 0";
  std::size_t weekend = 0;
  std::vector<const SkippedDay*> named;
  for (const SkippedDay& d : skipped) {
    if (d.reason == "Saturday" || d.reason == "Sunday")
      ++weekend;
    else
      named.push_back(&d);
  }
  if (skipped.empty()) {
    s << "; no non-working day in between";
  } else {
    s << "; stepped over " << weekend << " weekend day" << (weekend == 1 ? "" : "s");
    if (!named.empty()) {
      s << " and " << named.size() << " holiday" << (named.size() == 1 ? "" : "s") << ":";
      for (std::size_t i = 0; i < named.size(); ++i) {
        s << (i == 0 ? " " : ", ") << named[i]->date << " " << named[i]->reason;
      }
    }
  }
  if (projected) {
    s << " (note: the holidays of " << std::max(from.year(), result.year())
      << " are projected from the rules; no published list has confirmed them yet)";
  }
  return s.str();
}

}  // namespace iro
