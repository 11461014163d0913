// AccessLog: who read which case on what ground, when — an append-only file beside the log
// (DATA/access-log.jsonl), not the proceeding's history (docs/access.md).
//
// A read is not an event of the proceeding: it changes nothing in the case, so it is kept out
// of the hash-chained event log and written without the sequencer — a read never waits for an
// fsync or for the writer. Each entry is one JSON line, appended with one write(2) on a
// descriptor opened O_APPEND, so concurrent appends never interleave and nothing already
// written is rewritten. Lines reach the page cache at once (a crash of the process loses
// nothing); they are fsync'd every kSyncEvery entries and when the log closes. A line torn by a
// crash of the machine is ended at the next open and skipped by Read.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "model/status.h"

namespace saqme::api {

struct AccessEntry {
  std::string at;  // Tbilisi time of the read, "2026-11-02T10:30:00+04:00"
  std::string post, person, case_id, route, ground;
};

class AccessLog {
 public:
  static constexpr int kSyncEvery = 64;

  // Opens (creating) the file at `path`; kUnavailable with the system's reason when it cannot.
  static Result<std::unique_ptr<AccessLog>> Open(const std::string& path);
  ~AccessLog();

  // Appends one entry. Thread-safe.
  Status Append(const AccessEntry& entry);

  // Entries oldest first from `cursor` (an opaque position from an earlier page; "" for the
  // start), those of `case_id` only when it is not empty, at most `limit`. `next_cursor` is set
  // when more entries may follow. kInvalidArgument for a cursor this log did not give.
  struct Page {
    std::vector<boost::json::object> entries;
    std::optional<std::string> next_cursor;
  };
  Result<Page> Read(const std::string& case_id, size_t limit, const std::string& cursor) const;

 private:
  AccessLog(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_;
  std::mutex mu_;
  int unsynced_ = 0;
};

}  // namespace saqme::api
