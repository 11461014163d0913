// Where a rebuild writes the views: the view families of a RocksDB database (the log's next
// generation, or a scratch database for `saqme check`), in bounded batches, so that memory does
// not grow with the log.
#pragma once

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/write_batch.h>

#include "projection/projection.h"
#include "model/status.h"

namespace saqme::replay {

// A sink that buffers about `batch_bytes` of writes and then writes them to `db` without the WAL
// (nothing reads the target before it is flushed or switched to) on a thread of its own while the
// next batch fills: at most two batches in memory. The families the projection reads back
// (journals, alerts, control counts) are buffered in hash maps, so that a Get sees the batch being
// filled, then the one being written, then the database; a journal's last number is counted as
// entries are put. Requires the target families to be empty when the store starts and nobody
// else to write them meanwhile.
class ViewStore : public engine::ViewSink {
 public:
  // `families`: every view family name (engine::ViewFamilies()) -> its handle in `db`.
  ViewStore(rocksdb::DB* db, const std::map<std::string, rocksdb::ColumnFamilyHandle*>& families,
            std::string dir, size_t batch_bytes = 8 << 20);

  void Put(const char* family, const std::string& key, const std::string& value) override;
  void Delete(const char* family, const std::string& key) override;
  uint32_t LastNumber(std::string_view journal, int year) override;
  std::optional<std::string> Get(const char* family, const std::string& key) override;

  ~ViewStore() override;  // waits for a batch being written

  // Writes what is buffered and waits until it is written. Returns the first write error since
  // the store began (Put and Delete cannot return one; after an error they write nothing).
  Status Flush();

 private:
  struct Family {
    const char* name;
    rocksdb::ColumnFamilyHandle* handle;
    int read_back;  // its slot in Batch::indexed; -1 for a family never read back
  };
  // What fills while the previous one is written.
  struct Batch {
    rocksdb::WriteBatch plain;  // families written and never read back
    // Per family read back: key -> value, nullopt when deleted. Hash maps, not RocksDB's
    // indexed batch: the projection's lookups and puts cost a hash, not a skip list of memcmps.
    std::vector<std::unordered_map<std::string, std::optional<std::string>>> indexed;
    size_t indexed_bytes = 0;
  };
  const Family& Find(const char* name);
  void FlushIfFull();
  // Hands `filling_` to the writing thread (after the previous batch is written).
  void StartWrite();
  void WaitForWrite();

  rocksdb::DB* db_;
  std::string dir_;  // for errors
  size_t batch_bytes_;
  std::vector<Family> families_;
  std::unique_ptr<Batch> filling_, writing_;  // writing_: valid while in_flight_
  std::future<rocksdb::Status> in_flight_;
  std::map<std::string, uint32_t, std::less<>> last_numbers_;  // JournalPrefix -> number
  Status error_ = Status::Ok();
};

// A RocksDB database of its own with every view family, in a fresh temporary directory
// (TMPDIR), removed with the object: a rebuild's scratch space when the log is read-only.
class ScratchViews {
 public:
  static Result<std::unique_ptr<ScratchViews>> Create();
  ~ScratchViews();

  rocksdb::DB* db() const { return db_.get(); }
  const std::map<std::string, rocksdb::ColumnFamilyHandle*>& families() const { return families_; }
  const std::string& dir() const { return dir_; }

 private:
  ScratchViews() = default;
  std::string dir_;
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::map<std::string, rocksdb::ColumnFamilyHandle*> families_;
};

}  // namespace saqme::replay
