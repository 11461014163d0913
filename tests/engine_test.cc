// The engine: commands decided and recorded with their views in one batch; journals gapless;
// inboxes and the deadline index follow the cases; retries, conflicts, unknown cases; and the
// live views equal a rebuild from the log.
#include <atomic>
#include <cstring>
#include <thread>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "api/outcome_json.h"
#include "engine/engine.h"
#include "engine/search.h"
#include "engine/view_reader.h"
#include "model/event_json.h"
#include "projection/case_snapshot.h"
#include "projection/projection.h"
#include "projection/views.h"
#include "replay/view_rebuild.h"
#include "tests/rebuild_util.h"
#include "tests/test_util.h"

namespace saqme::engine {
namespace {

using C = schema::Command::Builder;
using Fill = std::function<void(C)>;

// 2026-11-02T10:00:00+04:00, a Monday; tests move it.
constexpr int64_t kMonday = 1793599200000;
constexpr int64_t kDay = 86400000;

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }
  void Open() {
    EngineOptions options;
    options.clock = [this] { return now_.load(); };
    auto engine = Engine::Open(dir_.path(), options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine.value());
  }
  Result<Outcome> Run(const std::string& post, const std::string& case_id, const Fill& fill,
                      std::optional<uint32_t> expected = std::nullopt,
                      std::string command_id = "") {
    capnp::MallocMessageBuilder message;
    fill(message.initRoot<schema::Command>());
    auto words = capnp::messageToFlatArray(message);
    Submission submission;
    submission.case_id = case_id;
    submission.expected_version = expected;
    submission.command_id = command_id.empty() ? "cmd-" + std::to_string(++commands_) : command_id;
    submission.actor_post = post;
    submission.command = kj::heapArray<capnp::word>(words.asPtr());
    return engine_->Execute(std::move(submission));
  }
  // The command must be applied.
  Outcome Apply(const std::string& post, const std::string& case_id, const Fill& fill) {
    auto result = Run(post, case_id, fill);
    EXPECT_TRUE(result.ok()) << result.status().ToString();
    if (!result.ok()) return {};
    EXPECT_FALSE(result->refused) << post << ": " << result->refusal.message_en;
    return std::move(result.value());
  }
  // The committed views, as a reader sees them.
  ViewReader Views() const { return ViewReader(engine_->log()); }
  std::string State(const std::string& case_id) {
    auto view = Views().Case(case_id);
    return view.ok() ? std::string(view->at("state").as_string()) : "missing";
  }
  std::vector<std::string> InboxCases(const std::string& post) {
    std::vector<std::string> cases;
    auto inbox = Views().Inbox(post);
    EXPECT_TRUE(inbox.ok());
    for (const auto& item : inbox.value()) {
      cases.emplace_back(item.at("case_id").as_string());
    }
    return cases;
  }

  static Fill Register(schema::IncomingKind kind, const char* addressee) {
    return [=](C c) {
      auto r = c.initRegisterIncoming();
      r.setKind(kind);
      r.setChannel("post");
      r.initSender().setName("ნინო ბერიძე");
      r.setSubject("მიწის ნაკვეთის შესახებ");
      r.setPages(1);
      r.setReceivedOn("2026-11-02");
      r.setAddressee(addressee);
    };
  }
  static Fill Resolve(const char* lead) {
    return [=](C c) { c.initAssignResolution().setLeadExecutor(lead); };
  }

  saqme::testing::TempDir dir_;
  std::atomic<int64_t> now_{kMonday};
  int commands_ = 0;
  std::unique_ptr<Engine> engine_;
};

