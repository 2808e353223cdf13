// Tests of the internal CSV reader (src/data/csv.hpp): the row-by-row reading every table uses, and reading a
// text in pieces cut by csv_row_splits() (what import_903() does on several threads).
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "data/csv.hpp"
#include "failure.hpp"

using iro::CsvReader;
using iro::test::failure;

namespace {

struct Row {
  std::size_t line;
  std::size_t offset;
  std::vector<std::string> fields;
  bool operator==(const Row& o) const { return line == o.line && offset == o.offset && fields == o.fields; }
};

std::vector<Row> rows_of(CsvReader& t) {
  std::vector<Row> out;
  while (t.next()) {
    Row r{t.line(), t.row_offset(), {}};
    for (std::size_t c = 0; c < t.columns().size(); ++c) r.fields.emplace_back(t.field(c));
    out.push_back(r);
  }
  return out;
}

// The rows of @p text read whole, and read in pieces of @p piece bytes (lines counted from each piece's
// start, then moved on by the lines of the pieces before it).
std::pair<std::vector<Row>, std::vector<Row>> whole_and_in_pieces(const std::string& text, std::size_t piece) {
  CsvReader whole(text, "t.csv");
  const std::vector<Row> expected = rows_of(whole);
  CsvReader head(text, "t.csv");
  const std::vector<std::size_t> cuts = iro::csv_row_splits(head.text(), head.body(), piece);
  std::vector<Row> got;
  std::size_t line = head.next_line();
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    CsvReader part(head, cuts[i], cuts[i + 1], 0);
    for (Row r : rows_of(part)) {
      r.line += line;
      got.push_back(r);
    }
    line += part.next_line();
  }
  return {expected, got};
}

const std::string quoted_breaks =
    "A,B,C\r\n1,\"x\ny\",3\r\n\"4\",\"a "
    "\"\"q\"\"\r\n\",6\r\n\r\n7,8,\"\n\n9,9,9\n\"\n10,11,12\n\"\",\"\",\"\"\n13,14,15";

}  // namespace

TEST(Csv, PlainQuotedAndDoubledQuoteFields) {
  CsvReader t(
      "\xEF\xBB\xBF"
      " A ,B,C\n1,\"two, with comma\",\"say \"\"hi\"\"\"\n4,5,6\r\n7,,\"\"\r\r\n",
      "t.csv");
  EXPECT_EQ(t.columns(), (std::vector<std::string>{"A", "B", "C"}));
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.field(1), "two, with comma");
  EXPECT_EQ(t.field(2), "say \"hi\"");
  EXPECT_FALSE(t.stable()) << "a doubled quote is only in a buffer";
  ASSERT_TRUE(t.next());
  EXPECT_TRUE(t.stable());
  const std::string_view four = t.field(0);
  EXPECT_EQ(t.line(), 3u);
  ASSERT_TRUE(t.next());
  EXPECT_EQ(four, "4") << "a stable field is a view of the text: it outlives its row";
  EXPECT_EQ(t.field(1), "");
  EXPECT_EQ(t.field(2), "");
  EXPECT_EQ(t.field(std::string::npos), "");
  EXPECT_EQ(t.line(), 4u);
  EXPECT_FALSE(t.next()) << "CR then CRLF: two line ends, the second a blank line";
  EXPECT_EQ(t.next_line(), 6u);
}

TEST(Csv, CrOnlyLineEndsAndBlankLines) {
  CsvReader t("A,B\r1,2\r\r3,4", "t.csv");
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.line(), 2u);
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.line(), 4u);
  EXPECT_EQ(t.field(1), "4");
  EXPECT_FALSE(t.next());
}

TEST(Csv, ErrorsNameTheLineTheyAreOn) {
  const auto error = [](const std::string& text) {
    return failure([&] {
             CsvReader t(text, "t.csv");
             while (t.next()) {
             }
           })
        .second;
  };
  EXPECT_EQ(error("A,B\n1,2\n3\n"), "t.csv:3: 1 fields where the header has 2");
  EXPECT_EQ(error("A,B\n1,2\n3,a\"b\n"), "t.csv:3: a quote in the middle of a field");
  EXPECT_EQ(error("A,B\n1,\"x\ny\"z\n"), "t.csv:3: text after a closing quote");
  EXPECT_EQ(error("A,B\n1,\"x\ny\n"), "t.csv:4: a quoted field is not closed before the end of the file")
      << "the line it ends on";
  EXPECT_EQ(error(std::string("A,B\n1,2\n3,\0\n", 13)), "t.csv:3: a NUL byte is not text");
  EXPECT_EQ(error("A,B\n" + std::string((1u << 20) + 1, 'x') + ",1\n"), "t.csv:2: a field longer than 1 MiB");
  EXPECT_EQ(error("A,B\n" + std::string(1u << 20, 'x') + ",1\n"), "");
  EXPECT_EQ(error("A,B\n1,2\n" + std::string(4096, ',') + "\n"), "t.csv:3: more than 4096 fields in a row");
  EXPECT_EQ(error("A,B\n1,2\n" + std::string(4095, ',') + "\n"), "t.csv:3: 4096 fields where the header has 2");
  EXPECT_EQ(error(""), "t.csv: empty: expected a header row");
}

