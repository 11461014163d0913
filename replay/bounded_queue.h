// A bounded queue between threads: the producer blocks while it is full, the consumer while it
// is empty. The rebuild's two hand-offs use it: the log's reader to the projection
// (replay/event_stream.h) and the projection to the finished cases' thread (view_rebuild.cc).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace saqme::replay {

template <typename T>
class BoundedQueue {
 public:
  // Requires capacity > 0.
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Adds `item` at the back, blocking while `capacity` items are queued. Returns false (and
  // drops the item) once Stop was called, also when it is called while blocked.
  bool Push(T item) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || items_.size() < capacity_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    lock.unlock();
    changed_.notify_all();
    return true;
  }

  // The front item, blocking while none is queued and the queue is open. nullopt once Close was
  // called and every item before it taken, or once Stop was called.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || closed_ || !items_.empty(); });
    return Take(lock);
  }

  // The front item if one is queued, without blocking.
  std::optional<T> TryPop() {
    std::unique_lock lock(mutex_);
    return Take(lock);
  }

  // The producer's end: no more items; Pop returns what is queued, then nullopt.
  void Close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  // The consumer's end: Push refuses from now on and Pop returns nullopt; what is queued stays
  // until the queue is destroyed.
  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::optional<T> Take(std::unique_lock<std::mutex>& lock) {
    if (stopped_ || items_.empty()) return std::nullopt;
    std::optional<T> item(std::move(items_.front()));
    items_.pop_front();
    lock.unlock();
    changed_.notify_all();  // room for a blocked Push
    return item;
  }

  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> items_;
  bool closed_ = false, stopped_ = false;
};

}  // namespace saqme::replay
