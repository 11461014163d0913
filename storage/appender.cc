#include "storage/appender.h"

#include <vector>

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
  std::future<Result<AppendResult>> result;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stopping_) {
      return Status::Error(Status::Code::kUnavailable, "the log is shutting down",
                           "სისტემა ჩერდება, სცადეთ მოგვიანებით");
    }
    if (!failed_.ok()) return failed_;
    queue_.push_back(Pending{std::move(request), {}});
    result = queue_.back().done.get_future();
  }
  wake_.notify_one();
  return result.get();
}

Appender::Stats Appender::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

void Appender::Run() {
  std::deque<Pending> group;
  std::vector<Result<AppendResult>> results;
  for (;;) {
    Status failed;
    {
      std::unique_lock<std::mutex> lock(mu_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued is answered
      group.swap(queue_);
      failed = failed_;
    }
    if (!failed.ok()) {  // fail-stop: nothing more is written after a failed write
      for (auto& pending : group) pending.done.set_value(failed);
      group.clear();
      continue;
    }
    rocksdb::WriteBatch batch;
    results.clear();
    uint64_t events = 0;
    for (auto& pending : group) {
      results.push_back(writer_->Stage(pending.request, &batch));
      if (results.back().ok() && !results.back()->duplicate) {
        events += results.back()->last_seq - results.back()->first_seq + 1;
      }
    }
    Status written;
    if (batch.Count() > 0) {
      rocksdb::WriteOptions sync;
      sync.sync = true;  // acknowledged only once in the fsync'd WAL
      written = FromRocks(log_->db()->Write(sync, &batch), log_->dir());
    }
    if (written.ok()) {
      writer_->Commit();
    } else {
      writer_->Abandon();
      written = Status::Error(Status::Code::kUnavailable,
                              "writing to the log failed; nothing of this command was saved and "
                              "the log accepts no more writes until restarted: " +
                                  written.message(),
                              "ჟურნალში ჩაწერა ვერ მოხერხდა; ბრძანება არ შენახულა");
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!written.ok()) failed_ = written;
      stats_.groups += batch.Count() > 0 ? 1 : 0;
      stats_.commands += group.size();
      stats_.events += written.ok() ? events : 0;
    }
    for (size_t i = 0; i < group.size(); ++i) {
      group[i].done.set_value(written.ok() || !results[i].ok() ? std::move(results[i])
                                                               : Result<AppendResult>(written));
    }
    group.clear();
  }
}

}  // namespace saqme::storage
