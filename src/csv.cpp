#include "csv.hpp"

#include <algorithm>

#include "iro/error.hpp"

namespace iro {

std::size_t CsvTable::column(std::string_view name) const {
  const auto it = std::find(columns.begin(), columns.end(), name);
  return it == columns.end() ? std::string::npos : static_cast<std::size_t>(it - columns.begin());
}

std::string CsvTable::where(std::size_t row, std::size_t col) const {
  return source + ":" + std::to_string(lines.at(row)) + ": column " + columns.at(col) + ": ";
}

CsvTable parse_csv(std::string_view text, std::string_view source) {
  CsvTable t;
  t.source = std::string(source);
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark
  std::vector<std::vector<std::string>> records;
  std::vector<std::size_t> starts;
  std::vector<std::string> record;
  std::string field;
  std::size_t line = 1, start_line = 1, i = 0;
  bool quoted = false, after_quote = false, any = false;
  const auto fail = [&](const std::string& why) {
    throw Error(Status::parse, t.source + ":" + std::to_string(line) + ": " + why);
  };
  const auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    if (!(record.size() == 1 && record[0].empty())) {  // skip blank lines
      records.push_back(std::move(record));
      starts.push_back(start_line);
    }
    record.clear();
    any = false;
  };
  while (i < text.size()) {
    const char c = text[i++];
    if (c == '\0') fail("a NUL byte is not text");
    if (quoted) {
      if (c == '"') {
        if (i < text.size() && text[i] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (!any) start_line = line;
    any = true;
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i < text.size() && text[i] == '\n') ++i;
      end_record();
      after_quote = false;
      ++line;
    } else if (c == '"') {
      if (!field.empty() || after_quote) fail("a quote in the middle of a field");
      quoted = true;
    } else {
      if (after_quote) fail("text after a closing quote");
      field.push_back(c);
    }
  }
  if (quoted) fail("a quoted field is not closed before the end of the file");
  if (any || !field.empty() || !record.empty()) end_record();
  if (records.empty()) throw Error(Status::parse, t.source + ": empty: expected a header row");
  t.columns = records.front();
  for (std::string& c : t.columns) {
    c.erase(0, c.find_first_not_of(" \t"));
    c.erase(c.find_last_not_of(" \t") + 1);
  }
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != t.columns.size()) {
      throw Error(Status::parse, t.source + ":" + std::to_string(starts[r]) + ": " + std::to_string(records[r].size()) +
                                     " fields where the header has " + std::to_string(t.columns.size()));
    }
    t.rows.push_back(std::move(records[r]));
    t.lines.push_back(starts[r]);
  }
  return t;
}

void require_columns(const CsvTable& t, const std::vector<std::string>& required, const std::vector<std::string>& optional) {
  for (const std::string& r : required) {
    if (t.column(r) == std::string::npos) throw Error(Status::parse, t.source + ":1: missing column " + r);
  }
  for (const std::string& c : t.columns) {
    if (std::find(required.begin(), required.end(), c) == required.end() &&
        std::find(optional.begin(), optional.end(), c) == optional.end()) {
      throw Error(Status::parse, t.source + ":1: unknown column " + quote(c));
    }
  }
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    for (std::size_t j = i + 1; j < t.columns.size(); ++j) {
      if (t.columns[i] == t.columns[j]) throw Error(Status::parse, t.source + ":1: column " + t.columns[i] + " twice");
    }
  }
}

}  // namespace iro
