// EventLog: the append-only log of every proceeding, in RocksDB — the single source of truth.
//
// EventLog owns the database and serves reads; writes go through exactly one LogWriter (see
// log_writer.h), normally driven by the group-commit Appender (appender.h). Reads are thread-safe
// and never wait for the writer. The on-disk layout is documented in docs/storage-format.md.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <rocksdb/db.h>

#include "model/event_codec.h"
#include "model/status.h"
#include "storage/memory_budget.h"

namespace saqme::storage {

struct LogOptions {
  bool create_if_missing = true;
  // Open without taking the directory lock, seeing the log as of the moment of opening; for
  // inspection tools that may run beside a live server. Writing is refused. The database is
  // opened as a RocksDB secondary instance (its info log in a temporary directory removed on
  // close), and the open is retried when a file vanishes under it (docs/storage-format.md).
  bool read_only = false;
  size_t max_event_bytes = 64 * 1024;    // larger events are refused with kTooLarge
  size_t max_events_per_command = 1000;  // more events in one append are refused
  // Column families kept beside the log so that views can be written in the same atomic batch
  // as the events that produce them (the engine's views). Created when missing. They come in
  // generations: a rebuild fills the next generation beside the live one and switches to it in
  // one synced write (CreateNextGeneration, SwitchToNextGeneration), so views are never
  // rewritten in place and a rebuild interrupted at any point leaves the live views intact.
  std::vector<std::string> extra_column_families;
  // What RocksDB may hold in memory (memtables and cached blocks) and in its WAL, for the whole
  // database (storage/memory_budget.h; `saqme serve --memory-budget-mb`).
  size_t memory_budget_mb = MemoryBudget::kDefaultMegabytes;
};

// The result of walking the hash chain.
struct VerifyReport {
  bool ok = true;
  uint64_t checked = 0;           // events whose hash was verified
  uint64_t verified_through = 0;  // last sequence of the intact prefix
  Hash head_hash = kGenesisHash;  // hash of event `verified_through`
  uint64_t first_bad_seq = 0;     // when !ok: the first sequence that does not match
  std::string problem;            // when !ok: what is wrong with it
};

class EventLog {
 public:
  // Opens (or creates) the log in `dir`. Fails with kLocked when another process holds it,
  // kNotFound when it does not exist and !create_if_missing.
  static Result<std::unique_ptr<EventLog>> Open(const std::string& dir, LogOptions options);
  ~EventLog();  // flushes nothing that was not already durable; closes RocksDB cleanly

  EventLog(const EventLog&) = delete;
  EventLog& operator=(const EventLog&) = delete;

  const LogOptions& options() const { return options_; }
  const std::string& dir() const { return dir_; }

  // The highest sequence whose batch is durable (0 for an empty log).
  uint64_t LastSequence() const { return last_seq_.load(std::memory_order_acquire); }
  // The number of events of the case (its current version); 0 when the case does not exist.
  Result<uint32_t> CaseVersion(const std::string& case_id) const;

  using Visitor = std::function<bool(uint64_t seq, const EventView& event)>;  // false stops
  // Visits the events of one case in version order. kNotFound for an unknown case. The cost is
  // the case's own events, not the size of the log.
  Status ReadCase(const std::string& case_id, const Visitor& visit) const;
  // Visits the log in sequence order from `first_seq` (inclusive).
  Status ReadFrom(uint64_t first_seq, const Visitor& visit) const;
  // ReadFrom's scan of the whole log, for a reader that decodes elsewhere (a rebuild hands the
  // bytes to another thread): visits each event's stored bytes, undecoded — valid only during
  // the call — and keeps the blocks it reads out of the block cache, so that one pass over the
  // log does not push out what the server reads often. Fails with kCorruption on a key that is
  // not a sequence; a malformed value is the decoder's to find.
  using StoredVisitor = std::function<bool(uint64_t seq, std::string_view stored)>;
  Status ScanStoredFrom(uint64_t first_seq, const StoredVisitor& visit) const;
  // Walks the whole hash chain from event 1. `progress` (optional) is called every 100 000
  // events with the number checked so far.
  VerifyReport Verify(const std::function<void(uint64_t)>& progress = {}) const;

  // For LogWriter and the engine: the database and its families. `family` resolves the name of
  // an extra family to its live generation; null when the family does not exist (a read-only
  // open of a log that never had it).
  rocksdb::DB* db() const { return db_.get(); }
  rocksdb::ColumnFamilyHandle* family(const std::string& name) const;

  // The live generation of the extra families (0 until the first rebuild).
  uint64_t view_generation() const { return view_generation_; }
  // Creates the extra families of the next generation, empty (dropping what an interrupted
  // rebuild left of them), and returns them by name. Requires a writable log and that nobody
  // writes the extra families meanwhile (the rebuild holds the directory lock).
  Result<std::map<std::string, rocksdb::ColumnFamilyHandle*>> CreateNextGeneration();
  // Makes the next generation live: flushes its families to disk, records the generation in
  // `meta` with one synced write — with `meta`'s entries, which describe the new generation (its
  // format) — then drops the previous generation's families. A crash before the write leaves
  // the old generation live; after it, the new one. Requires CreateNextGeneration and no
  // concurrent reader of the extra families.
  Status SwitchToNextGeneration(const std::map<std::string, std::string>& meta = {});
  rocksdb::ColumnFamilyHandle* log_family() const { return log_; }
  rocksdb::ColumnFamilyHandle* case_index_family() const { return case_index_; }
  rocksdb::ColumnFamilyHandle* commands_family() const { return commands_; }
  // The memory budget the database runs under (for figures: what it holds now).
  const MemoryBudget& memory_budget() const { return *budget_; }
  rocksdb::ColumnFamilyHandle* meta_family() const { return meta_; }
  // Called by the LogWriter after a batch is durable.
  void PublishLastSequence(uint64_t seq) { last_seq_.store(seq, std::memory_order_release); }
  // Returns true for the first caller only: the one LogWriter of this log.
  bool ClaimWriter() { return !writer_claimed_.exchange(true); }

 private:
  EventLog() = default;
  // One attempt of Open; *vanished is set when it failed because a file the server deleted
  // meanwhile (an obsolete table, WAL or MANIFEST) disappeared while it was being opened.
  static Result<std::unique_ptr<EventLog>> OpenOnce(const std::string& dir,
                                                    const LogOptions& options, bool* vanished);
  Status ReadLastSequence();
  Status OpenExtraFamilies();
  rocksdb::ColumnFamilyHandle* handle(const std::string& stored_name) const;

  std::string dir_;
  std::string secondary_dir_;  // a read-only open's own directory (RocksDB's info log)
  LogOptions options_;
  std::unique_ptr<MemoryBudget> budget_;  // shared by every family, also those created later
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  std::vector<std::string> names_;  // stored names, parallel to handles_
  uint64_t view_generation_ = 0;
  rocksdb::ColumnFamilyHandle* log_ = nullptr;
  rocksdb::ColumnFamilyHandle* case_index_ = nullptr;
  rocksdb::ColumnFamilyHandle* commands_ = nullptr;
  rocksdb::ColumnFamilyHandle* meta_ = nullptr;
  std::atomic<uint64_t> last_seq_{0};
  std::atomic<bool> writer_claimed_{false};
};

// Translates a RocksDB status into ours, naming the data directory for people.
Status FromRocks(const rocksdb::Status& status, const std::string& dir);

}  // namespace saqme::storage
