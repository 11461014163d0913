// Heavy reads against the real `saqme serve` (docs/reliability.md, "Heavy reads"): a journal's
// JSON comes in bounded pages that chain by their cursors; its CSV and printable exports are
// written a page at a time and equal the pages' content; beyond --heavy-reads, a heavy read is
// answered 503 with Retry-After while light reads go on. And what the audit routes show of the
// server's files, and tokens followed without a restart.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "api/client_text.h"
#include "api/journal_export.h"
#include "api/tokens.h"
#include "tests/eventually.h"
#include "tests/http_client.h"
#include "tests/serve_fixture.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using saqme::testing::Eventually;
using saqme::testing::HttpClient;
using saqme::testing::RunCommand;
using saqme::testing::ServeProcess;
using saqme::testing::TempDir;

// The value of the gauge or counter `name` in /metrics, or -1.
double Metric(uint16_t port, const std::string& name) {
  const std::string text = HttpClient(port).Get("/metrics", "").body;
  std::smatch match;
  if (!std::regex_search(text, match, std::regex("\n" + name + " ([0-9.e+-]+)\n"))) return -1;
  return std::stod(match[1]);
}

// A client that asks for a heavy export and reads only its status line (a small receive buffer
// keeps the rest on the server's side); closing it ends the export.
class StalledReader {
 public:
  StalledReader(uint16_t port, const std::string& target, const std::string& token) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int small = 2048;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    const std::string request = "GET " + target +
                                " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
                                "\r\n\r\n";
    connected_ = connected_ && ::send(fd_, request.data(), request.size(), 0) ==
                                   static_cast<ssize_t>(request.size());
  }
  ~StalledReader() { Close(); }
  // The first bytes of the answer (its status line).
  std::string Start() {
    char buffer[64] = {};
    const ssize_t n = connected_ ? ::recv(fd_, buffer, sizeof buffer - 1, 0) : -1;
    return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
  }
  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// A generated year (Lentekhi 2023 at scale 5: 1 035 outgoing letters, more than one page of the
// journal's JSON and of the export's internal reads) served by a real server.
class LargeJournalTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " generate --data " + Data() +
                                  " --profile lentekhi --year 2023 --scale 5 --quiet");
    ASSERT_EQ(code, 0) << out;
    token_ = api::TokenStore::Add(year_->Sub("tokens.txt"), "org-records").value();
  }
  static void TearDownTestSuite() { year_.reset(); }
  static std::string Data() { return year_->Sub("data"); }

  void Serve(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<ServeProcess>(Data(), year_->Sub("tokens.txt"), extra);
    ASSERT_NE(server_->port(), 0);
  }
  HttpClient::Reply Get(const std::string& target) {
    return HttpClient(server_->port()).Get(target, token_);
  }
  // Every entry of the journal, page after page of `limit` by their cursors.
  boost::json::array Paged(const std::string& journal, int limit, int* pages) {
    boost::json::array all;
    std::string cursor;
    *pages = 0;
    for (;;) {
      auto page = Get("/v1/journals/" + journal + "?year=2023&limit=" + std::to_string(limit) +
                      (cursor.empty() ? "" : "&cursor=" + cursor));
      EXPECT_EQ(page.status, 200) << page.body;
      if (page.status != 200 || ++*pages > 100) break;
      const auto body = page.json().as_object();
      for (const auto& entry : body.at("entries").as_array()) all.push_back(entry);
      if (body.at("next_cursor").is_null()) break;
      cursor = std::string(body.at("next_cursor").as_string());
    }
    return all;
  }

  static inline std::unique_ptr<TempDir> year_ = std::make_unique<TempDir>();
  static inline std::string token_;
  std::unique_ptr<ServeProcess> server_;
};