TEST_F(EngineTest, AnApplicationFromRegistrationToFilingWithItsViews) {
  Apply("chair", "nomenclature-2026", [](C c) {
    auto r = c.initApproveNomenclature();
    r.setYear(2026);
    r.initFiles(1)[0].setCode("02-01");
    r.getFiles()[0].setTitle("მოქალაქეთა განცხადებები");
  });
  auto registered =
      Apply("org-records", "app-1", Register(schema::IncomingKind::APPLICATION, "apparatus-head"));
  EXPECT_EQ(registered.version, 1u);
  ASSERT_EQ(registered.events.size(), 1u);
  EXPECT_EQ(api::EventsJson(registered)[0].at("type").as_string(), "incoming_registered");
  auto view = Views().Case("app-1").value();
  EXPECT_EQ(view.at("registration_number").as_string(), "1");
  EXPECT_EQ(view.at("due").as_string(), "2026-12-02");
  EXPECT_EQ(InboxCases("apparatus-head"), (std::vector<std::string>{"app-1"}));
  EXPECT_EQ(Views().DeadlinesThrough("2026-12-02").value().size(), 1u);
  EXPECT_EQ(Views().DeadlinesThrough("2026-12-01").value().size(), 0u);

  Apply("apparatus-head", "app-1", Resolve("sec-legal"));
  EXPECT_TRUE(InboxCases("apparatus-head").empty());
  EXPECT_EQ(InboxCases("sec-legal"), (std::vector<std::string>{"app-1"}));
  now_ += kDay;
  Apply("sec-legal", "app-1", [](C c) { c.setConfirmReceipt(); });
  Apply("sec-legal", "app-1", [](C c) { c.initDraftAnswer().setText("ასლი გაიცემა"); });
  Apply("sec-head", "app-1", [](C c) { c.initEndorse(); });
  Apply("apparatus-head", "app-1",
        [](C c) { c.initDecide().setOutcome(schema::Outcome::GRANTED); });
  Apply("apparatus-head", "app-1", [](C c) { c.setSign(); });
  EXPECT_EQ(InboxCases("org-records"), (std::vector<std::string>{"app-1"}));  // to dispatch
  Apply("org-records", "app-1", [](C c) { c.initDispatch().setChannel("post"); });
  EXPECT_EQ(State("app-1"), "answered");
  EXPECT_EQ(Views().DeadlinesThrough("2030-01-01").value().size(), 0u);  // answered: closed
  Apply("org-records", "app-1", [](C c) { c.initFile().setNomenclatureCode("02-01"); });
  EXPECT_EQ(State("app-1"), "filed");
  EXPECT_TRUE(InboxCases("org-records").empty());

  auto incoming = Views().Journal("incoming", 2026).value();
  ASSERT_EQ(incoming.size(), 1u);
  EXPECT_EQ(incoming[0].at("sender").as_string(), "ნინო ბერიძე");
  EXPECT_EQ(Views().Journal("delivery", 2026).value()[0].at("executor").as_string(), "sec-legal");
  EXPECT_EQ(Views().Journal("outgoing", 2026).value().size(), 1u);
  EXPECT_EQ(Views().Journal("postal", 2026).value().size(), 1u);
}

