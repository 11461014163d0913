// The audit export of one case: every event with its readable fields, its hash, the previous
// event's hash, and `canonical` — the exact bytes the hash covers (model/event_codec.h) — so a
// copy handed to an auditor, the council or a court can be re-verified offline with standard
// tools (docs/audit.md) and any edited field is found (VerifyExport, `saqme verify-export`).
//
// Formats: JSON {"case_id", "events": [event...]} with the keys of model/event_json.h plus
// "canonical"; CSV (RFC 4180, UTF-8, a header row) with the columns kCsvColumns, `data` being
// the payload as JSON text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "storage/event_log.h"

namespace saqme::replay {

inline constexpr const char* kCsvColumns[] = {
    "seq",          "case_id",    "version",    "type", "occurred_at", "recorded_at", "actor_post",
    "actor_person", "acting_for", "command_id", "data", "prev_hash",   "hash",        "canonical"};

// The case's events in version order as export objects (EventToJson + "canonical"). Errors as
// EventLog::ReadCase.
Result<boost::json::array> ExportCase(const storage::EventLog& log, const std::string& case_id);

// The export in each format.
std::string ExportJson(const std::string& case_id, const boost::json::array& events);
std::string ExportCsv(const boost::json::array& events);

// What re-verifying an export found.
struct ExportCheck {
  bool ok = true;
  uint64_t events = 0;         // rows checked
  uint64_t first_bad_seq = 0;  // when !ok and the problem is in a row: its seq (0 otherwise)
  std::string problem;         // when !ok: what is wrong, in words
};

// Re-verifies an export in either format (told apart by its first character): every row's hash
// is SHA-256(prev_hash || canonical); every readable field is what `canonical` says; rows of
// consecutive sequences chain (prev_hash = the previous row's hash); versions run 1, 2, … with
// no gap, all of one case. Anchoring the hashes to the live log is `saqme verify`'s part.
ExportCheck VerifyExport(std::string_view text);

}  // namespace saqme::replay
