// Appender: durable, group-committed appends of already-decided events to the log.
//
// Any number of threads call Append(); the GroupCommit writer stages each request with the
// LogWriter, writes the whole group with one fsync, and answers. An append that returned a
// result is in the fsync'd WAL and survives a crash; one that returned an error wrote nothing.
// After a failed write it stops accepting work (see group_commit.h).
#pragma once

#include <functional>
#include <memory>

#include "storage/event_log.h"
#include "storage/group_commit.h"
#include "storage/log_writer.h"

namespace saqme::storage {

// One caller's request and the place its answer goes.
struct AppendJob {
  AppendRequest* request;
  Result<AppendResult> result{Status::Error(Status::Code::kUnavailable, "unanswered")};
};

class Appender {
 public:
  using Stats = GroupCommit<AppendJob>::Stats;

  // Takes the log's single LogWriter. `log` must outlive the Appender.
  static Result<std::unique_ptr<Appender>> Start(EventLog* log,
                                                 std::function<int64_t()> clock = {});
  // Answers every queued append, waits for their callers to leave Append, then stops.
  // Requires: no thread calls Append once destruction has begun.
  ~Appender();

  // Appends one command's events atomically; blocks until they are durable or refused.
  // Thread-safe. See LogWriter::Stage for the refusals.
  Result<AppendResult> Append(AppendRequest request);

  Stats stats() const { return group_->stats(); }

 private:
  class Stager;
  Appender() = default;

  std::unique_ptr<LogWriter> writer_;
  std::unique_ptr<Stager> stager_;
  std::unique_ptr<GroupCommit<AppendJob>> group_;
};

}  // namespace saqme::storage