TEST_F(EngineTest, JournalNumbersAreSequentialAndARefusalConsumesNone) {
  for (int i = 1; i <= 5; ++i) {
    if (i == 3) {  // a refused registration in the middle: an addressee who cannot resolve
      auto refused =
          Run("org-records", "bad", Register(schema::IncomingKind::CORRESPONDENCE, "info-press"));
      ASSERT_TRUE(refused.ok());
      EXPECT_TRUE(refused->refused);
      EXPECT_FALSE(refused->refusal.message_ka.empty());
    }
    Apply("org-records", "in-" + std::to_string(i),
          Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  }
  Apply("org-records", "pi-1",
        Register(schema::IncomingKind::PUBLIC_INFORMATION, "apparatus-head"));
  auto incoming = Views().Journal("incoming", 2026).value();
  ASSERT_EQ(incoming.size(), 6u);
  for (size_t i = 0; i < incoming.size(); ++i)
    EXPECT_EQ(incoming[i].at("number").as_int64(), int64_t(i + 1));
  auto register_ = Views().Journal("public_information", 2026).value();
  ASSERT_EQ(register_.size(), 1u);
  EXPECT_EQ(register_[0].at("number").as_int64(), 1);
  EXPECT_EQ(register_[0].at("incoming_number").as_string(), "6");
  EXPECT_EQ(Views().Case("bad").status().code(), Status::Code::kNotFound);  // nothing written
}

TEST_F(EngineTest, RetriesConflictsUnknownCasesAndBadInput) {
  auto first = Run("org-records", "c-1", Register(schema::IncomingKind::CORRESPONDENCE, "chair"),
                   std::nullopt, "client-42");
  ASSERT_TRUE(first.ok());
  auto retry = Run("org-records", "c-1", Register(schema::IncomingKind::CORRESPONDENCE, "chair"),
                   std::nullopt, "client-42");
  ASSERT_TRUE(retry.ok());
  EXPECT_TRUE(retry->duplicate);
  EXPECT_EQ(retry->first_seq, first->first_seq);
  ASSERT_EQ(retry->events.size(), 1u);
  EXPECT_EQ(api::EventsJson(retry.value())[0].at("hash"),
            api::EventsJson(first.value())[0].at("hash"));
  EXPECT_EQ(Views().Journal("incoming", 2026).value().size(), 1u);

  auto stale = Run("chair", "c-1", Resolve("info-analytics"), 0u);
  EXPECT_EQ(stale.status().code(), Status::Code::kConflict);
  EXPECT_NE(stale.status().message().find("at version 1"), std::string::npos);
  EXPECT_TRUE(Run("chair", "c-1", Resolve("info-analytics"), 1u).ok());

  EXPECT_EQ(Run("chair", "no-such-case", Resolve("info-analytics")).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(Run("chair", "bad id!", Resolve("info-analytics")).status().code(),
            Status::Code::kInvalidArgument);

  Submission garbage;
  garbage.case_id = "c-1";
  garbage.command_id = "garbage";
  garbage.actor_post = "chair";
  garbage.command = kj::heapArray<capnp::word>(3);
  std::memset(reinterpret_cast<char*>(garbage.command.begin()), 0xab, 3 * sizeof(capnp::word));
  EXPECT_EQ(engine_->Execute(std::move(garbage)).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(State("c-1"), "resolved");  // and the engine still serves
}

// A command id stands for one command from one post: in the same group commit (the record is
// only staged) and after a restart (it is read from the `commands` family) alike.
TEST_F(EngineTest, AReusedCommandIdIsRefusedInTheSameGroupAndAfterARestart) {
  auto submission = [&](const std::string& post, const Fill& fill) {
    capnp::MallocMessageBuilder message;
    fill(message.initRoot<schema::Command>());
    auto words = capnp::messageToFlatArray(message);
    Submission s;
    s.case_id = "c-7";
    s.command_id = "client-7";
    s.actor_post = post;
    s.command = kj::heapArray<capnp::word>(words.asPtr());
    return s;
  };
  const Fill letter = Register(schema::IncomingKind::CORRESPONDENCE, "chair");
  const Fill other = [&](C c) {
    letter(c);
    c.getRegisterIncoming().setSubject("სხვა საკითხი");
  };
  std::vector<Submission> group;
  group.push_back(submission("org-records", letter));
  group.push_back(submission("org-records", other));
  group.push_back(submission("org-records", letter));
  auto results = engine_->ExecuteAll(std::move(group));
  ASSERT_EQ(results.size(), 3u);
  ASSERT_TRUE(results[0].ok());
  EXPECT_FALSE(results[0]->duplicate);
  EXPECT_EQ(results[1].status().code(), Status::Code::kConflict);
  EXPECT_EQ(results[1].status().reason(), "command_id_reused");
  ASSERT_TRUE(results[2].ok()) << results[2].status().ToString();
  EXPECT_TRUE(results[2]->duplicate);
  EXPECT_EQ(Views().Journal("incoming", 2026).value().size(), 1u);

  engine_.reset();
  Open();
  auto by_chair = engine_->Execute(submission("chair", letter));
  EXPECT_EQ(by_chair.status().reason(), "command_id_reused");
  EXPECT_NE(by_chair.status().message().find("register_incoming on case c-7 by org-records"),
            std::string::npos)
      << by_chair.status().message();
  auto retried = engine_->Execute(submission("org-records", letter));
  ASSERT_TRUE(retried.ok());
  EXPECT_TRUE(retried->duplicate);
  EXPECT_EQ(retried->first_seq, results[0]->first_seq);
}

TEST_F(EngineTest, RacingClientsOnOneCaseGetOneWinnerPerVersion) {
  Apply("org-records", "race", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  std::atomic<int> wins{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      auto r = Run("chair", "race", Resolve("info-analytics"), 1u, "");
      if (r.ok() && !r->refused) ++wins;
      if (!r.ok() && r.status().code() == Status::Code::kConflict) ++conflicts;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
}

TEST_F(EngineTest, LiveViewsEqualARebuildFromTheLogAlsoAfterReopening) {
  for (int i = 0; i < 12; ++i) {
    const std::string id = "case-" + std::to_string(i);
    const auto kind = static_cast<schema::IncomingKind>(i % 4);
    Apply("org-records", id, Register(kind, i % 4 == 3 ? "chair" : "apparatus-head"));
    if (i % 3 == 0) continue;
    Apply(i % 4 == 3 ? "chair" : "apparatus-head", id, Resolve("info-public"));
    now_ += kDay / 2;
    if (i % 3 == 1) Apply("info-public", id, [](C c) { c.setConfirmReceipt(); });
  }
  Apply("org-head", "task-1", [](C c) {
    auto r = c.initIssueAssignment();
    r.setAssignee("org-records");
    r.setInstruction("ანგარიში");
    r.setDue("2026-11-20");
  });
  auto live = testing::LiveViews(*engine_);
  EXPECT_EQ(live, testing::RebuiltViews(*engine_));
  // 12 documents, the assignment and the org case (its orgChartAdopted is the log's first event),
  // which is no document to search for.
  EXPECT_EQ(live.at(kCasesView).size(), 14u);
  EXPECT_EQ(live.at(kSearchView).size(), 13u);  // the search view too (engine/search.h)
  engine_.reset();
  Open();  // a cold cache: states come from the log
  Apply("org-records", "task-1", [](C c) { c.setAccept(); });
  EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_));
  EXPECT_TRUE(engine_->log().Verify().ok);
}

// A case the cache does not hold is taken from its state snapshot (its view_cases entry,
// projection/case_snapshot.h), written in the batch of its last command; an entry that is no
// snapshot is passed over and the state evolved from the case's events instead.
TEST_F(EngineTest, ACaseTheCacheLacksIsTakenFromItsSnapshotOrItsEvents) {
  Apply("org-records", "marked", Register(schema::IncomingKind::APPLICATION, "chair"));
  Apply("org-records", "damaged", Register(schema::IncomingKind::APPLICATION, "chair"));
  auto* db = engine_->log().db();
  std::string bytes;
  ASSERT_TRUE(
      db->Get(rocksdb::ReadOptions(), engine_->log().family(kCasesView), "marked", &bytes).ok());
  workflows::CaseState state;
  ASSERT_TRUE(DecodeCaseSnapshot(bytes, &state));
  EXPECT_EQ(state.version, 1u);
  EXPECT_EQ(state.subject, "მიწის ნაკვეთის შესახებ");
  // A reader renders the case view from it.
  EXPECT_EQ(Views().Case("marked").value(), CaseView(state));
  engine_.reset();
  Open();  // a cold cache
  // Which of the two the engine read shows in the views the next command projects: a marked
  // snapshot's subject, or the log's.
  state.subject = "from the snapshot";
  db = engine_->log().db();
  auto* cases = engine_->log().family(kCasesView);
  ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), cases, "marked", EncodeCaseSnapshot(state)).ok());
  ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), cases, "damaged", "not a snapshot").ok());
  EXPECT_EQ(Views().Case("damaged").status().code(), Status::Code::kCorruption);
  // A reader's state of the case (the API's access check and case view) comes the same way.
  EXPECT_EQ(engine_->State("marked")->subject, "from the snapshot");
  EXPECT_EQ(engine_->State("damaged")->subject, "მიწის ნაკვეთის შესახებ");
  EXPECT_EQ(engine_->State("damaged")->version, 1u);
  EXPECT_EQ(engine_->State("nothing-here").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(engine_->State("no such id!").status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(Apply("chair", "marked", Resolve("info-public")).version, 2u);
  EXPECT_EQ(Apply("chair", "damaged", Resolve("info-public")).version, 2u);
  EXPECT_EQ(Views().Case("marked")->at("subject").as_string(), "from the snapshot");
  EXPECT_EQ(Views().Case("damaged")->at("subject").as_string(), "მიწის ნაკვეთის შესახებ");
  EXPECT_EQ(State("damaged"), "resolved");  // the command wrote a good entry again

  // A snapshot of another version than the log's last (an older binary wrote the case's later
  // events, or damage) is not trusted: the case is replayed, and the next command takes the
  // next version, never one the log already holds.
  workflows::CaseState stale = state;
  stale.version = 1;
  stale.subject = "stale";
  engine_.reset();
  Open();
  ASSERT_TRUE(engine_->log()
                  .db()
                  ->Put(rocksdb::WriteOptions(), engine_->log().family(kCasesView), "damaged",
                        EncodeCaseSnapshot(stale))
                  .ok());
  EXPECT_EQ(engine_->State("damaged")->version, 2u);
  EXPECT_EQ(engine_->State("damaged")->subject, "მიწის ნაკვეთის შესახებ");
  EXPECT_EQ(Apply("info-public", "damaged", [](C c) { c.setConfirmReceipt(); }).version, 3u);
  EXPECT_EQ(engine_->log().CaseVersion("damaged").value(), 3u);
  EXPECT_TRUE(engine_->log().Verify().ok);
}

// A log whose views are of an older format than the binary's (kViewFormat: case entries that
// are the case view's JSON, no snapshots) runs on its events and reads its old entries without
// the upgrade hook, and has its views rebuilt when opened with it; a new log starts of the
// current format.
TEST_F(EngineTest, AnOlderLogRunsOnItsEventsAndIsUpgradedWhenOpenedWithTheHook) {
  auto format = [this] {
    std::string value;
    auto read = engine_->log().db()->Get(rocksdb::ReadOptions(), engine_->log().meta_family(),
                                         kViewFormatKey, &value);
    return read.ok() ? value : "absent";
  };
  EXPECT_EQ(format(), std::to_string(kViewFormat));
  for (const char* id : {"first", "second", "third"}) {
    Apply("org-records", id, Register(schema::IncomingKind::APPLICATION, "chair"));
  }
  // As the format before snapshots left it: no view_format, the case views' JSON.
  auto* db = engine_->log().db();
  auto* cases = engine_->log().family(kCasesView);
  auto old_entries = [&] {
    size_t json = 0;
    std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cases));
    for (it->SeekToFirst(); it->Valid(); it->Next()) json += it->value().starts_with("{");
    return json;
  };
  EXPECT_EQ(testing::MakeViewsOfTheFormatBeforeSnapshots(engine_->log()), 4u);
  EXPECT_EQ(old_entries(), 4u);
  engine_.reset();
  Open();
  EXPECT_EQ(format(), "absent");
  EXPECT_EQ(State("second"), "registered");                                // read as it was
  EXPECT_EQ(Apply("chair", "first", Resolve("info-public")).version, 2u);  // from its events
  EXPECT_EQ(
      Apply("org-records", "fourth", Register(schema::IncomingKind::APPLICATION, "chair")).version,
      1u);
  db = engine_->log().db();
  cases = engine_->log().family(kCasesView);
  EXPECT_EQ(old_entries(), 3u);  // "first" has its snapshot now, "fourth" was born with one

  engine_.reset();
  int upgrades = 0;
  EngineOptions options;
  options.clock = [this] { return now_.load(); };
  options.upgrade_views = [&upgrades](storage::EventLog& log) {
    ++upgrades;
    return replay::UpgradeViews(log, replay::ViewSetup{});
  };
  auto opened = Engine::Open(dir_.path(), options);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  engine_ = std::move(opened.value());
  EXPECT_EQ(upgrades, 1);
  EXPECT_EQ(format(), std::to_string(kViewFormat));
  db = engine_->log().db();
  cases = engine_->log().family(kCasesView);
  EXPECT_EQ(old_entries(), 0u);
  EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_));
  EXPECT_EQ(Apply("chair", "second", Resolve("info-public")).version, 2u);
  engine_.reset();
  opened = Engine::Open(dir_.path(), options);
  ASSERT_TRUE(opened.ok());
  engine_ = std::move(opened.value());
  EXPECT_EQ(upgrades, 1);  // of the current format now: not rebuilt again
  EXPECT_EQ(Apply("chair", "third", Resolve("info-public")).version, 2u);

  // Views of a newer format than this binary's are refused, in both languages, not upgraded.
  ASSERT_TRUE(engine_->log()
                  .db()
                  ->Put(rocksdb::WriteOptions(), engine_->log().meta_family(), kViewFormatKey,
                        std::to_string(kViewFormat + 1))
                  .ok());
  engine_.reset();
  auto newer = Engine::Open(dir_.path(), options);
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(newer.status().message().find("newer than this saqme's"), std::string::npos);
  EXPECT_FALSE(newer.status().message_ka().empty());
  EXPECT_EQ(upgrades, 1);
}