TEST_F(LargeJournalTest, PagesChainWithoutGapsOrRepeatsAndTheStreamedExportsEqualThem) {
  Serve();
  // Without a limit the JSON is one bounded page, not the whole year.
  auto first = Get("/v1/journals/outgoing?year=2023").json().as_object();
  EXPECT_EQ(first.at("entries").as_array().size(), 1000u);
  ASSERT_TRUE(first.at("next_cursor").is_string()) << "a whole journal in one answer";

  int pages = 0;
  const boost::json::array all = Paged("outgoing", 97, &pages);
  ASSERT_GT(all.size(), 1000u);
  EXPECT_EQ(pages, static_cast<int>((all.size() + 96) / 97));
  std::set<uint64_t> numbers;
  uint64_t last = 0;
  for (const auto& entry : all) {
    const uint64_t number = entry.at("number").to_number<uint64_t>();
    EXPECT_GT(number, last) << "out of order or repeated";
    last = number;
    numbers.insert(number);
  }
  EXPECT_EQ(numbers.size(), all.size());
  EXPECT_EQ(*numbers.begin(), 1u);
  EXPECT_EQ(*numbers.rbegin(), all.size()) << "a gap between pages";
  // The default page is the same list's beginning.
  EXPECT_EQ(first.at("entries").as_array().back(), all[999]);

  // The exports are written a page at a time, in chunks, and hold exactly what the pages hold.
  auto csv = Get("/v1/journals/outgoing?year=2023&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("Transfer-Encoding"), "chunked");
  EXPECT_EQ(csv.header("Content-Length"), "");
  EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"outgoing-2023.csv\"");
  EXPECT_EQ(csv.body, api::JournalCsv(all));
  auto html = Get("/v1/journals/outgoing?year=2023&format=html");
  ASSERT_EQ(html.status, 200);
  EXPECT_EQ(html.header("Transfer-Encoding"), "chunked");
  EXPECT_EQ(html.body, api::JournalHtml("outgoing", 2023, all));
  // An empty journal is a header alone.
  auto empty = Get("/v1/journals/outgoing?year=2021&format=csv");
  ASSERT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body, api::JournalCsv({}));
  // Refusals are answered as before, whole.
  EXPECT_EQ(Get("/v1/journals/outgoing?year=2023&format=csv&limit=5").status, 400);
  EXPECT_EQ(Get("/v1/journals/secret?year=2023&format=csv").status, 404);
  EXPECT_EQ(HttpClient(server_->port()).Get("/v1/journals/outgoing?format=csv", "").status, 401);
}

TEST_F(LargeJournalTest, BeyondTheGateAHeavyReadGets503WithRetryAfterWhileLightReadsAreServed) {
  Serve({"--heavy-reads", "1"});
  const uint16_t port = server_->port();
  const std::vector<std::string> heavy = {
      "/v1/journals/incoming?year=2023&format=csv", "/v1/journals/outgoing?year=2023&format=html",
      "/v1/reports/annual?year=2023", "/v1/audit/verify", "/v1/control/list?year=2023"};
  // Each round, one client's export of the printable journal holds the one place from its
  // status line on, for as long as the server reads and writes the year (two readings of 1 035
  // entries); light reads, then every heavy read, are asked meanwhile. A heavy read answered 200
  // came after the export ended; the rounds go on until each has been refused.
  std::set<std::string> refused;
  int refusals = 0;
  bool light_while_full = false;
  for (int round = 0; round < 40 && (refused.size() < heavy.size() || !light_while_full); ++round) {
    StalledReader holder(port, "/v1/journals/outgoing?year=2023&format=html", token_);
    ASSERT_EQ(holder.Start().rfind("HTTP/1.1 200", 0), 0u);
    bool light_ok = HttpClient(port).Get("/health", "").status == 200 &&
                    HttpClient(port).Get("/ready", "").status == 200;
    auto page = Get("/v1/journals/outgoing?year=2023&limit=10");
    light_ok = light_ok && page.status == 200 && page.json().at("entries").as_array().size() == 10;
    light_ok = light_ok && Get("/v1/nomenclature?year=2023").status == 200;
    EXPECT_TRUE(light_ok) << "a light read was held back";
    bool first = true;
    for (size_t k = 0; k < heavy.size(); ++k) {  // each first in its turn
      const std::string& target = heavy[(k + static_cast<size_t>(round)) % heavy.size()];
      auto reply = Get(target);
      if (reply.status == 503) {
        refused.insert(target);
        ++refusals;
        // The holder had its place before the light reads, and still has it now.
        if (first && light_ok) light_while_full = true;
        EXPECT_EQ(reply.header("Retry-After"), "2") << target;
        EXPECT_EQ(reply.error_code(), "unavailable") << target;
        ASSERT_TRUE(reply.json().is_object()) << target << ": " << reply.body;
        EXPECT_FALSE(reply.json().at("error").at("message_ka").as_string().empty()) << target;
      } else {
        EXPECT_EQ(reply.status, 200) << target << ": " << reply.body.substr(0, 300);
      }
      first = false;
    }
  }
  for (const auto& target : heavy) EXPECT_TRUE(refused.count(target)) << target << " never refused";
  EXPECT_TRUE(light_while_full);
  EXPECT_EQ(Metric(port, "saqme_heavy_reads_refused_total"), refusals);
  // Every place is given back.
  EXPECT_TRUE(Eventually([&] { return Metric(port, "saqme_heavy_reads_running") == 0; },
                         std::chrono::seconds(35)));
  EXPECT_EQ(Get("/v1/reports/annual?year=2023").status, 200);
}

