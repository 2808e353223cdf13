#include "iro/roster_csv.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "csv.hpp"
#include "file_util.hpp"
#include "iro/error.hpp"

namespace iro {
namespace {

constexpr std::size_t max_csv_bytes = 256u << 20;

std::string cell(const CsvTable& t, std::size_t row, const char* name) {
  const std::size_t c = t.column(name);
  return c == std::string::npos ? std::string() : t.rows[row][c];
}

std::optional<Date> date_cell(const CsvTable& t, std::size_t row, const char* name, bool required) {
  const std::string v = cell(t, row, name);
  if (v.empty()) {
    if (required) throw Error(Status::parse, t.where(row, t.column(name)) + "a date is required");
    return std::nullopt;
  }
  try {
    return Date::parse(v);
  } catch (const Error& e) {
    throw Error(e.status(), t.where(row, t.column(name)) + e.what());
  }
}

bool flag_cell(const CsvTable& t, std::size_t row, const char* name) {
  const std::string v = cell(t, row, name);
  if (v.empty() || v == "0" || v == "no" || v == "false" || v == "N") return false;
  if (v == "1" || v == "yes" || v == "true" || v == "Y") return true;
  throw Error(Status::parse, t.where(row, t.column(name)) + quote(v) + " is not yes/no, true/false, Y/N or 1/0");
}

double fte_cell(const CsvTable& t, std::size_t row) {
  const std::string v = cell(t, row, "fte");
  char* end = nullptr;
  const double fte = std::strtod(v.c_str(), &end);
  if (v.empty() || end != v.c_str() + v.size()) {
    throw Error(Status::parse, t.where(row, t.column("fte")) + quote(v) + " is not a number");
  }
  return fte;
}

}  // namespace

void read_roster_csv(Roster& roster, RosterFile kind, std::string_view text, std::string_view source) {
  const CsvTable t = parse_csv(text, source);
  Roster updated = roster;  // all or nothing
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string at = t.source + ":" + std::to_string(t.lines[r]) + ": ";
    try {
      switch (kind) {
        case RosterFile::iros: {
          if (r == 0) require_columns(t, {"iro_id", "fte"}, {"kind", "start", "end", "attributes"});
          IroRecord iro;
          iro.id = cell(t, r, "iro_id");
          iro.fte = fte_cell(t, r);
          const std::string k = cell(t, r, "kind");
          if (k != "" && k != "permanent" && k != "agency") {
            throw Error(Status::parse, t.where(r, t.column("kind")) + quote(k) + " is not permanent or agency");
          }
          iro.agency = k == "agency";
          iro.start = date_cell(t, r, "start", false);
          iro.end = date_cell(t, r, "end", false);
          std::stringstream attrs(cell(t, r, "attributes"));
          for (std::string a; std::getline(attrs, a, ';');) {
            if (!a.empty()) iro.attributes.push_back(a);
          }
          updated.add_iro(std::move(iro));
          break;
        }
        case RosterFile::allocations:
          if (r == 0) require_columns(t, {"child_id", "iro_id", "from"}, {"to"});
          updated.add_allocation(cell(t, r, "child_id"), cell(t, r, "iro_id"), *date_cell(t, r, "from", true),
                                 date_cell(t, r, "to", false));
          break;
        case RosterFile::absences:
          if (r == 0) require_columns(t, {"iro_id", "from"}, {"to"});
          updated.add_absence(cell(t, r, "iro_id"), *date_cell(t, r, "from", true), date_cell(t, r, "to", false));
          break;
        case RosterFile::children: {
          if (r == 0) {
            require_columns(t, {"child_id"}, {"looked_after_since", "placed_far_away", "in_proceedings",
                                              "placement_moves", "sibling_group"});
          }
          CaseChild c;
          c.id = cell(t, r, "child_id");
          c.looked_after_since = date_cell(t, r, "looked_after_since", false);
          c.placed_far_away = flag_cell(t, r, "placed_far_away");
          c.in_proceedings = flag_cell(t, r, "in_proceedings");
          c.placement_moves = flag_cell(t, r, "placement_moves");
          c.sibling_group = cell(t, r, "sibling_group");
          updated.set_child(std::move(c));
          break;
        }
      }
    } catch (const Error& e) {
      const std::string what = e.what();
      throw Error(e.status(), what.rfind(t.source, 0) == 0 ? what : at + what);
    }
  }
  if (t.rows.empty()) {
    // Still check the header of an empty file.
    switch (kind) {
      case RosterFile::iros: require_columns(t, {"iro_id", "fte"}, {"kind", "start", "end", "attributes"}); break;
      case RosterFile::allocations: require_columns(t, {"child_id", "iro_id", "from"}, {"to"}); break;
      case RosterFile::absences: require_columns(t, {"iro_id", "from"}, {"to"}); break;
      case RosterFile::children:
        require_columns(t, {"child_id"}, {"looked_after_since", "placed_far_away", "in_proceedings", "placement_moves",
                                          "sibling_group"});
        break;
    }
  }
  roster = std::move(updated);
}

void load_roster_csv(Roster& roster, RosterFile kind, const std::string& path) {
  read_roster_csv(roster, kind, read_text_file(path, max_csv_bytes), path);
}

}  // namespace iro
