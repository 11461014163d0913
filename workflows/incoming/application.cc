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
  // The addressee (or whoever acts for them) decides, with the power to sign the act.
  return DecideOutcome(
      state, command.getDecide(), context,
      {schema::Outcome::GRANTED, schema::Outcome::REFUSED, schema::Outcome::PARTLY},
      "an application is granted, refused or partly granted",
      "განცხადება შეიძლება დაკმაყოფილდეს, არ დაკმაყოფილდეს ან ნაწილობრივ "
      "დაკმაყოფილდეს",
      Power::kSign, Signatory(context, state.addressee));
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