// A heavy read's place is given back when its answer ends, not when its connection finally
// goes: a client that has read an export to its end and keeps the socket open (as a browser
// does for a while) does not make the next export, its own or another's, a 503.
TEST_F(LargeJournalTest, AnExportReadToItsEndGivesItsPlaceBackAtOnce) {
  Serve({"--heavy-reads", "1"});
  std::vector<std::unique_ptr<HttpClient>> kept_open;
  for (int k = 0; k < 6; ++k) {
    kept_open.push_back(std::make_unique<HttpClient>(server_->port()));
    const std::string target = k % 2 ? "/v1/journals/incoming?year=2023&format=csv"
                                     : "/v1/journals/outgoing?year=2023&format=html";
    auto reply = kept_open.back()->Get(target, token_);
    EXPECT_EQ(reply.status, 200) << k << " " << target << ": " << reply.body.substr(0, 300);
  }
  EXPECT_EQ(Get("/v1/reports/annual?year=2023").status, 200);
}

TEST(ClientTextTest, AbsolutePathsLeaveOnlyTheFileName) {
  EXPECT_EQ(api::WithoutPaths("IO error: /srv/saqme/data/000012.sst: No such file"),
            "IO error: 000012.sst: No such file");
  EXPECT_EQ(api::WithoutPaths("cannot read the access log /var/lib/saqme/access-log.jsonl"),
            "cannot read the access log access-log.jsonl");
  EXPECT_EQ(api::WithoutPaths("storage error in /tmp/d/ (x)"), "storage error in d (x)");
  EXPECT_EQ(api::WithoutPaths("a / b and/or c, 1/2"), "a / b and/or c, 1/2");
  EXPECT_EQ(api::WithoutPaths("(/a/b)"), "(b)");
}

class AuditRouteTest : public saqme::testing::ServeFixture {};

TEST_F(AuditRouteTest, AnAccessLogThatCannotBeReadIsAnsweredWithoutTheServersPaths) {
  Start({"org-head", "org-records"}, "2026-11-02");
  ASSERT_EQ(Get("org-head", "/v1/audit/access").status, 200);
  // The file goes (an operator moved it away): the auditor is told, without the disk's layout.
  ASSERT_EQ(::unlink(dir_.Sub("data/access-log.jsonl").c_str()), 0);
  for (const char* route : {"/v1/audit/access", "/v1/audit/access?format=csv"}) {
    auto reply = Get("org-head", route);
    EXPECT_EQ(reply.status, 503) << reply.body;
    EXPECT_EQ(reply.body.find(dir_.path()), std::string::npos) << reply.body;
    EXPECT_EQ(reply.body.find("/access-log.jsonl"), std::string::npos) << reply.body;
    EXPECT_NE(reply.body.find("access-log.jsonl"), std::string::npos) << reply.body;
  }
  auto verify = Get("org-head", "/v1/audit/verify");
  EXPECT_EQ(verify.status, 200);
  EXPECT_EQ(verify.body.find(dir_.path()), std::string::npos) << verify.body;
}

TEST_F(AuditRouteTest, ATokenAddedOrRevokedWhileTheServerRunsTakesEffectWithinASecond) {
  Start({"org-records"}, "2026-11-02");
  const std::string tokens = dir_.Sub("tokens.txt");
  auto [added, token] =
      RunCommand(std::string(SAQME_BINARY) + " token add --tokens " + tokens + " --post chair");
  ASSERT_EQ(added, 0) << token;
  token = token.substr(token.rfind("sq_"));
  token = token.substr(0, token.find_first_of(" \n\t"));
  EXPECT_TRUE(Eventually([&] { return client_->Get("/v1/me", token).status == 200; },
                         std::chrono::seconds(2)));
  EXPECT_EQ(client_->Get("/v1/me", token).json().at("post"), "chair");
  const std::string hash = api::TokenStore::Sha256Hex(token).substr(0, 12);
  auto [revoked, out] = RunCommand(std::string(SAQME_BINARY) + " token revoke --tokens " + tokens +
                                   " --hash " + hash);
  ASSERT_EQ(revoked, 0) << out;
  EXPECT_TRUE(Eventually([&] { return client_->Get("/v1/me", token).status == 401; },
                         std::chrono::seconds(2)));
  EXPECT_EQ(client_->Get("/v1/me", tokens_.at("org-records")).status, 200);
}

}  // namespace
}  // namespace saqme
