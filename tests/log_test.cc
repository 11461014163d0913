// The log's contract: ordering, versions, conflicts, idempotency, atomicity, bad input, reopen.
#include <gtest/gtest.h>

#include "storage/appender.h"
#include "storage/event_log.h"
#include "storage/log_writer.h"
#include "tests/test_util.h"

namespace saqme::storage {
namespace {

using saqme::testing::Request;
using saqme::testing::TempDir;
using Code = Status::Code;

class LogTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(); }
  void Open(LogOptions options = {}) {
    auto log = EventLog::Open(dir_.path(), options);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    log_ = std::move(log.value());
    auto appender = Appender::Start(log_.get());
    ASSERT_TRUE(appender.ok()) << appender.status().ToString();
    appender_ = std::move(appender.value());
  }
  void Close() {
    appender_.reset();
    log_.reset();
  }
  Result<AppendResult> Append(const std::string& case_id, uint32_t expected,
                              const std::string& command_id, int events = 1,
                              const std::string& text = "x") {
    return appender_->Append(Request(case_id, expected, command_id, events, text));
  }
  // (seq, case id, version, command id) of every event in log order.
  std::vector<std::tuple<uint64_t, std::string, uint32_t, std::string>> All() {
    std::vector<std::tuple<uint64_t, std::string, uint32_t, std::string>> out;
    Status s = log_->ReadFrom(1, [&](uint64_t seq, const EventView& view) {
      auto e = view.event();
      out.emplace_back(seq, e.getCaseId().cStr(), e.getCaseVersion(), e.getCommandId().cStr());
      return true;
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  TempDir dir_;
  std::unique_ptr<EventLog> log_;
  std::unique_ptr<Appender> appender_;
};

TEST_F(LogTest, EmptyLogHasNothingAndVerifies) {
  EXPECT_EQ(log_->LastSequence(), 0u);
  EXPECT_EQ(log_->CaseVersion("c-1").value(), 0u);
  auto report = log_->Verify();
  EXPECT_TRUE(report.ok);
  EXPECT_EQ(report.checked, 0u);
  EXPECT_TRUE(All().empty());
}

TEST_F(LogTest, SequencesAreGaplessInAppendOrderAndVersionsPerCase) {
  ASSERT_TRUE(Append("a", 0, "cmd-1").ok());
  ASSERT_TRUE(Append("b", 0, "cmd-2").ok());
  ASSERT_TRUE(Append("a", 1, "cmd-3", 2).ok());
  ASSERT_TRUE(Append("b", 1, "cmd-4").ok());
  auto all = All();
  ASSERT_EQ(all.size(), 5u);
  const std::vector<std::tuple<uint64_t, std::string, uint32_t, std::string>> expected = {
      {1, "a", 1, "cmd-1"},
      {2, "b", 1, "cmd-2"},
      {3, "a", 2, "cmd-3"},
      {4, "a", 3, "cmd-3"},
      {5, "b", 2, "cmd-4"}};
  EXPECT_EQ(all, expected);
  EXPECT_EQ(log_->LastSequence(), 5u);
  EXPECT_EQ(log_->CaseVersion("a").value(), 3u);

  std::vector<std::pair<uint64_t, uint32_t>> case_a;
  ASSERT_TRUE(log_->ReadCase("a",
                             [&](uint64_t seq, const EventView& view) {
                               case_a.emplace_back(seq, view.event().getCaseVersion());
                               return true;
                             })
                  .ok());
  EXPECT_EQ(case_a, (std::vector<std::pair<uint64_t, uint32_t>>{{1, 1}, {3, 2}, {4, 3}}));

  std::vector<uint64_t> from_three;
  ASSERT_TRUE(log_->ReadFrom(3,
                             [&](uint64_t seq, const EventView&) {
                               from_three.push_back(seq);
                               return true;
                             })
                  .ok());
  EXPECT_EQ(from_three, (std::vector<uint64_t>{3, 4, 5}));
}

TEST_F(LogTest, WrongExpectedVersionIsAConflictNamingBothAndWritesNothing) {
  ASSERT_TRUE(Append("case-1", 0, "c1").ok());
  ASSERT_TRUE(Append("case-1", 1, "c2").ok());
  auto stale = Append("case-1", 1, "c3");
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_NE(stale.status().message().find("at version 2"), std::string::npos)
      << stale.status().message();
  EXPECT_NE(stale.status().message().find("expected version 1"), std::string::npos);
  EXPECT_FALSE(stale.status().message_ka().empty());
  EXPECT_EQ(log_->LastSequence(), 2u);
  // The refused command id was not recorded: used again at the right version, it applies.
  auto retry = Append("case-1", 2, "c3");
  ASSERT_TRUE(retry.ok()) << retry.status().ToString();
  EXPECT_FALSE(retry->duplicate);
  EXPECT_EQ(retry->version, 3u);

  auto reopen_existing = Append("case-1", 0, "c4");
  EXPECT_EQ(reopen_existing.status().code(), Code::kConflict);
  auto ahead = Append("case-1", 7, "c5");
  EXPECT_EQ(ahead.status().code(), Code::kConflict);
  EXPECT_EQ(log_->LastSequence(), 3u);
}

TEST_F(LogTest, UnknownCaseIsNotFound) {
  auto result = Append("nobody", 4, "c1");
  EXPECT_EQ(result.status().code(), Code::kNotFound);
  EXPECT_EQ(log_->LastSequence(), 0u);
  Status read = log_->ReadCase("nobody", [](uint64_t, const EventView&) { return true; });
  EXPECT_EQ(read.code(), Code::kNotFound);
  EXPECT_NE(read.message_ka().find("nobody"), std::string::npos);
}

TEST_F(LogTest, SameCommandIdReturnsTheFirstResultAndWritesNothing) {
  auto first = Append("case-1", 0, "retry-me", 2);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->duplicate);
  // The retry carries a stale expected version, as a client retrying after a lost answer does.
  auto again = Append("case-1", 0, "retry-me", 2);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->first_seq, first->first_seq);
  EXPECT_EQ(again->last_seq, first->last_seq);
  EXPECT_EQ(again->version, first->version);
  EXPECT_EQ(log_->LastSequence(), 2u);

  auto other_case = Append("case-2", 0, "retry-me");
  EXPECT_EQ(other_case.status().code(), Code::kConflict);
  EXPECT_NE(other_case.status().message().find("case-1"), std::string::npos);

  Close();  // the record of applied commands is durable too
  Open();
  auto after_reopen = Append("case-1", 0, "retry-me", 2);
  ASSERT_TRUE(after_reopen.ok());
  EXPECT_TRUE(after_reopen->duplicate);
  EXPECT_EQ(after_reopen->first_seq, 1u);
  EXPECT_EQ(log_->LastSequence(), 2u);
}

// docs/storage-format.md: a record written before digests were kept ends at the case id and
// still decodes (with no digest); a record with them keeps what tells a retry from a reuse.
TEST(CommandRecordTest, OldAndNewLayoutsDecode) {
  CommandRecord old;
  old.case_id = "case-1";
  old.first_seq = 7;
  old.last_seq = 9;
  old.version = 3;
  const std::string old_bytes = EncodeCommandRecord(old);
  EXPECT_EQ(old_bytes.size(), 20u + 6u);
  CommandRecord read;
  read.digest = "stale";
  ASSERT_TRUE(DecodeCommandRecord(old_bytes, &read));
  EXPECT_EQ(read.case_id, "case-1");
  EXPECT_EQ(read.last_seq, 9u);
  EXPECT_EQ(read.digest, "");
  EXPECT_EQ(read.post, "");

  CommandRecord full{
      "case-1", 7, 9, 3, std::string(64, 'a'), "org-records", "register_incoming", 1793599200000};
  ASSERT_TRUE(DecodeCommandRecord(EncodeCommandRecord(full), &read));
  EXPECT_EQ(read.case_id, "case-1");
  EXPECT_EQ(read.version, 3u);
  EXPECT_EQ(read.digest, full.digest);
  EXPECT_EQ(read.post, "org-records");
  EXPECT_EQ(read.type, "register_incoming");
  EXPECT_EQ(read.recorded_at, 1793599200000);
  std::string cut = EncodeCommandRecord(full);
  cut.resize(20 + 6 + 1 + 4);  // the case id, NUL, half the time
  EXPECT_FALSE(DecodeCommandRecord(cut, &read));
}

TEST_F(LogTest, AMultiEventCommandIsAllOrNothing) {
  AppendRequest request = Request("case-1", 0, "three", 3);
  request.events[2] = saqme::testing::Draft("org-records", std::string(100 * 1024, 'x'));
  auto refused = appender_->Append(std::move(request));
  EXPECT_EQ(refused.status().code(), Code::kTooLarge);
  EXPECT_NE(refused.status().message().find("exceeds the limit"), std::string::npos);
  EXPECT_EQ(log_->LastSequence(), 0u);
  EXPECT_EQ(log_->CaseVersion("case-1").value(), 0u);

  auto ok = Append("case-1", 0, "three", 3);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->first_seq, 1u);
  EXPECT_EQ(ok->last_seq, 3u);
  EXPECT_EQ(ok->version, 3u);
  for (const auto& [seq, case_id, version, command] : All()) {
    EXPECT_EQ(command, "three");
    EXPECT_EQ(version, seq);
  }
}

