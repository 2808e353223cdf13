// Reading dispute events from CSV (declared in iro/dispute.hpp).
#include "csv.hpp"
#include "file_util.hpp"
#include "iro/dispute.hpp"
#include "iro/error.hpp"

namespace iro {

void read_disputes_csv(DisputeRegister& reg, std::string_view text, std::string_view source) {
  CsvReader t(text, source);
  t.require({"dispute_id", "date", "action"}, {"stage", "child_id", "iro_id", "category"});
  const auto cell = [&](const char* name) -> const std::string& { return t.field(t.column(name)); };
  DisputeRegister updated = reg;  // all or nothing
  while (t.next()) {
    try {
      const std::string& id = cell("dispute_id");
      DisputeEvent e;
      try {
        e.date = Date::parse(cell("date"));
      } catch (const Error& err) {
        throw Error(err.status(), t.where(t.column("date")) + err.what());
      }
      const auto action = action_from_name(cell("action"));
      if (!action) {
        throw Error(Status::parse, t.where(t.column("action")) + quote(cell("action")) +
                                       " is not raise, escalate, resolve, withdraw or refer_cafcass");
      }
      e.action = *action;
      e.stage = cell("stage");
      if (!updated.index(id)) updated.add(id, cell("child_id"), cell("iro_id"), cell("category"));
      updated.add_event(id, e);
    } catch (const Error& err) {
      const std::string what = err.what();
      throw Error(err.status(), what.rfind(t.source(), 0) == 0 ? what : t.at() + what);
    }
  }
  reg = std::move(updated);
}

void load_disputes_csv(DisputeRegister& reg, const std::string& path) {
  read_disputes_csv(reg, read_text_file(path, 256u << 20), path);
}

}  // namespace iro
