// Internal: a strict CSV reader (RFC 4180: commas, double quotes, CRLF or LF) with a header row, whose
// errors name the source, the line and the column.
#ifndef IRO_SRC_CSV_HPP
#define IRO_SRC_CSV_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iro {

/// A CSV table: the header's column names and the rows, each with its 1-based line number.
struct CsvTable {
  std::string source;                     // for messages
  std::vector<std::string> columns;       // the header
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;         // the line each row starts on

  /// The index of a column, or npos.
  std::size_t column(std::string_view name) const;
  /// "source:line: column name: " for messages about row r, column c.
  std::string where(std::size_t row, std::size_t column) const;
};

/// Parses CSV text. Every row must have as many fields as the header; a field may not hold a NUL byte.
/// Throws Error(parse) naming source:line for an unterminated quote, a stray quote, a wrong field count.
CsvTable parse_csv(std::string_view text, std::string_view source);

/// Checks that the table has every column of @p required and no column outside @p required + @p optional.
void require_columns(const CsvTable& table, const std::vector<std::string>& required,
                     const std::vector<std::string>& optional);

}  // namespace iro

#endif
