// Backups taken by `saqme serve` itself every --backup-every minutes into --backup-dir
// (docs/backup.md): the same storage::CreateBackup as `saqme backup`, on a thread of its own.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "cli/args.h"

namespace saqme::cli {

// --`name` MINUTES (a positive decimal, e.g. 0.5 or 1440) as a duration: absent is 0;
// kInvalidArgument, in Georgian and English, otherwise.
Result<std::chrono::milliseconds> ParseMinutes(const Args& args, const std::string& name);

class BackupSchedule {
 public:
  // Starts backing up `data_dir` into `backup_dir` once `every` has passed, then every `every`;
  // `keep` as in CreateBackup. Outcomes go to the server's log (ids and anchors only).
  BackupSchedule(std::string data_dir, std::string backup_dir, std::chrono::milliseconds every,
                 int keep);
  ~BackupSchedule();  // waits for a backup in progress, then stops

  // Seconds since the last successful backup of this process (nullopt: none yet).
  std::optional<double> LastBackupAgeSeconds() const;

 private:
  void Run();

  const std::string data_dir_, backup_dir_;
  const std::chrono::milliseconds every_;
  const int keep_;
  std::atomic<int64_t> last_ok_ms_{-1};  // steady clock, ms; -1: none yet
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace saqme::cli
