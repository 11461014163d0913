// `saqme serve` at start: the integrity check of the log's tail and of the head anchor recorded
// beside it (a damaged or cut-back log is not served; --read-only serves it for reading), a full
// filesystem (exit 2 with a message, never an assertion; fail-stop while serving), and the modes
// of everything the server and the CLI create in the data directory (docs/reliability.md).
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "storage/start_check.h"
#include "tests/http_client.h"
#include "tests/raw_db.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

namespace fs = std::filesystem;
using saqme::testing::HttpClient;
using saqme::testing::RunCommand;
using saqme::testing::ServeProcess;
using saqme::testing::TempDir;

// A POST /v1/cases body registering letter `id`.
std::string Registration(const std::string& id) {
  return R"({"command_id":")" + id +
         R"(","command":{"type":"register_incoming","kind":"correspondence","channel":"post",)"
         R"("sender":{"name":"სამინისტრო","kind":"agency"},"subject":"წერილი",)"
         R"("pages":1,"received_on":"2026-01-01","addressee":"chair"}})";
}

// A data directory with a tokens file beside it, and the server started on it.
class Served {
 public:
  Served() : token_(api::TokenStore::Add(dir_.Sub("tokens.txt"), "org-records").value()) {}
  std::string data() const { return dir_.Sub("data"); }
  std::string Sub(const std::string& name) const { return dir_.Sub(name); }
  const std::string& token() const { return token_; }

  // Starts `saqme serve` (EXTRA appended); port() is 0 when it did not start.
  void Start(const std::vector<std::string>& extra = {}) {
    server_ = std::make_unique<ServeProcess>(data(), dir_.Sub("tokens.txt"), extra);
    client_ = server_->port() ? std::make_unique<HttpClient>(server_->port()) : nullptr;
  }
  uint16_t port() const { return server_ ? server_->port() : 0; }
  HttpClient& client() { return *client_; }
  // Registers a letter with command id `id`; the reply.
  HttpClient::Reply Register(const std::string& id) {
    return client_->Send(boost::beast::http::verb::post, "/v1/cases", token_, Registration(id));
  }
  // SIGTERM; the exit code of the clean stop.
  int Stop() {
    client_.reset();
    server_->child().Terminate();
    const int code = server_->child().Wait();
    server_.reset();
    return code;
  }
  void Kill9() {
    client_.reset();
    server_->child().Kill();
    server_.reset();
  }
  // `saqme serve` run to its end (it is killed after 20 s if it serves): exit code and output.
  std::pair<int, std::string> StartToTheEnd(const std::string& extra = "") const {
    return RunCommand("timeout 20 " + std::string(SAQME_BINARY) + " serve --data " + data() +
                      " --listen 127.0.0.1:0 --tokens " + dir_.Sub("tokens.txt") + " " + extra);
  }

