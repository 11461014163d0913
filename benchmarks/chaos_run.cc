// chaos_run: the real `saqme serve` killed with SIGKILL at random moments under a mix of clients,
// then the proof that nothing acknowledged was lost; or, with --soak, a long write soak that
// measures the server's memory, its write-ahead log and the restart after a kill -9.
//
//   build/benchmarks/chaos_run [--rounds 10] [--clients 50] [--round-seconds 8] [--seed N]
//                              [--max-seconds 300] [--data DIR] [--saqme PATH]
//                              [--memory-budget-mb N]
//   build/benchmarks/chaos_run --soak SECONDS [--clients 16] [--data DIR] [--saqme PATH]
//                              [--memory-budget-mb N]
//
// Chaos: a fresh data directory (or DIR, which must not hold a log yet), the server on the
// simulated clock from 2026-11-02, and the clients — writers registering letters, clients walking
// whole proceedings (register, resolve, receipt, answer, sign, dispatch, file), readers of cases,
// the incoming journal, the inbox and the case list, alert streams held open, and slow clients
// that trickle their registration a few bytes at a time. Every command is retried with its own
// command id until it is acknowledged (a retry of an applied command answers its first result).
// Each round the server runs for a random 1/2 to 1 of --round-seconds and is killed; it is
// restarted at once. After the last round it runs once more, is stopped cleanly, and then:
// every acknowledged command id is in the log's `commands` family with the case and version it
// was acknowledged with, `saqme verify` and `saqme check` pass. Readers also check, live, that an
// acknowledged case is never found at a lower version.
//
// Soak: --clients writers register (with a 1 KB summary) for SECONDS; the server's RSS, the WAL
// and the data directory are sampled every 5 s; then kill -9, the WAL left, and the time to
// restart. --saqme runs another build of the binary (to measure one from before a change; the
// budget flag is passed only when given).
//
// Prints the figures; exit 0 when every check holds, 1 when one fails, 2 on bad arguments.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "api/tokens.h"
#include "storage/event_log.h"
#include "storage/keys.h"

// The binary ServeProcess starts: the one built beside this program, or --saqme.
std::string chaos_saqme_binary = SAQME_DEFAULT_BINARY;
#define SAQME_BINARY chaos_saqme_binary
#include "tests/http_client.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace {

