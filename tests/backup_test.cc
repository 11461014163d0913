// Beside a live `saqme serve`: verify never reports a false corruption while the server writes,
// flushes, compacts and restarts; `saqme backup` under load holds every command acknowledged
// before it began, and `saqme restore` gives a directory that verifies, checks and serves.
#include <sys/stat.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "storage/event_log.h"
#include "tests/http_client.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using boost::json::object;
using saqme::testing::HttpClient;
using saqme::testing::RunCommand;
using saqme::testing::ServeProcess;

const std::string kSaqme = SAQME_BINARY;

object Application(const std::string& command_id) {
  return object{{"command_id", command_id},
                {"command", object{{"type", "register_incoming"},
                                   {"kind", "application"},
                                   {"channel", "reception"},
                                   {"sender", object{{"name", "მოქალაქე"}, {"kind", "citizen"}}},
                                   {"subject", "განცხადება " + command_id},
                                   {"pages", 2},
                                   {"received_on", "2026-02-02"},
                                   {"addressee", "chair"}}}};
}

// Clients registering applications against whatever port the server has now (0: none yet, or
// restarting); every acknowledged command id is kept with its case and version.
class Load {
 public:
  Load(const std::string& token, int clients) : token_(token) {
    for (int c = 0; c < clients; ++c) threads_.emplace_back([this, c] { Run(c); });
  }
  ~Load() { Stop(); }
  void SetPort(uint16_t port) { port_ = port; }
  void Stop() {
    stop_ = true;
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }
  // The commands acknowledged so far: command id -> {case id, version}.
  std::map<std::string, std::pair<std::string, int64_t>> Acknowledged() {
    std::lock_guard<std::mutex> lock(mu_);
    return acknowledged_;
  }
  size_t Count() {
    std::lock_guard<std::mutex> lock(mu_);
    return acknowledged_.size();
  }

