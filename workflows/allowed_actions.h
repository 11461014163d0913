// What may and what should be done next on a case — one place for the case view's
// `allowed_actions` and for the inbox (projection/projection.cc), so that they agree.
#pragma once

#include <string>
#include <vector>

#include "workflows/proceeding.h"

namespace saqme::workflows {

// The command types (docs/api.md names, e.g. "assign_resolution") that `context.actor_post` may give
// on the case now, in the order of model/saqme.capnp. Asks Decide itself: every command type
// that acts on an existing case is decided empty, and kept when it is accepted or refused only
// for its data (RefusalCategory::kInvalidData) — Decide checks the stage and the authority
// first. Not listed: the commands that only open a case, and acknowledge_alert (an action on
// an alert, offered by the alert feed). Requires every Context member set; records nothing
// (next_number may be asked, and must not consume a number).
std::vector<std::string> AllowedActions(const CaseState& state, const Context& context);

// A step the case waits for: the post expected to act and the command type expected of it.
struct ExpectedStep {
  std::string post;
  std::string type;

  bool operator==(const ExpectedStep&) const = default;
};

// Who the case waits for now, and with which command (the inbox). Guarantees: each step's
// command is among AllowedActions for its post on a day without acting assignments (tests
// check it over every workflow state).
std::vector<ExpectedStep> ExpectedSteps(const CaseState& state, const OrgChart& org);

}  // namespace saqme::workflows