// Under the smallest memory budget the sequencer's caches hold a small part of the cases: states
// and versions are evicted least recently used first, never cleared, never above their share
// (storage/memory_budget.h). A case evicted comes back from the log as it was: its next commands
// (in groups that also stage other commands on the same case, and refused ones) apply at the
// right version, and the live views equal a rebuild, also after reopening.
TEST_F(EngineTest, UnderATinyBudgetEvictedCasesComeBackFromTheLogAsTheyWere) {
  engine_.reset();
  EngineOptions options;
  options.clock = [this] { return now_.load(); };
  options.memory_budget_mb = storage::MemoryBudget::kMinimumMegabytes;
  engine_ = std::move(Engine::Open(dir_.path(), options).value());
  const std::string summary(1500, 's');  // states of some 2 KB: a few thousand fill 4 MB
  auto submission = [&](const std::string& post, const std::string& case_id, const Fill& fill,
                        std::optional<uint32_t> expected) {
    capnp::MallocMessageBuilder message;
    fill(message.initRoot<schema::Command>());
    Submission s;
    s.case_id = case_id;
    s.expected_version = expected;
    s.command_id = "cmd-" + std::to_string(++commands_);
    s.actor_post = post;
    s.command = kj::heapArray<capnp::word>(capnp::messageToFlatArray(message).asPtr());
    return s;
  };
  constexpr int kCases = 4000, kGroup = 250;
  auto id = [](int i) { return "letter-" + std::to_string(i); };
  for (int first = 0; first < kCases; first += kGroup) {
    std::vector<Submission> group;
    for (int i = first; i < first + kGroup; ++i) {
      group.push_back(submission(
          "org-records", id(i),
          [&](C c) {
            Register(schema::IncomingKind::CORRESPONDENCE, "chair")(c);
            c.getRegisterIncoming().setSummary(summary);
          },
          0u));
    }
    for (auto& answer : engine_->ExecuteAll(std::move(group))) {
      ASSERT_TRUE(answer.ok()) << answer.status().ToString();
      ASSERT_FALSE(answer->refused) << answer->refusal.message_en;
    }
    const auto stats = engine_->cache_stats();
    ASSERT_LE(stats.state_bytes, stats.state_capacity);
    ASSERT_LE(stats.version_bytes, stats.version_capacity);
  }
  const auto filled = engine_->cache_stats();
  EXPECT_EQ(filled.state_capacity, 4u << 20);  // a quarter of 16 MB
  EXPECT_GT(filled.state_evictions, 0u);
  EXPECT_LT(filled.states, size_t{kCases});
  EXPECT_GT(filled.states, 500u);  // evicted one by one, not cleared
  EXPECT_GT(filled.state_bytes, filled.state_capacity / 2);

  // Every case again, oldest first (evicted) to newest (cached), two commands of the same case
  // in one group: the resolution (staged over the loaded state), then one expecting the version
  // before it (refused: the staged state counts), then the receipt on the staged state.
  for (int first = 0; first < kCases; first += kGroup) {
    std::vector<Submission> group;
    for (int i = first; i < first + kGroup; ++i) {
      group.push_back(submission("chair", id(i), Resolve("info-public"), 1u));
      group.push_back(submission("chair", id(i), Resolve("info-public"), 1u));
      group.push_back(submission(
          "info-public", id(i), [](C c) { c.setConfirmReceipt(); }, 2u));
    }
    auto answers = engine_->ExecuteAll(std::move(group));
    for (size_t k = 0; k < answers.size(); ++k) {
      if (k % 3 == 1) {
        ASSERT_FALSE(answers[k].ok());
        EXPECT_EQ(answers[k].status().code(), Status::Code::kConflict);
        continue;
      }
      ASSERT_TRUE(answers[k].ok()) << answers[k].status().ToString();
      ASSERT_FALSE(answers[k]->refused) << answers[k]->refusal.message_en;
      EXPECT_EQ(answers[k]->version, k % 3 == 0 ? 2u : 3u);
    }
  }
  for (int i = 0; i < kCases; i += 97) EXPECT_EQ(State(id(i)), "in_execution") << id(i);
  EXPECT_LE(engine_->cache_stats().state_bytes, engine_->cache_stats().state_capacity);
  EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_));
  engine_.reset();
  engine_ = std::move(Engine::Open(dir_.path(), options).value());
  Apply("info-public", id(0), [](C c) { c.initDraftAnswer().setText("პასუხი"); });
  EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_));
}

