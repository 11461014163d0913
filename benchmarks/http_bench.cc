// End to end: durable commands per second over HTTP with 64 and 256 keep-alive clients, each
// waiting for every answer before its next command; p50/p99 latency per command; and,
// alternating with it, the raw batched-fsync limit of the machine (100 values of the same stored
// size per sync). Prints the ratio; target: >= 25 %. Two loads:
//   - `register`: each client posts registrations (one command, one event, a new case, journal
//     and views updated);
//   - `proceedings`: each client takes citizens' applications through their whole proceeding,
//     as the records office, the chair, a legal specialist and the head of the
//     organisational unit do (register, resolve, confirm receipt, draft, endorse, decide, sign,
//     dispatch, file: nine commands, each its persona's, on one case).
//
//   build/benchmarks/http_bench [seconds-per-run=5] [rounds=2] [data-dir]
//
// SAQME_BENCH_CLIENTS=64,256 (the default) runs each round with each number of clients in turn,
// after the raw run; SAQME_BENCH_LOAD=register,proceedings (the default) each load with each.
// With SAQME_SEQUENCER_PROFILE=1 the sequencer's thread CPU per command and stage is printed for
// every HTTP run (engine/sequencer_profile.h).
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
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
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
#include "model/tbilisi_time.h"
#include "tests/http_client.h"