 private:
  void Run(int client) {
    for (int n = 0; !stop_;) {
      const uint16_t port = port_;
      if (port == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      try {
        HttpClient http(port);
        while (!stop_ && port_ == port) {
          const std::string id = "app-" + std::to_string(client) + "-" + std::to_string(n++);
          auto reply = http.Post("/v1/cases", token_, Application(id));
          if (reply.status != 201 && reply.status != 200) break;
          auto json = reply.json();
          std::lock_guard<std::mutex> lock(mu_);
          acknowledged_[id] = {std::string(json.at("case_id").as_string()),
                               json.at("version").as_int64()};
        }
      } catch (const std::exception&) {  // the server went away under us: wait for the next
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
  }

  const std::string token_;
  std::atomic<uint16_t> port_{0};
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::map<std::string, std::pair<std::string, int64_t>> acknowledged_;
  std::vector<std::thread> threads_;
};

// The value after `label` on a line of `out` ("" when absent).
std::string Field(const std::string& out, const std::string& label) {
  std::smatch match;
  if (!std::regex_search(out, match, std::regex(label + " ([0-9a-f:]+)"))) return "";
  return match[1];
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `saqme serve` on `data`, restarted every 250 ms until destroyed, alternately after SIGTERM
// and SIGKILL, with `load` pointed at it while it is up. Every restart flushes the recovered WAL
// into a new table file and writes a new MANIFEST, deleting the old files; every fourth table
// file starts a compaction of level 0.
class RestartingServer {
 public:
  RestartingServer(const std::string& data, const std::string& tokens, Load* load)
      : thread_([this, data, tokens, load] {
          for (int round = 0; !done_; ++round) {
            ServeProcess server(data, tokens);
            if (server.port() == 0) continue;
            load->SetPort(server.port());
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            load->SetPort(0);
            if (round % 2 == 0) {
              server.child().Terminate();  // a clean stop
              server.child().Wait();
            }  // else SIGKILL by the destructor
            ++restarts_;
          }
        }) {}
  ~RestartingServer() {
    done_ = true;
    thread_.join();
  }
  int restarts() const { return restarts_; }

 private:
  std::atomic<bool> done_{false};
  std::atomic<int> restarts_{0};
  std::thread thread_;
};

// How many of `acknowledged` the log in `dir` lacks: the command id unknown, or its case below
// the acknowledged version. -1 when the log does not open.
int Missing(const std::string& dir,
            const std::map<std::string, std::pair<std::string, int64_t>>& acknowledged) {
  storage::LogOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto log = storage::EventLog::Open(dir, options);
  if (!log.ok()) return -1;
  int missing = 0;
  for (const auto& [command_id, placed] : acknowledged) {
    std::string record;
    const bool applied =
        log.value()
            ->db()
            ->Get(rocksdb::ReadOptions(), log.value()->commands_family(), command_id, &record)
            .ok();
    auto version = log.value()->CaseVersion(placed.first);
    missing += !applied || !version.ok() || int64_t(version.value()) < placed.second;
  }
  return missing;
}

TEST(LiveReadTest, FiftyVerifiesBesideAServerThatWritesCompactsAndRestartsAllPass) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), tokens = dir.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  Load load(token, 2);
  auto server = std::make_unique<RestartingServer>(data, tokens, &load);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(4);
  while (load.Count() == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  int passed = 0;
  for (int run = 0; run < 50 && std::chrono::steady_clock::now() < deadline; ++run) {
    const char* tool = run % 10 == 9 ? " log" : " verify";  // log shares the same open
    auto [code, out] = RunCommand(kSaqme + tool + " --data " + data);
    EXPECT_EQ(code, 0) << "run " << run << ":" << tool << ": " << out;
    passed += code == 0;
  }
  const int restarts = server->restarts();
  server.reset();
  load.Stop();
  EXPECT_EQ(passed, 50);
  EXPECT_GE(restarts, 3);
  auto [code, out] = RunCommand(kSaqme + " check --data " + data);
  EXPECT_EQ(code, 0) << out;
}

TEST(BackupTest, ABackupUnderLoadHoldsEveryCommandAcknowledgedBeforeItAndRestoresWhole) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), backups = dir.Sub("backups");
  const std::string restored = dir.Sub("restored");
  std::filesystem::create_directories(data);
  const std::string token = api::TokenStore::Add(data + "/tokens.txt", "org-records").value();
  Load load(token, 3);
  ServeProcess server(data, data + "/tokens.txt");
  ASSERT_NE(server.port(), 0);
  load.SetPort(server.port());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
  while (load.Count() < 200 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_GE(load.Count(), 200u);

  const auto before = load.Acknowledged();
  auto [code, out] = RunCommand(kSaqme + " backup --data " + data + " --to " + backups);
  ASSERT_EQ(code, 0) << out;
  const size_t after_backup = load.Count();
  EXPECT_GT(after_backup, before.size()) << "the load ran on during the backup";
  const std::string head_seq = Field(out, "head sequence"), head_hash = Field(out, "head hash");
  ASSERT_FALSE(head_seq.empty()) << out;
  ASSERT_EQ(head_hash.size(), 64u) << out;
  EXPECT_NE(out.find("anchor " + head_seq + ":" + head_hash), std::string::npos) << out;
  load.Stop();

  std::tie(code, out) = RunCommand(kSaqme + " restore --from " + backups + " --data " + restored);
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(Field(out, "head hash"), head_hash) << out;
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + restored);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("anchor (to publish) " + head_seq + ":" + head_hash), std::string::npos)
      << out;
  std::tie(code, out) = RunCommand(kSaqme + " check --data " + restored);
  EXPECT_EQ(code, 0) << out;

  // Every command acknowledged before the backup began is in it, at least at its version.
  EXPECT_EQ(Missing(restored, before), 0) << "of " << before.size();
  // The files beside the log came along, private.
  EXPECT_EQ(Slurp(restored + "/tokens.txt"), Slurp(data + "/tokens.txt"));
  struct stat info {};
  ASSERT_EQ(stat((restored + "/tokens.txt").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(stat(restored.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);

  // The restored directory serves, with the backed-up tokens.
  ServeProcess again(restored, restored + "/tokens.txt");
  ASSERT_NE(again.port(), 0);
  HttpClient http(again.port());
  EXPECT_EQ(http.Post("/v1/cases", token, Application("after-restore")).status, 201);
}

TEST(BackupTest, BackupsBesideARestartingServerEachHoldWhatWasAcknowledgedBeforeThem) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), tokens = dir.Sub("tokens.txt");
  const std::string backups = dir.Sub("backups");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  Load load(token, 2);
  std::vector<std::map<std::string, std::pair<std::string, int64_t>>> before;
  // A copy that falls short is deleted and taken again under the next id, so the ids are the
  // ones printed ("backup N in …"), not 1..5.
  std::vector<std::string> ids;
  {
    RestartingServer server(data, tokens, &load);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
    while (load.Count() == 0 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    for (int i = 0; i < 5; ++i) {
      before.push_back(load.Acknowledged());
      auto [code, out] = RunCommand(kSaqme + " backup --data " + data + " --to " + backups);
      ASSERT_EQ(code, 0) << "backup " << i + 1 << ": " << out;
      const size_t at = out.find("backup ");
      ASSERT_NE(at, std::string::npos) << out;
      ids.push_back(out.substr(at + 7, out.find(' ', at + 7) - (at + 7)));
    }
    EXPECT_GE(server.restarts(), 1);
  }
  load.Stop();
  for (size_t i = 0; i < before.size(); ++i) {
    const std::string restored = dir.Sub("r" + std::to_string(i + 1));
    auto [code, out] = RunCommand(kSaqme + " restore --from " + backups + " --data " + restored +
                                  " --backup-id " + ids[i]);
    ASSERT_EQ(code, 0) << out;
    EXPECT_GT(before[i].size(), 0u);
    EXPECT_EQ(Missing(restored, before[i]), 0) << "backup " << i + 1;
  }
}

TEST(BackupTest, ServeBacksItselfUpOnScheduleAndMetricsSayHowLongAgo) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), tokens = dir.Sub("tokens.txt");
  const std::string backups = dir.Sub("backups");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  auto [code, out] = RunCommand(kSaqme + " serve --data " + data + " --tokens " + tokens +
                                " --listen 127.0.0.1:0 --backup-every 1");
  EXPECT_EQ(code, 2) << out;  // --backup-every without --backup-dir
  EXPECT_NE(out.find("go together"), std::string::npos) << out;

