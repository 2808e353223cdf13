// The iro command-line tool: one function per command group, sharing this small interface.
#ifndef IRO_TOOL_COMMANDS_HPP
#define IRO_TOOL_COMMANDS_HPP

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "iro/model/policy.hpp"

namespace iro::tool {

/// Arguments after the group name ("iro date add-months 2024-08-31 6" gives {"add-months", ...}).
using Args = std::vector<std::string>;

/// Exit codes: 0 success, 1 the rules said no (a conformance failure) or some children were refused while
/// the others were processed, 2 bad usage or input (nothing was done).
enum Exit : int { exit_ok = 0, exit_failed = 1, exit_usage = 2 };

/// `iro date ...`: date arithmetic.
int run_date(const Args& args, std::ostream& out);
/// `iro wd ...`: working-day sums, counts and explanations.
int run_wd(const Args& args, std::ostream& out);
/// `iro holidays YEAR`: the non-working weekdays of a year.
int run_holidays(const Args& args, std::ostream& out);
/// `iro check-cases PATH...`: runs iro-case/1 files and directories; prints "N passed, M failed".
int run_check_cases(const Args& args, std::ostream& out);
/// `iro schedule CHILD.json [--as-of DATE] [--policy P]`: one child's timetable with explanations.
int run_schedule(const Args& args, std::ostream& out);
/// `iro worklist CHILDREN.json --as-of DATE [--policy P]`: reviews overdue or due soon; the children that
/// could not be read or evaluated under "Refused" (exit 1 when there are any).
int run_worklist(const Args& args, std::ostream& out);
/// `iro policy show|check|diff`: policy files and policy changes.
int run_policy(const Args& args, std::ostream& out);
/// `iro caseload ROSTER_DIR --as-of DATE`: loads per FTE, series, advice, cover.
int run_caseload(const Args& args, std::ostream& out);
/// `iro disputes EVENTS.csv --from D --to D`: dispute figures for a period and the open disputes.
int run_disputes(const Args& args, std::ostream& out);
/// `iro import DIR`: an SSDA903 return, its import report and (with --as-of) review figures.
int run_import(const Args& args, std::ostream& out);
/// `iro synth`: a synthetic council's files and/or casebook.
int run_synth(const Args& args, std::ostream& out);
/// `iro casebook FILE`: a saved casebook's contents.
int run_casebook(const Args& args, std::ostream& out);
/// `iro export SOURCE --as-of DATE`: computed schedules as CSV or JSON, or a 903 Reviews table.
int run_export(const Args& args, std::ostream& out);
/// `iro report CASEBOOK|903_DIR|--demo [--year Y]`: the annual report's tables (text, CSV, JSON, Markdown, HTML).
int run_report(const Args& args, std::ostream& out);
/// `iro demo`: the built-in demonstration.
int run_demo(const Args& args, std::ostream& out);

/// Writes @p text to @p path whole or not at all: beside it first, then renamed over it, so a failed
/// write leaves no partial file (and an existing file unchanged). Throws iro::Error(io) naming the path.
void write_output_file(const std::string& path, const std::string& text);

/// The policy an option `--policy P` names: "england" (the built-in policy) or a policy file.
/// Throws iro::Error as Policy::from_file().
Policy load_policy(const std::string& name);

/// Parses a whole decimal integer argument named @p what, or throws iro::Error(parse).
long long parse_integer(const std::string& text, const char* what);
/// parse_integer() limited to the int32 range (throws iro::Error(out_of_range) beyond it).
std::int32_t parse_int32(const std::string& text, const char* what);

}  // namespace iro::tool

#endif
