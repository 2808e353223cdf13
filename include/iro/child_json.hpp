/// @file child_json.hpp
/// @brief Reading children in the JSON shape of the conformance cases (tests/conformance/FORMAT.md).
///
/// A child document is an object with `child` ({"id", "dob"}), `periods` ([{"start", "end", "regime",
/// "switches": [{"date", "regime"}]}]), `reviews` ([{"date", "code", "cancelled", "reason", "record_sent"}])
/// and, optionally, `placements` ([{"start", "end", "until_18"}]), `visits` (["date", ...]) and `midways`
/// (["date", ...], the IRO's midway reviews). `record_sent` (optional) is the day the review's record was
/// circulated. Unknown keys
/// are errors. Every message names the source, the child, the field path and the value.
///
/// A history that cannot have happened is refused with Status::invalid_argument: a period with no
/// `regime` (`periods[0].regime`), and a review that is both `"cancelled": true` and carries a `code`
/// (a review not held has no participation code).
///
/// Readers of many children come in two kinds: children_from_json() and read_children_file() take all
/// or nothing (the first bad child throws); children_from_json_lenient() and read_children_file_lenient()
/// read each child on its own and return the good ones with a RefusedChild for each bad one.
#ifndef IRO_CHILD_JSON_HPP
#define IRO_CHILD_JSON_HPP

#include <cstddef>
#include <string>
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
///         unknown key), Status::invalid_date / Status::out_of_range for a bad date,
///         Status::invalid_argument for a history that cannot have happened (a period with no regime, a
///         cancelled review with a code), naming the field.
Child child_from_json(std::string_view json, std::string_view source);

/// A child document with the context a conformance case adds: its as-of date and policy overrides.
struct ChildDocument {
  Child child;                ///< The child.
  std::optional<Date> as_of;  ///< The case's `as_of`, when present.
  Policy policy;              ///< The England policy with the case's `policy` overrides applied.
};

/// Reads a child document that may also be a whole `schedule` conformance case (`format`, `kind`,
/// `name`, `cite`, `policy`, `as_of` and `expect` are then allowed; `expect` is not read). A `format`
/// other than "iro-case/1", or a `kind` other than "schedule", is refused naming the source and the field.
/// @param json the document text.
/// @param source a name for messages.
/// @return the child with its as-of date and policy.
/// @throws Error as child_from_json(), Status::parse for a wrong `format` or `kind`, and for bad policy
///         overrides.
ChildDocument child_document_from_json(std::string_view json, std::string_view source);

/// Reads a child document as child_document_from_json() does, under another policy than England's: the
/// document's inline `policy` overrides apply to @p base, and where the document names a policy file,
/// @p base is used instead of that file (the caller's choice wins).
/// @param json the document text.
/// @param source a name for messages.
/// @param base the policy the document is read under (for example Policy::from_file()).
/// @return the child with its as-of date and policy (@p base, with the document's overrides if any).
/// @throws Error as child_document_from_json().
ChildDocument child_document_from_json(std::string_view json, std::string_view source, const Policy& base);

/// Reads a child document from a file (see child_document_from_json()). Only a regular file of at most
/// 256 MB is read: a directory, a named pipe or a device is refused without opening it.
/// @param path the file; messages name it.
/// @return the child with its as-of date and policy.
/// @throws Error Status::io when the file is missing, not a regular file or unreadable,
///         Status::invalid_argument when it is too large, and as child_document_from_json().
ChildDocument read_child_document_file(const std::string& path);

/// Reads a child document from a file under another policy than England's (see
/// child_document_from_json(std::string_view, std::string_view, const Policy&)).
/// @param path the file; messages name it.
/// @param base the policy the document is read under.
/// @return the child with its as-of date and policy.
/// @throws Error as read_child_document_file(const std::string&).
ChildDocument read_child_document_file(const std::string& path, const Policy& base);

/// Reads many children: a JSON array of child documents, or an object {"children": [...]}.
/// @param json the document text.
/// @param source a name for messages.
/// @return the children in file order.
/// @throws Error as child_from_json(), naming the index of the child.
std::vector<Child> children_from_json(std::string_view json, std::string_view source);

/// The children of a file, each with the as-of date the file gives it (if any), and the children that
/// could not be read (only the lenient readers fill `refused`; the others throw instead).
struct DatedChildren {
  std::vector<Child> children;              ///< The children read, in file order.
  std::vector<std::optional<Date>> as_of;   ///< One per child: a schedule case's `as_of`, or empty.
  std::vector<std::size_t> index = {};      ///< One per child: its position in the file's list (0 = the first).
  std::vector<RefusedChild> refused = {};   ///< The children that could not be read, in file order.
};

/// Reads many children as children_from_json() does, but each child on its own: a child that cannot be
/// read is reported in `refused` (its position in the list, its id when readable, the status and the
/// message naming the source, the child and the field) and the others are still read.
/// @param json the document text: a JSON array of child documents, or {"children": [...]}.
/// @param source a name for messages (the file path).
/// @return the children read (with `index`; `as_of` all empty) and the refused ones.
/// @throws Error Status::parse only when no child can be read at all: malformed JSON, or a document that
///         is not a list of children.
DatedChildren children_from_json_lenient(std::string_view json, std::string_view source);

/// Reads the children of a file for a policy diff: a `schedule` conformance case gives its child and
/// as-of date; a case of another kind gives none; a list of children ([...] or {"children": [...]}) gives
/// them without dates.
/// @param path the file.
/// @return the children.
/// @throws Error Status::io when the file cannot be read; as child_from_json() for bad content.
DatedChildren read_children_file(const std::string& path);

/// Reads the children of a file as read_children_file() does, but each child on its own (see
/// children_from_json_lenient()): a bad child of a list, or the child of a schedule case that cannot be
/// read, is reported in `refused` and the others are still read. Only a regular file of at most 256 MB
/// is read: a directory, a named pipe or a device is refused without opening it.
/// @param path the file; messages name it.
/// @return the children read, with their as-of dates and positions, and the refused ones.
/// @throws Error Status::io when the file is missing, not a regular file or unreadable;
///         Status::invalid_argument when it is too large; Status::parse when the file is not JSON or not
///         a list of children or a case.
DatedChildren read_children_file_lenient(const std::string& path);

}  // namespace iro

#endif