 private:
  TempDir dir_;
  std::string token_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

// The last sequence `saqme verify` reports for `data` (0 when it does not verify).
uint64_t VerifiedHead(const std::string& data) {
  auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " verify --data " + data);
  const std::string marker = "chain intact through sequence ";
  const auto at = out.find(marker);
  if (code != 0 || at == std::string::npos) return 0;
  return std::stoull(out.substr(at + marker.size()));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Registers `n` letters with ids PREFIX-1..n; each must be created.
void RegisterAll(Served& served, const std::string& prefix, int n) {
  for (int i = 1; i <= n; ++i) {
    auto reply = served.Register(prefix + "-" + std::to_string(i));
    ASSERT_EQ(reply.status, 201) << reply.body;
  }
}

// Starts the server (EXTRA appended), registers `n` letters PREFIX-1..n and stops it cleanly.
void ServeAndRegister(Served& served, const std::string& prefix, int n,
                      const std::vector<std::string>& extra = {}) {
  served.Start(extra);
  ASSERT_NE(served.port(), 0);
  RegisterAll(served, prefix, n);
  ASSERT_EQ(served.Stop(), 0);
}

// The anchor recorded in the data directory `data` (or in the anchor file `data`).
Result<storage::HeadAnchor> RecordedAnchor(const std::string& data) {
  return storage::ParseAnchorFile(ReadFile(fs::is_directory(data) ? data + "/anchor" : data));
}

TEST(IntegrityTest, ATamperedTailIsNotServedAndReadOnlyServesItForReading) {
  Served served;
  served.Start();
  ASSERT_NE(served.port(), 0);
  auto first = served.Register("t-0");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string case_id(first.json().at("case_id").as_string());
  RegisterAll(served, "t", 5);
  ASSERT_EQ(served.Stop(), 0);
  const uint64_t head = VerifiedHead(served.data());
  ASSERT_GT(head, 3u);
  const std::string anchor_before = ReadFile(served.data() + "/anchor");
  ASSERT_FALSE(anchor_before.empty());
  {
    // One byte of the event before the head changed behind saqme's back: the head itself still
    // checks out, so only the walk of the tail finds it.
    saqme::testing::RawDb raw(served.data());
    std::string event = raw.Get(head - 1);
    event[event.size() / 2] ^= 0x01;
    raw.Put(head - 1, event);
  }
  auto [code, out] = served.StartToTheEnd();
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("does not verify at event " + std::to_string(head - 1)), std::string::npos)
      << out;
  EXPECT_NE(out.find("ჯაჭვი დარღვეულია"), std::string::npos) << out;
  EXPECT_NE(out.find("--read-only"), std::string::npos) << out;

  served.Start({"--read-only"});
  ASSERT_NE(served.port(), 0);
  auto read = served.client().Get("/v1/cases/" + case_id, served.token());
  EXPECT_EQ(read.status, 200) << read.body;
  auto refused = served.Register("t-new");
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.body.find("read-only"), std::string::npos) << refused.body;
  auto ready = served.client().Get("/ready", "");
  EXPECT_EQ(ready.status, 503) << ready.body;
  ASSERT_TRUE(ready.json().is_object()) << ready.body;
  EXPECT_NE(std::string(ready.json().at("reason").as_string()).find("does not verify"),
            std::string::npos)
      << ready.body;
  EXPECT_FALSE(ready.json().at("reason_ka").as_string().empty());
  EXPECT_EQ(served.client().Get("/health", "").status, 200);
  EXPECT_EQ(served.Stop(), 0);
  // Nothing was recorded: the anchor and the log's head are as before.
  EXPECT_EQ(ReadFile(served.data() + "/anchor"), anchor_before);
  auto [after, log] = RunCommand(std::string(SAQME_BINARY) + " log --data " + served.data());
  EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), static_cast<long>(head)) << log;
}

TEST(IntegrityTest, ALogCutBackIsNotServedAndItsCommandIdsAreNeverAnsweredAgain) {
  Served served;
  ASSERT_NO_FATAL_FAILURE(ServeAndRegister(served, "early", 3));
  // An older copy of the directory, taken while the server was stopped.
  fs::copy(served.data(), served.Sub("early-copy"), fs::copy_options::recursive);
  ASSERT_NO_FATAL_FAILURE(ServeAndRegister(served, "late", 3));
  const uint64_t head = VerifiedHead(served.data());
  auto anchor = RecordedAnchor(served.data());
  ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
  EXPECT_EQ(anchor->seq, head);  // the clean stop recorded the head
  // The older copy's files put back; the newer anchor stays.
  for (const auto& entry : fs::directory_iterator(served.data())) {
    if (entry.path().filename() != "anchor") fs::remove_all(entry.path());
  }
  for (const auto& entry : fs::directory_iterator(served.Sub("early-copy"))) {
    if (entry.path().filename() != "anchor") {
      fs::copy(entry.path(), served.data() / entry.path().filename());
    }
  }
  const uint64_t cut = VerifiedHead(served.data());
  ASSERT_GT(cut, 0u);
  ASSERT_LT(cut, head);  // the chain of the cut-back log verifies: only the anchor tells
  auto [code, out] = served.StartToTheEnd();
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("ends at event " + std::to_string(cut) + ", but its anchor says event " +
                     std::to_string(head)),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("დაკარგულია"), std::string::npos) << out;
  // Read-only: a retry of a lost command is refused, never recorded again under a reused
  // sequence (nor answered "duplicate").
  served.Start({"--read-only"});
  ASSERT_NE(served.port(), 0);
  auto retry = served.Register("late-1");
  EXPECT_EQ(retry.status, 503) << retry.body;
  EXPECT_NE(retry.body.find("are gone"), std::string::npos) << retry.body;
  EXPECT_EQ(served.Stop(), 0);
  EXPECT_EQ(VerifiedHead(served.data()), cut);
}

