// Internal: the tables behind iro::Calendar and the builders the calendar sources share.
#ifndef IRO_SRC_CALENDAR_TABLES_HPP
#define IRO_SRC_CALENDAR_TABLES_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "iro/core/calendar.hpp"

namespace iro {

struct Calendar::Tables {
  std::string division;
  std::string source;
  Date first;                     // 1 January of the first year covered
  Date last;                      // 31 December of the last year covered
  int confirmed_through = 0;      // last year confirmed by a published list
  std::vector<bool> confirmed;    // per year from first.year(): confirmed by a published list
  std::vector<Holiday> holidays;  // non-working weekdays, sorted, one per date
  // rank[i]: working days in [first, first + i), for i = 0 .. days covered; so the working days in
  // (a, b] are rank[b - first + 1] - rank[a - first + 1].
  std::vector<std::int32_t> rank;
  // working[k]: the day count of the k-th working day of the range.
  std::vector<std::int32_t> working;
};

/// Builds the tables for the years first_year..last_year from a list of holidays (any order; weekend
/// entries and entries outside the years are dropped; on a date listed twice the first entry is kept).
/// @p confirmed has one flag per year (true: a published list confirmed it); each holiday's
/// `projected` is set from it.
Calendar::Tables make_tables(std::string division, std::string source, int first_year, int last_year,
                             std::vector<bool> confirmed, std::vector<Holiday> holidays);

/// The bank holidays of England and Wales in @p year by the statutory rules and proclamations.
std::vector<Holiday> england_and_wales_holidays(int year);

/// The last year of England and Wales holidays checked against a published GOV.UK list.
constexpr int england_and_wales_confirmed_through = 2027;

/// A division's events read from a GOV.UK bank-holidays.json document.
struct GovukDivision {
  std::vector<Holiday> events;  // in file order, weekend ones included
  int first_year = 0;
  int last_year = 0;
};

/// Reads @p division from a GOV.UK document; throws iro::Error naming @p source, line and column or the
/// event index and field.
GovukDivision read_govuk_division(std::string_view json, std::string_view division, std::string_view source);

}  // namespace iro

#endif
