// Rebuilding every view from the log alone, and walking its hash chain: events per second.
//
//   build/benchmarks/rebuild_bench [scale=3800] [data-dir=build/generated-10m] [phases]
//
// Fills DATA-DIR once, when it holds no log, with a generated year (`saqme generate --profile
// lentekhi --year 2023 --scale SCALE`, generate/year_generator.h: every command through the
// engine, views included; scale 3 800 gives about 10.1 million events) and reuses it on later
// runs. Then it times, on that log:
//   0. Read: every event read and decoded, nothing else (the floor under the rest);
//   1. Verify: the whole hash chain from event 1 (`saqme verify`, `saqme check`);
//   2. Rebuild: every event through the engine's projection into a scratch database, streamed
//      (`saqme check`'s rebuild), then compared with the live views (check's comparison);
//   3. Install: every event projected straight into the next generation, switched to (`saqme
//      rebuild`);
//   4. ReplayCase: one case as of its last event, for cases spread over the log (`saqme
//      replay`, GET /v1/cases/{id}?at_version=).
// Peak resident memory is printed after the phases (getrusage: the peak so far).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "generate/year_generator.h"
#include "projection/views.h"
#include "replay/case_replay.h"
#include "replay/view_rebuild.h"

namespace {

using namespace saqme;

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "%s\n", what.c_str());
  std::exit(1);
}

// The CPU time of the whole process (every thread) so far: on a shared machine the wall time of
// a phase includes waiting for a core, its CPU time does not.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double cpu_start = 0;  // CpuSeconds() when the phase began

void Report(const char* what, uint64_t count, const char* unit, double seconds) {
  const double cpu = CpuSeconds() - cpu_start;
  std::printf("%-10s %12llu %-8s in %8.2f s  = %12.0f %s/s; CPU %.2f s, %.2f us per %s\n", what,
              static_cast<unsigned long long>(count), unit, seconds,
              static_cast<double>(count) / seconds, unit, cpu, cpu * 1e6 / count, unit);
}

// The process's peak resident memory so far (it only grows: a phase's own peak is the first
// figure it raised).
void PrintPeak(const char* when) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory %s: %.2f GiB\n", when,
              static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0));
}

}  // namespace

