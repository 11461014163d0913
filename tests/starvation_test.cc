// No client may deny service to others (issue 17, "Starvation"), through the real `saqme
// serve`: many alert streams from one token get 429 beyond its limit; a slowloris crowd is cut
// off by the header deadline and costs others nothing; connections from one address are
// refused beyond its limit while others are served; streams send heartbeats and end at their
// lifetime. Before the asynchronous server (a thread per connection, 512 at most) the first
// two took /health down (docs/reliability.md, "Many clients").
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "tests/http_client.h"
#include "tests/raw_connection.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using saqme::testing::HttpClient;
using saqme::testing::RawSocket;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

class StarvationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The test holds hundreds of sockets: as many files as the system allows.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0) {
      files.rlim_cur = files.rlim_max;
      ::setrlimit(RLIMIT_NOFILE, &files);
    }
  }

  // `saqme serve` with `flags`; tokens for the records office (registers), the chair and a
  // junior specialist who holds no power over anything.
  void Start(const std::vector<std::string>& flags) {
    const std::string tokens = dir_.Sub("tokens.txt");
    for (const char* post : {"org-records", "chair", "sec-junior-1"}) {
      tokens_[post] = api::TokenStore::Add(tokens, post).value();
    }
    server_ = std::make_unique<saqme::testing::ServeProcess>(dir_.Sub("data"), tokens, flags);
    ASSERT_NE(server_->port(), 0);
  }
  uint16_t port() const { return server_->port(); }

  // GET /health on a new connection: its status, 0 when the connection failed.
  int Health() {
    try {
      HttpClient client(port());
      return client.Get("/health", "").status;
    } catch (const std::exception&) {
      return 0;
    }
  }
  // A registration by the records office on a new connection: its status (0: no answer).
  int Register(int n) {
    boost::json::object body{
        {"command_id", "starvation-" + std::to_string(n)},
        {"command", boost::json::object{
                        {"type", "register_incoming"},
                        {"kind", "correspondence"},
                        {"channel", "post"},
                        {"sender", boost::json::object{{"name", "სამინისტრო"}, {"kind", "agency"}}},
                        {"subject", "წერილი"},
                        {"pages", 1},
                        {"received_on", "2026-01-05"},
                        {"addressee", "chair"}}}};
    try {
      HttpClient client(port());
      return client.Post("/v1/cases", tokens_.at("org-records"), body).status;
    } catch (const std::exception&) {
      return 0;
    }
  }
  // A metric's value from /metrics (-1 when absent).
  double Metric(const std::string& name) {
    HttpClient client(port());
    const std::string text = client.Get("/metrics", "").body;
    const size_t at = text.find("\n" + name + " ");
    return at == std::string::npos ? -1 : std::stod(text.substr(at + name.size() + 2));
  }
  static std::string StreamRequest(const std::string& token, const std::string& extra = "") {
    return "GET /v1/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
           "\r\nAccept: text/event-stream\r\n" + extra + "\r\n";
  }

  saqme::testing::TempDir dir_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<saqme::testing::ServeProcess> server_;
};

