#include "projection/case_headline.h"

namespace saqme::engine {

const std::string& DueExplanationKa(const workflows::CaseState& state) {
  return state.due_explanation_ka.empty() ? state.due_explanation : state.due_explanation_ka;
}

CaseHeadline HeadlineOf(const workflows::CaseState& state) {
  CaseHeadline headline;
  headline.kind = workflows::KindName(state.kind);
  headline.state = workflows::StageName(state.stage);
  headline.registration_number = state.registration_number;
  headline.due = state.due;
  headline.due_explanation = state.due_explanation;
  headline.due_explanation_ka = DueExplanationKa(state);
  return headline;
}

}  // namespace saqme::engine
