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
/// Every reader comes as a pair with one naming scheme, the library's: `X_from_json(text, source)` reads
/// JSON text (@p source names it in messages) and `X_from_file(path)` reads a file, naming it: the file
/// form is the text form applied to the file's text. Only a regular file of at most 256 MB is read: a
/// directory, a named pipe or a device is refused without opening it (Status::io), a larger file with
/// Status::invalid_argument.
///
/// Readers of many children come in two kinds: children_from_json() and children_from_file() take all
/// or nothing (the first bad child throws); children_from_json_lenient() and children_from_file_lenient()
/// read each child on its own and return the good ones with a RefusedChild for each bad one.
#ifndef IRO_CHILD_JSON_HPP
#define IRO_CHILD_JSON_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "iro/model/child.hpp"
#include "iro/model/policy.hpp"

namespace iro {

/// Reads one child document.
/// @param json the document text.
/// @param source a name for messages (the file path).
/// @return the child (not yet validated: call validate()).
/// @throws Error Status::parse (malformed JSON with line and column, a missing or mistyped field, an
///         unknown key), Status::invalid_date / Status::out_of_range for a bad date,
///         Status::invalid_argument for a history that cannot have happened (a period with no regime, a
///         cancelled review with a code), naming the field.
Child child_from_json(std::string_view json, std::string_view source);

/// Reads one child document from a file (see child_from_json()).
/// @param path the file; messages name it.
/// @return the child (not yet validated: call validate()).
/// @throws Error Status::io when the file is missing, not a regular file or unreadable,
///         Status::invalid_argument when it is too large, and as child_from_json().
Child child_from_file(const std::string& path);

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

/// Reads a child document from a file (see child_document_from_json()).
/// @param path the file; messages name it.
/// @return the child with its as-of date and policy.
/// @throws Error Status::io when the file is missing, not a regular file or unreadable,
///         Status::invalid_argument when it is too large, and as child_document_from_json().
ChildDocument child_document_from_file(const std::string& path);

/// Reads a child document from a file under another policy than England's (see
/// child_document_from_json(std::string_view, std::string_view, const Policy&)).
/// @param path the file; messages name it.
/// @param base the policy the document is read under.
/// @return the child with its as-of date and policy.
/// @throws Error as child_document_from_file(const std::string&).
ChildDocument child_document_from_file(const std::string& path, const Policy& base);

/// The children of a document, each with the as-of date the document gives it (if any), and the children
/// that could not be read (only the lenient readers fill `refused`; the others throw instead).
struct DatedChildren {
  std::vector<Child> children;             ///< The children read, in document order.
  std::vector<std::optional<Date>> as_of;  ///< One per child: a schedule case's `as_of`, or empty.
  std::vector<std::size_t> index = {};     ///< One per child: its position in the document's list (0 = the first).
  std::vector<RefusedChild> refused = {};  ///< The children that could not be read, in document order.
};

/// Reads many children, all or nothing: a list of child documents ([...] or {"children": [...]}) gives
/// them without dates; a `schedule` conformance case gives its child and as-of date; a case of another
/// kind gives none.
/// @param json the document text.
/// @param source a name for messages (the file path).
/// @return the children in document order, with their positions (`index`) and as-of dates.
/// @throws Error as child_from_json() and child_document_from_json(), naming the index of the child.
DatedChildren children_from_json(std::string_view json, std::string_view source);

/// Reads many children as children_from_json() does, but each child on its own: a child of a list that
/// cannot be read, or the child of a schedule case that cannot be read, is reported in `refused` (its
/// position in the list, its id when readable, the status and the message naming the source, the child
/// and the field) and the others are still read.
/// @param json the document text.
/// @param source a name for messages (the file path).
/// @return the children read, with their as-of dates and positions, and the refused ones.
/// @throws Error Status::parse only when no child can be read at all: malformed JSON, or a document that
///         is not a list of children or a case.
DatedChildren children_from_json_lenient(std::string_view json, std::string_view source);

/// Reads the children of a file (see children_from_json()).
/// @param path the file; messages name it.
/// @return the children, with their as-of dates and positions.
/// @throws Error Status::io when the file is missing, not a regular file or unreadable;
///         Status::invalid_argument when it is too large; as children_from_json() for bad content.
DatedChildren children_from_file(const std::string& path);

/// Reads the children of a file each on its own (see children_from_json_lenient()).
/// @param path the file; messages name it.
/// @return the children read, with their as-of dates and positions, and the refused ones.
/// @throws Error Status::io when the file is missing, not a regular file or unreadable;
///         Status::invalid_argument when it is too large; Status::parse as children_from_json_lenient().
DatedChildren children_from_file_lenient(const std::string& path);

}  // namespace iro

#endif
