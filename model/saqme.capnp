# The wire and disk schema of saqme: every event of the log is one `Event`.
#
# Compatibility rules (the log is kept for years, see docs/storage-format.md):
# - Never renumber, retype or remove a field or a union member; add new ones with the next ordinal.
# - A payload whose meaning changes gets a new struct (FooV2) and a new union member; the old
#   member stays so that old logs still replay. Adding an optional field to a payload is allowed
#   in place (Cap'n Proto readers see the default for old events) only when its default is the
#   correct reading of every old event.
# - Dates are Tbilisi calendar dates as text "YYYY-MM-DD"; instants are milliseconds since
#   1970-01-01T00:00:00Z (shown in Tbilisi time, UTC+4).

@0xbedbe1cde860ed9d;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("saqme::schema");

# How clients present a command's fields (GET /v1/commands/schema, api/command_schema.h). An
# annotation is schema metadata only: it changes no encoding, so events, commands and their hashes
# are the same bytes with or without them. Their ids are fixed: api/command_schema.cc reads them.
struct Label {
  ka @0 :Text;
  en @1 :Text;
}
# The field's or the value's name in the console.
annotation label @0xd02d38a1bc966358 (field, enumerant) :Label;
# Text holding a Tbilisi date "YYYY-MM-DD".
annotation date @0xb69ea498252cc52e (field) :Void;
# A post id of the org chart (on a list of text: post ids).
annotation post @0xd76465f0d0a4ee65 (field) :Void;
# May be left out. Bools always may (absent reads false); enums never (the JSON parser refuses).
annotation optional @0xc5e318c77996e6b1 (field) :Void;
# On a member of `Command`: how that command reads a field of a struct several commands share
# (TextOnly's `text` is the answer of draft_answer, the remark of endorse): replaces the field's
# label and its optionality.
struct FieldNote {
  field @0 :Text;                # the field's name in the schema ("text")
  label @1 :Label;
  optional @2 :Bool;
}
annotation note @0xc9c8875fd5926366 (field) :List(FieldNote);
# On a Text field: the only values it may take, each with its name in the console. The field
# stays Text (so old events keep their value); the JSON parser answers 400 for another value, the
# workflows refuse it, and the command schema shows the field as an enum (model/field_rules.h).
struct Choice {
  value @0 :Text;
  label @1 :Label;
}
annotation choices @0xe3a1f6c2b84d7a95 (field) :List(Choice);

# Who did something: the post (the organisational position, the unit of authority) and the
# person holding it at that moment.
struct Actor {
  post @0 :Text;
  person @1 :Text;
}

# The envelope. Fields up to `hash` are set by the log; the payload is set by the workflow.
struct Event {
  seq @0 :UInt64;            # global sequence, 1-based, gapless
  caseId @1 :Text;           # the proceeding this event belongs to
  caseVersion @2 :UInt32;    # 1-based position of the event within its case
  occurredAt @3 :Int64;      # business time (ms since epoch): when it happened in the world
  recordedAt @4 :Int64;      # when the log recorded it (ms since epoch)
  actor @5 :Actor;           # who did it
  actingFor @6 :Text;        # post on whose behalf (acting assignment), empty if on own account
  commandId @7 :Text;        # the command that produced the event (idempotency key)
  prevHash @8 :Data;         # hash of event seq-1; 32 zero bytes for seq 1
  hash @9 :Data;             # SHA-256(prevHash || canonical bytes of this event without `hash`)

  payload :union {
    incomingRegistered @10 :IncomingRegisteredV1;
    resolutionAssigned @11 :ResolutionAssignedV1;
    receiptConfirmed @12 :ReceiptConfirmedV1;
    answerDrafted @13 :AnswerDraftedV1;
    endorsed @14 :EndorsedV1;
    signed @15 :SignedV1;
    dispatched @16 :DispatchedV1;
    filed @17 :FiledV1;
    redirected @18 :RedirectedV1;
    deadlineExtended @19 :DeadlineExtendedV1;
    informationReleased @20 :InformationReleasedV1;
    informationRefused @21 :InformationRefusedV1;
    rightsExplained @22 :RightsExplainedV1;
    decided @23 :DecidedV1;
    actDrafted @24 :ActDraftedV1;
    expertiseGiven @25 :ExpertiseGivenV1;
    actAdopted @26 :ActAdoptedV1;
    actRegistered @27 :ActRegisteredV1;
    actPublished @28 :ActPublishedV1;
    addresseeNotified @29 :AddresseeNotifiedV1;
    actAmended @30 :ActChangedByV1;
    actRepealed @31 :ActChangedByV1;
    assignmentIssued @32 :AssignmentIssuedV1;
    assignmentAccepted @33 :AssignmentNoteV1;
    progressReported @34 :AssignmentNoteV1;
    assignmentCompleted @35 :AssignmentNoteV1;
    assignmentReviewed @36 :AssignmentReviewedV1;
    legalityDoubtRaised @37 :LegalityDoubtRaisedV1;
    assignmentRefused @38 :AssignmentRefusedV1;
    nomenclatureApproved @39 :NomenclatureApprovedV1;
    fileArchived @40 :FileArchivedV1;
    # The deadline watch (engine/deadline_watcher.h, workflows/deadline_watch.h).
    deadlineApproaching @41 :DeadlineAlertV1;
    deadlineMissed @42 :DeadlineAlertV1;
    escalated @43 :DeadlineAlertV1;
    deadlineRecomputed @44 :DeadlineRecomputedV1;
    alertAcknowledged @45 :AlertAcknowledgedV1;
    # The body's calendar (case "calendar").
    dayOffDeclared @46 :DayOffDeclaredV1;
    # A letter the body writes on its own initiative (workflows/incoming/outgoing_letter.cc).
    letterDrafted @47 :LetterDraftedV1;
    # The organisation (case "org", workflows/org/org_changes.h): the chart the body started
    # with, then acting officers and appointments, so that no view depends on an org file.
    orgChartAdopted @48 :OrgChartAdoptedV1;
    actingSet @49 :ActingSetV1;
    actingEnded @50 :ActingEndedV1;
    postAppointed @51 :PostAppointedV1;
    # Closings and corrections of incoming documents (workflows/incoming/).
    notedForInformation @52 :NotedForInformationV1;
    registrationVoided @53 :RegistrationVoidedV1;
    registrationCorrected @54 :RegistrationCorrectedV1;
    partReported @55 :PartReportedV1;
    # The calendar: a declared day off taken back.
    dayOffWithdrawn @56 :DayOffWithdrawnV1;
    # Sessions of the council, its bureau, commissions and factions (workflows/council_session.h).
    sessionConvened @57 :SessionConvenedV1;
    sessionHeld @58 :SessionAttendanceV1;
    sessionPostponed @59 :SessionAttendanceV1;  # without a quorum: not held
    minutesRecorded @60 :MinutesRecordedV1;
    # The "Idea to the Mayor" e-petition (workflows/petition.cc).
    petitionSubmitted @61 :PetitionSubmittedV1;
    petitionScreened @62 :PetitionStepV1;
    petitionFixed @63 :PetitionStepV1;
    petitionClosed @64 :PetitionStepV1;
    votesRecorded @65 :PetitionStepV1;
    petitionDecided @66 :PetitionStepV1;
    feasibilityRecorded @67 :PetitionStepV1;
    # An act issued orally in urgency, then put in writing (workflows/oral_act.cc).
    oralActIssued @68 :OralActIssuedV1;
    oralActPutInWriting @69 :OralActPutInWritingV1;
    # Registers (workflows/registers/): certificates, business trips, internal memos.
    certificateRegistered @70 :CertificateRegisteredV1;
    businessTripRegistered @71 :BusinessTripRegisteredV1;
    memoSubmitted @72 :MemoSubmittedV1;
    # The archive (workflows/nomenclature.cc): files of a closed year handed to the departmental
    # archive with the year's inventory; the part due to the State Archive transferred by an act.
    filesHandedToArchive @73 :FilesHandedToArchiveV1;
    filesTransferredToStateArchive @74 :FilesTransferredToStateArchiveV1;
    # Periodic reports owed by a post for a period (workflows/periodic_report.cc).
    reportRequired @75 :ReportRequiredV1;
    reportSubmitted @76 :ReportSubmittedV1;
    # The validity of legal acts (workflows/legal_act.cc).
    actDeclaredVoid @77 :ActDeclaredVoidV1;
    complaintDecisionApplied @78 :ComplaintDecisionAppliedV1;
    # Corrections of register entries (workflows/registers/corrections.cc): a certificate's or a
    # business trip's entry corrected (before and after, the reason), or cancelled with its
    # number kept in the register, marked.
    entryCorrected @79 :EntryCorrectedV1;
    entryCancelled @80 :EntryCancelledV1;
  }
}

