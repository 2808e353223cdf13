// Internal: reading a child from an already parsed JSON value (shared by child_json.cpp and the
// conformance runner).
#ifndef IRO_SRC_JSON_CHILD_HPP
#define IRO_SRC_JSON_CHILD_HPP

#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

#include "iro/model/child.hpp"
#include "core/json_util.hpp"

namespace iro {

/// Reads the child keys of @p doc; keys not of the child and not in @p extra_keys are errors.
Child child_from_json_value(const nlohmann::json& doc, const std::string& where,
                            std::initializer_list<const char*> extra_keys);

}  // namespace iro

#endif
