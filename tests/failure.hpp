// Test helper: runs a callable and reports the iro::Error it threw, if any.
#ifndef IRO_TESTS_FAILURE_HPP
#define IRO_TESTS_FAILURE_HPP

#include <string>
#include <utility>

#include "iro/core/error.hpp"

namespace iro::test {

/// The status and message of the iro::Error that @p fn throws, or {Status::ok, ""} when it returns.
template <class F>
std::pair<Status, std::string> failure(F&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return {e.status(), e.what()};
  }
  return {Status::ok, ""};
}

}  // namespace iro::test

#endif
