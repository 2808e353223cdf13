// Internal: reading a whole text file with a size limit, and the errors every reader gives.
#ifndef IRO_SRC_FILE_UTIL_HPP
#define IRO_SRC_FILE_UTIL_HPP

#include <cstddef>
#include <string>

namespace iro {

/// The whole of a file. Throws Error(io) naming the path when it is missing, a directory or unreadable,
/// and Error(invalid_argument) when it is larger than @p max_bytes (nothing that large is read).
std::string read_text_file(const std::string& path, std::size_t max_bytes);

}  // namespace iro

#endif
