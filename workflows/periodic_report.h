// A periodic report a post owes for a period (see periodic_report.cc for the rules and their
// sources; which posts owe what is data/periodic_reports.tsv, workflows/report_table.h).
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::periodic_report {

Decision Require(schema::RequireReport::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
bool Evolve(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows::periodic_report
