// SequencerProfile: where the sequencer's thread spends its CPU, stage by stage (issue 18).
//
// Thread CPU time (CLOCK_THREAD_CPUTIME_ID), not wall time: on a loaded machine wall time counts
// the preemptions too. Two clock reads per stage and command, so it is off unless asked for
// (EngineOptions::profile, or SAQME_SEQUENCER_PROFILE=1 in the environment); the write and fsync
// is wall time, from the group commit's own figures.
#pragma once

#include <cstdint>
#include <ctime>

namespace saqme::engine {

struct SequencerProfile {
  bool enabled = false;
  uint64_t units = 0;   // jobs staged (commands, watch jobs, the chart's adoption)
  uint64_t events = 0;  // events staged
  // Nanoseconds of the sequencer thread's CPU, summed over every job since the engine opened.
  uint64_t load_ns = 0;     // the case state: staged, cached or replayed from the log
  uint64_t decide_ns = 0;   // the workflow's Decide (and the context it reads)
  uint64_t seal_ns = 0;     // the LogWriter sealing and staging the events into the batch
  uint64_t project_ns = 0;  // evolving the state and projecting the views into the batch
  uint64_t stage_ns = 0;    // the whole of Stage (the four above and the rest)
  uint64_t commit_ns = 0;   // after the fsync (on the group commit's writer thread): the writer's
                            // tail, the caches, publishing
  // Wall seconds of the synced batch writes (write + fsync), and their number.
  double write_seconds = 0;
  double write_cpu_seconds = 0;  // the writer thread's CPU in them (WAL, memtable inserts)
  uint64_t groups = 0;

  // The rest of Stage: what none of the four named stages covers.
  uint64_t rest_ns() const {
    const uint64_t named = load_ns + decide_ns + seal_ns + project_ns;
    return stage_ns > named ? stage_ns - named : 0;
  }
};

// The calling thread's CPU time in ns.
inline uint64_t ThreadCpuNanos() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<uint64_t>(t.tv_sec) * 1000000000u + static_cast<uint64_t>(t.tv_nsec);
}

// Adds the thread CPU time of its scope to `*total` when `total` is not null (profiling off:
// no clock read).
class CpuTimer {
 public:
  explicit CpuTimer(uint64_t* total) : total_(total), began_(total ? ThreadCpuNanos() : 0) {}
  ~CpuTimer() {
    if (total_) *total_ += ThreadCpuNanos() - began_;
  }
  CpuTimer(const CpuTimer&) = delete;
  CpuTimer& operator=(const CpuTimer&) = delete;

 private:
  uint64_t* total_;
  uint64_t began_;
};

}  // namespace saqme::engine
