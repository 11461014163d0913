// The case state snapshot (projection/case_snapshot.h) against the case view's JSON it replaced
// in the commit path: encoding, decoding and rendering every case state of a generated year
// (scale 3, some 1 800 cases of every kind), per state (docs/benchmarks.md, issue 18).
//
//   build/benchmarks/case_snapshot_bench
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include "generate/year_generator.h"
#include "projection/case_snapshot.h"
#include "projection/projection.h"
#include "projection/views.h"
#include "storage/event_log.h"

namespace {

using saqme::workflows::CaseState;

// Every case state of a generated year, and its stored snapshot.
struct Year {
  std::vector<CaseState> states;
  std::vector<std::string> snapshots;
};

const Year& GeneratedYear() {
  static const Year* year = [] {
    auto* y = new Year();
    spdlog::set_level(spdlog::level::warn);
    std::string pattern =
        (std::filesystem::temp_directory_path() / "saqme-snapshot-bench-XXXXXX").string();
    const std::string dir = mkdtemp(pattern.data());
    saqme::generate::GenerateOptions options;
    options.scale = 3;
    if (!saqme::generate::GenerateYear(dir + "/data", options, {}).ok()) std::abort();
    {
      saqme::storage::LogOptions log_options;
      log_options.create_if_missing = false;
      log_options.extra_column_families = saqme::engine::ViewFamilies();
      auto log = saqme::storage::EventLog::Open(dir + "/data", log_options);
      if (!log.ok()) std::abort();
      std::unique_ptr<rocksdb::Iterator> it(log.value()->db()->NewIterator(
          rocksdb::ReadOptions(), log.value()->family(saqme::engine::kCasesView)));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        y->snapshots.push_back(it->value().ToString());
        if (!saqme::engine::DecodeCaseSnapshot(y->snapshots.back(), &y->states.emplace_back())) {
          std::abort();
        }
      }
    }
    std::filesystem::remove_all(dir);
    size_t bytes = 0, json = 0;
    std::string view;
    for (size_t i = 0; i < y->states.size(); ++i) {
      bytes += y->snapshots[i].size();
      saqme::engine::WriteCaseView(y->states[i], view);
      json += view.size();
    }
    std::printf("%zu states: snapshot %.0f bytes, case view JSON %.0f bytes on average\n",
                y->states.size(), double(bytes) / y->states.size(),
                double(json) / y->states.size());
    return y;
  }();
  return *year;
}

void BM_EncodeSnapshot(benchmark::State& state) {
  const Year& year = GeneratedYear();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(saqme::engine::EncodeCaseSnapshot(year.states[i]));
    if (++i == year.states.size()) i = 0;
  }
}
BENCHMARK(BM_EncodeSnapshot);

void BM_DecodeSnapshot(benchmark::State& state) {
  const Year& year = GeneratedYear();
  size_t i = 0;
  CaseState decoded;
  for (auto _ : state) {
    benchmark::DoNotOptimize(saqme::engine::DecodeCaseSnapshot(year.snapshots[i], &decoded));
    if (++i == year.states.size()) i = 0;
  }
}
BENCHMARK(BM_DecodeSnapshot);

// What the commit path wrote before snapshots, and what a reader now renders.
void BM_WriteCaseViewJson(benchmark::State& state) {
  const Year& year = GeneratedYear();
  size_t i = 0;
  std::string view;
  for (auto _ : state) {
    saqme::engine::WriteCaseView(year.states[i], view);
    benchmark::DoNotOptimize(view.data());
    if (++i == year.states.size()) i = 0;
  }
}
BENCHMARK(BM_WriteCaseViewJson);

// What a cache miss cost before snapshots: copying a state is the least of a replay.
void BM_CopyState(benchmark::State& state) {
  const Year& year = GeneratedYear();
  size_t i = 0;
  for (auto _ : state) {
    CaseState copy = year.states[i];
    benchmark::DoNotOptimize(copy.version);
    if (++i == year.states.size()) i = 0;
  }
}
BENCHMARK(BM_CopyState);

}  // namespace

BENCHMARK_MAIN();