  ServeProcess server(data, tokens,
                      {"--backup-dir", backups, "--backup-every", "0.01", "--backup-keep", "2"});
  ASSERT_NE(server.port(), 0);
  HttpClient http(server.port());
  auto opened = http.Post("/v1/cases", token, Application("scheduled-1"));
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string case_id(opened.json().at("case_id").as_string());
  const std::regex gauge("saqme_backup_age_seconds ([-0-9.e+]+)");
  double age = -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (age < 0 && std::chrono::steady_clock::now() < deadline) {
    const std::string metrics = http.Get("/metrics", token).body;
    std::smatch match;
    ASSERT_TRUE(std::regex_search(metrics, match, gauge)) << metrics;
    age = std::stod(match[1]);
    if (age < 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_GE(age, 0) << "no scheduled backup within a minute";
  EXPECT_LT(age, 60);
  std::tie(code, out) = RunCommand(kSaqme + " backup --list --to " + backups);
  ASSERT_EQ(code, 0) << out;
  std::tie(code, out) =
      RunCommand(kSaqme + " restore --from " + backups + " --data " + dir.Sub("restored"));
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(Missing(dir.Sub("restored"), {{"scheduled-1", {case_id, 1}}}), 0);
}

TEST(BackupTest, KeepPurgesOlderBackupsAndRestoreRefusesWhatItMustNotOverwrite) {
  saqme::testing::TempDir dir;
  const std::string data = dir.Sub("data"), backups = dir.Sub("backups");
  const std::string tokens = dir.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  std::vector<std::string> anchors;
  {
    ServeProcess server(data, tokens);
    ASSERT_NE(server.port(), 0);
    HttpClient http(server.port());
    for (int i = 0; i < 3; ++i) {
      ASSERT_EQ(http.Post("/v1/cases", token, Application("k-" + std::to_string(i))).status, 201);
      auto [code, out] =
          RunCommand(kSaqme + " backup --data " + data + " --to " + backups + " --keep 2");
      ASSERT_EQ(code, 0) << out;
      anchors.push_back(Field(out, "anchor"));
    }
  }
  EXPECT_NE(anchors[0], anchors[1]);
  auto [code, out] = RunCommand(kSaqme + " backup --list --to " + backups);
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(out.find(anchors[0]), std::string::npos) << "backup 1 was purged: " << out;
  EXPECT_NE(out.find(anchors[1]), std::string::npos) << out;
  EXPECT_NE(out.find(anchors[2]), std::string::npos) << out;

  // An older backup by id restores to its own head.
  std::tie(code, out) = RunCommand(kSaqme + " restore --from " + backups + " --data " +
                                   dir.Sub("r2") + " --backup-id 2");
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(Field(out, "anchor"), anchors[1]) << out;

  // Refusals: a non-empty target, a purged id, no backups, a missing source log.
  std::tie(code, out) =
      RunCommand(kSaqme + " restore --from " + backups + " --data " + dir.Sub("r2"));
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("is not empty"), std::string::npos) << out;
  EXPECT_NE(out.find("ცარიელი არ არის"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " restore --from " + backups + " --data " +
                                   dir.Sub("r1") + " --backup-id 1");
  EXPECT_EQ(code, 2) << out;
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("r1"))) << "a failed restore leaves nothing";
  std::tie(code, out) = RunCommand(kSaqme + " backup --list --to " + dir.Sub("none"));
  EXPECT_EQ(code, 2) << out;
  std::tie(code, out) =
      RunCommand(kSaqme + " backup --data " + dir.Sub("none") + " --to " + backups);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("no saqme log"), std::string::npos) << out;
}

}  // namespace
}  // namespace saqme
