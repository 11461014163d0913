# The snapshot of a case's state (workflows::CaseState): a case's entry in the `view_cases`
# family, so that the engine takes a case whose state is not cached with one read instead of
# replaying its events, and readers render the case view from it (projection/case_snapshot.h;
# docs/views.md, "Case state snapshots").
#
# A snapshot is a view: a function of the case's events, written in the batch of the command that
# produced them, rebuilt by `saqme rebuild` and compared by `saqme check`. Its layout follows
# CaseState field for field. When CaseState changes, this schema and kSnapshotFormat
# (case_snapshot.h) change with it, and a log whose snapshots are of an older format has them
# rebuilt when it is next opened for writing.
@0xe012e8e0666fcf3a;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("saqme::snapshot");

struct Pair {
  first @0 :Text;
  second @1 :Text;
}

struct NomenclatureEntry {
  code @0 :Text;
  title @1 :Text;
  retention @2 :Text;
  archived @3 :Bool;
  inventory @4 :UInt32;
  transferAct @5 :Text;
  transferDate @6 :Text;
}

struct AlertRecord {
  seq @0 :UInt64;
  recipients @1 :List(Text);
  acknowledgedBy @2 :List(Text);
}

struct PartReport {
  by @0 :Text;
  text @1 :Text;
  on @2 :Text;
}

struct AgendaEntry {
  question @0 :Text;
  draftAct @1 :Text;
  voted @2 :Bool;
  adopted @3 :Bool;
  votesFor @4 :UInt32;
  votesAgainst @5 :UInt32;
  abstained @6 :UInt32;
}

# Kind and stage go by their names (workflows::KindName, StageName), which never change, so that
# reordering the C++ enums cannot change what a stored snapshot means.
struct CaseState {
  kind @0 :Text;
  stage @1 :Text;
  version @2 :UInt32;
  caseId @3 :Text;
  openedOn @4 :Text;
  openedAt @5 :Int64;
  participants @6 :List(Text);

  # Incoming documents.
  registrationNumber @7 :Text;
  receivedOn @8 :Text;
  registeredOn @9 :Text;
  addressee @10 :Text;
  subject @11 :Text;
  summary @12 :Text;
  statutoryDue @13 :Text;
  due @14 :Text;
  dueExplanation @15 :Text;
  dueExplanationKa @16 :Text;
  deadlineSetter @17 :Text;
  leadExecutor @18 :Text;
  coExecutors @19 :List(Text);
  receipts @20 :List(Pair);
  parts @21 :List(PartReport);
  onControl @22 :Bool;
  statutoryExtensions @23 :Int32;
  endorsements @24 :List(Text);
  answer @25 :Text;
  signedBy @26 :Text;
  outcome @27 :Text;
  decidedBy @28 :Text;
  outgoingNumber @29 :Text;
  answeredOn @30 :Text;
  rightsDue @31 :Text;
  filedCode @32 :Text;
  filedYear @33 :Int32;
  correspondent @34 :Text;
  relatedCase @35 :Text;
  correspondentKind @36 :Text;
  channel @37 :Text;
  pages @38 :UInt32;
  voidReason @39 :Text;
  decisionText @40 :Text;
  contestedAct @41 :Text;
  dayOffMoveFrom @42 :Text;
  dayOffMoveExplanation @43 :Text;
  dayOffMoveTo @44 :Text;
  dayOffMoveExplanationKa @45 :Text;

  # Legal acts.
  actType @46 :Text;
  issuer @47 :Text;
  title @48 :Text;
  text @49 :Text;
  inForceOnSet @50 :Text;
  actNumber @51 :Text;
  concernsMoreThan50 @52 :Bool;
  publicProceeding @53 :Bool;
  expertiseCount @54 :Int32;
  publishedOn @55 :Text;
  notifiedOn @56 :Text;
  inForceOn @57 :Text;
  inForceGround @58 :Text;
  inForceGroundKa @59 :Text;
  amendedBy @60 :List(Text);
  repealedBy @61 :Text;
  actYear @62 :Int32;
  voidOn @63 :Text;
  voidedBy @64 :Text;
  annulledOnComplaint @65 :Text;

  # Assignments.
  assignee @66 :Text;
  instruction @67 :Text;
  progress @68 :List(Text);
  legalityDoubt @69 :Bool;
  refusalGround @70 :Text;
  reviewAccepted @71 :Bool;

  # E-petitions and oral acts.
  petitionOffice @72 :Text;
  submittedOn @73 :Text;
  screeningOutcome @74 :Text;
  petitionReason @75 :Text;
  voteEnds @76 :Text;
  feasibility @77 :Text;
  votes @78 :UInt32;
  voteRecorded @79 :Bool;
  issuedOn @80 :Text;
  urgency @81 :Text;
  writtenAct @82 :Text;

  # Nomenclature.
  year @83 :Int32;
  files @84 :List(NomenclatureEntry);
  archiveInventories @85 :UInt32;

  # Sessions.
  sessionBody @86 :Text;
  sessionKind @87 :Text;
  sessionDate @88 :Text;
  bodyName @89 :Text;
  convenedBy @90 :Text;
  requestedBy @91 :Text;
  bodyCode @92 :Text;
  agenda @93 :List(AgendaEntry);
  present @94 :UInt32;
  members @95 :UInt32;
  minutesNumber @96 :Text;
  linkedActs @97 :List(Text);

  # Register entries and periodic reports.
  certifies @98 :Text;
  issuedTo @99 :Text;
  retainedCopy @100 :Text;
  employee @101 :Text;
  destination @102 :Text;
  tripFrom @103 :Text;
  tripTo @104 :Text;
  basis @105 :Text;
  basisNumber @106 :Text;
  author @107 :Text;
  reportPost @108 :Text;
  report @109 :Text;
  period @110 :Text;
  periodEnd @111 :Text;
  recipient @112 :Text;
  reportSubmittedOn @113 :Text;

  # The deadline watch.
  watchDue @114 :Text;
  watchApproached @115 :Int32;
  watchMissed @116 :Bool;
  watchLevel @117 :Int32;
  alerts @118 :List(AlertRecord);

  # The calendar.
  daysOff @119 :List(Pair);
}
