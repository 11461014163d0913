// GroupCommit: many callers, one writer thread, one fsync per group.
//
// Callers Submit() a job and block. The writer thread drains every waiting job, asks the Stager
// to add each one's writes to a single rocksdb::WriteBatch (the Stager records each job's answer,
// including refusals, which add nothing), writes the batch with sync=true, tells the Stager
// Committed() or Abandoned(), and only then releases the callers. An answered job is therefore in
// the fsync'd WAL, and a refused one wrote nothing.
//
// After a failed write nothing more is written (fail-stop): whether the batch reached the disk is
// unknown, so every job of the group, and every later one, is failed with kUnavailable until the
// process restarts and recovers from the WAL.
//
// The Appender (plain appends) and the engine's sequencer (decide, append, project views) are
// the two Stagers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <ctime>
#include <mutex>
#include <thread>
#include <vector>

#include <rocksdb/write_batch.h>

#include "model/status.h"
#include "storage/event_log.h"
#include "storage/histogram.h"

namespace saqme::storage {

template <typename Job>
class GroupCommit {
 public:
  class Stager {
   public:
    virtual ~Stager() = default;
    // Adds `job`'s writes to `batch`, or none when it is refused or a retry (the job holds its
    // answer either way). Returns the number of events it adds. Runs on the writer thread only.
    virtual uint64_t Stage(Job& job, rocksdb::WriteBatch* batch) = 0;
    // The batch is durable / was not written. Runs on the writer thread only.
    virtual void Committed() = 0;
    virtual void Abandoned() = 0;
    // Makes `failure` the job's answer.
    virtual void Fail(Job& job, const Status& failure) = 0;
  };

  struct Stats {
    uint64_t groups = 0;    // fsync'd batches
    uint64_t commands = 0;  // jobs answered (including retries and refusals)
    uint64_t events = 0;    // events made durable
    uint64_t queued = 0;    // jobs waiting for the writer at the time of stats()
    // Per fsync'd batch: its jobs, and the seconds its synced write took (/metrics).
    Histogram group_jobs{{1, 2, 4, 8, 16, 32, 64, 128, 256, 512}};
    Histogram fsync_seconds{{0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1}};
    // The writer thread's CPU in the synced writes (WAL append and memtable inserts; the wait
    // for the disk is not CPU), summed.
    double write_cpu_seconds = 0;
  };

  // `log` and `stager` must outlive this object. Starts the writer thread.
  GroupCommit(EventLog* log, Stager* stager) : log_(log), stager_(stager) {
    thread_ = std::thread([this] { Run(); });
  }

  // Answers every queued job, waits for their callers to leave Submit, stops the thread.
  // Requires: no thread calls Submit once destruction has begun.
  ~GroupCommit() {
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

  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  // Queues `job` and blocks until it is answered (Ok) — or returns the reason it was not even
  // queued (shutting down, or stopped after a failed write) without touching it. Thread-safe.
  Status Submit(Job& job) {
    Pending pending{&job};  // on the stack: the per-command path allocates nothing here
    return Enqueue(&pending, 1);
  }

  // Queues `jobs[0..n)` together, in this order, into one group (one fsync), and blocks until
  // all are answered; a later job sees the earlier ones' writes. For callers whose order must
  // not depend on thread timing (the year generator). Otherwise as Submit.
  Status SubmitAll(Job* const* jobs, size_t n) {
    if (n == 0) return Status::Ok();
    std::vector<Pending> pending(n);
    for (size_t i = 0; i < n; ++i) pending[i].job = jobs[i];
    return Enqueue(pending.data(), n);
  }

  Stats stats() const {
    std::lock_guard<std::mutex> lock(mu_);
    Stats stats = stats_;
    stats.queued = queue_.size();
    return stats;
  }

  // Ok while Submit would queue a job; else the kUnavailable it would answer (shutting down, or
  // stopped after a failed write). Thread-safe.
  Status Accepting() const {
    std::lock_guard<std::mutex> lock(mu_);
    return RefusalLocked();
  }

 private:
  // Accepting() with mu_ held.
  Status RefusalLocked() const {
    if (stopping_) {
      return Status::Error(Status::Code::kUnavailable, "saqme is shutting down",
                           "სისტემა ჩერდება, სცადეთ მოგვიანებით");
    }
    return failed_;
  }

  struct Pending {
    Job* job = nullptr;
    bool done = false;
  };

  // Queues pending[0..n) together (one group: the writer drains the whole queue at once) and
  // waits for the last of them, which is answered with the rest.
  Status Enqueue(Pending* pending, size_t n) {
    uint64_t generation;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (Status refused = RefusalLocked(); !refused.ok()) return refused;
      {
        std::lock_guard<std::mutex> ack_lock(ack_mu_);
        ++waiting_;
      }
      const bool was_empty = queue_.empty();
      for (size_t i = 0; i < n; ++i) queue_.push_back(&pending[i]);
      generation = generation_;
      // The writer only sleeps on an empty queue, so only the first caller of a group wakes it.
      if (was_empty) wake_.notify_one();
    }
    std::unique_lock<std::mutex> lock(ack_mu_);
    const Pending& last = pending[n - 1];
    acked_[generation % 2].wait(lock, [&last] { return last.done; });
    if (--waiting_ == 0) all_left_.notify_all();
    return Status::Ok();
  }