namespace {

using boost::json::object;

struct HttpRun {
  double rate = 0, p50_ms = 0, p99_ms = 0;
  uint64_t commands = 0, groups = 0;
};

// The personas' bearer tokens, by post.
using Tokens = std::map<std::string, std::string>;

// What one client does once: posts commands through `post`, which times each. False when an
// answer was not the one expected.
using Post = std::function<std::optional<object>(
    const std::string& path, const std::string& persona, object command, int expected_status)>;
using Load = std::function<bool(const Post& post)>;

object Registration(const char* kind, const char* sender_kind, const char* addressee) {
  return object{
      {"type", "register_incoming"},
      {"kind", kind},
      {"channel", "exchange"},
      {"sender", object{{"name", "საქართველოს ფინანსთა სამინისტრო"}, {"kind", sender_kind}}},
      {"subject", "ბიუჯეტის პროექტის განხილვის ვადები"},
      {"summary", std::string(200, 'a')},
      {"pages", 2},
      {"received_on", "2026-01-05"},
      {"addressee", addressee}};
}

// One registration: a new case each.
bool RegisterOne(const Post& post) {
  return post("/v1/cases", "org-records", Registration("correspondence", "agency", "chair"), 201)
      .has_value();
}

// A citizen's application through its whole proceeding, each step by its persona (the path of
// ApiTest.ACitizensApplicationFromRegistrationToFiling), filed under the nomenclature `code`.
bool OneProceeding(const Post& post, const std::string& code) {
  auto opened =
      post("/v1/cases", "org-records", Registration("application", "citizen", "chair"), 201);
  if (!opened) return false;
  const std::string path =
      "/v1/cases/" + std::string(opened->at("case_id").as_string()) + "/commands";
  const std::pair<const char*, object> steps[] = {
      {"chair", object{{"type", "assign_resolution"},
                       {"lead_executor", "sec-legal"},
                       {"instruction", "განიხილოს და უპასუხოს"},
                       {"on_control", true}}},
      {"sec-legal", object{{"type", "confirm_receipt"}}},
      {"sec-legal", object{{"type", "draft_answer"}, {"text", std::string(300, 'b')}}},
      {"org-head", object{{"type", "endorse"}}},
      {"chair", object{{"type", "decide"}, {"outcome", "granted"}, {"text", "დაკმაყოფილდეს"}}},
      {"chair", object{{"type", "sign"}}},
      {"org-records", object{{"type", "dispatch"}, {"channel", "exchange"}}},
      {"org-records", object{{"type", "file"}, {"nomenclature_code", code}}},
  };
  for (const auto& [persona, command] : steps) {
    if (!post(path, persona, command, 200)) return false;
  }
  return true;
}

HttpRun RunHttp(uint16_t port, const Tokens& tokens, int clients, double seconds,
                std::atomic<uint64_t>& counter, const std::string& run_id, const Load& load) {
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  const auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      saqme::testing::HttpClient client(port);
      const Post post = [&](const std::string& path, const std::string& persona, object command,
                            int expected) -> std::optional<object> {
        object body{{"command_id", "bench-" + run_id + "-" + std::to_string(counter++)},
                    {"command", std::move(command)}};
        const auto sent = std::chrono::steady_clock::now();
        auto reply = client.Post(path, tokens.at(persona), body);
        if (reply.status != expected) {
          std::fprintf(stderr, "unexpected %d: %s\n", reply.status, reply.body.c_str());
          return std::nullopt;
        }
        latencies[c].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sent)
                .count());
        auto json = reply.json();
        return json.is_object() ? std::move(json.as_object()) : object();
      };
      while (!stop.load()) {
        if (!load(post)) return;
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

// The comma-separated items of the environment variable `name`, or of `fallback`.
std::vector<std::string> ListFromEnvironment(const char* name, const char* fallback) {
  const char* list = std::getenv(name);
  const std::string text = list ? list : fallback;
  std::vector<std::string> items;
  for (size_t at = 0; at < text.size();) {
    const size_t comma = std::min(text.find(',', at), text.size());
    items.push_back(text.substr(at, comma - at));
    at = comma + 1;
  }
  return items;
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
  Tokens tokens;
  for (const char* post : {"org-records", "sec-legal", "org-head", "chair"}) {
    tokens[post] = saqme::api::TokenStore::Add(tokens_file, post).value();
  }
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
  RunHttp(server.value()->port(), tokens, 1, 0.2, counter, run_id, RegisterOne);
  size_t event_bytes = 0;
  engine.value()->log().ReadFrom(before_warm_up + 1,
                                 [&](uint64_t, const saqme::storage::EventView& view) {
                                   event_bytes = view.bytes().size();
                                   return false;
                                 });

  // The proceedings are filed under a file of this year's nomenclature, approved here (on a
  // data directory that has one for the year already, the approval is refused and the file is
  // expected to be there).
  const std::string year = saqme::TbilisiDate(saqme::engine::SystemMillis()).substr(0, 4);
  const std::string code = "02-01";
  {
    saqme::testing::HttpClient client(server.value()->port());
    object body{
        {"command_id", "bench-" + run_id + "-nomenclature"},
        {"command",
         object{{"type", "approve_nomenclature"},
                {"year", std::stoi(year)},
                {"files", boost::json::array{object{{"code", code}, {"title", "განცხადებები"}}}}}}};
    client.Post("/v1/cases", tokens.at("chair"), body);
  }
  std::map<std::string, Load> loads{
      {"register", RegisterOne},
      {"proceedings", [&code](const Post& post) { return OneProceeding(post, code); }}};
  struct Kind {
    std::string load;
    int clients;
  };
  std::vector<Kind> runs;
  for (const std::string& load : ListFromEnvironment("SAQME_BENCH_LOAD", "register,proceedings")) {
    if (!loads.count(load)) {
      std::fprintf(stderr, "SAQME_BENCH_LOAD: no load named %s (register, proceedings)\n",
                   load.c_str());
      return 1;
    }
    for (const std::string& clients : ListFromEnvironment("SAQME_BENCH_CLIENTS", "64,256")) {
      runs.push_back(Kind{load, std::max(1, std::atoi(clients.c_str()))});
    }
  }
  const size_t kinds = runs.size();
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
      const uint64_t events_before = engine.value()->log().LastSequence();
      const auto started = std::chrono::steady_clock::now();
      HttpRun run = RunHttp(server.value()->port(), tokens, runs[k].clients, seconds, counter,
                            run_id, loads.at(runs[k].load));
      const double events_per_second =
          (engine.value()->log().LastSequence() - events_before) /
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      const auto after = engine.value()->stats();
      http_rates[k].push_back(run.rate);
      p50s[k].push_back(run.p50_ms);
      p99s[k].push_back(run.p99_ms);
      const double group_size =
          after.groups > before.groups
              ? double(after.commands - before.commands) / (after.groups - before.groups)
              : 0;
      std::printf(
          "  HTTP %s, %d clients: %.0f commands/s (%.0f events/s), p50 %.2f ms, p99 %.2f ms, "
          "%.1f commands per fsync\n",
          runs[k].load.c_str(), runs[k].clients, run.rate, events_per_second, run.p50_ms,
          run.p99_ms, group_size);
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
        "median end to end, %s, %d clients: %.0f commands/s, p50 %.2f ms, p99 %.2f ms; "
        "ratio: %.1f %% of raw (target 25 %%: %s)\n",
        runs[k].load.c_str(), runs[k].clients, http, Median(p50s[k]), Median(p99s[k]),
        raw > 0 ? 100 * http / raw : 0, http >= 0.25 * raw ? "met" : "NOT met");
  }
  server.value()->Stop();
  engine.value().reset();
  std::filesystem::remove_all(dir);
}
