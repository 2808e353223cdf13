// `iro wd ...`, `iro holidays ...` and `iro conformance DIR`.
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <optional>
#include <ostream>

#include "commands.hpp"
#include "iro/core/calendar.hpp"
#include "tools/conformance.hpp"
#include "iro/core/error.hpp"

namespace iro::tool {
namespace {

// Options shared by the calendar commands: --govuk FILE [--division NAME] replaces the built-in
// calendar; --closure DATE (repeatable) adds council closure days. Returns the remaining arguments.
Calendar calendar_from(const Args& args, Args& rest) {
  std::string govuk, division = "england-and-wales";
  std::vector<Date> closures;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--govuk" && has_value)
      govuk = args[++i];
    else if (a == "--division" && has_value)
      division = args[++i];
    else if (a == "--closure" && has_value)
      closures.push_back(Date::parse(args[++i]));
    else if (a.rfind("--", 0) == 0)
      throw Error(Status::invalid_argument, "unknown or incomplete option " + quote(a));
    else
      rest.push_back(a);
  }
  Calendar cal = govuk.empty() ? Calendar::builtin(division) : Calendar::from_govuk_file(govuk, division);
  return closures.empty() ? cal : cal.with_closures(closures, "Council closure");
}

void need(const Args& rest, std::size_t count, const char* usage) {
  if (rest.size() != count) throw Error(Status::invalid_argument, std::string("usage: iro ") + usage);
}

}  // namespace

int run_wd(const Args& args, std::ostream& out) {
  Args rest;
  const Calendar cal = calendar_from(args, rest);
  const std::string sub = rest.empty() ? "" : rest[0];
  if (sub == "add") {
    need(rest, 3, "wd add DATE N [--govuk FILE] [--closure DATE]...");
    out << cal.add_working_days(Date::parse(rest[1]), parse_int32(rest[2], "N")) << "\n";
  } else if (sub == "between") {
    need(rest, 3, "wd between FROM TO");
    out << cal.working_days_between(Date::parse(rest[1]), Date::parse(rest[2])) << "\n";
  } else if (sub == "explain") {
    need(rest, 3, "wd explain DATE N");
    out << cal.explain_add(Date::parse(rest[1]), parse_int32(rest[2], "N")).text() << "\n";
  } else if (sub == "is") {
    need(rest, 2, "wd is DATE");
    const Date d = Date::parse(rest[1]);
    const Holiday* h = cal.holiday_on(d);
    out << d << " is " << (cal.is_working_day(d) ? "a working day" : "not a working day");
    if (h != nullptr)
      out << " (" << h->name << ")";
    else if (d.is_weekend())
      out << " (" << weekday_name(d.weekday()) << ")";
    out << "\n";
  } else {
    throw Error(Status::invalid_argument, "unknown wd command " + quote(sub) + "; try add, between, explain, is");
  }
  return exit_ok;
}

int run_holidays(const Args& args, std::ostream& out) {
  Args rest;
  const Calendar cal = calendar_from(args, rest);
  need(rest, 1, "holidays YEAR [--govuk FILE] [--division NAME] [--closure DATE]...");
  const int year = parse_int32(rest[0], "YEAR");
  const auto list = cal.holidays(Date::from_ymd(year, 1, 1), Date::from_ymd(year, 12, 31));
  out << "Non-working weekdays in " << year << " (" << cal.division() << ", " << cal.source() << ")";
  out << (cal.is_projected(Date::from_ymd(year, 1, 1)) ? " - PROJECTED from the rules, not yet confirmed\n" : "\n");
  for (const Holiday& h : list) {
    out << "  " << h.date << "  " << std::left << std::setw(10) << weekday_name(h.date.weekday()) << h.name
        << (h.substitute ? " (substitute day)" : "") << (h.kind == HolidayKind::closure ? " [closure]" : "") << "\n";
  }
  return exit_ok;
}

int run_check_cases(const Args& args, std::ostream& out) {
  Args given;
  std::optional<Policy> policy;  // --policy P: for the cases that name none
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--policy" && i + 1 < args.size())
      policy = load_policy(args[++i]);
    else
      given.push_back(args[i]);
  }
  Args rest;
  const Calendar cal = calendar_from(given, rest);
  if (rest.empty()) {
    throw Error(Status::invalid_argument, "usage: iro check-cases PATH... [--policy P] (case files or directories)");
  }
  const Policy* base = policy ? &*policy : nullptr;
  std::vector<CaseOutcome> outcomes;
  for (const std::string& path : rest) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      for (CaseOutcome& o : run_case_directory(path, cal, base)) outcomes.push_back(std::move(o));
    } else {
      outcomes.push_back(run_case_file(path, cal, base));
    }
  }
  for (const CaseOutcome& o : outcomes) {
    if (o.verdict == CaseVerdict::passed) continue;
    out << (o.verdict == CaseVerdict::skipped ? "SKIP " : "FAIL ") << o.source << " (" << o.name << ")\n";
    if (!o.error.empty()) out << "     " << o.error << "\n";
    for (const std::string& d : o.differences) out << "     " << d << "   [" << o.cite << "]\n";
  }
  const CaseTally t = tally(outcomes);
  out << t.passed << " passed, " << t.failed << " failed";
  if (t.skipped > 0) out << ", " << t.skipped << " skipped";
  out << "\n";
  return t.failed == 0 ? exit_ok : exit_failed;
}

}  // namespace iro::tool
