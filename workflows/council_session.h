// Sessions (სხდომა) of the council, its bureau, a standing commission or a faction; see
// council_session.cc for the rules and their sources.
#pragma once

#include <string_view>

#include "workflows/council_bodies.h"
#include "workflows/proceeding.h"

namespace saqme::workflows::council_session {

// Opens a session case: convened with its date and agenda.
Decision Convene(schema::ConveneSession::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

// The register the session's minutes are numbered in, one per body and year:
// "minutes-council", "minutes-bureau", and for a commission or a faction with its code
// "minutes-commission-<code>", "minutes-faction-<code>". A sitting recorded before the code
// was (code "") keeps its kind's shared register, "minutes-commission" or "minutes-faction".
std::string MinutesJournal(const std::string& body, const std::string& code = "");

// Whether `journal` is a minutes register that can exist: one of the four kinds' names, or
// "minutes-<kind>-<code>" for a commission or faction of some council's data
// (workflows/council_bodies.h); `body`, when given, gets that commission or faction.
bool IsMinutesJournal(std::string_view journal, const CouncilBody** body = nullptr);

}  // namespace saqme::workflows::council_session
