/// @file error.hpp
/// @brief Status codes and the exception type of the C++ API.
///
/// The C++ API reports failure by throwing iro::Error, which carries one of the iro::Status codes.
/// The C API (iro.h) catches every exception and returns the same code as an int32_t, so the numbers
/// below are pinned: a code is never renumbered and a retired code is never reused.
#ifndef IRO_ERROR_HPP
#define IRO_ERROR_HPP

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace iro {

/// Status of an operation. Values equal the IRO_* codes of iro.h and never change.
enum class Status : std::int32_t {
  ok = 0,                ///< Success.
  invalid_argument = 1,  ///< An argument is NULL, out of its documented domain, or an unknown enum value.
  out_of_range = 2,      ///< A date (or a result) falls outside the supported range.
  invalid_date = 3,      ///< Well-formed text or fields that name no calendar date (2023-02-29, month 13).
  parse = 4,             ///< Text that does not follow the expected syntax (with the position when known).
  buffer_too_small = 5,  ///< A caller's output buffer cannot hold the result; the size needed is reported.
  not_found = 6,         ///< A named thing (division, id, stage) does not exist.
  io = 7,                ///< A file could not be opened, read or written.
  no_memory = 8,         ///< Memory could not be allocated.
  rule_violation = 9,    ///< The request breaks a rule of the policy (for example a transition a ladder forbids).
  internal = 10,         ///< A bug in iro: please report it with the message.
};

/// The pinned name of a status, for example "IRO_E_PARSE"; "IRO_E_UNKNOWN" for a value not listed above.
/// @param status any value, known or not.
/// @return a static string, never null.
const char* status_name(Status status) noexcept;

/// Whether @p code is one of the statuses listed in iro::Status.
/// @param code the raw integer value.
/// @return true when a Status with that value exists.
bool is_known_status(std::int32_t code) noexcept;

/// The exception thrown by every fallible function of the C++ API.
class Error : public std::runtime_error {
 public:
  /// Makes an error.
  /// @param status the code (never Status::ok).
  /// @param message what went wrong, naming the offending value.
  Error(Status status, const std::string& message);
  /// The status code of this error.
  /// @return the code given at construction.
  Status status() const noexcept { return status_; }

 private:
  Status status_;
};

/// Quotes @p text for use in a message: double quotes around it, control and non-ASCII bytes as \\xNN,
/// and at most @p max_chars characters of the input followed by "..." when it is longer.
/// @param text any bytes.
/// @param max_chars the longest prefix of @p text to show.
/// @return the quoted text.
std::string quote(std::string_view text, std::size_t max_chars = 64);

}  // namespace iro

#endif