TEST(IntegrityTest, AnAnchorFileOnAnotherDiskCatchesAWholeOlderCopyOfTheDirectoryPutBack) {
  Served served;
  const std::string anchor_file = served.Sub("elsewhere-anchor");
  ASSERT_NO_FATAL_FAILURE(ServeAndRegister(served, "early", 2, {"--anchor-file", anchor_file}));
  fs::copy(served.data(), served.Sub("early-copy"), fs::copy_options::recursive);
  ASSERT_NO_FATAL_FAILURE(ServeAndRegister(served, "late", 2, {"--anchor-file", anchor_file}));
  EXPECT_FALSE(fs::exists(served.data() + "/anchor"));
  auto anchor = RecordedAnchor(anchor_file);
  ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
  EXPECT_EQ(anchor->seq, VerifiedHead(served.data()));
  // The whole older directory back in place, nothing of the newer one kept.
  fs::remove_all(served.data());
  fs::rename(served.Sub("early-copy"), served.data());
  auto [code, out] = served.StartToTheEnd("--anchor-file " + anchor_file);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("are gone"), std::string::npos) << out;
}

TEST(IntegrityTest, AnAnchorWhoseEventHasAnotherHashIsNotServed) {
  Served served;
  ASSERT_NO_FATAL_FAILURE(ServeAndRegister(served, "r", 2));
  auto anchor = RecordedAnchor(served.data());
  ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
  // The anchor of another log of the same length: a replaced or rewritten one.
  anchor->hash[0] ^= 0xff;
  std::ofstream(served.data() + "/anchor") << storage::FormatAnchorFile(anchor.value());
  auto [code, out] = served.StartToTheEnd();
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("another event than its anchor"), std::string::npos) << out;
  // A file that is not an anchor at all is not taken for one.
  std::ofstream(served.data() + "/anchor") << "12 34\n";
  std::tie(code, out) = served.StartToTheEnd();
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("anchor file"), std::string::npos) << out;
}

TEST(IntegrityTest, RestartsAfterCleanStopsAndKillNineStartAndTheAnchorFollowsTheHead) {
  Served served;
  int next = 0;
  for (int round = 0; round < 3; ++round) {
    served.Start();
    ASSERT_NE(served.port(), 0) << "round " << round;
    // Writing for a while: the anchor is rewritten each second under way.
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
    while (std::chrono::steady_clock::now() < until) {
      auto reply = served.Register("k-" + std::to_string(++next));
      ASSERT_EQ(reply.status, 201) << reply.body;
    }
    served.Kill9();
    const uint64_t head = VerifiedHead(served.data());
    auto anchor = RecordedAnchor(served.data());
    ASSERT_TRUE(anchor.ok()) << anchor.status().ToString();
    EXPECT_GT(anchor->seq, 0u);
    EXPECT_LE(anchor->seq, head);  // never ahead of the durable log
  }
  served.Start();
  ASSERT_NE(served.port(), 0);
  ASSERT_EQ(served.Register("k-last").status, 201);
  ASSERT_EQ(served.Stop(), 0);
  auto anchor = RecordedAnchor(served.data());
  ASSERT_TRUE(anchor.ok());
  EXPECT_EQ(anchor->seq, VerifiedHead(served.data()));
  served.Start();
  EXPECT_NE(served.port(), 0);
  EXPECT_EQ(served.client().Get("/ready", "").status, 200);
}