enum IncomingKind {
  # a letter from an agency or organisation
  correspondence @0 $label(ka = "კორესპონდენცია", en = "Correspondence");
  # a citizen's application (administrative proceeding)
  application @1 $label(ka = "განცხადება", en = "Application");
  # a public-information request (GAC art. 40)
  publicInformation @2
      $label(ka = "საჯარო ინფორმაციის მოთხოვნა", en = "Public information request");
  # an administrative complaint (GAC art. 183)
  complaint @3 $label(ka = "ადმინისტრაციული საჩივარი", en = "Administrative complaint");
}

enum SenderKind {
  citizen @0 $label(ka = "მოქალაქე", en = "Citizen");
  organisation @1 $label(ka = "ორგანიზაცია", en = "Organisation");
  agency @2 $label(ka = "უწყება", en = "Agency");
}

struct Sender {
  name @0 :Text $label(ka = "სახელი, დასახელება", en = "Name");
  kind @1 :SenderKind $label(ka = "ვინ არის", en = "Kind");
  address @2 :Text $label(ka = "მისამართი", en = "Address") $optional;
}

# A document was registered in the incoming journal; the statutory clock starts.
struct IncomingRegisteredV1 {
  kind @0 :IncomingKind;
  channel @1 :Text;              # post, email, website, reception, phone, courier, exchange
  sender @2 :Sender;
  subject @3 :Text;
  summary @4 :Text;              # the annotation written in the journal
  pages @5 :UInt32;
  receivedOn @6 :Text;           # date
  addressee @7 :Text;            # post id
  registrationNumber @8 :Text;   # number in the incoming journal of its year
  due @9 :Text;                  # date
  dueExplanation @10 :Text;      # how `due` was computed, with its legal source
  relatedCase @11 :Text;
  dueExplanationKa @12 :Text;    # `dueExplanation` in Georgian (empty in events before it)
}

# The addressee's resolution: who executes, what, by when.
struct ResolutionAssignedV1 {
  leadExecutor @0 :Text;         # post id
  coExecutors @1 :List(Text);    # post ids
  instruction @2 :Text;
  due @3 :Text;                  # date
  dueExplanation @4 :Text;
  onControl @5 :Bool;            # "კონტროლზე": the deadline is watched by the supervisors
  dueExplanationKa @6 :Text;     # `dueExplanation` in Georgian (empty in events before it)
}

# The executor confirmed receipt (delivery journal).
struct ReceiptConfirmedV1 {
  executor @0 :Text;             # post id
}

struct AnswerDraftedV1 {
  author @0 :Text;               # post id
  text @1 :Text;
}

# A visa (ვიზა) on the draft.
struct EndorsedV1 {
  by @0 :Text;                   # post id
  remark @1 :Text;
}

struct SignedV1 {
  by @0 :Text;                   # post id
}

# Registered in the outgoing journal and sent.
struct DispatchedV1 {
  channel @0 :Text;
  outgoingNumber @1 :Text;
  postalNumber @2 :Text;         # postal journal number when sent by post, else empty
}

# Filed into a case (file) of the year's nomenclature.
struct FiledV1 {
  nomenclatureCode @0 :Text;
  year @1 :UInt16;
}

# Sent on to another executor, or out to the competent body (the applicant is told).
struct RedirectedV1 {
  toExecutor @0 :Text;           # post id; empty when sent out of the body
  toBody @1 :Text;               # the competent body; empty when redirected inside
  reason @2 :Text;
  applicantNotified @3 :Bool;
  due @4 :Text;                  # the executor's deadline after an internal redirect
  # Sent out of the body: the forwarding letter to `toBody` and the notice to the sender, each
  # with its number in the outgoing journal (GAC art. 80). Empty in events written before the
  # letters were journalled, which is their correct reading: none was numbered.
  forwardingNumber @5 :Text;
  noticeNumber @6 :Text;
}

struct DeadlineExtendedV1 {
  previousDue @0 :Text;
  newDue @1 :Text;
  reason @2 :Text;
  statutoryExtension @3 :Bool;   # the one extension of an administrative proceeding
}

enum InformationScope {
  full @0 $label(ka = "სრულად", en = "In full");
  partial @1 $label(ka = "ნაწილობრივ", en = "In part");
}

# GAC art. 40.
struct InformationReleasedV1 {
  scope @0 :InformationScope;
  note @1 :Text;
}

# GAC art. 41: the applicant is told at once; the rights and the appeal route within 3 days.
struct InformationRefusedV1 {
  reason @0 :Text;
  explainBy @1 :Text;            # date
  explainByExplanation @2 :Text;
  explainByExplanationKa @3 :Text;  # in Georgian (empty in events before it)
  ground @4 :Text;  # RefuseInformation's ground (empty in events before it: not recorded)
}

struct RightsExplainedV1 {
  text @0 :Text;
}

enum Outcome {
  granted @0 $label(ka = "დაკმაყოფილდა", en = "Granted");  # application
  refused @1 $label(ka = "უარი ეთქვა", en = "Refused");
  partly @2 $label(ka = "ნაწილობრივ დაკმაყოფილდა", en = "Partly granted");
  # complaint: upheld leaves the contested act in force (the complaint is not granted)
  upheld @3 $label(ka = "გასაჩივრებული აქტი ძალაში დარჩა", en = "Contested act left in force");
  annulled @4 $label(ka = "გასაჩივრებული აქტი ბათილად იქნა ცნობილი", en = "Contested act annulled");
  amended @5 $label(ka = "გასაჩივრებული აქტი შეიცვალა", en = "Contested act amended");
}

# The decision on an application or a complaint: an individual administrative act.
struct DecidedV1 {
  outcome @0 :Outcome;
  text @1 :Text;
  by @2 :Text;                   # post id
  contestedAct @3 :Text;         # a complaint: case id of the act it contests (empty: not named)
}

