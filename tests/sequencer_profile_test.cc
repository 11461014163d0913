// The sequencer's own bookkeeping (issue 18): its CPU per stage when asked for, nothing when not;
// journal numbers it counts itself across groups, a refused command and a reopening; and the
// sealed events it hands back are the stored ones.
#include <atomic>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine/view_reader.h"
#include "tests/engine_submissions.h"
#include "tests/test_util.h"

namespace saqme::engine {
namespace {

constexpr int64_t kMonday = 1793599200000;  // 2026-11-02T10:00:00+04:00

using testing::Registration;

std::unique_ptr<Engine> OpenEngine(const std::string& dir, bool profile) {
  EngineOptions options;
  options.clock = [] { return kMonday; };
  options.profile = profile;
  auto engine = Engine::Open(dir, options);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine.value()) : nullptr;
}

std::vector<int64_t> IncomingNumbers(const Engine& engine) {
  std::vector<int64_t> numbers;
  auto journal = ViewReader(engine.log()).Journal("incoming", 2026);
  EXPECT_TRUE(journal.ok()) << journal.status().ToString();
  if (!journal.ok()) return numbers;
  for (const auto& entry : journal.value()) {
    numbers.push_back(entry.at("number").as_int64());
  }
  return numbers;
}

TEST(SequencerProfileTest, CountsEveryStageWhenAskedAndNothingOtherwise) {
  saqme::testing::TempDir dir;
  {
    auto engine = OpenEngine(dir.path(), true);
    ASSERT_TRUE(engine);
    const SequencerProfile opened = engine->profile();  // the chart's adoption
    for (int i = 0; i < 5; ++i) {
      auto done =
          engine->Execute(Registration("case-" + std::to_string(i), "c-" + std::to_string(i)));
      ASSERT_TRUE(done.ok()) << done.status().ToString();
    }
    const SequencerProfile p = engine->profile();
    EXPECT_TRUE(p.enabled);
    EXPECT_EQ(p.units - opened.units, 5u);
    EXPECT_EQ(p.events - opened.events, 5u);
    EXPECT_GT(p.load_ns, opened.load_ns);
    EXPECT_GT(p.decide_ns, opened.decide_ns);
    EXPECT_GT(p.seal_ns, opened.seal_ns);
    EXPECT_GT(p.project_ns, opened.project_ns);
    EXPECT_GT(p.commit_ns, opened.commit_ns);
    EXPECT_GE(p.stage_ns, p.load_ns + p.decide_ns + p.seal_ns + p.project_ns);
    EXPECT_GE(p.groups, 6u);
    EXPECT_GT(p.write_seconds, 0);
  }
  saqme::testing::TempDir other;
  auto quiet = OpenEngine(other.path(), false);
  ASSERT_TRUE(quiet);
  ASSERT_TRUE(quiet->Execute(Registration("case-q", "c-q")).ok());
  const SequencerProfile p = quiet->profile();
  if (!p.enabled) {  // unless SAQME_SEQUENCER_PROFILE=1 is set for the whole run
    EXPECT_EQ(p.units, 0u);
    EXPECT_EQ(p.stage_ns + p.load_ns + p.decide_ns + p.seal_ns + p.project_ns, 0u);
  }
}

TEST(SequencerProfileTest, JournalNumbersRunOnAcrossGroupsRefusalsAndAReopening) {
  saqme::testing::TempDir dir;
  {
    auto engine = OpenEngine(dir.path(), false);
    ASSERT_TRUE(engine);
    std::vector<Submission> group;
    group.push_back(Registration("case-1", "c-1"));
    group.push_back(Registration("case-2", "c-2", "nobody-such"));  // refused: takes no number
    group.push_back(Registration("case-3", "c-3"));
    auto answers = engine->ExecuteAll(std::move(group));
    ASSERT_EQ(answers.size(), 3u);
    EXPECT_TRUE(answers[0].ok() && !answers[0]->refused);
    EXPECT_TRUE(!answers[1].ok() || answers[1]->refused);
    EXPECT_TRUE(answers[2].ok() && !answers[2]->refused);
    ASSERT_TRUE(engine->Execute(Registration("case-4", "c-4")).ok());
    // A retry takes no new number either.
    auto retry = engine->Execute(Registration("case-4", "c-4"));
    ASSERT_TRUE(retry.ok());
    EXPECT_TRUE(retry->duplicate);
    EXPECT_EQ(IncomingNumbers(*engine), (std::vector<int64_t>{1, 2, 3}));
  }
  // Reopened, the counter starts from the journal as stored.
  auto engine = OpenEngine(dir.path(), false);
  ASSERT_TRUE(engine);
  auto fifth = engine->Execute(Registration("case-5", "c-5"));
  ASSERT_TRUE(fifth.ok());
  EXPECT_EQ(IncomingNumbers(*engine), (std::vector<int64_t>{1, 2, 3, 4}));
}

TEST(SequencerProfileTest, TheAnswerHoldsTheEventsAsStored) {
  saqme::testing::TempDir dir;
  auto engine = OpenEngine(dir.path(), false);
  ASSERT_TRUE(engine);
  auto done = engine->Execute(Registration("case-1", "c-1"));
  ASSERT_TRUE(done.ok());
  ASSERT_EQ(done->events.size(), 1u);
  std::string stored;
  engine->log().ReadFrom(done->first_seq, [&](uint64_t, const storage::EventView& view) {
    stored.assign(view.bytes().data(), view.bytes().size());
    return false;
  });
  const auto bytes = done->events[0].asBytes();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size()), stored);
}

}  // namespace
}  // namespace saqme::engine
