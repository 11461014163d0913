#include "storage/event_log.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include <stdlib.h>

#include <kj/exception.h>

#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>

#include "storage/info_log.h"
#include "storage/keys.h"

namespace saqme::storage {
namespace {

constexpr char kFormatKey[] = "format";
constexpr char kFormatValue[] = "saqme-log-1";

constexpr char kViewGenerationKey[] = "view_generation";

rocksdb::Slice ToSlice(const std::string& s) { return rocksdb::Slice(s.data(), s.size()); }

// The stored name of an extra family in generation `generation`: the plain name first (so logs
// written before generations existed read as generation 0), then "name#N".
std::string GenerationName(const std::string& name, uint64_t generation) {
  return generation == 0 ? name : name + "#" + std::to_string(generation);
}

// Whether `stored` is some generation of the extra family `name`.
bool IsGenerationOf(const std::string& stored, const std::string& name) {
  return stored == name || stored.rfind(name + "#", 0) == 0;
}

// The options of family `name`, within `budget` (the memtable size, the shared block cache).
rocksdb::ColumnFamilyOptions FamilyOptions(const std::string& name, const MemoryBudget& budget) {
  rocksdb::ColumnFamilyOptions cf_options;
  rocksdb::BlockBasedTableOptions table;
  if (name != kCaseIndexFamily && name != rocksdb::kDefaultColumnFamilyName) {
    // Point lookups: every append asks whether its command id is new (nearly always a miss),
    // case reads fetch events by sequence, the engine asks whether a case exists. Bloom
    // filters, also in the memtable, make a miss cost a few hash probes instead of a
    // skiplist search per level. (Prefix scans of the views do not use them.)
    table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
    cf_options.memtable_prefix_bloom_size_ratio = 0.02;
    cf_options.memtable_whole_key_filtering = true;
  }
  budget.ConfigureFamily(&cf_options, table);
  return cf_options;
}

// Whether `status` says that a file disappeared while RocksDB was opening or reading it.
bool FileVanished(const rocksdb::Status& status) {
  return status.IsPathNotFound() || status.ToString().find("No such file") != std::string::npos;
}

}  // namespace

Status FromRocks(const rocksdb::Status& status, const std::string& dir) {
  if (status.ok()) return Status::Ok();
  const std::string what = status.ToString();
  if (status.IsIOError() &&
      (what.find("lock") != std::string::npos || what.find("LOCK") != std::string::npos)) {
    return Status::Error(
        Status::Code::kLocked,
        "the data directory " + dir + " is in use by another saqme process (" + what + ")",
        "მონაცემთა საქაღალდე " + dir + " დაკავებულია saqme-ის სხვა პროცესის მიერ");
  }
  if (status.IsInvalidArgument() && what.find("does not exist") != std::string::npos) {
    return Status::Error(Status::Code::kNotFound, "no saqme log in " + dir + " (" + what + ")",
                         "საქაღალდეში " + dir + " saqme-ის ჟურნალი არ არის");
  }
  if (status.IsNoSpace() || what.find("No space left") != std::string::npos) {
    return Status::Error(Status::Code::kIOError,
                         "the filesystem of " + dir + " is full (" + what +
                             "); free space on it and start again: nothing was lost",
                         "მონაცემთა საქაღალდის " + dir +
                             " ფაილურ სისტემაზე ადგილი აღარ არის; გაათავისუფლეთ ადგილი და "
                             "თავიდან გაუშვით: არაფერი დაკარგულა");
  }
  if (status.IsCorruption()) {
    return Status::Error(Status::Code::kCorruption,
                         "the database in " + dir + " is damaged: " + what,
                         "მონაცემთა ბაზა " + dir + " დაზიანებულია");
  }
  return Status::Error(Status::Code::kIOError, "storage error in " + dir + ": " + what,
                       "შენახვის შეცდომა (" + dir + ")");
}

Result<std::unique_ptr<EventLog>> EventLog::Open(const std::string& dir, LogOptions options) {
  // A read-only open beside a live server can find a file named by the MANIFEST (or the MANIFEST
  // named by CURRENT) already deleted: the server finished a flush or compaction, or restarted,
  // between the two reads. The log is not damaged; a fresh attempt reads the newer state.
  constexpr int kAttempts = 20;
  for (int attempt = 1;; ++attempt) {
    bool vanished = false;
    auto log = OpenOnce(dir, options, &vanished);
    if (log.ok() || !vanished || attempt == kAttempts) return log;
    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(10 * attempt, 100)));
  }
}

