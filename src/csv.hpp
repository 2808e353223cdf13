// Internal: a strict streaming CSV reader (RFC 4180: commas, double quotes, CRLF or LF, a byte order
// mark) with a header row. Rows are read one at a time into reused buffers, so memory does not grow with
// the file. Errors name the source, the line and the column.
#ifndef IRO_SRC_CSV_HPP
#define IRO_SRC_CSV_HPP

#include "iro/error.hpp"
#include "iro/import_report.hpp"
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iro {

/// A CSV field as RFC 4180 writes it: quoted (inner quotes doubled) when it holds a comma, a quote or a line
/// break; as it is otherwise. The one CSV writer of the library (export, report, figures and queries).
std::string csv_field(std::string_view value);

class CsvReader {
 public:
  /// Reads the header. Throws Error(parse) for an empty text.
  CsvReader(std::string_view text, std::string_view source);
  /// The header's column names.
  const std::vector<std::string>& columns() const noexcept { return columns_; }
  /// The index of a column, or npos.
  std::size_t column(std::string_view name) const noexcept;
  /// Checks that every column of @p required is present and none is outside @p required + @p optional.
  void require(const std::vector<std::string>& required, const std::vector<std::string>& optional) const;
  /// Moves to the next non-blank row; false at the end. Throws Error(parse) naming source:line for an
  /// unclosed or stray quote, a NUL byte, or a field count that differs from the header's.
  bool next();
  /// A field of the current row ("" for npos, so optional columns read as empty).
  const std::string& field(std::size_t column) const noexcept { return column < used_ ? fields_[column] : empty_; }
  /// The line the current row starts on.
  std::size_t line() const noexcept { return row_line_; }
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
  bool read_record();  // into fields_; false at the end of the text
  std::string_view text_;
  std::string source_;
  std::size_t pos_ = 0, line_ = 1, row_line_ = 0, count_ = 0;
  std::size_t used_ = 0;  // fields of the current row (fields_ keeps more, with their capacity)
  std::vector<std::string> columns_;
  std::vector<std::string> fields_;
  std::string empty_;
};

}  // namespace iro

#endif
