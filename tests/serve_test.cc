// `saqme serve` as a process: journal numbers stay gapless across a SIGKILL in the middle of a
// load (restart, continue, check); a second server on the same directory is refused; SIGTERM
// drains and closes the log cleanly.
#include <atomic>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "engine/engine.h"
#include "engine/view_reader.h"
#include "model/tbilisi_time.h"
#include "tests/http_client.h"
#include "tests/rebuild_util.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using boost::json::object;
using saqme::testing::Child;
using saqme::testing::HttpClient;

using Server = saqme::testing::ServeProcess;

object Registration(int n) {
  return object{{"command_id", "load-" + std::to_string(n)},
                {"command", object{{"type", "register_incoming"},
                                   {"kind", "correspondence"},
                                   {"channel", "post"},
                                   {"sender", object{{"name", "სამინისტრო"}, {"kind", "agency"}}},
                                   {"subject", "წერილი " + std::to_string(n)},
                                   {"pages", 1},
                                   {"received_on", "2026-01-01"},
                                   {"addressee", "chair"}}}};
}

TEST(ServeTest, JournalNumbersStayGaplessAcrossASigkillInTheMiddleOfALoad) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), tokens = dir.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  std::mutex mu;
  std::set<std::string> acknowledged;  // registration numbers the clients were given
  std::atomic<int> next{0};
  auto load = [&](uint16_t port, int limit) {
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      clients.emplace_back([&, port, limit] {
        try {
          HttpClient client(port);
          for (int n; (n = next++) < limit;) {
            auto reply = client.Post("/v1/cases", token, Registration(n));
            if (reply.status != 201 && reply.status != 200) return;
            std::lock_guard<std::mutex> lock(mu);
            acknowledged.insert(std::string(reply.json().at("registration_number").as_string()));
          }
        } catch (const std::exception&) {  // the server died under us
        }
      });
    }
    return clients;
  };
  {
    Server server(data, tokens);
    ASSERT_NE(server.port(), 0);
    auto clients = load(server.port(), 100000);
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    server.child().Kill();
    for (auto& client : clients) client.join();
  }
  const size_t before_crash = acknowledged.size();
  EXPECT_GT(before_crash, 0u);
  {
    Server server(data, tokens);
    ASSERT_NE(server.port(), 0);
    const int target = next.load() + 40;
    auto clients = load(server.port(), target);
    for (auto& client : clients) client.join();
  }
  EXPECT_GE(acknowledged.size(), before_crash + 40);
  auto engine = engine::Engine::Open(data, {});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  // The server runs on the system clock: the journal of this year.
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const int year = std::stoi(TbilisiDate(now).substr(0, 4));
  auto journal = engine::ViewReader(engine.value()->log()).Journal("incoming", year).value();
  std::set<std::string> stored;
  for (size_t i = 0; i < journal.size(); ++i) {
    EXPECT_EQ(journal[i].at("number").as_int64(), int64_t(i + 1)) << "a gap or a reuse";
    stored.insert(std::to_string(journal[i].at("number").as_int64()));
  }
  for (const auto& number : acknowledged)
    EXPECT_TRUE(stored.count(number)) << number << " was lost";
  EXPECT_EQ(testing::LiveViews(*engine.value()), testing::RebuiltViews(*engine.value()));
  EXPECT_TRUE(engine.value()->log().Verify().ok);
}

