// What a case's state says to whoever reads it, decided here so that the projection (and any
// other reader) only renders it: the archive state of a nomenclature file, and whether a
// session was held with its quorum. Pure.
#pragma once

#include "workflows/case_state.h"

namespace saqme::workflows {

// The archive state of `file`: "open" (kept by the office during its year), "departmental"
// (handed to the departmental archive with the year's inventory) or "state" (transferred on to
// the State Archive by a transfer act). Unified records-management rules, Presidential decree
// No 414 of 1 July 1999 (workflows/nomenclature.cc). Guarantees one of the three names.
const char* ArchiveStateOf(const NomenclatureEntry& file);

// Whether the session case `session` had its quorum: every stage but postponed (a session
// without a quorum is postponed and takes no vote; workflows/council_session.cc).
bool Quorate(const CaseState& session);

}  // namespace saqme::workflows
