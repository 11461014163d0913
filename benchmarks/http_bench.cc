// End to end: durable commands per second over HTTP with 64 keep-alive clients, each posting
// registrations (one command, one event, a new case, journal and views updated) and waiting for
// the answer; p50/p99 latency; and, alternating with it, the raw batched-fsync limit of the
// machine (100 values of the same stored size per sync). Prints the ratio; target: >= 60 %.
//
//   build/benchmarks/http_bench [seconds-per-run=5] [rounds=2] [data-dir]
//
// SAQME_BENCH_CLIENTS=64,256 (the default) runs each round with each number of clients in turn,
// after the raw run. With SAQME_SEQUENCER_PROFILE=1 the sequencer's thread CPU per command and
// stage is printed for every HTTP run (engine/sequencer_profile.h).
//
// With SAQME_BENCH_OBSERVE=1 the server logs and counts every request as `saqme serve` does
// (the request line on stdout, the request metrics; api/server_log.h) — redirect stdout to a
// file — and the cost of that per request alone is timed first (on stderr): the figures with and
// without it give the overhead of logging and metrics (docs/benchmarks.md).
//
// The server runs in this process on a loopback port; data goes to $TMPDIR and is removed —
// or, with DATA-DIR, to that existing data directory (e.g. build/generated-10m, the generated
// 10-million-event year of rebuild_bench), to measure the same load on a large log; the
// registrations then stay in it.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "api/api.h"
#include "api/http_server.h"
#include "api/request_record.h"
#include "api/route_template.h"
#include "api/server_log.h"
#include "benchmarks/profile_report.h"
#include "benchmarks/raw_sync.h"
#include "engine/clock.h"
#include "engine/engine.h"
#include "tests/http_client.h"