// A data directory whose views are of the format before the case state snapshots (an upgrade
// from an earlier version) has them rebuilt from its log before the server takes commands: the
// log says so, the cases read as they were, and the views are then of the current format and
// equal a rebuild.
TEST(ServeTest, AnOlderDirectoryHasItsViewsRebuiltBeforeItIsServed) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), tokens = dir.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  std::string case_id, number;
  {
    Server server(data, tokens);
    ASSERT_NE(server.port(), 0);
    HttpClient client(server.port());
    auto reply = client.Post("/v1/cases", token, Registration(1));
    ASSERT_EQ(reply.status, 201) << reply.body;
    case_id = std::string(reply.json().at("case_id").as_string());
    number = std::string(reply.json().at("registration_number").as_string());
  }
  {
    storage::LogOptions options;
    options.create_if_missing = false;
    options.extra_column_families = engine::ViewFamilies();
    auto log = storage::EventLog::Open(data, options);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    EXPECT_EQ(testing::MakeViewsOfTheFormatBeforeSnapshots(*log.value()), 2u);  // and the org
  }
  {
    Server server(data, tokens);
    ASSERT_NE(server.port(), 0);
    bool said = false;
    for (const auto& line : server.banner()) {
      said = said || line.find("of an older format: rebuilding them") != std::string::npos;
    }
    EXPECT_TRUE(said) << ::testing::PrintToString(server.banner());
    HttpClient client(server.port());
    auto reply = client.Get("/v1/cases/" + case_id, token);
    ASSERT_EQ(reply.status, 200) << reply.body;
    EXPECT_EQ(reply.json().at("registration_number").as_string(), number);
    EXPECT_EQ(client.Post("/v1/cases", token, Registration(2)).status, 201);
  }
  auto engine = engine::Engine::Open(data, {});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  std::string format;
  ASSERT_TRUE(engine.value()
                  ->log()
                  .db()
                  ->Get(rocksdb::ReadOptions(), engine.value()->log().meta_family(),
                        engine::kViewFormatKey, &format)
                  .ok());
  EXPECT_EQ(format, std::to_string(engine::kViewFormat));
  auto live = testing::LiveViews(*engine.value());
  EXPECT_EQ(live.at(engine::kCasesView).size(), 3u);
  for (const auto& [id, entry] : live.at(engine::kCasesView)) {
    workflows::CaseState state;
    EXPECT_TRUE(engine::DecodeCaseSnapshot(entry, &state)) << id;
  }
  EXPECT_EQ(live, testing::RebuiltViews(*engine.value()));
}

TEST(ServeTest, ASecondServerOnTheSameDirectoryIsRefused) {
  saqme::testing::TempDir dir;
  const std::string tokens = dir.Sub("tokens.txt");
  api::TokenStore::Add(tokens, "chair").value();
  Server first(dir.Sub("data"), tokens);
  ASSERT_NE(first.port(), 0);
  auto [code, out] =
      saqme::testing::RunCommand(std::string(SAQME_BINARY) + " serve --data " + dir.Sub("data") +
                                 " --listen 127.0.0.1:0 --tokens " + tokens);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("in use by another saqme process"), std::string::npos) << out;
}

TEST(ServeTest, SigtermDrainsAndClosesTheLogCleanly) {
  saqme::testing::TempDir dir;
  const std::string tokens = dir.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  Child child({SAQME_BINARY, "serve", "--data", dir.Sub("data"), "--listen", "127.0.0.1:0",
               "--tokens", tokens});
  std::string line;
  uint16_t port = 0;
  const std::regex serving("http://127\\.0\\.0\\.1:([0-9]+)");
  while (port == 0 && child.ReadLine(&line)) {
    std::smatch match;
    if (std::regex_search(line, match, serving)) port = static_cast<uint16_t>(std::stoi(match[1]));
  }
  ASSERT_NE(port, 0);
  HttpClient client(port);
  EXPECT_EQ(client.Post("/v1/cases", token, Registration(1)).status, 201);
  child.Terminate();
  bool closed = false;
  while (child.ReadLine(&line))
    closed = closed || line.find("the log is closed") != std::string::npos;
  EXPECT_EQ(child.Wait(), 0);
  EXPECT_TRUE(closed);
  auto engine = engine::Engine::Open(dir.Sub("data"), {});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  EXPECT_EQ(engine.value()->log().LastSequence(), 2u);  // orgChartAdopted, the registration
}

}  // namespace
}  // namespace saqme
