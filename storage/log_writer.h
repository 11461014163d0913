// LogWriter: the single writer at the tail of the log.
//
// It stages commands into a rocksdb::WriteBatch — assigning sequences, case versions and hashes
// against its view of the tail — without writing anything itself. The caller writes the batch
// with sync and then calls Commit() (the batch is durable: make the staged tail the real one) or
// Abandon() (the write failed: forget everything staged). This split lets one thread put many
// commands, and the engine's view updates, into one batch and one fsync. For a pipelined group
// commit, Seal() closes the staged batch while it is written, and the next batch is staged on
// top of it (its tail, versions and command ids); Commit() then makes the sealed one durable.
//
// Not thread-safe: exactly one thread (the Appender's writer, later the engine's sequencer) may
// use a LogWriter, and at most one LogWriter may exist per EventLog.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <rocksdb/write_batch.h>

#include "model/event_codec.h"
#include "model/status.h"
#include "storage/event_log.h"
#include "storage/keys.h"
#include "storage/lru_cache.h"

namespace saqme::storage {

struct AppendRequest {
  std::string case_id;
  // The case version the command was decided against: 0 opens a new case (the case must not
  // exist), N > 0 requires the case to be exactly at version N.
  uint32_t expected_version = 0;
  std::string command_id;
  std::vector<EventDraft> events;  // in order; each has its payload, actor and occurredAt set
  // Kept in the command record to tell a retry from a reused id (CommandRecord); empty for
  // appends that are not a client's command.
  std::string command_digest, command_post, command_type;
  // 0: each event is bounded by LogOptions::max_event_bytes, the guard against oversized client
  // commands. The engine's own configuration events (the adopted org chart, which a large body's
  // org file makes bigger than that) give their own bound here.
  size_t max_event_bytes = 0;
  // The caller has validated both ids and found the command id unused (FindCommand) since the
  // last Stage: Stage does not look again. The version is still checked.
  bool checked = false;
};

struct AppendResult {
  std::string case_id;
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  uint32_t version = 0;    // the case version after the command
  bool duplicate = false;  // the command id was already applied: this is the first result
  // The events as sealed and stored (framed canonical messages, first_seq..last_seq), for an
  // answer that shows them without encoding them again; empty for a duplicate.
  std::vector<std::string> sealed;
};

class LogWriter {
 public:
  // `clock` gives the recording time in ms since the epoch (the recordedAt of each event).
  // Requires no other LogWriter on `log`; reads the head of the chain from the log.
  static Result<std::unique_ptr<LogWriter>> Create(EventLog* log,
                                                   std::function<int64_t()> clock = {});

  // Validates `request` against the staged tail and, if it is acceptable, adds its events, case
  // index entries and command record to `batch`. On failure nothing is added and the staged tail
  // is unchanged: kInvalidArgument (empty, bad ids, too many events), kTooLarge, kConflict
  // (wrong expected version, or the command id was used for another case), kNotFound (unknown
  // case). A command id already applied (durably or earlier in this batch) returns its first
  // result with duplicate = true and adds nothing.
  Result<AppendResult> Stage(AppendRequest& request, rocksdb::WriteBatch* batch);

  // Takes back the most recent successful Stage not yet taken back (the caller rolls its batch
  // back to a savepoint taken before it): for a failure after staging, so the batch and the
  // tail stay in step. Repeated calls take back earlier Stages of the same batch in turn.
  void UndoLastStage();

  // The staged batch goes to be written: later Stages build on it, UndoLastStage no longer
  // reaches it. Requires no other sealed batch (the one before committed).
  void Seal();
  // The sealed batch (or, when none is sealed, the staged one) is durable: its tail becomes the
  // committed tail. What is staged on top of a sealed batch stays staged.
  void Commit();
  // A batch was not written: the tail returns to the last committed state, forgetting the
  // sealed batch and everything staged.
  void Abandon();

  // The first result of `command_id` if it was applied (durably, sealed, or staged in this
  // batch).
  Result<bool> FindCommand(const std::string& command_id, CommandRecord* record);
  // The case's version, counting sealed and staged events.
  Result<uint32_t> CurrentVersion(const std::string& case_id);
  // Tells the writer a case's committed version that the caller has just read (0 for a case
  // that does not exist), saving Stage a lookup. Requires it to be the committed version.
  void NoteCommittedVersion(const std::string& case_id, uint32_t version) {
    committed_versions_.Put(case_id, version, kVersionCharge);
  }
  // What one cached case version costs: its nodes, case id, malloc headers (glibc, measured:
  // 128 bytes with a case id of up to 15 characters, 176 with 26).
  static constexpr size_t kVersionCharge = 160;

  // The cache of committed versions (its entries, charge and bound), for the engine's figures.
  const LruCache<std::string, uint32_t>& cached_versions() const { return committed_versions_; }

  uint64_t committed_last_seq() const { return committed_.last_seq; }
  const Hash& committed_head_hash() const { return committed_.head_hash; }

 private:
  struct Tail {
    uint64_t last_seq = 0;
    Hash head_hash = kGenesisHash;
    int64_t last_recorded_at = 0;
  };
  // Requires `log` to be writable; the versions' cache gets the log's budget share.
  explicit LogWriter(EventLog* log)
      : log_(log), committed_versions_(log->memory_budget().CaseVersionBytes()) {}

  EventLog* log_;
  std::function<int64_t()> clock_;
  Tail committed_;
  Tail staged_;
  struct Undo {
    Tail tail;
    std::string case_id, command_id;
    std::optional<uint32_t> version;  // the staged version the case had before, if any
  };
  std::vector<Undo> stages_;  // of the staged batch, oldest first
  // Versions of cases touched by committed batches (a cache of the case index, bounded by
  // MemoryBudget::CaseVersionBytes; a miss reads the index) and of the staged batch.
  LruCache<std::string, uint32_t> committed_versions_;
  std::unordered_map<std::string, uint32_t> staged_versions_;
  std::unordered_map<std::string, CommandRecord> staged_commands_;
  // The sealed batch being written (Seal): its tail, versions and command records.
  bool sealed_ = false;
  Tail sealed_tail_;
  std::unordered_map<std::string, uint32_t> sealed_versions_;
  std::unordered_map<std::string, CommandRecord> sealed_commands_;
};

}  // namespace saqme::storage
