// The register of issued certificates (ცნობა), Zugdidi statute art. 7: the municipality issues,
// in its name, certificates of the place of origin of goods and of a person's actual residence
// at an address, on the form the mayor approves (art. 7.1); the authorised person keeps the
// register of issued certificates and keeps a copy of each (art. 7.2). So: the records office
// (the power `register`) enters each certificate with whom it was issued to, what it
// certifies, the post that issued it and where its retained copy is; the entry is numbered per
// year in the certificates register and is final. Whom it was issued to is personal data: it is
// shown to those who may read the case and the register (workflows/access.h), never logged.
#include "model/field_rules.h"
#include "workflows/registers/registers.h"
#include "workflows/rules.h"

namespace saqme::workflows::registers {

using namespace rules;

Decision RegisterCertificate(schema::RegisterCertificate::Reader command, const Context& context) {
  // Zugdidi art. 7.2: the authorised person keeps the register.
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto problem = storage::NotAChoice(storage::FieldOf<schema::RegisterCertificate>("certifies"),
                                         command.getCertifies().cStr(), "certifies")) {
    return Refuse(problem->en, problem->ka);
  }
  for (auto [text, field] :
       {std::pair{command.getIssuedTo(), "issued_to"}, std::pair{command.getContent(), "content"},
        std::pair{command.getRetainedCopy(), "retained_copy"}}) {
    if (auto refusal = internal::Required(text, field)) return *refusal;
  }
  if (auto refusal = KnownPost(context, command.getIssuedBy().cStr(), "issued_by")) {
    return *refusal;
  }
  Date issued_on = context.today;
  if (command.getIssuedOn().size() > 0) {
    auto date = DateField(command.getIssuedOn().cStr(), "issued_on");
    if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
    issued_on = std::get<Date>(date);
    // Entered when issued, or later (the register then shows both dates); never before.
    if (context.today < issued_on) {
      return Refuse("issued_on is in the future", "გაცემის თარიღი მომავალშია");
    }
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initCertificateRegistered();
  r.setNumber(internal::TakeNumber(context, kCertificatesJournal));
  r.setCertifies(command.getCertifies());
  r.setIssuedTo(command.getIssuedTo());
  r.setContent(command.getContent());
  r.setIssuedBy(command.getIssuedBy());
  r.setIssuedOn(issued_on.ToString());
  r.setRetainedCopy(command.getRetainedCopy());
  return Events(std::move(draft));
}

}  // namespace saqme::workflows::registers
