// Backups of a data directory: RocksDB's BackupEngine (incremental — table files shared between
// backups — and checksummed), taken from a secondary instance so that a live server keeps
// running, each proven by restoring it and walking its hash chain. docs/backup.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/status.h"

namespace saqme::storage {

// The files beside the database that a restored server needs (docs/storage-format.md, "The data
// directory"): copied into each backup and back by a restore.
const std::vector<std::string>& FilesBesideTheLog();

struct BackupSummary {
  uint32_t id = 0;                  // BackupEngine's id, increasing
  int64_t created_at = 0;           // Unix seconds
  uint64_t bytes = 0;               // the backup's files (shared table files counted in each)
  uint32_t files = 0;               // the number of those files
  uint64_t head_seq = 0;            // the last event the backup holds (0: an empty log)
  std::string head_hash;            // its hash in hex: with head_seq, the anchor SEQ:HASH
  std::vector<std::string> beside;  // the FilesBesideTheLog() it holds
};

// Backs up the log of `data_dir` (a server may be running on it) into `backup_dir`, created 0700
// when missing; with `keep` > 0 then deletes all but the newest `keep` backups.
// Requires: no other backup or restore on `backup_dir` at the same time (kLocked otherwise).
// Guarantees: on success the backup restores to a log whose chain verifies from event 1 to
// head_seq, holding every command acknowledged before the call began (a prefix of the log);
// a backup that does not verify is deleted and reported as kCorruption.
Result<BackupSummary> CreateBackup(const std::string& data_dir, const std::string& backup_dir,
                                   int keep);

// The backups in `backup_dir`, oldest first. kNotFound when it holds none.
Result<std::vector<BackupSummary>> ListBackups(const std::string& backup_dir);

// Restores backup `id` (0: the newest) from `backup_dir` into `data_dir`.
// Requires: `data_dir` absent or an empty directory (kInvalidArgument otherwise).
// Guarantees: `data_dir` appears whole or not at all — the backup is restored beside it, its
// beside files copied (0600), its chain verified against the head recorded at backup time,
// and only then renamed into place (0700).
Result<BackupSummary> RestoreBackup(const std::string& backup_dir, uint32_t id,
                                    const std::string& data_dir);

}  // namespace saqme::storage
