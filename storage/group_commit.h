// GroupCommit: many callers, one fsync per group, the next group staged while one is written.
//
// Callers Submit() a job and block, or SubmitAsync() it and are called back. The sequencer thread
// drains every waiting job and asks the Stager to add each one's writes to one rocksdb::WriteBatch
// (the Stager records each job's answer, including refusals, which add nothing), then hands the
// batch to the writer thread, which writes it with sync=true, tells the Stager Committed() and only
// then releases the group's callers. While a group is written the sequencer stages the next one on
// top of it (pipelined group commit, depth 2: at most one group in flight and one being staged);
// that group is handed over only once the one before is durable, so the log's order is the commit
// order. An answered job is therefore in the fsync'd WAL, and a refused one wrote nothing; a
// refusal, too, is answered only once everything it was decided against is durable.
//
// After a failed write nothing more is written (fail-stop): whether the batch reached the disk is
// unknown, so every job of the group, of the group staged on top of it, and every later one, is
// failed with kUnavailable until the process restarts and recovers from the WAL; the Stager is
// told Abandoned() and forgets both groups.
//
// The Appender (plain appends) and the engine's sequencer (decide, append, project views) are
// the two Stagers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <rocksdb/write_batch.h>

#include "model/status.h"
#include "storage/event_log.h"
#include "storage/histogram.h"

namespace saqme::storage {

// Test-only hooks into the pipeline (empty in production): a way to hold a group's write until
// the next group is staged, and to make that write fail.
struct GroupCommitHooks {
  // The sequencer thread has staged group `group` (groups are numbered from 0), before it waits
  // for the write of the group before it.
  std::function<void(uint64_t group)> staged;
  // The writer thread is about to write group `group`'s batch (not called for an empty batch);
  // an error is taken as the write's failure and nothing is written.
  std::function<Status(uint64_t group)> before_write;
};

template <typename Job>
class GroupCommit {
  // A queued job and whether it is answered (guarded by ack_mu_). `then` set: an asynchronous
  // job (SubmitAsync), its Pending on the heap and deleted once answered.
  struct Pending {
    Job* job = nullptr;
    bool done = false;
    std::function<void()> then = nullptr;
    uint8_t waker = 0;  // which of acked_ its caller waits on (set by Push)
  };

 public:
  // The most jobs in one group (one batch, one fsync). A caller that queues more at once (the
  // year generator queues a day's hours) has them staged and written in several groups, in
  // order, so that one is staged while the one before is written; and a batch stays bounded.
  // Far above what concurrent clients make (64 HTTP clients: about 20 per group; 256: 70).
  static constexpr size_t kMaxGroupJobs = 128;

  // Its calls never overlap (one mutex), but come from two threads: Stage and Sealed from the
  // sequencer, Committed from the writer, Abandoned from either.
  class Stager {
   public:
    virtual ~Stager() = default;
    // Adds `job`'s writes to `batch`, or none when it is refused or a retry (the job holds its
    // answer either way), seeing every earlier job's, durable or not. Returns the number of
    // events it adds.
    virtual uint64_t Stage(Job& job, rocksdb::WriteBatch* batch) = 0;
    // The group staged since the last Sealed() goes to be written: later Stages build on it.
    // Requires the group sealed before it Committed (at most one sealed group not yet durable).
    virtual void Sealed() {}
    // The sealed group's batch is durable.
    virtual void Committed() = 0;
    // A write failed: forget the sealed group and everything staged since the last durable one.
    // May be called more than once.
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

  // `log` and `stager` must outlive this object. Starts the sequencer and writer threads.
  GroupCommit(EventLog* log, Stager* stager, GroupCommitHooks hooks = {})
      : log_(log), stager_(stager), hooks_(std::move(hooks)) {
    writer_ = std::thread([this] { Write(); });
    thread_ = std::thread([this] { Run(); });
  }

  // Answers every queued job, waits for their callers to leave Submit, stops the threads.
  // Requires: no thread calls Submit once destruction has begun.
  ~GroupCommit() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();  // the sequencer stops the writer once its last group is answered
    writer_.join();
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