  // The calling thread's CPU time: two reads per group, not per job.
  static double ThreadCpuSeconds() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }

  void Run() {
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
      double fsync_seconds = 0, write_cpu_seconds = 0;
      if (failed.ok()) {
        for (Pending* pending : group) events += stager_->Stage(*pending->job, &batch);
        if (batch.Count() > 0) {
          rocksdb::WriteOptions sync;
          sync.sync = true;  // answered only once in the fsync'd WAL
          const auto began = std::chrono::steady_clock::now();
          const double cpu_began = ThreadCpuSeconds();
          failed = FromRocks(log_->db()->Write(sync, &batch), log_->dir());
          write_cpu_seconds = ThreadCpuSeconds() - cpu_began;
          fsync_seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        }
        if (failed.ok()) {
          stager_->Committed();
        } else {
          stager_->Abandoned();
          failed = Status::Error(
              Status::Code::kUnavailable,
              "writing to the log failed, so it is not known whether this command was saved; "
              "saqme accepts no writes until it is restarted — then retry with the same command "
              "id: " +
                  failed.message(),
              "ჟურნალში ჩაწერა ვერ მოხერხდა; უცნობია, შეინახა თუ არა ბრძანება. გადატვირთვის "
              "შემდეგ სცადეთ იგივე ბრძანების იდენტიფიკატორით: " +
                  failed.message_ka());
        }
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (!failed.ok()) failed_ = failed;
        if (batch.Count() > 0 && failed.ok()) {
          ++stats_.groups;
          stats_.group_jobs.Observe(static_cast<double>(group.size()));
          stats_.fsync_seconds.Observe(fsync_seconds);
          stats_.write_cpu_seconds += write_cpu_seconds;
        }
        stats_.commands += group.size();
        stats_.events += failed.ok() ? events : 0;
      }
      {
        std::lock_guard<std::mutex> lock(ack_mu_);
        for (Pending* pending : group) {
          // After a failed write every answer of the group is unknown: successes may not be
          // saved, and refusals were decided against a state that may not exist.
          if (!failed.ok()) stager_->Fail(*pending->job, failed);
          pending->done = true;
        }
      }
      acked_[generation % 2].notify_all();
      group.clear();
    }
  }

  EventLog* log_;
  Stager* stager_;
  mutable std::mutex mu_;         // guards the queue, generation_, stopping_, failed_, stats_
  std::condition_variable wake_;  // the writer waits here for work
  std::vector<Pending*> queue_;
  uint64_t generation_ = 0;  // number of the group being collected in queue_
  bool stopping_ = false;
  Status failed_;  // set once a batch write failed
  Stats stats_;
  // Callers wait for their answer under ack_mu_ (not mu_, so that a woken group does not queue
  // behind new arrivals), on the variable of their group's parity: acknowledging a group wakes
  // its own callers with one notify_all and not those already queued for the next group.
  std::mutex ack_mu_;
  std::condition_variable acked_[2];
  size_t waiting_ = 0;                // callers blocked for an answer (guarded by ack_mu_)
  std::condition_variable all_left_;  // the destructor waits here for waiting_ == 0
  std::thread thread_;
};

}  // namespace saqme::storage
