// The bank holidays of England and Wales from the rules: Banking and Financial Dealings Act 1971
// (schedule 1), the annual proclamations that moved a day, and the one-off days proclaimed in addition.
// Sources and the list of exceptions: docs/calendar.md.
#include <algorithm>

#include "core/calendar_tables.hpp"

namespace iro {
namespace {

// Easter Sunday in the Gregorian calendar (the anonymous algorithm published in Nature, 1876).
Date easter_sunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date::from_ymd(year, month, day);
}

Date first_monday(int year, int month) {
  const Date d = Date::from_ymd(year, month, 1);
  const int w = static_cast<int>(d.weekday());
  return d.add_days((8 - w) % 7);
}

Date last_monday(int year, int month) {
  const Date d = Date::from_ymd(year, month, days_in_month(year, month));
  return d.add_days(-((static_cast<int>(d.weekday()) - 1) % 7));
}

// A day moved from its usual date, or added, by proclamation.
struct Proclaimed {
  int year, month, day;
  const char* name;
  const char* replaces;  // the usual holiday it moves, or nullptr for an extra day
};

// Moved and extra days since 1970 (the GOV.UK titles where GOV.UK lists the year).
const Proclaimed proclaimed[] = {
    {1977, 6, 6, "Spring bank holiday", "Spring bank holiday"},
    {1977, 6, 7, "Queen’s Silver Jubilee", nullptr},
    {1981, 7, 29, "Royal wedding", nullptr},
    {1995, 5, 8, "Early May bank holiday (VE day)", "Early May bank holiday"},
    {1999, 12, 31, "Millennium celebrations", nullptr},
    {2002, 6, 4, "Spring bank holiday", "Spring bank holiday"},
    {2002, 6, 3, "Queen’s Golden Jubilee", nullptr},
    {2011, 4, 29, "Royal wedding", nullptr},
    {2012, 6, 4, "Spring bank holiday", "Spring bank holiday"},
    {2012, 6, 5, "Queen’s Diamond Jubilee", nullptr},
    {2020, 5, 8, "Early May bank holiday (VE day)", "Early May bank holiday"},
    {2022, 6, 2, "Spring bank holiday", "Spring bank holiday"},
    {2022, 6, 3, "Platinum Jubilee bank holiday", nullptr},
    {2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II", nullptr},
    {2023, 5, 8, "Bank holiday for the coronation of King Charles III", nullptr},
};

Holiday make(Date date, const char* name, bool substitute = false) {
  Holiday h;
  h.date = date;
  h.name = name;
  h.substitute = substitute;
  return h;
}

}  // namespace

std::vector<Holiday> england_and_wales_holidays(int year) {
  std::vector<Holiday> out;
  // New Year's Day: a bank holiday from 1974; at a weekend, the next Monday instead.
  if (year >= 1974) {
    const Date d = Date::from_ymd(year, 1, 1);
    const Weekday w = d.weekday();
    if (w == Weekday::saturday)
      out.push_back(make(d.add_days(2), "New Year’s Day", true));
    else if (w == Weekday::sunday)
      out.push_back(make(d.add_days(1), "New Year’s Day", true));
    else
      out.push_back(make(d, "New Year’s Day"));
  }
  const Date easter = easter_sunday(year);
  out.push_back(make(easter.add_days(-2), "Good Friday"));
  out.push_back(make(easter.add_days(1), "Easter Monday"));
  if (year >= 1978) out.push_back(make(first_monday(year, 5), "Early May bank holiday"));
  out.push_back(make(last_monday(year, 5), "Spring bank holiday"));
  out.push_back(make(last_monday(year, 8), "Summer bank holiday"));
  // Christmas Day and Boxing Day, with substitute days when either falls at a weekend.
  const Date christmas = Date::from_ymd(year, 12, 25);
  switch (christmas.weekday()) {
    case Weekday::friday:  // Boxing Day on Saturday
      out.push_back(make(christmas, "Christmas Day"));
      out.push_back(make(christmas.add_days(3), "Boxing Day", true));
      break;
    case Weekday::saturday:
      out.push_back(make(christmas.add_days(2), "Christmas Day", true));
      out.push_back(make(christmas.add_days(3), "Boxing Day", true));
      break;
    case Weekday::sunday:
      out.push_back(make(christmas.add_days(1), "Boxing Day"));
      out.push_back(make(christmas.add_days(2), "Christmas Day", true));
      break;
    default:
      out.push_back(make(christmas, "Christmas Day"));
      out.push_back(make(christmas.add_days(1), "Boxing Day"));
      break;
  }
  for (const Proclaimed& p : proclaimed) {
    if (p.year != year) continue;
    if (p.replaces != nullptr) {
      // The usual day of the holiday this proclamation moves is no longer a holiday.
      const std::string replaced = p.replaces;
      out.erase(std::remove_if(out.begin(), out.end(), [&](const Holiday& h) { return h.name == replaced; }),
                out.end());
    }
    out.push_back(make(Date::from_ymd(p.year, p.month, p.day), p.name));
  }
  std::sort(out.begin(), out.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

}  // namespace iro
