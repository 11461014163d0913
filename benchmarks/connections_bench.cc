// Many clients against the real `saqme serve` (a child process, as deployed): how many idle
// keep-alive connections it holds and what each costs in resident memory, and the latency of
// commands (register_incoming over HTTP, a few keep-alive clients) with and without a
// 500-socket slowloris crowd trickling header bytes. Bounded: a few seconds per run.
//
//   build/benchmarks/connections_bench [idle-connections=5000,10000] [seconds-per-run=8]
//
// Data goes to $TMPDIR and is removed. Traffic only to 127.0.0.1.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/tokens.h"
#include "tests/http_client.h"
#include "tests/raw_connection.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace {

using saqme::testing::RawSocket;
using Clock = std::chrono::steady_clock;

// The resident set of process `pid`, in KiB (VmRSS).
long RssKiB(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(p * values.size()))];
}

struct Latency {
  double rate = 0, p50_ms = 0, p99_ms = 0;
  size_t failed = 0;
};

// `clients` keep-alive clients registering letters for `seconds`.
Latency Commands(uint16_t port, const std::string& token, int clients, double seconds,
                 std::atomic<uint64_t>& counter) {
  std::vector<std::vector<double>> latencies(clients);
  std::atomic<size_t> failed{0};
  std::vector<std::thread> threads;
  const auto end = Clock::now() + std::chrono::duration<double>(seconds);
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      saqme::testing::HttpClient client(port);
      while (Clock::now() < end) {
        boost::json::object body{
            {"command_id", "conn-bench-" + std::to_string(counter++)},
            {"command", boost::json::object{{"type", "register_incoming"},
                                            {"kind", "correspondence"},
                                            {"channel", "post"},
                                            {"sender", boost::json::object{{"name", "სამინისტრო"},
                                                                           {"kind", "agency"}}},
                                            {"subject", "წერილი"},
                                            {"pages", 1},
                                            {"received_on", "2026-01-05"},
                                            {"addressee", "chair"}}}};
        const auto start = Clock::now();
        const auto reply = client.Post("/v1/cases", token, body);
        if (reply.status != 201) ++failed;
        latencies[c].push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  return {all.size() / seconds, Percentile(all, 0.5), Percentile(all, 0.99), failed.load()};
}

// `count` connections, each answered one GET /health, then left idle.
void OpenIdle(uint16_t port, size_t count, std::vector<std::unique_ptr<RawSocket>>* held,
              size_t* failed) {
  for (size_t i = 0; i < count; ++i) {
    auto socket = std::make_unique<RawSocket>(port);
    if (!socket->connected() || !socket->Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") ||
        socket->Receive("\"ok\":true", std::chrono::seconds(10)).rfind("HTTP/1.1 200", 0) != 0) {
      ++*failed;
      continue;
    }
    held->push_back(std::move(socket));
  }
}

double Metric(uint16_t port, const std::string& name) {
  saqme::testing::HttpClient client(port);
  const std::string text = client.Get("/metrics", "").body;
  const size_t at = text.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stod(text.substr(at + name.size() + 2));
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<size_t> levels = {5000, 10000};
  if (argc > 1) {
    levels.clear();
    std::stringstream list(argv[1]);
    for (std::string item; std::getline(list, item, ',');) levels.push_back(std::stoul(item));
  }
  const double seconds = argc > 2 ? std::stod(argv[2]) : 8;
  rlimit files{};
  ::getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &files);

  saqme::testing::TempDir dir;
  const std::string tokens = dir.Sub("tokens.txt");
  const std::string token = saqme::api::TokenStore::Add(tokens, "org-records").value();
  saqme::testing::ServeProcess server(dir.Sub("data"), tokens,
                                      {"--idle-timeout-seconds", "3600", "--max-connections",
                                       "100000", "--max-connections-per-address", "100000"});
  if (server.port() == 0) {
    std::fprintf(stderr, "saqme serve did not start\n");
    return 1;
  }
  const pid_t pid = server.child().pid();
  std::atomic<uint64_t> counter{0};
  Commands(server.port(), token, 1, 0.5, counter);  // warm up
  const long base = RssKiB(pid);
  std::printf("saqme serve (pid %d): %ld KiB resident before the idle connections\n", pid, base);

  std::vector<std::unique_ptr<RawSocket>> held;
  size_t failed = 0;
  for (const size_t level : levels) {
    if (level > held.size()) OpenIdle(server.port(), level - held.size(), &held, &failed);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const long rss = RssKiB(pid);
    const double open = Metric(server.port(), "saqme_http_open_connections");
    std::printf(
        "idle keep-alive connections held: %zu (server counts %.0f open, %zu failed to open); "
        "RSS %ld KiB, %.1f KiB per connection\n",
        held.size(), open, failed, rss,
        held.empty() ? 0.0 : double(rss - base) / static_cast<double>(held.size()));
    const auto start = Clock::now();
    saqme::testing::HttpClient probe(server.port());
    const int health = probe.Get("/health", "").status;
    std::printf("  /health meanwhile: %d in %.2f ms\n", health,
                std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  held.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  constexpr int kClients = 4;
  const Latency quiet = Commands(server.port(), token, kClients, seconds, counter);
  std::printf("commands, %d clients, no slowloris: %.0f/s, p50 %.2f ms, p99 %.2f ms (%zu failed)\n",
              kClients, quiet.rate, quiet.p50_ms, quiet.p99_ms, quiet.failed);

  // 500 sockets sending a header byte a second; those the header deadline cuts off reconnect.
  constexpr size_t kSlow = 500;
  std::vector<std::unique_ptr<RawSocket>> crowd;
  const std::string begin = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
  for (size_t i = 0; i < kSlow; ++i) {
    crowd.push_back(std::make_unique<RawSocket>(server.port()));
    crowd.back()->Send(begin);
  }
  std::atomic<bool> trickling{true};
  std::atomic<size_t> reconnects{0};
  std::thread trickle([&] {
    while (trickling) {
      for (auto& socket : crowd) {
        if (socket->PeerClosed() || !socket->Send("a")) {
          socket = std::make_unique<RawSocket>(server.port());
          socket->Send(begin);
          ++reconnects;
        }
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const Latency loaded = Commands(server.port(), token, kClients, seconds, counter);
  const double open = Metric(server.port(), "saqme_http_open_connections");
  trickling = false;
  trickle.join();
  std::printf(
      "commands, %d clients, %zu-socket slowloris (%.0f connections open, %zu cut off by the "
      "header deadline and reconnected): %.0f/s, p50 %.2f ms, p99 %.2f ms (%zu failed)\n",
      kClients, kSlow, open, reconnects.load(), loaded.rate, loaded.p50_ms, loaded.p99_ms,
      loaded.failed);
  return 0;
}