TEST(Csv, SeekReadsTheRowThereAgain) {
  const std::string text = "A,B\n1,2\n\"3\n3\",4\n5,6\n";
  CsvReader t(text, "t.csv");
  ASSERT_TRUE(t.next());
  ASSERT_TRUE(t.next());
  const std::size_t offset = t.row_offset(), line = t.line();
  ASSERT_TRUE(t.next());
  t.seek(offset, line);
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.field(0), "3\n3");
  EXPECT_EQ(t.line(), 3u);
  EXPECT_EQ(t.next_line(), 5u);
}

TEST(Csv, CutsAreRowStartsNeverInsideAQuotedField) {
  const CsvReader whole(quoted_breaks, "t.csv");
  // Every line start outside a quoted field is a row start or a blank line.
  CsvReader again(quoted_breaks, "t.csv");
  std::set<std::size_t> row_ends;
  while (again.next()) row_ends.insert(again.row_offset());
  for (std::size_t piece = 1; piece <= quoted_breaks.size() + 1; ++piece) {
    const std::vector<std::size_t> cuts = iro::csv_row_splits(quoted_breaks, whole.body(), piece);
    ASSERT_GE(cuts.size(), 2u);
    EXPECT_EQ(cuts.front(), whole.body());
    EXPECT_EQ(cuts.back(), quoted_breaks.size());
    for (std::size_t i = 1; i + 1 < cuts.size(); ++i) {
      EXPECT_LT(cuts[i - 1], cuts[i]);
      EXPECT_EQ(quoted_breaks[cuts[i] - 1], '\n');
      // Not inside a quoted field: a blank line or a row starts there.
      EXPECT_TRUE(row_ends.count(cuts[i]) == 1 || quoted_breaks[cuts[i]] == '\r' || quoted_breaks[cuts[i]] == '\n')
          << "piece " << piece << ": cut at " << cuts[i];
    }
  }
  // The line break inside "x\ny" is the first after the header row: with pieces of one byte it is tried
  // first, and passed over.
  const std::vector<std::size_t> tiny = iro::csv_row_splits(quoted_breaks, whole.body(), 1);
  EXPECT_EQ(tiny[1], quoted_breaks.find("\"4\""));
}

TEST(Csv, ATextReadInPiecesGivesTheRowsAndLinesOfTheWhole) {
  for (std::size_t piece = 1; piece <= quoted_breaks.size() + 1; ++piece) {
    const auto [expected, got] = whole_and_in_pieces(quoted_breaks, piece);
    EXPECT_EQ(got, expected) << "pieces of " << piece << " bytes";
  }
  std::string big = "CHILD,NOTE\n";
  for (int i = 0; i < 500; ++i) big += std::to_string(i) + (i % 3 ? ",plain\n" : ",\"two\nlines, \"\"quoted\"\"\"\r\n");
  for (const std::size_t piece : {std::size_t{1}, std::size_t{10}, std::size_t{64}, std::size_t{1000}, big.size()}) {
    const auto [expected, got] = whole_and_in_pieces(big, piece);
    EXPECT_EQ(got, expected) << "pieces of " << piece << " bytes";
  }
}

TEST(Csv, NoLineFeedAfterThePieceMeansOnePiece) {
  EXPECT_EQ(iro::csv_row_splits("A\r1\r2\r3", 2, 1), (std::vector<std::size_t>{2, 7}));
  EXPECT_EQ(iro::csv_row_splits("A\n", 2, 1), (std::vector<std::size_t>{2}));
  EXPECT_EQ(iro::csv_row_splits("A\n\"1\n2\n3\n", 2, 1), (std::vector<std::size_t>{2, 9})) << "a quote never closed";
}
