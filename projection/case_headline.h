// The headline of a case: the few case-view fields the answer to an opening command repeats
// (its kind, stage, registration number and deadline with the deadline's explanation). Taken
// from the state the command left, on the sequencer, so that the answer does not read back and
// parse the case view the same command has just written.
#pragma once

#include <array>
#include <string>
#include <utility>

#include "workflows/case_state.h"

namespace saqme::engine {

struct CaseHeadline {
  std::string kind;   // KindName, as the case view's "kind"
  std::string state;  // StageName, as the case view's "state"
  // Each as the case view has it; empty when the view leaves the key out.
  std::string registration_number;
  std::string due;
  std::string due_explanation;
  std::string due_explanation_ka;

  // The fields under their case-view keys, in the order an answer lists them: pairs of the key
  // and a pointer to the field (const for a const headline).
  template <typename Headline>
  static auto FieldsOf(Headline& h) {
    return std::array<std::pair<const char*, decltype(&h.kind)>, 6>{
        {{"registration_number", &h.registration_number},
         {"due", &h.due},
         {"due_explanation", &h.due_explanation},
         {"due_explanation_ka", &h.due_explanation_ka},
         {"kind", &h.kind},
         {"state", &h.state}}};
  }
};

// Requires nothing. Guarantees each field equals the case view's key of the same name
// (WriteCaseView) for `state`, or is empty when the view has no such key.
CaseHeadline HeadlineOf(const workflows::CaseState& state);

// The Georgian explanation of the case's deadline as the views show it: events from before the
// Georgian explanations carry none, and the English one stands in.
const std::string& DueExplanationKa(const workflows::CaseState& state);

}  // namespace saqme::engine
