// Status: the outcome of a storage operation, in words for people.
//
// Every failure carries a code that callers branch on and a message in English and Georgian that
// reaches a clerk or an administrator unchanged (the CLI and, later, the HTTP API print it).
#pragma once

#include <string>
#include <utility>

namespace saqme {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,  // the request itself is malformed (empty batch, bad case id, ...)
    kNotFound,         // the case / event / data directory does not exist
    kConflict,         // optimistic concurrency: the case is not at the expected version
    kTooLarge,         // an event exceeds the configured size limit
    kLocked,           // the data directory is held by another process
    kCorruption,       // stored bytes do not decode or do not match their hash
    kIOError,          // the disk or RocksDB failed; nothing was acknowledged
    kUnavailable,      // the log is shutting down or stopped after a write failure
  };

  Status() = default;
  static Status Ok() { return Status(); }
  // `en` and `ka` say the same thing; `ka` may be empty for messages meant only for operators.
  static Status Error(Code code, std::string en, std::string ka = {}) {
    return Status(code, std::move(en), std::move(ka));
  }

  // A finer name for one kind of failure within its code, for callers that must tell it apart
  // (the API's "command_id_reused" within kConflict); empty for most.
  Status WithReason(std::string reason) && {
    reason_ = std::move(reason);
    return std::move(*this);
  }
  const std::string& reason() const { return reason_; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return en_; }
  const std::string& message_ka() const { return ka_; }
  // "<code>: <Georgian> / <English>" (or without the Georgian part when there is none).
  std::string ToString() const;
  static const char* CodeName(Code code);

 private:
  Status(Code code, std::string en, std::string ka)
      : code_(code), en_(std::move(en)), ka_(std::move(ka)) {}

  Code code_ = Code::kOk;
  std::string en_;
  std::string ka_;
  std::string reason_;
};

// A value or the Status explaining why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: requires !status.ok()

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return value_; }
  const T& value() const { return value_; }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }

 private:
  Status status_;
  T value_{};
};

}  // namespace saqme