// Measured before: 515 streams from one token took the server offline (45 of 45 health checks
// answered 503).
TEST_F(StarvationTest, FiveHundredStreamsFromOneTokenGet429BeyondItsLimitAndOthersAreServed) {
  Start({});
  constexpr int kStreams = 515, kHealthChecks = 45;
  std::atomic<bool> opening{true};
  std::vector<int> health;
  std::thread checker([&] {
    // Health checks while the streams open, and after, while they are held.
    for (int i = 0; i < kHealthChecks; ++i) {
      health.push_back(Health());
      std::this_thread::sleep_for(std::chrono::milliseconds(opening ? 20 : 5));
    }
  });
  std::vector<std::unique_ptr<RawSocket>> held;
  int ok = 0, refused = 0, other = 0;
  std::string refusal;
  for (int i = 0; i < kStreams; ++i) {
    auto stream = std::make_unique<RawSocket>(port());
    ASSERT_TRUE(stream->connected()) << i;
    ASSERT_TRUE(stream->Send(StreamRequest(tokens_.at("sec-junior-1"))));
    const std::string& head = stream->Receive("\r\n\r\n", std::chrono::seconds(10));
    if (head.rfind("HTTP/1.1 200", 0) == 0) {
      ++ok;
      held.push_back(std::move(stream));  // kept open to the end
    } else if (head.rfind("HTTP/1.1 429", 0) == 0) {
      ++refused;
      if (refusal.empty()) refusal = stream->Receive("}}", std::chrono::seconds(2));
    } else {
      ++other;
    }
  }
  opening = false;
  checker.join();
  EXPECT_EQ(ok, 8) << "the default limit per token";
  EXPECT_EQ(refused, kStreams - 8);
  EXPECT_EQ(other, 0);
  EXPECT_NE(refusal.find("Retry-After: "), std::string::npos) << refusal;
  EXPECT_NE(refusal.find(R"("code":"too_many_streams")"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find(R"("message_ka":")"), std::string::npos) << refusal;
  ASSERT_EQ(health.size(), static_cast<size_t>(kHealthChecks));
  for (int i = 0; i < kHealthChecks; ++i) EXPECT_EQ(health[i], 200) << "health check " << i;
  // Another token's command is accepted, and its own stream opens, while the 8 are held.
  EXPECT_EQ(Register(1), 201);
  RawSocket chair(port());
  ASSERT_TRUE(chair.Send(StreamRequest(tokens_.at("chair"))));
  EXPECT_EQ(chair.Receive("\r\n\r\n", std::chrono::seconds(5)).rfind("HTTP/1.1 200", 0), 0u);
  EXPECT_EQ(Metric("saqme_http_open_streams"), 9);
  EXPECT_EQ(Metric("saqme_streams_refused_total"), kStreams - 8);
  // A stream that ends frees its place.
  held.pop_back();
  bool reopened = false;
  for (int attempt = 0; attempt < 50 && !reopened; ++attempt) {
    RawSocket again(port());
    again.Send(StreamRequest(tokens_.at("sec-junior-1")));
    reopened = again.Receive("\r\n\r\n", std::chrono::seconds(5)).rfind("HTTP/1.1 200", 0) == 0;
    if (!reopened) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(reopened);
}

// Measured before: 520 slowloris sockets got 81 % of the health checks refused.
TEST_F(StarvationTest, FiveHundredSlowlorisSocketsAreCutOffAndCostOthersNothing) {
  // A short header deadline for the test; the crowd shares an address, so that limit is lifted.
  Start({"--header-timeout-seconds", "4", "--max-connections-per-address", "2000"});
  constexpr int kSockets = 520, kHealthChecks = 45;
  std::vector<std::unique_ptr<RawSocket>> crowd;
  for (int i = 0; i < kSockets; ++i) {
    crowd.push_back(std::make_unique<RawSocket>(port()));
    ASSERT_TRUE(crowd.back()->connected()) << i;
    ASSERT_TRUE(crowd.back()->Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  }
  const auto opened = Clock::now();
  std::atomic<bool> trickling{true};
  std::thread trickle([&] {  // one more header byte from each, every second
    while (trickling) {
      for (auto& socket : crowd) socket->Send("a");
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  std::vector<int> health;
  double slowest_health = 0;
  for (int i = 0; i < kHealthChecks; ++i) {
    const auto start = Clock::now();
    health.push_back(Health());
    slowest_health = std::max(slowest_health, SecondsSince(start));
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
  }
  const auto command_start = Clock::now();
  const int registered = Register(2);
  const double command_seconds = SecondsSince(command_start);
  const double open_connections = Metric("saqme_http_open_connections");
  // The header deadline closes every slowloris socket, although each kept sending.
  int closed = 0;
  const auto deadline = opened + std::chrono::seconds(12);
  while (Clock::now() < deadline && closed < kSockets) {
    closed = 0;
    for (auto& socket : crowd) closed += socket->PeerClosed() ? 1 : 0;
    if (closed < kSockets) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  const double cut_after = SecondsSince(opened);
  trickling = false;
  trickle.join();
  ASSERT_EQ(health.size(), static_cast<size_t>(kHealthChecks));
  for (int i = 0; i < kHealthChecks; ++i) EXPECT_EQ(health[i], 200) << "health check " << i;
  EXPECT_LT(slowest_health, 2.0);
  EXPECT_EQ(registered, 201);
  EXPECT_LT(command_seconds, 2.0) << "a command from another client within a bound";
  EXPECT_GE(open_connections, kSockets) << "the crowd was held, not refused";
  EXPECT_EQ(closed, kSockets);
  EXPECT_GE(cut_after, 3.0) << "not before the deadline";
  for (const auto& socket : crowd) EXPECT_EQ(socket->received(), "") << "nothing was answered";
}

TEST_F(StarvationTest, ConnectionsFromOneAddressAreRefusedBeyondItsLimitWhileOthersAreServed) {
  Start({"--max-connections-per-address", "4"});
  std::vector<std::unique_ptr<RawSocket>> held;
  for (int i = 0; i < 4; ++i) {  // four keep-alive connections from 127.0.0.2, each answered
    held.push_back(std::make_unique<RawSocket>(port(), "127.0.0.2"));
    ASSERT_TRUE(held.back()->connected());
    ASSERT_TRUE(held.back()->Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    EXPECT_EQ(held.back()->Receive("\"ok\":true", std::chrono::seconds(5)).rfind("HTTP/1.1 200", 0),
              0u);
  }
  RawSocket fifth(port(), "127.0.0.2");
  ASSERT_TRUE(fifth.connected());
  fifth.Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  const std::string refused = fifth.Receive("}}", std::chrono::seconds(5));
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: "), std::string::npos) << refused;
  EXPECT_NE(refused.find("too many connections from your address"), std::string::npos) << refused;
  EXPECT_NE(refused.find(R"("message_ka":")"), std::string::npos) << refused;
  EXPECT_TRUE(fifth.Receive("never", std::chrono::seconds(5)).size() >= refused.size());
  EXPECT_TRUE(fifth.PeerClosed()) << "closed after the refusal";
  // 127.0.0.1 is served meanwhile, commands included.
  EXPECT_EQ(Health(), 200);
  EXPECT_EQ(Register(3), 201);
  EXPECT_GE(Metric("saqme_http_refused_connections_total"), 1);
  // A place freed is a place again.
  held.pop_back();
  bool admitted = false;
  for (int attempt = 0; attempt < 50 && !admitted; ++attempt) {
    RawSocket again(port(), "127.0.0.2");
    again.Send("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    admitted = again.Receive("\r\n\r\n", std::chrono::seconds(5)).rfind("HTTP/1.1 200", 0) == 0;
    if (!admitted) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(admitted);
}

TEST_F(StarvationTest, AStreamSendsHeartbeatsAndEndsAtItsLifetimeThenResumes) {
  Start({"--stream-heartbeat-seconds", "1", "--stream-max-seconds", "4"});
  const auto start = Clock::now();
  RawSocket stream(port());
  ASSERT_TRUE(stream.Send(StreamRequest(tokens_.at("chair"))));
  const std::string& head = stream.Receive("retry: 2000", std::chrono::seconds(5));
  ASSERT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << head;
  EXPECT_NE(head.find("text/event-stream"), std::string::npos) << head;
  const std::string& all = stream.Receive("never", std::chrono::seconds(10));
  const double lived = SecondsSince(start);
  EXPECT_TRUE(stream.PeerClosed()) << all;
  EXPECT_GE(lived, 3.5) << all;
  EXPECT_LT(lived, 7.0) << all;
  size_t heartbeats = 0;
  for (size_t at = all.find(": keep-alive\n\n"); at != std::string::npos;
       at = all.find(": keep-alive\n\n", at + 1)) {
    ++heartbeats;
  }
  EXPECT_GE(heartbeats, 2u) << all;  // about one a second when nothing else is sent
  // The client reconnects where it was (its last event id, or 0 before any).
  const size_t last_id = all.rfind("\nid: ");
  const std::string id = last_id == std::string::npos
                             ? "0"
                             : all.substr(last_id + 5, all.find('\n', last_id + 5) - last_id - 5);
  RawSocket resumed(port());
  resumed.Send(StreamRequest(tokens_.at("chair"), "Last-Event-ID: " + id + "\r\n"));
  const std::string& again = resumed.Receive("retry: 2000", std::chrono::seconds(5));
  EXPECT_EQ(again.rfind("HTTP/1.1 200", 0), 0u) << again;
}

}  // namespace
}  // namespace saqme
