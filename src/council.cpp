#include "iro/council.hpp"

#include <filesystem>
#include <utility>

#include "file_util.hpp"
#include "iro/dispute.hpp"
#include "iro/error.hpp"
#include "iro/roster_csv.hpp"
#include "iro/ssda903.hpp"

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
  const std::filesystem::path dir(directory);
  Ssda903Import returned = import_903_directory(directory, mode);
  CouncilImport out;
  out.book.council = directory;
  out.book.children = std::move(returned.children);
  out.report = std::move(returned.report);
  const bool strict = mode == ImportMode::strict;
  for (const auto& [name, kind] : {std::pair{"roster/iros.csv", RosterFile::iros},
                                   std::pair{"roster/children.csv", RosterFile::children},
                                   std::pair{"roster/allocations.csv", RosterFile::allocations},
                                   std::pair{"roster/absences.csv", RosterFile::absences}}) {
    const auto text = optional_file(dir, name);
    if (!text) continue;
    const std::size_t before = out.report.issues.size();
    const Roster unchanged = strict ? out.book.roster : Roster();
    read_roster_csv(out.book.roster, kind, *text, name, out.report);
    // Strict: the first rejected row fails the import, with the reader's own error (read again to get it).
    if (strict && out.report.issues.size() > before) {
      Roster again = unchanged;
      read_roster_csv(again, kind, *text, name);
      throw Error(Status::internal, name + std::string(": a row was rejected, then accepted"));
    }
  }
  if (const auto text = optional_file(dir, "disputes/events.csv")) {
    DisputeRegister reg(policy, calendar);
    const std::size_t before = out.report.issues.size();
    read_disputes_csv(reg, *text, "disputes/events.csv", out.report);
    if (strict && out.report.issues.size() > before) {
      DisputeRegister again(policy, calendar);
      read_disputes_csv(again, *text, "disputes/events.csv");
      throw Error(Status::internal, "disputes/events.csv: a row was rejected, then accepted");
    }
    out.book.disputes = reg.disputes();
  }
  return out;
}

}  // namespace iro
