#include "storage/appender.h"

#include <kj/exception.h>

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
  // Answered callers may still be waking up; they touch ack_mu_ on their way out.
  std::unique_lock<std::mutex> lock(ack_mu_);
  all_left_.wait(lock, [this] { return waiting_ == 0; });
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
    {
      std::lock_guard<std::mutex> ack_lock(ack_mu_);
      ++waiting_;
    }
    queue_.push_back(&pending);
    generation = generation_;
    // The writer only sleeps on an empty queue, so only the first caller of a group wakes it.
    if (queue_.size() == 1) wake_.notify_one();
  }
  std::unique_lock<std::mutex> lock(ack_mu_);
  acked_[generation % 2].wait(lock, [&pending] { return pending.done; });
  if (--waiting_ == 0) all_left_.notify_all();
  return result;
}

Appender::Stats Appender::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

Result<AppendResult> Appender::StageOne(AppendRequest& request, rocksdb::WriteBatch* batch) {
  // A malformed draft must not take the writer thread down; nothing of it reaches the batch
  // (LogWriter::Stage seals every event before it touches the batch).
  try {
    return writer_->Stage(request, batch);
  } catch (const kj::Exception& e) {
    return Status::Error(
        Status::Code::kInvalidArgument,
        std::string("the event could not be encoded: ") + e.getDescription().cStr(),
        "მოვლენის ჩაწერა ვერ მოხერხდა: მონაცემები არასწორია");
  } catch (const std::exception& e) {
    return Status::Error(Status::Code::kIOError, std::string("appending failed: ") + e.what());
  }
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
    if (failed.ok()) {  // fail-stop: nothing more is written after a failed write
      for (Pending* pending : group) {
        *pending->result = StageOne(*pending->request, &batch);
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
                               "writing to the log failed, so it is not known whether this "
                               "command was saved; the log accepts no writes until saqme is "
                               "restarted — then retry with the same command id: " +
                                   failed.message(),
                               "ჟურნალში ჩაწერა ვერ მოხერხდა; უცნობია, შეინახა თუ არა ბრძანება. "
                               "გადატვირთვის შემდეგ სცადეთ იგივე ბრძანების იდენტიფიკატორით");
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
        // After a failed write every answer of the group is unknown: successes may not be
        // saved, and refusals were decided against a tail that may not exist.
        if (!failed.ok()) *pending->result = failed;
        pending->done = true;
      }
    }
    acked_[generation % 2].notify_all();
    group.clear();
  }
}

}  // namespace saqme::storage
