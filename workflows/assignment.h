// Assignments (დავალება); see assignment.cc for the rules and their sources.
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::assignment {

Decision Issue(schema::IssueAssignment::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows::assignment
