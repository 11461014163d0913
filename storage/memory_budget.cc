#include "storage/memory_budget.h"

#include <algorithm>

namespace saqme::storage {

MemoryBudget::MemoryBudget(size_t megabytes)
    : megabytes_(std::max(megabytes, kMinimumMegabytes)),
      cache_(rocksdb::NewLRUCache(StorageBytes())),
      write_buffers_(std::make_shared<rocksdb::WriteBufferManager>(StorageBytes() / 2, cache_)) {}

void MemoryBudget::ConfigureDatabase(rocksdb::DBOptions* options) const {
  options->write_buffer_manager = write_buffers_;
  options->max_total_wal_size = bytes() / 4;
}

void MemoryBudget::ConfigureFamily(rocksdb::ColumnFamilyOptions* options,
                                   rocksdb::BlockBasedTableOptions table) const {
  options->write_buffer_size = std::min<size_t>(bytes() / 8, 64 << 20);
  options->max_write_buffer_number = 2;
  table.block_cache = cache_;
  // Index and filter blocks in the cache too: otherwise every open table file keeps its own in
  // memory outside any bound (the server keeps all of them open). Level 0's stay pinned, as the
  // most read.
  table.cache_index_and_filter_blocks = true;
  table.cache_index_and_filter_blocks_with_high_priority = true;
  table.pin_l0_filter_and_index_blocks_in_cache = true;
  // Both in partitions of about 4 KiB under a small top-level index (pinned): a lookup caches
  // the partitions it touches, not a table's whole index and filter. Whole, a large table's
  // index and filter are megabytes each; once the log outgrew the cache they pushed each other
  // out and every lookup in a table read, checked and decompressed them again: 43 % of the
  // sequencer's time generating a year at 3.3 million events (docs/benchmarks.md).
  // Tables written before keep their whole blocks until compaction rewrites them; both kinds
  // are read alike.
  table.index_type = rocksdb::BlockBasedTableOptions::kTwoLevelIndexSearch;
  table.partition_filters = true;
  table.metadata_block_size = 4096;
  table.pin_top_level_index_and_filter = true;
  options->table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
}

}  // namespace saqme::storage
