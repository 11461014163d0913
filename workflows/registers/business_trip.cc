// The business-trips journal (მივლინების ჟურნალი): the Telavi mayoralty's records department
// "checks and prepares business trips, and keeps the business-trips journal" (the Telavi
// department's page, docs/domain.md §2). A trip is proposed by the unit head and sent by the
// head's order (Zugdidi statute art. 12.3(გ); art. 17.2(მ): its costs are reimbursed). So: the
// records office (the power `register`) enters the employee's post, where and why, from and to,
// and — when there is one — the order that sends the trip; numbered per year, final.
#include "model/field_rules.h"
#include "workflows/registers/registers.h"
#include "workflows/rules.h"

namespace saqme::workflows::registers {

using namespace rules;

Decision RegisterBusinessTrip(schema::RegisterBusinessTrip::Reader command,
                              const Context& context) {
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto refusal = KnownPost(context, command.getEmployee().cStr(), "employee")) return *refusal;
  for (auto [text, field] : {std::pair{command.getDestination(), "destination"},
                             std::pair{command.getPurpose(), "purpose"}}) {
    if (auto refusal = internal::Required(text, field)) return *refusal;
  }
  auto from = DateField(command.getFrom().cStr(), "from");
  if (auto* refusal = std::get_if<Refusal>(&from)) return *refusal;
  auto to = DateField(command.getTo().cStr(), "to");
  if (auto* refusal = std::get_if<Refusal>(&to)) return *refusal;
  if (std::get<Date>(to) < std::get<Date>(from)) {
    return Refuse("the trip ends (to) before it starts (from)",
                  "მივლინების დასრულების თარიღი დაწყების თარიღზე ადრეა");
  }
  // The basis, when given, is an order of the body (Zugdidi art. 12.3(გ): the head decides).
  std::string basis_number;
  if (command.getBasis().size() > 0) {
    auto act = context.legal_act(command.getBasis().cStr());
    if (!act || act->act_type != "order") {
      return Refuse("basis: there is no order '" + std::string(command.getBasis().cStr()) +
                        "'; the basis of a trip is the case of the order that sends it",
                    "საფუძველი: ბრძანება '" + std::string(command.getBasis().cStr()) +
                        "' არ არსებობს; მივლინების საფუძველია მისი ბრძანების საქმე");
    }
    basis_number = act->number;
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initBusinessTripRegistered();
  r.setNumber(internal::TakeNumber(context, kBusinessTripsJournal));
  r.setEmployee(command.getEmployee());
  r.setDestination(command.getDestination());
  r.setPurpose(command.getPurpose());
  r.setFrom(std::get<Date>(from).ToString());
  r.setTo(std::get<Date>(to).ToString());
  r.setBasis(command.getBasis());
  r.setBasisNumber(basis_number);
  return Events(std::move(draft));
}

}  // namespace saqme::workflows::registers
