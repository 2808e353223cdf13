// Internal: the policy of a conformance case or child document.
#ifndef IRO_SRC_CASE_POLICY_HPP
#define IRO_SRC_CASE_POLICY_HPP

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "iro/model/policy.hpp"

namespace iro {

/// The policy a case's `policy` value names: a policy file path (relative to the case's own file) or an
/// object of inline overrides on the England policy.
inline Policy case_policy_value(const nlohmann::json& value, const std::string& source) {
  if (value.is_string()) {
    std::filesystem::path path = value.get<std::string>();
    if (path.is_relative()) path = std::filesystem::path(source).parent_path() / path;
    return Policy::from_file(path.string());
  }
  return Policy::england().with_overrides_json(value.dump(), source);
}

}  // namespace iro

#endif
