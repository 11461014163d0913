#include "storage/appender.h"

#include <kj/exception.h>

namespace saqme::storage {

class Appender::Stager : public GroupCommit<AppendJob>::Stager {
 public:
  explicit Stager(LogWriter* writer) : writer_(writer) {}

  uint64_t Stage(AppendJob& job, rocksdb::WriteBatch* batch) override {
    // A malformed draft must not take the writer thread down; nothing of it reaches the batch
    // (LogWriter::Stage seals every event before it touches the batch).
    try {
      job.result = writer_->Stage(*job.request, batch);
    } catch (const kj::Exception& e) {
      job.result =
          Status::Error(Status::Code::kInvalidArgument,
                        std::string("the event could not be encoded: ") + e.getDescription().cStr(),
                        "მოვლენის ჩაწერა ვერ მოხერხდა: მონაცემები არასწორია");
    } catch (const std::exception& e) {
      job.result =
          Status::Error(Status::Code::kIOError, std::string("appending failed: ") + e.what());
    }
    const auto& r = job.result;
    return r.ok() && !r->duplicate ? r->last_seq - r->first_seq + 1 : 0;
  }
  void Sealed() override { writer_->Seal(); }
  void Committed() override { writer_->Commit(); }
  void Abandoned() override { writer_->Abandon(); }
  void Fail(AppendJob& job, const Status& failure) override { job.result = failure; }

 private:
  LogWriter* writer_;
};

Result<std::unique_ptr<Appender>> Appender::Start(EventLog* log, std::function<int64_t()> clock) {
  auto writer = LogWriter::Create(log, std::move(clock));
  if (!writer.ok()) return writer.status();
  std::unique_ptr<Appender> appender(new Appender());
  appender->writer_ = std::move(writer.value());
  appender->stager_ = std::make_unique<Stager>(appender->writer_.get());
  appender->group_ = std::make_unique<GroupCommit<AppendJob>>(log, appender->stager_.get());
  return appender;
}

Appender::~Appender() { group_.reset(); }  // drains before the stager and writer go

Result<AppendResult> Appender::Append(AppendRequest request) {
  AppendJob job{&request};
  Status queued = group_->Submit(job);
  if (!queued.ok()) return queued;
  return std::move(job.result);
}

}  // namespace saqme::storage
