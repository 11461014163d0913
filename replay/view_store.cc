#include "replay/view_store.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>

#include <rocksdb/filter_policy.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>

#include "projection/views.h"
#include "storage/event_log.h"

namespace saqme::replay {

ViewStore::ViewStore(rocksdb::DB* db,
                     const std::map<std::string, rocksdb::ColumnFamilyHandle*>& families,
                     std::string dir, size_t batch_bytes)
    : db_(db),
      dir_(std::move(dir)),
      batch_bytes_(batch_bytes),
      filling_(std::make_unique<Batch>()),
      writing_(std::make_unique<Batch>()) {
  // What projection/projection.cc reads back with Get: journal entries (corrections, receipts,
  // acts made void), alerts (acknowledged) and the control counts.
  static const char* const kReadBack[] = {engine::kJournalsView, engine::kAlertsView,
                                          engine::kControlView};
  int slots = 0;
  for (const auto& name : engine::ViewFamilies()) {
    int slot = -1;
    for (const char* r : kReadBack) {
      if (name == r) slot = slots++;
    }
    // ViewFamilies() is static: its names outlive the store.
    families_.push_back({name.c_str(), families.at(name), slot});
  }
  filling_->indexed.resize(slots);
  writing_->indexed.resize(slots);
}

ViewStore::~ViewStore() { WaitForWrite(); }

const ViewStore::Family& ViewStore::Find(const char* name) {
  // The projection passes projection/views.h's constants: a pointer compare finds them at once.
  for (const auto& family : families_) {
    if (family.name == name) return family;
  }
  for (auto& family : families_) {
    if (std::strcmp(family.name, name) == 0) {
      family.name = name;  // the same text: next time by pointer
      return family;
    }
  }
  // A family the projection writes and ViewFamilies() does not name cannot be rebuilt.
  if (error_.ok()) {
    error_ = Status::Error(Status::Code::kInvalidArgument,
                           std::string("the projection writes an unknown view family ") + name);
  }
  return families_.front();
}

void ViewStore::Put(const char* family, const std::string& key, const std::string& value) {
  const Family& f = Find(family);
  if (!error_.ok()) return;
  if (f.read_back >= 0) {
    filling_->indexed[f.read_back][key] = value;
    filling_->indexed_bytes += key.size() + value.size();
  } else {
    filling_->plain.Put(f.handle, key, value);
  }
  // A journal entry's key is JournalKey's; the family's other registers (the delivery index,
  // the control register) have other shapes or names no journal has.
  if (f.name == engine::kJournalsView) {
    if (const std::string_view prefix = engine::JournalKeyPrefix(key); !prefix.empty()) {
      const uint32_t number = engine::JournalKeyNumber(key);
      auto it = last_numbers_.find(prefix);
      if (it == last_numbers_.end()) {
        last_numbers_.emplace(std::string(prefix), number);
      } else if (number > it->second) {
        it->second = number;
      }
    }
  }
  FlushIfFull();
}

void ViewStore::Delete(const char* family, const std::string& key) {
  const Family& f = Find(family);
  if (!error_.ok()) return;
  // Journal entries are never deleted (numbers are never reused), so the counts stay right.
  if (f.read_back >= 0) {
    filling_->indexed[f.read_back][key] = std::nullopt;
    filling_->indexed_bytes += key.size();
  } else {
    filling_->plain.Delete(f.handle, key);
  }
  FlushIfFull();
}

uint32_t ViewStore::LastNumber(std::string_view journal, int year) {
  auto it = last_numbers_.find(engine::JournalPrefix(journal, year));
  return it == last_numbers_.end() ? 0 : it->second;
}

std::optional<std::string> ViewStore::Get(const char* family, const std::string& key) {
  const Family& f = Find(family);
  if (!error_.ok()) return std::nullopt;
  std::string value;
  rocksdb::Status s;
  if (f.read_back < 0) {
    // Not read back today; correct all the same: what is buffered is written first.
    if (!Flush().ok()) return std::nullopt;
  } else {
    // The batch being filled, then the one being written (only read while it is written).
    for (Batch* batch : {filling_.get(), in_flight_.valid() ? writing_.get() : nullptr}) {
      if (!batch) continue;
      const auto& entries = batch->indexed[f.read_back];
      if (auto it = entries.find(key); it != entries.end()) return it->second;
    }
  }
  s = db_->Get(rocksdb::ReadOptions(), f.handle, key, &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) {
    if (error_.ok()) error_ = storage::FromRocks(s, dir_);
    return std::nullopt;
  }
  return value;
}

void ViewStore::FlushIfFull() {
  if (filling_->plain.GetDataSize() + filling_->indexed_bytes >= batch_bytes_) {
    StartWrite();
  }
}

void ViewStore::WaitForWrite() {
  if (!in_flight_.valid()) return;
  rocksdb::Status s = in_flight_.get();
  if (!s.ok() && error_.ok()) error_ = storage::FromRocks(s, dir_);
  writing_->plain.Clear();
  for (auto& entries : writing_->indexed) entries.clear();
  writing_->indexed_bytes = 0;
}

void ViewStore::StartWrite() {
  WaitForWrite();
  if (!error_.ok()) return;
  std::swap(filling_, writing_);
  // The write (and the read-back families' entries added to it) on the writing thread.
  in_flight_ = std::async(std::launch::async, [this, db = db_, batch = writing_.get()] {
    for (const Family& f : families_) {
      if (f.read_back < 0) continue;
      for (const auto& [key, value] : batch->indexed[f.read_back]) {
        rocksdb::Status s =
            value ? batch->plain.Put(f.handle, key, *value) : batch->plain.Delete(f.handle, key);
        if (!s.ok()) return s;
      }
    }
    rocksdb::WriteOptions write;
    write.disableWAL = true;
    return batch->plain.Count() == 0 ? rocksdb::Status::OK() : db->Write(write, &batch->plain);
  });
}

Status ViewStore::Flush() {
  StartWrite();
  WaitForWrite();
  return error_;
}

Result<std::unique_ptr<ScratchViews>> ScratchViews::Create() {
  static std::atomic<int> counter{0};
  std::unique_ptr<ScratchViews> scratch(new ScratchViews());
  std::error_code error;
  const auto base = std::filesystem::temp_directory_path(error);
  if (error)
    return Status::Error(Status::Code::kIOError, "no temporary directory: " + error.message());
  scratch->dir_ =
      (base / ("saqme-rebuild-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
               std::to_string(std::chrono::steady_clock::now().time_since_epoch().count())))
          .string();
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  options.error_if_exists = true;
  // Written once, read back in key order once (or a few keys again): no compaction, nothing
  // compressed; the memtables of all families together bounded.
  options.db_write_buffer_size = 256 << 20;
  options.max_background_jobs = 2;
  rocksdb::ColumnFamilyOptions family;
  family.write_buffer_size = 64 << 20;
  family.disable_auto_compactions = true;
  family.level0_slowdown_writes_trigger = 1 << 30;
  family.level0_stop_writes_trigger = 1 << 30;
  family.compression = rocksdb::kNoCompression;
  rocksdb::BlockBasedTableOptions table;
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  family.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors{
      {rocksdb::kDefaultColumnFamilyName, family}};
  for (const auto& name : engine::ViewFamilies()) descriptors.push_back({name, family});
  rocksdb::DB* db = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(rocksdb::DBOptions(options), scratch->dir_, descriptors,
                                        &scratch->handles_, &db);
  if (!s.ok()) return storage::FromRocks(s, scratch->dir_);
  scratch->db_.reset(db);
  for (size_t i = 1; i < descriptors.size(); ++i) {
    scratch->families_[descriptors[i].name] = scratch->handles_[i];
  }
  return scratch;
}

ScratchViews::~ScratchViews() {
  if (db_) {
    for (auto* handle : handles_) db_->DestroyColumnFamilyHandle(handle);
    db_->Close();
    db_.reset();
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace saqme::replay
