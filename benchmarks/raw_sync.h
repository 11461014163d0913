// The raw batched-fsync limit of this machine, shared by the benchmarks: plain RocksDB
// WriteBatches of `per_sync` values of `value_bytes`, each written with sync=true.
#pragma once

#include <chrono>
#include <cstring>
#include <memory>
#include <string>

#include <rocksdb/db.h>

namespace saqme::bench {

// Writes for about `seconds` into a fresh database in `dir`; returns values per second.
inline double RawBatchedSyncRate(const std::string& dir, size_t value_bytes, int per_sync,
                                 double seconds) {
  rocksdb::Options options;
  options.create_if_missing = true;
  rocksdb::DB* raw = nullptr;
  if (!rocksdb::DB::Open(options, dir, &raw).ok()) return 0;
  std::unique_ptr<rocksdb::DB> db(raw);
  const std::string value(value_bytes, 'v');
  rocksdb::WriteOptions sync;
  sync.sync = true;
  uint64_t key = 0, written = 0;
  const auto start = std::chrono::steady_clock::now();
  double elapsed = 0;
  while (elapsed < seconds) {
    rocksdb::WriteBatch batch;
    for (int i = 0; i < per_sync; ++i) {
      char k[8];
      const uint64_t big = __builtin_bswap64(++key);
      std::memcpy(k, &big, 8);
      batch.Put(rocksdb::Slice(k, 8), value);
    }
    if (!db->Write(sync, &batch).ok()) return 0;
    written += per_sync;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  db->Close();
  return written / elapsed;
}

}  // namespace saqme::bench