enum ActType {
  order @0 $label(ka = "ბრძანება", en = "Order");
  ordinance @1 $label(ka = "განკარგულება", en = "Ordinance");
  resolution @2 $label(ka = "დადგენილება", en = "Resolution (normative)");
}

struct ActDraftedV1 {
  actType @0 :ActType;
  issuer @1 :Text;               # post id
  title @2 :Text;
  text @3 :Text;
  concernsMoreThan50 @4 :Bool;
  publicProceeding @5 :Bool;
  inForceOn @6 :Text;            # a date the act sets for itself, or empty
}

struct ExpertiseGivenV1 {
  by @0 :Text;
  opinion @1 :Text;
}

struct ActAdoptedV1 {
  by @0 :Text;                   # post id that signed or chaired the adoption
  sessionDate @1 :Text;          # council acts
  votesFor @2 :UInt32;
  votesAgainst @3 :UInt32;
  abstained @4 :UInt32;
}

struct ActRegisteredV1 {
  number @0 :Text;               # number in the acts journal of its type and year
  year @1 :UInt16;
}

struct ActPublishedV1 {
  channel @0 :Text;              # website, legislative_herald
  publishedOn @1 :Text;
  inForceOn @2 :Text;            # set when publication brings the act into force
  inForceGround @3 :Text;
  inForceGroundKa @4 :Text;      # in Georgian (empty in events before it)
}

struct AddresseeNotifiedV1 {
  notifiedOn @0 :Text;
  inForceOn @1 :Text;
  inForceGround @2 :Text;
  inForceGroundKa @3 :Text;      # in Georgian (empty in events before it)
}

struct ActChangedByV1 {
  byAct @0 :Text;                # case id of the amending or repealing act
  byActNumber @1 :Text;
  effectiveOn @2 :Text;
}

# An act declared void by its issuer or by the head of the body that decides complaints.
struct ActDeclaredVoidV1 {
  reason @0 :Text;
  by @1 :Text;                   # post id on whose authority
  voidOn @2 :Text;               # date
}

# A complaint's decision that annulled or amended this act, applied to it in the same atomic
# unit as the decision (engine/engine.cc).
struct ComplaintDecisionAppliedV1 {
  complaint @0 :Text;            # case id of the complaint
  complaintNumber @1 :Text;      # its number in the incoming journal
  outcome @2 :Outcome;           # annulled or amended
  text @3 :Text;                 # the decision's text
  by @4 :Text;                   # post id that decided
  decidedOn @5 :Text;            # date
}

struct AssignmentIssuedV1 {
  issuer @0 :Text;
  assignee @1 :Text;
  instruction @2 :Text;
  due @3 :Text;
}

struct AssignmentNoteV1 {
  text @0 :Text;
}

struct AssignmentReviewedV1 {
  accepted @0 :Bool;
  remark @1 :Text;
}

struct LegalityDoubtRaisedV1 {
  reason @0 :Text;
  notified @1 :List(Text);       # the issuer and the issuer's superior
}

enum RefusalGround {
  unlawful @0 $label(ka = "უკანონოა", en = "Unlawful");
  outsideJobDescription @1
      $label(ka = "სამსახურებრივი მოვალეობის ფარგლებს გარეთაა", en = "Outside the job description");
}

struct AssignmentRefusedV1 {
  ground @0 :RefusalGround;
  reason @1 :Text;
}

struct NomenclatureFile {
  code @0 :Text $label(ka = "ინდექსი", en = "Code");
  title @1 :Text $label(ka = "სათაური", en = "Title");
  # e.g. "permanent", "5 years"
  retention @2 :Text $label(ka = "შენახვის ვადა", en = "Retention") $optional;
}

# The year's case nomenclature (file plan), approved each January.
struct NomenclatureApprovedV1 {
  year @0 :UInt16;
  files @1 :List(NomenclatureFile);
}

# A closed file of the nomenclature handed to the departmental archive.
struct FileArchivedV1 {
  code @0 :Text;
  year @1 :UInt16;
}

# Files of a closed year handed to the departmental archive (საუწყებო არქივი) with the
# year's inventory (ანაწერი) numbered `inventory` (1, 2, ... within the nomenclature's year).
struct FilesHandedToArchiveV1 {
  year @0 :UInt16;
  inventory @1 :UInt32;
  codes @2 :List(Text);
}

# Files of the departmental archive transferred to the State Archive by a transfer act.
struct FilesTransferredToStateArchiveV1 {
  year @0 :UInt16;
  actNumber @1 :Text;
  actDate @2 :Text;              # date
  codes @3 :List(Text);
}

# Who an alert went to: `post` receives it; when that post acts for an absent one, `actingFor`
# names the absent post whose alert it is.
struct AlertRecipient {
  post @0 :Text;
  person @1 :Text;
  actingFor @2 :Text;
  role @3 :Text;                 # executor, co_executor, unit_head, deadline_setter,
                                 # records_office, supervisor
}

# A step of the deadline watch: a reminder before the due date, the miss the day after, an
# escalation one level up the supervision line after each grace period.
struct DeadlineAlertV1 {
  due @0 :Text;                  # the due date the step is about
  dueExplanation @1 :Text;       # how that date was computed, with its legal source
  rule @2 :Text;                 # the watch rule that fired, in words
  stepDate @3 :Text;             # the date the step fell due (a late tick records it later)
  responsible @4 :Text;          # post answering for the deadline
  workingDaysBefore @5 :UInt8;   # approaching: 3, 1, ...
  level @6 :UInt8;               # missed: 0; escalated: 1, 2, ... up the supervision line
  workingDaysOverdue @7 :UInt16;
  recipients @8 :List(AlertRecipient);
  ruleKa @9 :Text;               # `rule` in Georgian (empty in events before it)
  dueExplanationKa @10 :Text;    # `dueExplanation` in Georgian (empty in events before it)
}

# An open deadline moved because the calendar changed (a government-declared day off).
struct DeadlineRecomputedV1 {
  previousDue @0 :Text;
  newDue @1 :Text;
  reason @2 :Text;
  explanation @3 :Text;          # the new due date's explanation
  dayOff @4 :Text;               # the declared day off that moved it
  declaredBy @5 :Text;           # command id of the declaration
  explanationKa @6 :Text;        # `explanation` in Georgian (empty in events before it)
}

struct AlertAcknowledgedV1 {
  alertSeq @0 :UInt64;           # the sequence of the alert event
  by @1 :Text;                   # post
}

struct DayOffDeclaredV1 {
  date @0 :Text;
  name @1 :Text;                 # e.g. "day off declared by Government decree No 123"
}

# A letter on the body's own initiative was drafted (not an answer to an incoming document): it
# then goes the answer's way — visas, signature, the outgoing journal, filing.
struct LetterDraftedV1 {
  author @0 :Text;               # post id: who drafted it; the signatory is found from it
  recipient @1 :Sender;
  subject @2 :Text;
  text @3 :Text;
  relatedCase @4 :Text;          # e.g. the legal act it sends, or the letter it follows up
}

