// `iro demo`: what iro does, on built-in data. Later capabilities add to it.
#include <iomanip>
#include <ostream>

#include "commands.hpp"
#include "iro/date.hpp"

namespace iro::tool {

int run_demo(const Args& /*args*/, std::ostream& out) {
  out << "iro demo: review intervals read the way the law reads them\n\n";
  out << "\"N months after D\" is the corresponding day N months later, or the last day of a shorter month\n"
         "(Dodds v Walker). Case systems that add 91 or 183 days get some of these wrong:\n\n";
  out << std::left << std::setw(14) << "last review" << std::setw(16) << "+3 months" << std::setw(14) << "+91 days"
      << std::setw(16) << "+6 months" << std::setw(14) << "+183 days" << "\n";
  const char* const samples[] = {"2023-01-31", "2023-03-15", "2023-06-01", "2023-08-31", "2024-02-29", "2024-08-31"};
  for (const char* text : samples) {
    const Date d = Date::parse(text);
    const Date m3 = d.add_months(3), d91 = d.add_days(91), m6 = d.add_months(6), d183 = d.add_days(183);
    out << std::setw(14) << d.iso() << std::setw(16) << m3.iso() << std::setw(14)
        << (d91.iso() + (d91 == m3 ? "" : " *")) << std::setw(16) << m6.iso()
        << (d183.iso() + (d183 == m6 ? "" : " *")) << "\n";
  }
  out << "\n* differs from the statutory date\n";
  return exit_ok;
}

}  // namespace iro::tool
