// The data directory opened with plain RocksDB, as someone editing it behind saqme's back would.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "storage/keys.h"

namespace saqme::testing {

using storage::EncodeSeq;
using storage::kCaseIndexFamily;
using storage::kLogFamily;

// Opens the data directory with plain RocksDB, as someone editing it directly would.
class RawDb {
 public:
  explicit RawDb(const std::string& dir) {
    std::vector<std::string> names;
    EXPECT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::Options(), dir, &names).ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const auto& name : names) descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    rocksdb::DB* db = nullptr;
    EXPECT_TRUE(rocksdb::DB::Open(rocksdb::Options(), dir, descriptors, &handles_, &db).ok());
    db_.reset(db);
    for (size_t i = 0; i < names.size(); ++i) {
      if (names[i] == kLogFamily) log_ = handles_[i];
      if (names[i] == kCaseIndexFamily) index_ = handles_[i];
    }
  }
  ~RawDb() {
    for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
  }
  std::string Get(uint64_t seq) {
    std::string value;
    EXPECT_TRUE(db_->Get(rocksdb::ReadOptions(), log_, EncodeSeq(seq), &value).ok());
    return value;
  }
  void Put(uint64_t seq, const std::string& value) {
    EXPECT_TRUE(db_->Put(rocksdb::WriteOptions(), log_, EncodeSeq(seq), value).ok());
  }
  void PutIndex(const std::string& key, const std::string& value) {
    EXPECT_TRUE(db_->Put(rocksdb::WriteOptions(), index_, key, value).ok());
  }
  void Delete(uint64_t seq) {
    EXPECT_TRUE(db_->Delete(rocksdb::WriteOptions(), log_, EncodeSeq(seq)).ok());
  }

 private:
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  rocksdb::ColumnFamilyHandle* log_ = nullptr;
  rocksdb::ColumnFamilyHandle* index_ = nullptr;
};

}  // namespace saqme::testing