Result<std::unique_ptr<EventLog>> EventLog::OpenOnce(const std::string& dir,
                                                     const LogOptions& options, bool* vanished) {
  std::unique_ptr<EventLog> log(new EventLog());
  log->dir_ = dir;
  log->options_ = options;
  log->budget_ = std::make_unique<MemoryBudget>(options.memory_budget_mb);
  auto failed = [&](const rocksdb::Status& s) {
    *vanished = options.read_only && FileVanished(s);
    return FromRocks(s, dir);
  };

  rocksdb::Options db_options;
  db_options.create_if_missing = options.create_if_missing && !options.read_only;
  db_options.create_missing_column_families = !options.read_only;
  db_options.IncreaseParallelism(2);
  // RocksDB's LOG is written by storage/info_log.h (LOG and LOG.old): a failed write of it on a
  // full filesystem must not abort the process.
  log->budget_->ConfigureDatabase(&db_options);

  // The families: the fixed ones and every one present in the directory (RocksDB opens all or
  // none). The extra families are opened or created per generation once `meta` is readable.
  std::vector<std::string> names = {rocksdb::kDefaultColumnFamilyName, kLogFamily, kCaseIndexFamily,
                                    kCommandsFamily, kMetaFamily};
  std::vector<std::string> existing;
  if (rocksdb::Status listed = rocksdb::DB::ListColumnFamilies(db_options, dir, &existing);
      listed.ok()) {
    for (const auto& name : existing) names.push_back(name);
  } else if (!db_options.create_if_missing) {
    std::error_code error;
    if (std::filesystem::exists(dir + "/CURRENT", error)) return failed(listed);
    return Status::Error(Status::Code::kNotFound, "no saqme log in " + dir,
                         "საქაღალდეში " + dir + " saqme-ის ჟურნალი არ არის");
  }
  std::sort(names.begin() + 1, names.end());
  names.erase(std::unique(names.begin() + 1, names.end()), names.end());

  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const auto& name : names) descriptors.emplace_back(name, FamilyOptions(name, *log->budget_));
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s;
  if (options.read_only) {
    // Only families that exist can be opened read-only.
    std::vector<rocksdb::ColumnFamilyDescriptor> present;
    for (auto& d : descriptors) {
      if (std::find(existing.begin(), existing.end(), d.name) != existing.end())
        present.push_back(d);
    }
    descriptors = present;
    names.clear();
    for (auto& d : descriptors) names.push_back(d.name);
    // A secondary instance, not OpenForReadOnly: RocksDB supports it beside a live primary
    // (a read-only instance beside a writer is undefined behaviour). It keeps every table file
    // it uses open (max_open_files = -1), so the server deleting them later does not matter.
    std::string pattern = (std::filesystem::temp_directory_path() / "saqme-reader-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
      return Status::Error(Status::Code::kIOError,
                           "cannot create a temporary directory for reading " + dir,
                           "დროებითი საქაღალდის შექმნა ვერ მოხერხდა");
    }
    log->secondary_dir_ = pattern;
    db_options.info_log = OpenInfoLog(log->secondary_dir_ + "/LOG");
    db_options.max_open_files = -1;
    s = rocksdb::DB::OpenAsSecondary(db_options, dir, log->secondary_dir_, descriptors,
                                     &log->handles_, &raw);
  } else {
    std::error_code error;
    if (options.create_if_missing) std::filesystem::create_directories(dir, error);
    if (error) {
      return Status::Error(Status::Code::kIOError,
                           "cannot create the data directory " + dir + ": " + error.message(),
                           "მონაცემთა საქაღალდის " + dir + " შექმნა ვერ მოხერხდა");
    }
    db_options.info_log = OpenInfoLog(dir + "/LOG");
    s = rocksdb::DB::Open(db_options, dir, descriptors, &log->handles_, &raw);
  }
  if (!s.ok()) return failed(s);
  log->db_.reset(raw);
  if (options.read_only) {
    // The open read the MANIFEST, then the WAL files; a WAL the server flushed and deleted in
    // between is missing from what was read, but its flush is in the MANIFEST by then (RocksDB
    // records a flush before deleting its WAL): catching up reads it.
    s = log->db_->TryCatchUpWithPrimary();
    if (!s.ok()) return failed(s);
  }
  log->names_ = names;
  log->log_ = log->handle(kLogFamily);
  log->case_index_ = log->handle(kCaseIndexFamily);
  log->commands_ = log->handle(kCommandsFamily);
  log->meta_ = log->handle(kMetaFamily);
  if (!log->log_ || !log->case_index_ || !log->commands_ || !log->meta_) {
    return Status::Error(Status::Code::kCorruption,
                         dir + " is not a saqme log (column families missing)",
                         dir + " არ არის saqme-ის ჟურნალი");
  }

  std::string format;
  s = log->db_->Get(rocksdb::ReadOptions(), log->meta_, kFormatKey, &format);
  if (s.IsNotFound() && !options.read_only) {
    rocksdb::WriteOptions sync;
    sync.sync = true;
    s = log->db_->Put(sync, log->meta_, kFormatKey, kFormatValue);
    format = kFormatValue;
  }
  if (s.IsNotFound() && options.read_only) {
    // Every saqme log has it from its first open: a view without it is one torn by the races
    // above (or not a saqme log at all, which the last attempt reports).
    *vanished = true;
    return Status::Error(Status::Code::kCorruption, dir + " is not a saqme log (no format)",
                         dir + " არ არის saqme-ის ჟურნალი");
  }
  if (!s.ok()) return failed(s);
  if (format != kFormatValue) {
    return Status::Error(
        Status::Code::kCorruption,
        dir + " holds log format '" + format + "', this build reads " + kFormatValue,
        dir + " შეიცავს ჟურნალის სხვა ფორმატს");
  }
  Status status = log->ReadLastSequence();
  if (!status.ok()) return status;
  status = log->OpenExtraFamilies();
  if (!status.ok()) return status;
  return log;
}

