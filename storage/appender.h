// Appender: durable, group-committed appends to the log.
//
// Any number of threads call Append(); one writer thread drains the queue, stages every waiting
// command into one WriteBatch (LogWriter), writes it with sync=true — one fsync for the whole
// group — and only then acknowledges each caller. An append that returned a result is therefore
// in the fsync'd WAL and survives a crash; one that returned an error wrote nothing.
//
// After a failed write the appender stops accepting work (kUnavailable): the state of the disk
// is unknown, and an operator must restart the process, which recovers from the WAL.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <future>
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
  // Finishes the queued appends, then stops the writer thread.
  ~Appender();

  // Appends one command's events atomically; blocks until they are durable or refused.
  // Thread-safe. See LogWriter::Stage for the refusals.
  Result<AppendResult> Append(AppendRequest request);

  Stats stats() const;

 private:
  struct Pending {
    AppendRequest request;
    std::promise<Result<AppendResult>> done;
  };
  explicit Appender(EventLog* log) : log_(log) {}
  void Run();

  EventLog* log_;
  std::unique_ptr<LogWriter> writer_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  Status failed_;  // set once a batch write failed
  Stats stats_;
  std::thread thread_;
};

}  // namespace saqme::storage
