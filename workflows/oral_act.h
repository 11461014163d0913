// An individual act issued orally in urgency (see oral_act.cc for the rule and its source).
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::oral_act {

Decision Issue(schema::IssueOralAct::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows::oral_act