Status EventLog::OpenExtraFamilies() {
  std::string generation;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), meta_, kViewGenerationKey, &generation);
  if (!s.ok() && !s.IsNotFound()) return FromRocks(s, dir_);
  view_generation_ = s.ok() ? std::stoull(generation) : 0;
  if (options_.read_only) return Status::Ok();
  for (const auto& extra : options_.extra_column_families) {
    // What an interrupted rebuild left, or a generation a finished one did not get to drop.
    for (size_t i = names_.size(); i-- > 0;) {
      if (IsGenerationOf(names_[i], extra) &&
          names_[i] != GenerationName(extra, view_generation_)) {
        s = db_->DropColumnFamily(handles_[i]);
        if (!s.ok()) return FromRocks(s, dir_);
        db_->DestroyColumnFamilyHandle(handles_[i]);
        handles_.erase(handles_.begin() + i);
        names_.erase(names_.begin() + i);
      }
    }
    const std::string stored = GenerationName(extra, view_generation_);
    if (handle(stored)) continue;
    rocksdb::ColumnFamilyHandle* created = nullptr;
    s = db_->CreateColumnFamily(FamilyOptions(stored, *budget_), stored, &created);
    if (!s.ok()) return FromRocks(s, dir_);
    handles_.push_back(created);
    names_.push_back(stored);
  }
  return Status::Ok();
}

Result<std::map<std::string, rocksdb::ColumnFamilyHandle*>> EventLog::CreateNextGeneration() {
  if (options_.read_only) {
    return Status::Error(Status::Code::kInvalidArgument, "the log is open read-only");
  }
  std::map<std::string, rocksdb::ColumnFamilyHandle*> next;
  for (const auto& extra : options_.extra_column_families) {
    const std::string stored = GenerationName(extra, view_generation_ + 1);
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] != stored) continue;
      rocksdb::Status s = db_->DropColumnFamily(handles_[i]);
      if (!s.ok()) return FromRocks(s, dir_);
      db_->DestroyColumnFamilyHandle(handles_[i]);
      handles_.erase(handles_.begin() + i);
      names_.erase(names_.begin() + i);
      break;
    }
    rocksdb::ColumnFamilyHandle* created = nullptr;
    rocksdb::Status s = db_->CreateColumnFamily(FamilyOptions(stored, *budget_), stored, &created);
    if (!s.ok()) return FromRocks(s, dir_);
    handles_.push_back(created);
    names_.push_back(stored);
    next[extra] = created;
  }
  return next;
}

