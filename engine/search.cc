#include "engine/search.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

#include <rocksdb/db.h>

#include "model/hex.h"
#include "projection/search_record.h"
#include "projection/views.h"
#include "storage/event_log.h"
#include "storage/keys.h"
#include "workflows/access.h"

namespace saqme::engine {
namespace {

using namespace search_record;  // the record's fields by name

// Splits space-separated words into `*out`, reusing its strings (post ids fit in a short
// string, so a scan over many records allocates nothing here).
void SplitWords(std::string_view text, std::vector<std::string>* out) {
  size_t n = 0;
  while (!text.empty()) {
    const size_t space = text.find(' ');
    if (n == out->size()) out->emplace_back();
    (*out)[n++].assign(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  out->resize(n);
}

}  // namespace

Result<boost::json::object> SearchCases(const Engine& engine, const workflows::OrgChart& org,
                                        const SearchQuery& query) {
  std::string start;
  if (!query.cursor.empty()) {
    auto key = storage::FromHex(query.cursor);
    if (!key || key->size() < 8) {
      return Status::Error(Status::Code::kInvalidArgument, "cursor is not one this search gave",
                           "cursor არასწორია");
    }
    start = *key;
  }
  std::vector<std::string> words;
  SplitWords(FoldForSearch(query.q), &words);
  std::erase(words, std::string());
  // Horspool's skip table suits UTF-8 Georgian, where every letter starts with the same byte.
  std::vector<std::boyer_moore_horspool_searcher<std::string::const_iterator>> searchers;
  for (const auto& word : words) searchers.emplace_back(word.begin(), word.end());
  workflows::ReadFacts facts;  // one, reused for every candidate
  const workflows::CaseReader reader(org, query.viewer, query.today);
  std::vector<std::string> units;  // the unit asked for and those under it
  for (const auto& unit : org.units()) {
    if (!query.unit.empty() && org.UnitWithin(unit.id, query.unit)) units.push_back(unit.id);
  }
  const std::string today = query.today.ToString();
  const storage::EventLog& log = engine.log();
  std::unique_ptr<rocksdb::Iterator> it(
      log.db()->NewIterator(rocksdb::ReadOptions(), log.family(kSearchView)));
  boost::json::array cases;
  boost::json::value next_cursor = nullptr;
  std::string last_key;
  for (start.empty() ? it->SeekToFirst() : it->Seek(start); it->Valid(); it->Next()) {
    const std::string_view key(it->key().data(), it->key().size());
    if (key == start) continue;  // the last case of the page before
    std::string_view f[kFieldCount];
    if (!Split(std::string_view(it->value().data(), it->value().size()), f)) continue;
    if (!query.from.empty() && f[kOpenedOn] < query.from) break;  // older from here on
    if (!query.to.empty() && f[kOpenedOn] > query.to) continue;
    if ((!query.kind.empty() && f[kKind] != query.kind) ||
        (!query.state.empty() && f[kState] != query.state) ||
        (!query.executor.empty() && f[kExecutor] != query.executor) ||
        (!query.unit.empty() && std::find(units.begin(), units.end(), f[kUnit]) == units.end())) {
      continue;
    }
    const bool overdue = !f[kDue].empty() && f[kDue] < today;
    if (query.overdue && !overdue) continue;
    bool found = true;
    for (const auto& searcher : searchers) {
      found = found &&
              std::search(f[kHaystack].begin(), f[kHaystack].end(), searcher) != f[kHaystack].end();
    }
    if (!found) continue;
    if (!reader.ReadsAll()) {
      SplitWords(f[kParticipants], &facts.participants);
      SplitWords(f[kExpected], &facts.expected);
      facts.is_public = f[kPublic] == "1";
      if (reader.Ground(facts) == workflows::ReadGround::kNone) continue;
    }
    if (cases.size() == query.limit) {  // one more exists: the page ends here
      next_cursor = storage::HexOf(last_key);
      break;
    }
    boost::json::object item{{"case_id", f[kCaseId]},     {"kind", f[kKind]},
                             {"state", f[kState]},        {"registration_number", f[kNumber]},
                             {"subject", f[kSubject]},    {"correspondent", f[kCorrespondent]},
                             {"executor", f[kExecutor]},  {"due", f[kDue]},
                             {"opened_on", f[kOpenedOn]}, {"overdue", overdue}};
    cases.push_back(std::move(item));
    last_key.assign(key);
  }
  if (!it->status().ok()) return storage::FromRocks(it->status(), log.dir());
  return boost::json::object{{"cases", std::move(cases)}, {"next_cursor", next_cursor}};
}

}  // namespace saqme::engine
