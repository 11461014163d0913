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
  // requires: max_failures >= 1 (0 is taken as 1).
  FailureLimiter(size_t max_failures, std::chrono::milliseconds window);

  // Whole seconds (at least 1) until `key` may try again at `now_ms`; 0 when it may now.
  int64_t RetryAfterSeconds(const std::string& key, int64_t now_ms);
  // An attempt of `key` at `now_ms`: when it may go on (0), it is counted as a failure at
  // once, in the same step as the check, so that concurrent attempts cannot all pass a check
  // made before any of them failed; the caller Forgive()s it or Clear()s the key when it
  // succeeds. Otherwise the seconds to wait, as RetryAfterSeconds, and nothing is counted.
  int64_t Begin(const std::string& key, int64_t now_ms);
  // Takes back one failure of `key` counted at `at_ms` (a Begin that did not fail).
  void Forgive(const std::string& key, int64_t at_ms);
  void RecordFailure(const std::string& key, int64_t now_ms);
  // Forgets the failures of `key` (after it succeeded).
  void Clear(const std::string& key);

 private:
  // Drops the failures that left the window; every so often, keys left with none.
  void Expire(std::deque<int64_t>& failures, int64_t now_ms) const;
  void Prune(int64_t now_ms);
  // RetryAfterSeconds with mu_ held.
  int64_t WaitLocked(std::deque<int64_t>& failures, int64_t now_ms) const;

  const size_t max_failures_;
  const int64_t window_ms_;
  std::mutex mu_;
  std::unordered_map<std::string, std::deque<int64_t>> failures_;  // key -> times, oldest first
  size_t records_since_prune_ = 0;
};

}  // namespace saqme::auth
