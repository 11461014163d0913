// An administrative complaint against an act of an official other than the head of the body:
// decided within one month by the mayor — in a council, the chair — or whoever acts for them
// (General Administrative Code art. 183(1); Zugdidi statute art. 40.2): upheld, annulled or
// amended. The deadline is the law's and is not extended here.
#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;

std::optional<Decision> DecideComplaint(const CaseState& state, schema::Command::Reader command,
                                        const Context& context) {
  if (command.which() != schema::Command::DECIDE) return std::nullopt;
  if (state.stage != Stage::kAnswerDrafted) return Decision(NotNow(state, command));
  // Decided by the head of the body (mayor / council chair) or whoever acts for them.
  return DecideOutcome(
      state, command.getDecide(), context,
      {schema::Outcome::UPHELD, schema::Outcome::ANNULLED, schema::Outcome::AMENDED},
      "a complaint is upheld, or the act is annulled or amended",
      "საჩივარზე გადაწყვეტილება: ძალაში დატოვება, ბათილად ცნობა ან შეცვლა",
      Power::kDecideComplaints, context.org->head_post());
}

}  // namespace

const KindRules& ComplaintRules() {
  static const KindRules rules{Kind::kComplaint,
                               "complaint",
                               Extension::kNone,
                               /*stated_due_allowed=*/false,
                               /*decision_before_sign=*/true,
                               DecideComplaint};
  return rules;
}

}  // namespace saqme::workflows::incoming
