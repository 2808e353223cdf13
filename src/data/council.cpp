#include "iro/data/council.hpp"

#include <filesystem>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

#include "core/concurrency.hpp"
#include "core/file_util.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"
#include "iro/data/roster_csv.hpp"
#include "iro/data/ssda903.hpp"

namespace iro {
namespace {

constexpr std::size_t max_csv_bytes = 256u << 20;

// The text of DIR/NAME, or empty when there is no such file.
std::optional<std::string> optional_file(const std::filesystem::path& dir, const std::string& name) {
  std::error_code ec;
  const std::filesystem::path path = dir / name;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  return read_text_file(path.string(), max_csv_bytes);
}

}  // namespace

CouncilImport import_council(const std::string& directory, const Policy& policy, const Calendar& calendar,
                             ImportMode mode) {
  return import_council(directory, policy, calendar, mode, ImportOptions());
}

CouncilImport import_council(const std::string& directory, const Policy& policy, const Calendar& calendar,
                             ImportMode mode, const ImportOptions& options) {
  const std::filesystem::path dir(directory);
  const bool strict = mode == ImportMode::strict;
  // The roster and the disputes do not depend on the return: they are read on a thread of their own while
  // the return is read, into their own report, and added after the return's (as if read after it: an
  // error of theirs counts only when the return had none).
  struct Local {
    Roster roster;
    std::optional<std::vector<Dispute>> disputes;
    ImportReport report;
  } local;
  const auto read_local = [&] {
    for (const auto& [name, kind] :
         {std::pair{"roster/iros.csv", RosterFile::iros}, std::pair{"roster/children.csv", RosterFile::children},
          std::pair{"roster/allocations.csv", RosterFile::allocations},
          std::pair{"roster/absences.csv", RosterFile::absences}}) {
      const auto text = optional_file(dir, name);
      if (!text) continue;
      const std::size_t before = local.report.issues.size();
      const Roster unchanged = strict ? local.roster : Roster();
      read_roster_csv(local.roster, kind, *text, name, local.report);
      // Strict: the first rejected row fails the import, with the reader's own error (read again to get it).
      if (strict && local.report.issues.size() > before) {
        Roster again = unchanged;
        read_roster_csv(again, kind, *text, name);
        throw Error(Status::internal, name + std::string(": a row was rejected, then accepted"));
      }
    }
    if (const auto text = optional_file(dir, "disputes/events.csv")) {
      DisputeRegister reg(policy, calendar);
      const std::size_t before = local.report.issues.size();
      read_disputes_csv(reg, *text, "disputes/events.csv", local.report);
      if (strict && local.report.issues.size() > before) {
        DisputeRegister again(policy, calendar);
        read_disputes_csv(again, *text, "disputes/events.csv");
        throw Error(Status::internal, "disputes/events.csv: a row was rejected, then accepted");
      }
      local.disputes = reg.disputes();
    }
  };
  Ssda903Import returned;
  run_beside(
      options.threads != 1, [&] { returned = import_903_directory(directory, mode, options); }, read_local);
  CouncilImport out;
  out.book.council = directory;
  out.book.children = std::move(returned.children);
  out.report = std::move(returned.report);
  out.book.roster = std::move(local.roster);
  if (local.disputes) out.book.disputes = std::move(*local.disputes);
  for (const auto& [file, rows] : local.report.rows) out.report.rows[file] += rows;
  out.report.rejected += local.report.rejected;
  out.report.doubtful += local.report.doubtful;
  out.report.issues.insert(out.report.issues.end(), std::make_move_iterator(local.report.issues.begin()),
                           std::make_move_iterator(local.report.issues.end()));
  return out;
}

}  // namespace iro