TEST_F(LogTest, BadInputIsRefusedWithAClearErrorAndWritesNothing) {
  AppendRequest empty = Request("case-1", 0, "empty", 0);
  EXPECT_EQ(appender_->Append(std::move(empty)).status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Append("bad id/with slash", 0, "c1").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Append("", 0, "c1").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Append(std::string(129, 'a'), 0, "c1").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Append("case-1", 0, "").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(Append("case-1", 0, "has space").status().code(), Code::kInvalidArgument);
  auto too_large = Append("case-1", 0, "big", 1, std::string(70 * 1024, 'y'));
  EXPECT_EQ(too_large.status().code(), Code::kTooLarge);
  EXPECT_FALSE(too_large.status().message_ka().empty());
  EXPECT_EQ(log_->LastSequence(), 0u);
  EXPECT_TRUE(All().empty());
  // The log still serves.
  EXPECT_TRUE(Append("case-1", 0, "fine").ok());
}

TEST_F(LogTest, EventSizeLimitIsConfigurable) {
  Close();
  LogOptions options;
  options.max_event_bytes = 1024;
  Open(options);
  EXPECT_EQ(Append("c", 0, "a", 1, std::string(2000, 'z')).status().code(), Code::kTooLarge);
  EXPECT_TRUE(Append("c", 0, "b", 1, std::string(500, 'z')).ok());
}

TEST_F(LogTest, ReopenAfterCleanCloseContinuesTheChain) {
  ASSERT_TRUE(Append("a", 0, "c1", 2).ok());
  auto head_before = log_->Verify().head_hash;
  Close();
  Open();
  EXPECT_EQ(log_->LastSequence(), 2u);
  EXPECT_EQ(log_->CaseVersion("a").value(), 2u);
  auto next = Append("a", 2, "c2");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->first_seq, 3u);
  std::string prev;
  ASSERT_TRUE(log_->ReadFrom(3,
                             [&](uint64_t, const EventView& view) {
                               auto p = view.event().getPrevHash();
                               prev = HexOf(std::string_view(
                                   reinterpret_cast<const char*>(p.begin()), p.size()));
                               return false;
                             })
                  .ok());
  EXPECT_EQ(prev, HexOf(head_before));
  auto report = log_->Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.checked, 3u);
}

