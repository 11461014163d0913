// A letter the body writes on its own initiative (docs/domain.md §3, steps 6-9): not an answer to
// an incoming document, so it has no registration and no deadline of its own. It is drafted by
// its author, endorsed, signed by the author's signatory (the nearest post at or above the
// author that signs), registered in the outgoing journal when dispatched, and filed — the
// answer's way through the shared flow (flow.cc). The records rules (Presidential decree No 414
// of 1 July 1999) register every outgoing document, answer or not, in the outgoing journal; the
// Lentekhi report (the Lentekhi report) counts 207 outgoing letters against 135 incoming.
#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using Which = schema::Command::Which;

std::optional<Decision> LetterCommands(const CaseState& state, schema::Command::Reader command,
                                       const Context&) {
  if (command.which() == Which::EXTEND_DEADLINE) {
    return rules::RefuseNow(
        "extend_deadline does not apply to a letter on the body's own initiative: it has no "
        "deadline",
        "საკუთარი ინიციატივით მომზადებულ წერილს ვადა არ აქვს");
  }
  if (command.which() == Which::ASSIGN_RESOLUTION || command.which() == Which::CONFIRM_RECEIPT ||
      command.which() == Which::REDIRECT) {
    return rules::NotNow(state, command);
  }
  return std::nullopt;
}

}  // namespace

const KindRules& OutgoingLetterRules() {
  static const KindRules rules{Kind::kOutgoingLetter,
                               "",
                               Extension::kNone,
                               /*stated_due_allowed=*/false,
                               /*decision_before_sign=*/false,
                               LetterCommands};
  return rules;
}

Decision DraftLetter(schema::DraftLetter::Reader command, const Context& context) {
  if (command.getRecipient().getName().size() == 0 || command.getSubject().size() == 0 ||
      command.getText().size() == 0) {
    return rules::Refuse("a letter needs the recipient's name, the subject and the text",
                         "წერილს სჭირდება ადრესატის სახელი, საგანი და ტექსტი");
  }
  // Any post drafts in its own name; the signature is what needs authority.
  auto draft = rules::NewEvent(context, "");
  auto r = draft.event().getPayload().initLetterDrafted();
  r.setAuthor(context.actor_post);
  r.setRecipient(command.getRecipient());
  r.setSubject(command.getSubject());
  r.setText(command.getText());
  r.setRelatedCase(command.getRelatedCase());
  return rules::Events(std::move(draft));
}

}  // namespace saqme::workflows::incoming
