// FailureLimiter: at most N failed attempts per key (a login, a client address) in a sliding
// window; the next attempt is refused until the oldest of them leaves the window. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace saqme::auth {

class FailureLimiter {
 public:
  FailureLimiter(size_t max_failures, std::chrono::milliseconds window);

  // Whole seconds (at least 1) until `key` may try again at `now_ms`; 0 when it may now.
  int64_t RetryAfterSeconds(const std::string& key, int64_t now_ms);
  void RecordFailure(const std::string& key, int64_t now_ms);
  // Forgets the failures of `key` (after it succeeded).
  void Clear(const std::string& key);

 private:
  // Drops the failures that left the window; every so often, keys left with none.
  void Expire(std::deque<int64_t>& failures, int64_t now_ms) const;
  void Prune(int64_t now_ms);

  const size_t max_failures_;
  const int64_t window_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;  // key -> times, oldest first
  size_t records_since_prune_ = 0;
};

}  // namespace saqme::auth
