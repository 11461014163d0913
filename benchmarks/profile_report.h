// Prints the sequencer's CPU per stage (engine::SequencerProfile) between two readings, in µs
// of thread CPU per unit (command), for the benchmarks that drive the engine.
#pragma once

#include <cstdio>

#include "engine/sequencer_profile.h"

namespace saqme::bench {

inline void PrintProfile(const char* title, const engine::SequencerProfile& before,
                         const engine::SequencerProfile& after) {
  const double units = static_cast<double>(after.units - before.units);
  if (!after.enabled || units <= 0) {
    std::printf("%s: no profile (set SAQME_SEQUENCER_PROFILE=1)\n", title);
    return;
  }
  auto us = [&](uint64_t a, uint64_t b) { return static_cast<double>(a - b) / 1000.0 / units; };
  const double groups = static_cast<double>(after.groups - before.groups);
  std::printf(
      "%s: %.0f commands, %.2f events each, %.1f commands per fsync\n"
      "  thread CPU per command (us): load %.2f | decide %.2f | seal+stage %.2f | project %.2f | "
      "rest of Stage %.2f | Stage total %.2f | after fsync %.2f | all %.2f\n"
      "  write+fsync wall per group: %.3f ms; its CPU (WAL, memtables) per command: %.2f us\n",
      title, units, static_cast<double>(after.events - before.events) / units,
      groups > 0 ? units / groups : 0, us(after.load_ns, before.load_ns),
      us(after.decide_ns, before.decide_ns), us(after.seal_ns, before.seal_ns),
      us(after.project_ns, before.project_ns),
      static_cast<double>(after.rest_ns() - before.rest_ns()) / 1000.0 / units,
      us(after.stage_ns, before.stage_ns), us(after.commit_ns, before.commit_ns),
      us(after.stage_ns + after.commit_ns, before.stage_ns + before.commit_ns),
      groups > 0 ? (after.write_seconds - before.write_seconds) * 1000.0 / groups : 0,
      (after.write_cpu_seconds - before.write_cpu_seconds) * 1e6 / units);
}

}  // namespace saqme::bench
