// The rebuild's small parts: the key layouts it parses (storage/keys.h, projection/views.h) and
// the bounded queue between its threads (replay/bounded_queue.h).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "projection/views.h"
#include "replay/bounded_queue.h"
#include "storage/keys.h"

namespace saqme {
namespace {

TEST(KeyLayoutTest, TheCaseIdOfACaseIndexKeyAndNoneOfAnotherShape) {
  const std::string key = storage::CaseIndexKey("inc-2026-17", 3);
  EXPECT_EQ(storage::CaseIndexCaseId(key), "inc-2026-17");
  EXPECT_EQ(storage::CaseIndexVersion(key), 3u);
  EXPECT_EQ(storage::CaseIndexCaseId(storage::CaseIndexKey("c", 70000)), "c");
  EXPECT_TRUE(storage::CaseIndexCaseId("").empty());
  EXPECT_TRUE(storage::CaseIndexCaseId(std::string("\0\0\0\0\1", 5)).empty());  // no id
  EXPECT_TRUE(storage::CaseIndexCaseId("abcdefgh").empty());                    // no NUL
}

TEST(KeyLayoutTest, TheJournalAndYearOfAJournalKeyAndNoneOfTheOtherRegisters) {
  const std::string key = engine::JournalKey("incoming", 2026, 17);
  EXPECT_EQ(engine::JournalKeyPrefix(key), engine::JournalPrefix("incoming", 2026));
  EXPECT_EQ(engine::JournalKeyNumber(key), 17u);
  EXPECT_EQ(engine::JournalKeyPrefix(engine::JournalKey("minutes-commission-budget", 2027, 1)),
            engine::JournalPrefix("minutes-commission-budget", 2027));
  EXPECT_TRUE(engine::JournalKeyPrefix(engine::JournalPrefix("incoming", 2026)).empty());
  EXPECT_TRUE(engine::JournalKeyPrefix("delivery-index/case/post").empty());
  EXPECT_TRUE(engine::JournalKeyPrefix(key + "x").empty());
}

TEST(BoundedQueueTest, ItemsArriveInOrderAndCloseEndsAfterTheLast) {
  replay::BoundedQueue<int> queue(2);
  std::thread producer([&] {
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(queue.Push(i));
    queue.Close();
  });
  std::vector<int> got;
  while (auto item = queue.Pop()) got.push_back(*item);
  producer.join();
  ASSERT_EQ(got.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(got[i], i);
  EXPECT_FALSE(queue.TryPop());
}

TEST(BoundedQueueTest, StopReleasesAProducerBlockedOnAFullQueue) {
  replay::BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.Push(1));
  bool pushed = true;
  std::thread producer([&] { pushed = queue.Push(2); });  // blocks: the queue is full
  queue.Stop();
  producer.join();
  EXPECT_FALSE(pushed);
  EXPECT_FALSE(queue.Pop());
  EXPECT_FALSE(queue.Push(3));
}

}  // namespace
}  // namespace saqme
