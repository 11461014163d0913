// An administrative complaint against an act of an official other than the head of the body:
// decided within one month by the mayor — in a council, the chair — or whoever acts for them
// (General Administrative Code art. 183(1); Zugdidi statute art. 40.2): upheld, annulled or
// amended. The decision may name the act it contests (contested_act); annulled or amended, the
// act's case takes the consequence in the same atomic unit (legal_act.h, engine/engine.cc). The
// head's own acts are contested in court, not before the head (art. 40): such a decision is
// refused and the complaint is redirected out to the court. The deadline is the law's and is
// not extended here.
#include "workflows/incoming/incoming.h"
#include "workflows/legal_act.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;

std::optional<Decision> DecideComplaint(const CaseState& state, schema::Command::Reader command,
                                        const Context& context) {
  if (command.which() != schema::Command::DECIDE) return std::nullopt;
  if (state.stage != Stage::kAnswerDrafted) return Decision(NotNow(state, command));
  // Decided by the head of the body (mayor / council chair) or whoever acts for them.
  Decision decision =
      DecideOutcome(state, command.getDecide(), context,
                    {schema::Outcome::UPHELD, schema::Outcome::ANNULLED, schema::Outcome::AMENDED},
                    "a complaint is upheld, or the act is annulled or amended",
                    "საჩივარზე გადაწყვეტილება: ძალაში დატოვება, ბათილად ცნობა ან შეცვლა",
                    Power::kDecideComplaints, context.org->head_post());
  auto* events = std::get_if<std::vector<storage::EventDraft>>(&decision);
  const std::string act = command.getDecide().getContestedAct().cStr();
  if (!events || act.empty()) return decision;
  // The act it contests, named: the decision is applied to it (legal_act.h), unless the act is
  // one the head does not decide on (the head's own: court, Zugdidi statute art. 40).
  const auto facts = context.legal_act ? context.legal_act(act) : std::nullopt;
  if (!facts) {
    return Decision(Refuse("contested_act: there is no legal act '" + act + "'",
                           "contested_act: სამართლებრივი აქტი '" + act + "' არ არსებობს"));
  }
  if (auto refusal = legal_act::ContestableByComplaint(*facts, act,
                                                       command.getDecide().getOutcome(), context)) {
    return Decision(*refusal);
  }
  events->front().event().getPayload().getDecided().setContestedAct(act);
  return decision;
}

}  // namespace

const KindRules& ComplaintRules() {
  static const KindRules rules{Kind::kComplaint,
                               "complaint",
                               Extension::kNone,
                               /*stated_due_allowed=*/false,
                               /*decision_before_sign=*/true,
                               DecideComplaint};
  return rules;
}

}  // namespace saqme::workflows::incoming
