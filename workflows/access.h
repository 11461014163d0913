// Who may read what: a rule of the organisation, answered from the org chart and the case's
// state, never from code in the API (docs/access.md).
//
// A case is read by its participants (CaseState::participants, and the posts the case waits for
// now: workflows::ExpectedSteps, whose inbox sends them to it), by whoever supervises one of
// them or acts for a participant or a supervisor today, by the records office (`register`), by
// auditors (`audit`), and — for a published legal act or the body's calendar — by everyone.
// The registers (journals, reports, the nomenclature) are read by the records office, unit
// heads, the head of the body, auditors, and whoever acts for one of them today.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workflows/case_state.h"
#include "workflows/org/org_chart.h"
#include "workflows/proceeding.h"

namespace saqme::workflows {

// Why a post may read a case; kNone: it may not (the API answers 404, so that a case's
// existence does not leak). Every ground but participant and public is recorded in the access
// log when used.
enum class ReadGround { kNone, kParticipant, kSupervisor, kRecords, kAudit, kPublic };

const char* ReadGroundName(ReadGround ground);  // "participant", "supervisor", ..., "none"

// `post` itself, then every post it acts for on `date` (OrgChart::acting()).
std::vector<std::string> PostsExercised(const OrgChart& org, std::string_view post,
                                        const Date& date);

// The ground on which `post` may read the case in `state` on `date`. Guarantees: kNone for a
// case without events; the first ground that holds in the order participant, public,
// supervisor, records, audit (the cheapest and least remarkable first).
ReadGround CaseReadGround(const CaseState& state, std::string_view post, const OrgChart& org,
                          const Date& date);

// Whether `context.actor_post` may address a command to the case: it may read it, or the
// workflow lets it act on it now (e.g. any post with `endorse` may endorse a draft). Otherwise
// the API answers a command as it answers a case that does not exist.
bool MayAddress(const CaseState& state, const Context& context);

// Whether `post` may read the journals, the reports and the nomenclature on `date`.
bool MayReadRegisters(std::string_view post, const OrgChart& org, const Date& date);

// Whether `post` may read the access log on `date`: auditors (`audit`, also when acting).
bool MayReadAccessLog(std::string_view post, const OrgChart& org, const Date& date);

}  // namespace saqme::workflows
