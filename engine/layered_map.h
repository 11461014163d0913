// LayeredMap: a register the sequencer holds in memory, in the layers of the pipelined group
// commit — the committed values, the sealed group's (written, not yet durable) and the staged
// group's — with the undo of the atomic unit being staged.
//
// The journals' last numbers, the nomenclature's files and the periodic reports owed are
// LayeredMaps (engine/engine.cc): Decide's questions about them (workflows::Context's
// next_number, in_nomenclature, required_report) are answered from here, not read from the
// views. A key is taken from the committed views once, on its first question (`load`), and
// from then on follows what the sequencer stages: the projection's writes to those views pass
// through Stage.
//
// Not thread-safe: the sequencer's (its Stage and Seal calls from its thread, Commit from the
// writer's, never at once: GroupCommit serialises the Stager's calls).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace saqme::engine {

template <typename V>
class LayeredMap {
 public:
  // The value of `key` as the group being staged sees it: its own, the sealed group's, the
  // committed one — or, on the key's first question, `load(key)` (the committed views' answer),
  // kept as committed. `load` must give the committed value: it is called only for a key that
  // no layer holds.
  template <typename Load>
  V Get(const std::string& key, Load&& load) {
    if (auto it = staged_.find(key); it != staged_.end()) return it->second;
    if (auto it = sealed_.find(key); it != sealed_.end()) return it->second;
    if (auto it = committed_.find(key); it != committed_.end()) return it->second;
    V loaded = load(key);
    committed_.emplace(key, loaded);
    return loaded;
  }

  // Sets `key` in the staged layer; the unit's undo keeps what it replaced.
  void Stage(const std::string& key, V value) {
    auto [it, inserted] = staged_.try_emplace(key, value);
    undo_.emplace_back(key, inserted ? std::nullopt : std::optional<V>(std::move(it->second)));
    it->second = std::move(value);
  }

  // A new atomic unit begins: what it stages is what UndoUnit takes back.
  void BeginUnit() { undo_.clear(); }
  // Takes back what the unit staged, newest first.
  void UndoUnit() {
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
      if (it->second) {
        staged_[it->first] = std::move(*it->second);
      } else {
        staged_.erase(it->first);
      }
    }
    undo_.clear();
  }
  // The staged group goes to be written: its values become the sealed layer. Requires the
  // sealed layer committed (or abandoned) before.
  void Seal() {
    sealed_ = std::move(staged_);
    staged_.clear();
    undo_.clear();
  }
  // The sealed group is durable: its values are committed.
  void Commit() {
    for (auto& [key, value] : sealed_) committed_[key] = std::move(value);
    sealed_.clear();
  }
  // A write failed: the staged and sealed layers are forgotten.
  void Abandon() {
    staged_.clear();
    sealed_.clear();
    undo_.clear();
  }

 private:
  std::unordered_map<std::string, V> committed_;
  std::map<std::string, V> staged_, sealed_;
  std::vector<std::pair<std::string, std::optional<V>>> undo_;
};

}  // namespace saqme::engine