// A tmpfs of `kb` KiB at a fresh directory, unmounted at the end; mounted() is false where
// mounting is not permitted (not root, or in a container without CAP_SYS_ADMIN).
class SmallFilesystem {
 public:
  explicit SmallFilesystem(int kb) {
    mounted_ = ::mount("tmpfs", dir_.path().c_str(), "tmpfs", 0,
                       ("size=" + std::to_string(kb) + "k").c_str()) == 0;
  }
  ~SmallFilesystem() {
    if (mounted_) ::umount2(dir_.path().c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  std::string Sub(const std::string& name) const { return dir_.Sub(name); }
  // Writes a file until the filesystem is full.
  void Fill() {
    std::ofstream out(Sub("filler"), std::ios::binary);
    const std::string block(4096, 'x');
    while (out.write(block.data(), block.size())) {
    }
  }
  void Free() { fs::remove(Sub("filler")); }

 private:
  TempDir dir_;
  bool mounted_ = false;
};

// `saqme serve` on `data` run to its end (killed after 20 s if it serves).
std::pair<int, std::string> ServeToTheEnd(const std::string& data, const std::string& tokens) {
  return RunCommand("timeout 20 " + std::string(SAQME_BINARY) + " serve --data " + data +
                    " --listen 127.0.0.1:0 --tokens " + tokens);
}

TEST(IntegrityTest, StartingOnAFullFilesystemExitsTwoWithAMessage) {
  TempDir tokens_dir;
  const std::string tokens = tokens_dir.Sub("tokens.txt");
  api::TokenStore::Add(tokens, "org-records").value();
  for (int kb : {16, 48, 64, 200}) {
    SmallFilesystem small(kb);
    if (!small.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here";
    auto [code, out] = ServeToTheEnd(small.Sub("data"), tokens);
    EXPECT_EQ(code, 2) << kb << " KiB: " << out;  // 134 was SIGABRT on RocksDB's assertion
    EXPECT_NE(out.find("is full"), std::string::npos) << kb << " KiB: " << out;
    EXPECT_NE(out.find("ადგილი აღარ არის"), std::string::npos) << kb << " KiB: " << out;
  }
  // An existing log on a filesystem that filled up while the server was stopped.
  SmallFilesystem small(4096);
  ASSERT_TRUE(small.mounted());
  {
    ServeProcess server(small.Sub("data"), tokens);
    ASSERT_NE(server.port(), 0);
    server.child().Terminate();
    ASSERT_EQ(server.child().Wait(), 0);
  }
  small.Fill();
  auto [code, out] = ServeToTheEnd(small.Sub("data"), tokens);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("is full"), std::string::npos) << out;
  small.Free();
  EXPECT_GT(VerifiedHead(small.Sub("data")), 0u);
}

TEST(IntegrityTest, AFilesystemFillingWhileServingStopsTheWriterAndLosesNothingAcknowledged) {
  SmallFilesystem small(4096);
  if (!small.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here";
  TempDir tokens_dir;
  const std::string tokens = tokens_dir.Sub("tokens.txt");
  const std::string token = api::TokenStore::Add(tokens, "org-records").value();
  std::vector<std::string> acknowledged;
  {
    ServeProcess server(small.Sub("data"), tokens);
    ASSERT_NE(server.port(), 0);
    HttpClient client(server.port());
    for (int i = 0; i < 5; ++i) {
      auto reply = client.Send(boost::beast::http::verb::post, "/v1/cases", token,
                               Registration("f-" + std::to_string(i)));
      ASSERT_EQ(reply.status, 201) << reply.body;
      acknowledged.push_back(std::string(reply.json().at("case_id").as_string()));
    }
    small.Fill();
    int refused = 0;
    for (int i = 5; i < 200 && refused == 0; ++i) {
      auto reply = client.Send(boost::beast::http::verb::post, "/v1/cases", token,
                               Registration("f-" + std::to_string(i)));
      if (reply.status == 201) {
        acknowledged.push_back(std::string(reply.json().at("case_id").as_string()));
      } else {
        EXPECT_EQ(reply.status, 503) << reply.body;
        ++refused;
      }
    }
    ASSERT_EQ(refused, 1) << "no write failed on the full filesystem";
    auto ready = client.Get("/ready", "");
    EXPECT_EQ(ready.status, 503) << ready.body;
    EXPECT_EQ(client.Get("/health", "").status, 200);
    EXPECT_EQ(client.Get("/v1/cases/" + acknowledged.front(), token).status, 200);
    server.child().Terminate();
    EXPECT_EQ(server.child().Wait(), 0);  // a clean stop, no assertion
  }
  small.Free();
  ServeProcess server(small.Sub("data"), tokens);
  ASSERT_NE(server.port(), 0);
  HttpClient client(server.port());
  for (const auto& case_id : acknowledged) {
    EXPECT_EQ(client.Get("/v1/cases/" + case_id, token).status, 200) << case_id;
  }
  auto again =
      client.Send(boost::beast::http::verb::post, "/v1/cases", token, Registration("f-after"));
  EXPECT_EQ(again.status, 201) << again.body;
}

// Every directory under `root` is 0700 and every file 0600 or stricter; names what is not.
std::string WiderThanOwner(const std::string& root) {
  std::string wider;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const auto mode = entry.status().permissions();
    if ((mode & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
      wider += entry.path().string() + " ";
    }
  }
  return wider;
}

mode_t ModeOf(const std::string& path) {
  struct stat st {};
  ::stat(path.c_str(), &st);
  return st.st_mode & 0777;
}

TEST(IntegrityTest, EverythingCreatedInTheDataDirectoryIsOwnerOnly) {
  TempDir dir;
  const std::string data = dir.Sub("data");
  // The first start of a new directory on the demonstration chart writes tokens and users.
  {
    ServeProcess server(data, "");
    ASSERT_NE(server.port(), 0);
    server.child().Terminate();
    ASSERT_EQ(server.child().Wait(), 0);
  }
  for (const char* name : {"tokens.txt", "users.txt", "access-log.jsonl", "anchor", "CURRENT"}) {
    EXPECT_TRUE(fs::exists(data + "/" + name)) << name;
  }
  auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " user add --data " + data +
                                " --login clerk2 --post org-records --name 'ნინო ბერიძე'");
  EXPECT_EQ(code, 0) << out;
  std::tie(code, out) = RunCommand(std::string(SAQME_BINARY) + " backup --data " + data + " --to " +
                                   dir.Sub("backups"));
  EXPECT_EQ(code, 0) << out;
  std::tie(code, out) = RunCommand(std::string(SAQME_BINARY) + " restore --from " +
                                   dir.Sub("backups") + " --data " + dir.Sub("restored"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(ModeOf(data), 0700u);
  EXPECT_EQ(WiderThanOwner(data), "");
  EXPECT_EQ(WiderThanOwner(dir.Sub("backups")), "");
  EXPECT_EQ(WiderThanOwner(dir.Sub("restored")), "");
}

TEST(IntegrityTest, TokenAddAndServeTightenAnExistingDirectoryAndTokensFile) {
  TempDir dir;
  const std::string data = dir.Sub("data");
  {
    ServeProcess server(data, "");
    ASSERT_NE(server.port(), 0);
  }
  // As a directory made by an older saqme, or by hand, would be.
  fs::permissions(data, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
  for (const auto& entry : fs::directory_iterator(data)) {
    if (entry.is_regular_file()) ::chmod(entry.path().c_str(), 0644);
  }
  auto [code, out] =
      RunCommand(std::string(SAQME_BINARY) + " token add --data " + data + " --post chair");
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(ModeOf(data + "/tokens.txt"), 0600u);
  ASSERT_EQ(ModeOf(data + "/users.txt"), 0644u);
  ServeProcess server(data, "");
  ASSERT_NE(server.port(), 0);
  EXPECT_EQ(ModeOf(data), 0700u);
  EXPECT_EQ(WiderThanOwner(data), "");
}

}  // namespace
}  // namespace saqme
