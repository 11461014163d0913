// The deadline watcher's cost follows what is due, not how many cases are open.
//
//   build/benchmarks/watch_bench [open-cases=1000000] [data-dir=build/watch-bench-data]
//
// Fills DATA-DIR once with OPEN-CASES open letters registered through the engine (64 client
// threads, real commands: events, journals, inboxes, deadline and watch indexes), registered
// over 20 days (17 December 2025 to 5 January 2026) so their due dates spread over 20 days;
// later runs reuse it. Then measures, with Google Benchmark, (1) a watch tick on a day when
// nothing is due, (2) for contrast, a full scan of the deadline index — what a watcher that
// looked at every open case would pay per tick — and finally times the first tick that finds
// reminders due (it records events, so a second run finds a later day).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <capnp/message.h>
#include <capnp/serialize.h>

#include "engine/engine.h"
#include "engine/view_reader.h"
#include "model/tbilisi_time.h"

namespace {

using saqme::Result;
using saqme::engine::Engine;

constexpr int64_t kDay = 86'400'000;
// 2026-01-05T10:00:00+04:00, a Monday: the last registration day.
constexpr int64_t kRegistrationDay = 1767592800000;
constexpr int kDays = 20;

std::atomic<int64_t> now{kRegistrationDay};
std::unique_ptr<Engine> engine;

std::unique_ptr<Engine> Open(const std::string& dir) {
  saqme::engine::EngineOptions options;
  options.clock = [] { return now.load(); };
  auto opened = Engine::Open(dir, options);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(opened.value());
}

void Fill(uint64_t cases) {
  const uint64_t have = engine->log().LastSequence();
  if (have >= cases) {
    std::printf("reusing %llu events\n", static_cast<unsigned long long>(have));
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  for (int day = 0; day < kDays; ++day) {  // one registration day after another
    const uint64_t end = cases * (day + 1) / kDays;
    if (have >= end) continue;
    now = kRegistrationDay - static_cast<int64_t>(kDays - 1 - day) * kDay;
    std::atomic<uint64_t> next{std::max(have, cases * day / kDays)};
    std::vector<std::thread> threads;
    for (int t = 0; t < 64; ++t) {
      threads.emplace_back([&] {
        for (uint64_t i; (i = next.fetch_add(1)) < end;) {
          capnp::MallocMessageBuilder message;
          auto r = message.initRoot<saqme::schema::Command>().initRegisterIncoming();
          r.setKind(saqme::schema::IncomingKind::CORRESPONDENCE);
          r.setChannel("post");
          r.initSender().setName("სამინისტრო");
          r.setSubject("წერილი " + std::to_string(i));
          r.setPages(1);
          r.setReceivedOn(saqme::TbilisiDate(now.load()));
          r.setAddressee(i % 2 ? "apparatus-head" : "chair");
          saqme::engine::Submission submission;
          submission.case_id = "bench-" + std::to_string(i);
          submission.command_id = "bench-register-" + std::to_string(i);
          submission.actor_post = "org-records";
          auto words = capnp::messageToFlatArray(message);
          submission.command = kj::heapArray<capnp::word>(words.asPtr());
          auto outcome = engine->Execute(std::move(submission));
          if (!outcome.ok() || outcome->refused) {
            std::fprintf(stderr, "registration %llu failed\n", static_cast<unsigned long long>(i));
            std::exit(1);
          }
          if (i % 100000 == 0) {
            std::printf(
                "  %llu cases registered (%.0f s)\n", static_cast<unsigned long long>(i),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            std::fflush(stdout);
          }
        }
      });
    }
    for (auto& t : threads) t.join();
  }
  std::printf("registered %llu cases in %.0f s\n", static_cast<unsigned long long>(cases - have),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
}

void BM_WatchTickNothingDue(benchmark::State& state) {
  now = kRegistrationDay + kDay;  // Tuesday 6 January: the first reminders are a week away
  for (auto _ : state) {
    auto report = engine->Watch();
    if (!report.ok() || report->events != 0) state.SkipWithError("the tick recorded something");
  }
}
BENCHMARK(BM_WatchTickNothingDue)->Unit(benchmark::kMicrosecond);

void BM_FullDeadlineIndexScan(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(saqme::engine::ViewReader(engine->log()).OpenCases());
  state.counters["open"] =
      static_cast<double>(saqme::engine::ViewReader(engine->log()).OpenCases());
}
BENCHMARK(BM_FullDeadlineIndexScan)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  uint64_t cases = 1'000'000;
  std::string dir = "build/watch-bench-data";
  if (argc > 1 && argv[1][0] != '-') cases = std::stoull(argv[1]);
  if (argc > 2 && argv[2][0] != '-') dir = argv[2];
  engine = Open(dir);
  Fill(cases);
  std::printf(
      "open cases (deadline index entries): %llu\n",
      static_cast<unsigned long long>(saqme::engine::ViewReader(engine->log()).OpenCases()));
  int bench_argc = 1;
  benchmark::Initialize(&bench_argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  // Day by day until a tick finds reminders due (letters of 17 December are due on 20 January:
  // the 17th is a Saturday and the 19th a holiday; three working days before is the 14th).
  Result<Engine::WatchReport> report = Engine::WatchReport{};
  double seconds = 0;
  for (int day = 1; day <= 60 && report.ok() && report->events == 0; ++day) {
    now = kRegistrationDay + day * kDay;
    const auto start = std::chrono::steady_clock::now();
    report = engine->Watch();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
    return 1;
  }
  std::printf("tick on %s: %llu cases due, %llu events recorded in %.3f s (%.1f us per case)\n",
              engine->Today().c_str(), static_cast<unsigned long long>(report->cases),
              static_cast<unsigned long long>(report->events), seconds,
              report->cases ? seconds * 1e6 / static_cast<double>(report->cases) : 0.0);
  engine.reset();
  return 0;
}