  // Queues `job` and returns at once: `then` is called once the job is answered, on the writer
  // thread (or the sequencer's, for a group failed before its write), after the callers of the
  // job's group are released. It must not block (it hands the answer on, e.g. posts it to a
  // connection's executor). Or returns the reason the job was not queued; then `then` is never
  // called and `job` is untouched. Requires `job` alive until `then` is called. Thread-safe.
  Status SubmitAsync(Job& job, std::function<void()> then) {
    if (!then) {
      return Status::Error(Status::Code::kInvalidArgument, "an asynchronous job needs a callback",
                           "ასინქრონულ დავალებას პასუხის მიმღები სჭირდება");
    }
    auto pending = std::make_unique<Pending>(Pending{&job, false, std::move(then)});
    Status queued = Push(pending.get(), 1, /*blocks=*/false);
    if (queued.ok()) pending.release();  // Answer deletes it
    return queued;
  }

  // Queues `jobs[0..n)` together, in this order, into one group (one fsync; beyond
  // kMaxGroupJobs, consecutive groups), and blocks until
  // all are answered; a later job sees the earlier ones' writes. For callers whose order must
  // not depend on thread timing (the year generator). Otherwise as Submit.
  Status SubmitAll(Job* const* jobs, size_t n) {
    Queued queued = Queue(jobs, n);
    return Wait(queued);
  }

  // Jobs queued by Queue and not yet waited for.
  class Queued {
   public:
    Queued() = default;
    Queued(Queued&&) = default;
    Queued& operator=(Queued&&) = default;

   private:
    friend class GroupCommit;
    std::unique_ptr<Pending[]> pending_;
    size_t n_ = 0;
    Status refused_;  // not queued: the answer Wait gives
  };

