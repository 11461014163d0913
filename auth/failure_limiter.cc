#include "auth/failure_limiter.h"

#include <algorithm>

namespace saqme::auth {

FailureLimiter::FailureLimiter(size_t max_failures, std::chrono::milliseconds window)
    : max_failures_(std::max<size_t>(1, max_failures)), window_ms_(window.count()) {}

void FailureLimiter::Expire(std::deque<int64_t>& failures, int64_t now_ms) const {
  while (!failures.empty() && failures.front() + window_ms_ <= now_ms) failures.pop_front();
}

int64_t FailureLimiter::WaitLocked(std::deque<int64_t>& failures, int64_t now_ms) const {
  Expire(failures, now_ms);
  if (failures.size() < max_failures_) return 0;
  // Free again when enough failures have left the window to fall below the limit.
  const int64_t free_at = failures[failures.size() - max_failures_] + window_ms_;
  return std::max<int64_t>(1, (free_at - now_ms + 999) / 1000);
}

int64_t FailureLimiter::RetryAfterSeconds(const std::string& key, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(key);
  return it == failures_.end() ? 0 : WaitLocked(it->second, now_ms);
}

int64_t FailureLimiter::Begin(const std::string& key, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& failures = failures_[key];
  const int64_t wait = WaitLocked(failures, now_ms);
  if (wait == 0) failures.push_back(now_ms);
  if (++records_since_prune_ >= 1024) Prune(now_ms);
  return wait;
}

void FailureLimiter::Forgive(const std::string& key, int64_t at_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return;
  auto& failures = it->second;
  auto found = std::find(failures.rbegin(), failures.rend(), at_ms);
  if (found != failures.rend()) failures.erase(std::next(found).base());
}

void FailureLimiter::RecordFailure(const std::string& key, int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& failures = failures_[key];
  Expire(failures, now_ms);
  failures.push_back(now_ms);
  if (failures.size() > max_failures_) failures.pop_front();  // more are never needed
  if (++records_since_prune_ >= 1024) Prune(now_ms);
}

void FailureLimiter::Clear(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  failures_.erase(key);
}

void FailureLimiter::Prune(int64_t now_ms) {
  records_since_prune_ = 0;
  for (auto it = failures_.begin(); it != failures_.end();) {
    Expire(it->second, now_ms);
    it = it->second.empty() ? failures_.erase(it) : std::next(it);
  }
}

}  // namespace saqme::auth
