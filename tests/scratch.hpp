// Test helper: a scratch folder for one test process, named by its process id (so that two test runs on
// one machine, a developer's and CI's, never share one) and removed when the process exits.
#ifndef IRO_TESTS_SCRATCH_HPP
#define IRO_TESTS_SCRATCH_HPP

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace iro::test {

/// This process's scratch folder (created on first use, removed at exit).
inline std::filesystem::path scratch_dir() {
  struct Remove {
    std::filesystem::path dir;
    ~Remove() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  };
  static const Remove folder{std::filesystem::temp_directory_path() / ("iro-test-" + std::to_string(::getpid()))};
  std::filesystem::create_directories(folder.dir);
  return folder.dir;
}

}  // namespace iro::test

#endif