// The deadline watch through the engine: a month of daily ticks over mixed cases, with a
// declared day off and a restart. Every tick is idempotent, a restart forgets no day off, and the
// live views (watch index, alert feeds, control counters) equal a rebuild.
TEST_F(EngineTest, TheWatchIsIdempotentSurvivesRestartsAndItsViewsEqualARebuild) {
  for (int i = 0; i < 16; ++i) {
    const std::string id = "case-" + std::to_string(i);
    const auto kind = static_cast<schema::IncomingKind>(i % 4);
    Apply("org-records", id, Register(kind, i % 4 == 3 ? "chair" : "apparatus-head"));
    if (i % 4 == 0) continue;  // stays with the addressee
    Apply(i % 4 == 3 ? "chair" : "apparatus-head", id,
          Resolve(i % 2 ? "info-public" : "org-records"));
  }
  Apply("org-head", "task-1", [](C c) {
    auto r = c.initIssueAssignment();
    r.setAssignee("org-records");
    r.setInstruction("ანგარიში");
    r.setDue("2026-11-20");
  });
  // An application of 4 November, due on Friday 4 December: the declaration below does not move
  // its deadline but moves its first reminder (three working days before) from 1 December to
  // 30 November; the live watch index keeps the entry it computed before the declaration.
  now_ += 2 * kDay;
  Apply("org-records", "application-dec4", [](C c) {
    auto r = c.initRegisterIncoming();
    r.setKind(schema::IncomingKind::APPLICATION);
    r.setChannel("post");
    r.initSender().setName("თამარ კაკაბაძე");
    r.setSubject("ცნობის გაცემა");
    r.setPages(1);
    r.setReceivedOn("2026-11-04");
    r.setAddressee("apparatus-head");
  });
  EXPECT_EQ(Views().Case("application-dec4")->at("due"), "2026-12-04");
  // Letters of 2 November are due on Wednesday 2 December; declare that day off.
  EXPECT_EQ(Views().Case("case-1")->at("due"), "2026-12-02");
  auto declared = Apply("chair", workflows::kCalendarCaseId, [](C c) {
    auto r = c.initDeclareDayOff();
    r.setDate("2026-12-02");
    r.setName("Government decree (test)");
  });
  EXPECT_GT(declared.events.size(), 1u);  // the declaration and the recomputations
  EXPECT_EQ(Views().Case("case-1")->at("due"), "2026-12-03");
  // A rebuild projects untouched cases once, from their final state: equal right after the
  // declaration too, when some cases' last events were under the calendar before it.
  EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_));

  uint64_t alerts = 0;
  for (int day = 0; day < 45; ++day) {
    now_ += kDay;
    auto first = engine_->Watch();
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    alerts += first->events;
    auto second = engine_->Watch();
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second->events, 0u) << "day " << day;
    if (day % 7 == 3) {
      EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_)) << "day " << day;
    }
    if (day == 18) {  // Monday 23 November, a restart: the log, not memory, knows what was sent
      engine_.reset();
      Open();
      EXPECT_EQ(engine_->Watch()->events, 0u);
      // The declared day off is still in force for new deadlines (10 days from 22 November).
      Apply("org-records", "late-request", [](C c) {
        auto r = c.initRegisterIncoming();
        r.setKind(schema::IncomingKind::PUBLIC_INFORMATION);
        r.setChannel("email");
        r.initSender().setName("ლევან გელაშვილი");
        r.setSubject("საჯარო ინფორმაცია");
        r.setPages(1);
        r.setReceivedOn("2026-11-22");
        r.setAddressee("apparatus-head");
      });
      EXPECT_EQ(Views().Case("late-request")->at("due"), "2026-12-03");
    }
  }
  EXPECT_GT(alerts, 40u);
  auto live = testing::LiveViews(*engine_);
  EXPECT_GT(live[kAlertsView].size(), 40u);
  EXPECT_EQ(live, testing::RebuiltViews(*engine_));
  EXPECT_TRUE(engine_->log().Verify().ok);
}

