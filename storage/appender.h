// Appender: durable, group-committed appends to the log.
//
// Any number of threads call Append(); one writer thread drains the queue, stages every waiting
// command into one WriteBatch (LogWriter), writes it with sync=true — one fsync for the whole
// group — and only then acknowledges each caller. An append that returned a result is therefore
// in the fsync'd WAL and survives a crash; one that returned an error wrote nothing.
//
// After a failed write the appender stops accepting work (kUnavailable): whether the failed
// batch reached the disk is unknown (the WAL may hold it), so its callers are told that the
// outcome is unknown and to retry with the same command id after a restart, which recovers from
// the WAL and answers the retry with the first result if the batch was saved.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/event_log.h"
#include "storage/log_writer.h"

namespace saqme::storage {

class Appender {
 public:
  struct Stats {
    uint64_t groups = 0;    // fsync'd batches
    uint64_t commands = 0;  // commands acknowledged (including duplicates)
    uint64_t events = 0;    // events made durable
  };

  // Takes the log's single LogWriter. `log` must outlive the Appender.
  static Result<std::unique_ptr<Appender>> Start(EventLog* log,
                                                 std::function<int64_t()> clock = {});
  // Answers every queued append, waits for their callers to leave Append, then stops the writer.
  // Requires: no thread calls Append once destruction has begun.
  ~Appender();

  // Appends one command's events atomically; blocks until they are durable or refused.
  // Thread-safe. See LogWriter::Stage for the refusals.
  Result<AppendResult> Append(AppendRequest request);

  Stats stats() const;

 private:
  // A caller's request and the place its answer goes; lives on the caller's stack.
  struct Pending {
    AppendRequest* request;
    Result<AppendResult>* result;
    bool done = false;
  };
  explicit Appender(EventLog* log) : log_(log) {}
  void Run();
  Result<AppendResult> StageOne(AppendRequest& request, rocksdb::WriteBatch* batch);

  EventLog* log_;
  std::unique_ptr<LogWriter> writer_;
  mutable std::mutex mu_;         // guards the queue, generation_, stopping_, failed_, stats_
  std::condition_variable wake_;  // the writer waits here for work
  // Callers wait for their answer under ack_mu_ (not mu_, so that a woken group does not queue
  // behind new arrivals), on the variable of their group's parity: acknowledging a group wakes
  // its own callers with one notify_all and not those already queued for the next group.
  std::mutex ack_mu_;
  std::condition_variable acked_[2];
  size_t waiting_ = 0;                // callers blocked for an answer (guarded by ack_mu_)
  std::condition_variable all_left_;  // the destructor waits here for waiting_ == 0
  std::vector<Pending*> queue_;
  uint64_t generation_ = 0;  // number of the group being collected in queue_
  bool stopping_ = false;
  Status failed_;  // set once a batch write failed
  Stats stats_;
  std::thread thread_;
};

}  // namespace saqme::storage