  // SubmitAll in two halves, so that a caller can queue its next jobs while these are staged
  // and written (two groups in flight): Queue returns at once, Wait blocks until the jobs are
  // answered. Jobs queued by consecutive calls keep their order in the log; they may share a
  // group. Requires the jobs to stay alive, and Wait to be called once for every Queued, before
  // this object is destroyed. Thread-safe.
  Queued Queue(Job* const* jobs, size_t n) {
    Queued queued;
    if (n == 0) return queued;
    queued.pending_ = std::make_unique<Pending[]>(n);
    queued.n_ = n;
    for (size_t i = 0; i < n; ++i) queued.pending_[i].job = jobs[i];
    queued.refused_ = Push(queued.pending_.get(), n, /*blocks=*/true);
    if (!queued.refused_.ok()) queued.n_ = 0;
    return queued;
  }
  // The reason the jobs were not queued (then untouched), or Ok once every one is answered.
  Status Wait(Queued& queued) {
    if (queued.n_ > 0) AwaitLast(queued.pending_.get(), queued.n_);
    queued.n_ = 0;
    return queued.refused_;
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

  // Queues pending[0..n) together (one group, or several in order beyond kMaxGroupJobs) and
  // waits for the last of them, which is answered with or after the rest.
  Status Enqueue(Pending* pending, size_t n) {
    if (Status refused = Push(pending, n, /*blocks=*/true); !refused.ok()) {
      return refused;
    }
    AwaitLast(pending, n);
    return Status::Ok();
  }

  // Queues pending[0..n) (n > 0) and, when its caller `blocks` until they are answered, counts
  // it as waiting; each waits on the variable of the group being collected. Or the reason
  // nothing was queued.
  Status Push(Pending* pending, size_t n, bool blocks) {
    std::lock_guard<std::mutex> lock(mu_);
    if (Status refused = RefusalLocked(); !refused.ok()) return refused;
    if (blocks) {
      std::lock_guard<std::mutex> ack_lock(ack_mu_);
      ++waiting_;
    }
    const bool was_empty = queue_.empty();
    for (size_t i = 0; i < n; ++i) {
      pending[i].waker = static_cast<uint8_t>(generation_ % 3);
      queue_.push_back(&pending[i]);
    }
    // The writer only sleeps on an empty queue, so only the first caller of a group wakes it.
    if (was_empty) wake_.notify_one();
    return Status::Ok();
  }

  // Blocks until pending[n - 1], queued by Push, is answered: it is answered with (or after)
  // every job queued before it.
  void AwaitLast(const Pending* pending, size_t n) {
    std::unique_lock<std::mutex> lock(ack_mu_);
    const Pending& last = pending[n - 1];
    acked_[last.waker].wait(lock, [&last] { return last.done; });
    if (--waiting_ == 0) all_left_.notify_all();
  }

  // The calling thread's CPU time: two reads per group, not per job.
  static double ThreadCpuSeconds() {
    timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
  }

  // The sequencer thread: collects and stages a group while the one before is written.
  void Run() {
    std::vector<Pending*> group;
    for (;;) {
      Status failed;
      uint64_t generation;
      {
        std::unique_lock<std::mutex> lock(mu_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) break;  // stopping, and everything queued is staged
        // At most kMaxGroupJobs: a long queue (a caller that queued many jobs at once) goes in
        // several groups, so that the next is staged while one is written.
        if (queue_.size() <= kMaxGroupJobs) {
          group.swap(queue_);
        } else {
          group.assign(queue_.begin(), queue_.begin() + kMaxGroupJobs);
          queue_.erase(queue_.begin(), queue_.begin() + kMaxGroupJobs);
        }
        generation = generation_++;
        failed = failed_;
      }
      Flight flight;
      if (failed.ok()) {
        for (Pending* pending : group) {
          std::lock_guard<std::mutex> stage(stage_mu_);  // Committed() may come between jobs
          if (abandoned_) break;  // the group below failed: this one fails whole
          flight.events += stager_->Stage(*pending->job, &flight.batch);
        }
      }
      if (hooks_.staged) hooks_.staged(generation);
      {
        // Depth 2: the group is handed over only once the one before is durable (or failed).
        std::unique_lock<std::mutex> lock(mu_);
        idle_.wait(lock, [this] { return !in_flight_; });
        failed = failed_;
      }
      if (!failed.ok()) {
        {
          std::lock_guard<std::mutex> stage(stage_mu_);
          stager_->Abandoned();  // what this group staged on top of the failed one
        }
        Answer(group, failed, 0);
        group.clear();
        continue;
      }
      {
        std::lock_guard<std::mutex> stage(stage_mu_);
        stager_->Sealed();
      }
      flight.group.swap(group);
      flight.generation = generation;
      {
        std::lock_guard<std::mutex> lock(mu_);
        flight_ = std::move(flight);
        in_flight_ = true;
      }
      flight_cv_.notify_one();
    }
    std::unique_lock<std::mutex> lock(mu_);
    idle_.wait(lock, [this] { return !in_flight_; });
    writer_stopping_ = true;
    flight_cv_.notify_one();
  }

  // The writer thread: writes each handed-over group with sync, then answers it.
  void Write() {
    for (;;) {
      Flight flight;
      {
        std::unique_lock<std::mutex> lock(mu_);
        flight_cv_.wait(lock, [this] { return in_flight_ || writer_stopping_; });
        if (!in_flight_) return;
        flight = std::move(flight_);
      }
      Status failed;
      double fsync_seconds = 0, write_cpu_seconds = 0;
      if (flight.batch.Count() > 0) {
        failed = hooks_.before_write ? hooks_.before_write(flight.generation) : Status::Ok();
        if (failed.ok()) {
          rocksdb::WriteOptions sync;
          sync.sync = true;  // answered only once in the fsync'd WAL
          const auto began = std::chrono::steady_clock::now();
          const double cpu_began = ThreadCpuSeconds();
          failed = FromRocks(log_->db()->Write(sync, &flight.batch), log_->dir());
          write_cpu_seconds = ThreadCpuSeconds() - cpu_began;
          fsync_seconds =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        }
      }
      if (failed.ok()) {
        std::lock_guard<std::mutex> stage(stage_mu_);
        stager_->Committed();
      } else {
        failed = Status::Error(
            Status::Code::kUnavailable,
            "writing to the log failed, so it is not known whether this command was saved; "
            "saqme accepts no writes until it is restarted — then retry with the same command "
            "id: " +
                failed.message(),
            "ჟურნალში ჩაწერა ვერ მოხერხდა; უცნობია, შეინახა თუ არა ბრძანება. გადატვირთვის "
            "შემდეგ სცადეთ იგივე ბრძანების იდენტიფიკატორით: " +
                failed.message_ka());
        {
          std::lock_guard<std::mutex> lock(mu_);
          failed_ = failed;
        }
        std::lock_guard<std::mutex> stage(stage_mu_);
        abandoned_ = true;
        stager_->Abandoned();  // this group and whatever is staged on top of it
      }
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (flight.batch.Count() > 0 && failed.ok()) {
          ++stats_.groups;
          stats_.group_jobs.Observe(static_cast<double>(flight.group.size()));
          stats_.fsync_seconds.Observe(fsync_seconds);
          stats_.write_cpu_seconds += write_cpu_seconds;
        }
      }
      Answer(flight.group, failed, flight.events);
      {
        std::lock_guard<std::mutex> lock(mu_);
        in_flight_ = false;
      }
      idle_.notify_all();
    }
  }

