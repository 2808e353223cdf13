// iro: the command-line tool built on the iro library.
#include <cstring>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "iro/core/error.hpp"
#include "iro_version.h"

namespace {

const char* const usage_text =
    "usage: iro <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  --version                      print the version of iro\n"
    "  --help                         print this text\n"
    "  demo                           a short demonstration on built-in data\n"
    "  date add-months DATE N         \"N months after DATE\" (corresponding day, else month end)\n"
    "  date add-weeks DATE N          DATE + 7N days\n"
    "  date add-days DATE N           DATE + N days\n"
    "  date weekday DATE              the day of the week\n"
    "  date days DATE                 days since 1970-01-01\n"
    "  date from-days N               the date N days after 1970-01-01\n"
    "  wd add DATE N                  the Nth working day after DATE (DATE is day 0; N may be negative)\n"
    "  wd between FROM TO             working days in (FROM, TO]\n"
    "  wd explain DATE N              which non-working days a sum stepped over, and why\n"
    "  wd is DATE                     whether DATE is a working day\n"
    "  holidays YEAR                  the bank holidays (and closures) of a year\n"
    "  check-cases PATH... [--policy P] run iro-case/1 files and directories: \"N passed, M failed\"\n"
    "  schedule CHILD.json [--as-of DATE] [--policy P]\n"
    "                                 a child's review timetable, each date explained\n"
    "  worklist CHILDREN.json --as-of DATE [--within DAYS] [--policy P]\n"
    "                                 reviews overdue or due within DAYS (default 14); then the children\n"
    "                                 refused, each with its reason (exit 1 when there are any)\n"
    "  caseload ROSTER_DIR --as-of DATE [--series FROM TO] [--advise] [--cover IRO FROM TO]\n"
    "                                 IRO loads per FTE against the band, from roster CSV files\n"
    "  disputes EVENTS.csv --from DATE --to DATE [--policy P]\n"
    "                                 dispute figures for a period (raised, resolved by stage, Cafcass...)\n"
    "  import DIR [--strict] [--as-of DATE] [--policy P] [--issues N] [--save FILE]\n"
    "                                 read an SSDA903 return; report rejected and doubtful rows\n"
    "  synth [--children N] [--iros M] [--years Y] [--seed S] [--out DIR] [--save FILE [--text]]\n"
    "                                 a synthetic council: SSDA903 return, roster, disputes; or a casebook\n"
    "  casebook FILE                  what a saved casebook holds\n"
    "  export CASEBOOK|903_DIR --as-of DATE [--format csv|json|903] [--policy P] [--out FILE]\n"
    "                                 every child's computed schedule, or a 903 Reviews table\n"
    "  report CASEBOOK|903_DIR|--demo [--year Y] [--policy P] [--format text|csv|json|md|html] [--out FILE]\n"
    "                                 the annual report for the year from 1 April Y (HTML: charts, one file)\n"
    "  report ... --figures           every figure's name and count\n"
    "  report ... --query FIGURE      the children (rows) behind one figure, as CSV\n"
    "  policy show POLICY             a policy (\"england\" or a file) as loaded, with its sources\n"
    "  policy check POLICY...         load policy files strictly and report the first error\n"
    "  policy diff A B PATH... [--as-of DATE]\n"
    "                                 the children (schedule cases, children files) whose results change\n"
    "\n"
    "--policy P: \"england\" (the built-in policy, the default) or an iro-policy/1 file (schedule: the\n"
    "  case's own overrides apply on top of P, and P replaces a policy file the case names)\n"
    "\n"
    "calendar options (wd, holidays, check-cases):\n"
    "  --govuk FILE [--division NAME] use a GOV.UK bank-holidays.json instead of the built-in rules\n"
    "  --closure DATE                 add a council closure day (repeatable)\n"
    "\n"
    "Dates are ISO-8601 YYYY-MM-DD, 1900-01-01 to 2199-12-31.\n"
    "Exit status: 0 success, 1 a check failed or some children were refused (the others were done),\n"
    "2 bad usage or input.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << usage_text;
    return iro::tool::exit_usage;
  }
  const std::string command = argv[1];
  iro::tool::Args args(argv + 2, argv + argc);
  try {
    if (command == "--version" || command == "version") {
      std::cout << "iro " << IRO_VERSION_STRING << " (ABI " << IRO_ABI_VERSION << ")\n";
      return iro::tool::exit_ok;
    }
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << usage_text;
      return iro::tool::exit_ok;
    }
    if (command == "date") return iro::tool::run_date(args, std::cout);
    if (command == "demo") return iro::tool::run_demo(args, std::cout);
    if (command == "wd") return iro::tool::run_wd(args, std::cout);
    if (command == "holidays") return iro::tool::run_holidays(args, std::cout);
    if (command == "check-cases") return iro::tool::run_check_cases(args, std::cout);
    if (command == "schedule") return iro::tool::run_schedule(args, std::cout);
    if (command == "worklist") return iro::tool::run_worklist(args, std::cout);
    if (command == "policy") return iro::tool::run_policy(args, std::cout);
    if (command == "caseload") return iro::tool::run_caseload(args, std::cout);
    if (command == "disputes") return iro::tool::run_disputes(args, std::cout);
    if (command == "import") return iro::tool::run_import(args, std::cout);
    if (command == "synth") return iro::tool::run_synth(args, std::cout);
    if (command == "casebook") return iro::tool::run_casebook(args, std::cout);
    if (command == "export") return iro::tool::run_export(args, std::cout);
    if (command == "report") return iro::tool::run_report(args, std::cout);
    std::cerr << "iro: unknown command " << iro::quote(command) << "\n\n" << usage_text;
    return iro::tool::exit_usage;
  } catch (const iro::Error& e) {
    std::cerr << "iro " << command << ": " << e.what() << " [" << iro::status_name(e.status()) << "]\n";
    return iro::tool::exit_usage;
  } catch (const std::exception& e) {
    std::cerr << "iro " << command << ": " << e.what() << "\n";
    return iro::tool::exit_usage;
  }
}
