// The pipelined group commit (issue 18, storage/group_commit.h): the next group is staged on
// top of the group being written, is answered only once it is durable itself, and readers see
// nothing of either before then; a failed write of the group in flight fails the group staged
// on it too, and leaves the log, the published sequence and the views at the last durable group.
// The write is held, and made to fail, through the group commit's test hooks
// (storage::GroupCommitHooks).
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine/view_reader.h"
#include "tests/engine_submissions.h"
#include "tests/rebuild_util.h"
#include "tests/test_util.h"

namespace saqme::engine {
namespace {

using C = schema::Command::Builder;
using testing::Command;
using testing::Registration;

constexpr int64_t kMonday = 1793599200000;  // 2026-11-02T10:00:00+04:00

Submission Resolution(const std::string& case_id, const std::string& command_id) {
  return Command("chair", case_id, command_id,
                 [](C c) { c.initAssignResolution().setLeadExecutor("info-public"); });
}

// Holds the write of the first group written once armed until the group after it has been
// staged (or 10 s passed), runs `while_held` then, and answers the write with `verdict`.
class HeldWrite {
 public:
  storage::GroupCommitHooks Hooks() {
    storage::GroupCommitHooks hooks;
    hooks.staged = [this](uint64_t group) {
      std::lock_guard<std::mutex> lock(mu_);
      staged_ = std::max(staged_, group + 1);
      cv_.notify_all();
    };
    hooks.before_write = [this](uint64_t group) {
      std::unique_lock<std::mutex> lock(mu_);
      if (!armed_) return Status::Ok();
      armed_ = false;
      held_ = true;
      cv_.notify_all();
      next_staged_ =
          cv_.wait_for(lock, std::chrono::seconds(10), [&] { return staged_ > group + 1; });
      lock.unlock();
      if (while_held_) while_held_();
      return verdict_;
    };
    return hooks;
  }
  void Arm(Status verdict, std::function<void()> while_held = {}) {
    std::lock_guard<std::mutex> lock(mu_);
    armed_ = true;
    held_ = false;
    verdict_ = std::move(verdict);
    while_held_ = std::move(while_held);
  }
  // Blocks until the armed write is held.
  void WaitHeld() {
    std::unique_lock<std::mutex> lock(mu_);
    ASSERT_TRUE(cv_.wait_for(lock, std::chrono::seconds(10), [&] { return held_; }));
  }
  // Whether the next group was staged while the write was held.
  bool next_staged() {
    std::lock_guard<std::mutex> lock(mu_);
    return next_staged_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool armed_ = false, held_ = false, next_staged_ = false;
  uint64_t staged_ = 0;  // groups staged so far
  Status verdict_;
  std::function<void()> while_held_;
};

// `submissions` as one vector (Submission moves only).
template <typename... S>
std::vector<Submission> Group(S... submissions) {
  std::vector<Submission> group;
  (group.push_back(std::move(submissions)), ...);
  return group;
}

std::unique_ptr<Engine> OpenEngine(const std::string& dir, storage::GroupCommitHooks hooks = {}) {
  EngineOptions options;
  options.clock = [] { return kMonday; };
  options.commit_hooks = std::move(hooks);
  auto engine = Engine::Open(dir, options);
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? std::move(engine.value()) : nullptr;
}

// An engine whose writes `held` may hold, with one registration durable (case-0); `*durable`
// gets its sequence. Null when it does not open or register.
std::unique_ptr<Engine> OpenWithOneCase(const std::string& dir, HeldWrite& held,
                                        uint64_t* durable) {
  auto engine = OpenEngine(dir, held.Hooks());
  if (!engine) return nullptr;
  auto registered = engine->Execute(Registration("case-0", "c-0"));
  EXPECT_TRUE(registered.ok()) << registered.status().ToString();
  if (!registered.ok()) return nullptr;
  *durable = engine->WaitForEventsAfter(0, std::chrono::milliseconds(0));
  return engine;
}

std::vector<std::string> IncomingNumbers(const Engine& engine) {
  std::vector<std::string> numbers;
  auto journal = ViewReader(engine.log()).Journal("incoming", 2026);
  EXPECT_TRUE(journal.ok()) << journal.status().ToString();
  if (!journal.ok()) return numbers;
  for (const auto& entry : journal.value()) {
    numbers.push_back(std::to_string(entry.at("number").as_int64()));
  }
  return numbers;
}

TEST(PipelineTest, TheNextGroupIsStagedOnTheOneInFlightAndAnsweredOnlyOnceDurable) {
  saqme::testing::TempDir dir;
  HeldWrite held;
  uint64_t durable = 0;
  auto engine = OpenWithOneCase(dir.path(), held, &durable);
  ASSERT_TRUE(engine);

  // While the registration's write is held and the resolution is staged on it, a reader sees
  // neither: not the case, not its events, not its journal number.
  std::atomic<bool> unseen{false};
  held.Arm(Status::Ok(), [&] {
    unseen = engine->WaitForEventsAfter(durable, std::chrono::milliseconds(0)) == durable &&
             !engine->State("case-1").ok() && !ViewReader(engine->log()).Case("case-1").ok() &&
             IncomingNumbers(*engine) == std::vector<std::string>{"1"};
  });
  Result<Outcome> registered = Status::Error(Status::Code::kUnavailable, "not run");
  std::thread first([&] { registered = engine->Execute(Registration("case-1", "c-1")); });
  held.WaitHeld();
  // Decided against the registration still being written: version 1 of case-1, and the next
  // journal number after it.
  auto group = engine->ExecuteAll(Group(Resolution("case-1", "c-2"), Registration("case-2", "c-3"),
                                        Registration("case-1", "c-1")));
  const uint64_t after = engine->WaitForEventsAfter(durable, std::chrono::milliseconds(0));
  first.join();
  EXPECT_TRUE(held.next_staged()) << "the second group was not staged while the first was written";
  EXPECT_TRUE(unseen.load()) << "a reader saw a group before it was durable";
  ASSERT_TRUE(registered.ok()) << registered.status().ToString();
  ASSERT_EQ(group.size(), 3u);
  for (const auto& answer : group) ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_FALSE(group[0]->refused) << group[0]->refusal.message_en;
  EXPECT_EQ(group[0]->version, 2u);
  EXPECT_TRUE(group[2]->duplicate);  // the retry of the registration in flight
  EXPECT_EQ(group[2]->first_seq, registered->first_seq);
  // Answered only once durable: the published sequence covers the whole second group.
  EXPECT_GE(after, group[1]->last_seq);
  EXPECT_EQ(IncomingNumbers(*engine), (std::vector<std::string>{"1", "2", "3"}));
  auto live = testing::LiveViews(*engine);
  EXPECT_EQ(live, testing::RebuiltViews(*engine));
  EXPECT_TRUE(engine->log().Verify().ok);
}

TEST(PipelineTest, AFailedWriteFailsTheGroupStagedOnItAndLeavesTheLastDurableState) {
  saqme::testing::TempDir dir;
  uint64_t durable = 0;
  {
    HeldWrite held;
    auto engine = OpenEngine(dir.path(), held.Hooks());
    ASSERT_TRUE(engine);
    ASSERT_TRUE(engine->Execute(Registration("case-0", "c-0")).ok());
    durable = engine->WaitForEventsAfter(0, std::chrono::milliseconds(0));
    const auto views = testing::LiveViews(*engine);
    const auto chart = engine->Chart();

    held.Arm(Status::Error(Status::Code::kIOError, "injected write failure"));
    Result<Outcome> registered = Status::Ok();
    std::thread first([&] { registered = engine->Execute(Registration("case-1", "c-1")); });
    held.WaitHeld();
    auto group =
        engine->ExecuteAll(Group(Resolution("case-1", "c-2"), Registration("case-2", "c-3")));
    first.join();
    EXPECT_TRUE(held.next_staged())
        << "the second group was not staged while the first was written";

    // Both groups fail, with the write's reason: nothing of either is known to be saved.
    ASSERT_FALSE(registered.ok());
    EXPECT_EQ(registered.status().code(), Status::Code::kUnavailable);
    EXPECT_NE(registered.status().message().find("injected write failure"), std::string::npos);
    ASSERT_EQ(group.size(), 2u);
    for (const auto& answer : group) {
      ASSERT_FALSE(answer.ok()) << "a command staged on a failed write was answered";
      EXPECT_EQ(answer.status().code(), Status::Code::kUnavailable);
      EXPECT_NE(answer.status().message().find("writing to the log failed"), std::string::npos);
    }
    // Fail-stop, as before pipelining: no more writes, reads go on at the last durable group.
    EXPECT_FALSE(engine->Accepting().ok());
    EXPECT_EQ(engine->Execute(Registration("case-3", "c-4")).status().code(),
              Status::Code::kUnavailable);
    EXPECT_EQ(engine->WaitForEventsAfter(durable, std::chrono::milliseconds(0)), durable);
    EXPECT_EQ(engine->log().LastSequence(), durable);
    EXPECT_FALSE(engine->State("case-1").ok());
    EXPECT_EQ(engine->Chart(), chart);
    EXPECT_EQ(testing::LiveViews(*engine), views);
    EXPECT_EQ(views, testing::RebuiltViews(*engine));
  }
  // After a restart the log goes on from the last durable group: the chain, the numbers and the
  // retried commands (decided anew).
  auto engine = OpenEngine(dir.path());
  ASSERT_TRUE(engine);
  EXPECT_EQ(engine->log().LastSequence(), durable);
  auto registered = engine->Execute(Registration("case-1", "c-1"));
  ASSERT_TRUE(registered.ok()) << registered.status().ToString();
  EXPECT_FALSE(registered->duplicate);
  EXPECT_EQ(registered->first_seq, durable + 1);
  auto resolved = engine->Execute(Resolution("case-1", "c-2"));
  ASSERT_TRUE(resolved.ok()) << resolved.status().ToString();
  EXPECT_FALSE(resolved->refused) << resolved->refusal.message_en;
  EXPECT_EQ(IncomingNumbers(*engine), (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(testing::LiveViews(*engine), testing::RebuiltViews(*engine));
  EXPECT_TRUE(engine->log().Verify().ok);
}

// When an event of `outcome` was recorded, and the business time it occurred at.
std::pair<int64_t, int64_t> RecordedAndOccurred(const Outcome& outcome, size_t i) {
  capnp::FlatArrayMessageReader reader(outcome.events.at(i));
  auto event = reader.getRoot<schema::Event>();
  return {event.getRecordedAt(), event.getOccurredAt()};
}

// Engine::Queue (the year generator's two groups in flight): the caller queues the next group
// while the one before is written; each is decided and recorded at its own business time
// (Submission::at_ms) whatever the engine's clock says meanwhile, and the log keeps the order of
// the calls.
TEST(PipelineTest, QueuedGroupsAreInFlightTogetherInOrderAtTheirOwnTimes) {
  saqme::testing::TempDir dir;
  HeldWrite held;
  auto engine = OpenEngine(dir.path(), held.Hooks());
  ASSERT_TRUE(engine);
  ASSERT_TRUE(engine->Execute(Registration("case-0", "c-0")).ok());
  constexpr int64_t kEleven = kMonday + 3600 * 1000, kNoon = kMonday + 2 * 3600 * 1000;

  held.Arm(Status::Ok());
  auto first = Registration("case-1", "c-1");
  first.at_ms = kEleven;
  auto eleven = engine->Queue(Group(std::move(first)));
  held.WaitHeld();  // the first group's write is held until the second is staged on it
  auto resolution = Resolution("case-1", "c-2");
  resolution.at_ms = kNoon;
  auto noon = engine->Queue(Group(std::move(resolution), Registration("case-2", "c-3")));
  auto later = noon.Wait();
  auto earlier = eleven.Wait();
  EXPECT_TRUE(held.next_staged()) << "the second group was not staged while the first was written";
  ASSERT_EQ(earlier.size(), 1u);
  ASSERT_EQ(later.size(), 2u);
  for (const auto* answers : {&earlier, &later}) {
    for (const auto& answer : *answers) {
      ASSERT_TRUE(answer.ok()) << answer.status().ToString();
      ASSERT_FALSE(answer->refused) << answer->refusal.message_en;
    }
  }
  EXPECT_TRUE(eleven.Wait().empty()) << "a group answered twice";
  // In the order of the calls, the resolution decided on the registration queued before it.
  EXPECT_LT(earlier[0]->last_seq, later[0]->first_seq);
  EXPECT_LT(later[0]->last_seq, later[1]->first_seq);
  EXPECT_EQ(later[0]->version, 2u);
  // Each at its own time; without one, at the engine's clock.
  EXPECT_EQ(RecordedAndOccurred(earlier[0].value(), 0), std::pair(kEleven, kEleven));
  EXPECT_EQ(RecordedAndOccurred(later[0].value(), 0), std::pair(kNoon, kNoon));
  // Recorded no earlier than the event before it, since the log's time never goes backwards.
  EXPECT_EQ(RecordedAndOccurred(later[1].value(), 0), std::pair(kNoon, kMonday));
  EXPECT_EQ(IncomingNumbers(*engine), (std::vector<std::string>{"1", "2", "3"}));

  // A group not waited for is waited for when it goes; one queued on a read-only engine gets
  // the read-only refusal for each command.
  { auto dropped = engine->Queue(Group(Registration("case-3", "c-4"))); }
  EXPECT_TRUE(engine->State("case-3").ok());
  EXPECT_EQ(testing::LiveViews(*engine), testing::RebuiltViews(*engine));
  EXPECT_TRUE(engine->log().Verify().ok);
  engine.reset();
  EngineOptions read_only;
  read_only.read_only = true;
  auto reader = Engine::Open(dir.path(), read_only);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  auto refused = reader.value()->Queue(Group(Registration("case-4", "c-5"))).Wait();
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_FALSE(refused[0].ok());
}

// A caller that queues more than a group takes (storage::GroupCommit::kMaxGroupJobs) has them
// in consecutive groups, in its order, every one answered, whether it waits for them all at once
// (ExecuteAll) or not.
TEST(PipelineTest, ALongQueueGoesInConsecutiveGroupsInItsOrder) {
  saqme::testing::TempDir dir;
  auto engine = OpenEngine(dir.path());
  ASSERT_TRUE(engine);
  constexpr size_t kCommands = 2 * storage::GroupCommit<EngineJob>::kMaxGroupJobs + 44;
  std::vector<Submission> all;
  for (size_t i = 0; i < kCommands; ++i) {
    all.push_back(Registration("case-" + std::to_string(i), "c-" + std::to_string(i)));
  }
  const uint64_t groups_before = engine->stats().groups;
  auto answers = engine->ExecuteAll(std::move(all));
  ASSERT_EQ(answers.size(), kCommands);
  uint64_t last = 0;
  for (const auto& answer : answers) {
    ASSERT_TRUE(answer.ok()) << answer.status().ToString();
    ASSERT_FALSE(answer->refused) << answer->refusal.message_en;
    EXPECT_GT(answer->first_seq, last);
    last = answer->last_seq;
  }
  EXPECT_GE(engine->stats().groups - groups_before, 3u);
  const auto numbers = IncomingNumbers(*engine);
  ASSERT_EQ(numbers.size(), kCommands);
  EXPECT_EQ(numbers.back(), std::to_string(kCommands));
  EXPECT_EQ(testing::LiveViews(*engine), testing::RebuiltViews(*engine));
}

// The registers Decide asks about — here the periodic reports owed — are the sequencer's
// (engine/layered_map.h): a second obligation for the same post, report and period is refused
// whether the first is staged in the same group, sealed in the group being written, committed,
// or read from the views after a restart; one whose write failed is forgotten with it.
TEST(PipelineTest, TheReportsOwedAreHeldThroughEveryLayerOfThePipeline) {
  auto require = [](const std::string& case_id, const char* post) {
    return Command("org-records", case_id, case_id, [post](C c) {
      auto r = c.initRequireReport();
      r.setPost(post);
      r.setReport("quarterly");
      r.setPeriod("2026-Q3");
    });
  };
  auto refused = [](const Result<Outcome>& answer) {
    EXPECT_TRUE(answer.ok()) << answer.status().ToString();
    return answer.ok() && answer->refused;
  };
  saqme::testing::TempDir dir;
  {
    HeldWrite held;
    uint64_t durable = 0;
    auto engine = OpenWithOneCase(dir.path(), held, &durable);
    ASSERT_TRUE(engine);
    // Staged in the same group.
    auto group =
        engine->ExecuteAll(Group(require("r-1", "sec-legal"), require("r-2", "sec-legal")));
    ASSERT_EQ(group.size(), 2u);
    EXPECT_FALSE(refused(group[0])) << group[0]->refusal.message_en;
    EXPECT_TRUE(refused(group[1])) << "the same report owed twice in one group";
    // Committed.
    EXPECT_TRUE(refused(engine->Execute(require("r-3", "sec-legal"))));
    // Sealed: decided while the first is being written.
    held.Arm(Status::Ok());
    Result<Outcome> first = Status::Error(Status::Code::kUnavailable, "not run");
    std::thread writing([&] { first = engine->Execute(require("r-4", "org-head")); });
    held.WaitHeld();
    auto second = engine->Execute(require("r-5", "org-head"));
    writing.join();
    EXPECT_FALSE(refused(first));
    EXPECT_TRUE(refused(second)) << "decided without the obligation being written";
    // A failed write forgets its obligation, and the one staged on it.
    held.Arm(Status::Error(Status::Code::kIOError, "injected write failure"));
    Result<Outcome> lost = Status::Ok();
    std::thread failing([&] { lost = engine->Execute(require("r-6", "apparatus-deputy")); });
    held.WaitHeld();
    auto staged_on_it = engine->Execute(require("r-7", "apparatus-deputy"));
    failing.join();
    EXPECT_FALSE(lost.ok());
    EXPECT_FALSE(staged_on_it.ok());
  }
  // After the restart: what was committed is read from the views, what failed was never owed.
  auto engine = OpenEngine(dir.path());
  ASSERT_TRUE(engine);
  EXPECT_TRUE(refused(engine->Execute(require("r-8", "sec-legal"))));
  EXPECT_TRUE(refused(engine->Execute(require("r-9", "org-head"))));
  EXPECT_FALSE(refused(engine->Execute(require("r-10", "apparatus-deputy"))));
  EXPECT_EQ(testing::LiveViews(*engine), testing::RebuiltViews(*engine));
}

// Engine::Submit (the HTTP server's commands): the caller returns at once and no thread waits;
// the answer comes once the command is durable, from the engine's writer, exactly once. After a
// failed write the command's answer is the write's failure, and a later one, refused before it
// is queued, is answered on the caller's own thread.
TEST(PipelineTest, ASubmittedCommandIsAnsweredOnceDurableWithoutAWaitingThread) {
  saqme::testing::TempDir dir;
  HeldWrite held;
  uint64_t durable = 0;
  auto engine = OpenWithOneCase(dir.path(), held, &durable);
  ASSERT_TRUE(engine);

  struct Answers {
    std::mutex mu;
    std::condition_variable cv;
    std::vector<std::pair<Result<Outcome>, std::thread::id>> given;
  };
  auto answers = std::make_shared<Answers>();
  auto record = [answers](Result<Outcome> outcome) {
    std::lock_guard<std::mutex> lock(answers->mu);
    answers->given.emplace_back(std::move(outcome), std::this_thread::get_id());
    answers->cv.notify_all();
  };
  auto wait_for = [&answers](size_t n) {
    std::unique_lock<std::mutex> lock(answers->mu);
    return answers->cv.wait_for(lock, std::chrono::seconds(10),
                                [&] { return answers->given.size() >= n; });
  };
  auto given = [&answers] {
    std::lock_guard<std::mutex> lock(answers->mu);
    return answers->given.size();
  };

  // The write is held until the next group is staged: meanwhile nothing is answered.
  std::atomic<size_t> answered_while_held{99};
  held.Arm(Status::Ok(), [&] { answered_while_held = given(); });
  engine->Submit(Registration("case-1", "c-1"), record);
  held.WaitHeld();
  engine->Submit(Resolution("case-1", "c-2"), record);
  ASSERT_TRUE(wait_for(2));
  EXPECT_TRUE(held.next_staged());
  EXPECT_EQ(answered_while_held.load(), 0u) << "answered before its batch was durable";
  {
    std::lock_guard<std::mutex> lock(answers->mu);
    for (const auto& [outcome, thread] : answers->given) {
      ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
      EXPECT_FALSE(outcome->refused) << outcome->refusal.message_en;
      EXPECT_NE(thread, std::this_thread::get_id());
      EXPECT_GE(engine->WaitForEventsAfter(durable, std::chrono::milliseconds(0)),
                outcome->last_seq);
    }
    EXPECT_EQ(answers->given[1].first->version, 2u);  // decided on the registration in flight
  }

  // A failed write: its command's answer, and that of the one staged on it, is the failure;
  // the next is refused before it is queued, on this thread.
  held.Arm(Status::Error(Status::Code::kIOError, "injected write failure"));
  engine->Submit(Registration("case-2", "c-3"), record);
  held.WaitHeld();
  engine->Submit(Registration("case-3", "c-4"), record);
  ASSERT_TRUE(wait_for(4));
  engine->Submit(Registration("case-4", "c-5"), record);
  ASSERT_TRUE(wait_for(5));
  std::lock_guard<std::mutex> lock(answers->mu);
  ASSERT_EQ(answers->given.size(), 5u);
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(answers->given[i].first.status().code(), Status::Code::kUnavailable) << i;
  }
  EXPECT_NE(answers->given[2].first.status().message().find("injected write failure"),
            std::string::npos);
  EXPECT_NE(answers->given[2].second, std::this_thread::get_id());
  EXPECT_EQ(answers->given[4].second, std::this_thread::get_id());
  EXPECT_FALSE(engine->State("case-2").ok());
  EXPECT_FALSE(engine->State("case-3").ok());
}

}  // namespace
}  // namespace saqme::engine
