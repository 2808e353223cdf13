// Internal: JSON helpers shared by the readers (GOV.UK lists, children, policies, conformance cases).
#ifndef IRO_SRC_JSON_UTIL_HPP
#define IRO_SRC_JSON_UTIL_HPP

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "iro/core/date.hpp"

namespace iro {

/// Parses JSON text; a syntax error becomes Status::parse "source:line:column: malformed JSON (...)".
nlohmann::json parse_json_text(std::string_view text, std::string_view source);

/// Reads an ISO date string at @p where (Status::parse for a non-string, else the date's own error,
/// both prefixed with @p where).
Date json_date(const nlohmann::json& value, const std::string& where);

/// The "only these keys" check of every JSON reader: the first key of @p object that is neither in
/// @p allowed nor in @p also_allowed, or empty when every key is known. (Iterates as nlohmann's items()
/// does: an array's keys are its indexes, "0", "1"...) Each reader raises its own error, with the words of
/// unknown_key_problem().
std::optional<std::string> first_unknown_key(const nlohmann::json& object, std::initializer_list<const char*> allowed,
                                             std::initializer_list<const char*> also_allowed = {});

/// The words every reader uses for an unknown key: `unknown key "KEY"`.
std::string unknown_key_problem(const std::string& key);

}  // namespace iro

#endif
