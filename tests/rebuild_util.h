// Live views and a rebuild from the log, in the same comparable form.
#pragma once

#include <memory>
#include <string>

#include <rocksdb/db.h>

#include "engine/engine.h"
#include "projection/case_snapshot.h"
#include "projection/projection.h"
#include "projection/views.h"
#include "replay/view_rebuild.h"

namespace saqme::testing {

inline replay::ViewSetup SetupOf(const engine::Engine& engine) {
  const auto& options = engine.options();
  return replay::ViewSetup{options.org, options.calendar, options.watch_policy};
}

// Every view rebuilt from `engine`'s log alone.
inline replay::ViewMap RebuiltViews(engine::Engine& engine) {
  auto rebuilt = replay::Rebuild(engine.log(), SetupOf(engine));
  return rebuilt.ok() ? rebuilt.value()->ToMap() : replay::ViewMap{{"error", {}}};
}

inline replay::ViewMap LiveViews(engine::Engine& engine) { return replay::LiveViews(engine.log()); }

// Turns the views of `log` into what a binary before the case state snapshots left: every case
// entry its case view's JSON, no `view_format` in meta. Returns the number of entries turned.
inline size_t MakeViewsOfTheFormatBeforeSnapshots(const storage::EventLog& log) {
  auto* db = log.db();
  auto* cases = log.family(engine::kCasesView);
  size_t turned = 0;
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(rocksdb::ReadOptions(), cases));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    workflows::CaseState state;
    if (!engine::DecodeCaseSnapshot(it->value().ToString(), &state)) continue;
    std::string view;
    engine::WriteCaseView(state, view);
    if (db->Put(rocksdb::WriteOptions(), cases, it->key(), view).ok()) ++turned;
  }
  db->Delete(rocksdb::WriteOptions(), log.meta_family(), engine::kViewFormatKey);
  return turned;
}

}  // namespace saqme::testing
