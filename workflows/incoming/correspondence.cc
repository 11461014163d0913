// Incoming correspondence from an agency or organisation (docs/domain.md §3-4). The deadline is the
// one stated in the letter or set in the resolution, otherwise one month (unified
// records-management rules, Presidential decree No 414 of 1 July 1999); only who set a deadline,
// or their superior, may change it.
#include "workflows/incoming/incoming.h"

namespace saqme::workflows::incoming {
namespace {

std::optional<Decision> NoSpecialCommands(const CaseState&, schema::Command::Reader,
                                          const Context&) {
  return std::nullopt;
}

}  // namespace

const KindRules& CorrespondenceRules() {
  static const KindRules rules{Kind::kCorrespondence,          "correspondence",
                               Extension::kBySetterOrSuperior, /*stated_due_allowed=*/true,
                               /*decision_before_sign=*/false, NoSpecialCommands};
  return rules;
}

}  // namespace saqme::workflows::incoming
