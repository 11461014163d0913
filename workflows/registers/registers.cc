// What the registers share: the later commands on an entry, the appliers of their events, and
// the helpers of certificate.cc, business_trip.cc and memo.cc.
#include "workflows/registers/registers.h"
#include "model/field_rules.h"
#include "workflows/rules.h"

namespace saqme::workflows::registers {

using namespace rules;

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  if (state.kind == Kind::kMemo) return internal::DecideMemo(state, command, context);
  return internal::DecideEntry(state, command, context);
}

namespace internal {

std::optional<Refusal> Required(capnp::Text::Reader text, const char* field) {
  if (!storage::IsBlank(text.cStr())) return std::nullopt;
  return Refuse(std::string(field) + " is required", FieldNameKa(field) + " შესავსებია");
}

std::string TakeNumber(const Context& context, const char* journal) {
  return context.next_number(journal, context.today.year());
}

Refusal FinalEntry(const CaseState& state, schema::Command::Reader command) {
  const bool certificate = state.kind == Kind::kCertificate;
  return RefuseNow(CommandName(command) + " does not apply to a " + KindName(state.kind) +
                       ": the entry " + state.registration_number +
                       " of its register is only corrected or cancelled (" +
                       (certificate ? "correct_certificate, cancel_certificate"
                                    : "correct_business_trip, cancel_business_trip") +
                       ")",
                   CommandLabelKa(command) + " არ გამოიყენება: " + KindNameKa(state.kind) +
                       " რეესტრში შეტანილია; ჩანაწერი მხოლოდ სწორდება ან უქმდება");
}

}  // namespace internal

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  const std::string today = TbilisiDateOf(event.getOccurredAt());
  switch (payload.which()) {
    case P::CERTIFICATE_REGISTERED: {
      auto r = payload.getCertificateRegistered();
      state.kind = Kind::kCertificate;
      state.stage = Stage::kEntered;
      state.registration_number = r.getNumber();
      state.registered_on = today;
      state.certifies = r.getCertifies();
      state.issued_to = r.getIssuedTo();
      state.subject = r.getContent();
      state.issuer = r.getIssuedBy();
      state.issued_on = r.getIssuedOn();
      state.retained_copy = r.getRetainedCopy();
      return true;
    }
    case P::BUSINESS_TRIP_REGISTERED: {
      auto r = payload.getBusinessTripRegistered();
      state.kind = Kind::kBusinessTrip;
      state.stage = Stage::kEntered;
      state.registration_number = r.getNumber();
      state.registered_on = today;
      state.employee = r.getEmployee();
      state.destination = r.getDestination();
      state.subject = r.getPurpose();
      state.trip_from = r.getFrom();
      state.trip_to = r.getTo();
      state.basis = r.getBasis();
      state.basis_number = r.getBasisNumber();
      return true;
    }
    case P::MEMO_SUBMITTED: {
      auto r = payload.getMemoSubmitted();
      state.kind = Kind::kMemo;
      state.stage = Stage::kSubmitted;
      state.registration_number = r.getNumber();
      state.registered_on = today;
      state.author = r.getAuthor();
      state.addressee = r.getAddressee();
      state.subject = r.getSubject();
      state.text = r.getText();
      return true;
    }
    default:
      return internal::EvolveEntry(state, event);
  }
}

}  // namespace saqme::workflows::registers