  // Counts and releases `group`'s callers, each failed with `failed` when that is an error:
  // after a failed write every answer of the group is unknown — successes may not be saved, and
  // refusals were decided against a state that may not exist. Then calls back the asynchronous
  // jobs (SubmitAsync), outside every lock, and deletes their Pending.
  void Answer(const std::vector<Pending*>& group, const Status& failed, uint64_t events) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stats_.commands += group.size();
      stats_.events += failed.ok() ? events : 0;
    }
    // Taken out under the lock: once notified, a blocked caller's Pending (on its stack) may
    // be gone.
    std::vector<std::unique_ptr<Pending>> called_back;
    bool wake[3] = {false, false, false};  // a caller whose jobs were split waits on an older one
    {
      std::lock_guard<std::mutex> lock(ack_mu_);
      for (Pending* pending : group) {
        if (!failed.ok()) stager_->Fail(*pending->job, failed);
        pending->done = true;
        if (pending->then) {
          called_back.emplace_back(pending);
        } else {
          wake[pending->waker] = true;
        }
      }
    }
    for (int i = 0; i < 3; ++i) {
      if (wake[i]) acked_[i].notify_all();
    }
    for (auto& pending : called_back) {
      // Nothing may escape onto the writer's thread, nor stop the other jobs' answers. A callback
      // that failed dropped its answer; the caller's own fallback answers (an HTTP Reply dropped
      // unanswered answers 503).
      try {
        pending->then();
      } catch (...) {
      }
    }
  }

  // A staged group on its way to the disk.
  struct Flight {
    std::vector<Pending*> group;
    rocksdb::WriteBatch batch;
    uint64_t events = 0;
    uint64_t generation = 0;
  };

  EventLog* log_;
  Stager* stager_;
  GroupCommitHooks hooks_;
  // Guards the queue, generation_, stopping_, failed_, stats_ and the hand-over (flight_). Never
  // taken while stage_mu_ is held.
  mutable std::mutex mu_;
  std::condition_variable wake_;  // the sequencer waits here for work
  std::vector<Pending*> queue_;
  uint64_t generation_ = 0;  // number of the group being collected in queue_
  bool stopping_ = false;
  Status failed_;  // set once a batch write failed
  Stats stats_;
  Flight flight_;                      // handed to the writer while in_flight_
  bool in_flight_ = false;             // a group is being written
  bool writer_stopping_ = false;       // the sequencer is through: the writer may stop
  std::condition_variable flight_cv_;  // the writer waits here for a group
  std::condition_variable idle_;       // the sequencer waits here for the writer to finish one
  // Serialises the Stager's calls; abandoned_ (a write failed, guarded by it) stops staging.
  std::mutex stage_mu_;
  bool abandoned_ = false;
  // Callers wait for their answer under ack_mu_ (not mu_, so that a woken group does not queue
  // behind new arrivals), on the variable of the number, modulo 3, of the group being collected
  // when they queued (one in flight, one staged, one collecting): acknowledging a group wakes its
  // own callers with one notify_all and not those of the groups after it — and, for the jobs of
  // a long queue that went into a later group (kMaxGroupJobs), the variable they wait on.
  std::mutex ack_mu_;
  std::condition_variable acked_[3];
  size_t waiting_ = 0;                // callers blocked for an answer (guarded by ack_mu_)
  std::condition_variable all_left_;  // the destructor waits here for waiting_ == 0
  std::thread thread_;                // the sequencer
  std::thread writer_;
};

}  // namespace saqme::storage
