// The streamed rebuild (replay/view_rebuild.h): on a generated year — every kind of proceeding,
// corrections, receipts, alerts, org and calendar events over some 400 cases — it equals the
// live views also with bounds so small that every batch, the read-ahead queue and the writes in
// flight are crossed thousands of times; it holds only the cases still open; and a check notices
// a view that differs from the log's projection.
#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "generate/year_generator.h"
#include "projection/case_snapshot.h"
#include "projection/views.h"
#include "replay/view_rebuild.h"
#include "tests/test_util.h"
#include "workflows/proceeding.h"

namespace saqme {
namespace {

using testing::RunCommand;
using testing::TempDir;

const std::string kSaqme = SAQME_BINARY;

// Bounds far below one proceeding's events and views.
constexpr replay::RebuildBounds kTiny{
    .read_batch_bytes = 4096, .read_batches = 2, .write_batch_bytes = 8192};

class RebuildTest : public ::testing::Test {
 protected:
  // One generated year for the suite (a few seconds), copied for each test that changes it.
  static void SetUpTestSuite() {
    year_ = new TempDir();
    generate::GenerateOptions options;
    options.year = 2023;
    auto summary = generate::GenerateYear(year_->Sub("data"), options, {});
    ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  }
  static void TearDownTestSuite() {
    delete year_;
    year_ = nullptr;
  }

  void SetUp() override {
    std::filesystem::copy(year_->Sub("data"), dir_.Sub("data"),
                          std::filesystem::copy_options::recursive);
  }

  std::unique_ptr<storage::EventLog> Open() {
    storage::LogOptions options;
    options.create_if_missing = false;
    options.extra_column_families = engine::ViewFamilies();
    auto log = storage::EventLog::Open(dir_.Sub("data"), options);
    EXPECT_TRUE(log.ok()) << log.status().ToString();
    return log.ok() ? std::move(log.value()) : nullptr;
  }

  static TempDir* year_;
  TempDir dir_;
};

TempDir* RebuildTest::year_ = nullptr;

TEST_F(RebuildTest, TheStreamedRebuildEqualsTheLiveViewsWithAnyBounds) {
  auto log = Open();
  ASSERT_TRUE(log);
  const replay::ViewMap live = replay::LiveViews(*log);
  const size_t cases = live.at(engine::kCasesView).size();
  ASSERT_GT(cases, 300u);
  ASSERT_GT(live.at(engine::kJournalsView).size(), 500u);
  ASSERT_GT(log->LastSequence(), 2000u);
  for (const auto& bounds : {replay::RebuildBounds{}, kTiny}) {
    SCOPED_TRACE(bounds.write_batch_bytes);
    auto rebuilt = replay::Rebuild(*log, replay::ViewSetup{}, {}, bounds);
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
    EXPECT_EQ(rebuilt.value()->events(), log->LastSequence());
    EXPECT_TRUE(rebuilt.value()->ToMap() == live);  // what differs: below
    // Each case's state is dropped after its last event: far fewer held than there are cases.
    EXPECT_GT(rebuilt.value()->peak_open_cases(), 0u);
    EXPECT_LT(rebuilt.value()->peak_open_cases() * 4, cases);
    uint64_t compared = 0;
    auto differences = replay::CompareWithLive(
        *log, *rebuilt.value(),
        [](const replay::ViewDifference& d) { ADD_FAILURE() << d.family << " " << d.key; },
        &compared);
    ASSERT_TRUE(differences.ok());
    EXPECT_EQ(differences.value(), 0u);
    // The comparison counts the rebuilt entries on its way (saqme check prints them).
    size_t live_entries = 0;
    for (const auto& [family, entries] : live) live_entries += entries.size();
    EXPECT_EQ(compared, live_entries);
    EXPECT_EQ(compared, rebuilt.value()->entries());
  }
  // Straight into the next generation: the same views, now generation 1.
  auto installed = replay::RebuildAndInstall(*log, replay::ViewSetup{}, {}, kTiny);
  ASSERT_TRUE(installed.ok()) << installed.status().ToString();
  EXPECT_EQ(installed->events, log->LastSequence());
  EXPECT_GT(installed->entries, 0u);
  EXPECT_EQ(log->view_generation(), 1u);
  EXPECT_EQ(replay::LiveViews(*log), live);
}

TEST_F(RebuildTest, ACheckNoticesAChangedAMissingAndAnExtraEntry) {
  std::string changed_key, missing_key;
  {
    auto log = Open();
    ASSERT_TRUE(log);
    auto* db = log->db();
    // A journal entry rewritten, a case view deleted, an alert nobody raised.
    std::unique_ptr<rocksdb::Iterator> journals(
        db->NewIterator(rocksdb::ReadOptions(), log->family(engine::kJournalsView)));
    journals->SeekToFirst();
    ASSERT_TRUE(journals->Valid());
    changed_key = journals->key().ToString();
    ASSERT_TRUE(
        db->Put(rocksdb::WriteOptions(), log->family(engine::kJournalsView), changed_key, "{}")
            .ok());
    missing_key = "2023-nomenclature";
    std::string value;
    ASSERT_TRUE(
        db->Get(rocksdb::ReadOptions(), log->family(engine::kCasesView), missing_key, &value).ok());
    ASSERT_TRUE(
        db->Delete(rocksdb::WriteOptions(), log->family(engine::kCasesView), missing_key).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), log->family(engine::kAlertsView),
                        engine::AlertKey("org-mayor", 1u << 30), "{}")
                    .ok());

