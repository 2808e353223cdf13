/// @file child_json.hpp
/// @brief Reading children in the JSON shape of the conformance cases (tests/conformance/FORMAT.md).
///
/// A child document is an object with `child` ({"id", "dob"}), `periods` ([{"start", "end", "regime",
/// "switches": [{"date", "regime"}]}]), `reviews` ([{"date", "code", "cancelled", "reason", "record_sent"}])
/// and, optionally, `placements` ([{"start", "end", "until_18"}]), `visits` (["date", ...]) and `midways`
/// (["date", ...], the IRO's midway reviews). `record_sent` (optional) is the day the review's record was
/// circulated. Unknown keys
/// are errors. Every message names the source, the child, the field path and the value.
#ifndef IRO_CHILD_JSON_HPP
#define IRO_CHILD_JSON_HPP

#include <string_view>
#include <vector>

#include <optional>

#include "iro/child.hpp"
#include "iro/policy.hpp"

namespace iro {

/// Reads one child document. Keys other than the child's are refused unless listed in @p also_allowed
/// (the conformance runner passes the case's own keys).
/// @param json the document text.
/// @param source a name for messages (the file path).
/// @return the child (not yet validated: call validate()).
/// @throws Error Status::parse (malformed JSON with line and column, a missing or mistyped field, an
///         unknown key), Status::invalid_date / Status::out_of_range for a bad date, naming the field.
Child child_from_json(std::string_view json, std::string_view source);

/// A child document with the context a conformance case adds: its as-of date and policy overrides.
struct ChildDocument {
  Child child;                ///< The child.
  std::optional<Date> as_of;  ///< The case's `as_of`, when present.
  Policy policy;              ///< The England policy with the case's `policy` overrides applied.
};

/// Reads a child document that may also be a whole `schedule` conformance case (`format`, `kind`,
/// `name`, `cite`, `policy`, `as_of` and `expect` are then allowed; `expect` is not read).
/// @param json the document text.
/// @param source a name for messages.
/// @return the child with its as-of date and policy.
/// @throws Error as child_from_json(), and for bad policy overrides.
ChildDocument child_document_from_json(std::string_view json, std::string_view source);

/// Reads many children: a JSON array of child documents, or an object {"children": [...]}.
/// @param json the document text.
/// @param source a name for messages.
/// @return the children in file order.
/// @throws Error as child_from_json(), naming the index of the child.
std::vector<Child> children_from_json(std::string_view json, std::string_view source);

/// The children of a file, each with the as-of date the file gives it (if any).
struct DatedChildren {
  std::vector<Child> children;              ///< The children.
  std::vector<std::optional<Date>> as_of;   ///< One per child: a schedule case's `as_of`, or empty.
};

/// Reads the children of a file for a policy diff: a `schedule` conformance case gives its child and
/// as-of date; a case of another kind gives none; a list of children ([...] or {"children": [...]}) gives
/// them without dates.
/// @param path the file.
/// @return the children.
/// @throws Error Status::io when the file cannot be read; as child_from_json() for bad content.
DatedChildren read_children_file(const std::string& path);

}  // namespace iro

#endif
