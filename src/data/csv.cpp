#include "data/csv.hpp"

#include <algorithm>

#include "iro/core/error.hpp"

namespace iro {

CsvReader::CsvReader(std::string_view text, std::string_view source) : text_(text), source_(source) {
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);  // UTF-8 byte order mark
  end_ = text_.size();
  if (!read_record()) throw Error(Status::parse, source_ + ": empty: expected a header row");
  columns_.assign(views_.begin(), views_.begin() + static_cast<std::ptrdiff_t>(used_));
  for (std::string& c : columns_) {
    c.erase(0, c.find_first_not_of(" \t"));
    c.erase(c.find_last_not_of(" \t") + 1);
  }
  count_ = columns_.size();
  body_ = pos_;
}

CsvReader::CsvReader(const CsvReader& header, std::size_t begin, std::size_t end, std::size_t line)
    : text_(header.text_),
      source_(header.source_),
      pos_(begin),
      end_(std::min(end, header.text_.size())),
      line_(line),
      count_(header.count_),
      body_(header.body_),
      columns_(header.columns_) {}

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
    if (c == '"')
      out += "\"\"";
    else
      out.push_back(c);
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
    if (used_ == 1 && views_[0].empty()) continue;  // a blank line
    if (used_ != count_) {
      throw Error(Status::parse,
                  at() + std::to_string(used_) + " fields where the header has " + std::to_string(count_));
    }
    return true;
  }
  return false;
}

namespace {

constexpr std::size_t max_field = 1u << 20;  // no field of these files is anywhere near 1 MiB
constexpr std::size_t max_fields = 4096;

// The bytes that end a plain field's run: a comma, a line end, a quote, a NUL.
struct Stops {
  bool at[256] = {};
  constexpr Stops() {
    at[static_cast<unsigned char>(',')] = at[static_cast<unsigned char>('\n')] = at[static_cast<unsigned char>('\r')] =
        true;
    at[static_cast<unsigned char>('"')] = at[0] = true;
  }
};
constexpr Stops stops;

}  // namespace

bool CsvReader::read_record() {
  if (pos_ >= end_) return false;
  row_line_ = line_;
  row_pos_ = pos_;
  if (!read_plain()) read_quoted();
  return true;
}

// The common row: fields are the runs between commas, up to a line end. Anything else (a quote, a NUL, a
// field over the limit, too many fields) is left to read_quoted(), which reads it, or fails, as it always did.
bool CsvReader::read_plain() {
  const char* const data = text_.data();
  const char* p = data + pos_;
  const char* const end = data + end_;
  std::size_t n = 0;
  const char* start = p;
  for (;;) {
    while (p != end && !stops.at[static_cast<unsigned char>(*p)]) ++p;
    if (static_cast<std::size_t>(p - start) > max_field) return false;
    if (n == views_.size()) views_.emplace_back();
    views_[n++] = std::string_view(start, static_cast<std::size_t>(p - start));
    if (p == end) {
      pos_ = end_;
      break;
    }
    const char c = *p;
    if (c == ',') {
      if (n == max_fields) return false;
      start = ++p;
      continue;
    }
    if (c == '\n' || c == '\r') {
      ++p;
      if (c == '\r' && p != end && *p == '\n') ++p;
      ++line_;
      pos_ = static_cast<std::size_t>(p - data);
      break;
    }
    return false;  // a quote or a NUL
  }
  used_ = n;
  stable_ = true;
  return true;
}

void CsvReader::read_quoted() {
  std::size_t n = 0;  // fields used (the buffers keep their capacity between rows)
  stable_ = true;
  std::size_t from = pos_;  // where the current field's text starts
  bool contiguous = true;   // the field is text_[from, from + size) (no doubled quote)
  const auto field = [&]() -> std::string& {
    if (n == fields_.size()) fields_.emplace_back();
    if (n == views_.size()) views_.emplace_back();
    if (n == starts_.size()) starts_.emplace_back();
    std::string& f = fields_[n++];
    f.clear();
    return f;
  };
  // Where each field is in the text (npos: only in its buffer); the views are made once the row is read,
  // as fields_ may still grow (and move its strings) until then.
  const auto close = [&] { starts_[n - 1] = contiguous ? from : std::string_view::npos; };
  const auto finish = [&] {
    used_ = n;
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t at = starts_[i];
      if (at != std::string_view::npos) {
        views_[i] = text_.substr(at, fields_[i].size());
      } else {
        views_[i] = fields_[i];
        stable_ = false;
      }
    }
  };
  const auto fail = [&](const std::string& why) {
    throw Error(Status::parse, source_ + ":" + std::to_string(line_) + ": " + why);
  };
  std::string* f = &field();
  bool quoted = false, after_quote = false;
  while (pos_ < end_) {
    const char c = text_[pos_++];
    if (c == '\0') fail("a NUL byte is not text");
    if (quoted) {
      if (c == '"') {
        if (pos_ < end_ && text_[pos_] == '"') {
          f->push_back('"');
          contiguous = false;
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
      close();
      f = &field();
      from = pos_;
      contiguous = true;
      after_quote = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && pos_ < end_ && text_[pos_] == '\n') ++pos_;
      ++line_;
      close();
      finish();
      return;
    } else if (c == '"') {
      if (!f->empty() || after_quote) fail("a quote in the middle of a field");
      quoted = true;
      from = pos_;
    } else {
      if (after_quote) fail("text after a closing quote");
      if (f->size() == max_field) fail("a field longer than 1 MiB");
      f->push_back(c);
    }
  }
  if (quoted) fail("a quoted field is not closed before the end of the file");
  close();
  finish();
}

std::vector<std::size_t> csv_row_splits(std::string_view text, std::size_t begin, std::size_t piece) {
  std::vector<std::size_t> cuts{begin};
  if (begin >= text.size()) return cuts;
  piece = std::max<std::size_t>(piece, 1);
  std::size_t counted = begin;  // quotes are counted up to here
  bool inside = false;          // an odd number of quotes in [begin, counted)
  const auto count_to = [&](std::size_t to) {
    const std::string_view span = text.substr(counted, to - counted);
    for (std::size_t q = span.find('"'); q != std::string_view::npos; q = span.find('"', q + 1)) inside = !inside;
    counted = to;
  };
  std::size_t target = begin;
  while (text.size() - target > piece) {
    target += piece;
    std::size_t feed = text.find('\n', target);
    if (feed == std::string_view::npos) break;
    count_to(feed);
    while (inside) {  // inside a quoted field: the next line feed, until one is outside
      feed = text.find('\n', feed + 1);
      if (feed == std::string_view::npos) break;
      count_to(feed);
    }
    if (feed == std::string_view::npos || feed + 1 >= text.size()) break;
    cuts.push_back(feed + 1);
    target = feed + 1;
  }
  cuts.push_back(text.size());
  return cuts;
}

}  // namespace iro
