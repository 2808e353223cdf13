// Reading dispute events from CSV (declared in iro/dispute.hpp).
#include "data/csv.hpp"
#include "core/file_util.hpp"
#include "iro/rules/dispute.hpp"
#include "iro/core/error.hpp"

namespace iro {

namespace {

void require_columns(CsvReader& t) {
  t.require({"dispute_id", "date", "action"}, {"stage", "child_id", "iro_id", "category"});
}

// Adds the current row of @p t to @p reg (throws for a bad row, naming the column where it can).
void add_row(DisputeRegister& reg, const CsvReader& t) {
  const auto cell = [&](const char* name) { return std::string(t.field(t.column(name))); };
  const std::string id = cell("dispute_id");
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
  if (!reg.index(id)) {
    // child_id and category may list several values with ';' between them: each non-empty, each once.
    const auto list = [&](const char* name) {
      const std::string text = cell(name);
      std::vector<std::string> items = split_dispute_list(text);
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].empty()) {
          throw Error(Status::parse, t.where(t.column(name)) + quote(text) + ": item " + std::to_string(i + 1) +
                                         " of " + std::to_string(items.size()) +
                                         " is empty (separate values with one ';')");
        }
        for (std::size_t k = 0; k < i; ++k) {
          if (items[k] == items[i])
            throw Error(Status::parse,
                        t.where(t.column(name)) + quote(text) + ": " + quote(items[i]) + " is listed twice");
        }
      }
      return items;
    };
    const std::vector<std::string> children = list("child_id"), categories = list("category");
    // A new dispute enters the register only with a first event the ladder allows (tried on its own).
    DisputeRegister trial(reg.policy(), reg.calendar());
    try {
      trial.add(id, children, cell("iro_id"), categories);
    } catch (const Error& err) {  // an unknown category: name the column
      if (err.status() != Status::not_found) throw;
      throw Error(err.status(), t.where(t.column("category")) + err.what());
    }
    trial.add_event(id, e);
    reg.add(id, children, cell("iro_id"), categories);
  }
  reg.add_event(id, e);
}

}  // namespace

void read_disputes_csv(DisputeRegister& reg, std::string_view text, std::string_view source) {
  CsvReader t(text, source);
  require_columns(t);
  DisputeRegister updated = reg;  // all or nothing
  while (t.next()) {
    try {
      add_row(updated, t);
    } catch (const Error& err) {
      const std::string what = err.what();
      throw Error(err.status(), what.rfind(t.source(), 0) == 0 ? what : t.at() + what);
    }
  }
  reg = std::move(updated);
}

void read_disputes_csv(DisputeRegister& reg, std::string_view text, std::string_view source, ImportReport& report) {
  CsvReader t(text, source);
  require_columns(t);
  std::size_t& rows = report.rows[t.source()];
  while (t.next()) {
    ++rows;
    try {
      add_row(reg, t);
    } catch (const Error& err) {  // one bad row never stops the rest
      report.issues.push_back(t.issue(err));
      ++report.rejected;
    }
  }
}

void load_disputes_csv(DisputeRegister& reg, const std::string& path) {
  read_disputes_csv(reg, read_text_file(path, 256u << 20), path);
}

}  // namespace iro
