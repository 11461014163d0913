// GET /v1/cases at the scale of a generated year (~400k cases from 10M events): fills the
// search view of a scratch log with synthetic records made by engine::SearchRecord and times
// the search (engine::SearchCases) for a page that fills at once and for queries that scan the
// whole view — a rare word, a post that reads almost nothing. Usage: search_bench [CASES] [DIR].
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "engine/engine.h"
#include "engine/search.h"
#include "projection/views.h"

using namespace saqme;

int main(int argc, char** argv) {
  const int cases = argc > 1 ? std::stoi(argv[1]) : 400000;
  const std::string dir = argc > 2 ? argv[2] : "/tmp/saqme-search-bench";
  std::filesystem::remove_all(dir);
  const auto& org = workflows::OrgChart::Ozurgeti();
  auto engine = engine::Engine::Open(dir, engine::EngineOptions{});
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().ToString().c_str());
    return 2;
  }
  auto& log = engine.value()->log();
  const char* executors[] = {"info-analytics", "sec-legal", "info-press", "org-protocol"};
  const char* senders[] = {"ეკატერინე ბერიძე", "გიორგი ნაკაშიძე", "შპს ოზურგეთის წყალი",
                           "UNDP Georgia"};
  auto started = std::chrono::steady_clock::now();
  rocksdb::WriteBatch batch;
  for (int i = 0; i < cases; ++i) {
    workflows::CaseState s;
    s.kind = workflows::Kind::kApplication;
    s.stage = i % 5 ? workflows::Stage::kFiled : workflows::Stage::kInExecution;
    s.case_id = "case-" + std::to_string(i);
    s.opened_at = 1767225600000 + int64_t{i} * 78000;  // a year from 2026-01-01
    s.opened_on = "2026-" + std::string(i * 12 / cases + 1 < 10 ? "0" : "") +
                  std::to_string(i * 12 / cases + 1) + "-15";
    s.registration_number = std::to_string(i + 1);
    s.correspondent = senders[i % 4] + std::string(" ") + std::to_string(i % 997);
    s.subject = "მიწის ნაკვეთის რეგისტრაციის შესახებ განცხადება " + std::to_string(i % 101);
    s.summary = "ითხოვს ამონაწერს საჯარო რეესტრიდან და ნაკვეთის საზღვრების დაზუსტებას";
    s.addressee = "apparatus-head";
    s.lead_executor = executors[i % 4];
    s.due = "2026-12-31";
    s.participants = {"apparatus-head", "org-records", s.lead_executor};
    batch.Put(log.family(engine::kSearchView), engine::SearchKey(s.opened_at, s.case_id),
              engine::SearchRecord(s, org));
    if (batch.Count() == 10000 || i + 1 == cases) {
      log.db()->Write(rocksdb::WriteOptions(), &batch);
      batch.Clear();
    }
  }
  log.db()->CompactRange(rocksdb::CompactRangeOptions(), log.family(engine::kSearchView), nullptr,
                         nullptr);
  std::printf("%d search records written and compacted in %.1f s\n", cases,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  struct Case {
    const char* what;
    std::string viewer, q;
  };
  const Case queries[] = {
      {"records office, newest page", "org-records", ""},
      {"records office, a common Georgian word", "org-records", "ნაკვეთის"},
      {"records office, a word in no case (whole view)", "org-records", "არარსებული"},
      {"an executor, its own cases", "sec-legal", ""},
      {"a post that reads none (whole view)", "info-web", ""},
      {"a supervisor, a rare sender", "info-head", "ნაკაშიძე 996"},
  };
  for (const auto& query : queries) {
    engine::SearchQuery search;
    search.viewer = query.viewer;
    search.q = query.q;
    search.today = *workflows::Date::Parse("2026-12-01");
    for (int run = 0; run < 3; ++run) {  // the first run reads from disk, later ones the cache
      started = std::chrono::steady_clock::now();
      auto found = engine::SearchCases(*engine.value(), org, search);
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      if (!found.ok()) return 2;
      std::printf("%-50s run %d: %3zu cases in %7.1f ms\n", query.what, run + 1,
                  found->at("cases").as_array().size(), ms);
    }
  }
  engine.value().reset();
  std::filesystem::remove_all(dir);
  return 0;
}
