#include "storage/backup.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <rocksdb/utilities/backup_engine.h>

#include "storage/event_log.h"

namespace saqme::storage {
namespace {

namespace fs = std::filesystem;

// Beside BackupEngine's own meta/, private/ and shared_checksum/: saqme/<id>/ holds the head
// recorded at backup time and the files beside the log; saqme/LOCK serialises backups.
std::string SideDir(const std::string& backup_dir) { return backup_dir + "/saqme"; }
std::string SideDir(const std::string& backup_dir, uint32_t id) {
  return SideDir(backup_dir) + "/" + std::to_string(id);
}

Status IoError(const std::string& what, const std::string& what_ka) {
  return Status::Error(Status::Code::kIOError, what, what_ka);
}

Status FromBackupEngine(const rocksdb::IOStatus& status, const std::string& backup_dir) {
  if (status.ok()) return Status::Ok();
  if (status.IsCorruption()) {
    return Status::Error(Status::Code::kCorruption,
                         "the backup in " + backup_dir + " is damaged: " + status.ToString(),
                         "სარეზერვო ასლი " + backup_dir + " დაზიანებულია");
  }
  return IoError("backup error in " + backup_dir + ": " + status.ToString(),
                 "სარეზერვო ასლის შეცდომა (" + backup_dir + ")");
}

bool Vanished(const rocksdb::IOStatus& status) {
  return status.IsPathNotFound() || status.ToString().find("No such file") != std::string::npos;
}

// An exclusive lock on `backup_dir` for the life of the object (BackupEngine allows one writer).
class BackupDirLock {
 public:
  ~BackupDirLock() {
    if (fd_ >= 0) close(fd_);
  }
  // Requires `backup_dir` to exist.
  Status Acquire(const std::string& backup_dir) {
    std::error_code error;
    fs::create_directories(SideDir(backup_dir), error);
    fd_ = open((SideDir(backup_dir) + "/LOCK").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0) {
      return IoError("cannot create a lock file in " + backup_dir,
                     "საქაღალდეში " + backup_dir + " ჩაკეტვის ფაილი ვერ შეიქმნა");
    }
    if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      return Status::Error(Status::Code::kLocked,
                           "another saqme backup or restore is using " + backup_dir,
                           "საქაღალდეს " + backup_dir + " სხვა სარეზერვო პროცესი იყენებს");
    }
    return Status::Ok();
  }

 private:
  int fd_ = -1;
};

// Writes `bytes` to `to` atomically (a temporary beside it, fsync, rename), mode 0600.
Status WriteFileAtomically(const std::string& to, const std::string& bytes) {
  const std::string temporary = to + ".tmp";
  int fd = open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < bytes.size();) {
    ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    ok = n > 0;
    done += ok ? size_t(n) : 0;
  }
  ok = ok && fsync(fd) == 0;
  if (fd >= 0) ok = close(fd) == 0 && ok;
  ok = ok && rename(temporary.c_str(), to.c_str()) == 0;
  if (!ok) {
    unlink(temporary.c_str());
    return IoError("cannot write " + to, "ფაილი " + to + " ვერ ჩაიწერა");
  }
  return Status::Ok();
}

// Copies the FilesBesideTheLog() present in `from` into `to`, each atomically with 0600; an
// append-only `.jsonl` file is cut at its last complete line (the server may be writing one).
// Guarantees: *copied names the files copied.
Status CopyFilesBeside(const std::string& from, const std::string& to,
                       std::vector<std::string>* copied) {
  for (const auto& name : FilesBesideTheLog()) {
    std::ifstream in(from + "/" + name, std::ios::binary);
    if (!in) continue;  // not every directory has every file
    std::stringstream text;
    text << in.rdbuf();
    std::string bytes = text.str();
    if (name.ends_with(".jsonl")) bytes.resize(bytes.rfind('\n') + 1);  // npos + 1 == 0
    Status written = WriteFileAtomically(to + "/" + name, bytes);
    if (!written.ok()) return written;
    copied->push_back(name);
  }
  return Status::Ok();
}

// The head recorded with backup `id`: "SEQ HASH".
Status ReadRecordedHead(const std::string& backup_dir, uint32_t id, BackupSummary* summary) {
  std::ifstream in(SideDir(backup_dir, id) + "/head");
  if (!(in >> summary->head_seq >> summary->head_hash)) {
    return Status::Error(Status::Code::kNotFound,
                         "backup " + std::to_string(id) + " in " + backup_dir +
                             " is incomplete (no recorded head; it was interrupted)",
                         "სარეზერვო ასლი " + std::to_string(id) + " დაუსრულებელია");
  }
  for (const auto& name : FilesBesideTheLog()) {
    if (fs::exists(SideDir(backup_dir, id) + "/" + name)) summary->beside.push_back(name);
  }
  return Status::Ok();
}

