// CaseState: what a proceeding is, as the workflows see it — the result of evolving its events.
//
// One struct for every kind, with the sections a kind uses; a kind's decide reads only its own.
// Replaying the same events always yields the same state (no clock, no I/O in evolve).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace saqme::workflows {

enum class Kind {
  kNone,  // no event yet
  kCorrespondence,
  kApplication,
  kPublicInformation,
  kComplaint,
  kLegalAct,
  kAssignment,
  kNomenclature,
  kCalendar,        // the body's calendar: government-declared days off (one case, kCalendarCaseId)
  kOutgoingLetter,  // a letter on the body's own initiative (not an answer)
  kOrganisation,    // the body's org chart and its changes (one case, kOrgCaseId)
  kSession,         // a sitting of the council, its bureau, a commission or a faction
  kPetition,        // an "Idea to the Mayor" e-petition (workflows/petition.cc)
  kOralAct,         // an act issued orally in urgency, to be put in writing (oral_act.cc)
  // Register entries (workflows/registers/).
  kCertificate,     // a certificate issued, in the certificates register (Zugdidi art. 7.2)
  kBusinessTrip,    // a business trip, in the business-trips journal (the Telavi department)
  kMemo,            // a memo to a head above, in the internal journal (Zugdidi art. 17.2(დ))
  kPeriodicReport,  // a report a post owes for a period (workflows/periodic_report.cc)
};

// Correspondence, application, public information, complaint: registered in the incoming
// journal with a deadline.
bool IsIncoming(Kind kind);
// The kinds that go the records' way (workflows/incoming/): incoming documents and outgoing
// letters — signed, dispatched, filed into the nomenclature.
bool IsRecordsFlow(Kind kind);

// The case that holds the body's declared days off.
inline constexpr char kCalendarCaseId[] = "calendar";
// The case that holds the adopted org chart, acting officers and appointments
// (workflows/org/org_changes.h).
inline constexpr char kOrgCaseId[] = "org";

enum class Stage {
  kNew,
  // Incoming documents (correspondence, application, public information, complaint).
  kRegistered,     // in the incoming journal, waiting for a resolution
  kResolved,       // a resolution names the executor; waiting for receipt
  kInExecution,    // the executor confirmed receipt
  kAnswerDrafted,  // a draft answer exists (endorsements may follow)
  kSigned,         // the answer is signed
  kDecided,        // application / complaint: the decision (an individual act) is made
  kInfoRefused,    // public information refused: the rights explanation is owed (GAC art. 41)
  kAnswered,       // dispatched, released, or rights explained: the proceeding is answered
  kRedirectedOut,  // sent to the competent body; the applicant was told
  kNoted,          // taken note of (take_note): closed without an answer, to be filed
  kVoid,           // the registration was void (made in error): closed, its number kept
  kFiled,          // filed into a case of the nomenclature: closed
  // Legal acts.
  kDrafted,
  kAdopted,
  kActRegistered,
  kPublished,
  kInForce,
  kRepealed,
  kDeclaredVoid,  // declared void, or annulled on a complaint: closed (legal_act.cc)
  // Assignments.
  kIssued,
  kAccepted,
  kCompleted,
  kReviewed,
  kRefusedByAssignee,
  // Nomenclature.
  kApproved,
  // The calendar and the org case.
  kKept,
  // Sessions (workflows/council_session.h).
  kConvened,   // convened with its date and agenda
  kHeld,       // held with a quorum, the votes recorded
  kPostponed,  // no quorum: not held (closed; a new session is convened as a new case)
  kMinuted,    // the minutes (ოქმი) recorded with their number: closed
  // E-petitions (workflows/petition.cc).
  kScreening,         // submitted: the records office screens it
  kDefective,         // defects found: the author may fix them
  kVoting,            // the public vote runs
  kAwaitingDecision,  // supported: the mayor decides
  kFeasibility,       // the consideration continues: the feasibility study runs
  kPetitionRejected,  // inadmissible at screening: closed
  kUnfixed,           // defects not fixed in time: closed
  kNotSupported,      // fewer votes than needed: closed
  kPetitionRefused,   // the mayor refused it: closed
  kConcluded,         // the feasibility study's results recorded: closed
  // Oral acts (workflows/oral_act.cc).
  kOralIssued,    // issued orally: to be put in writing
  kPutInWriting,  // the written act is linked: closed
  // Certificates and business trips: entered in their register; nothing follows.
  kEntered,
  // Memos: submitted to the addressee, who takes note of it (kNoted).
  kSubmitted,
  // Periodic reports (workflows/periodic_report.cc).
  kReportOwed,       // required: the obliged post submits it by the due date
  kReportSubmitted,  // submitted: closed
  // Certificates and business trips: cancelled (registers/corrections.cc), the number kept.
  kCancelled,
};

