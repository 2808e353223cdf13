// Helpers for the tests of capi/iro.h.
#ifndef IRO_TESTS_CAPI_HELPERS_HPP
#define IRO_TESTS_CAPI_HELPERS_HPP

#include <gtest/gtest.h>

#include <string>

#include "iro.h"

namespace iro::test {

/// This thread's last error message.
inline std::string last() { return iro_last_error_message(); }

/// The day count of an ISO date, failing the test when it does not parse (this clears the message).
inline int32_t day(const char* text) {
  int32_t d = 0;
  EXPECT_EQ(iro_date_parse(text, &d), IRO_OK) << text;
  return d;
}

}  // namespace iro::test

#endif
