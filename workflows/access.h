// Who may read what: a rule of the organisation, answered from the org chart and the case's
// state, never from code in the API (docs/access.md).
//
// A case is read by its participants (CaseState::participants, and the posts the case waits for
// now: workflows::ExpectedSteps, whose inbox sends them to it), by whoever supervises one of
// them or acts for a participant or a supervisor today, by the records office (`register`), by
// auditors (`audit`), and — for a published legal act or the body's calendar — by everyone.
// The registers (journals, reports, the nomenclature) are read by the records office, unit
// heads, the head of the body, auditors, and whoever acts for one of them today; the register of
// issued certificates only by the records office and auditors (MayReadJournal).
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
// Whether a read on `ground` goes into the access log: supervisor, records, audit — reads by
// someone outside the case's own people (docs/access.md).
bool IsRecordedRead(ReadGround ground);

// `post` itself, then every post it acts for on `date` (OrgChart::acting()).
std::vector<std::string> PostsExercised(const OrgChart& org, std::string_view post,
                                        const Date& date);

// What reading a case depends on, apart from who reads: kept by the search view so that a
// listing applies the same rule (CaseReader) as a case read.
struct ReadFacts {
  std::vector<std::string> participants;  // CaseState::participants (sorted)
  std::vector<std::string> expected;      // the posts the case waits for now (ExpectedSteps)
  bool is_public = false;                 // a published legal act, the calendar

  bool operator==(const ReadFacts&) const = default;
};
// Requires a case with events.
ReadFacts ReadFactsOf(const CaseState& state, const OrgChart& org);

// One post reading on one date: what it exercises (itself and the posts it acts for), whom it
// supervises, whether it holds `register` or `audit` — worked out once, then applied to many
// cases (a search applies it to every candidate).
class CaseReader {
 public:
  CaseReader(const OrgChart& org, std::string_view post, const Date& date);

  // The first ground that holds, in the order participant, public, supervisor, records, audit
  // (the cheapest and least remarkable first); kNone when none does.
  ReadGround Ground(const ReadFacts& facts) const;
  // Whether the post reads every case (records, audit).
  bool ReadsAll() const { return records_ || audit_; }

 private:
  std::string post_;
  std::vector<std::string> acted_for_;   // posts it acts for on the date
  std::vector<std::string> supervised_;  // sorted: below it, or below a post it acts for
  bool records_ = false, audit_ = false;
};

// The ground on which `post` may read the case in `state` on `date`: CaseReader(org, post,
// date).Ground(ReadFactsOf(state, org)); kNone for a case without events. The org case is read
// by its participants and whoever MayReadRegisters.
ReadGround CaseReadGround(const CaseState& state, std::string_view post, const OrgChart& org,
                          const Date& date);

// Whether `context.actor_post` may address a command to the case: it may read it, or the
// workflow lets it act on it now (e.g. any post with `endorse` may endorse a draft). Otherwise
// the API answers a command as it answers a case that does not exist.
bool MayAddress(const CaseState& state, const Context& context);

// Whether `post` may read the journals, the reports and the nomenclature on `date`.
bool MayReadRegisters(std::string_view post, const OrgChart& org, const Date& date);

// Whether `post` may read `journal` on `date`: as MayReadRegisters, but for the register of issued
// certificates, which names the persons they were issued to (personal data): only the records
// office, which keeps it (Zugdidi statute art. 7.2), and auditors, or whoever acts for them.
bool MayReadJournal(std::string_view journal, std::string_view post, const OrgChart& org,
                    const Date& date);

// Whether `post` is the head of the body or acts for it on `date`: who may move the simulated
// clock (POST /v1/admin/clock/advance; docs/api.md). The head's own post always is.
bool IsHeadOrActingHead(std::string_view post, const OrgChart& org, const Date& date);

// Whether `post` may read the access log on `date`: auditors (`audit`, also when acting).
bool MayReadAccessLog(std::string_view post, const OrgChart& org, const Date& date);

}  // namespace saqme::workflows
