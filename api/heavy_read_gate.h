// HeavyReadGate: how many heavy reads run at once. A heavy read walks a whole year or the whole
// log (a journal's export, the annual report, the control list, the audit verify) and holds its
// answer, or a page of it, in memory while it runs; four exports of a 366 000-entry journal at
// once took the server from 1.9 GB to 4.7 GB. Beyond the bound a read is refused at once (503
// with Retry-After), never queued: a queue of walks would hold threads and memory all the same.
// Light reads (a case, a page of a list, /health) never pass the gate. Thread-safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace saqme::api {

class HeavyReadGate {
 public:
  // requires capacity >= 1.
  explicit HeavyReadGate(size_t capacity) : capacity_(capacity) {}

  // Held while one heavy read runs; the place is given back when the last copy goes (a
  // streamed answer keeps it until the stream ends).
  class Pass {
   public:
    explicit Pass(HeavyReadGate* gate) : gate_(gate) {}
    ~Pass() { gate_->running_.fetch_sub(1); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    HeavyReadGate* gate_;
  };

  // A pass when fewer than capacity() heavy reads run, else nullptr (counted in refused()).
  // The gate must outlive every pass.
  std::shared_ptr<Pass> TryEnter();

  size_t capacity() const { return capacity_; }
  size_t running() const { return running_.load(); }
  uint64_t refused() const { return refused_.load(); }  // since the start

  // Seconds a refused client should wait before it asks again (Retry-After).
  static constexpr int kRetryAfterSeconds = 2;

 private:
  const size_t capacity_;
  std::atomic<size_t> running_{0};
  std::atomic<uint64_t> refused_{0};
};

}  // namespace saqme::api
