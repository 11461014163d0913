// Refusal: why a workflow says no, in words a clerk reads (Georgian and English).
//
// A refused command writes nothing. `missing_power` is set when the actor lacks the authority
// (the API answers 403 naming it); otherwise the command is not allowed in the case's state or
// its data is wrong (422).
#pragma once

#include <optional>
#include <string>

namespace saqme::workflows {

struct Refusal {
  std::string message_en;
  std::string message_ka;
  std::string missing_power;  // empty unless authority is what is missing

  bool forbidden() const { return !missing_power.empty(); }
};

}  // namespace saqme::workflows
