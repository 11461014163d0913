#include "storage/appender.h"

namespace saqme::storage {

Result<std::unique_ptr<Appender>> Appender::Start(EventLog* log, std::function<int64_t()> clock) {
  auto writer = LogWriter::Create(log, std::move(clock));
  if (!writer.ok()) return writer.status();
  std::unique_ptr<Appender> appender(new Appender(log));
  appender->writer_ = std::move(writer.value());
  appender->thread_ = std::thread([a = appender.get()] { a->Run(); });
  return appender;
}

Appender::~Appender() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

Result<AppendResult> Appender::Append(AppendRequest request) {
  Result<AppendResult> result(Status::Error(Status::Code::kUnavailable, "unanswered"));
  Pending pending{&request, &result};
  uint64_t generation;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      return Status::Error(Status::Code::kUnavailable, "the log is shutting down",
                           "სისტემა ჩერდება, სცადეთ მოგვიანებით");
    }
    if (!failed_.ok()) return failed_;
    queue_.push_back(&pending);
    generation = generation_;
    // The writer only sleeps on an empty queue, so only the first caller of a group wakes it.
    if (queue_.size() == 1) wake_.notify_one();
  }
  std::unique_lock<std::mutex> lock(ack_mu_);
  acked_[generation % 2].wait(lock, [&pending] { return pending.done; });
  return result;
}

Appender::Stats Appender::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void Appender::Run() {
  std::vector<Pending*> group;
  for (;;) {
    Status failed;
    uint64_t generation;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is answered
      group.swap(queue_);
      generation = generation_++;
      failed = failed_;
    }
    rocksdb::WriteBatch batch;
    uint64_t events = 0;
    const bool staged = failed.ok();  // fail-stop: nothing more is written after a failed write
    if (staged) {
      for (Pending* pending : group) {
        *pending->result = writer_->Stage(*pending->request, &batch);
        const auto& r = *pending->result;
        if (r.ok() && !r->duplicate) events += r->last_seq - r->first_seq + 1;
      }
      if (batch.Count() > 0) {
        rocksdb::WriteOptions sync;
        sync.sync = true;  // acknowledged only once in the fsync'd WAL
        failed = FromRocks(log_->db()->Write(sync, &batch), log_->dir());
      }
      if (failed.ok()) {
        writer_->Commit();
      } else {
        writer_->Abandon();
        failed = Status::Error(Status::Code::kUnavailable,
                               "writing to the log failed; nothing of this command was saved and "
                               "the log accepts no more writes until restarted: " +
                                   failed.message(),
                               "ჟურნალში ჩაწერა ვერ მოხერხდა; ბრძანება არ შენახულა");
      }
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!failed.ok()) failed_ = failed;
      stats_.groups += batch.Count() > 0 && failed.ok() ? 1 : 0;
      stats_.commands += group.size();
      stats_.events += failed.ok() ? events : 0;
    }
    {
      std::lock_guard<std::mutex> lock(ack_mu_);
      for (Pending* pending : group) {
        // After a failed write even the staged successes are failures: nothing was saved.
        // Refusals decided before the write stay what they are.
        if (!failed.ok() && (!staged || pending->result->ok())) *pending->result = failed;
        pending->done = true;
      }
    }
    acked_[generation % 2].notify_all();
    group.clear();
  }
}

}  // namespace saqme::storage