Status EventLog::SwitchToNextGeneration(const std::map<std::string, std::string>& meta) {
  std::vector<rocksdb::ColumnFamilyHandle*> next;
  for (const auto& extra : options_.extra_column_families) {
    auto* family = handle(GenerationName(extra, view_generation_ + 1));
    if (!family) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "no next generation of the views to switch to");
    }
    next.push_back(family);
  }
  rocksdb::FlushOptions flush;
  flush.wait = true;
  rocksdb::Status s = db_->Flush(flush, next);
  if (!s.ok()) return FromRocks(s, dir_);
  rocksdb::WriteOptions sync;
  sync.sync = true;
  rocksdb::WriteBatch switched;
  switched.Put(meta_, kViewGenerationKey, std::to_string(view_generation_ + 1));
  for (const auto& [key, value] : meta) switched.Put(meta_, key, value);
  s = db_->Write(sync, &switched);
  if (!s.ok()) return FromRocks(s, dir_);
  const uint64_t previous = view_generation_++;
  for (const auto& extra : options_.extra_column_families) {
    const std::string stored = GenerationName(extra, previous);
    for (size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] != stored) continue;
      s = db_->DropColumnFamily(handles_[i]);
      if (!s.ok()) return FromRocks(s, dir_);  // dropped at the next open
      db_->DestroyColumnFamilyHandle(handles_[i]);
      handles_.erase(handles_.begin() + i);
      names_.erase(names_.begin() + i);
      break;
    }
  }
  return Status::Ok();
}

EventLog::~EventLog() {
  if (db_) {
    if (!options_.read_only) {
      // A clean close leaves nothing to replay: the memtables go to table files (their data is
      // already durable in the WAL), so the next open — a restart, a backup's copy, a generated
      // year — reads tables, not up to the budget's WAL. A failed flush loses nothing: the WAL
      // still holds it.
      rocksdb::FlushOptions flush;
      flush.wait = true;
      db_->Flush(flush, handles_).PermitUncheckedError();
    }
    for (auto* handle : handles_) db_->DestroyColumnFamilyHandle(handle);
    db_->Close();
    db_.reset();
  }
  if (!secondary_dir_.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(secondary_dir_, ignored);
  }
}

rocksdb::ColumnFamilyHandle* EventLog::handle(const std::string& stored_name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == stored_name) return handles_[i];
  }
  return nullptr;
}

rocksdb::ColumnFamilyHandle* EventLog::family(const std::string& name) const {
  const auto& extra = options_.extra_column_families;
  if (std::find(extra.begin(), extra.end(), name) != extra.end()) {
    return handle(GenerationName(name, view_generation_));
  }
  return handle(name);
}

Status EventLog::ReadLastSequence() {
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), log_));
  it->SeekToLast();
  if (!it->status().ok()) return FromRocks(it->status(), dir_);
  if (it->Valid() && it->key().size() != 8) {
    return Status::Error(Status::Code::kCorruption, "the last log key has the wrong length");
  }
  last_seq_ = it->Valid() ? DecodeSeq(std::string_view(it->key().data(), it->key().size())) : 0;
  return Status::Ok();
}

Result<uint32_t> EventLog::CaseVersion(const std::string& case_id) const {
  Status valid = ValidateCaseId(case_id);
  if (!valid.ok()) return valid;
  std::string prefix = CaseIndexPrefix(case_id);
  std::string last = CaseIndexKey(case_id, UINT32_MAX);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), case_index_));
  it->SeekForPrev(ToSlice(last));
  if (!it->status().ok()) return FromRocks(it->status(), dir_);
  if (!it->Valid() || !it->key().starts_with(ToSlice(prefix))) return uint32_t{0};
  if (it->key().size() != prefix.size() + 4) {
    return Status::Error(Status::Code::kCorruption,
                         "case index entry of " + case_id + " is damaged");
  }
  return CaseIndexVersion(std::string_view(it->key().data(), it->key().size()));
}

Status EventLog::ReadCase(const std::string& case_id, const Visitor& visit) const {
  Status valid = ValidateCaseId(case_id);
  if (!valid.ok()) return valid;
  std::string prefix = CaseIndexPrefix(case_id);
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), case_index_));
  bool any = false;
  for (it->Seek(ToSlice(prefix)); it->Valid() && it->key().starts_with(ToSlice(prefix));
       it->Next()) {
    any = true;
    if (it->value().size() != 8) {
      return Status::Error(Status::Code::kCorruption,
                           "case index entry of " + case_id + " is damaged");
    }
    uint64_t seq = DecodeSeq(std::string_view(it->value().data(), 8));
    rocksdb::PinnableSlice bytes;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), log_, EncodeSeq(seq), &bytes);
    if (s.IsNotFound()) {
      return Status::Error(Status::Code::kCorruption,
                           "case " + case_id + " refers to missing event " + std::to_string(seq));
    }
    if (!s.ok()) return FromRocks(s, dir_);
    auto view = EventView::Decode(std::string_view(bytes.data(), bytes.size()));
    if (!view.ok()) return view.status();
    // The index must point at this case's event of this version.
    const uint32_t version = CaseIndexVersion(std::string_view(it->key().data(), it->key().size()));
    bool matches = false;
    try {
      matches = view.value()->event().getCaseId() == case_id.c_str() &&
                view.value()->event().getCaseVersion() == version;
    } catch (const kj::Exception&) {
    }
    if (!matches) {
      return Status::Error(Status::Code::kCorruption,
                           "case index entry " + case_id + " v" + std::to_string(version) +
                               " points at event " + std::to_string(seq) + " of another case",
                           "საქმის " + case_id + " ინდექსი დაზიანებულია");
    }
    if (!visit(seq, *view.value())) return Status::Ok();
  }
  if (!it->status().ok()) return FromRocks(it->status(), dir_);
  if (!any) {
    return Status::Error(Status::Code::kNotFound, "unknown case " + case_id,
                         "საქმე " + case_id + " არ არსებობს");
  }
  return Status::Ok();
}

