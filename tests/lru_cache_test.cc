// storage::LruCache: bounded by the sum of its entries' charges, evicting the least recently
// used first, updating in place, never above its bound.
#include "storage/lru_cache.h"

#include <map>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace saqme::storage {
namespace {

TEST(LruCacheTest, EvictsTheLeastRecentlyUsedFirst) {
  LruCache<std::string, int> cache(30);
  cache.Put("a", 1, 10);
  cache.Put("b", 2, 10);
  cache.Put("c", 3, 10);
  ASSERT_NE(cache.Get("a"), nullptr);  // "a" is now the most recently used; "b" the least
  cache.Put("d", 4, 10);
  EXPECT_EQ(cache.Get("b"), nullptr);
  ASSERT_NE(cache.Get("a"), nullptr);
  EXPECT_EQ(*cache.Get("a"), 1);
  EXPECT_EQ(*cache.Get("c"), 3);
  EXPECT_EQ(*cache.Get("d"), 4);
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.charge(), 30u);
  EXPECT_EQ(cache.evictions(), 1u);
  // One large entry makes room by evicting as many as it needs, oldest first ("a", then "c").
  cache.Put("e", 5, 20);
  EXPECT_EQ(cache.Get("a"), nullptr);
  EXPECT_EQ(cache.Get("c"), nullptr);
  EXPECT_EQ(*cache.Get("d"), 4);
  EXPECT_EQ(*cache.Get("e"), 5);
  EXPECT_EQ(cache.charge(), 30u);
}

TEST(LruCacheTest, UpdatesInPlaceWithTheNewChargeAndRecency) {
  LruCache<std::string, std::string> cache(100);
  cache.Put("x", "first", 40);
  cache.Put("y", "other", 40);
  cache.Put("x", "second", 50);  // replaces, and "x" becomes the most recently used
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.charge(), 90u);
  EXPECT_EQ(*cache.Get("x"), "second");
  cache.Put("z", "third", 10);  // fits exactly: nothing evicted
  EXPECT_EQ(cache.evictions(), 0u);
  cache.Put("x", "grown", 60);  // 60 + 40 + 10 > 100: "y", the least recently used, goes
  EXPECT_EQ(cache.Get("y"), nullptr);
  EXPECT_EQ(*cache.Get("x"), "grown");
  EXPECT_EQ(*cache.Get("z"), "third");
  EXPECT_EQ(cache.charge(), 70u);
  EXPECT_TRUE(cache.Erase("z"));
  EXPECT_FALSE(cache.Erase("z"));
  EXPECT_EQ(cache.charge(), 60u);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(LruCacheTest, AnEntryAboveTheBoundIsNotKeptAndTakesItsOlderValueWithIt) {
  LruCache<std::string, int> cache(10);
  cache.Put("a", 1, 5);
  cache.Put("a", 2, 11);
  EXPECT_EQ(cache.Get("a"), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.charge(), 0u);
  LruCache<std::string, int> none(0);
  none.Put("a", 1, 1);
  EXPECT_EQ(none.size(), 0u);
}

// Random puts, gets and erases against a model: never above the bound, and every value read is
// the last one put under its key.
TEST(LruCacheTest, NeverAboveItsBoundAndAlwaysTheLastValue) {
  constexpr size_t kBound = 1000;
  LruCache<std::string, int> cache(kBound);
  std::map<std::string, int> last;
  std::mt19937 random(17);
  for (int i = 0; i < 20000; ++i) {
    const std::string key = "case-" + std::to_string(random() % 300);
    switch (random() % 4) {
      case 0:
      case 1:
        cache.Put(key, i, 1 + random() % 60);
        last[key] = i;
        break;
      case 2:
        if (const int* value = cache.Get(key)) {
          EXPECT_EQ(*value, last.at(key));
        }
        break;
      default:
        cache.Erase(key);
        last.erase(key);
    }
    ASSERT_LE(cache.charge(), kBound);
  }
  EXPECT_GT(cache.evictions(), 0u);
  EXPECT_GT(cache.size(), 10u);
}

}  // namespace
}  // namespace saqme::storage