# The org chart a body's log starts from: the org file's JSON as it was adopted
# (docs/org-format.md). Later changes are events of their own.
struct OrgChartAdoptedV1 {
  chart @0 :Text;                # the org file, verbatim
  source @1 :Text;               # where it came from: a file name, or "built-in Ozurgeti"
}

# `actingPost` exercises `absentPost` (its powers, its alerts) from `from` to `to` inclusive;
# meanwhile the absent holder may not resolve or sign in that post.
struct ActingSetV1 {
  absentPost @0 :Text;
  actingPost @1 :Text;
  from @2 :Text;                 # date
  to @3 :Text;                   # date
  basis @4 :Text;                # the chair's decision or the mayor's order, with its number
}

# An acting assignment ended before its `to` (the holder came back).
struct ActingEndedV1 {
  absentPost @0 :Text;
  actingPost @1 :Text;
  lastDay @2 :Text;              # date: the last day the acting post acted
  reason @3 :Text;
}

# `person` holds `post` from `from` (a vacancy when empty).
struct PostAppointedV1 {
  post @0 :Text;
  person @1 :Text;
  from @2 :Text;                 # date
  basis @3 :Text;                # the order of appointment
}

# Taken note of (ცნობად მიღება): a document that needs no answer is closed, then filed.
struct NotedForInformationV1 {
  by @0 :Text;                   # post id
  remark @1 :Text;
}

# A registration made in error: its number stays in the journal, marked void, never reused.
struct RegistrationVoidedV1 {
  registrationNumber @0 :Text;
  reason @1 :Text;
}

struct FieldChange {
  field @0 :Text;                # "sender", "subject", "addressee", "kind", "pages"
  before @1 :Text;
  after @2 :Text;
}

# A correction of what was registered; the history shows before and after.
struct RegistrationCorrectedV1 {
  changes @0 :List(FieldChange);
  reason @1 :Text;
  # The corrected sender in full (its `name` is also among `changes`); unset when unchanged.
  sender @2 :Sender;
}

# A co-executor's contribution, reported to the lead executor.
struct PartReportedV1 {
  by @0 :Text;                   # post id of the co-executor
  text @1 :Text;
}

struct DayOffWithdrawnV1 {
  date @0 :Text;
  reason @1 :Text;
}

# A session's agenda item: a question, and the draft act it considers when it is one.
struct AgendaItem {
  question @0 :Text $label(ka = "საკითხი", en = "Question");
  draftAct @1 :Text $label(ka = "აქტის პროექტი (საქმე)", en = "Draft act (case id)") $optional;
}

struct SessionConvenedV1 {
  body @0 :Text;                 # council, bureau, commission, faction
  sessionKind @1 :Text;          # regular, extraordinary
  date @2 :Text;
  agenda @3 :List(AgendaItem);
  bodyName @4 :Text;             # which commission or faction ("" for the council, the bureau)
  convenedBy @5 :Text;           # the post that convened, or the named chair of a commission/faction
  requestedBy @6 :Text;          # an extraordinary session: who asked for it
  bodyCode @7 :Text;             # which commission or faction, its code in the council's data;
                                 # "" before it was recorded: the kind's shared minutes register
}

# The vote on one agenda item (1-based `item`), as hold_session gives it.
struct ItemVote {
  item @0 :UInt32 $label(ka = "საკითხის №", en = "Item number");
  votesFor @1 :UInt32 $label(ka = "მომხრე", en = "Votes for");
  votesAgainst @2 :UInt32 $label(ka = "წინააღმდეგი", en = "Votes against") $optional;
  abstained @3 :UInt32 $label(ka = "თავი შეიკავა", en = "Abstained") $optional;
}

# The vote as recorded, with whether it carried (the workflow's reading of the rule).
struct ItemVoteV1 {
  item @0 :UInt32;
  votesFor @1 :UInt32;
  votesAgainst @2 :UInt32;
  abstained @3 :UInt32;
  adopted @4 :Bool;
}

struct SessionAttendanceV1 {
  present @0 :UInt32;
  members @1 :UInt32;            # the full composition
  votes @2 :List(ItemVoteV1);    # empty when postponed
}

struct MinutesRecordedV1 {
  number @0 :Text;               # in the minutes register of the body and the year
  year @1 :UInt16;
  linkedActs @2 :List(Text);     # draft acts on the agenda whose vote carried (case ids)
  summary @3 :Text;
}

# An "Idea to the Mayor" e-petition was submitted (registered by the records office for its
# author, a citizen registered in the municipality); screening is due by `due`.
struct PetitionSubmittedV1 {
  author @0 :Sender;             # personal data: read only by who may read the case
  title @1 :Text;
  text @2 :Text;
  submittedOn @3 :Text;          # date: the screening period runs from it
  office @4 :Text;               # post id: the records office that screens and keeps the vote
  due @5 :Text;                  # date: screening due
  dueExplanation @6 :Text;
  dueExplanationKa @7 :Text;
}

# A step of an e-petition: screened (accepted / defects / rejected), fixed, closed unfixed,
# votes recorded, decided by the mayor (continue / refused), feasibility recorded. `due` and its
# explanations are of the deadline the step opens; empty when the step ends the petition.
struct PetitionStepV1 {
  outcome @0 :Text;              # screened: accepted | defects | rejected; votes recorded:
                                 # supported | not_supported; decided: continue | refused
  text @1 :Text;                 # the reason, the corrected text, the results
  votes @2 :UInt32;              # votes recorded
  due @3 :Text;
  dueExplanation @4 :Text;
  dueExplanationKa @5 :Text;
  by @6 :Text;                   # post id whose authority made the step
}

# An individual act issued orally in urgency (Zugdidi statute art. 39.3): it is put in writing
# by `due`.
struct OralActIssuedV1 {
  issuer @0 :Text;               # post id
  ordered @1 :Text;              # what was ordered
  issuedOn @2 :Text;             # date
  urgency @3 :Text;              # material_damage | crime | administrative_offence |
                                 # disciplinary_misconduct
  due @4 :Text;
  dueExplanation @5 :Text;
  dueExplanationKa @6 :Text;
}

# The oral act put in writing: the written act is a legal act's case (an order, draft_act).
struct OralActPutInWritingV1 {
  writtenAct @0 :Text;           # case id
  actNumber @1 :Text;            # its number when already registered, else empty
}

# A certificate (ცნობა) issued in the body's name, entered in the register of issued certificates
# with a copy kept (Zugdidi statute art. 7.2). `issuedTo` is personal data: never logged.
struct CertificateRegisteredV1 {
  number @0 :Text;               # number in the certificates register of its year
  certifies @1 :Text;            # residence, goods_origin (art. 7.1)
  issuedTo @2 :Text;             # the person (or the holder of the goods) it is issued to
  content @3 :Text;              # what it certifies, in words
  issuedBy @4 :Text;             # post id
  issuedOn @5 :Text;             # date
  retainedCopy @6 :Text;         # where the copy kept is, or what it holds
}

# A business trip (მივლინება) entered in the business-trips journal (the Telavi department).
struct BusinessTripRegisteredV1 {
  number @0 :Text;               # number in the business-trips journal of its year
  employee @1 :Text;             # post id
  destination @2 :Text;
  purpose @3 :Text;
  from @4 :Text;                 # date
  to @5 :Text;                   # date
  basis @6 :Text;                # case id of the order sending the trip, or empty
  basisNumber @7 :Text;          # that order's number in the orders journal, when it has one
}

