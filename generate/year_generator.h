// The year generator: a body's whole year of proceedings written through the engine, as its
// clerks, heads and executors would have done it — for demonstrations, the annual report and
// the benchmarks (`saqme generate`, docs/generate.md).
//
// The year is planned first, from the profile and the seed alone: every proceeding with its
// steps on the year's working days (registration, resolution, receipt, draft, visas,
// decision, signature, dispatch, filing; acts from draft to publication; letters on the body's
// own initiative; assignments; the nomenclature in January). Then the days are played in
// order: each morning the deadline watch runs, then each hour's commands go to the engine as
// one group (Engine::ExecuteAll), so the log's order — and with it every registration number
// and every hash — depends only on the plan. The clock is simulated: it reads the planned
// hour.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "engine/sequencer_profile.h"
#include "generate/year_profile.h"
#include "model/status.h"
#include "storage/memory_budget.h"
#include "workflows/org/org_chart.h"

namespace saqme::generate {

// About 26 million events a year at the largest scale.
inline constexpr int kMaxScale = 10000;

struct GenerateOptions {
  const YearProfile* profile = &YearProfile::Lentekhi();
  // Runs on the body's chart: the posts that register, resolve, sign and execute.
  const workflows::OrgChart* org = &workflows::OrgChart::Ozurgeti();
  int year = 2023;
  int scale = 1;      // every count of the profile times this (the nomenclature stays one)
  uint64_t seed = 1;  // the same seed, profile, year and scale give the same log
  // Of the letters and applications, how many per mille are answered after their due date; -1:
  // the profile's (Lentekhi: none, as the seed says). 0..1000 (kInvalidArgument otherwise).
  int late_per_mille = -1;
  // After the year: on the next year's first working day the records office hands every file
  // of the year's nomenclature to the departmental archive (hand_to_archive takes only a closed
  // year's files), inventory 1 of the year. Off by default: the year's log then ends in it.
  bool hand_to_archive = false;
  // With N > 0 (implies hand_to_archive): on the first working day of the year N years after
  // the handing over, the permanently kept files (the nomenclature's retention) are transferred
  // to the State Archive by transfer act 1. The period is a parameter: the project's sources
  // say that the legally required part goes on to the State Archive, not after how long.
  // 0..kMaxTransferYears (kInvalidArgument otherwise).
  int transfer_after_years = 0;
  // The engine's memory budget (storage/memory_budget.h): RocksDB's memory and the sequencer's
  // cache of case states. A small one makes a small year behave as a large one does, its
  // cases read back from their snapshots rather than the cache (`saqme generate
  // --memory-budget-mb`). The budget changes no event: the same log either way.
  size_t memory_budget_mb = storage::MemoryBudget::kDefaultMegabytes;
};
inline constexpr int kMaxTransferYears = 75;

struct GenerateProgress {
  int day = 0, days = 0;  // working days played, of the year's
  std::string date;       // the day being played
  uint64_t commands = 0, events = 0;
};

struct GenerateSummary {
  uint64_t proceedings = 0, commands = 0, events = 0;
  uint64_t groups = 0;  // fsync'd groups: the hours' commands and the watch's writes
  int working_days = 0;
  uint64_t last_seq = 0;
  engine::SequencerProfile sequencer;  // zero unless SAQME_SEQUENCER_PROFILE=1 (Engine::profile)
};

// Writes the year into the log of `dir` through the engine. Requires: `dir` holds no events yet,
// 1 <= scale <= kMaxScale, the org has the posts the generator uses — kInvalidArgument saying
// which otherwise, before anything is written. A command the workflows refuse is a bug of the
// plan: generation stops with kInvalidArgument naming the case, the command and the refusal
// (what was written until then stays, consistent). `progress` (optional) is called after every
// played day.
Result<GenerateSummary> GenerateYear(const std::string& dir, const GenerateOptions& options,
                                     const std::function<void(const GenerateProgress&)>& progress);

}  // namespace saqme::generate
