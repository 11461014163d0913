// The case nomenclature (file plan); see nomenclature.cc.
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::nomenclature {

Decision Approve(const CaseState& state, schema::ApproveNomenclature::Reader command,
                 const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

// Whether a file kept for `retention` (the nomenclature's text: "permanent", "მუდმივი",
// "5 years", ...) is due to the State Archive: a permanently kept file is.
bool DueToStateArchive(std::string_view retention);

}  // namespace saqme::workflows::nomenclature
