// The "Idea to the Mayor" e-petition (see petition.cc for the rules and their sources).
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::petition {

// Votes an idea needs in its public vote (Zugdidi statute art. 38.18).
inline constexpr uint32_t kVotesNeeded = 1000;

Decision Submit(schema::SubmitPetition::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows::petition