// Walks the chain of the log restored in `dir`. Guarantees: the head on success; kCorruption,
// naming the first bad sequence, when the chain does not verify.
Status VerifyRestored(const std::string& dir, BackupSummary* summary) {
  LogOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto log = EventLog::Open(dir, options);
  if (!log.ok()) return log.status();
  const VerifyReport report = log.value()->Verify();
  if (!report.ok) {
    return Status::Error(
        Status::Code::kCorruption,
        "the backed-up log does not verify at sequence " + std::to_string(report.first_bad_seq) +
            ": " + report.problem,
        "სარეზერვო ასლის ჯაჭვი დარღვეულია მოვლენაზე " + std::to_string(report.first_bad_seq));
  }
  summary->head_seq = report.verified_through;
  summary->head_hash = HexOf(report.head_hash);
  return Status::Ok();
}

// A fresh directory named after `near` in its parent directory (same filesystem: a rename
// moves it into place), mode 0700.
Result<std::string> StagingDir(const std::string& near) {
  const fs::path path = fs::absolute(fs::path(near).lexically_normal());
  const fs::path parent =
      path.has_filename() ? path.parent_path() : path.parent_path().parent_path();
  const std::string name =
      path.has_filename() ? path.filename().string() : path.parent_path().filename().string();
  std::error_code error;
  fs::create_directories(parent, error);
  std::string pattern = (parent / ("." + name + ".saqme-XXXXXX")).string();
  if (!mkdtemp(pattern.data())) {
    return IoError("cannot create a directory beside " + near,
                   "საქაღალდე " + near + "-ის გვერდით ვერ შეიქმნა");
  }
  return pattern;
}

rocksdb::BackupEngineOptions EngineOptions(const std::string& backup_dir) {
  rocksdb::BackupEngineOptions options(backup_dir);
  options.max_background_operations = 2;
  return options;  // share_table_files + share_files_with_checksum: incremental by default
}

void FillFromInfo(const rocksdb::BackupInfo& info, BackupSummary* summary) {
  summary->id = info.backup_id;
  summary->created_at = info.timestamp;
  summary->bytes = info.size;
  summary->files = info.number_files;
}

