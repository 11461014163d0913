// `saqme serve` as a process under faults: a listen address it cannot bind (exit 2, nothing
// written), a host name to resolve, a failed write (/ready says so, /health stays alive), a
// request in flight at SIGTERM (503, retryable) and `Expect: 100-continue`.
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "api/api.h"
#include "api/tokens.h"
#include "engine/engine.h"
#include "tests/http_client.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using saqme::testing::Child;
using saqme::testing::HttpClient;

// A POST /v1/cases body registering letter `n`.
std::string Registration(int n) {
  return R"({"command_id":"fault-)" + std::to_string(n) +
         R"(","command":{"type":"register_incoming","kind":"correspondence","channel":"post",)"
         R"("sender":{"name":"სამინისტრო","kind":"agency"},"subject":"წერილი",)"
         R"("pages":1,"received_on":"2026-01-01","addressee":"chair"}})";
}

// Reads the child's output until a line names the port it serves on `host`; 0 if it never does.
uint16_t ServingPort(Child& child, const std::string& host) {
  const std::regex serving("http://" + host + ":([0-9]+)");
  std::string line;
  while (child.ReadLine(&line)) {
    std::smatch match;
    if (std::regex_search(line, match, serving)) return static_cast<uint16_t>(std::stoi(match[1]));
  }
  return 0;
}

// A bare TCP connection to 127.0.0.1:port, for requests HttpClient cannot send (half a body,
// a header alone).
class RawConnection {
 public:
  explicit RawConnection(uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  bool connected() const { return connected_; }
  bool Send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size());
  }
  // What arrives until `until` is in it, the peer closes, or `timeout` passes.
  std::string Receive(const std::string& until, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (received_.find(until) != std::string::npos) break;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            deadline - std::chrono::steady_clock::now())
                            .count();
      pollfd fd{fd_, POLLIN, 0};
      if (left <= 0 || ::poll(&fd, 1, static_cast<int>(left)) <= 0) break;
      char chunk[4096];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      received_.append(chunk, static_cast<size_t>(n));
    }
    return received_;
  }

 private:
  int fd_;
  bool connected_ = false;
  std::string received_;
};

// A listening socket on a free port of 127.0.0.1, held for the test's length.
class HeldPort {
 public:
  HeldPort() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::listen(fd_, 1);
    socklen_t size = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
  }
  ~HeldPort() { ::close(fd_); }
  uint16_t port() const { return port_; }

 private:
  int fd_;
  uint16_t port_ = 0;
};

// `saqme serve` on a new data directory (demonstration tokens and persons would be made there)
// must refuse `listen` with exit 2 and a bilingual message, having written nothing.
void ExpectRefusedBeforeWriting(const std::string& listen, const std::string& english) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data");
  auto [code, out] = saqme::testing::RunCommand(std::string(SAQME_BINARY) + " serve --data " +
                                                data + " --listen " + listen);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find(english), std::string::npos) << out;
  EXPECT_NE(out.find("მოსმენა ვერ დაიწყო"), std::string::npos) << out;
  // No log, no tokens.txt or users.txt whose secrets were never shown, no access log.
  EXPECT_FALSE(std::filesystem::exists(data)) << "the data directory was created";
  EXPECT_EQ(out.find("Demonstration"), std::string::npos) << out;
}

TEST(ServeFaultTest, APortInUseExitsTwoAndWritesNothing) {
  HeldPort held;
  ExpectRefusedBeforeWriting("127.0.0.1:" + std::to_string(held.port()), "cannot listen on");
}

TEST(ServeFaultTest, AnUnresolvableAddressExitsTwoAndWritesNothing) {
  ExpectRefusedBeforeWriting("no-such-host.invalid:8080", "cannot resolve");
}

TEST(ServeFaultTest, ListensOnAHostName) {
  saqme::testing::TempDir dir;
  const std::string tokens = dir.Sub("tokens.txt");
  api::TokenStore::Add(tokens, "chair").value();
  Child child({SAQME_BINARY, "serve", "--data", dir.Sub("data"), "--listen", "localhost:0",
               "--tokens", tokens});
  const uint16_t port = ServingPort(child, "localhost");
  ASSERT_NE(port, 0);
  HttpClient client(port);  // localhost is served on its IPv4 address first
  EXPECT_EQ(client.Get("/health", "").status, 200);
  child.Terminate();
  EXPECT_EQ(child.Wait(), 0);
}

// `saqme serve` on a fresh directory with a token for org-records, run through `wrapper` (a
// shell line that ends in exec "$0" "$@") when one is given.
class FreshServer {
 public:
  explicit FreshServer(const std::string& wrapper = "")
      : token_(api::TokenStore::Add(dir_.Sub("tokens.txt"), "org-records").value()),
        child_(Argv(wrapper)),
        port_(ServingPort(child_, "127\\.0\\.0\\.1")) {}
  const std::string& token() const { return token_; }
  uint16_t port() const { return port_; }  // 0 when it did not start
  Child& child() { return child_; }
  // The head of a POST /v1/cases as org-records, for a body of `length` bytes.
  std::string PostHead(size_t length, const std::string& extra = "") const {
    return "POST /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token_ +
           "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(length) +
           "\r\n" + extra + "\r\n";
  }

