// Group commit under concurrency: many appenders share fsyncs, and racing writers on one case
// get exactly one winner per version.
#include <atomic>
#include <chrono>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "storage/appender.h"
#include "storage/event_log.h"
#include "tests/test_util.h"

namespace saqme::storage {
namespace {

using saqme::testing::Request;

TEST(AppenderTest, ConcurrentAppendersShareFsyncsAndGetDistinctGaplessSequences) {
  saqme::testing::TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  auto appender = Appender::Start(log.value().get());
  ASSERT_TRUE(appender.ok());
  constexpr int kThreads = 16, kPerThread = 40;
  std::vector<std::vector<uint64_t>> seqs(kThreads);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        auto r = appender.value()->Append(
            Request("t" + std::to_string(t), i, "t" + std::to_string(t) + "-" + std::to_string(i)));
        if (!r.ok()) {
          ++failures;
          return;
        }
        seqs[t].push_back(r->first_seq);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  ASSERT_EQ(failures.load(), 0);
  std::set<uint64_t> all;
  for (const auto& per_thread : seqs) {
    for (size_t i = 1; i < per_thread.size(); ++i) EXPECT_LT(per_thread[i - 1], per_thread[i]);
    all.insert(per_thread.begin(), per_thread.end());
  }
  ASSERT_EQ(all.size(), size_t{kThreads * kPerThread});
  EXPECT_EQ(*all.begin(), 1u);
  EXPECT_EQ(*all.rbegin(), uint64_t{kThreads * kPerThread});
  auto stats = appender.value()->stats();
  EXPECT_EQ(stats.commands, uint64_t{kThreads * kPerThread});
  EXPECT_EQ(stats.events, uint64_t{kThreads * kPerThread});
  EXPECT_LT(stats.groups, stats.commands) << "no fsync was shared";
  EXPECT_TRUE(log.value()->Verify().ok);
}

TEST(AppenderTest, RacingWritersOnOneCaseGetOneWinnerPerVersion) {
  saqme::testing::TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  auto appender = Appender::Start(log.value().get());
  ASSERT_TRUE(appender.ok());
  ASSERT_TRUE(appender.value()->Append(Request("contested", 0, "open")).ok());
  constexpr int kThreads = 8, kRounds = 25;
  std::atomic<int> wins{0}, conflicts{0}, other{0};
  for (int round = 0; round < kRounds; ++round) {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t, round] {
        auto r = appender.value()->Append(Request(
            "contested", round + 1, "r" + std::to_string(round) + "-t" + std::to_string(t)));
        if (r.ok()) {
          ++wins;
        } else if (r.status().code() == Status::Code::kConflict) {
          ++conflicts;
        } else {
          ++other;
        }
      });
    }
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(wins.load(), kRounds);
  EXPECT_EQ(conflicts.load(), kRounds * (kThreads - 1));
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(log.value()->CaseVersion("contested").value(), uint32_t{kRounds + 1});
}

TEST(AppenderTest, DestroyingTheAppenderAnswersEveryBlockedCaller) {
  saqme::testing::TempDir dir;
  auto log = EventLog::Open(dir.path(), {});
  ASSERT_TRUE(log.ok());
  std::atomic<int> answered{0}, saved{0}, calling{0};
  std::vector<std::thread> threads;
  {
    // The first staging stalls, so the other callers queue up behind it and are still blocked
    // in Append when the destructor starts.
    std::atomic<bool> first{true};
    auto appender = Appender::Start(log.value().get(), [&first] {
      if (first.exchange(false)) std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return int64_t{1793476800000};
    });
    ASSERT_TRUE(appender.ok());
    Appender* a = appender.value().get();
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, a, t] {
        ++calling;
        auto r = a->Append(Request("c" + std::to_string(t), 0, "c" + std::to_string(t)));
        ++answered;
        if (r.ok()) ++saved;
      });
    }
    // Every caller must be inside Append before the destructor runs (calling Append on a
    // destroyed appender is the caller's bug, not what this tests): wait until all are on their
    // way, then give them time to reach the queue while the first staging still stalls. On a
    // loaded machine a thread may start late, hence the wait on `calling` rather than a sleep.
    while (calling.load() < 8) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }  // destroyed here while callers wait
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(answered.load(), 8);
  EXPECT_GE(saved.load(), 1);
  EXPECT_EQ(log.value()->LastSequence(), uint64_t(saved.load()));
  EXPECT_TRUE(log.value()->Verify().ok);
}

}  // namespace
}  // namespace saqme::storage
