// Versions and errors of the C API; the exception barrier every entry point goes through.
#include "capi_internal.hpp"

namespace iro::capi {

std::string& message_slot() noexcept {
  thread_local std::string message;
  return message;
}

std::int32_t fail(const char* fn, Status status, const std::string& message) noexcept {
  try {
    std::string& slot = message_slot();
    slot.assign(fn);
    slot.append(": ");
    slot.append(message);
  } catch (...) {
    // Out of memory while composing the message: keep whatever the slot holds.
  }
  return static_cast<std::int32_t>(status);
}

}  // namespace iro::capi

using namespace iro;

extern "C" {

IRO_API const char* iro_version_string(void) { return IRO_VERSION_STRING; }

IRO_API int32_t iro_version_number(void) { return IRO_VERSION_NUMBER; }

IRO_API int32_t iro_abi_version(void) { return IRO_ABI_VERSION; }

IRO_API const char* iro_last_error_message(void) { return capi::message_slot().c_str(); }

IRO_API const char* iro_status_name(int32_t status) {
  return is_known_status(status) ? status_name(static_cast<Status>(status)) : "IRO_E_UNKNOWN";
}

}  // extern "C"