int main(int argc, char** argv) {
  generate::GenerateOptions generation;
  generation.scale = 3800;
  std::string dir = "build/generated-10m";
  if (argc > 1) generation.scale = std::stoi(argv[1]);
  if (argc > 2) dir = argv[2];
  // Which phases to time (a comma list of read, verify, rebuild, install, replay; all unless
  // given), for profiling one of them.
  const std::string phases = argc > 3 ? argv[3] : "read,verify,rebuild,install,replay";
  auto wants = [&](const char* phase) { return phases.find(phase) != std::string::npos; };
  storage::LogOptions options;
  options.extra_column_families = engine::ViewFamilies();
  auto opened = storage::EventLog::Open(dir, options);
  if (!opened.ok()) Fail(opened.status().ToString());
  if (opened.value()->LastSequence() == 0) {
    opened.value().reset();
    const auto start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
    auto generated =
        generate::GenerateYear(dir, generation, [&](const generate::GenerateProgress& p) {
          if (p.day % 25 == 0) {
            std::printf("  %s: %llu events (%.0f s)\n", p.date.c_str(),
                        static_cast<unsigned long long>(p.events), Seconds(start));
            std::fflush(stdout);
          }
        });
    if (!generated.ok()) Fail(generated.status().ToString());
    std::printf("generated %llu events in %.0f s\n",
                static_cast<unsigned long long>(generated->last_seq), Seconds(start));
    opened = storage::EventLog::Open(dir, options);
    if (!opened.ok()) Fail(opened.status().ToString());
  } else {
    std::printf("reusing %llu events of %s (generated at scale %d, as the scale argument says)\n",
                static_cast<unsigned long long>(opened.value()->LastSequence()), dir.c_str(),
                generation.scale);
  }
  auto& log = *opened.value();
  const uint64_t total = log.LastSequence();
  // A directory of something else, or a generation cut short, would only fail at the replays.
  if (!replay::ReplayCase(log, "2023-nomenclature", replay::ReplayPoint{}).ok() ||
      !replay::ReplayCase(
           log, "2023-order-" + std::to_string(generation.profile->orders * generation.scale),
           replay::ReplayPoint{})
           .ok()) {
    Fail(dir + " does not hold a whole generated 2023 at scale " +
         std::to_string(generation.scale) + "; remove it to generate anew");
  }

  // For scale: only reading and decoding every event, which a rebuild cannot avoid.
  auto start = std::chrono::steady_clock::now();
  cpu_start = CpuSeconds();
  auto progress = [&](uint64_t done, uint64_t) {
    if (done % (1 << 21) == 0) {
      std::printf("  rebuilt %llu / %llu (%.0f s)\n", static_cast<unsigned long long>(done),
                  static_cast<unsigned long long>(total), Seconds(start));
      std::fflush(stdout);
    }
  };
  if (wants("read")) {
    uint64_t scanned = 0, bytes = 0;
    Status scan = log.ReadFrom(1, [&](uint64_t, const storage::EventView& view) {
      bytes += view.event().getCaseId().size();
      ++scanned;
      return true;
    });
    if (!scan.ok()) Fail(scan.ToString());
    Report("read", scanned, "events", Seconds(start));
  }

  if (wants("verify")) {
    start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
    auto verified = log.Verify();
    if (!verified.ok) Fail("verify: " + verified.problem);
    Report("verify", verified.checked, "events", Seconds(start));
  }

  if (wants("rebuild")) {
    start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
    auto rebuilt = replay::Rebuild(log, replay::ViewSetup{}, progress);
    if (!rebuilt.ok()) Fail(rebuilt.status().ToString());
    Report("rebuild", rebuilt.value()->events(), "events", Seconds(start));
    std::printf("  at most %llu case states held at once\n",
                static_cast<unsigned long long>(rebuilt.value()->peak_open_cases()));
    PrintPeak("after the rebuild");

    start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
    auto differences = replay::CompareWithLive(log, *rebuilt.value(), [](const auto&) {});
    if (!differences.ok()) Fail(differences.status().ToString());
    if (differences.value() != 0) Fail("the rebuild differs from the live views");
    Report("compare", rebuilt.value()->events(), "events", Seconds(start));
    rebuilt.value().reset();
  }

  if (wants("install")) {
    start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
    auto installed = replay::RebuildAndInstall(log, replay::ViewSetup{}, progress);
    if (!installed.ok()) Fail(installed.status().ToString());
    Report("install", installed->events, "events", Seconds(start));
    PrintPeak("after the install");
  }

  if (wants("replay")) {
    // Point-in-time inspection reads one case's events, whatever the size of the log.
    // Letters, applications and orders of the generated year (generate/year_generator.cc ids).
    const generate::YearProfile& profile = *generation.profile;
    const std::pair<std::string, int> kinds[] = {
        {"2023-correspondence-", profile.correspondence * generation.scale},
        {"2023-application-", profile.applications * generation.scale},
        {"2023-order-", profile.orders * generation.scale}};
    std::mt19937_64 random(42);
    constexpr int kReplays = 2000;
    start = std::chrono::steady_clock::now();
    cpu_start = CpuSeconds();
    uint64_t replayed_events = 0;
    for (int r = 0; r < kReplays; ++r) {
      const auto& [prefix, count] = kinds[r % std::size(kinds)];
      const std::string id = prefix + std::to_string(1 + random() % static_cast<uint64_t>(count));
      auto state = replay::ReplayCase(log, id, replay::ReplayPoint{});
      if (!state.ok()) Fail(id + ": " + state.status().ToString());
      replayed_events += state->version;
    }
    const double replay_seconds = Seconds(start);
    std::printf("replay     %12d cases   in %8.3f s  = %9.1f us per case (%llu events)\n", kReplays,
                replay_seconds, replay_seconds * 1e6 / kReplays,
                static_cast<unsigned long long>(replayed_events));
  }

  PrintPeak("at the end");
  return 0;
}
