// The start-up integrity check: before a server writes to a log, the chain's tail must link and
// the head anchor it recorded earlier (the `anchor` file beside the log) must still be in it.
//
// The hash chain alone cannot tell a log cut back (its last events gone: an older copy of the
// directory put back, a lost write cache) from one that simply ends there, and a server would
// go on from the shorter head, giving the lost sequences and command ids to new commands. The
// anchor is the head (sequence, hash) as the server last saw it durable: written every second
// while it serves and at a clean stop (cli/anchor_keeper.h). The full chain from event 1 is
// `saqme verify`'s job; the format of the file is in docs/storage-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/event_codec.h"
#include "model/status.h"
#include "storage/event_log.h"

namespace saqme::storage {

// The events at the end of the log whose hashes and links are checked at every start.
inline constexpr uint64_t kTailEventsCheckedAtStart = 1000;

// The head of the log: the last durable sequence and its event's hash.
struct HeadAnchor {
  uint64_t seq = 0;
  Hash hash = kGenesisHash;
};

// The anchor file's text: "saqme-anchor-1 SEQ HEX\n" (HEX: 64 lower-case digits).
std::string FormatAnchorFile(const HeadAnchor& anchor);
// Parses FormatAnchorFile's text (SEQ ≥ 1). kCorruption in both languages otherwise.
Result<HeadAnchor> ParseAnchorFile(std::string_view text);

// The head of `log`: LastSequence() and the hash its event stores, checked against its bytes.
// seq 0 for an empty log. kCorruption when the head event does not check out.
Result<HeadAnchor> HeadOf(const EventLog& log);

// Checks `log` before a server writes to it: the last `tail_events` events are contiguous, each
// hashes to what it stores and links to the one before; and when `recorded` is given, the log
// reaches recorded->seq and its event there carries recorded->hash. Ok, or kCorruption with a
// message in both languages naming what is wrong and what to do (restore a backup, saqme
// verify, saqme serve --read-only). Costs `tail_events` reads plus one.
Status CheckAtStart(const EventLog& log, const std::optional<HeadAnchor>& recorded,
                    uint64_t tail_events = kTailEventsCheckedAtStart);

}  // namespace saqme::storage
