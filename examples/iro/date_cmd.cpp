// `iro date ...` and the shared argument helpers.
#include <cerrno>
#include <cstdlib>
#include <ostream>

#include "commands.hpp"
#include "iro/core/date.hpp"
#include "iro/core/error.hpp"

namespace iro::tool {

long long parse_integer(const std::string& text, const char* what) {
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || text[0] == ' ') {
    throw Error(Status::parse, std::string(what) + " " + quote(text) + " is not a whole number");
  }
  return value;
}

std::int32_t parse_int32(const std::string& text, const char* what) {
  const long long value = parse_integer(text, what);
  if (value < INT32_MIN || value > INT32_MAX) {
    throw Error(Status::out_of_range, std::string(what) + " " + quote(text) + " is outside -2147483648..2147483647");
  }
  return static_cast<std::int32_t>(value);
}

namespace {

void need(const Args& args, std::size_t count, const char* usage) {
  if (args.size() != count) throw Error(Status::invalid_argument, std::string("usage: iro date ") + usage);
}

}  // namespace

int run_date(const Args& args, std::ostream& out) {
  const std::string sub = args.empty() ? "" : args[0];
  if (sub == "add-months" || sub == "add-weeks" || sub == "add-days") {
    need(args, 3, (sub + " DATE N").c_str());
    const Date from = Date::parse(args[1]);
    const long long n = parse_integer(args[2], "N");
    const Date to = sub == "add-months"  ? from.add_months(n)
                    : sub == "add-weeks" ? from.add_weeks(n)
                                         : from.add_days(n);
    out << to << "\n";
    return exit_ok;
  }
  if (sub == "weekday") {
    need(args, 2, "weekday DATE");
    out << weekday_name(Date::parse(args[1]).weekday()) << "\n";
    return exit_ok;
  }
  if (sub == "days") {
    need(args, 2, "days DATE");
    out << Date::parse(args[1]).days() << "\n";
    return exit_ok;
  }
  if (sub == "from-days") {
    need(args, 2, "from-days N");
    out << Date::from_days(parse_integer(args[1], "N")) << "\n";
    return exit_ok;
  }
  throw Error(Status::invalid_argument,
              "unknown date command " + quote(sub) + "; try add-months, add-weeks, add-days, weekday, days, from-days");
}

}  // namespace iro::tool