// Restores backup `id` into the new directory `dir` and verifies it against the recorded head.
Status RestoreAndVerify(rocksdb::BackupEngineReadOnlyBase& engine, const std::string& backup_dir,
                        uint32_t id, const std::string& dir, BackupSummary* summary) {
  rocksdb::IOStatus restored = engine.RestoreDBFromBackup(rocksdb::RestoreOptions(), id, dir, dir);
  if (!restored.ok()) return FromBackupEngine(restored, backup_dir);
  BackupSummary found;
  Status verified = VerifyRestored(dir, &found);
  if (!verified.ok()) return verified;
  if (!summary->head_hash.empty() &&
      (found.head_seq != summary->head_seq || found.head_hash != summary->head_hash)) {
    return Status::Error(
        Status::Code::kCorruption,
        "backup " + std::to_string(id) + " restores to head " + std::to_string(found.head_seq) +
            ":" + found.head_hash + ", not the head recorded when it was taken " +
            std::to_string(summary->head_seq) + ":" + summary->head_hash,
        "სარეზერვო ასლი " + std::to_string(id) + " არ ემთხვევა შექმნისას ჩაწერილ ბოლო ჰეშს");
  }
  summary->head_seq = found.head_seq;
  summary->head_hash = found.head_hash;
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& FilesBesideTheLog() {
  static const std::vector<std::string> files = {"tokens.txt", "users.txt", "access-log.jsonl",
                                                 "simulated-clock"};
  return files;
}

Result<BackupSummary> CreateBackup(const std::string& data_dir, const std::string& backup_dir,
                                   int keep) {
  std::error_code error;
  if (!fs::exists(data_dir + "/CURRENT", error)) {
    return Status::Error(Status::Code::kNotFound, "no saqme log in " + data_dir,
                         "საქაღალდეში " + data_dir + " saqme-ის ჟურნალი არ არის");
  }
  if (fs::create_directories(backup_dir, error)) {
    fs::permissions(backup_dir, fs::perms::owner_all, error);
  }
  BackupDirLock lock;
  if (Status locked = lock.Acquire(backup_dir); !locked.ok()) return locked;
  rocksdb::BackupEngine* raw = nullptr;
  rocksdb::IOStatus s =
      rocksdb::BackupEngine::Open(EngineOptions(backup_dir), rocksdb::Env::Default(), &raw);
  if (!s.ok()) return FromBackupEngine(s, backup_dir);
  std::unique_ptr<rocksdb::BackupEngine> engine(raw);
  s = engine->GarbageCollect();  // what an interrupted backup left
  if (!s.ok()) return FromBackupEngine(s, backup_dir);

  // The secondary instance sees every synced write made before it opened. It cannot stop the
  // server deleting a file it lists (a finished compaction, a restart): then the copy fails
  // with the file missing and a fresh attempt lists the newer files.
  // A backup counts once it restores to a chain that verifies and reaches at least the last
  // sequence the secondary saw at its open — every command acknowledged before this call. A
  // copy that falls short (a WAL file deleted between the instance's view and its listing of
  // the WAL files) or does not verify is deleted and taken again from a fresh open.
  rocksdb::BackupID id = 0;
  BackupSummary summary;
  Status failure;
  constexpr int kAttempts = 8;
  for (int attempt = 1;; ++attempt) {
    if (attempt > kAttempts) return failure;
    s = engine->GarbageCollect();
    if (!s.ok()) return FromBackupEngine(s, backup_dir);
    LogOptions options;
    options.read_only = true;
    options.create_if_missing = false;
    auto log = EventLog::Open(data_dir, options);
    if (!log.ok()) return log.status();
    const uint64_t seen = log.value()->LastSequence();
    rocksdb::CreateBackupOptions create;
    create.flush_before_backup = false;  // a secondary cannot flush; the WAL files are copied
    s = engine->CreateNewBackup(create, log.value()->db(), &id);
    log.value().reset();
    if (!s.ok()) {
      failure = FromBackupEngine(s, backup_dir);
      if (!Vanished(s)) return failure;
      continue;
    }
    auto verify_dir = StagingDir(SideDir(backup_dir) + "/verify");
    if (!verify_dir.ok()) return verify_dir.status();
    summary = BackupSummary();
    failure = RestoreAndVerify(*engine, backup_dir, id, verify_dir.value(), &summary);
    fs::remove_all(verify_dir.value(), error);
    if (failure.ok() && summary.head_seq < seen) {
      failure = Status::Error(Status::Code::kIOError,
                              "the backup reached sequence " + std::to_string(summary.head_seq) +
                                  " of the " + std::to_string(seen) + " the server had written",
                              "სარეზერვო ასლი არასრულია");
    }
    if (failure.ok()) break;
    engine->DeleteBackup(id);
  }

  // The head and the files beside the log, written aside and renamed into place: a backup
  // without them (interrupted here) is refused by restore as incomplete.
  const std::string side = SideDir(backup_dir, id);
  fs::remove_all(side + ".tmp", error);
  fs::remove_all(side, error);  // a leftover of a deleted backup with the same id
  fs::create_directories(side + ".tmp", error);
  Status written = WriteFileAtomically(
      side + ".tmp/head", std::to_string(summary.head_seq) + " " + summary.head_hash + "\n");
  if (written.ok()) written = CopyFilesBeside(data_dir, side + ".tmp", &summary.beside);
  if (written.ok() && rename((side + ".tmp").c_str(), side.c_str()) != 0) {
    written = IoError("cannot complete backup " + std::to_string(id),
                      "სარეზერვო ასლი " + std::to_string(id) + " ვერ დასრულდა");
  }
  if (!written.ok()) return written;

  if (keep > 0) {
    s = engine->PurgeOldBackups(static_cast<uint32_t>(keep));
    if (!s.ok()) return FromBackupEngine(s, backup_dir);
  }
  std::vector<rocksdb::BackupInfo> infos;
  engine->GetBackupInfo(&infos);
  for (const auto& entry : fs::directory_iterator(SideDir(backup_dir), error)) {
    const std::string name = entry.path().filename().string();
    const bool live = std::any_of(infos.begin(), infos.end(), [&](const auto& info) {
      return std::to_string(info.backup_id) == name;
    });
    if (!live && name != "LOCK") fs::remove_all(entry.path(), error);
  }
  for (const auto& info : infos) {
    if (info.backup_id == id) FillFromInfo(info, &summary);
  }
  return summary;
}

Result<std::vector<BackupSummary>> ListBackups(const std::string& backup_dir) {
  std::error_code error;
  if (!fs::exists(backup_dir + "/meta", error)) {
    return Status::Error(Status::Code::kNotFound, "no saqme backups in " + backup_dir,
                         "საქაღალდეში " + backup_dir + " სარეზერვო ასლები არ არის");
  }
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  rocksdb::IOStatus s =
      rocksdb::BackupEngineReadOnly::Open(EngineOptions(backup_dir), rocksdb::Env::Default(), &raw);
  if (!s.ok()) return FromBackupEngine(s, backup_dir);
  std::unique_ptr<rocksdb::BackupEngineReadOnly> engine(raw);
  std::vector<rocksdb::BackupInfo> infos;
  engine->GetBackupInfo(&infos);
  std::vector<BackupSummary> backups;
  for (const auto& info : infos) {
    BackupSummary summary;
    FillFromInfo(info, &summary);
    ReadRecordedHead(backup_dir, info.backup_id, &summary);  // empty head: incomplete
    backups.push_back(std::move(summary));
  }
  if (backups.empty()) {
    return Status::Error(Status::Code::kNotFound, "no saqme backups in " + backup_dir,
                         "საქაღალდეში " + backup_dir + " სარეზერვო ასლები არ არის");
  }
  return backups;
}

Result<BackupSummary> RestoreBackup(const std::string& backup_dir, uint32_t id,
                                    const std::string& data_dir) {
  std::error_code error;
  if (fs::exists(data_dir, error) &&
      (!fs::is_directory(data_dir, error) || !fs::is_empty(data_dir, error))) {
    return Status::Error(
        Status::Code::kInvalidArgument,
        data_dir + " is not empty: restore only into a new or empty directory",
        "საქაღალდე " + data_dir + " ცარიელი არ არის: აღდგენა მხოლოდ ახალ ან ცარიელ საქაღალდეში");
  }
  auto backups = ListBackups(backup_dir);
  if (!backups.ok()) return backups.status();
  BackupSummary chosen;
  for (const auto& backup : backups.value()) {
    if (id == 0 || backup.id == id) chosen = backup;
  }
  if (chosen.id == 0) {
    return Status::Error(Status::Code::kNotFound,
                         "no backup " + std::to_string(id) + " in " + backup_dir,
                         "სარეზერვო ასლი " + std::to_string(id) + " არ არსებობს");
  }
  if (chosen.head_hash.empty()) {
    BackupSummary probe;
    return ReadRecordedHead(backup_dir, chosen.id, &probe);  // names it incomplete
  }
  // No purge may delete the backup's files meanwhile; a backup on read-only media (where no
  // lock file can be made) cannot be purged either.
  BackupDirLock lock;
  if (Status locked = lock.Acquire(backup_dir); locked.code() == Status::Code::kLocked) {
    return locked;
  }
  rocksdb::BackupEngineReadOnly* raw = nullptr;
  rocksdb::IOStatus s =
      rocksdb::BackupEngineReadOnly::Open(EngineOptions(backup_dir), rocksdb::Env::Default(), &raw);
  if (!s.ok()) return FromBackupEngine(s, backup_dir);
  std::unique_ptr<rocksdb::BackupEngineReadOnly> engine(raw);

  auto staging = StagingDir(data_dir);
  if (!staging.ok()) return staging.status();
  std::vector<std::string> copied;
  Status status = RestoreAndVerify(*engine, backup_dir, chosen.id, staging.value(), &chosen);
  if (status.ok())
    status = CopyFilesBeside(SideDir(backup_dir, chosen.id), staging.value(), &copied);
  if (status.ok()) {
    // The database's files too: the directory holds personal data.
    for (const auto& entry : fs::recursive_directory_iterator(staging.value(), error)) {
      if (entry.is_regular_file(error)) {
        fs::permissions(entry.path(), fs::perms::owner_read | fs::perms::owner_write, error);
      }
    }
    fs::remove(data_dir, error);  // the empty directory, if there was one
    if (rename(staging.value().c_str(), data_dir.c_str()) != 0) {
      status = IoError("cannot move the restored log into " + data_dir,
                       "აღდგენილი ჟურნალი " + data_dir + "-ში ვერ გადავიდა");
    }
  }
  if (!status.ok()) {
    fs::remove_all(staging.value(), error);
    return status;
  }
  chosen.beside = copied;
  return chosen;
}

}  // namespace saqme::storage
