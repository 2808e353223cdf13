/// @file conformance.hpp
/// @brief Runs conformance cases (format `iro-case/1`, tests/conformance/FORMAT.md) through the library.
///
/// A case is a JSON document that states inputs, the rule it follows (`cite`) and the expected answer.
/// The runner reads the case strictly (an unknown key is an error, not something to skip), computes the
/// answer with the public API, and compares field by field.
#ifndef IRO_CONFORMANCE_HPP
#define IRO_CONFORMANCE_HPP

#include <string>
#include <string_view>
#include <vector>

#include "iro/core/calendar.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// What became of one case.
enum class CaseVerdict {
  passed,   ///< Every expected field matched.
  failed,   ///< The library's answer differs (see CaseOutcome::differences).
  invalid,  ///< The case could not be read (see CaseOutcome::error): it counts as failed.
  skipped,  ///< The case's kind is not implemented by this version (see CaseOutcome::error).
};

/// The result of running one case.
struct CaseOutcome {
  std::string source;                          ///< The file (or name) the case came from.
  std::string name;                            ///< The case's `name`.
  std::string kind;                            ///< The case's `kind`.
  std::string cite;                            ///< The case's `cite`.
  CaseVerdict verdict = CaseVerdict::invalid;  ///< The verdict.
  std::vector<std::string> differences;        ///< "field: expected X, got Y" for each mismatch.
  std::string error;                           ///< Why the case was invalid or skipped.
};

/// The kinds this version runs: "working_days", "schedule", "caseload" and "dispute".
/// @return the kind names.
std::vector<std::string> supported_case_kinds();

/// Runs one case from its JSON text.
/// @param json the case document.
/// @param source a name for messages (the file path).
/// @param calendar the base calendar (the built-in England and Wales one for the shipped cases); a case's
///        `closure_days` are added on top of it.
/// @param policy the policy of a case that names none (nullptr: the built-in England policy); a case's own
///        `policy` object still applies its overrides to the England policy it was written against.
/// @return the outcome; never throws for a bad case (the outcome is `invalid` with the reason).
CaseOutcome run_case_json(std::string_view json, std::string_view source, const Calendar& calendar,
                          const Policy* policy = nullptr);

/// Runs one case file; a file that cannot be read is an `invalid` outcome naming it.
/// @param path the file.
/// @param calendar the base calendar.
/// @param policy as run_case_json().
/// @return the outcome.
CaseOutcome run_case_file(const std::string& path, const Calendar& calendar, const Policy* policy = nullptr);

/// Runs every `*.json` file of a directory (not recursive), in file-name order.
/// @param directory the directory.
/// @param calendar the base calendar.
/// @param policy as run_case_json().
/// @return one outcome per file.
/// @throws Error Status::io when the directory cannot be read.
std::vector<CaseOutcome> run_case_directory(const std::string& directory, const Calendar& calendar,
                                            const Policy* policy = nullptr);

/// Counts of a run.
struct CaseTally {
  int passed = 0;   ///< Cases that passed.
  int failed = 0;   ///< Cases that failed or could not be read.
  int skipped = 0;  ///< Cases of kinds this version does not run.
};

/// Counts outcomes by verdict (invalid counts as failed).
/// @param outcomes the outcomes.
/// @return the counts.
CaseTally tally(const std::vector<CaseOutcome>& outcomes);

}  // namespace iro

#endif
