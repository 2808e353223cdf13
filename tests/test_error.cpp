// Tests of include/iro/core/error.hpp.
#include <gtest/gtest.h>

#include <set>

#include "iro/core/error.hpp"

TEST(Error, StatusNamesArePinnedAndDistinct) {
  EXPECT_STREQ(iro::status_name(iro::Status::ok), "IRO_OK");
  EXPECT_STREQ(iro::status_name(iro::Status::parse), "IRO_E_PARSE");
  EXPECT_STREQ(iro::status_name(static_cast<iro::Status>(999)), "IRO_E_UNKNOWN");
  std::set<std::string> names;
  for (std::int32_t code = 0; iro::is_known_status(code); ++code) {
    names.insert(iro::status_name(static_cast<iro::Status>(code)));
  }
  EXPECT_EQ(names.size(), 11u);
  EXPECT_FALSE(iro::is_known_status(-1));
  EXPECT_FALSE(iro::is_known_status(11));
}

TEST(Error, CarriesStatusAndMessage) {
  const iro::Error e(iro::Status::not_found, "no such division");
  EXPECT_EQ(e.status(), iro::Status::not_found);
  EXPECT_STREQ(e.what(), "no such division");
}

TEST(Error, QuoteEscapesAndTruncates) {
  EXPECT_EQ(iro::quote("2024-1-1"), "\"2024-1-1\"");
  EXPECT_EQ(iro::quote(std::string("a\0b\n\"", 5)), "\"a\\x00b\\x0A\\x22\"");
  EXPECT_EQ(iro::quote("abcdef", 3), "\"abc...\"");
  EXPECT_EQ(iro::quote(""), "\"\"");
}