namespace {

// Visits the log's entries from `first_seq` in sequence order with `read`'s options.
Status VisitStored(rocksdb::DB* db, rocksdb::ColumnFamilyHandle* log, const std::string& dir,
                   const rocksdb::ReadOptions& read, uint64_t first_seq,
                   const EventLog::StoredVisitor& visit) {
  std::unique_ptr<rocksdb::Iterator> it(db->NewIterator(read, log));
  for (it->Seek(EncodeSeq(first_seq)); it->Valid(); it->Next()) {
    if (it->key().size() != 8) {
      return Status::Error(Status::Code::kCorruption, "log key of wrong length");
    }
    const uint64_t seq = DecodeSeq(std::string_view(it->key().data(), 8));
    if (!visit(seq, std::string_view(it->value().data(), it->value().size()))) return Status::Ok();
  }
  return it->status().ok() ? Status::Ok() : FromRocks(it->status(), dir);
}

}  // namespace

Status EventLog::ReadFrom(uint64_t first_seq, const Visitor& visit) const {
  rocksdb::ReadOptions read;
  read.readahead_size = 2 << 20;
  Status failed = Status::Ok();
  Status scanned = VisitStored(db_.get(), log_, dir_, read, first_seq,
                               [&](uint64_t seq, std::string_view stored) {
                                 auto view = EventView::Decode(stored);
                                 if (!view.ok()) {
                                   failed = view.status();
                                   return false;
                                 }
                                 return visit(seq, *view.value());
                               });
  return failed.ok() ? scanned : failed;
}

Status EventLog::ScanStoredFrom(uint64_t first_seq, const StoredVisitor& visit) const {
  rocksdb::ReadOptions read;
  read.readahead_size = 2 << 20;
  read.fill_cache = false;
  return VisitStored(db_.get(), log_, dir_, read, first_seq, visit);
}

VerifyReport EventLog::Verify(const std::function<void(uint64_t)>& progress) const {
  VerifyReport report;
  rocksdb::ReadOptions read;
  read.readahead_size = 2 << 20;
  read.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(read, log_));
  uint64_t expected = 1;
  Hash before_head = kGenesisHash;  // hash of event expected-2
  auto fail = [&](uint64_t seq, std::string problem) {
    report.ok = false;
    report.first_bad_seq = seq;
    report.problem = std::move(problem);
  };
  for (it->SeekToFirst(); it->Valid(); it->Next(), ++expected) {
    if (it->key().size() != 8) {
      fail(expected, "a log key of the wrong length follows event " + std::to_string(expected - 1));
      return report;
    }
    uint64_t seq = DecodeSeq(std::string_view(it->key().data(), 8));
    if (seq != expected) {
      fail(expected, "event " + std::to_string(expected) + " is missing (next stored is " +
                         std::to_string(seq) + ")");
      return report;
    }
    Hash hash;
    bool link_broken = false;
    Status s = CheckEvent(std::string_view(it->value().data(), it->value().size()), seq,
                          report.head_hash, &hash, &link_broken);
    if (!s.ok()) {
      fail(seq, s.message());
      if (link_broken && seq > 1) {
        // Event seq-1 may be the forged one (rewritten and re-hashed): it is not intact either.
        report.verified_through = seq - 2;
        report.head_hash = before_head;
        report.checked = report.checked > 0 ? report.checked - 1 : 0;
      }
      return report;
    }
    before_head = report.head_hash;
    report.head_hash = hash;
    report.verified_through = seq;
    ++report.checked;
    if (progress && report.checked % 100000 == 0) progress(report.checked);
  }
  if (!it->status().ok()) fail(expected, FromRocks(it->status(), dir_).message());
  return report;
}

}  // namespace saqme::storage
