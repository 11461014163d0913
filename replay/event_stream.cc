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
    : batch_bytes_(batch_bytes), max_batches_(max_batches) {
  reader_ = std::thread([this, &log, first_seq] { Read(log, first_seq); });
}

EventStream::~EventStream() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  reader_.join();
}

bool EventStream::Push(std::unique_ptr<EventBatch>& batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stopping_ || full_.size() < max_batches_; });
  if (stopping_) return false;
  full_.push_back(std::move(batch));
  if (!free_.empty()) {
    batch = std::move(free_.back());
    free_.pop_back();
  }
  lock.unlock();
  changed_.notify_all();
  if (!batch) batch = std::make_unique<EventBatch>();
  return true;
}

void EventStream::Read(const storage::EventLog& log, uint64_t first_seq) {
  auto batch = std::make_unique<EventBatch>();
  bool stopped = false;
  Status read = log.ReadFrom(first_seq, [&](uint64_t seq, const storage::EventView& view) {
    batch->Add(seq, view.bytes());
    if (batch->byte_size() >= batch_bytes_ && !Push(batch)) {
      stopped = true;
      return false;
    }
    return true;
  });
  if (!stopped && read.ok() && batch->size() > 0) Push(batch);
  std::lock_guard lock(mutex_);
  status_ = read;
  finished_ = true;
  changed_.notify_all();
}

std::unique_ptr<EventBatch> EventStream::Next(std::unique_ptr<EventBatch> done) {
  std::unique_lock lock(mutex_);
  if (done) {
    done->Clear();
    free_.push_back(std::move(done));
  }
  changed_.wait(lock, [&] { return !full_.empty() || finished_; });
  if (full_.empty()) return nullptr;
  auto batch = std::move(full_.front());
  full_.pop_front();
  lock.unlock();
  changed_.notify_all();
  return batch;
}

Status EventStream::status() {
  std::lock_guard lock(mutex_);
  return status_;
}

}  // namespace saqme::replay