# A correction of a register entry (a certificate, a business trip): never renumbered; the
# history shows before and after. `field` is the register's field name ("issued_to", "from").
struct EntryCorrectedV1 {
  changes @0 :List(FieldChange);
  reason @1 :Text;
}

# A register entry cancelled (a certificate issued in error, a trip that did not take place): its
# number stays in the register, marked cancelled with the reason.
struct EntryCancelledV1 {
  number @0 :Text;
  reason @1 :Text;
}

# A memo (მოხსენებითი ბარათი) from a post to a head above it (Zugdidi statute art. 17.2(დ)),
# registered in the internal journal.
# A periodic report owed by `post` for `period` (Zugdidi statute art. 32; Ozurgeti job
# descriptions: quarterly), due by `due` (data/periodic_reports.tsv names the rule).
struct ReportRequiredV1 {
  post @0 :Text;                 # the obliged post id
  report @1 :Text;               # the report kind of data/periodic_reports.tsv: staff_monthly, ...
  period @2 :Text;               # "2026-11", "2026-Q4", "2026-H2", "2026"
  periodEnd @3 :Text;            # its last day, the start of the deadline
  recipient @4 :Text;            # post id the report goes to
  due @5 :Text;
  dueExplanation @6 :Text;
  dueExplanationKa @7 :Text;
}

# The report submitted: the obligation ends (late when after `due`).
struct ReportSubmittedV1 {
  text @0 :Text;                 # the report or its summary
  submittedOn @1 :Text;          # Tbilisi date
  by @2 :Text;                   # the obliged post (also when someone acts for it)
}

struct MemoSubmittedV1 {
  number @0 :Text;               # number in the internal journal of its year
  author @1 :Text;               # post id
  addressee @2 :Text;            # post id
  subject @3 :Text;
  text @4 :Text;
}

# ---------------------------------------------------------------------------------------------
# Commands: what a client asks for (docs/api.md names them). The actor is never a field:
# it is the authenticated post. Dates are "YYYY-MM-DD". Sent as binary (Content-Type
# application/x-capnp) a Command carries its own command id and expected version; in JSON they
# are the request body's "command_id" and "expected_version" (docs/api.md).

struct Command {
  commandId @31 :Text;
  expectedVersion @32 :Int64 = -1;   # -1: any
  union {
    registerIncoming @0 :RegisterIncoming;
    draftAct @1 :DraftAct;
    issueAssignment @2 :IssueAssignment;
    assignResolution @3 :AssignResolution;
    confirmReceipt @4 :Void;
    redirect @5 :Redirect;
    extendDeadline @6 :ExtendDeadline;
    draftAnswer @7 :TextOnly
        $note([(field = "text", label = (ka = "პასუხის ტექსტი", en = "Text of the answer"))]);
    endorse @8 :TextOnly
        $note([(field = "text", label = (ka = "შენიშვნა", en = "Remark"), optional = true)]);
    sign @9 :Void;
    dispatch @10 :Dispatch;
    file @11 :FileInto;
    releaseInformation @12 :ReleaseInformation;
    # Was TextOnly: RefuseInformation keeps its `text @0`, so the wire form is the same.
    refuseInformation @13 :RefuseInformation
        $note([(field = "text", label = (ka = "უარის საფუძველი", en = "Reason for the refusal"))]);
    explainRights @14 :TextOnly
        $note([(field = "text", label = (ka = "უფლებებისა და გასაჩივრების წესის განმარტება",
                                         en = "The rights and the appeal route"))]);
    decide @15 :Decide;
    giveExpertise @16 :TextOnly
        $note([(field = "text", label = (ka = "ექსპერტიზის დასკვნა", en = "Legal opinion"))]);
    adopt @17 :Adopt;
    registerAct @18 :Void;
    publish @19 :Publish;
    notify @20 :Notify;
    amend @21 :ChangeBy;
    repeal @22 :ChangeBy;
    accept @23 :Void;
    reportProgress @24 :TextOnly
        $note([(field = "text", label = (ka = "რა გაკეთდა", en = "Progress made"))]);
    complete @25 :TextOnly
        $note([(field = "text", label = (ka = "შესრულების ანგარიში", en = "Completion report"))]);
    review @26 :Review;
    raiseLegalityDoubt @27 :TextOnly
        $note([(field = "text", label = (ka = "ეჭვის საფუძველი", en = "Why it may be unlawful"))]);
    refuseAssignment @28 :RefuseAssignment;
    approveNomenclature @29 :ApproveNomenclature;
    archiveFile @30 :FileInto;
    declareDayOff @33 :DeclareDayOff;
    acknowledgeAlert @34 :AcknowledgeAlert;
    draftLetter @35 :DraftLetter;
    # The organisation (case "org"), through POST /v1/org/commands.
    setActing @36 :SetActing;
    endActing @37 :EndActing;
    appoint @38 :Appoint;
    # Incoming documents.
    takeNote @39 :TakeNote;
    voidRegistration @40 :VoidRegistration;
    correctRegistration @41 :CorrectRegistration;
    reportPart @42 :TextOnly
        $note([(field = "text", label = (ka = "შესრულებული ნაწილი", en = "The part done"))]);
    # The calendar.
    withdrawDayOff @43 :WithdrawDayOff;
    # Sessions (workflows/council_session.h).
    conveneSession @44 :ConveneSession;
    holdSession @45 :HoldSession;
    recordMinutes @46 :RecordMinutes;
    # The "Idea to the Mayor" e-petition.
    submitPetition @47 :SubmitPetition;
    screenPetition @48 :ScreenPetition;
    fixPetition @49 :TextOnly
        $note([(field = "text", label = (ka = "გასწორებული ტექსტი", en = "The corrected text"))]);
    closePetition @50 :TextOnly
        $note([(field = "text", label = (ka = "შენიშვნა", en = "Remark"), optional = true)]);
    recordVotes @51 :RecordVotes;
    decidePetition @52 :DecidePetition;
    recordFeasibility @53 :TextOnly
        $note([(field = "text", label = (ka = "განხილვის შედეგები", en = "Results of the study"))]);
    # An act issued orally in urgency.
    issueOralAct @54 :IssueOralAct;
    putInWriting @55 :PutInWriting;
    # Registers.
    registerCertificate @56 :RegisterCertificate;
    registerBusinessTrip @57 :RegisterBusinessTrip;
    submitMemo @58 :SubmitMemo;
    # The archive (case "nomenclature-YYYY").
    handToArchive @59 :HandToArchive;
    transferToStateArchive @60 :TransferToStateArchive;
    # Periodic reports.
    requireReport @61 :RequireReport;
    submitReport @62 :TextOnly
        $note([(field = "text", label = (ka = "ანგარიში", en = "The report"))]);
    # The validity of legal acts.
    declareVoid @63 :DeclareVoid;
    # Corrections of register entries (workflows/registers/corrections.cc).
    correctCertificate @64 :CorrectCertificate;
    cancelCertificate @65 :CancelEntry;
    correctBusinessTrip @66 :CorrectBusinessTrip;
    cancelBusinessTrip @67 :CancelEntry;
  }
}

