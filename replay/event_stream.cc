#include "replay/event_stream.h"

#include <cstring>

namespace saqme::replay {

void EventBatch::Add(uint64_t seq, std::string_view bytes) {
  const size_t start = words_.size();
  words_.resize(start + (bytes.size() + sizeof(uint64_t) - 1) / sizeof(uint64_t));
  std::memcpy(words_.data() + start, bytes.data(), bytes.size());
  seqs_.push_back(seq);
  starts_.push_back(start * sizeof(uint64_t));
  sizes_.push_back(bytes.size());
}

void EventBatch::Clear() {  // keeps the capacity: a reused batch allocates nothing
  words_.clear();
  seqs_.clear();
  starts_.clear();
  sizes_.clear();
}

EventStream::EventStream(const storage::EventLog& log, uint64_t first_seq, size_t batch_bytes,
                         size_t max_batches)
    : batch_bytes_(batch_bytes), full_(max_batches), free_(max_batches + 2) {
  reader_ = std::thread([this, &log, first_seq] { Read(log, first_seq); });
}

EventStream::~EventStream() {
  full_.Stop();  // a reader blocked on a full queue returns
  reader_.join();
}

bool EventStream::Push(std::unique_ptr<EventBatch>& batch) {
  if (!full_.Push(std::move(batch))) return false;
  auto reused = free_.TryPop();
  batch = reused ? std::move(*reused) : std::make_unique<EventBatch>();
  return true;
}

void EventStream::Read(const storage::EventLog& log, uint64_t first_seq) {
  auto batch = std::make_unique<EventBatch>();
  bool stopped = false;
  // Undecoded: the projection's thread decodes each event from the batch, aligned there.
  Status read = log.ScanStoredFrom(first_seq, [&](uint64_t seq, std::string_view stored) {
    batch->Add(seq, stored);
    if (batch->byte_size() >= batch_bytes_ && !Push(batch)) {
      stopped = true;
      return false;
    }
    return true;
  });
  if (!stopped && read.ok() && batch->size() > 0) Push(batch);
  status_ = read;
  full_.Close();
}

std::unique_ptr<EventBatch> EventStream::Next(std::unique_ptr<EventBatch> done) {
  if (done) {
    done->Clear();
    free_.Push(std::move(done));
  }
  auto batch = full_.Pop();
  return batch ? std::move(*batch) : nullptr;
}

Status EventStream::status() { return status_; }

}  // namespace saqme::replay