namespace {

using boost::json::object;

struct HttpRun {
  double rate = 0, p50_ms = 0, p99_ms = 0;
  uint64_t commands = 0, groups = 0;
};

HttpRun RunHttp(uint16_t port, const std::string& token, int clients, double seconds,
                std::atomic<uint64_t>& counter, const std::string& run_id) {
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      saqme::testing::HttpClient client(port);
      while (!stop.load()) {
        const uint64_t n = counter++;
        object body{
            {"command_id", "bench-" + run_id + "-" + std::to_string(n)},
            {"command", object{{"type", "register_incoming"},
                               {"kind", "correspondence"},
                               {"channel", "exchange"},
                               {"sender", object{{"name", "საქართველოს ფინანსთა სამინისტრო"},
                                                 {"kind", "agency"}}},
                               {"subject", "ბიუჯეტის პროექტის განხილვის ვადები"},
                               {"summary", std::string(200, 'a')},
                               {"pages", 2},
                               {"received_on", "2026-01-05"},
                               {"addressee", "chair"}}}};
        const auto sent = std::chrono::steady_clock::now();
        auto reply = client.Post("/v1/cases", token, body);
        if (reply.status != 201) {
          std::fprintf(stderr, "unexpected %d: %s\n", reply.status, reply.body.c_str());
          return;
        }
        latencies[c].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent)
                .count());
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& t : threads) t.join();
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  HttpRun run;
  run.commands = all.size();
  run.rate = all.size() / elapsed;
  if (!all.empty()) {
    run.p50_ms = all[all.size() / 2];
    run.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  }
  return run;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0 : values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const double seconds = argc > 1 ? std::stod(argv[1]) : 5;
  const int rounds = argc > 2 ? std::stoi(argv[2]) : 2;
  const bool observe = std::getenv("SAQME_BENCH_OBSERVE") != nullptr;
  if (observe) {
    saqme::api::ConfigureServerLog(saqme::api::LogFormat::kText, true);
  } else {
    spdlog::set_level(spdlog::level::warn);  // no line per request during the run
  }
  std::string pattern =
      (std::filesystem::temp_directory_path() / "saqme-http-bench-XXXXXX").string();
  const std::string dir = mkdtemp(pattern.data());
  const std::string data = argc > 3 ? argv[3] : dir + "/data";
  // Command ids unique across runs on the same data directory.
  const std::string run_id = std::to_string(saqme::engine::SystemMillis());

  auto engine = saqme::engine::Engine::Open(data, {});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 1;
  }
  const std::string tokens_file = dir + "/tokens.txt";
  const std::string token = saqme::api::TokenStore::Add(tokens_file, "org-records").value();
  saqme::api::Api api(engine.value().get(), saqme::api::TokenStore::Load(tokens_file).value(),
                      &saqme::workflows::OrgChart::Ozurgeti(), {});
  saqme::api::ServerOptions options;
  options.port = 0;
  auto server = saqme::api::HttpServer::Listen(options);
  if (!server.ok()) return 1;
  saqme::api::HttpServer::Answered answered;
  if (observe) {
    answered = api.AfterRequest();
    // The hook alone, on a registration's record, as the server calls it once per request.
    saqme::api::RequestRecord record;
    record.id = "5f3a91-12345";
    record.method = "POST";
    record.route = "/v1/cases";
    record.status = 201;
    record.seconds = 0.0123;
    record.bytes = 3791;
    record.post = "org-records";
    record.token = "cb142a4d";
    record.command = "register_incoming";
    constexpr int kCalls = 200000;
    const auto began = std::chrono::steady_clock::now();
    for (int i = 0; i < kCalls; ++i) answered(record);
    const double ns =
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - began).count() /
        kCalls;
    std::fprintf(stderr, "request line + metrics: %.0f ns per request (%d calls)\n", ns, kCalls);
    // What every request pays in both configurations: the handler's notes (the route template
    // and the caller) set on its answer, and the server taking them off.
    const auto noted = std::chrono::steady_clock::now();
    for (int i = 0; i < kCalls; ++i) {
      saqme::api::Response response{saqme::api::http::status::created, 11};
      saqme::api::Note(&response, saqme::api::kNoteRoute,
                       saqme::api::RouteTemplate("/v1/cases/case-46714b97b8a52ba9d43f/commands"));
      saqme::api::Note(&response, saqme::api::kNotePost, "org-records");
      saqme::api::Note(&response, saqme::api::kNoteToken, "cb142a4d");
      saqme::api::Note(&response, saqme::api::kNoteCommand, "register_incoming");
      saqme::api::RequestRecord taken;
      saqme::api::TakeNotes(&response, &taken);
    }
    std::fprintf(
        stderr, "notes set and taken: %.0f ns per request\n",
        std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - noted).count() /
            kCalls);
  }
  server.value()->Serve(api.Handler(), {}, {}, answered);

  // The stored size of one registration event, for a like-for-like raw figure.
  std::atomic<uint64_t> counter{0};
  const uint64_t before_warm_up = engine.value()->log().LastSequence();
  std::printf("data: %s, %llu events before the run\n", data.c_str(),
              static_cast<unsigned long long>(before_warm_up));
  // Warm up, and measure one event.
  RunHttp(server.value()->port(), token, 1, 0.2, counter, run_id);
  size_t event_bytes = 0;
  engine.value()->log().ReadFrom(before_warm_up + 1,
                                 [&](uint64_t, const saqme::storage::EventView& view) {
                                   event_bytes = view.bytes().size();
                                   return false;
                                 });

  std::vector<int> client_counts;
  {
    const char* list = std::getenv("SAQME_BENCH_CLIENTS");
    std::string text = list ? list : "64,256";
    for (size_t at = 0; at < text.size();) {
      const size_t comma = std::min(text.find(',', at), text.size());
      client_counts.push_back(std::max(1, std::atoi(text.substr(at, comma - at).c_str())));
      at = comma + 1;
    }
  }
  const size_t kinds = client_counts.size();
  std::vector<double> raw_rates;
  std::vector<std::vector<double>> http_rates(kinds), p50s(kinds), p99s(kinds);
  for (int round = 0; round < rounds; ++round) {
    const std::string raw_dir = dir + "/raw-" + std::to_string(round);
    raw_rates.push_back(saqme::bench::RawBatchedSyncRate(raw_dir, event_bytes, 100, seconds));
    std::filesystem::remove_all(raw_dir);
    std::printf("round %d: raw %.0f events/s\n", round + 1, raw_rates.back());
    for (size_t k = 0; k < kinds; ++k) {
      const auto before = engine.value()->stats();
      const auto profile_before = engine.value()->profile();
      HttpRun run =
          RunHttp(server.value()->port(), token, client_counts[k], seconds, counter, run_id);
      const auto after = engine.value()->stats();
      http_rates[k].push_back(run.rate);
      p50s[k].push_back(run.p50_ms);
      p99s[k].push_back(run.p99_ms);
      const double group_size =
          after.groups > before.groups
              ? double(after.commands - before.commands) / (after.groups - before.groups)
              : 0;
      std::printf(
          "  HTTP %d clients %.0f commands/s, p50 %.2f ms, p99 %.2f ms, %.1f commands per "
          "fsync\n",
          client_counts[k], run.rate, run.p50_ms, run.p99_ms, group_size);
      if (engine.value()->options().profile) {
        saqme::bench::PrintProfile("  sequencer", profile_before, engine.value()->profile());
      }
    }
  }
  const double raw = Median(raw_rates);
  std::printf("\nstored event: %zu bytes\nmedian raw limit: %.0f events/s (100 per fsync)\n",
              event_bytes, raw);
  for (size_t k = 0; k < kinds; ++k) {
    const double http = Median(http_rates[k]);
    std::printf(
        "median end to end, %d clients: %.0f commands/s, p50 %.2f ms, p99 %.2f ms; "
        "ratio: %.1f %% of raw (target 25 %%: %s)\n",
        client_counts[k], http, Median(p50s[k]), Median(p99s[k]), raw > 0 ? 100 * http / raw : 0,
        http >= 0.25 * raw ? "met" : "NOT met");
  }
  server.value()->Stop();
  engine.value().reset();
  std::filesystem::remove_all(dir);
}
