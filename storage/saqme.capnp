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
  }
}

enum IncomingKind {
  correspondence @0;       # a letter from an agency or organisation
  application @1;          # a citizen's application (administrative proceeding)
  publicInformation @2;    # a public-information request (GAC art. 40)
  complaint @3;            # an administrative complaint (GAC art. 183)
}

enum SenderKind {
  citizen @0;
  organisation @1;
  agency @2;
}

struct Sender {
  name @0 :Text;
  kind @1 :SenderKind;
  address @2 :Text;
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
}

# The addressee's resolution: who executes, what, by when.
struct ResolutionAssignedV1 {
  leadExecutor @0 :Text;         # post id
  coExecutors @1 :List(Text);    # post ids
  instruction @2 :Text;
  due @3 :Text;                  # date
  dueExplanation @4 :Text;
  onControl @5 :Bool;            # "კონტროლზე": the deadline is watched by the supervisors
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