const char* KindName(Kind kind);     // "public_information"
const char* StageName(Stage stage);  // "in_execution"
const char* KindNameKa(Kind kind);  // "საჯარო ინფორმაციის მოთხოვნა", for Georgian sentences
const char* StageNameKa(Stage stage);  // "შესრულების პროცესში", for Georgian sentences

struct NomenclatureEntry {
  std::string code, title, retention;
  bool archived = false;   // in the departmental archive (and perhaps transferred on)
  uint32_t inventory = 0;  // the year's archive inventory that lists it; 0: none (archive_file)
  std::string transfer_act, transfer_date;  // the State Archive's transfer act, when transferred

  bool operator==(const NomenclatureEntry&) const = default;
};

// What the deadline watch has already done about one due date (workflows/deadline_watch.h).
// Steps for another date (after an extension or a recomputation) start afresh.
struct DeadlineWatchState {
  std::string due;
  int approached = 0;  // the fewest working days before `due` a reminder was sent at; 0: none
  bool missed = false;
  int level = 0;  // escalations sent

  bool operator==(const DeadlineWatchState&) const = default;
};

// An alert event of the case, for acknowledgements.
struct AlertRecord {
  uint64_t seq = 0;
  std::vector<std::string> recipients, acknowledged_by;  // posts

  bool operator==(const AlertRecord&) const = default;
};

// A co-executor's part of the work, reported to the lead executor (report_part).
struct PartReport {
  std::string by, text, on;  // post, what was done, Tbilisi date

  bool operator==(const PartReport&) const = default;
};

// One item of a session's agenda and its vote (when one was taken).
struct AgendaEntry {
  std::string question, draft_act;  // draft_act: the case id of a draft act, "" for a question
  bool voted = false, adopted = false;
  uint32_t votes_for = 0, votes_against = 0, abstained = 0;

  bool operator==(const AgendaEntry&) const = default;
};

struct CaseState {
  Kind kind = Kind::kNone;
  Stage stage = Stage::kNew;
  uint32_t version = 0;
  std::string case_id;
  std::string opened_on;  // Tbilisi date of the case's first event
  int64_t opened_at = 0;  // its business time, ms since the epoch
  // Every post that acted on the case (actor and acting-for of each event) or is named in it
  // (addressee, executors, endorsers, signatory, decider, deadline setter, issuer, assignee,
  // notified, alert recipients); sorted, unique, never shrinking: who may read it
  // (workflows/access.h).
  std::vector<std::string> participants;

  // Incoming documents.
  std::string registration_number, received_on, registered_on, addressee, subject, summary;
  std::string statutory_due;  // the law's deadline, the ceiling of any resolution's due
  std::string due, due_explanation;
  std::string due_explanation_ka;  // empty when the events predate the Georgian explanations
  std::string deadline_setter;     // post that set the current due (docs/domain.md §3)
  std::string lead_executor;
  std::vector<std::string> co_executors;
  // Who confirmed receipt of the resolution and when (post, Tbilisi date): the lead executor
  // and each co-executor, in the order they confirmed (the delivery journal).
  std::vector<std::pair<std::string, std::string>> receipts;
  std::vector<PartReport> parts;  // the co-executors' reports to the lead executor, in order
  bool on_control = false;
  int statutory_extensions = 0;
  std::vector<std::string> endorsements;  // posts, in order
  std::string answer, signed_by, outcome, decided_by, outgoing_number, answered_on;
  std::string rights_due;  // public information refused: explanation owed by this date
  std::string filed_code;
  int filed_year = 0;
  // Whom the body corresponds with: an incoming document's sender, a letter's recipient.
  std::string correspondent, related_case;
  // Incoming documents: the sender's kind ("citizen", "organisation", "agency"), how the
  // document came (`channel`) and its pages, as registered.
  std::string correspondent_kind, channel;
  uint32_t pages = 0;
  std::string void_reason;  // why the registration was void (kVoid), or the act (kDeclaredVoid)
  // A decision (application, complaint): its text; a complaint's: the act it contests.
  std::string decision_text, contested_act;
  // The open deadline as it was before declared days off moved it (docs/calendar.md), while
  // `moved_to` is still the open deadline: a withdrawn day off moves it back from there.
  struct DayOffMove {
    std::string from, explanation, to;
    std::string explanation_ka;  // the Georgian of `explanation` (empty: it had none)
    bool operator==(const DayOffMove&) const = default;
  } day_off_move;