TEST_F(LogTest, RecordedTimeNeverGoesBackwards) {
  Close();
  auto log = EventLog::Open(dir_.path(), {});
  ASSERT_TRUE(log.ok());
  int64_t now = 2000000000000;
  auto appender = Appender::Start(log.value().get(), [&now] { return now; });
  ASSERT_TRUE(appender.ok());
  ASSERT_TRUE(appender.value()->Append(Request("a", 0, "c1")).ok());
  now -= 60000;  // the wall clock steps back a minute
  ASSERT_TRUE(appender.value()->Append(Request("a", 1, "c2")).ok());
  std::vector<int64_t> times;
  ASSERT_TRUE(log.value()
                  ->ReadFrom(1,
                             [&](uint64_t, const EventView& v) {
                               times.push_back(v.event().getRecordedAt());
                               return true;
                             })
                  .ok());
  EXPECT_EQ(times, (std::vector<int64_t>{2000000000000, 2000000000000}));
}

TEST_F(LogTest, ASecondOpenInThisProcessIsRefusedAsLocked) {
  auto second = EventLog::Open(dir_.path(), {});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Code::kLocked);
  EXPECT_NE(second.status().message().find(dir_.path()), std::string::npos);
}

TEST_F(LogTest, ADirectoryHeldByAnotherProcessIsRefusedAsLocked) {
  Close();
  saqme::testing::Child holder({CRASH_APPENDER_BINARY, dir_.path(), "held"});
  std::string line;
  ASSERT_TRUE(holder.ReadLine(&line));
  ASSERT_EQ(line, "READY");
  auto refused = EventLog::Open(dir_.path(), {});
  EXPECT_EQ(refused.status().code(), Code::kLocked);
  EXPECT_NE(refused.status().message().find("another saqme process"), std::string::npos);
  EXPECT_FALSE(refused.status().message_ka().empty());
  // Inspection tools still read it, read-only, beside the holder; they cannot write.
  LogOptions read_only;
  read_only.read_only = true;
  auto reader = EventLog::Open(dir_.path(), read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_FALSE(Appender::Start(reader.value().get()).ok());
  holder.Kill();
  auto reopened = EventLog::Open(dir_.path(), {});  // the lock dies with its holder
  EXPECT_TRUE(reopened.ok()) << reopened.status().ToString();
}

TEST(LogOpenTest, AMissingLogIsNotFoundWhenNotCreating) {
  TempDir dir;
  LogOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  auto log = EventLog::Open(dir.Sub("nothing-here"), options);
  EXPECT_EQ(log.status().code(), Status::Code::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.Sub("nothing-here")));
}

