// The corrections a records office makes to an incoming document outside its main path
// (docs/workflows.md "Corrections a clerk needs"): taking note of a document that needs no
// answer, voiding a registration made in error, correcting what was registered. Legal sources:
// the unified records-management rules (Presidential decree No 414 of 1 July 1999): the incoming
// journal is numbered without gaps and its entries are never erased; a document is executed
// when what it asks is done, and one sent for information once it is read; GAC art. 77-78 (an
// application ends in a decision) and art. 40 (public information is released or refused).
#include <charconv>
#include <string>
#include <vector>

#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;
using Which = schema::Command::Which;

// The incoming kind called `name` ("application"), else kNone.
Kind IncomingKindNamed(std::string_view name) {
  for (Kind kind :
       {Kind::kCorrespondence, Kind::kApplication, Kind::kComplaint, Kind::kPublicInformation}) {
    if (name == KindName(kind)) return kind;
  }
  return Kind::kNone;
}

// take_note (ცნობად მიღება): by the addressee or the lead executor, or whoever acts for them,
// while the document is registered, resolved or in execution. Only correspondence needs no
// answer: an application and a complaint end in a decision (GAC art. 77-78), a request for
// public information in a release or a refusal (GAC art. 40); a document registered under the
// wrong kind is corrected first (correct_registration).
Decision TakeNote(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (state.stage != Stage::kRegistered && state.stage != Stage::kResolved &&
      state.stage != Stage::kInExecution) {
    return NotNow(state, command);
  }
  if (state.kind != Kind::kCorrespondence) {
    return RefuseNow(
        std::string("take_note does not apply to a ") + KindName(state.kind) +
            ": it must be answered by law (GAC); only correspondence may be taken note of — "
            "correct the kind first if it was registered wrongly",
        "ამ სახის დოკუმენტს კანონით პასუხი სჭირდება; ცნობად მიიღება მხოლოდ კორესპონდენცია "
        "(თუ სახე შეცდომითაა მითითებული, ჯერ შეასწორეთ რეგისტრაცია)");
  }
  std::string by = state.addressee;
  auto who = MustBe(context, state.addressee, "addressee", "ადრესატს");
  if (std::holds_alternative<Refusal>(who) && !state.lead_executor.empty()) {
    by = state.lead_executor;
    who = MustBe(context, state.lead_executor, "lead executor", "მთავარ შემსრულებელს");
  }
  if (std::holds_alternative<Refusal>(who)) {
    const std::string executor =
        state.lead_executor.empty() ? "" : " or the lead executor (" + state.lead_executor + ")";
    return Refusal{"only the addressee (" + state.addressee + ")" + executor +
                       ", or whoever acts for them, may take a document note of",
                   "დოკუმენტის ცნობად მიღება შეუძლია მხოლოდ ადრესატს ან მთავარ შემსრულებელს, ან "
                   "მათი მოვალეობის შემსრულებელს",
                   "execute"};
  }
  auto draft = NewEvent(context, std::get<std::string>(who));
  auto r = draft.event().getPayload().initNotedForInformation();
  r.setBy(by);
  r.setRemark(command.getTakeNote().getRemark());
  return Events(std::move(draft));
}

