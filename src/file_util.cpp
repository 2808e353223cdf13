#include "file_util.hpp"

#include <filesystem>
#include <fstream>

#include "iro/error.hpp"

namespace iro {

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw Error(Status::io, quote(path, 256) + " is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(Status::io, "cannot open " + quote(path, 256) + " for reading");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw Error(Status::io, "cannot read " + quote(path, 256));
  if (static_cast<std::uint64_t>(size) > max_bytes) {
    throw Error(Status::invalid_argument, quote(path, 256) + " is " + std::to_string(size) + " bytes, more than the " +
                                              std::to_string(max_bytes) + " such a file can be");
  }
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in.read(text.data(), size)) throw Error(Status::io, "cannot read " + quote(path, 256));
  return text;
}

}  // namespace iro
