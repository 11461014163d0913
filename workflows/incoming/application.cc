// A citizen's application: an administrative proceeding (General Administrative Code; Zugdidi
// statute art. 28.1). One month from registration; one extension of at most one month with a
// recorded reason; the answer is a decision — granted, refused or partly — an individual act
// made by the addressee (or whoever acts for them) before it is signed.
#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;

std::optional<Decision> DecideApplication(const CaseState& state, schema::Command::Reader command,
                                          const Context& context) {
  if (command.which() != schema::Command::DECIDE) return std::nullopt;
  if (state.stage != Stage::kAnswerDrafted) return Decision(NotNow(state, command));
  const auto outcome = command.getDecide().getOutcome();
  if (outcome != schema::Outcome::GRANTED && outcome != schema::Outcome::REFUSED &&
      outcome != schema::Outcome::PARTLY) {
    return Decision(Refuse("an application is granted, refused or partly granted",
                           "განცხადება შეიძლება დაკმაყოფილდეს, არ დაკმაყოფილდეს ან "
                           "ნაწილობრივ დაკმაყოფილდეს"));
  }
  auto authority = Need(context, Power::kSign, state.addressee);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return Decision(*refusal);
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initDecided();
  r.setOutcome(outcome);
  r.setText(command.getDecide().getText());
  r.setBy(state.addressee);
  return Decision(Events(std::move(draft)));
}

}  // namespace

const KindRules& ApplicationRules() {
  static const KindRules rules{Kind::kApplication,
                               "application",
                               Extension::kStatutoryOnce,
                               /*stated_due_allowed=*/false,
                               /*decision_before_sign=*/true,
                               DecideApplication};
  return rules;
}

}  // namespace saqme::workflows::incoming
