// A public-information request (General Administrative Code art. 40): released immediately or
// within ten days, fully or partly, or refused; a refusal is told at once and the rights and
// the appeal route are explained in writing within three days (art. 41). Every request is an
// entry of the public-information register (the engine's journal), reported yearly (art. 49).
#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;

std::optional<Decision> DecidePublicInformation(const CaseState& state,
                                                schema::Command::Reader command,
                                                const Context& context) {
  using Which = schema::Command::Which;
  const Which which = command.which();
  if (which == Which::DRAFT_ANSWER || which == Which::SIGN || which == Which::DISPATCH) {
    // The answer to a request is a release or a refusal: the register and the yearly report
    // (GAC art. 49) count them.
    return Decision(RefuseNow(CommandName(command) +
                                  " does not apply to a public-information "
                                  "request: it is answered with release_information or "
                                  "refuse_information",
                              "საჯარო ინფორმაციის მოთხოვნას პასუხობენ ინფორმაციის გაცემით ან "
                              "გაცემაზე უარით"));
  }
  if (which != Which::RELEASE_INFORMATION && which != Which::REFUSE_INFORMATION &&
      which != Which::EXPLAIN_RIGHTS) {
    return std::nullopt;
  }
  const bool explaining = which == Which::EXPLAIN_RIGHTS;
  const Stage needed = explaining ? Stage::kInfoRefused : Stage::kInExecution;
  if (state.stage != needed) {
    return Decision(NotNow(state, command));
  }
  auto who =
      MustBe(context, state.lead_executor, "executor of the request", "მოთხოვნის შემსრულებელს");
  if (auto* refusal = std::get_if<Refusal>(&who)) return Decision(*refusal);
  auto draft = NewEvent(context, std::get<std::string>(who));
  auto payload = draft.event().getPayload();
  if (which == Which::RELEASE_INFORMATION) {
    auto r = payload.initInformationReleased();
    r.setScope(command.getReleaseInformation().getScope());
    r.setNote(command.getReleaseInformation().getNote());
  } else if (which == Which::REFUSE_INFORMATION) {
    auto refusing = command.getRefuseInformation();
    if (refusing.getText().size() == 0) {
      return Decision(Refuse("a refusal must give its reason", "უარს უნდა ჰქონდეს საფუძველი"));
    }
    // GAC art. 10.1 names the grounds; the yearly report counts refusals per ground (art. 49).
    const std::string ground = refusing.getGround().cStr();
    if (ground.empty()) {
      return Decision(
          Refuse("ground: a refusal names its legal ground (GAC art. 10.1: "
                 "personal_data, state_secret, commercial_secret, "
                 "professional_secret; or not_held, other)",
                 "უარს უნდა ჰქონდეს სამართლებრივი საფუძველი (სზაკ-ის 10.1 მუხლი)"));
    }
    if (auto refusal = OffTheList<schema::RefuseInformation>("ground", ground)) {
      return Decision(*refusal);
    }
    Deadline explain_by = StatutoryDeadline(context, "public_information-rights", context.today);
    auto r = payload.initInformationRefused();
    r.setReason(refusing.getText());
    r.setGround(ground);
    r.setExplainBy(explain_by.due.ToString());
    std::string explanation;
    for (const auto& line : explain_by.Explanation()) explanation += line + "\n";
    r.setExplainByExplanation(explanation);
    std::string explanation_ka;
    for (const auto& line : explain_by.ExplanationKa()) explanation_ka += line + "\n";
    r.setExplainByExplanationKa(explanation_ka);
  } else {
    if (command.getExplainRights().getText().size() == 0) {
      return Decision(Refuse("the explanation of rights and the appeal route has no text",
                             "უფლებებისა და გასაჩივრების წესის განმარტება ცარიელია"));
    }
    payload.initRightsExplained().setText(command.getExplainRights().getText());
  }
  return Decision(Events(std::move(draft)));
}

}  // namespace

const KindRules& PublicInformationRules() {
  static const KindRules rules{
      Kind::kPublicInformation,     "public_information",           Extension::kNone,
      /*stated_due_allowed=*/false, /*decision_before_sign=*/false, DecidePublicInformation};
  return rules;
}

}  // namespace saqme::workflows::incoming