using boost::json::object;
using saqme::testing::HttpClient;
using saqme::testing::ServeProcess;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }
void SleepMs(int ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

// ---- what the clients share ------------------------------------------------------------------

struct Ack {
  std::string case_id;
  int64_t version = 0;
};

struct Shared {
  std::atomic<uint16_t> port{0};  // 0: no server up (killed, restarting)
  std::atomic<bool> stop{false};
  std::map<std::string, std::string> tokens;  // post -> token
  std::vector<std::string> stream_tokens;     // one per stream client

  std::mutex mu;
  std::map<std::string, Ack> acked;              // command id -> its answer
  std::vector<std::string> acked_cases;          // in the order they were opened
  std::map<std::string, int64_t> case_versions;  // case id -> highest version acknowledged
  std::vector<std::string> problems;             // the first few unexpected answers
  std::atomic<uint64_t> problem_count{0}, shed{0}, lost{0}, reads{0}, stream_opens{0},
      stream_bytes{0}, slow_acks{0}, slow_cut{0};

  void Acknowledge(const std::string& command_id, const Ack& ack) {
    std::lock_guard<std::mutex> lock(mu);
    acked.emplace(command_id, ack);
    auto [at, opened] = case_versions.emplace(ack.case_id, ack.version);
    if (opened) acked_cases.push_back(ack.case_id);
    at->second = std::max(at->second, ack.version);
  }
  size_t AckCount() {
    std::lock_guard<std::mutex> lock(mu);
    return acked.size();
  }
  std::optional<std::pair<std::string, int64_t>> SomeCase(std::mt19937& random) {
    std::lock_guard<std::mutex> lock(mu);
    if (acked_cases.empty()) return std::nullopt;
    const std::string& id = acked_cases[random() % acked_cases.size()];
    return std::make_pair(id, case_versions.at(id));
  }
  void Problem(const std::string& what) {
    ++problem_count;
    std::lock_guard<std::mutex> lock(mu);
    if (problems.size() < 20) problems.push_back(what);
  }
};

// The answer's case id and version, when it has them.
std::optional<Ack> AckOf(const boost::json::value& json) {
  if (!json.is_object() || !json.as_object().contains("case_id") ||
      !json.as_object().contains("version")) {
    return std::nullopt;
  }
  try {
    return Ack{std::string(json.at("case_id").as_string()),
               json.at("version").to_number<int64_t>()};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

object Registration(const std::string& command_id, const std::string& summary) {
  return object{
      {"command_id", command_id},
      {"command", object{{"type", "register_incoming"},
                         {"kind", "correspondence"},
                         {"channel", "post"},
                         {"sender", object{{"name", "ფინანსთა სამინისტრო"}, {"kind", "agency"}}},
                         {"subject", "ბიუჯეტის პროექტი"},
                         {"summary", summary},
                         {"pages", 2},
                         {"received_on", "2026-10-30"},
                         {"addressee", "chair"}}}};
}

// A client's keep-alive connection to whichever server runs now: it follows the server to its
// new port after a restart and is dropped when the server is killed under it.
struct Connection {
  std::unique_ptr<HttpClient> client;
  uint16_t port = 0;

  // The connection to the server on `server_port`, opened (or reopened) as needed; requires
  // server_port != 0. May throw when the server is not listening.
  HttpClient& To(uint16_t server_port) {
    if (!client || port != server_port) {
      client = std::make_unique<HttpClient>(server_port);
      port = server_port;
    }
    return *client;
  }
  void Drop() { client.reset(); }
};

// Sends `body` as `post` to `path` until it is acknowledged or the run stops. A lost connection
// (the server was killed), a 503 or a 429 is retried with the same command id: a command id is
// applied once, so a retry of one that was applied answers its first result. Any other answer
// is a problem. `conn` is the caller's keep-alive connection.
std::optional<Ack> Deliver(Shared& shared, Connection& conn, const std::string& post,
                           const std::string& path, const object& body) {
  const std::string command_id(body.at("command_id").as_string());
  while (!shared.stop) {
    const uint16_t port = shared.port;
    if (port == 0) {
      SleepMs(5);
      continue;
    }
    try {
      auto reply = conn.To(port).Post(path, shared.tokens.at(post), body);
      if (reply.status == 200 || reply.status == 201) {
        auto ack = AckOf(reply.json());
        if (!ack) {
          shared.Problem(command_id + ": an answer without case and version: " + reply.body);
          return std::nullopt;
        }
        shared.Acknowledge(command_id, *ack);
        return ack;
      }
      if (reply.status == 503 || reply.status == 429) {
        ++shared.shed;
        conn.Drop();
        SleepMs(20);
        continue;
      }
      shared.Problem(command_id + ": " + std::to_string(reply.status) + " " +
                     reply.body.substr(0, 300));
      return std::nullopt;
    } catch (const std::exception&) {  // killed under us: wait for the next server
      ++shared.lost;
      conn.Drop();
      SleepMs(5);
    }
  }
  return std::nullopt;
}

// ---- a raw socket, for the clients HttpClient cannot play ------------------------------------

class RawSocket {
 public:
  // Connects to 127.0.0.1:`port`; each send and receive waits at most `timeout_ms`.
  RawSocket(uint16_t port, int timeout_ms) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  ~RawSocket() { close(fd_); }
  bool connected() const { return connected_; }
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(n);
    }
    return true;
  }
  enum class Got { kOpen, kClosed, kFailed };
  // Appends what arrives to *into until the peer closes (kClosed), the connection fails
  // (kFailed), or a receive times out, `until` passes or `max` bytes are in (kOpen).
  Got Receive(std::string* into, size_t max, Clock::time_point until) {
    char chunk[4096];
    while (into->size() < max && Clock::now() < until) {
      const ssize_t n = recv(fd_, chunk, sizeof(chunk), 0);
      if (n == 0) return Got::kClosed;
      if (n < 0) return errno == EAGAIN || errno == EWOULDBLOCK ? Got::kOpen : Got::kFailed;
      into->append(chunk, n);
    }
    return Got::kOpen;
  }

 private:
  int fd_;
  bool connected_ = false;
};

// The status code of a raw HTTP response (0 when there is none).
int StatusOf(const std::string& response) {
  if (response.size() < 12 || response.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::atoi(response.c_str() + 9);
}

// ---- the clients -----------------------------------------------------------------------------

void Writer(Shared& shared, int client) {
  Connection conn;
  for (int n = 0; !shared.stop; ++n) {
    Deliver(shared, conn, "org-records", "/v1/cases",
            Registration("w" + std::to_string(client) + "-" + std::to_string(n),
                         "წერილი " + std::to_string(n)));
  }
}

// Whole proceedings of a letter to the chair, one after the other (docs/workflows.md).
void Proceedings(Shared& shared, int client) {
  Connection conn;
  for (int n = 0; !shared.stop; ++n) {
    const std::string base = "p" + std::to_string(client) + "-" + std::to_string(n);
    auto opened = Deliver(shared, conn, "org-records", "/v1/cases",
                          Registration(base, "საქმის წარმოება " + base));
    if (!opened) continue;
    const std::string path = "/v1/cases/" + opened->case_id + "/commands";
    const std::vector<std::pair<std::string, object>> steps = {
        {"chair", object{{"type", "assign_resolution"},
                         {"lead_executor", "sec-legal"},
                         {"instruction", "მოამზადეთ პასუხი"}}},
        {"sec-legal", object{{"type", "confirm_receipt"}}},
        {"sec-legal", object{{"type", "draft_answer"}, {"text", "პასუხის ტექსტი"}}},
        {"chair", object{{"type", "sign"}}},
        {"org-records", object{{"type", "dispatch"}, {"channel", "post"}}},
        {"org-records", object{{"type", "file"}, {"nomenclature_code", "02-01"}}}};
    for (size_t step = 0; step < steps.size() && !shared.stop; ++step) {
      const object body{{"command_id", base + "-" + std::to_string(step + 1)},
                        {"command", steps[step].second}};
      if (!Deliver(shared, conn, steps[step].first, path, body)) break;
    }
  }
}

// Reads what a person reads; an acknowledged case is never found below its acknowledged version.
void Reader(Shared& shared, int client) {
  std::mt19937 random(client * 7919u);
  Connection conn;
  while (!shared.stop) {
    const uint16_t port = shared.port;
    if (port == 0) {
      SleepMs(5);
      continue;
    }
    try {
      std::string target, post = "chair";
      std::optional<std::pair<std::string, int64_t>> known;
      switch (random() % 4) {
        case 0:
          known = shared.SomeCase(random);
          target = known ? "/v1/cases/" + known->first : "/v1/cases?limit=20";
          break;
        case 1:
          target = "/v1/journals/incoming?year=2026&limit=50";
          post = "org-records";
          break;
        case 2:
          target = "/v1/inbox";
          post = random() % 2 ? "chair" : "sec-legal";
          break;
        default:
          target = "/v1/cases?limit=20";
      }
      auto reply = conn.To(port).Get(target, shared.tokens.at(post));
      if (reply.status == 503 || reply.status == 429) {
        ++shared.shed;
        conn.Drop();
        SleepMs(20);
        continue;
      }
      if (reply.status != 200) {
        shared.Problem("GET " + target + ": " + std::to_string(reply.status) + " " +
                       reply.body.substr(0, 300));
        continue;
      }
      ++shared.reads;
      if (known) {
        auto json = reply.json();
        const int64_t version = json.is_object() && json.as_object().contains("version")
                                    ? json.at("version").to_number<int64_t>()
                                    : -1;
        if (version < known->second) {
          shared.Problem("GET " + target + ": version " + std::to_string(version) +
                         " below the acknowledged " + std::to_string(known->second));
        }
      }
    } catch (const std::exception&) {
      ++shared.lost;
      conn.Drop();
      SleepMs(5);
    }
  }
}

// Holds an alert stream open for 1 to 5 s, reading what comes (heartbeats, alerts), then again.
void Stream(Shared& shared, int client) {
  std::mt19937 random(client * 104729u);
  const std::string& token = shared.stream_tokens[client % shared.stream_tokens.size()];
  while (!shared.stop) {
    const uint16_t port = shared.port;
    if (port == 0) {
      SleepMs(5);
      continue;
    }
    RawSocket socket(port, 500);
    if (!socket.connected() ||
        !socket.Send("GET /v1/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
                     token + "\r\nAccept: text/event-stream\r\n\r\n")) {
      ++shared.lost;
      SleepMs(5);
      continue;
    }
    std::string got;
    const auto until = Clock::now() + std::chrono::milliseconds(1000 + random() % 4000);
    while (!shared.stop && Clock::now() < until && shared.port == port) {
      if (socket.Receive(&got, 1 << 20, until) != RawSocket::Got::kOpen) break;
    }
    const int status = StatusOf(got);
    if (status == 200) {
      ++shared.stream_opens;
      shared.stream_bytes += got.size();
    } else if (status == 503 || status == 429) {
      ++shared.shed;
      SleepMs(50);
    } else if (status != 0) {
      shared.Problem("alert stream: " + got.substr(0, 200));
    } else {
      ++shared.lost;
    }
  }
}

// Trickles a registration 1 to 16 bytes at a time, 20 to 60 ms apart (about 2 to 4 s for the
// request), and reads the answer; retried slowly with the same command id until acknowledged.
void Slow(Shared& shared, int client) {
  std::mt19937 random(client * 15485863u);
  for (int n = 0; !shared.stop; ++n) {
    const std::string command_id = "s" + std::to_string(client) + "-" + std::to_string(n);
    const std::string body = boost::json::serialize(Registration(command_id, "slow"));
    const std::string request =
        "POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
        shared.tokens.at("org-records") +
        "\r\nContent-Type: application/json\r\nConnection: close\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    while (!shared.stop) {
      const uint16_t port = shared.port;
      if (port == 0) {
        SleepMs(5);
        continue;
      }
      RawSocket socket(port, 10000);
      bool sent = socket.connected();
      for (size_t at = 0; sent && at < request.size() && !shared.stop;) {
        const size_t n = std::min<size_t>(1 + random() % 16, request.size() - at);
        sent = socket.Send(std::string_view(request).substr(at, n));
        at += n;
        SleepMs(20 + random() % 41);
      }
      std::string response;
      const auto until = Clock::now() + std::chrono::seconds(10);
      while (sent && Clock::now() < until &&
             socket.Receive(&response, 1 << 20, until) == RawSocket::Got::kOpen) {
      }
      const int status = StatusOf(response);
      if (status == 200 || status == 201) {
        const auto split = response.find("\r\n\r\n");
        boost::system::error_code error;
        auto json =
            boost::json::parse(split == std::string::npos ? "" : response.substr(split + 4), error);
        auto ack = error ? std::nullopt : AckOf(json);
        if (ack) {
          shared.Acknowledge(command_id, *ack);
          ++shared.slow_acks;
        } else {
          shared.Problem(command_id + ": an answer without case and version");
        }
        break;
      }
      if (status == 0 || status == 408 || status == 503 || status == 429) {
        ++shared.slow_cut;  // killed, or cut by a read deadline: again, with the same id
        SleepMs(5);
        continue;
      }
      shared.Problem(command_id + ": " + response.substr(0, 300));
      break;
    }
  }
}

// ---- the server and its directory -----------------------------------------------------------

uint64_t BytesOf(const std::string& dir, const std::string& suffix) {
  uint64_t total = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file(error) &&
        (suffix.empty() || (name.size() > suffix.size() &&
                            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)))
      total += entry.file_size(error);
  }
  return total;
}
uint64_t WalBytes(const std::string& dir) { return BytesOf(dir, ".log"); }  // RocksDB's NNNNNN.log

