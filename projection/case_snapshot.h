// The snapshot of a case's state: workflows::CaseState as a Cap'n Proto message
// (projection/case_snapshot.capnp), the entry of the case in `view_cases` (projection/views.h),
// written by ProjectCaseState in the batch of every command that changes the case. The engine
// takes a case whose state its cache does not hold with one read of the snapshot instead of
// replaying the case's events; readers render the case view from it (CaseView); a rebuild
// writes the same bytes from the same state.
#pragma once

#include <string>
#include <string_view>

#include "workflows/case_state.h"

namespace saqme::engine {

// The snapshot of `state`: a packed Cap'n Proto message, the same bytes for equal states.
// Empty text and lists are left out (they read back empty).
std::string EncodeCaseSnapshot(const workflows::CaseState& state);

// Reads a snapshot made by EncodeCaseSnapshot into `*state`. Returns false, leaving `*state`
// unspecified, when `bytes` is not one (the caller then replays the case's events).
// Guarantees DecodeCaseSnapshot(EncodeCaseSnapshot(s)) == s.
bool DecodeCaseSnapshot(std::string_view bytes, workflows::CaseState* state);

}  // namespace saqme::engine
