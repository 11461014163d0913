// The org case: the chart a body's log starts from and its changes — acting officers and
// appointments — as commands recorded in the log (docs/workflows.md, "The organisation").
//
// The chart in force at any moment is the adopted chart (orgChartAdopted, recorded by the engine
// when a data directory starts) plus the org events up to that moment. The org file is only the
// initial state, so no view and no decision depends on which file a server was started with.
#pragma once

#include <string>

#include "model/event_codec.h"
#include "model/saqme.capnp.h"
#include "workflows/case_state.h"
#include "workflows/org/org_chart.h"
#include "workflows/proceeding.h"

namespace saqme::workflows::org {

// Whether the command belongs to the org case (set_acting, end_acting, appoint).
bool IsOrgCommand(schema::Command::Which which);
bool IsOrgCommand(std::string_view command_name);

// Decides an org command on the org case (`state` kNone for a log without orgChartAdopted, or
// kOrganisation) against the chart in force (`context.org`). Needs the power `appoint` (or
// acting for a post that has it). Refuses unknown posts, a post acting for itself, from > to,
// dates in the past, an overlap with a running or planned assignment, a missing basis, ending an
// assignment that is not running on the given last day. Requires an org command.
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);

// The event recording `chart` as the one the log starts from, by `post` at `now_ms`: the chart's
// org file text verbatim and `source` (a file name, or "built-in Ozurgeti").
storage::EventDraft Adoption(const OrgChart& chart, const std::string& source,
                             const std::string& post, int64_t now_ms);

// Whether the event changes the chart in force (orgChartAdopted, actingSet, actingEnded,
// postAppointed).
bool ChangesChart(schema::Event::Reader event);

// Applies such an event to `chart`: an adoption replaces it with the recorded chart, the others
// change acting assignments and holders. Ok for any other event. An error (a recorded chart
// that no longer parses) leaves `chart` as it was.
Status EvolveChart(OrgChart& chart, schema::Event::Reader event);

// Applies the org case's events to its state (kind kOrganisation); false for any other payload.
bool Evolve(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows::org
