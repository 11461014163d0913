// A case as it stood at a point in its history: its own events replayed through the workflow's
// Evolve — the same function that built the live state — up to that point.
//
// Reading one case costs its own events (the case index), never the size of the log, so
// inspecting a case stays cheap on a server that has run for years. No snapshot is needed for
// correctness; none is used.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "storage/event_log.h"
#include "workflows/case_state.h"

namespace saqme::replay {

// Where to stop. Both empty: the whole history. `recorded_by`: the events the log held at that
// instant (ms since the epoch) — what the system knew then; `version`: the first N events.
struct ReplayPoint {
  std::optional<int64_t> recorded_by;
  std::optional<uint32_t> version;
};

// Called after each event is applied, with the state it produced.
using ReplayStep = std::function<void(uint64_t seq, const storage::EventView& event,
                                      const workflows::CaseState& after)>;

// Replays `case_id` up to `point` and returns the state there. Errors, each with Georgian and
// English words: kNotFound when the case does not exist, when it did not exist yet at
// `recorded_by`, or when `version` is 0 or past its last version (naming that version);
// kCorruption when the case index and the log disagree.
Result<workflows::CaseState> ReplayCase(const storage::EventLog& log, const std::string& case_id,
                                        const ReplayPoint& point, const ReplayStep& each = {});

}  // namespace saqme::replay
