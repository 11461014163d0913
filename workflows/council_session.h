// Sessions (სხდომა) of the council, its bureau, a standing commission or a faction; see
// council_session.cc for the rules and their sources.
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::council_session {

// Opens a session case: convened with its date and agenda.
Decision Convene(schema::ConveneSession::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

// The register the session's minutes are numbered in: "minutes-council", "minutes-bureau",
// "minutes-commission", "minutes-faction" (one per body and year).
std::string MinutesJournal(const std::string& body);

}  // namespace saqme::workflows::council_session