// void_registration: by the records office (the power register), only while the document is
// registered — before a resolution puts it in someone's hands; after that it is a proceeding
// that ends by an answer, a note or a redirect. The number stays in the journal, marked void,
// and the journal's numbering goes on (decree No 414: no gaps, no reuse).
Decision VoidRegistration(const CaseState& state, schema::Command::Reader command,
                          const Context& context) {
  if (state.stage != Stage::kRegistered) return NotNow(state, command);
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (command.getVoidRegistration().getReason().size() == 0) {
    return Refuse("a void registration needs its reason", "მიუთითეთ რეგისტრაციის გაუქმების მიზეზი");
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initRegistrationVoided();
  r.setRegistrationNumber(state.registration_number);
  r.setReason(command.getVoidRegistration().getReason());
  return Events(std::move(draft));
}

struct Change {
  std::string field, before, after;
};

// correct_registration: by the records office while the document is not yet filed (nor void).
// Only the fields given change; the addressee and the kind only before a resolution (after it
// the executor works to the resolution's deadline, which the statutory one bounds). A new kind
// recomputes the statutory deadline from the registration date, and is refused when that
// deadline has already passed, or when it is to or from a request for public information
// (which has its own register, GAC art. 49).
Decision CorrectRegistration(const CaseState& state, schema::Command::Reader command,
                             const Context& context) {
  if (!IsIncoming(state.kind) || state.stage == Stage::kFiled || state.stage == Stage::kVoid) {
    return NotNow(state, command);
  }
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const auto c = command.getCorrectRegistration();
  std::vector<Change> changes;
  auto change = [&](const char* field, const std::string& before, const std::string& after) {
    if (before != after) changes.push_back({field, before, after});
  };
  const bool sender = c.hasSender() && c.getSender().getName().size() > 0;
  if (sender) {
    change("sender", state.correspondent, c.getSender().getName().cStr());
    change("sender_kind", state.correspondent_kind, SenderKindName(c.getSender().getKind()));
  }
  const bool sender_changed = !changes.empty();
  if (c.getSubject().size() > 0) change("subject", state.subject, c.getSubject().cStr());
  if (c.getPages() > 0) change("pages", std::to_string(state.pages), std::to_string(c.getPages()));
  const std::string addressee = c.getAddressee().cStr();
  const std::string kind_name = c.getKind().cStr();
  const bool new_addressee = !addressee.empty() && addressee != state.addressee;
  const bool new_kind = !kind_name.empty() && kind_name != KindName(state.kind);
  if ((new_addressee || new_kind) && state.stage != Stage::kRegistered) {
    return RefuseNow("the addressee and the kind are corrected only before a resolution",
                     "ადრესატი და დოკუმენტის სახე სწორდება მხოლოდ რეზოლუციის დადებამდე");
  }
  if (new_addressee) {
    if (auto refusal = KnownPost(context, addressee, "addressee")) return *refusal;
    if (!context.org->FindPost(addressee)->powers.count(Power::kResolve)) {
      return Refuse("the addressee " + addressee +
                        " does not put resolutions; address the document to a head",
                    "ადრესატს არ აქვს რეზოლუციის დადების უფლებამოსილება");
    }
    change("addressee", state.addressee, addressee);
  }
  if (new_kind) {
    const Kind kind = IncomingKindNamed(kind_name);
    if (kind == Kind::kNone) {
      return Refuse("kind must be correspondence, application, public_information or complaint",
                    "დოკუმენტის სახე უნდა იყოს კორესპონდენცია, განცხადება, საჯარო "
                    "ინფორმაციის მოთხოვნა ან საჩივარი");
    }
    if (kind == Kind::kPublicInformation || state.kind == Kind::kPublicInformation) {
      return Refuse(
          "a request for public information has its own register (GAC art. 49): void the "
          "registration and register the document anew",
          "საჯარო ინფორმაციის მოთხოვნას საკუთარი რეესტრი აქვს: გააუქმეთ რეგისტრაცია და "
          "დაარეგისტრირეთ დოკუმენტი თავიდან");
    }
    auto registered = DateField(state.registered_on, "the registration date");
    if (auto* refusal = std::get_if<Refusal>(&registered)) return *refusal;
    const Deadline deadline =
        StatutoryDeadline(context, RulesFor(kind).deadline_key, std::get<Date>(registered));
    if (deadline.due < context.today) {
      return Refuse("the deadline of a " + kind_name + " registered on " + state.registered_on +
                        " was " + deadline.due.ToString() +
                        " and has passed: void the registration instead",
                    "ამ სახის დოკუმენტის ვადა (" + deadline.due.ToString() +
                        ") უკვე გასულია; გააუქმეთ რეგისტრაცია");
    }
    change("kind", KindName(state.kind), kind_name);
    change("due", state.due, deadline.due.ToString());
    change("due_explanation", state.due_explanation,
           Join(deadline.Explanation()) + "\n(counted anew from the registration on " +
               state.registered_on + ": the kind was corrected on " + context.today.ToString() +
               ")");
    change("due_explanation_ka", state.due_explanation_ka,
           Join(deadline.ExplanationKa()) + "\n(ხელახლა დათვლილია რეგისტრაციის დღიდან, " +
               state.registered_on + ": დოკუმენტის სახე შესწორდა " + context.today.ToString() +
               ")");
  }
  if (changes.empty()) {
    return Refuse("nothing to correct: every field given is as registered",
                  "შესასწორებელი არაფერია: ყველა მითითებული ველი რეგისტრაციისას ასეთივეა");
  }
  if (c.getReason().size() == 0) {
    return Refuse("a correction needs its reason", "მიუთითეთ შესწორების მიზეზი");
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initRegistrationCorrected();
  auto list = r.initChanges(changes.size());
  for (size_t i = 0; i < changes.size(); ++i) {
    list[i].setField(changes[i].field);
    list[i].setBefore(changes[i].before);
    list[i].setAfter(changes[i].after);
  }
  r.setReason(c.getReason());
  if (sender_changed) r.setSender(c.getSender());
  return Events(std::move(draft));
}

}  // namespace

std::optional<Decision> DecideCorrection(const CaseState& state, schema::Command::Reader command,
                                         const Context& context) {
  switch (command.which()) {
    case Which::TAKE_NOTE:
      return TakeNote(state, command, context);
    case Which::VOID_REGISTRATION:
      return VoidRegistration(state, command, context);
    case Which::CORRECT_REGISTRATION:
      return CorrectRegistration(state, command, context);
    default:
      return std::nullopt;
  }
}

bool EvolveCorrection(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::NOTED_FOR_INFORMATION:
      state.stage = Stage::kNoted;
      return true;
    case P::REGISTRATION_VOIDED:
      state.stage = Stage::kVoid;
      state.void_reason = payload.getRegistrationVoided().getReason();
      return true;
    case P::REGISTRATION_CORRECTED:
      for (auto change : payload.getRegistrationCorrected().getChanges()) {
        const std::string field = change.getField(), after = change.getAfter();
        if (field == "sender") state.correspondent = after;
        if (field == "sender_kind") state.correspondent_kind = after;
        if (field == "subject") state.subject = after;
        if (field == "addressee") state.addressee = after;
        if (field == "pages") {
          std::from_chars(after.data(), after.data() + after.size(), state.pages);
        }
        if (field == "kind" && IncomingKindNamed(after) != Kind::kNone) {
          state.kind = IncomingKindNamed(after);
        }
        if (field == "due") state.due = state.statutory_due = after;
        if (field == "due_explanation") {
          state.due_explanation = after;
          state.due_explanation_ka.clear();  // unless the event has it too (below)
        }
        if (field == "due_explanation_ka") state.due_explanation_ka = after;
      }
      return true;
    default:
      return false;
  }
}

}  // namespace saqme::workflows::incoming
