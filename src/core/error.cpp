#include "iro/core/error.hpp"

#include <cstdio>

namespace iro {

const char* status_name(Status status) noexcept {
  switch (status) {
    case Status::ok: return "IRO_OK";
    case Status::invalid_argument: return "IRO_E_INVALID_ARGUMENT";
    case Status::out_of_range: return "IRO_E_OUT_OF_RANGE";
    case Status::invalid_date: return "IRO_E_INVALID_DATE";
    case Status::parse: return "IRO_E_PARSE";
    case Status::buffer_too_small: return "IRO_E_BUFFER_TOO_SMALL";
    case Status::not_found: return "IRO_E_NOT_FOUND";
    case Status::io: return "IRO_E_IO";
    case Status::no_memory: return "IRO_E_NO_MEMORY";
    case Status::rule_violation: return "IRO_E_RULE_VIOLATION";
    case Status::internal: return "IRO_E_INTERNAL";
  }
  return "IRO_E_UNKNOWN";
}

bool is_known_status(std::int32_t code) noexcept {
  return code >= static_cast<std::int32_t>(Status::ok) && code <= static_cast<std::int32_t>(Status::internal);
}

Error::Error(Status status, const std::string& message) : std::runtime_error(message), status_(status) {}

std::string quote(std::string_view text, std::size_t max_chars) {
  std::string out;
  out.reserve(std::min(text.size(), max_chars) + 8);
  out.push_back('"');
  std::size_t shown = 0;
  for (char ch : text) {
    if (shown == max_chars) {
      out += "...";
      break;
    }
    const auto byte = static_cast<unsigned char>(ch);
    if (byte < 0x20 || byte >= 0x7f || ch == '"' || ch == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", byte);
      out += buf;
    } else {
      out.push_back(ch);
    }
    ++shown;
  }
  out.push_back('"');
  return out;
}

}  // namespace iro
