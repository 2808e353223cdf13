/// @file casebook.hpp
/// @brief iro::Casebook: one council's data in one place (children with their periods and reviews, the
/// IRO roster and allocations, disputes), saved and loaded safely.
///
/// Files are written atomically (a temporary file, flushed, then renamed over the target), so a crash
/// while saving leaves the old file whole. A saved file is a frame of our own (magic, format version,
/// archive kind, payload length, CRC-32) around a Boost.Serialization archive; every length inside is
/// checked before anything is allocated, and everything loaded passes the same checks as data added by
/// hand. A truncated, corrupted, foreign or newer-format file is refused with a clear error.
#ifndef IRO_CASEBOOK_HPP
#define IRO_CASEBOOK_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "iro/rules/caseload.hpp"
#include "iro/model/child.hpp"
#include "iro/rules/dispute.hpp"

namespace iro {

/// The archive inside a casebook file.
enum class ArchiveFormat : std::int32_t {
  text = 0,    ///< Boost text archive: portable between platforms.
  binary = 1,  ///< Boost binary archive: smaller and faster; read it back on the same platform only.
};

/// One council's data.
struct Casebook {
  std::string council;            ///< The council's name (free text).
  std::vector<Child> children;    ///< Children, their periods of care, reviews, placements and visits.
  Roster roster;                  ///< IROs, allocations and absences.
  std::vector<Dispute> disputes;  ///< Disputes with their accepted events.

  /// Saves atomically (temporary file, flush, rename).
  /// @param path the target file.
  /// @param format text or binary.
  /// @throws Error Status::io when the file cannot be written (the target is then unchanged).
  void save(const std::string& path, ArchiveFormat format = ArchiveFormat::binary) const;

  /// Loads a casebook saved by save().
  /// @param path the file.
  /// @return the casebook.
  /// @throws Error Status::io when the file cannot be read; Status::parse for a file that is not a
  ///         casebook (wrong magic), is truncated, fails its checksum, holds impossible lengths or does
  ///         not decode; Status::invalid_argument for a newer format version or data that breaks the
  ///         model's rules. Nothing is returned on failure.
  static Casebook load(const std::string& path);

  /// The bytes save() writes (for keeping a casebook somewhere other than a file).
  /// @param format text or binary.
  /// @return the framed archive.
  std::string to_bytes(ArchiveFormat format = ArchiveFormat::binary) const;

  /// Reads a casebook from the bytes of a saved file, with the checks of load().
  /// @param bytes the bytes.
  /// @param source a name for messages (a path or a key).
  /// @return the casebook.
  /// @throws Error as load(), except Status::io.
  static Casebook from_bytes(std::string_view bytes, std::string_view source);
};

/// The format version written by this version of iro (a newer one is refused on load; every older one
/// loads). Format 2 added review record dates and midway reviews; format 1 archives load without them. Format 3
/// added each child's sex, ethnicity and UASC status, each period's legal statuses, reason ended and notification
/// date, each review's pre-meeting report date, cancellation reason and agreed exception (the report's population
/// profile and local extracts), and each dispute's list of children and categories (a sibling group, several
/// issues); format 1 and 2 archives load with those not recorded, a dispute with its one child and one category
/// (none where it had "").
constexpr std::uint32_t casebook_format_version = 3;

}  // namespace iro

#endif
