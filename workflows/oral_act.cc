// An individual act issued orally (Zugdidi statute art. 39.3): officials' individual acts are as a
// rule written, but in urgent necessity — to prevent material damage, a crime, an administrative
// offence or disciplinary misconduct — one may be issued orally; it is put in writing within 3
// days. The statute says "3 days", not working days, so they are calendar days (the start day not
// counted, a non-working last day moving to the next working day; docs/calendar.md). The
// written form is an order (art. 39.1) drafted and signed the legal act's way (legal_act.cc);
// put_in_writing links it and ends the obligation.
#include "workflows/oral_act.h"

#include "workflows/rules.h"

namespace saqme::workflows::oral_act {
namespace {

using namespace rules;
using Which = schema::Command::Which;

// The written act is signed: adopted, registered, published or in force.
bool Signed(const std::string& state) {
  return state == "adopted" || state == "registered_act" || state == "published" ||
         state == "in_force";
}

Decision PutInWriting(const CaseState& state, schema::PutInWriting::Reader command,
                      const Context& context) {
  auto issuer = MustBe(context, state.issuer, "issuer of the oral act", "ზეპირი აქტის გამომცემს");
  if (auto* refusal = std::get_if<Refusal>(&issuer)) return *refusal;
  const std::string act = command.getWrittenAct().cStr();
  std::optional<ActFacts> facts = context.legal_act ? context.legal_act(act) : std::nullopt;
  if (!facts) {
    return Refuse("written_act: there is no legal act '" + act + "'; draft it with draft_act",
                  "წერილობითი აქტი '" + act + "' არ არსებობს; შეადგინეთ ბრძანების პროექტი");
  }
  if (facts->act_type != "order") {
    return Refuse("the written form of an official's individual act is an order (art. 39.1)",
                  "თანამდებობის პირის ინდივიდუალური აქტის წერილობითი ფორმა ბრძანებაა");
  }
  if (!Signed(facts->state)) {
    return Refuse("the written act " + act + " is not yet signed (it is '" + facts->state + "')",
                  "წერილობითი აქტი " + act + " ჯერ ხელმოწერილი არ არის");
  }
  auto draft = NewEvent(context, std::get<std::string>(issuer));
  auto r = draft.event().getPayload().initOralActPutInWriting();
  r.setWrittenAct(act);
  r.setActNumber(facts->number);
  return Events(std::move(draft));
}

}  // namespace

Decision Issue(schema::IssueOralAct::Reader command, const Context& context) {
  // Art. 39.1: the mayor, the deputies and the heads of structural units issue orders.
  auto authority = Need(context, Power::kIssueOrders);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string& acting_for = std::get<std::string>(authority);
  if (storage::IsBlank(command.getOrdered().cStr())) {
    return Refuse("the oral act needs what was ordered", "აქტს სჭირდება შინაარსი: რა გამოიცა");
  }
  if (auto refusal = OffTheList<schema::IssueOralAct>("urgency", command.getUrgency().cStr())) {
    return *refusal;
  }
  auto issued = DateField(command.getIssuedOn().cStr(), "issued_on");
  if (auto* refusal = std::get_if<Refusal>(&issued)) return *refusal;
  if (context.today < std::get<Date>(issued)) {
    return Refuse("issued_on is in the future", "გამოცემის თარიღი მომავალშია");
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initOralActIssued();
  r.setIssuer(ActsAs(context, acting_for));
  r.setOrdered(command.getOrdered());
  r.setIssuedOn(std::get<Date>(issued).ToString());
  r.setUrgency(command.getUrgency());
  SetDeadline(r, StatutoryDeadline(context, "oral_act", std::get<Date>(issued)));
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (command.which() != Which::PUT_IN_WRITING) {
    return RefuseNow(CommandName(command) + " does not apply to an oral act",
                     CommandLabelKa(command) + " ზეპირად გამოცემულ აქტზე არ გამოიყენება");
  }
  if (state.stage != Stage::kOralIssued) return NotNow(state, command);
  return PutInWriting(state, command.getPutInWriting(), context);
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::ORAL_ACT_ISSUED: {
      auto r = payload.getOralActIssued();
      state.kind = Kind::kOralAct;
      state.stage = Stage::kOralIssued;
      state.issuer = r.getIssuer();
      state.instruction = r.getOrdered();
      state.issued_on = r.getIssuedOn();
      state.urgency = r.getUrgency();
      TakeDeadline(state, r);
      return true;
    }
    case P::ORAL_ACT_PUT_IN_WRITING: {
      auto r = payload.getOralActPutInWriting();
      state.stage = Stage::kPutInWriting;
      state.written_act = r.getWrittenAct();
      state.act_number = r.getActNumber();
      return true;
    }
    default:
      return false;
  }
}

}  // namespace saqme::workflows::oral_act