# Shared by the commands that carry one text; each names it in its `$note`.
struct TextOnly {
  text @0 :Text $label(ka = "ტექსტი", en = "Text");
}

struct RegisterIncoming {
  kind @0 :IncomingKind $label(ka = "დოკუმენტის სახე", en = "Kind of document");
  channel @1 :Text $label(ka = "შემოსვლის არხი", en = "Channel")
      $choices([(value = "post", label = (ka = "ფოსტა", en = "Post")),
                (value = "email", label = (ka = "ელექტრონული ფოსტა", en = "Email")),
                (value = "website", label = (ka = "ვებგვერდი", en = "Website")),
                (value = "reception",
                 label = (ka = "მოქალაქეთა მისაღები (პირადად)", en = "Reception (in person)")),
                (value = "phone", label = (ka = "ტელეფონი (ცხელი ხაზი)", en = "Phone (hotline)")),
                (value = "courier", label = (ka = "კურიერი", en = "Courier")),
                (value = "exchange",
                 label = (ka = "საქმისწარმოების ელექტრონული სისტემა",
                          en = "Electronic records exchange"))]);
  sender @2 :Sender $label(ka = "გამგზავნი", en = "Sender");
  subject @3 :Text $label(ka = "საკითხი", en = "Subject");
  summary @4 :Text $label(ka = "მოკლე შინაარსი", en = "Summary") $optional;
  pages @5 :UInt32 $label(ka = "ფურცლების რაოდენობა", en = "Pages") $optional;
  receivedOn @6 :Text $label(ka = "მიღების თარიღი", en = "Received on") $date;
  addressee @7 :Text $label(ka = "ადრესატი", en = "Addressee") $post;
  statedDue @8 :Text $label(ka = "მითითებული ვადა", en = "Stated due date") $date $optional;
  relatedCase @9 :Text $label(ka = "დაკავშირებული საქმე", en = "Related case") $optional;
}

struct DraftAct {
  actType @0 :ActType $label(ka = "აქტის სახე", en = "Type of act");
  issuer @1 :Text $label(ka = "გამომცემი", en = "Issuer") $post;
  title @2 :Text $label(ka = "სათაური", en = "Title");
  text @3 :Text $label(ka = "ტექსტი", en = "Text");
  concernsMoreThan50 @4 :Bool
      $label(ka = "ეხება 50-ზე მეტ პირს", en = "Concerns more than 50 persons");
  publicProceeding @5 :Bool $label(ka = "საჯარო წარმოება", en = "Public proceeding");
  inForceOn @6 :Text $label(ka = "ძალაში შესვლის თარიღი", en = "In force on") $date $optional;
}

struct IssueAssignment {
  assignee @0 :Text $label(ka = "შემსრულებელი", en = "Assignee") $post;
  instruction @1 :Text $label(ka = "დავალება", en = "Instruction");
  due @2 :Text $label(ka = "შესრულების ვადა", en = "Due") $date;
}

struct AssignResolution {
  leadExecutor @0 :Text $label(ka = "მთავარი შემსრულებელი", en = "Lead executor") $post;
  coExecutors @1 :List(Text)
      $label(ka = "თანაშემსრულებლები", en = "Co-executors") $post $optional;
  instruction @2 :Text $label(ka = "რეზოლუციის ტექსტი", en = "Instruction");
  # empty: the statutory deadline
  due @3 :Text $label(ka = "შესრულების ვადა", en = "Due") $date $optional;
  onControl @4 :Bool $label(ka = "კონტროლზე", en = "On control");
}

struct Redirect {
  # One of the two: another executor inside the body, or the competent body outside it.
  toExecutor @0 :Text $label(ka = "ახალი შემსრულებელი", en = "New executor") $post $optional;
  toBody @1 :Text $label(ka = "კომპეტენტური ორგანო", en = "Competent body") $optional;
  reason @2 :Text $label(ka = "მიზეზი", en = "Reason");
  applicantNotified @3 :Bool $label(ka = "განმცხადებელს ეცნობა", en = "Applicant notified");
}

struct ExtendDeadline {
  newDue @0 :Text $label(ka = "ახალი ვადა", en = "New due date") $date;
  reason @1 :Text $label(ka = "საფუძველი", en = "Reason");
}

struct Dispatch {
  channel @0 :Text $label(ka = "გაგზავნის არხი", en = "Channel")
      $choices([(value = "post", label = (ka = "ფოსტა", en = "Post")),
                (value = "email", label = (ka = "ელექტრონული ფოსტა", en = "Email")),
                (value = "hand", label = (ka = "ხელზე გადაცემა", en = "By hand")),
                (value = "exchange",
                 label = (ka = "საქმისწარმოების ელექტრონული სისტემა",
                          en = "Electronic records exchange")),
                (value = "website", label = (ka = "ვებგვერდი", en = "Website"))]);
}

struct FileInto {
  nomenclatureCode @0 :Text $label(ka = "საქმის ინდექსი", en = "Nomenclature code");
  year @1 :UInt16 $label(ka = "წელი", en = "Year") $optional;  # 0: the year of today
}

# GAC art. 10.1: public information is released unless it holds a state, commercial or
# professional secret or personal data; the annual report counts refusals per ground (art. 49).
struct RefuseInformation {
  text @0 :Text $label(ka = "უარის საფუძველი", en = "Reason for the refusal");
  ground @1 :Text $label(ka = "უარის სამართლებრივი საფუძველი", en = "Legal ground of the refusal")
      $choices([(value = "personal_data",
                 label = (ka = "პერსონალური მონაცემები", en = "Personal data")),
                (value = "state_secret",
                 label = (ka = "სახელმწიფო საიდუმლოება", en = "State secret")),
                (value = "commercial_secret",
                 label = (ka = "კომერციული საიდუმლოება", en = "Commercial secret")),
                (value = "professional_secret",
                 label = (ka = "პროფესიული საიდუმლოება", en = "Professional secret")),
                (value = "not_held",
                 label = (ka = "ინფორმაცია დაწესებულებაში არ არის", en = "Not held by the body")),
                (value = "other", label = (ka = "სხვა (ტექსტში)", en = "Other (in the text)"))]);
}

struct ReleaseInformation {
  scope @0 :InformationScope $label(ka = "მოცულობა", en = "Scope");
  note @1 :Text $label(ka = "შენიშვნა", en = "Note") $optional;
}

struct Decide {
  outcome @0 :Outcome $label(ka = "შედეგი", en = "Outcome");
  text @1 :Text $label(ka = "გადაწყვეტილების ტექსტი", en = "Text of the decision");
  # a complaint: the act it contests; annulled or amended, the decision is applied to it
  contestedAct @2 :Text $label(ka = "გასაჩივრებული აქტი (საქმე)", en = "Contested act (case id)")
      $optional;
}

# Council acts are adopted at a session by vote; orders and ordinances need neither.
struct Adopt {
  sessionDate @0 :Text $label(ka = "სხდომის თარიღი", en = "Session date") $date $optional;
  votesFor @1 :UInt32 $label(ka = "მომხრე", en = "Votes for") $optional;
  votesAgainst @2 :UInt32 $label(ka = "წინააღმდეგი", en = "Votes against") $optional;
  abstained @3 :UInt32 $label(ka = "თავი შეიკავა", en = "Abstained") $optional;
}