  // Legal acts.
  std::string act_type, issuer, title, text, in_force_on_set, act_number;
  bool concerns_more_than_50 = false, public_proceeding = false;
  int expertise_count = 0;
  std::string published_on, notified_on, in_force_on, in_force_ground;
  std::string in_force_ground_ka;       // empty when the events predate the Georgian grounds
  std::vector<std::string> amended_by;  // the acts, or complaints (their decision), amending it
  std::string repealed_by;
  int act_year = 0;  // the year of its acts journal
  // Declared void (kDeclaredVoid): when, why (`void_reason`), on whose authority, and the
  // complaint whose decision annulled it (empty: declared void by declare_void).
  std::string void_on, voided_by, annulled_on_complaint;

  // Assignments (issuer and due are shared with the fields above). `instruction` is also the
  // instruction of an incoming document's resolution.
  std::string assignee, instruction;
  std::vector<std::string> progress;
  bool legality_doubt = false;
  std::string refusal_ground;
  bool review_accepted = false;

  // E-petitions: the author is `correspondent` (and `correspondent_kind`), the idea `title` and
  // `text`; `outcome` and `decided_by` are the mayor's decision.
  std::string petition_office;  // the records-office post that screens and keeps the vote
  std::string submitted_on, screening_outcome, petition_reason, vote_ends, feasibility;
  uint32_t votes = 0;
  bool vote_recorded = false;
  // Oral acts: `issuer`, `instruction` (what was ordered), `due`.
  std::string issued_on, urgency, written_act;

  // Nomenclature.
  int year = 0;
  std::vector<NomenclatureEntry> files;
  uint32_t archive_inventories = 0;  // inventories of this year handed to the archive

  // Sessions: the body ("council", "bureau", "commission", "faction"), "regular" or
  // "extraordinary", its date, which commission or faction, who convened it and who asked.
  std::string session_body, session_kind, session_date, body_name, convened_by, requested_by;
  std::string body_code;  // a commission's or faction's code ("" in sessions recorded before it)
  std::vector<AgendaEntry> agenda;
  uint32_t present = 0, members = 0;
  std::string minutes_number;
  std::vector<std::string> linked_acts;  // draft acts adopted by the session's vote
  // Register entries (workflows/registers/). A certificate: `registration_number`, `issuer`
  // (the post that issued it), `subject` (what it certifies, in words) and these; `issued_to` is
  // personal data. A business trip: `registration_number`, `subject` (its purpose) and these. A
  // memo: `registration_number` (internal journal), `author`, `addressee`, `subject`, `text`.
  // `issued_on` is the oral act's field, shared.
  std::string certifies, issued_to, retained_copy;
  std::string employee, destination, trip_from, trip_to, basis, basis_number;
  std::string author;
  // Periodic reports: the obliged post, the report kind, its period and the period's last day,
  // the recipient and when it was submitted (`text` holds the report, `due` its deadline).
  std::string report_post, report, period, period_end, recipient, report_submitted_on;

  // The deadline watch.
  DeadlineWatchState watch;
  std::vector<AlertRecord> alerts;

  // The calendar: declared days off, "YYYY-MM-DD" -> name.
  std::vector<std::pair<std::string, std::string>> days_off;

  bool operator==(const CaseState&) const = default;
};

// An estimate of the bytes `state` holds — the struct and the heap text of its strings and
// vectors — for bounding the engine's cache of case states by bytes (storage/lru_cache.h). Cheap
// (no allocation); counts what is allocated, not the allocator's own overhead. A new field
// that holds text must be counted here.
size_t ApproximateBytes(const CaseState& state);

// The deadline that runs on a case, if any: its date and the post that answers for it.
struct OpenDeadline {
  std::string due;  // empty: none runs
  std::string responsible;
};
OpenDeadline OpenDeadlineOf(const CaseState& state);

// Whether `post` has confirmed receipt of the case's resolution.
bool HasReceived(const CaseState& state, const std::string& post);
// Whether the co-executors still work on the case: resolved, not yet signed (or answered
// otherwise) — they may confirm receipt and report their parts.
bool CoExecutionOpen(const CaseState& state);

// What the case is about, in one line: a document's or letter's subject, else an act's title,
// else an assignment's instruction, a session's first agenda item ("" for none).
const std::string& SubjectOf(const CaseState& state);

// Calendar days an incoming document was registered after the day it was received (records
// rules, decree No 414: registered the day it is received); 0 when on time or not a document.
int64_t DaysRegisteredLate(const CaseState& state);

}  // namespace saqme::workflows
