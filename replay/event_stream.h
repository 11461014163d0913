// Reading the log ahead of whoever consumes it: a thread reads and copies the stored events in
// batches into a bounded queue, so that on two cores reading (RocksDB iteration, decompression)
// and the consumer's work (a rebuild's projection) overlap.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

#include "replay/bounded_queue.h"
#include "storage/event_log.h"

namespace saqme::replay {

// Stored events in sequence order, their bytes back to back, each starting on a word boundary
// (so that decoding needs no aligned copy).
class EventBatch {
 public:
  size_t size() const { return seqs_.size(); }
  uint64_t seq(size_t i) const { return seqs_[i]; }
  std::string_view bytes(size_t i) const {
    return {reinterpret_cast<const char*>(words_.data()) + starts_[i], sizes_[i]};
  }
  size_t byte_size() const { return words_.size() * sizeof(uint64_t); }

  void Add(uint64_t seq, std::string_view bytes);
  void Clear();

 private:
  std::vector<uint64_t> words_;  // uint64_t: capnp's word alignment
  std::vector<uint64_t> seqs_;
  std::vector<size_t> starts_, sizes_;
};

// Reads `log` from `first_seq` on its own thread into at most `max_batches` batches of about
// `batch_bytes` each. Requires the log to outlive the stream.
class EventStream {
 public:
  EventStream(const storage::EventLog& log, uint64_t first_seq, size_t batch_bytes = 1 << 20,
              size_t max_batches = 8);
  ~EventStream();  // stops the reader (if still reading) and joins it

  // The next batch, or null at the end of the log or after a read error (then status()).
  // Blocks while the reader is behind. `done` (optional) is a batch of an earlier call handed
  // back for reuse.
  std::unique_ptr<EventBatch> Next(std::unique_ptr<EventBatch> done = nullptr);
  // The read's outcome. Requires Next to have returned null (the reader wrote it before).
  Status status();

 private:
  void Read(const storage::EventLog& log, uint64_t first_seq);
  bool Push(std::unique_ptr<EventBatch>& batch);  // false when the consumer stopped

  const size_t batch_bytes_;
  BoundedQueue<std::unique_ptr<EventBatch>> full_;  // closed by the reader at the end
  // Batches handed back for reuse. A batch is made only when none is free, so there are at most
  // max_batches + 2 (the full ones, the reader's, the consumer's): handing one back never blocks.
  BoundedQueue<std::unique_ptr<EventBatch>> free_;
  Status status_ = Status::Ok();  // the reader's, written before it closes `full_`
  std::thread reader_;
};

}  // namespace saqme::replay