 private:
  std::vector<std::string> Argv(const std::string& wrapper) const {
    std::vector<std::string> argv;
    if (!wrapper.empty()) argv = {"/bin/sh", "-c", wrapper};
    for (const std::string& arg :
         {std::string(SAQME_BINARY), std::string("serve"), std::string("--data"), dir_.Sub("data"),
          std::string("--listen"), std::string("127.0.0.1:0"), std::string("--tokens"),
          dir_.Sub("tokens.txt")}) {
      argv.push_back(arg);
    }
    return argv;
  }

  saqme::testing::TempDir dir_;
  std::string token_;
  Child child_;
  uint16_t port_;
};

TEST(ServeFaultTest, ReadyTurns503AfterAFailedWriteWhileHealthStaysAlive) {
  // A real failed write: no file of the server may grow beyond 256 KiB (ulimit -f counts 512-byte
  // blocks in sh), so the write-ahead log's append fails after some dozens of commands. SIGXFSZ
  // is ignored so that the write returns EFBIG instead of killing the process.
  FreshServer server("ulimit -f 512; trap '' XFSZ; exec \"$0\" \"$@\"");
  ASSERT_NE(server.port(), 0);
  HttpClient client(server.port());
  auto ready = client.Get("/ready", "");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(ready.json().at("ready"), true) << ready.body;
  EXPECT_NE(client.Get("/metrics", "").body.find("\nsaqme_ready 1\n"), std::string::npos);
  int failed_at = 0;
  for (int n = 0; n < 5000 && failed_at == 0; ++n) {
    auto reply =
        client.Send(boost::beast::http::verb::post, "/v1/cases", server.token(), Registration(n));
    if (reply.status != 201) {
      ASSERT_EQ(reply.status, 503) << reply.body;
      failed_at = n;
    }
  }
  ASSERT_GT(failed_at, 0) << "no write failed";
  ready = client.Get("/ready", "");
  EXPECT_EQ(ready.status, 503) << ready.body;
  ASSERT_TRUE(ready.json().is_object()) << ready.body;
  EXPECT_EQ(ready.json().at("ready"), false) << ready.body;
  EXPECT_NE(std::string(ready.json().at("reason").as_string()).find("writing to the log failed"),
            std::string::npos)
      << ready.body;
  EXPECT_FALSE(ready.json().at("reason_ka").as_string().empty());
  EXPECT_EQ(client.Get("/health", "").status, 200);  // alive, answering reads
  EXPECT_NE(client.Get("/metrics", "").body.find("\nsaqme_ready 0\n"), std::string::npos);
}

TEST(ServeFaultTest, ARequestInFlightAtSigtermGets503WithRetryAfter) {
  FreshServer server;
  ASSERT_NE(server.port(), 0);
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.connected());
  const std::string body = Registration(1);
  // The header and half the body: the request is being read when the signal comes.
  ASSERT_TRUE(connection.Send(server.PostHead(body.size()) + body.substr(0, body.size() / 2)));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server.child().Terminate();
  const std::string answer = connection.Receive("\r\n\r\n", std::chrono::seconds(15));
  EXPECT_EQ(answer.rfind("HTTP/1.1 503", 0), 0u) << answer;
  EXPECT_NE(answer.find("Retry-After: "), std::string::npos) << answer;
  EXPECT_EQ(server.child().Wait(), 0);
}

TEST(ServeFaultTest, Expect100ContinueIsAnsweredBeforeTheBody) {
  FreshServer server;
  ASSERT_NE(server.port(), 0);
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.connected());
  const std::string body = Registration(2);
  ASSERT_TRUE(connection.Send(server.PostHead(body.size(), "Expect: 100-continue\r\n")));
  const std::string interim = connection.Receive("\r\n\r\n", std::chrono::seconds(3));
  ASSERT_EQ(interim, "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_TRUE(connection.Send(body));
  const std::string answer =
      connection.Receive("\"registration_number\"", std::chrono::seconds(10));
  EXPECT_NE(answer.find("HTTP/1.1 201 Created"), std::string::npos) << answer;
  // Too large a body is refused at once, without a 100 that would invite it.
  RawConnection large(server.port());
  ASSERT_TRUE(large.Send(server.PostHead(100000000, "Expect: 100-continue\r\n")));
  const std::string refused = large.Receive("\r\n\r\n", std::chrono::seconds(3));
  EXPECT_EQ(refused.rfind("HTTP/1.1 413", 0), 0u) << refused;
}

// The shutting-down answer, in process: between SIGTERM and the listener's close a request
// may be answered, too briefly for a test through the process to hit it.
TEST(ServeFaultTest, ReadyTurns503WhenShuttingDown) {
  saqme::testing::TempDir dir;
  auto engine = engine::Engine::Open(dir.Sub("data"), {});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  api::TokenStore::Add(dir.Sub("tokens.txt"), "chair").value();
  api::Api api(engine.value().get(), api::TokenStore::Load(dir.Sub("tokens.txt")).value(),
               &workflows::OrgChart::Ozurgeti(), engine::SystemMillis);
  api::Request ready{boost::beast::http::verb::get, "/ready", 11};
  EXPECT_EQ(api.Handle(ready).result_int(), 200u);
  api.BeginShutdown();
  const auto answer = api.Handle(ready);
  EXPECT_EQ(answer.result_int(), 503u);
  EXPECT_NE(answer.body().find(R"("ready":false,"reason":"saqme is shutting down")"),
            std::string::npos)
      << answer.body();
  api::Request health{boost::beast::http::verb::get, "/health", 11};
  EXPECT_EQ(api.Handle(health).result_int(), 200u);
}

}  // namespace
}  // namespace saqme
