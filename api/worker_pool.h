// WorkerPool: a fixed number of threads running blocking jobs (HTTP handlers that wait for the
// group commit's fsync), fed from a bounded queue. The I/O threads never block: they offer a
// job and, when the queue is full, answer 503 instead of waiting.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace saqme::api {

class WorkerPool {
 public:
  // Starts `threads` (at least 1) threads; at most `queue` jobs wait beyond those running.
  WorkerPool(size_t threads, size_t queue);
  ~WorkerPool();  // Stop()

  // Queues `job`; false (and `job` dropped, not run) when the queue is full or the pool stops.
  // Thread-safe.
  bool TryPost(std::function<void()> job);
  // Runs the queued jobs, then joins the threads; later TryPost calls fail. Idempotent.
  void Stop();

  // Jobs running or queued now.
  size_t busy() const;

 private:
  void Run();

  const size_t max_queue_;
  mutable std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace saqme::api
