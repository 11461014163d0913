// The registers kept beside the journals of documents (docs/workflows.md "Registers"): issued
// certificates (certificate.cc), business trips (business_trip.cc) and internal memos
// (memo.cc). Each entry is a case of its own, opened by its register command and numbered per
// year in its register through Context::next_number, as the incoming journal is.
#pragma once

#include "workflows/proceeding.h"

namespace saqme::workflows::registers {

// The register (journal) names, as GET /v1/journals/{journal} names them.
inline constexpr char kCertificatesJournal[] = "certificates";
inline constexpr char kBusinessTripsJournal[] = "business_trips";
inline constexpr char kInternalJournal[] = "internal";  // shared with the assignments

// Open an entry. Require every Context member set; refuse bad data.
Decision RegisterCertificate(schema::RegisterCertificate::Reader command, const Context& context);
Decision RegisterBusinessTrip(schema::RegisterBusinessTrip::Reader command, const Context& context);
Decision SubmitMemo(schema::SubmitMemo::Reader command, const Context& context);

// Later commands on an entry (kCertificate, kBusinessTrip, kMemo): a certificate and a business
// trip are corrected or cancelled by the records office (corrections.cc); a memo is taken note
// of by its addressee.
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);
// Applies the registers' own events; false for any other.
bool Evolve(CaseState& state, schema::Event::Reader event);

namespace internal {
// Shared by the three files: a refusal naming `field` when `text` is blank.
std::optional<Refusal> Required(capnp::Text::Reader text, const char* field);
// The next number of `journal` in the year of today.
std::string TakeNumber(const Context& context, const char* journal);
// "X does not apply to a certificate: ..." — the refusal of every command on an entered
// certificate or trip other than its register's correction and cancellation.
Refusal FinalEntry(const CaseState& state, schema::Command::Reader command);
// The later commands on a certificate or a business trip (corrections.cc), and the appliers of
// their events (false for any other event).
Decision DecideEntry(const CaseState& state, schema::Command::Reader command,
                     const Context& context);
bool EvolveEntry(CaseState& state, schema::Event::Reader event);
// The later commands on a memo (memo.cc).
Decision DecideMemo(const CaseState& state, schema::Command::Reader command,
                    const Context& context);
}  // namespace internal

}  // namespace saqme::workflows::registers
