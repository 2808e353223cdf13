// Internal: two pieces of work side by side, one on a thread of its own when there is one to be had.
#ifndef IRO_SRC_CORE_CONCURRENCY_HPP
#define IRO_SRC_CORE_CONCURRENCY_HPP

#include <exception>
#include <system_error>
#include <thread>

namespace iro {

/// Runs @p beside on a thread of its own (when @p use_thread and a thread can be started) while @p here runs
/// on the calling thread. Without a thread, @p beside runs after @p here, unless @p here failed. The thread is
/// always joined; then the first failure, @p here's before @p beside's, is rethrown. The two must not touch
/// the same data.
template <class Here, class Beside>
void run_beside(bool use_thread, Here&& here, Beside&& beside) {
  std::exception_ptr here_failed, beside_failed;
  const auto run_beside_part = [&]() noexcept {
    try {
      beside();
    } catch (...) {
      beside_failed = std::current_exception();
    }
  };
  std::thread helper;
  if (use_thread) {
    try {
      helper = std::thread(run_beside_part);
    } catch (const std::system_error&) {  // no thread to be had: one after the other, the same result
    }
  }
  try {
    here();
  } catch (...) {
    here_failed = std::current_exception();
  }
  if (helper.joinable()) {
    helper.join();
  } else if (!here_failed) {
    run_beside_part();
  }
  if (here_failed) std::rethrow_exception(here_failed);
  if (beside_failed) std::rethrow_exception(beside_failed);
}

}  // namespace iro

#endif
