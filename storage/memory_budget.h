// MemoryBudget: one figure bounding what RocksDB holds in memory and on disk between flushes —
// memtables, cached blocks (with the index and filter blocks of every table file) and the
// write-ahead log. Without it every column family had its own 64 MB memtables (the log has
// fourteen families) and the WAL was kept until every family had flushed: a long write soak grew
// the server from 48 to 631 MB and left 850 MB of WAL, 10 s to replay after a kill -9
// (docs/reliability.md, "Chaos, WAL and memory under a soak"). The same figure bounds the
// engine's own caches (case states, case versions), so one budget bounds every cache of the
// process.
#pragma once

#include <cstddef>
#include <memory>

#include <rocksdb/cache.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/write_buffer_manager.h>

namespace saqme::storage {

class MemoryBudget {
 public:
  static constexpr size_t kDefaultMegabytes = 256;
  static constexpr size_t kMinimumMegabytes = 16;

  // A budget of `megabytes` (raised to kMinimumMegabytes) for one open database and its writer:
  //   - the engine's case states a quarter (CaseStateBytes), the log writer's case versions a
  //     sixteenth (CaseVersionBytes): bounded LRU caches (storage/lru_cache.h);
  //   - RocksDB the rest (StorageBytes, 11/16): one LRU block cache of that size, shared by
  //     every family, holding data blocks and the index and filter partitions (those of level 0
  //     pinned);
  //   - memtables of all families together at most half of RocksDB's share (a
  //     WriteBufferManager charging them to the same cache, so memtables and cached blocks
  //     share the one figure), each family's memtable at most an eighth of the budget (and
  //     64 MB);
  //   - the WAL at most a quarter (max_total_wal_size): beyond it, the families whose memtables
  //     hold the oldest WAL file are flushed, so a restart after kill -9 replays little.
  explicit MemoryBudget(size_t megabytes);

  size_t megabytes() const { return megabytes_; }
  size_t bytes() const { return megabytes_ << 20; }
  // The engine's cache of case states (engine/engine.cc): a quarter — the largest of the
  // engine's caches (a registered letter's state is some 2 to 5 KB).
  size_t CaseStateBytes() const { return bytes() / 4; }
  // The log writer's cache of case versions (storage/log_writer.h): a sixteenth, at a fixed
  // charge per case, so many more cases than the states.
  size_t CaseVersionBytes() const { return bytes() / 16; }
  // RocksDB's block cache with the memtables charged to it: the rest.
  size_t StorageBytes() const { return bytes() - CaseStateBytes() - CaseVersionBytes(); }

  // Sets the database-wide limits (the write buffer manager, the WAL bound).
  // Requires: every family of the database is configured by ConfigureFamily of this budget.
  void ConfigureDatabase(rocksdb::DBOptions* options) const;
  // Sets a family's memtable size and its table options' shared cache; `table` carries the
  // family's own table options (its filter policy) and is installed as its table factory.
  void ConfigureFamily(rocksdb::ColumnFamilyOptions* options,
                       rocksdb::BlockBasedTableOptions table) const;

  // What the shared cache holds now (blocks and the memtables charged to it), in bytes.
  size_t CacheUsage() const { return cache_->GetUsage(); }
  // What the memtables of all families hold now, in bytes.
  size_t MemtableUsage() const { return write_buffers_->memory_usage(); }

 private:
  size_t megabytes_;
  std::shared_ptr<rocksdb::Cache> cache_;
  std::shared_ptr<rocksdb::WriteBufferManager> write_buffers_;
};

}  // namespace saqme::storage
