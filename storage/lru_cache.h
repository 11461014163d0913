// LruCache: a map bounded by an approximate byte charge, evicting the least recently used entry
// first; never cleared wholesale. The engine's case states and the log writer's case versions
// live in one each (storage/memory_budget.h gives their bounds), so a long soak neither grows
// without end nor falls back, all at once, to reading every case from the log.
//
// Each entry carries the charge its owner gives it (an estimate of the bytes it holds, its key
// and the cache's own bookkeeping included); the sum of the charges never exceeds capacity().
// An entry whose charge alone exceeds the capacity is not kept.
//
// Not thread-safe: one thread (the sequencer) uses a cache.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <unordered_map>
#include <utility>

namespace saqme::storage {

template <typename Key, typename Value, typename KeyHash = std::hash<Key>>
class LruCache {
 public:
  // What the cache adds to every entry besides its key and value: a list node and a hash node.
  static constexpr size_t kEntryOverhead = 2 * sizeof(void*) + sizeof(size_t) + 4 * sizeof(void*);

  // Requires nothing; a capacity of 0 keeps nothing.
  explicit LruCache(size_t capacity) : capacity_(capacity) {}
  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  // The value of `key`, now the most recently used; nullptr when not cached. The pointer is
  // valid until the next Put or Erase.
  Value* Get(const Key& key) {
    auto it = index_.find(std::cref(key));
    if (it == index_.end()) return nullptr;
    entries_.splice(entries_.begin(), entries_, it->second);
    return &it->second->value;
  }

  // Sets `key` to `value` with `charge` (the value's estimated bytes), in place when cached,
  // and makes it the most recently used; then evicts least recently used entries until the
  // charges fit the capacity. Guarantees charge() <= capacity() after it; an entry charged
  // above the capacity is not kept (and an older value of `key` is gone).
  void Put(const Key& key, Value value, size_t charge) {
    if (auto it = index_.find(std::cref(key)); it != index_.end()) {
      Entry& entry = *it->second;
      charge_ -= entry.charge;
      entry.value = std::move(value);
      entry.charge = charge;
      charge_ += charge;
      entries_.splice(entries_.begin(), entries_, it->second);
    } else {
      entries_.push_front(Entry{key, std::move(value), charge});
      index_.emplace(std::cref(entries_.front().key), entries_.begin());
      charge_ += charge;
    }
    EvictToFit();
  }

  // Removes `key` if cached; returns whether it was.
  bool Erase(const Key& key) {
    auto it = index_.find(std::cref(key));
    if (it == index_.end()) return false;
    auto entry = it->second;
    index_.erase(it);
    charge_ -= entry->charge;
    entries_.erase(entry);
    return true;
  }

  size_t size() const { return index_.size(); }
  size_t charge() const { return charge_; }  // the sum of the entries' charges
  size_t capacity() const { return capacity_; }
  size_t evictions() const { return evictions_; }  // entries evicted since construction

 private:
  struct Entry {
    Key key;
    Value value;
    size_t charge;
  };
  using Iterator = typename std::list<Entry>::iterator;
  // The index refers to the key inside its list node (nodes never move), so keys are stored once.
  struct RefHash {
    size_t operator()(const std::reference_wrapper<const Key>& key) const {
      return KeyHash()(key.get());
    }
  };
  struct RefEqual {
    bool operator()(const std::reference_wrapper<const Key>& a,
                    const std::reference_wrapper<const Key>& b) const {
      return a.get() == b.get();
    }
  };

  void EvictToFit() {
    while (charge_ > capacity_ && !entries_.empty()) {
      Erase(entries_.back().key);
      ++evictions_;
    }
  }

  size_t capacity_;
  size_t charge_ = 0;
  size_t evictions_ = 0;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::reference_wrapper<const Key>, Iterator, RefHash, RefEqual> index_;
};

}  // namespace saqme::storage
