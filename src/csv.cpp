#include "csv.hpp"

#include <algorithm>

#include "iro/error.hpp"

namespace iro {

CsvReader::CsvReader(std::string_view text, std::string_view source) : text_(text), source_(source) {
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // UTF-8 byte order mark
  if (!read_record()) throw Error(Status::parse, source_ + ": empty: expected a header row");
  columns_.assign(fields_.begin(), fields_.begin() + static_cast<std::ptrdiff_t>(used_));
  for (std::string& c : columns_) {
    c.erase(0, c.find_first_not_of(" \t"));
    c.erase(c.find_last_not_of(" \t") + 1);
  }
  count_ = columns_.size();
}

std::size_t CsvReader::column(std::string_view name) const noexcept {
  const auto it = std::find(columns_.begin(), columns_.end(), name);
  return it == columns_.end() ? std::string::npos : static_cast<std::size_t>(it - columns_.begin());
}

void CsvReader::require(const std::vector<std::string>& required, const std::vector<std::string>& optional) const {
  for (const std::string& r : required) {
    if (column(r) == std::string::npos) throw Error(Status::parse, source_ + ":1: missing column " + r);
  }
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    const std::string& c = columns_[i];
    if (std::find(required.begin(), required.end(), c) == required.end() &&
        std::find(optional.begin(), optional.end(), c) == optional.end()) {
      throw Error(Status::parse, source_ + ":1: unknown column " + quote(c));
    }
    for (std::size_t j = i + 1; j < columns_.size(); ++j) {
      if (columns_[j] == c) throw Error(Status::parse, source_ + ":1: column " + c + " twice");
    }
  }
}

std::string CsvReader::where(std::size_t c) const {
  return at() + "column " + (c < columns_.size() ? columns_[c] : std::string("?")) + ": ";
}

std::string csv_field(std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

std::string CsvReader::at() const { return source_ + ":" + std::to_string(row_line_) + ": "; }

ImportIssue CsvReader::issue(const Error& error) const {
  ImportIssue i;
  i.file = source_;
  i.line = row_line_;
  std::string message = error.what();
  const std::string here = at();
  if (message.rfind(here, 0) == 0) message.erase(0, here.size());
  if (message.rfind("column ", 0) == 0) {
    const auto colon = message.find(": ");
    if (colon != std::string::npos) {
      i.column = message.substr(7, colon - 7);
      message.erase(0, colon + 2);
    }
  }
  i.message = message;
  i.rejected = true;
  return i;
}

bool CsvReader::next() {
  while (read_record()) {
    if (used_ == 1 && fields_[0].empty()) continue;  // a blank line
    if (used_ != count_) {
      throw Error(Status::parse, at() + std::to_string(used_) + " fields where the header has " +
                                     std::to_string(count_));
    }
    return true;
  }
  return false;
}

bool CsvReader::read_record() {
  if (pos_ >= text_.size()) return false;
  row_line_ = line_;
  std::size_t n = 0;  // fields used in fields_ (the strings keep their capacity between rows)
  const auto field = [&]() -> std::string& {
    if (n == fields_.size()) fields_.emplace_back();
    std::string& f = fields_[n++];
    f.clear();
    return f;
  };
  const auto fail = [&](const std::string& why) {
    throw Error(Status::parse, source_ + ":" + std::to_string(line_) + ": " + why);
  };
  constexpr std::size_t max_field = 1u << 20;  // no field of these files is anywhere near 1 MiB
  constexpr std::size_t max_fields = 4096;
  std::string* f = &field();
  bool quoted = false, after_quote = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_++];
    if (c == '\0') fail("a NUL byte is not text");
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          f->push_back('"');
          ++pos_;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line_;
        if (f->size() == max_field) fail("a field longer than 1 MiB");
        f->push_back(c);
      }
      continue;
    }
    if (c == ',') {
      if (n == max_fields) fail("more than " + std::to_string(max_fields) + " fields in a row");
      f = &field();
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      used_ = n;
      return true;
    } else if (c == '"') {
      if (!f->empty() || after_quote) fail("a quote in the middle of a field");
      quoted = true;
    } else {
      if (after_quote) fail("text after a closing quote");
      if (f->size() == max_field) fail("a field longer than 1 MiB");
      f->push_back(c);
    }
  }
  if (quoted) fail("a quoted field is not closed before the end of the file");
  used_ = n;
  return true;
}

}  // namespace iro
