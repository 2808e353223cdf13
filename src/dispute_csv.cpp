// Reading dispute events from CSV (declared in iro/dispute.hpp).
#include "csv.hpp"
#include "file_util.hpp"
#include "iro/dispute.hpp"
#include "iro/error.hpp"

namespace iro {

void read_disputes_csv(DisputeRegister& reg, std::string_view text, std::string_view source) {
  const CsvTable t = parse_csv(text, source);
  require_columns(t, {"dispute_id", "date", "action"}, {"stage", "child_id", "iro_id", "category"});
  DisputeRegister updated = reg;  // all or nothing
  const auto cell = [&](std::size_t r, const char* name) {
    const std::size_t c = t.column(name);
    return c == std::string::npos ? std::string() : t.rows[r][c];
  };
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string at = t.source + ":" + std::to_string(t.lines[r]) + ": ";
    try {
      const std::string id = cell(r, "dispute_id");
      DisputeEvent e;
      try {
        e.date = Date::parse(cell(r, "date"));
      } catch (const Error& err) {
        throw Error(err.status(), t.where(r, t.column("date")) + err.what());
      }
      const auto action = action_from_name(cell(r, "action"));
      if (!action) {
        throw Error(Status::parse, t.where(r, t.column("action")) + quote(cell(r, "action")) +
                                       " is not raise, escalate, resolve, withdraw or refer_cafcass");
      }
      e.action = *action;
      e.stage = cell(r, "stage");
      if (!updated.index(id)) updated.add(id, cell(r, "child_id"), cell(r, "iro_id"), cell(r, "category"));
      updated.add_event(id, e);
    } catch (const Error& err) {
      const std::string what = err.what();
      throw Error(err.status(), what.rfind(t.source, 0) == 0 ? what : at + what);
    }
  }
  reg = std::move(updated);
}

void load_disputes_csv(DisputeRegister& reg, const std::string& path) {
  read_disputes_csv(reg, read_text_file(path, 256u << 20), path);
}

}  // namespace iro
