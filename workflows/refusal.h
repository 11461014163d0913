// Refusal: why a workflow says no, in words a clerk reads (Georgian and English).
//
// A refused command writes nothing. `missing_power` is set when the actor lacks the authority
// (the API answers 403 naming it); otherwise the command is not allowed in the case's state or
// its data is wrong (422). The category tells these apart for the allowed actions
// (workflows/allowed_actions.h): Decide checks the stage and the authority before the data, so
// a command refused only for its data is one the actor may give now.
#pragma once

#include <optional>
#include <string>

namespace saqme::workflows {

enum class RefusalCategory {
  kInvalidData,  // the command's data is wrong; with other data it could be given
  kNotNow,       // not in the case's state (or never for this kind)
  kForbidden,    // the actor lacks the authority (missing_power names it)
};

struct Refusal {
  std::string message_en;
  std::string message_ka;
  std::string missing_power;  // empty unless authority is what is missing
  RefusalCategory category_ = RefusalCategory::kInvalidData;

  bool forbidden() const { return !missing_power.empty(); }
  // kForbidden whenever a power is missing, else as refused.
  RefusalCategory category() const { return forbidden() ? RefusalCategory::kForbidden : category_; }
};

}  // namespace saqme::workflows
