// Heavy reads: the peak memory of a real `saqme serve` while CLIENTS clients each export one
// journal's whole year at once (docs/reliability.md, "Heavy reads: pages, streams and a bound").
//
//   build/benchmarks/heavy_read_bench SAQME-BINARY DATA-DIR [clients=4] [journal=outgoing]
//                                     [year=2023] [format=csv] [rounds=3] [heavy-reads]
//
// DATA-DIR is a generated year (saqme generate ... --scale 100), copied first: the server opens
// its copy, so the directory itself is left as it was. A token for org-records is added to a
// tokens file of the copy. Each round: the clients start together, and a client answered 503
// (the heavy-read bound) asks again after its Retry-After, until every client holds the whole
// export (with HEAVY-READS, the server runs with --heavy-reads HEAVY-READS; a binary of before
// the bound takes no such flag). The server's resident memory (VmRSS of /proc/PID/status) is
// sampled every 10 ms; the program prints it idle before the first round and at its peak, the time
// of each round and what the clients received. The binary is an argument so that the same run
// measures a build of another commit (before and after a change).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "api/tokens.h"
#include "tests/http_client.h"
#include "tests/test_util.h"

namespace {

// The resident set of `pid` in KiB, or 0.
long RssKib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// Starts `binary serve` on a free loopback port; `port` is set from the line naming it (0 when
// it did not start).
std::unique_ptr<saqme::testing::Child> Start(const std::string& binary, const std::string& data,
                                             const std::string& tokens,
                                             const std::string& heavy_reads, uint16_t* port) {
  std::vector<std::string> argv = {binary,     "serve",       "--data",   data,
                                   "--listen", "127.0.0.1:0", "--tokens", tokens};
  if (!heavy_reads.empty()) argv.insert(argv.end(), {"--heavy-reads", heavy_reads});
  auto child = std::make_unique<saqme::testing::Child>(argv);
  *port = 0;
  const std::regex serving("http://127\\.0\\.0\\.1:([0-9]+)");
  std::string line;
  while (*port == 0 && child->ReadLine(&line)) {
    std::smatch match;
    if (std::regex_search(line, match, serving)) *port = static_cast<uint16_t>(std::stoi(match[1]));
  }
  return child;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: heavy_read_bench SAQME-BINARY DATA-DIR [clients=4] [journal=outgoing] "
                 "[year=2023] [format=csv] [rounds=3] [heavy-reads]\n");
    return 2;
  }
  const std::string binary = argv[1], source = argv[2];
  const int clients = argc > 3 ? std::atoi(argv[3]) : 4;
  const std::string journal = argc > 4 ? argv[4] : "outgoing";
  const std::string year = argc > 5 ? argv[5] : "2023";
  const std::string format = argc > 6 ? argv[6] : "csv";
  const int rounds = argc > 7 ? std::atoi(argv[7]) : 3;
  const std::string heavy_reads = argc > 8 ? argv[8] : "";

  const std::string copy = source + ".heavy-read-bench";
  std::filesystem::remove_all(copy);
  std::filesystem::copy(source, copy, std::filesystem::copy_options::recursive);
  const std::string tokens = copy + "/bench-tokens.txt";
  const std::string token = saqme::api::TokenStore::Add(tokens, "org-records").value();
  uint16_t port = 0;
  auto child = Start(binary, copy, tokens, heavy_reads, &port);
  const pid_t pid = child->pid();
  if (port == 0) {
    std::fprintf(stderr, "the server did not start\n");
    return 1;
  }
  std::thread drain([&child] {  // so that the server never blocks on a full pipe
    std::string rest;
    while (child->ReadLine(&rest)) {
    }
  });
  // Idle: the log opened, one light read answered.
  saqme::testing::HttpClient(port).Get("/health", "");
  std::this_thread::sleep_for(std::chrono::seconds(2));
  const long idle = RssKib(pid);

  std::atomic<bool> sampling{true};
  std::atomic<long> peak{idle};
  std::thread sampler([&] {
    while (sampling) {
      const long now = RssKib(pid);
      long seen = peak.load();
      while (now > seen && !peak.compare_exchange_weak(seen, now)) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  });

  const std::string target =
      "/v1/journals/" + journal + "?year=" + year + (format == "json" ? "" : "&format=" + format);
  std::printf("%s: %d clients x %s, %d rounds\n", binary.c_str(), clients, target.c_str(), rounds);
  std::printf("idle RSS %.1f MiB\n", idle / 1024.0);
  for (int round = 1; round <= rounds; ++round) {
    std::vector<size_t> bytes(clients);
    std::vector<int> refusals(clients);
    std::vector<std::thread> threads;
    const auto start = std::chrono::steady_clock::now();
    for (int c = 0; c < clients; ++c) {
      threads.emplace_back([&, c] {
        for (;;) {
          auto reply = saqme::testing::HttpClient(port).Get(target, token);
          if (reply.status == 503) {
            ++refusals[c];
            const int after = std::max(1, std::atoi(reply.header("Retry-After").c_str()));
            std::this_thread::sleep_for(std::chrono::seconds(after));
            continue;
          }
          bytes[c] = reply.status == 200 ? reply.body.size() : 0;
          return;
        }
      });
    }
    for (auto& t : threads) t.join();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    int refused = 0;
    for (int r : refusals) refused += r;
    std::printf("round %d: %.2f s, %zu bytes each (first client), %d answered 503 first\n", round,
                seconds, bytes[0], refused);
    for (int c = 0; c < clients; ++c) {
      if (bytes[c] != bytes[0] || bytes[c] == 0)
        std::printf("  client %d got %zu bytes\n", c, bytes[c]);
    }
  }
  sampling = false;
  sampler.join();
  std::printf("peak RSS %.1f MiB (%.1f MiB over idle)\n", peak / 1024.0, (peak - idle) / 1024.0);
  child->Terminate();
  child->Wait();
  drain.join();
  std::filesystem::remove_all(copy);
  return 0;
}
