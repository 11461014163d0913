// Internal memos (მოხსენებითი ბარათი): an officer may, within their competence, address the
// superior official orally or by memo and put proposals to them (Zugdidi statute art. 17.2(დ));
// memos addressed to the head are received and recorded by the records department (the Telavi
// department's page), and internal correspondence is registered with the incoming and the
// outgoing (the Lentekhi report). So: any post submits a memo to a post above it on its
// supervision line; it is numbered in the internal journal of the year (with the assignments);
// the addressee, or whoever acts for them, takes note of it (take_note), which closes it. What
// the addressee then orders is an assignment of its own (issue_assignment). The seeds set no
// deadline for a memo, so none runs.
#include "model/field_rules.h"
#include "workflows/registers/registers.h"
#include "workflows/rules.h"

namespace saqme::workflows::registers {

using namespace rules;
using Which = schema::Command::Which;

Decision SubmitMemo(schema::SubmitMemo::Reader command, const Context& context) {
  const std::string author = context.actor_post;
  const std::string addressee = command.getAddressee().cStr();
  if (auto refusal = KnownPost(context, addressee, "addressee")) return *refusal;
  // Art. 17.2(დ): to the superior official — a post above the author (direct or delegated line).
  if (!context.org->Supervises(addressee, author)) {
    return Refuse("addressee: " + addressee + " is not above " + author +
                      "; a memo goes to a superior (Zugdidi statute art. 17.2(d))",
                  "ადრესატი: " + addressee + " არ არის " + author +
                      "-ის ზემდგომი; მოხსენებითი ბარათი ზემდგომს მიემართება");
  }
  for (auto [text, field] :
       {std::pair{command.getSubject(), "subject"}, std::pair{command.getText(), "text"}}) {
    if (auto refusal = internal::Required(text, field)) return *refusal;
  }
  auto draft = NewEvent(context, "");
  auto r = draft.event().getPayload().initMemoSubmitted();
  r.setNumber(internal::TakeNumber(context, kInternalJournal));
  r.setAuthor(author);
  r.setAddressee(addressee);
  r.setSubject(command.getSubject());
  r.setText(command.getText());
  return Events(std::move(draft));
}

namespace {

// take_note on a memo: by its addressee or whoever acts for them, while it is submitted.
Decision TakeNote(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (state.stage != Stage::kSubmitted) return NotNow(state, command);
  auto who = MustBe(context, state.addressee, "addressee", "ადრესატს");
  if (auto* refusal = std::get_if<Refusal>(&who)) return *refusal;
  auto draft = NewEvent(context, std::get<std::string>(who));
  auto r = draft.event().getPayload().initNotedForInformation();
  r.setBy(state.addressee);
  r.setRemark(command.getTakeNote().getRemark());
  return Events(std::move(draft));
}

}  // namespace

namespace internal {

Decision DecideMemo(const CaseState& state, schema::Command::Reader command,
                    const Context& context) {
  if (command.which() == Which::TAKE_NOTE) return TakeNote(state, command, context);
  if (state.stage != Stage::kSubmitted) return NotNow(state, command);
  return RefuseNow(
      CommandName(command) + " does not apply to a memo: its addressee takes note of it",
      CommandLabelKa(command) + " მოხსენებით ბარათზე არ გამოიყენება: ადრესატი მას ცნობად იღებს");
}

}  // namespace internal

}  // namespace saqme::workflows::registers
