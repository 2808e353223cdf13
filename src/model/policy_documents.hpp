// Internal: the built-in policy documents.
#ifndef IRO_SRC_POLICY_DOCUMENTS_HPP
#define IRO_SRC_POLICY_DOCUMENTS_HPP

namespace iro {

/// The built-in England policy document (src/model/policy_england.cpp).
extern const char* const england_policy_json;

}  // namespace iro

#endif
