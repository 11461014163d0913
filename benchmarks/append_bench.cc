// Durable appends per second through the group-commit Appender with 1, 8 and 64 concurrent
// appenders, against the raw limit of this machine: plain RocksDB WriteBatches of 100 values of
// the same size, each written with sync=true. Prints the ratio (target: 64 appenders reach at
// least 60% of the raw batched limit). Results and the command are in docs/benchmarks.md.
//
//   build/benchmarks/append_bench --benchmark_min_time=3 --benchmark_repetitions=3
//       --benchmark_enable_random_interleaving=true
//
// The disk of a virtual machine is noisy: interleaved repetitions compare raw and saqme under
// the same conditions, and the ratios use the medians.
//
// Data goes to a fresh directory under $TMPDIR, removed at the end.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <benchmark/benchmark.h>
#include <rocksdb/db.h>

#include "storage/appender.h"
#include "storage/event_log.h"

namespace {

using namespace saqme::storage;

constexpr size_t kPayloadBytes = 400;
constexpr int kRawPerSync = 100;

std::string g_dir;
std::unique_ptr<EventLog> g_log;
std::unique_ptr<Appender> g_appender;
std::atomic<uint64_t> g_command_counter{0};
size_t g_event_bytes = 0;  // size of one stored event, measured

EventDraft MakeDraft() {
  EventDraft draft;
  auto event = draft.event();
  event.setOccurredAt(1793476800000);
  event.getActor().setPost("info-analytics");
  event.getActor().setPerson("თამარ გოგუაძე");
  auto answer = event.getPayload().initAnswerDrafted();
  answer.setAuthor("info-analytics");
  answer.setText(std::string(kPayloadBytes, 'a'));
  return draft;
}

void BM_DurableAppend(benchmark::State& state) {
  // Each thread works on its own cases, one command (one event) per iteration.
  const uint64_t thread_id = g_command_counter.fetch_add(1'000'000'000);
  std::string case_id = "bench-" + std::to_string(thread_id);
  uint32_t version = 0;
  uint64_t n = 0;
  const Appender::Stats before = g_appender->stats();
  for (auto _ : state) {
    AppendRequest request;
    request.case_id = case_id;
    request.expected_version = version;
    request.command_id = case_id + "/" + std::to_string(n++);
    request.events.push_back(MakeDraft());
    auto result = g_appender->Append(std::move(request));
    if (!result.ok()) {
      state.SkipWithError(result.status().ToString().c_str());
      break;
    }
    version = result->version;
    if (version >= 1000) {  // keep cases realistic in length
      case_id = "bench-" + std::to_string(g_command_counter.fetch_add(1));
      version = 0;
    }
  }
  state.SetItemsProcessed(state.iterations());
  if (state.thread_index() == 0) {  // thread 0's span approximates the run's
    const Appender::Stats after = g_appender->stats();
    const uint64_t groups = after.groups - before.groups;
    state.counters["events_per_fsync"] =
        groups ? static_cast<double>(after.events - before.events) / groups : 0;
  }
}

void BM_RawBatchedSync(benchmark::State& state) {
  rocksdb::DB* db = nullptr;
  rocksdb::Options options;
  options.create_if_missing = true;
  const std::string dir = g_dir + "/raw";
  if (!rocksdb::DB::Open(options, dir, &db).ok()) {
    state.SkipWithError("cannot open raw RocksDB");
    return;
  }
  std::unique_ptr<rocksdb::DB> owned(db);
  const std::string value(g_event_bytes, 'v');
  rocksdb::WriteOptions sync;
  sync.sync = true;
  uint64_t key = 0;
  for (auto _ : state) {
    rocksdb::WriteBatch batch;
    for (int i = 0; i < kRawPerSync; ++i) {
      char k[8];
      uint64_t big = __builtin_bswap64(++key);
      std::memcpy(k, &big, 8);
      batch.Put(rocksdb::Slice(k, 8), value);
    }
    if (!db->Write(sync, &batch).ok()) {
      state.SkipWithError("raw write failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * kRawPerSync);
  owned->Close();
}

BENCHMARK(BM_RawBatchedSync)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DurableAppend)->Threads(1)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DurableAppend)->Threads(8)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DurableAppend)->Threads(64)->UseRealTime()->Unit(benchmark::kMicrosecond);

// Remembers items/s of each benchmark (the median when repeated) to print the ratios at the end.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs) {
      const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
      if (run.run_type == Run::RT_Aggregate && !median) continue;
      auto it = run.counters.find("items_per_second");
      const std::string name = run.run_name.str();
      if (it == run.counters.end()) continue;
      if (median || !medians_.count(name)) rates_[name] = it->second;
      if (median) medians_.insert(name);
    }
  }
  void PrintRatios() const {
    double raw = 0;
    for (const auto& [name, rate] : rates_) {
      if (name.find("RawBatchedSync") != std::string::npos) raw = rate;
    }
    if (raw <= 0) return;
    std::printf("\nstored event: %zu bytes; raw limit: %.0f events/s (%d per fsync)\n",
                g_event_bytes, raw, kRawPerSync);
    for (const auto& [name, rate] : rates_) {
      if (name.find("DurableAppend") == std::string::npos) continue;
      std::printf("%-40s %10.0f appends/s  = %5.1f%% of raw%s\n", name.c_str(), rate,
                  100.0 * rate / raw,
                  name.find("threads:64") != std::string::npos
                      ? (rate >= 0.6 * raw ? "  (target 60%: met)" : "  (target 60%: NOT met)")
                      : "");
    }
  }

 private:
  std::map<std::string, double> rates_;
  std::set<std::string> medians_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  std::string pattern = (std::filesystem::temp_directory_path() / "saqme-bench-XXXXXX").string();
  g_dir = mkdtemp(pattern.data());
  auto log = EventLog::Open(g_dir + "/log", {});
  if (!log.ok()) {
    std::fprintf(stderr, "%s\n", log.status().ToString().c_str());
    return 1;
  }
  g_log = std::move(log.value());
  auto appender = Appender::Start(g_log.get());
  if (!appender.ok()) return 1;
  g_appender = std::move(appender.value());
  {
    EventDraft probe = MakeDraft();
    probe.event().setCaseId("bench-000000000000");
    probe.event().setCommandId("bench-000000000000/000000");
    Hash hash;
    g_event_bytes = SealEvent(probe.message(), kGenesisHash, &hash).size();
  }
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.PrintRatios();
  g_appender.reset();
  g_log.reset();
  std::filesystem::remove_all(g_dir);
  benchmark::Shutdown();
}
