#include "iro/data/roster_csv.hpp"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "data/csv.hpp"
#include "core/file_util.hpp"
#include "iro/core/error.hpp"

namespace iro {
namespace {

constexpr std::size_t max_csv_bytes = 256u << 20;

std::optional<Date> date_cell(const CsvReader& t, const char* name, bool required) {
  const std::size_t c = t.column(name);
  const std::string_view v = t.field(c);
  if (v.empty()) {
    if (required) throw Error(Status::parse, t.where(c) + "a date is required");
    return std::nullopt;
  }
  try {
    return Date::parse(v);
  } catch (const Error& e) {
    throw Error(e.status(), t.where(c) + e.what());
  }
}

bool flag_cell(const CsvReader& t, const char* name) {
  const std::size_t c = t.column(name);
  const std::string_view v = t.field(c);
  if (v.empty() || v == "0" || v == "no" || v == "false" || v == "N") return false;
  if (v == "1" || v == "yes" || v == "true" || v == "Y") return true;
  throw Error(Status::parse, t.where(c) + quote(v) + " is not yes/no, true/false, Y/N or 1/0");
}

double fte_cell(const CsvReader& t) {
  const std::size_t c = t.column("fte");
  const std::string v(t.field(c));  // strtod reads up to a NUL
  char* end = nullptr;
  const double fte = std::strtod(v.c_str(), &end);
  if (v.empty() || end != v.c_str() + v.size()) throw Error(Status::parse, t.where(c) + quote(v) + " is not a number");
  return fte;
}

// Checks the header of a roster file of @p kind.
void require_columns(CsvReader& t, RosterFile kind) {
  switch (kind) {
    case RosterFile::iros: t.require({"iro_id", "fte"}, {"kind", "start", "end", "attributes"}); break;
    case RosterFile::allocations: t.require({"child_id", "iro_id", "from"}, {"to"}); break;
    case RosterFile::absences: t.require({"iro_id", "from"}, {"to"}); break;
    case RosterFile::children:
      t.require({"child_id"},
                {"looked_after_since", "placed_far_away", "in_proceedings", "placement_moves", "sibling_group"});
      break;
  }
}

// Adds the current row of @p t to @p updated (throws for a bad row, naming the column).
void add_row(Roster& updated, RosterFile kind, const CsvReader& t) {
  const auto cell = [&](const char* name) { return t.field(t.column(name)); };
  switch (kind) {
    case RosterFile::iros: {
      Officer iro;
      iro.id = std::string(cell("iro_id"));
      iro.fte = fte_cell(t);
      const std::string_view k = cell("kind");
      if (!k.empty() && k != "permanent" && k != "agency") {
        throw Error(Status::parse, t.where(t.column("kind")) + quote(k) + " is not permanent or agency");
      }
      iro.agency = k == "agency";
      iro.start = date_cell(t, "start", false);
      iro.end = date_cell(t, "end", false);
      const std::string_view attrs = cell("attributes");  // ';'-separated, empty ones skipped
      for (std::size_t from = 0; from < attrs.size();) {
        const std::size_t to = std::min(attrs.find(';', from), attrs.size());
        if (to > from) iro.attributes.emplace_back(attrs.substr(from, to - from));
        from = to + 1;
      }
      updated.add_officer(std::move(iro));
      break;
    }
    case RosterFile::allocations:
      updated.add_allocation(std::string(cell("child_id")), std::string(cell("iro_id")), *date_cell(t, "from", true),
                             date_cell(t, "to", false));
      break;
    case RosterFile::absences:
      updated.add_absence(std::string(cell("iro_id")), *date_cell(t, "from", true), date_cell(t, "to", false));
      break;
    case RosterFile::children: {
      CaseChild c;
      c.id = std::string(cell("child_id"));
      c.looked_after_since = date_cell(t, "looked_after_since", false);
      c.placed_far_away = flag_cell(t, "placed_far_away");
      c.in_proceedings = flag_cell(t, "in_proceedings");
      c.placement_moves = flag_cell(t, "placement_moves");
      c.sibling_group = std::string(cell("sibling_group"));
      updated.set_child(std::move(c));
      break;
    }
  }
}

}  // namespace

void read_roster_csv(Roster& roster, RosterFile kind, std::string_view text, std::string_view source) {
  CsvReader t(text, source);
  require_columns(t, kind);
  Roster updated = roster;  // all or nothing
  while (t.next()) {
    try {
      add_row(updated, kind, t);
    } catch (const Error& e) {
      const std::string what = e.what();
      throw Error(e.status(), what.rfind(t.source(), 0) == 0 ? what : t.at() + what);
    }
  }
  roster = std::move(updated);
}

void read_roster_csv(Roster& roster, RosterFile kind, std::string_view text, std::string_view source,
                     ImportReport& report) {
  CsvReader t(text, source);
  require_columns(t, kind);
  std::size_t& rows = report.rows[t.source()];
  while (t.next()) {
    ++rows;
    try {
      add_row(roster, kind, t);
    } catch (const Error& e) {  // one bad row never stops the rest
      report.issues.push_back(t.issue(e));
      ++report.rejected;
    }
  }
}

void load_roster_csv(Roster& roster, RosterFile kind, const std::string& path) {
  read_roster_csv(roster, kind, read_text_file(path, max_csv_bytes), path);
}

}  // namespace iro
