// CommandLabel: what a command is called in the console, in Georgian and English — one row per
// command type of model/saqme.capnp (`Command`), named as the API names it
// ("assign_resolution"). Used for the allowed actions of a case view and the command schema.
#pragma once

#include <string_view>

namespace saqme::workflows {

struct CommandLabel {
  const char* type;  // "assign_resolution"
  const char* label_ka;
  const char* label_en;
};

// The label of command `type`; nullptr when there is no such command type.
const CommandLabel* LabelOf(std::string_view type);

// Every command type, in the order of the schema's union (guarantees: one per union member).
const CommandLabel* AllCommandLabels(int* count);

}  // namespace saqme::workflows
