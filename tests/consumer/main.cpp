// Links the installed static C++ core through find_package(iro) and iro::core.
#include <iostream>

#include "iro/core/calendar.hpp"
#include "iro/core/date.hpp"

int main() {
  const iro::Calendar cal = iro::Calendar::england_and_wales();
  const iro::Date due = cal.add_working_days(iro::Date::parse("2024-03-25"), 20);
  std::cout << "consumer_cpp: first review due " << due << ", second by " << due.add_months(3) << "\n";
  return due == iro::Date::parse("2024-04-24") ? 0 : 1;
}
