// Anchors: a head hash published outside the data directory — printed in the annual report,
// kept by the council — checked against the log later.
//
// The hash chain alone cannot catch someone who rewrites the tail of the log and recomputes
// every hash after it, or who cuts the tail off: the rewritten chain verifies. A published
// anchor "SEQ:HASH" can: the event at SEQ must still be in the intact chain with that hash
// (docs/audit.md). `saqme verify` prints the anchor of the current head; `saqme verify
// --anchor` and GET /v1/audit/verify?anchor= check one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/event_log.h"

namespace saqme::replay {

struct Anchor {
  uint64_t seq = 0;
  std::string hash_hex;  // 64 lower-case hex digits
};

// "SEQ:HEX" (SEQ ≥ 1, HEX 64 hex digits, either case). kInvalidArgument in both languages.
Result<Anchor> ParseAnchor(std::string_view text);

// The anchor of the head of an intact chain: "verified_through:head_hash".
std::string AnchorOf(const storage::VerifyReport& report);

struct AnchorCheck {
  bool holds = false;
  std::string problem, problem_ka;  // when !holds
};

// Whether `anchor` holds in `log`, whose chain `report` (from log.Verify()) walked: the event at
// anchor.seq lies in the verified prefix and carries that hash.
AnchorCheck CheckAnchor(const storage::EventLog& log, const storage::VerifyReport& report,
                        const Anchor& anchor);

}  // namespace saqme::replay
