// Internal: a strict streaming CSV reader (RFC 4180: commas, double quotes, CRLF, LF or CR, a byte order
// mark) with a header row. Rows are read one at a time: a field is a view of the text itself (or, for a
// quoted field with doubled quotes, of a reused buffer), so memory does not grow with the file and a row
// costs no allocation. Errors name the source, the line and the column.
//
// A text can also be read in pieces (csv_row_splits()), each by its own reader made from the header's
// reader, on any thread: the pieces start at row starts, and lines are counted from the piece's start.
#ifndef IRO_SRC_CSV_HPP
#define IRO_SRC_CSV_HPP

#include "iro/core/error.hpp"
#include "iro/model/import_report.hpp"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iro {

/// A CSV field as RFC 4180 writes it: quoted (inner quotes doubled) when it holds a comma, a quote or a line
/// break; as it is otherwise. The one CSV writer of the library (export, report, figures and queries).
std::string csv_field(std::string_view value);

/// Where to cut the rows of a CSV text into pieces of about @p piece bytes: offsets into @p text, the first
/// @p begin (a row start, such as CsvReader::body()), the last text.size(), each other one just after a line
/// feed that ends a row. A line feed inside a quoted field is not a cut: the quotes before it are counted
/// (in a text that reads without error, an odd count means inside a quoted field). A text with no line feed
/// after @p begin + @p piece is one piece.
/// @param text the whole text.
/// @param begin where the rows start.
/// @param piece the bytes wanted in a piece (at least 1 is used).
/// @return the cuts, in increasing order, at least {begin, text.size()} (or {begin} when begin is the end).
std::vector<std::size_t> csv_row_splits(std::string_view text, std::size_t begin, std::size_t piece);

class CsvReader {
 public:
  /// Reads the header. Throws Error(parse) for an empty text.
  CsvReader(std::string_view text, std::string_view source);
  /// A reader of the rows of @p header's text from @p begin (a row start) up to @p end, with its columns
  /// and source, counting lines from @p line (the line @p begin is on).
  CsvReader(const CsvReader& header, std::size_t begin, std::size_t end, std::size_t line);
  /// The header's column names.
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  /// Moves to @p offset (a row start of text()) on line @p line: next() reads the row there.
  void seek(std::size_t offset, std::size_t line) noexcept {
    pos_ = offset;
    line_ = line;
  }
  /// The index of a column, or npos.
  std::size_t column(std::string_view name) const noexcept;
  /// Checks that every column of @p required is present and none is outside @p required + @p optional.
  void require(const std::vector<std::string>& required, const std::vector<std::string>& optional) const;
  /// Moves to the next non-blank row; false at the end. Throws Error(parse) naming source:line for an
  /// unclosed or stray quote, a NUL byte, or a field count that differs from the header's.
  bool next();
  /// A field of the current row ("" for npos, so optional columns read as empty). The view lasts until the
  /// next row is read, or as long as the text when stable().
  std::string_view field(std::size_t column) const noexcept {
    return column < used_ ? views_[column] : std::string_view();
  }
  /// Whether every field of the current row is a view of the text (no doubled quote in it).
  bool stable() const noexcept { return stable_; }
  /// The line the current row starts on.
  std::size_t line() const noexcept { return row_line_; }
  /// The offset in text() where the current row starts.
  std::size_t row_offset() const noexcept { return row_pos_; }
  /// The line after the last row read (where the next row would start).
  std::size_t next_line() const noexcept { return line_; }
  /// The offset of the first row after the header (for the header's reader).
  std::size_t body() const noexcept { return body_; }
  /// The text read (after any byte order mark).
  std::string_view text() const noexcept { return text_; }
  /// The source name.
  const std::string& source() const noexcept { return source_; }
  /// "source:line: column NAME: " for messages about the current row.
  std::string where(std::size_t column) const;
  /// "source:line: " for messages about the current row.
  std::string at() const;
  /// A rejected row's issue from the error that refused it: the file, the line, the column its message
  /// names (after "column NAME: ") and the rest of the message.
  ImportIssue issue(const Error& error) const;

 private:
  bool read_record();  // into views_; false at the end of the text
  bool read_plain();   // a row with no quote and no NUL (false, nothing consumed, for any other)
  void read_quoted();  // any row, byte by byte
  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0, end_ = 0, line_ = 1, row_line_ = 0, row_pos_ = 0, count_ = 0, body_ = 0;
  std::size_t used_ = 0;  // fields of the current row (views_ and fields_ keep more)
  bool stable_ = true;
  std::vector<std::string> columns_;
  std::vector<std::string_view> views_;
  std::vector<std::string> fields_;  // read_quoted()'s buffers (they keep their capacity)
  std::vector<std::size_t> starts_;  // read_quoted(): where each field is in the text, or npos
};

}  // namespace iro

#endif