struct Publish {
  channel @0 :Text $label(ka = "სად გამოქვეყნდა", en = "Channel")
      $choices([(value = "website", label = (ka = "ვებგვერდი", en = "Website")),
                (value = "legislative_herald",
                 label = (ka = "საკანონმდებლო მაცნე", en = "Legislative Herald"))]);
  publishedOn @1 :Text $label(ka = "გამოქვეყნების თარიღი", en = "Published on") $date;
}

struct Notify {
  notifiedOn @0 :Text $label(ka = "გაცნობის თარიღი", en = "Notified on") $date;
}

struct ChangeBy {
  byAct @0 :Text $label(ka = "ცვლილების აქტი (საქმე)", en = "By act (case id)");
  byActNumber @1 :Text $label(ka = "აქტის ნომერი", en = "Number of that act") $optional;
  effectiveOn @2 :Text $label(ka = "ძალაში შესვლის თარიღი", en = "Effective on") $date $optional;
}

struct Review {
  accepted @0 :Bool $label(ka = "შესრულება მიღებულია", en = "Accepted");
  remark @1 :Text $label(ka = "შენიშვნა", en = "Remark") $optional;
}

struct RefuseAssignment {
  ground @0 :RefusalGround $label(ka = "უარის საფუძველი", en = "Ground");
  reason @1 :Text $label(ka = "დასაბუთება", en = "Reason");
}

struct ApproveNomenclature {
  year @0 :UInt16 $label(ka = "წელი", en = "Year");
  files @1 :List(NomenclatureFile) $label(ka = "საქმეები", en = "Files");
}

struct HandToArchive {
  codes @0 :List(Text) $label(ka = "საქმეების ინდექსები", en = "File codes");
}

struct TransferToStateArchive {
  actNumber @0 :Text $label(ka = "მიღება-ჩაბარების აქტის ნომერი", en = "Transfer act number");
  actDate @1 :Text $label(ka = "აქტის თარიღი", en = "Transfer act date") $date;
  codes @2 :List(Text) $label(ka = "საქმეების ინდექსები", en = "File codes");
}

struct DeclareDayOff {
  date @0 :Text $label(ka = "თარიღი", en = "Date") $date;
  # the reason, e.g. the decree
  name @1 :Text $label(ka = "საფუძველი", en = "Declared by");
}

struct AcknowledgeAlert {
  alertSeq @0 :UInt64 $label(ka = "შეტყობინების ნომერი", en = "Alert number");
}

# Opens an outgoing letter on the body's initiative; the author is the actor's post.
struct DraftLetter {
  recipient @0 :Sender $label(ka = "ადრესატი", en = "Recipient");
  subject @1 :Text $label(ka = "საკითხი", en = "Subject");
  text @2 :Text $label(ka = "ტექსტი", en = "Text");
  relatedCase @3 :Text $label(ka = "დაკავშირებული საქმე", en = "Related case") $optional;
}

struct SetActing {
  absentPost @0 :Text $label(ka = "არმყოფი თანამდებობა", en = "Absent post") $post;
  actingPost @1 :Text $label(ka = "მოვალეობის შემსრულებელი", en = "Acting post") $post;
  from @2 :Text $label(ka = "დან", en = "From") $date;
  to @3 :Text $label(ka = "მდე", en = "To") $date;
  basis @4 :Text $label(ka = "საფუძველი (ბრძანება, ნომერი)", en = "Basis (order and number)");
}

struct EndActing {
  absentPost @0 :Text $label(ka = "არმყოფი თანამდებობა", en = "Absent post") $post;
  # empty: today
  lastDay @1 :Text $label(ka = "ბოლო დღე", en = "Last day") $date $optional;
  reason @2 :Text $label(ka = "მიზეზი", en = "Reason") $optional;
}

struct Appoint {
  post @0 :Text $label(ka = "თანამდებობა", en = "Post") $post;
  # empty: the post falls vacant
  person @1 :Text $label(ka = "პირი", en = "Person") $optional;
  from @2 :Text $label(ka = "დან", en = "From") $date;
  basis @3 :Text $label(ka = "საფუძველი (ბრძანება, ნომერი)", en = "Basis (order and number)");
}

struct TakeNote {
  remark @0 :Text $label(ka = "შენიშვნა", en = "Remark") $optional;
}

struct VoidRegistration {
  reason @0 :Text $label(ka = "გაუქმების მიზეზი", en = "Why it is void");
}

# Only the fields given change; `reason` is required.
struct CorrectRegistration {
  sender @0 :Sender $label(ka = "გამგზავნი", en = "Sender") $optional;
  subject @1 :Text $label(ka = "საკითხი", en = "Subject") $optional;
  addressee @2 :Text $label(ka = "ადრესატი", en = "Addressee") $post $optional;
  # correspondence, application, public_information, complaint
  kind @3 :Text $label(ka = "დოკუმენტის სახე", en = "Kind of document") $optional;
  pages @4 :UInt32 $label(ka = "ფურცლების რაოდენობა", en = "Pages") $optional;
  reason @5 :Text $label(ka = "შესწორების მიზეზი", en = "Why it is corrected");
}

struct WithdrawDayOff {
  date @0 :Text $label(ka = "თარიღი", en = "Date") $date;
  reason @1 :Text $label(ka = "საფუძველი", en = "Reason");
}

struct ConveneSession {
  body @0 :Text $label(ka = "ორგანო", en = "Body")
      $choices([(value = "council", label = (ka = "საკრებულო", en = "Council")),
                (value = "bureau", label = (ka = "საკრებულოს ბიურო", en = "Bureau of the council")),
                (value = "commission",
                 label = (ka = "მუდმივმოქმედი კომისია", en = "Standing commission")),
                (value = "faction", label = (ka = "ფრაქცია", en = "Faction"))]);
  # a bureau's, a commission's or a faction's sittings are regular
  sessionKind @1 :Text $label(ka = "სხდომის სახე", en = "Kind of session")
      $choices([(value = "regular", label = (ka = "მორიგი", en = "Regular")),
                (value = "extraordinary", label = (ka = "რიგგარეშე", en = "Extraordinary"))]);
  date @2 :Text $label(ka = "სხდომის თარიღი", en = "Date of the session") $date;
  agenda @3 :List(AgendaItem) $label(ka = "დღის წესრიგი", en = "Agenda");
  # a commission or a faction: which one
  bodyName @4 :Text $label(ka = "კომისიის ან ფრაქციის დასახელება", en = "Commission or faction")
      $optional;
  # a commission or a faction: its chair, who convenes it (a council member, not a post)
  convenedBy @5 :Text $label(ka = "მომწვევი (თავმჯდომარე)", en = "Convened by (its chair)")
      $optional;
  # an extraordinary session: who asked for it
  requestedBy @6 :Text $label(ka = "ვინ მოითხოვა", en = "Requested by") $optional;
  # a commission or a faction: its code in the council's list of bodies (data/council_bodies.tsv)
  bodyCode @7 :Text $label(ka = "კომისიის ან ფრაქციის კოდი", en = "Code of the commission or faction")
      $optional;
}

struct HoldSession {
  present @0 :UInt32 $label(ka = "დამსწრე წევრები", en = "Members present");
  members @1 :UInt32 $label(ka = "სრული შემადგენლობა", en = "Full composition");
  votes @2 :List(ItemVote) $label(ka = "კენჭისყრა საკითხებზე", en = "Votes on the items")
      $optional;
}