TEST(LogOpenTest, OnlyOneWriterPerLog) {
  TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  auto first = Appender::Start(log.value().get());
  ASSERT_TRUE(first.ok());
  auto second = Appender::Start(log.value().get());
  EXPECT_EQ(second.status().code(), Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace saqme::storage

namespace saqme::storage {
namespace {

TEST(LogWriterTest, UndoLastStageTakesBackTheTailVersionAndCommandId) {
  saqme::testing::TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  auto writer = LogWriter::Create(log.value().get());
  ASSERT_TRUE(writer.ok());
  rocksdb::WriteBatch batch;
  auto first = Request("c", 0, "kept");
  ASSERT_TRUE(writer.value()->Stage(first, &batch).ok());
  batch.SetSavePoint();
  auto undone = Request("c", 1, "undone");
  ASSERT_TRUE(writer.value()->Stage(undone, &batch).ok());
  batch.RollbackToSavePoint();
  writer.value()->UndoLastStage();
  EXPECT_EQ(writer.value()->CurrentVersion("c").value(), 1u);
  auto again = Request("c", 1, "undone");  // the same id is new again, at the same sequence
  auto staged = writer.value()->Stage(again, &batch);
  ASSERT_TRUE(staged.ok());
  EXPECT_FALSE(staged->duplicate);
  EXPECT_EQ(staged->first_seq, 2u);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  ASSERT_TRUE(log.value()->db()->Write(sync, &batch).ok());
  writer.value()->Commit();
  auto report = log.value()->Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.checked, 2u);
}

// Pipelined group commit: a batch staged on top of a sealed one sees its tail, versions and
// command ids; each Commit makes durable only the batch sealed; Abandon forgets both.
TEST(LogWriterTest, ABatchStagedOnASealedOneChainsFromItAndCommitsAfterIt) {
  saqme::testing::TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  auto writer = LogWriter::Create(log.value().get());
  ASSERT_TRUE(writer.ok());
  LogWriter& w = *writer.value();
  rocksdb::WriteOptions sync;
  sync.sync = true;
  rocksdb::WriteBatch sealed, next;
  auto first = Request("c", 0, "one");
  ASSERT_TRUE(w.Stage(first, &sealed).ok());
  w.Seal();
  auto second = Request("c", 1, "two");  // decided against the sealed version
  auto staged = w.Stage(second, &next);
  ASSERT_TRUE(staged.ok()) << staged.status().ToString();
  EXPECT_EQ(staged->first_seq, 2u);
  auto retry = Request("c", 0, "one");
  EXPECT_TRUE(w.Stage(retry, &next)->duplicate);  // the sealed batch's command id
  ASSERT_TRUE(log.value()->db()->Write(sync, &sealed).ok());
  w.Commit();
  EXPECT_EQ(w.committed_last_seq(), 1u);  // the staged batch is not durable yet
  EXPECT_EQ(w.CurrentVersion("c").value(), 2u);
  w.Seal();
  ASSERT_TRUE(log.value()->db()->Write(sync, &next).ok());
  w.Commit();
  EXPECT_EQ(w.committed_last_seq(), 2u);
  auto report = log.value()->Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.checked, 2u);

  // A failed write of a sealed batch: Abandon takes back it and what was staged on it.
  rocksdb::WriteBatch lost, on_lost;
  auto third = Request("c", 2, "three");
  ASSERT_TRUE(w.Stage(third, &lost).ok());
  w.Seal();
  auto fourth = Request("c", 3, "four");
  ASSERT_TRUE(w.Stage(fourth, &on_lost).ok());
  w.Abandon();
  EXPECT_EQ(w.CurrentVersion("c").value(), 2u);
  auto again = Request("c", 2, "three");
  auto restaged = w.Stage(again, &lost);
  ASSERT_TRUE(restaged.ok()) << restaged.status().ToString();
  EXPECT_FALSE(restaged->duplicate);
  EXPECT_EQ(restaged->first_seq, 3u);
}

}  // namespace
}  // namespace saqme::storage
