// Waiting in a test for something the server does on its own time (a file it looks at once a
// second, a gauge that falls when a stream closes): poll, bounded.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace saqme::testing {

// Polls `check` every 50 ms until it holds or `bound` has passed; the last answer of `check`.
inline bool Eventually(const std::function<bool()>& check,
                       std::chrono::milliseconds bound = std::chrono::seconds(10)) {
  const auto until = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < until) {
    if (check()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return check();
}

}  // namespace saqme::testing
