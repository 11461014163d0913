// The access log file (api/access_log.h): appends from many threads stay whole lines, reads
// filter by case and page with a cursor, a line still being written is not read, the file is
// only ever appended to (a reopen keeps what was there), and a line torn by a crash is ended.
#include <fstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "api/access_log.h"
#include "tests/test_util.h"

namespace saqme::api {
namespace {

AccessEntry Entry(int i) {
  return AccessEntry{"2026-11-02T10:00:00+04:00",
                     "post-" + std::to_string(i % 3),
                     "პირი",
                     "case-" + std::to_string(i % 2),
                     "GET /v1/cases/{id}",
                     "supervisor"};
}

TEST(AccessLogTest, ConcurrentAppendsAreWholeLinesAndReadsPageByCase) {
  saqme::testing::TempDir dir;
  const std::string path = dir.Sub("access-log.jsonl");
  {
    auto log = AccessLog::Open(path);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 50; ++i) ASSERT_TRUE(log.value()->Append(Entry(t * 50 + i)).ok());
      });
    }
    for (auto& thread : threads) thread.join();
    auto all = log.value()->Read("", 1000, "");
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->entries.size(), 400u);
    EXPECT_FALSE(all->next_cursor);
  }
  auto log = AccessLog::Open(path);  // reopened: appended to, never truncated
  ASSERT_TRUE(log.ok());
  ASSERT_TRUE(log.value()->Append(Entry(1)).ok());
  {
    std::ofstream partial(path, std::ios::app);
    partial << R"({"at":"2026-11-02","case_id":"case-1")";  // no newline yet
  }
  size_t seen = 0, pages = 0;
  std::string cursor;
  do {
    auto page = log.value()->Read("case-1", 64, cursor);
    ASSERT_TRUE(page.ok());
    for (const auto& entry : page->entries) {
      EXPECT_EQ(entry.at("case_id").as_string(), "case-1");
      EXPECT_EQ(entry.at("person").as_string(), "პირი");
    }
    seen += page->entries.size();
    cursor = page->next_cursor.value_or("");
    ++pages;
  } while (!cursor.empty() && pages < 20);
  EXPECT_EQ(seen, 201u);  // half of the 400, and the one after the reopen; not the partial line
  EXPECT_EQ(pages, 4u);
  EXPECT_FALSE(log.value()->Read("", 10, "not-a-cursor").ok());
  // After a crash that tore that line, the next entries are lines of their own.
  log.value().reset();
  auto reopened = AccessLog::Open(path);
  ASSERT_TRUE(reopened.ok());
  ASSERT_TRUE(reopened.value()->Append(Entry(1)).ok());
  auto after = reopened.value()->Read("case-1", 1000, "");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->entries.size(), 202u);
}

TEST(AccessLogTest, AnUnopenableFileIsAClearError) {
  auto log = AccessLog::Open("/nonexistent-dir/access-log.jsonl");
  ASSERT_FALSE(log.ok());
  EXPECT_NE(log.status().message().find("access log"), std::string::npos);
}

}  // namespace
}  // namespace saqme::api