struct RecordMinutes {
  summary @0 :Text $label(ka = "ოქმის მოკლე შინაარსი", en = "Summary of the minutes") $optional;
}

struct SubmitPetition {
  author @0 :Sender $label(ka = "იდეის ავტორი", en = "Author");
  title @1 :Text $label(ka = "იდეის სახელწოდება", en = "Title of the idea");
  text @2 :Text $label(ka = "იდეის აღწერა", en = "Description of the idea");
  # empty: today
  submittedOn @3 :Text $label(ka = "წარდგენის თარიღი", en = "Submitted on") $date $optional;
}

struct ScreenPetition {
  outcome @0 :Text $label(ka = "შემოწმების შედეგი", en = "Outcome of the screening")
      $choices([(value = "accepted",
                 label = (ka = "გადავიდა ხმის მიცემის ეტაპზე", en = "Accepted to the vote")),
                (value = "defects", label = (ka = "ხარვეზი", en = "Defects to fix")),
                (value = "rejected", label = (ka = "დაუშვებელია", en = "Inadmissible"))]);
  # required for defects and rejected
  reason @1 :Text $label(ka = "დასაბუთება", en = "Reason") $optional;
}

struct RecordVotes {
  votes @0 :UInt32 $label(ka = "ხმების რაოდენობა", en = "Votes");
}

struct DecidePetition {
  outcome @0 :Text $label(ka = "მერის გადაწყვეტილება", en = "The mayor's decision")
      $choices([(value = "continue",
                 label = (ka = "განხილვის გაგრძელება", en = "Continue the consideration")),
                (value = "refused", label = (ka = "დაკმაყოფილებაზე უარი", en = "Refused"))]);
  text @1 :Text $label(ka = "დასაბუთება", en = "Reason");
}

struct IssueOralAct {
  ordered @0 :Text $label(ka = "რა გამოიცა ზეპირად", en = "What was ordered");
  issuedOn @1 :Text $label(ka = "გამოცემის თარიღი", en = "Issued on") $date;
  urgency @2 :Text $label(ka = "გადაუდებელი აუცილებლობა", en = "Urgency")
      $choices([(value = "material_damage",
                 label = (ka = "მატერიალური ზიანის აღკვეთა", en = "To prevent material damage")),
                (value = "crime", label = (ka = "დანაშაულის აღკვეთა", en = "To prevent a crime")),
                (value = "administrative_offence",
                 label = (ka = "ადმინისტრაციული სამართალდარღვევის აღკვეთა",
                          en = "To prevent an administrative offence")),
                (value = "disciplinary_misconduct",
                 label = (ka = "დისციპლინური გადაცდომის აღკვეთა",
                          en = "To prevent disciplinary misconduct"))]);
}

struct DeclareVoid {
  reason @0 :Text $label(ka = "ბათილად ცნობის საფუძველი", en = "Why the act is void");
}

struct PutInWriting {
  writtenAct @0 :Text $label(ka = "წერილობითი აქტი (საქმე)", en = "Written act (case id)");
}

# Registers (workflows/registers/). Each opens a case of its own, numbered per year.
struct RegisterCertificate {
  certifies @0 :Text $label(ka = "რას ადასტურებს", en = "Certifies")
      $choices([(value = "residence",
                 label = (ka = "პირის მისამართზე ფაქტობრივი ცხოვრების ფაქტი",
                          en = "Actual residence at an address")),
                (value = "goods_origin",
                 label = (ka = "საქონლის ადგილწარმოშობა", en = "Place of origin of goods"))]);
  issuedTo @1 :Text $label(ka = "ვისზე გაიცა", en = "Issued to");
  content @2 :Text $label(ka = "ცნობის შინაარსი", en = "Content");
  issuedBy @3 :Text $label(ka = "გამცემი თანამდებობა", en = "Issued by") $post;
  # empty: today
  issuedOn @4 :Text $label(ka = "გაცემის თარიღი", en = "Issued on") $date $optional;
  retainedCopy @5 :Text $label(ka = "შენახული ასლი", en = "Retained copy");
}

struct RegisterBusinessTrip {
  employee @0 :Text $label(ka = "მივლინებული (თანამდებობა)", en = "Employee (post)") $post;
  destination @1 :Text $label(ka = "მივლინების ადგილი", en = "Destination");
  purpose @2 :Text $label(ka = "მიზანი", en = "Purpose");
  from @3 :Text $label(ka = "დან", en = "From") $date;
  to @4 :Text $label(ka = "მდე", en = "To") $date;
  basis @5 :Text $label(ka = "საფუძველი (ბრძანება, საქმე)", en = "Basis (order, case id)") $optional;
}

# Only the fields given change; `reason` is required.
struct CorrectCertificate {
  issuedTo @0 :Text $label(ka = "ვისზე გაიცა", en = "Issued to") $optional;
  content @1 :Text $label(ka = "ცნობის შინაარსი", en = "Content") $optional;
  issuedOn @2 :Text $label(ka = "გაცემის თარიღი", en = "Issued on") $date $optional;
  retainedCopy @3 :Text $label(ka = "შენახული ასლი", en = "Retained copy") $optional;
  reason @4 :Text $label(ka = "შესწორების მიზეზი", en = "Why it is corrected");
}

# Only the fields given change; `reason` is required.
struct CorrectBusinessTrip {
  destination @0 :Text $label(ka = "მივლინების ადგილი", en = "Destination") $optional;
  purpose @1 :Text $label(ka = "მიზანი", en = "Purpose") $optional;
  from @2 :Text $label(ka = "დან", en = "From") $date $optional;
  to @3 :Text $label(ka = "მდე", en = "To") $date $optional;
  reason @4 :Text $label(ka = "შესწორების მიზეზი", en = "Why it is corrected");
}

struct CancelEntry {
  reason @0 :Text $label(ka = "გაუქმების მიზეზი", en = "Why it is cancelled");
}

# The author is the actor's post.
struct RequireReport {
  post @0 :Text $label(ka = "ანგარიშვალდებული თანამდებობა", en = "Obliged post") $post;
  report @1 :Text $label(ka = "ანგარიშის სახე", en = "Report")
      $choices([(value = "staff_monthly",
                 label = (ka = "მოხელის ყოველთვიური ანგარიში", en = "Employee's monthly report")),
                (value = "division", label = (ka = "განყოფილების ანგარიში", en = "Division's report")),
                (value = "service", label = (ka = "სამსახურის ანგარიში", en = "Service's report")),
                (value = "mayoralty", label = (ka = "მერიის ანგარიში", en = "Mayoralty's report")),
                (value = "quarterly",
                 label = (ka = "კვარტალური ანგარიში", en = "Quarterly report"))]);
  period @2 :Text $label(ka = "საანგარიშგებო პერიოდი", en = "Reporting period");
}

struct SubmitMemo {
  addressee @0 :Text $label(ka = "ადრესატი (ზემდგომი)", en = "Addressee (a head above)") $post;
  subject @1 :Text $label(ka = "საკითხი", en = "Subject");
  text @2 :Text $label(ka = "ტექსტი", en = "Text");
}
