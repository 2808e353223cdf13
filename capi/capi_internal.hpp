// Internal to the C API implementation: the per-thread message and the exception barrier.
#ifndef IRO_CAPI_INTERNAL_HPP
#define IRO_CAPI_INTERNAL_HPP

#include <cstdint>
#include <cstring>
#include <exception>
#include <new>
#include <string>

#include "iro.h"
#include "iro/core/date.hpp"
#include "iro/core/error.hpp"

namespace iro::capi {

/// The per-thread message slot behind iro_last_error_message().
std::string& message_slot() noexcept;

/// Records a failure of function @p fn and returns its status.
std::int32_t fail(const char* fn, Status status, const std::string& message) noexcept;

/// Runs @p body, which returns nothing and throws iro::Error on failure; converts every exception to a
/// status and a message prefixed with the function name. No exception leaves this function.
template <class Body>
std::int32_t guard(const char* fn, Body&& body) noexcept {
  try {
    body();
    message_slot().clear();
    return IRO_OK;
  } catch (const Error& e) {
    return fail(fn, e.status(), e.what());
  } catch (const std::bad_alloc&) {
    return fail(fn, Status::no_memory, "out of memory");
  } catch (const std::exception& e) {
    return fail(fn, Status::internal, std::string("unexpected error: ") + e.what());
  } catch (...) {
    return fail(fn, Status::internal, "unexpected non-standard exception");
  }
}

/// Throws Status::invalid_argument naming @p what when @p p is NULL.
inline void require(const void* p, const char* what) {
  if (p == nullptr) throw Error(Status::invalid_argument, std::string(what) + " is NULL");
}

/// Checks and converts a day count argument named @p what.
inline Date day_arg(std::int32_t day, const char* what) {
  if (!Date::in_range(day)) {
    throw Error(Status::out_of_range, std::string(what) + " = " + std::to_string(day) +
                                          " is outside the supported range " + std::to_string(IRO_DATE_MIN) +
                                          " (1900-01-01) to " + std::to_string(IRO_DATE_MAX) + " (2199-12-31)");
  }
  return Date::from_days_unchecked(day);
}

/// Checks the pointers of a batch call: NULL is allowed only when @p count is 0.
inline void require_array(const void* p, std::size_t count, const char* what) {
  if (p == nullptr && count > 0) {
    throw Error(Status::invalid_argument, std::string(what) + " is NULL but its size is " + std::to_string(count));
  }
}

/// Writes @p text and a NUL into a caller's buffer: reports the bytes needed through @p out_needed (when
/// not NULL) and throws Status::buffer_too_small, writing nothing, when @p buffer_size is short.
inline void write_text(const std::string& text, char* buffer, std::size_t buffer_size, std::size_t* out_needed) {
  const std::size_t needed = text.size() + 1;
  if (out_needed != nullptr) *out_needed = needed;
  if (buffer_size < needed) {
    throw Error(Status::buffer_too_small, "buffer_size " + std::to_string(buffer_size) +
                                              " is too small: " + std::to_string(needed) + " bytes are needed");
  }
  std::memcpy(buffer, text.data(), text.size());
  buffer[text.size()] = '\0';
}

/// Reports @p count through @p out_count, and throws Status::buffer_too_small when a caller's arrays of
/// @p capacity items cannot hold that many (@p what names them: "results", "reviews").
inline void require_room(std::size_t count, std::size_t capacity, std::size_t* out_count, const char* what) {
  *out_count = count;
  if (capacity < count) {
    throw Error(Status::buffer_too_small,
                "capacity " + std::to_string(capacity) + " is too small: " + std::to_string(count) + " " + what);
  }
}

/// Converts [first, last) into a caller's array of @p capacity items, reporting the count through
/// @p out_count; throws Status::buffer_too_small, writing nothing else, when the array is too short.
template <class It, class Native, class Convert>
void fill_array(It first, It last, Native* out, std::size_t capacity, std::size_t* out_count, Convert convert) {
  const std::size_t count = static_cast<std::size_t>(last - first);
  require_room(count, capacity, out_count, "results");
  for (std::size_t i = 0; i < count; ++i) out[i] = convert(first[i]);
}

}  // namespace iro::capi

#endif
