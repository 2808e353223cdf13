#include "core/file_util.hpp"

#include <filesystem>
#include <cstdio>

#include "iro/core/error.hpp"

namespace iro {

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) throw Error(Status::io, quote(path, 256) + " is a directory, not a file");
  // A FIFO, a device or a socket could block forever or never end (/dev/stdin, /dev/zero): only
  // regular files are read.
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw Error(Status::io, quote(path, 256) + " is not a regular file (a device, pipe or socket)");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw Error(Status::io, "cannot open " + quote(path, 256) + " for reading");
  std::string text;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size <= max_bytes) {  // straight into the string (then whatever more there is, as any file)
    text.resize(static_cast<std::size_t>(size));
    text.resize(std::fread(&text[0], 1, text.size(), f));
  }
  char buf[1 << 16];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
    if (text.size() + n > max_bytes) {
      std::fclose(f);
      throw Error(Status::invalid_argument,
                  quote(path, 256) + " is more than the " + std::to_string(max_bytes) + " bytes such a file can be");
    }
    text.append(buf, n);
  }
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw Error(Status::io, "cannot read " + quote(path, 256));
  return text;
}

}  // namespace iro
