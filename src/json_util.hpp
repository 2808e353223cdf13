// Internal: JSON helpers shared by the readers (GOV.UK lists, children, policies, conformance cases).
#ifndef IRO_SRC_JSON_UTIL_HPP
#define IRO_SRC_JSON_UTIL_HPP

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "iro/date.hpp"

namespace iro {

/// Parses JSON text; a syntax error becomes Status::parse "source:line:column: malformed JSON (...)".
nlohmann::json parse_json_text(std::string_view text, std::string_view source);

/// Reads an ISO date string at @p where (Status::parse for a non-string, else the date's own error,
/// both prefixed with @p where).
Date json_date(const nlohmann::json& value, const std::string& where);

}  // namespace iro

#endif
