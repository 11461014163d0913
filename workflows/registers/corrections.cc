// Corrections of register entries (docs/workflows.md "Registers"): a certificate's entry or a
// business trip's entry corrected, or cancelled. As for an incoming registration
// (workflows/incoming/corrections.cc), the records office (the power `register`) corrects what
// was entered with the reason, the event keeping each field before and after, and the entry keeps
// its number: a register is numbered without gaps and its entries are never erased (unified
// records-management rules, Presidential decree No 414 of 1 July 1999). A certificate issued in
// error is cancelled, its number kept in the register marked cancelled with the reason — its
// retained copy stays, as Zugdidi statute art. 7.2 asks a copy of each certificate issued to be
// kept. A trip whose dates or destination changed is corrected; one that did not take place is
// cancelled. A cancelled entry takes no further command.
#include <string>
#include <tuple>
#include <vector>

#include "workflows/registers/registers.h"
#include "workflows/rules.h"

namespace saqme::workflows::registers {

using namespace rules;
using Which = schema::Command::Which;

namespace {

struct Change {
  std::string field, before, after;
};

// The changes `given` (field, entered value, given value) that differ, skipping blank givens;
// a given value of blanks only is a refusal (a field of the register is never emptied).
std::variant<std::vector<Change>, Refusal> Changes(
    std::initializer_list<std::tuple<const char*, const std::string*, capnp::Text::Reader>> given) {
  std::vector<Change> changes;
  for (const auto& [field, before, after] : given) {
    if (after.size() == 0) continue;
    if (auto refusal = internal::Required(after, field)) return *refusal;
    if (*before != after.cStr()) changes.push_back({field, *before, after.cStr()});
  }
  return changes;
}

// The correction event of `changes` with `reason`, or the refusal of an empty or unreasoned one.
Decision Corrected(const std::vector<Change>& changes, capnp::Text::Reader reason,
                   const std::string& acting_for, const Context& context) {
  if (changes.empty()) {
    return Refuse("nothing to correct: every field given is as entered",
                  "შესასწორებელი არაფერია: ყველა მითითებული ველი რეესტრში ასეთივეა");
  }
  if (storage::IsBlank(reason.cStr())) {
    return Refuse("a correction needs its reason", "მიუთითეთ შესწორების მიზეზი");
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initEntryCorrected();
  auto list = r.initChanges(static_cast<unsigned>(changes.size()));
  for (size_t i = 0; i < changes.size(); ++i) {
    list[i].setField(changes[i].field);
    list[i].setBefore(changes[i].before);
    list[i].setAfter(changes[i].after);
  }
  r.setReason(reason);
  return Events(std::move(draft));
}

// correct_certificate: whom it was issued to, what it says, when it was issued (never in the
// future) and where its retained copy is. What it certifies and who issued it are not corrected:
// a certificate of another kind or issuer is another certificate (cancel this one, enter that).
Decision CorrectCertificate(const CaseState& state, schema::CorrectCertificate::Reader c,
                            const std::string& acting_for, const Context& context) {
  auto changes = Changes({{"issued_to", &state.issued_to, c.getIssuedTo()},
                          {"content", &state.subject, c.getContent()},
                          {"retained_copy", &state.retained_copy, c.getRetainedCopy()}});
  if (auto* refusal = std::get_if<Refusal>(&changes)) return *refusal;
  auto& list = std::get<std::vector<Change>>(changes);
  if (c.getIssuedOn().size() > 0) {
    auto date = DateField(c.getIssuedOn().cStr(), "issued_on");
    if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
    if (context.today < std::get<Date>(date)) {
      return Refuse("issued_on is in the future", "გაცემის თარიღი მომავალშია");
    }
    const std::string issued_on = std::get<Date>(date).ToString();
    if (issued_on != state.issued_on) list.push_back({"issued_on", state.issued_on, issued_on});
  }
  return Corrected(list, c.getReason(), acting_for, context);
}

// correct_business_trip: where, why, from and to; the corrected trip still ends on or after its
// start.
Decision CorrectBusinessTrip(const CaseState& state, schema::CorrectBusinessTrip::Reader c,
                             const std::string& acting_for, const Context& context) {
  auto changes = Changes({{"destination", &state.destination, c.getDestination()},
                          {"purpose", &state.subject, c.getPurpose()}});
  if (auto* refusal = std::get_if<Refusal>(&changes)) return *refusal;
  auto& list = std::get<std::vector<Change>>(changes);
  std::string dates[2] = {state.trip_from, state.trip_to};
  const std::pair<capnp::Text::Reader, const char*> given[2] = {{c.getFrom(), "from"},
                                                                {c.getTo(), "to"}};
  for (int i = 0; i < 2; ++i) {
    if (given[i].first.size() == 0) continue;
    auto date = DateField(given[i].first.cStr(), given[i].second);
    if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
    const std::string text = std::get<Date>(date).ToString();
    if (text != dates[i]) list.push_back({given[i].second, dates[i], text});
    dates[i] = text;
  }
  if (dates[1] < dates[0]) {  // "YYYY-MM-DD" orders as the dates do
    return Refuse("the trip ends (to " + dates[1] + ") before it starts (from " + dates[0] + ")",
                  "მივლინების დასრულების თარიღი დაწყების თარიღზე ადრეა");
  }
  return Corrected(list, c.getReason(), acting_for, context);
}

// cancel_certificate, cancel_business_trip: the number stays in the register, marked.
Decision Cancel(const CaseState& state, capnp::Text::Reader reason, const std::string& acting_for,
                const Context& context) {
  if (storage::IsBlank(reason.cStr())) {
    return Refuse("a cancellation needs its reason", "მიუთითეთ გაუქმების მიზეზი");
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initEntryCancelled();
  r.setNumber(state.registration_number);
  r.setReason(reason);
  return Events(std::move(draft));
}

// The register command of the other kind ("correct_business_trip" on a certificate).
bool OfTheOtherRegister(const CaseState& state, Which which) {
  const bool certificate = state.kind == Kind::kCertificate;
  return certificate ? which == Which::CORRECT_BUSINESS_TRIP || which == Which::CANCEL_BUSINESS_TRIP
                     : which == Which::CORRECT_CERTIFICATE || which == Which::CANCEL_CERTIFICATE;
}

}  // namespace

namespace internal {

Decision DecideEntry(const CaseState& state, schema::Command::Reader command,
                     const Context& context) {
  const Which which = command.which();
  const bool own = which == Which::CORRECT_CERTIFICATE || which == Which::CANCEL_CERTIFICATE ||
                   which == Which::CORRECT_BUSINESS_TRIP || which == Which::CANCEL_BUSINESS_TRIP;
  if (state.stage != Stage::kEntered) return NotNow(state, command);
  if (!own || OfTheOtherRegister(state, which)) return FinalEntry(state, command);
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string& acting_for = std::get<std::string>(authority);
  switch (which) {
    case Which::CORRECT_CERTIFICATE:
      return CorrectCertificate(state, command.getCorrectCertificate(), acting_for, context);
    case Which::CORRECT_BUSINESS_TRIP:
      return CorrectBusinessTrip(state, command.getCorrectBusinessTrip(), acting_for, context);
    case Which::CANCEL_CERTIFICATE:
      return Cancel(state, command.getCancelCertificate().getReason(), acting_for, context);
    default:
      return Cancel(state, command.getCancelBusinessTrip().getReason(), acting_for, context);
  }
}

bool EvolveEntry(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  if (payload.which() == P::ENTRY_CORRECTED) {
    for (auto change : payload.getEntryCorrected().getChanges()) {
      const std::string field = change.getField(), after = change.getAfter();
      if (field == "issued_to") state.issued_to = after;
      if (field == "content" || field == "purpose") state.subject = after;
      if (field == "retained_copy") state.retained_copy = after;
      if (field == "issued_on") state.issued_on = after;
      if (field == "destination") state.destination = after;
      if (field == "from") state.trip_from = after;
      if (field == "to") state.trip_to = after;
    }
    return true;
  }
  if (payload.which() == P::ENTRY_CANCELLED) {
    state.stage = Stage::kCancelled;
    state.void_reason = payload.getEntryCancelled().getReason();
    state.void_on = TbilisiDateOf(event.getOccurredAt());
    return true;
  }
  return false;
}

}  // namespace internal

}  // namespace saqme::workflows::registers
