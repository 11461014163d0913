// Key layout of the log's column families (the on-disk format is in docs/storage-format.md).
//
// All integers in keys are big-endian so that RocksDB's bytewise order is numeric order:
// iterating the `log` family is iterating the log, and a case's index entries are in version
// order.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/status.h"

namespace saqme::storage {

// Column family names.
inline constexpr char kLogFamily[] = "log";               // seq -> event bytes
inline constexpr char kCaseIndexFamily[] = "case_index";  // case id \0 version -> seq
inline constexpr char kCommandsFamily[] = "commands";     // command id -> CommandRecord
inline constexpr char kMetaFamily[] = "meta";             // name -> value

// Longest accepted case id and command id, in bytes.
inline constexpr size_t kMaxCaseIdBytes = 128;
inline constexpr size_t kMaxCommandIdBytes = 128;

std::string EncodeSeq(uint64_t seq);
// Requires key.size() == 8.
uint64_t DecodeSeq(std::string_view key);

// Requires ValidateCaseId(case_id).ok(); the NUL separator cannot occur inside a valid id.
std::string CaseIndexKey(std::string_view case_id, uint32_t version);
std::string CaseIndexPrefix(std::string_view case_id);
// Requires key to have been made by CaseIndexKey.
uint32_t CaseIndexVersion(std::string_view key);
// The case id of a key made by CaseIndexKey; empty for a key of any other shape (no id, no
// NUL separator, no 4-byte version).
std::string_view CaseIndexCaseId(std::string_view key);

// A case id is 1..128 bytes of [A-Za-z0-9._:-]: it appears in URLs, file names and journals.
Status ValidateCaseId(std::string_view case_id);
// A command id is 1..128 bytes of printable ASCII (clients often use UUIDs).
Status ValidateCommandId(std::string_view command_id);

// What an applied command produced; kept so that a retry returns the first answer.
struct CommandRecord {
  std::string case_id;
  uint64_t first_seq = 0;
  uint64_t last_seq = 0;
  uint32_t version = 0;  // the case version after the command
  // Who sent it and what it said, so that a command id that comes back with another command, or
  // from another post, is told apart from a retry. Empty in records written before they were
  // kept (and for the engine's own work): such a record answers every repeat as a retry.
  std::string digest;       // CommandDigest of the command (storage/command_digest.h), hex
  std::string post;         // the post that sent it
  std::string type;         // its type, "register_incoming"
  int64_t recorded_at = 0;  // ms since the epoch
};
std::string EncodeCommandRecord(const CommandRecord& record);
// Returns false when `value` is not a CommandRecord encoding.
bool DecodeCommandRecord(std::string_view value, CommandRecord* record);

}  // namespace saqme::storage
