// The flow every incoming document shares (docs/domain.md §3): registration, resolution, receipt,
// execution, endorsement, signature, dispatch, filing — and the redirect. Each incoming kind
// (correspondence.cc, application.cc, public_information.cc, complaint.cc) supplies its rules.
#pragma once

#include <optional>

#include "workflows/proceeding.h"

namespace saqme::workflows::incoming {

enum class Extension {
  kBySetterOrSuperior,  // records rules: only who set the deadline, or their superior
  kStatutoryOnce,       // GAC: once, by at most the table's extension period, with a reason
  kNone,                // the law's deadline, not extendable
};

struct KindRules {
  Kind kind;
  const char* deadline_key;  // the deadline table's rule from registration
  Extension extension;
  bool stated_due_allowed;    // a letter may state its own deadline
  bool decision_before_sign;  // the answer is a decision (application, complaint)
  // Kind-specific commands; nullopt when the command is not one of them.
  std::optional<Decision> (*decide_special)(const CaseState&, schema::Command::Reader,
                                            const Context&);
};

const KindRules& CorrespondenceRules();
const KindRules& ApplicationRules();
const KindRules& PublicInformationRules();
const KindRules& ComplaintRules();
const KindRules& OutgoingLetterRules();
// The rules of a kind of this flow; requires IsRecordsFlow(kind).
const KindRules& RulesFor(Kind kind);

Decision Register(schema::RegisterIncoming::Reader command, const Context& context);
// Opens a letter on the body's own initiative (outgoing_letter.cc).
Decision DraftLetter(schema::DraftLetter::Reader command, const Context& context);
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
// take_note, void_registration, correct_registration (corrections.cc); nullopt for any other
// command.
std::optional<Decision> DecideCorrection(const CaseState& state, schema::Command::Reader command,
                                         const Context& context);
// Applies the corrections' events; false for any other payload.
bool EvolveCorrection(CaseState& state, schema::Event::Reader event);
// The lines of an explanation, joined by newlines.
std::string Join(const std::vector<std::string>& lines);
// Applies an incoming-document event; false when the payload is not one.
bool Evolve(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows::incoming
