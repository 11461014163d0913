// Tamper evidence: a byte changed behind the log's back, or an event removed, is caught by
// verify at exactly that sequence — in the library and through `saqme verify`.
#include <array>
#include <cstdio>
#include <memory>

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "storage/appender.h"
#include "storage/event_log.h"
#include "storage/keys.h"
#include "tests/raw_db.h"
#include "tests/test_util.h"

namespace saqme::storage {
namespace {

using saqme::testing::RawDb;
using saqme::testing::Request;

class TamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto log = EventLog::Open(dir_.path(), {});
    ASSERT_TRUE(log.ok());
    auto appender = Appender::Start(log.value().get());
    ASSERT_TRUE(appender.ok());
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE(appender.value()
                      ->Append(Request("case-" + std::to_string(i % 4), i / 4,
                                       "cmd-" + std::to_string(i), 1, "ანგარიში"))
                      .ok());
    }
  }
  VerifyReport Verify() {
    auto log = EventLog::Open(dir_.path(), {});
    EXPECT_TRUE(log.ok()) << log.status().ToString();
    return log.ok() ? log.value()->Verify() : VerifyReport{};
  }
  // Runs `saqme verify` and returns (exit code, stdout).
  std::pair<int, std::string> VerifyCommand() {
    return saqme::testing::RunCommand(std::string(SAQME_BINARY) + " verify --data " + dir_.path());
  }

  saqme::testing::TempDir dir_;
};

TEST_F(TamperTest, StoredEventsDecodeWithTheStockCapnpTool) {
  // docs/storage-format.md promises that an auditor can read a stored event without saqme.
  const std::string bytes = RawDb(dir_.path()).Get(6);
  const std::string file = dir_.Sub("event-6.bin");
  {
    std::unique_ptr<FILE, int (*)(FILE*)> out(fopen(file.c_str(), "wb"), fclose);
    ASSERT_EQ(fwrite(bytes.data(), 1, bytes.size(), out.get()), bytes.size());
  }
  auto [code, out] =
      saqme::testing::RunCommand(std::string("capnp decode ") + SAQME_SCHEMA + " Event < " + file);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("seq = 6"), std::string::npos) << out;
  EXPECT_NE(out.find("caseId = \"case-1\""), std::string::npos) << out;
  EXPECT_NE(out.find("commandId = \"cmd-5\""), std::string::npos) << out;
  EXPECT_NE(out.find("receiptConfirmed"), std::string::npos) << out;
}

TEST_F(TamperTest, IntactLogVerifies) {
  auto report = Verify();
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.checked, 20u);
  auto [code, out] = VerifyCommand();
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("20 events verified"), std::string::npos) << out;
  EXPECT_NE(out.find(HexOf(report.head_hash)), std::string::npos) << out;
}

TEST_F(TamperTest, AnyFlippedByteIsCaughtAtExactlyItsSequence) {
  for (uint64_t seq : {1u, 7u, 20u}) {
    const std::string original = RawDb(dir_.path()).Get(seq);
    // Every byte of the event: framing, pointers, text, the hashes themselves.
    for (size_t offset = 0; offset < original.size(); offset += 5) {
      std::string altered = original;
      altered[offset] ^= 0x01;
      RawDb(dir_.path()).Put(seq, altered);
      auto report = Verify();
      ASSERT_FALSE(report.ok) << "seq " << seq << " offset " << offset;
      ASSERT_EQ(report.first_bad_seq, seq) << "offset " << offset << ": " << report.problem;
      EXPECT_EQ(report.verified_through, seq - 1);
    }
    RawDb(dir_.path()).Put(seq, original);
    ASSERT_TRUE(Verify().ok);
  }
}

TEST_F(TamperTest, SaqmeVerifyNamesTheFirstBadSequenceAndExitsOne) {
  std::string value = RawDb(dir_.path()).Get(12);
  // Change a letter of the Georgian text: still valid UTF-8, still decodes, hash differs.
  auto pos = value.find("ანგარიში");
  ASSERT_NE(pos, std::string::npos);
  value[pos + 2] = static_cast<char>(value[pos + 2] + 1);
  RawDb(dir_.path()).Put(12, value);
  auto [code, out] = VerifyCommand();
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("FAILED at sequence 12"), std::string::npos) << out;
  EXPECT_NE(out.find("intact through sequence 11"), std::string::npos) << out;
}

TEST_F(TamperTest, ARewrittenAndRehashedEventIsNotReportedIntact) {
  // A forger who edits event 5 and recomputes its hash leaves event 5 self-consistent; the chain
  // breaks at event 6. Verify cannot tell which of the two was rewritten, so neither is intact.
  {
    RawDb raw(dir_.path());
    const std::string original = raw.Get(5);
    auto view = EventView::Decode(original);
    ASSERT_TRUE(view.ok());
    capnp::MallocMessageBuilder forged;
    forged.setRoot(view.value()->event());
    auto event = forged.getRoot<schema::Event>();
    event.getActor().setPerson("სხვა პირი");
    Hash prev{}, hash{};
    auto stored_prev = view.value()->event().getPrevHash();
    std::copy(stored_prev.begin(), stored_prev.end(), prev.begin());
    raw.Put(5, SealEvent(forged, prev, &hash));
  }
  auto report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 6u);
  EXPECT_EQ(report.verified_through, 4u) << report.problem;
  EXPECT_NE(report.problem.find("one of the two was rewritten"), std::string::npos);
}

TEST_F(TamperTest, ACaseIndexPointingElsewhereIsCaughtWhenReadingTheCase) {
  {
    RawDb raw(dir_.path());
    raw.PutIndex(CaseIndexKey("case-0", 2), EncodeSeq(2));  // event 2 belongs to case-1
  }
  auto log = EventLog::Open(dir_.path(), {});
  ASSERT_TRUE(log.ok());
  Status s = log.value()->ReadCase("case-0", [](uint64_t, const EventView&) { return true; });
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("another case"), std::string::npos) << s.message();
}

TEST_F(TamperTest, ARemovedEventIsReportedMissing) {
  RawDb(dir_.path()).Delete(9);
  auto report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 9u);
  EXPECT_NE(report.problem.find("missing"), std::string::npos) << report.problem;
}

TEST_F(TamperTest, AnEventMovedToAnotherSequenceIsCaught) {
  // A genuine event copied over another decodes and is canonical, but it carries the wrong
  // sequence and chain position.
  {
    RawDb raw(dir_.path());
    raw.Put(15, raw.Get(14));
  }
  auto report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 15u);
  EXPECT_NE(report.problem.find("carries sequence 14"), std::string::npos) << report.problem;
}

}  // namespace
}  // namespace saqme::storage