// The chart is the log's: adopted first, changed by an org command, the same after a reopen, and
// the deadline watch's alerts for the absent head go to the post the log says acts for it.
TEST_F(EngineTest, TheChartComesFromTheLogAndAlertsGoToTheActingPostItNames) {
  std::string first_type;
  ASSERT_TRUE(engine_->log()
                  .ReadFrom(1,
                            [&](uint64_t, const storage::EventView& view) {
                              first_type =
                                  storage::EventToJson(view.event()).at("type").as_string();
                              return false;
                            })
                  .ok());
  EXPECT_EQ(first_type, "org_chart_adopted");
  EXPECT_EQ(engine_->adopted_chart(), workflows::OrgChart::Ozurgeti().source_json());
  Apply("org-records", "letter", Register(schema::IncomingKind::CORRESPONDENCE, "info-head"));
  Apply("info-head", "letter", Resolve("info-public"));
  auto set = Apply("chair", workflows::kOrgCaseId, [](C c) {
    auto r = c.initSetActing();
    r.setAbsentPost("info-head");
    r.setActingPost("info-analytics");
    r.setFrom("2026-11-25");
    r.setTo("2026-12-18");
    r.setBasis("განკარგულება №3");
  });
  EXPECT_EQ(set.case_id, "org");
  EXPECT_TRUE(engine_->Chart()->ActingFor("info-head", *workflows::Date::Parse("2026-12-01")));
  engine_.reset();
  Open();  // the chart after a reopen: from the log
  EXPECT_TRUE(engine_->Chart()->ActingFor("info-head", *workflows::Date::Parse("2026-12-01")));
  for (int day = 0; day < 40; ++day) {
    now_ += kDay;
    ASSERT_TRUE(engine_->Watch().ok());
  }
  auto acting = Views().Alerts("info-analytics", 0, 100);
  ASSERT_TRUE(acting.ok());
  EXPECT_FALSE(acting->empty());
  const auto head = Views().Alerts("info-head", 0, 100);
  ASSERT_TRUE(head.ok());
  for (const auto& alert : head.value()) {
    // Only alerts dated before the assignment or after it reach the head itself.
    const std::string at(alert.at("occurred_at").as_string());
    EXPECT_TRUE(at < "2026-11-25" || at > "2026-12-18T99") << at;
  }
  EXPECT_EQ(testing::LiveViews(*engine_), testing::RebuiltViews(*engine_));
}

TEST(SearchFoldTest, LatinLowerCaseMtavruliAsMkhedruliTheRestAsTyped) {
  EXPECT_EQ(FoldForSearch("UNDP Georgia"), "undp georgia");
  EXPECT_EQ(FoldForSearch("ᲑᲔᲠᲘᲫᲔ"), "ბერიძე");  // Mtavruli capitals
  EXPECT_EQ(FoldForSearch("ბერიძე 12/3"), "ბერიძე 12/3");
  EXPECT_EQ(FoldForSearch("ÄÖ"), "ÄÖ");  // beyond ASCII and Georgian: as typed
}

}  // namespace
}  // namespace saqme::engine
