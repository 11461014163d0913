// Legal acts (see legal_act.cc for the rules and their sources).
#pragma once

#include <optional>
#include <string>

#include "workflows/proceeding.h"

namespace saqme::workflows::legal_act {

Decision Draft(schema::DraftAct::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

// Why a complaint's decision with `outcome` may not name `act` (case `act_id`) as the act it
// contests: an act of the head of the body (contested in court, Zugdidi statute art. 40), a
// council act, or — to annul or amend it — an act neither published nor in force. nullopt: it may.
std::optional<Refusal> ContestableByComplaint(const ActFacts& act, const std::string& act_id,
                                              schema::Outcome outcome, const Context& context);

// The consequence on the contested act of `complaint`'s decision (annulled or amended),
// decided in the same atomic unit as the decision (engine/engine.cc). Requires `complaint`
// evolved with its decision. Refuses when `act` is no legal act or no longer takes it.
Decision ApplyComplaintDecision(const CaseState& act, const CaseState& complaint,
                                const Context& context);

}  // namespace saqme::workflows::legal_act