double MB(uint64_t bytes) { return bytes / 1048576.0; }

// The resident set of process `pid`, in bytes (0 when it cannot be read).
uint64_t RssOf(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

struct Started {
  std::unique_ptr<ServeProcess> server;
  double to_port_ms = 0;   // spawn to the line naming the port (the log is open)
  double to_ready_ms = 0;  // spawn to GET /ready answering 200
};

Started Start(const std::string& data, const std::string& tokens,
              const std::vector<std::string>& extra) {
  Started started;
  const auto spawned = Clock::now();
  started.server = std::make_unique<ServeProcess>(data, tokens, extra);
  started.to_port_ms = Millis(Clock::now() - spawned);
  const uint16_t port = started.server->port();
  if (port == 0) return started;
  for (const auto until = Clock::now() + std::chrono::seconds(60); Clock::now() < until;) {
    try {
      HttpClient probe(port);
      if (probe.Get("/ready", "").status == 200) break;
    } catch (const std::exception&) {
    }
    SleepMs(5);
  }
  started.to_ready_ms = Millis(Clock::now() - spawned);
  return started;
}

// How many acknowledged commands the log lacks or holds with another answer; -1 when it does not
// open. The `commands` family keeps, per command id, the case and the version after it.
long Missing(const std::string& data, const std::map<std::string, Ack>& acked,
             std::vector<std::string>* examples) {
  saqme::storage::LogOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto log = saqme::storage::EventLog::Open(data, options);
  if (!log.ok()) {
    examples->push_back(log.status().ToString());
    return -1;
  }
  long missing = 0;
  for (const auto& [command_id, ack] : acked) {
    std::string value;
    saqme::storage::CommandRecord record;
    const bool found =
        log.value()
            ->db()
            ->Get(rocksdb::ReadOptions(), log.value()->commands_family(), command_id, &value)
            .ok() &&
        saqme::storage::DecodeCommandRecord(value, &record);
    const bool same = found && record.case_id == ack.case_id &&
                      int64_t{record.version} == ack.version &&
                      record.last_seq <= log.value()->LastSequence();
    if (!same) {
      ++missing;
      if (examples->size() < 10)
        examples->push_back(command_id + (found ? " holds another answer" : " is missing"));
    }
  }
  return missing;
}

struct Flags {
  int rounds = 10, clients = 50, round_seconds = 8, max_seconds = 300, soak = 0;
  unsigned seed = 1;
  std::string data, budget;
};

std::vector<std::string> ServeFlags(const Flags& flags) {
  std::vector<std::string> extra = {"--clock", "simulated", "--clock-start", "2026-11-02"};
  if (!flags.budget.empty()) extra.insert(extra.end(), {"--memory-budget-mb", flags.budget});
  return extra;
}

// Tokens for the posts the clients act as, and one per stream client.
void AddTokens(Shared& shared, const std::string& file, int streams) {
  for (const char* post : {"org-records", "chair", "sec-legal"})
    shared.tokens[post] = saqme::api::TokenStore::Add(file, post).value();
  const char* readers[] = {"org-head", "apparatus-head", "sec-legal", "chair"};
  for (int i = 0; i < std::max(streams, 1); ++i)
    shared.stream_tokens.push_back(saqme::api::TokenStore::Add(file, readers[i % 4]).value());
}

int Verdict(Shared& shared, const std::string& data) {
  std::map<std::string, Ack> acked;
  {
    std::lock_guard<std::mutex> lock(shared.mu);
    acked = shared.acked;
  }
  std::vector<std::string> examples;
  const auto checking = Clock::now();
  const long missing = Missing(data, acked, &examples);
  const auto [verify_code, verify_out] =
      saqme::testing::RunCommand(chaos_saqme_binary + " verify --data " + data);
  const auto [check_code, check_out] =
      saqme::testing::RunCommand(chaos_saqme_binary + " check --data " + data);
  size_t registrations = 0, steps = 0, filed = 0;  // by the command ids the clients give
  for (const auto& [command_id, ack] : acked) {
    const bool step =
        command_id[0] == 'p' && std::count(command_id.begin(), command_id.end(), '-') == 2;
    registrations += !step && command_id[0] != 'n';
    steps += step;
    filed += step && command_id.ends_with("-6");
  }
  std::printf(
      "acknowledged commands: %zu (%zu registrations, %zu later steps of proceedings, %zu "
      "proceedings filed); missing or different in the log: %ld\n",
      acked.size(), registrations, steps, filed, missing);
  for (const auto& example : examples) std::printf("  %s\n", example.c_str());
  std::printf("saqme verify: exit %d\n%s", verify_code, verify_out.c_str());
  std::printf("saqme check: exit %d\n%s", check_code, check_out.c_str());
  std::printf("checks took %.1f s\n", Seconds(Clock::now() - checking));
  std::printf("unexpected answers: %lu\n", static_cast<unsigned long>(shared.problem_count.load()));
  for (const auto& problem : shared.problems) std::printf("  %s\n", problem.c_str());
  const bool ok = missing == 0 && verify_code == 0 && check_code == 0 &&
                  shared.problem_count == 0 && !acked.empty();
  std::printf("%s\n", ok ? "CHAOS OK" : "CHAOS FAILED");
  return ok ? 0 : 1;
}

int RunChaos(const Flags& flags, const std::string& data, const std::string& tokens_file) {
  Shared shared;
  const int streams = std::max(1, flags.clients / 10), slow = std::max(1, flags.clients / 10);
  const int writers = flags.clients * 3 / 10, proceedings = flags.clients * 3 / 10;
  const int readers = std::max(1, flags.clients - writers - proceedings - streams - slow);
  AddTokens(shared, tokens_file, streams);
  std::mt19937 random(flags.seed);
  const auto began = Clock::now();

  // The first server, and the nomenclature the proceedings file into.
  Started up = Start(data, tokens_file, ServeFlags(flags));
  if (up.server->port() == 0) {
    std::fprintf(stderr, "saqme serve did not start\n");
    return 1;
  }
  shared.port = up.server->port();
  {
    Connection conn;
    object files{{"code", "02-01"}, {"title", "შემოსული კორესპონდენცია"}};
    if (!Deliver(shared, conn, "chair", "/v1/cases",
                 object{{"command_id", "nomenclature-2026"},
                        {"command", object{{"type", "approve_nomenclature"},
                                           {"year", 2026},
                                           {"files", boost::json::array{files}}}}})) {
      std::fprintf(stderr, "the nomenclature was not approved\n");
      return 1;
    }
  }
  std::vector<std::thread> clients;
  int index = 0;
  auto spawn = [&](int count, void (*run)(Shared&, int)) {
    for (int i = 0; i < count; ++i, ++index)
      clients.emplace_back([&shared, run, i] { run(shared, i); });
  };
  spawn(writers, Writer);
  spawn(proceedings, Proceedings);
  spawn(readers, Reader);
  spawn(streams, Stream);
  spawn(slow, Slow);
  std::printf(
      "chaos: %d rounds, %d clients (%d writers, %d proceedings, %d readers, %d streams, "
      "%d slow), rounds of %d/2..%d s, seed %u, data %s\n",
      flags.rounds, index, writers, proceedings, readers, streams, slow, flags.round_seconds,
      flags.round_seconds, flags.seed, data.c_str());
  std::printf("round  up_s  acked_in_round  wal_at_kill_MB  restart_to_port_ms  to_ready_ms\n");

  int rounds_done = 0;
  size_t acked_before = shared.AckCount();
  for (int round = 1; round <= flags.rounds; ++round) {
    const double up_s =
        flags.round_seconds * (0.5 + 0.5 * std::uniform_real_distribution<double>()(random));
    const auto until = Clock::now() + std::chrono::duration<double>(up_s);
    while (Clock::now() < until && !shared.stop) SleepMs(10);
    up.server->child().Kill();  // kill -9 with requests in flight
    shared.port = 0;
    const uint64_t wal = WalBytes(data);
    up = Start(data, tokens_file, ServeFlags(flags));
    const size_t acked_now = shared.AckCount();
    std::printf("%5d %5.1f %15zu %15.1f %19.0f %12.0f\n", round, up_s, acked_now - acked_before,
                MB(wal), up.to_port_ms, up.to_ready_ms);
    std::fflush(stdout);
    acked_before = acked_now;
    ++rounds_done;
    if (up.server->port() == 0) {
      shared.Problem("saqme serve did not restart after round " + std::to_string(round));
      break;
    }
    shared.port = up.server->port();
    if (Seconds(Clock::now() - began) > flags.max_seconds) {
      shared.Problem("the run's time bound passed after round " + std::to_string(round));
      break;
    }
  }
  // A last stretch on the last server, then a clean stop (in-flight requests get 503, retried
  // until the stop), and the clients go.
  if (up.server->port() != 0) SleepMs(1500);
  shared.stop = true;
  up.server->child().Terminate();
  const int exit_code = up.server->child().Wait();
  shared.port = 0;
  for (auto& client : clients) client.join();
  up.server.reset();
  std::printf("rounds: %d of %d in %.1f s; clean stop: exit %d\n", rounds_done, flags.rounds,
              Seconds(Clock::now() - began), exit_code);
  std::printf(
      "reads answered: %lu, alert streams opened: %lu (%lu bytes), slow registrations "
      "acknowledged: %lu (%lu cut or killed and retried), connections lost to kills: %lu, "
      "shed (503/429): %lu\n",
      static_cast<unsigned long>(shared.reads.load()),
      static_cast<unsigned long>(shared.stream_opens.load()),
      static_cast<unsigned long>(shared.stream_bytes.load()),
      static_cast<unsigned long>(shared.slow_acks.load()),
      static_cast<unsigned long>(shared.slow_cut.load()),
      static_cast<unsigned long>(shared.lost.load()),
      static_cast<unsigned long>(shared.shed.load()));
  if (exit_code != 0) shared.Problem("the clean stop exited " + std::to_string(exit_code));
  if (rounds_done < flags.rounds) shared.Problem("not every round ran");
  return Verdict(shared, data);
}

int RunSoak(const Flags& flags, const std::string& data, const std::string& tokens_file) {
  Shared shared;
  AddTokens(shared, tokens_file, 0);
  Started up = Start(data, tokens_file, ServeFlags(flags));
  if (up.server->port() == 0) {
    std::fprintf(stderr, "saqme serve did not start\n");
    return 1;
  }
  const pid_t pid = up.server->child().pid();
  shared.port = up.server->port();
  std::string summary;
  while (summary.size() < 1000) summary += "მოქალაქე ითხოვს ინფორმაციას ბიუჯეტის შესახებ. ";
  std::vector<std::thread> clients;
  for (int c = 0; c < flags.clients; ++c) {
    clients.emplace_back([&shared, &summary, c] {
      Connection conn;
      for (int n = 0; !shared.stop; ++n)
        Deliver(shared, conn, "org-records", "/v1/cases",
                Registration("soak-" + std::to_string(c) + "-" + std::to_string(n), summary));
    });
  }
  std::printf("soak: %d s, %d writers, budget %s, binary %s\n", flags.soak, flags.clients,
              flags.budget.empty() ? "(default)" : (flags.budget + " MB").c_str(),
              chaos_saqme_binary.c_str());
  std::printf("    t_s   rss_MB   acked   wal_MB   dir_MB\n");
  const auto began = Clock::now();
  uint64_t peak = 0;
  for (int t = 0; t <= flags.soak; t += 5) {
    while (Seconds(Clock::now() - began) < t) SleepMs(20);
    const uint64_t rss = RssOf(pid);
    peak = std::max(peak, rss);
    std::printf("%7d %8.0f %7zu %8.1f %8.1f\n", t, MB(rss), shared.AckCount(), MB(WalBytes(data)),
                MB(BytesOf(data, "")));
    std::fflush(stdout);
  }
  up.server->child().Kill();
  shared.port = 0;
  const uint64_t wal = WalBytes(data), total = BytesOf(data, "");
  const size_t acked = shared.AckCount();
  shared.stop = true;
  for (auto& client : clients) client.join();
  up.server.reset();
  std::printf("peak RSS %.0f MB; %zu registrations acknowledged (%.0f/s)\n", MB(peak), acked,
              acked / Seconds(Clock::now() - began));
  std::printf("after kill -9: WAL %.1f MB of %.1f MB on disk\n", MB(wal), MB(total));
  up = Start(data, tokens_file, ServeFlags(flags));
  std::printf("restart: %.0f ms to the port line (log open), %.0f ms to /ready\n", up.to_port_ms,
              up.to_ready_ms);
  if (up.server->port() != 0) {
    up.server->child().Terminate();
    up.server->child().Wait();
  }
  up.server.reset();
  std::printf("after the restart and a clean stop: WAL %.1f MB of %.1f MB on disk\n",
              MB(WalBytes(data)), MB(BytesOf(data, "")));
  std::vector<std::string> examples;
  const long missing = Missing(data, shared.acked, &examples);
  std::printf("missing acknowledged commands: %ld\n", missing);
  std::printf("unexpected answers: %lu\n", static_cast<unsigned long>(shared.problem_count.load()));
  for (const auto& problem : shared.problems) std::printf("  %s\n", problem.c_str());
  return missing == 0 && shared.problem_count == 0 ? 0 : 1;
}

bool ParseFlags(int argc, char** argv, Flags* flags) {
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    if (i + 1 >= argc) return false;
    const std::string value = argv[i + 1];
    try {
      if (name == "--rounds")
        flags->rounds = std::stoi(value);
      else if (name == "--clients")
        flags->clients = std::stoi(value);
      else if (name == "--round-seconds")
        flags->round_seconds = std::stoi(value);
      else if (name == "--max-seconds")
        flags->max_seconds = std::stoi(value);
      else if (name == "--seed")
        flags->seed = static_cast<unsigned>(std::stoul(value));
      else if (name == "--soak")
        flags->soak = std::stoi(value);
      else if (name == "--data")
        flags->data = value;
      else if (name == "--saqme")
        chaos_saqme_binary = value;
      else if (name == "--memory-budget-mb")
        flags->budget = value;
      else
        return false;
    } catch (const std::exception&) {
      return false;
    }
  }
  return flags->rounds >= 1 && flags->clients >= 5 && flags->round_seconds >= 1 && flags->soak >= 0;
}

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);
  Flags flags;
  if (!ParseFlags(argc, argv, &flags)) {
    std::fprintf(stderr,
                 "usage: chaos_run [--rounds N] [--clients N>=5] [--round-seconds S] [--seed N]\n"
                 "                 [--max-seconds S] [--data DIR] [--saqme PATH] "
                 "[--memory-budget-mb N]\n"
                 "       chaos_run --soak SECONDS [--clients N] [--data DIR] [--saqme PATH]\n"
                 "                 [--memory-budget-mb N]\n");
    return 2;
  }
  if (flags.soak > 0 && flags.clients == 50) flags.clients = 16;
  saqme::testing::TempDir scratch;
  const std::string data = flags.data.empty() ? scratch.Sub("data") : flags.data;
  if (std::filesystem::exists(data + "/CURRENT")) {
    std::fprintf(stderr, "%s already holds a log: chaos_run needs a fresh directory\n",
                 data.c_str());
    return 2;
  }
  const std::string tokens = scratch.Sub("tokens.txt");
  return flags.soak > 0 ? RunSoak(flags, data, tokens) : RunChaos(flags, data, tokens);
}