    auto rebuilt = replay::Rebuild(*log, replay::ViewSetup{}, {}, kTiny);
    ASSERT_TRUE(rebuilt.ok());
    std::vector<replay::ViewDifference> found;
    auto differences = replay::CompareWithLive(
        *log, *rebuilt.value(), [&](const replay::ViewDifference& d) { found.push_back(d); });
    ASSERT_TRUE(differences.ok());
    ASSERT_EQ(differences.value(), 3u);
    ASSERT_EQ(found.size(), 3u);
    // In ViewFamilies() order: cases, journals, ..., alerts.
    EXPECT_EQ(found[0].family, engine::kCasesView);
    EXPECT_EQ(found[0].key, missing_key);
    EXPECT_FALSE(found[0].live.has_value());
    EXPECT_EQ(found[0].rebuilt, value);
    EXPECT_EQ(found[1].family, engine::kJournalsView);
    EXPECT_EQ(found[1].key, changed_key);
    EXPECT_EQ(found[1].live, "{}");
    ASSERT_TRUE(found[1].rebuilt.has_value());
    EXPECT_NE(*found[1].rebuilt, "{}");
    EXPECT_EQ(found[2].family, engine::kAlertsView);
    EXPECT_FALSE(found[2].rebuilt.has_value());
  }
  // The commands a person runs: check fails and names the differences; rebuild repairs them.
  auto [code, out] = RunCommand(kSaqme + " check --data " + dir_.Sub("data"));
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("FAILED: 3 differences"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " rebuild --data " + dir_.Sub("data"));
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("view generation 1 is live"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " check --data " + dir_.Sub("data"));
  EXPECT_EQ(code, 0) << out;
}

// Every case's entry of the generated year is its state snapshot, the state its events evolve
// to: decoded, it equals the replay; encoded again, it gives the stored bytes.
TEST_F(RebuildTest, EveryCasesSnapshotIsTheStateItsEventsEvolveTo) {
  auto log = Open();
  ASSERT_TRUE(log);
  const replay::ViewMap live = replay::LiveViews(*log);
  const auto& snapshots = live.at(engine::kCasesView);
  ASSERT_GT(snapshots.size(), 300u);
  std::set<workflows::Kind> kinds;
  std::set<workflows::Stage> stages;
  std::set<std::string> lists;
  for (const auto& [case_id, bytes] : snapshots) {
    SCOPED_TRACE(case_id);
    workflows::CaseState replayed;
    ASSERT_TRUE(log->ReadCase(case_id,
                              [&](uint64_t, const storage::EventView& view) {
                                workflows::Evolve(replayed, view.event());
                                return true;
                              })
                    .ok());
    workflows::CaseState decoded;
    ASSERT_TRUE(engine::DecodeCaseSnapshot(bytes, &decoded));
    ASSERT_TRUE(decoded == replayed);
    EXPECT_EQ(engine::EncodeCaseSnapshot(replayed), bytes);
    kinds.insert(decoded.kind);
    stages.insert(decoded.stage);
    for (auto [name, used] : {std::pair{"receipts", !decoded.receipts.empty()},
                              {"alerts", !decoded.alerts.empty()},
                              {"files", !decoded.files.empty()},
                              {"agenda", !decoded.agenda.empty()},
                              {"endorsements", !decoded.endorsements.empty()},
                              {"watch", decoded.watch.level > 0 || decoded.watch.approached > 0}}) {
      if (used) lists.insert(name);
    }
  }
  // The year's states hold every part of the snapshot's layout.
  EXPECT_GE(kinds.size(), 15u);
  EXPECT_GE(stages.size(), 12u);
  EXPECT_EQ(lists.size(), 6u) << ::testing::PrintToString(lists);
}

TEST(CaseSnapshotTest, WhatIsNoSnapshotDoesNotDecode) {
  workflows::CaseState state;
  state.kind = workflows::Kind::kApplication;
  state.stage = workflows::Stage::kResolved;
  state.case_id = "a-1";
  state.version = 2;
  state.alerts.push_back({7, {"chair"}, {}});
  state.days_off = {{"2026-11-23", "გიორგობა"}};  // the generated year declares none
  state.parts = {{"info-public", "ნაწილი", "2026-11-20"}};
  const std::string bytes = engine::EncodeCaseSnapshot(state);
  workflows::CaseState decoded;
  ASSERT_TRUE(engine::DecodeCaseSnapshot(bytes, &decoded));
  EXPECT_TRUE(decoded == state);
  EXPECT_FALSE(engine::DecodeCaseSnapshot("", &decoded));
  EXPECT_FALSE(engine::DecodeCaseSnapshot("not a snapshot", &decoded));
  EXPECT_FALSE(engine::DecodeCaseSnapshot(bytes.substr(0, bytes.size() / 2), &decoded));
  // A stage name this binary does not know (a newer binary's, or damage).
  workflows::CaseState other = state;
  std::string renamed = engine::EncodeCaseSnapshot(other);
  const size_t at = renamed.find("resolved");
  ASSERT_NE(at, std::string::npos);
  renamed[at] = 'X';
  EXPECT_FALSE(engine::DecodeCaseSnapshot(renamed, &decoded));
}

}  // namespace
}  // namespace saqme
