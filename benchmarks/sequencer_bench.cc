// The sequencer's CPU per command on a mix of whole proceedings: the year generator's plan
// (registrations, resolutions, drafts, visas, signatures, dispatches, acts, sessions, the
// deadline watch) played through Engine::ExecuteAll into a fresh data directory, with the
// sequencer's profile on (engine/sequencer_profile.h). Prints events/s and thread CPU per
// command per stage (docs/benchmarks.md, issue 18).
//
//   SAQME_SEQUENCER_PROFILE=1 build/benchmarks/sequencer_bench [scale=30] [memory-budget-mb=256]
//
// A small memory budget (16, the least) makes the sequencer's cache of case states hold a few
// thousand, so that a scale-30 year takes most of its cases back from storage, as a ten-million-
// event year does with the default budget.
//
// Without SAQME_SEQUENCER_PROFILE=1 only the rate is printed (no clock reads in the sequencer).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <spdlog/spdlog.h>

#include "benchmarks/profile_report.h"
#include "generate/year_generator.h"

int main(int argc, char** argv) {
  const int scale = argc > 1 ? std::atoi(argv[1]) : 30;
  spdlog::set_level(spdlog::level::warn);
  std::string pattern =
      (std::filesystem::temp_directory_path() / "saqme-sequencer-bench-XXXXXX").string();
  const std::string dir = mkdtemp(pattern.data());
  saqme::generate::GenerateOptions options;
  options.scale = scale;
  if (argc > 2) options.memory_budget_mb = std::strtoull(argv[2], nullptr, 10);
  const auto began = std::chrono::steady_clock::now();
  auto summary = saqme::generate::GenerateYear(dir + "/data", options, {});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
  std::filesystem::remove_all(dir);
  if (!summary.ok()) {
    std::fprintf(stderr, "%s\n", summary.status().ToString().c_str());
    return 1;
  }
  std::printf(
      "generated scale %d (memory budget %zu MB): %llu commands, %llu events, %llu groups in %.2f "
      "s: %.0f events/s\n",
      scale, options.memory_budget_mb, static_cast<unsigned long long>(summary->commands),
      static_cast<unsigned long long>(summary->events),
      static_cast<unsigned long long>(summary->groups), seconds,
      static_cast<double>(summary->events) / seconds);
  saqme::bench::PrintProfile("year's mix", {}, summary->sequencer);
  return 0;
}
