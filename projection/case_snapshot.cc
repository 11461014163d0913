#include "projection/case_snapshot.h"

#include <memory>
#include <unordered_map>

#include <capnp/message.h>
#include <capnp/serialize-packed.h>
#include <kj/io.h>

#include "projection/case_snapshot.capnp.h"

namespace saqme::engine {

using workflows::CaseState;
using workflows::Kind;
using workflows::Stage;

namespace {

// Every field of CaseState, once, with its name in the schema; encoding and decoding both walk
// these lists, so the two cannot disagree. A field added to CaseState goes into one of them
// (and the schema): the static_assert below stops the build until it does.
#define SAQME_SNAPSHOT_TEXTS(X)                           \
  X(case_id, CaseId)                                      \
  X(opened_on, OpenedOn)                                  \
  X(registration_number, RegistrationNumber)              \
  X(received_on, ReceivedOn)                              \
  X(registered_on, RegisteredOn)                          \
  X(addressee, Addressee)                                 \
  X(subject, Subject)                                     \
  X(summary, Summary)                                     \
  X(statutory_due, StatutoryDue)                          \
  X(due, Due)                                             \
  X(due_explanation, DueExplanation)                      \
  X(due_explanation_ka, DueExplanationKa)                 \
  X(deadline_setter, DeadlineSetter)                      \
  X(lead_executor, LeadExecutor)                          \
  X(answer, Answer)                                       \
  X(signed_by, SignedBy)                                  \
  X(outcome, Outcome)                                     \
  X(decided_by, DecidedBy)                                \
  X(outgoing_number, OutgoingNumber)                      \
  X(answered_on, AnsweredOn)                              \
  X(rights_due, RightsDue)                                \
  X(filed_code, FiledCode)                                \
  X(correspondent, Correspondent)                         \
  X(related_case, RelatedCase)                            \
  X(correspondent_kind, CorrespondentKind)                \
  X(channel, Channel)                                     \
  X(void_reason, VoidReason)                              \
  X(decision_text, DecisionText)                          \
  X(contested_act, ContestedAct)                          \
  X(day_off_move.from, DayOffMoveFrom)                    \
  X(day_off_move.explanation, DayOffMoveExplanation)      \
  X(day_off_move.to, DayOffMoveTo)                        \
  X(day_off_move.explanation_ka, DayOffMoveExplanationKa) \
  X(act_type, ActType)                                    \
  X(issuer, Issuer)                                       \
  X(title, Title)                                         \
  X(text, Text)                                           \
  X(in_force_on_set, InForceOnSet)                        \
  X(act_number, ActNumber)                                \
  X(published_on, PublishedOn)                            \
  X(notified_on, NotifiedOn)                              \
  X(in_force_on, InForceOn)                               \
  X(in_force_ground, InForceGround)                       \
  X(in_force_ground_ka, InForceGroundKa)                  \
  X(repealed_by, RepealedBy)                              \
  X(void_on, VoidOn)                                      \
  X(voided_by, VoidedBy)                                  \
  X(annulled_on_complaint, AnnulledOnComplaint)           \
  X(assignee, Assignee)                                   \
  X(instruction, Instruction)                             \
  X(refusal_ground, RefusalGround)                        \
  X(petition_office, PetitionOffice)                      \
  X(submitted_on, SubmittedOn)                            \
  X(screening_outcome, ScreeningOutcome)                  \
  X(petition_reason, PetitionReason)                      \
  X(vote_ends, VoteEnds)                                  \
  X(feasibility, Feasibility)                             \
  X(issued_on, IssuedOn)                                  \
  X(urgency, Urgency)                                     \
  X(written_act, WrittenAct)                              \
  X(session_body, SessionBody)                            \
  X(session_kind, SessionKind)                            \
  X(session_date, SessionDate)                            \
  X(body_name, BodyName)                                  \
  X(convened_by, ConvenedBy)                              \
  X(requested_by, RequestedBy)                            \
  X(body_code, BodyCode)                                  \
  X(minutes_number, MinutesNumber)                        \
  X(certifies, Certifies)                                 \
  X(issued_to, IssuedTo)                                  \
  X(retained_copy, RetainedCopy)                          \
  X(employee, Employee)                                   \
  X(destination, Destination)                             \
  X(trip_from, TripFrom)                                  \
  X(trip_to, TripTo)                                      \
  X(basis, Basis)                                         \
  X(basis_number, BasisNumber)                            \
  X(author, Author)                                       \
  X(report_post, ReportPost)                              \
  X(report, Report)                                       \
  X(period, Period)                                       \
  X(period_end, PeriodEnd)                                \
  X(recipient, Recipient)                                 \
  X(report_submitted_on, ReportSubmittedOn)               \
  X(watch.due, WatchDue)

#define SAQME_SNAPSHOT_NUMBERS(X)              \
  X(version, Version)                          \
  X(opened_at, OpenedAt)                       \
  X(on_control, OnControl)                     \
  X(statutory_extensions, StatutoryExtensions) \
  X(filed_year, FiledYear)                     \
  X(pages, Pages)                              \
  X(concerns_more_than_50, ConcernsMoreThan50) \
  X(public_proceeding, PublicProceeding)       \
  X(expertise_count, ExpertiseCount)           \
  X(act_year, ActYear)                         \
  X(legality_doubt, LegalityDoubt)             \
  X(review_accepted, ReviewAccepted)           \
  X(votes, Votes)                              \
  X(vote_recorded, VoteRecorded)               \
  X(year, Year)                                \
  X(archive_inventories, ArchiveInventories)   \
  X(present, Present)                          \
  X(members, Members)                          \
  X(watch.approached, WatchApproached)         \
  X(watch.missed, WatchMissed)                 \
  X(watch.level, WatchLevel)

#define SAQME_SNAPSHOT_TEXT_LISTS(X) \
  X(participants, Participants)      \
  X(co_executors, CoExecutors)       \
  X(endorsements, Endorsements)      \
  X(amended_by, AmendedBy)           \
  X(progress, Progress)              \
  X(linked_acts, LinkedActs)

#define SAQME_SNAPSHOT_PAIR_LISTS(X) \
  X(receipts, Receipts)              \
  X(days_off, DaysOff)

// The fields of CaseState listed above and below, in bytes on this platform: a field added to
// CaseState changes its size, and then this, the lists and the schema must follow (and
// kViewFormat be raised). Besides the lists: kind, stage (by name), parts, files, agenda, alerts.
static_assert(sizeof(CaseState) == 3136,
              "CaseState changed: add the new field to the snapshot (projection/case_snapshot.*)");
// The same for the structs its lists hold. A field that fits in padding (a bool after another)
// changes no size: the round-trip tests (tests/rebuild_test.cc) are the other guard.
static_assert(sizeof(workflows::NomenclatureEntry) == 168 && sizeof(workflows::AgendaEntry) == 80 &&
                  sizeof(workflows::AlertRecord) == 56 && sizeof(workflows::PartReport) == 96,
              "a struct of CaseState changed: add the new field to the snapshot");

capnp::Text::Reader TextOf(const std::string& text) {
  return capnp::Text::Reader(text.data(), text.size());
}
std::string StringOf(capnp::Text::Reader text) { return std::string(text.cStr(), text.size()); }

void PutTexts(capnp::List<capnp::Text>::Builder (snapshot::CaseState::Builder::*init)(unsigned),
              snapshot::CaseState::Builder& root, const std::vector<std::string>& texts) {
  if (texts.empty()) return;
  auto list = (root.*init)(texts.size());
  for (unsigned i = 0; i < texts.size(); ++i) list.set(i, TextOf(texts[i]));
}

template <typename List>
std::vector<std::string> TextsOf(List list) {
  std::vector<std::string> texts;
  texts.reserve(list.size());
  for (auto text : list) texts.push_back(StringOf(text));
  return texts;
}

template <typename Builder>
void PutPairs(Builder list, const std::vector<std::pair<std::string, std::string>>& pairs) {
  for (unsigned i = 0; i < pairs.size(); ++i) {
    list[i].setFirst(TextOf(pairs[i].first));
    list[i].setSecond(TextOf(pairs[i].second));
  }
}

template <typename List>
std::vector<std::pair<std::string, std::string>> PairsOf(List list) {
  std::vector<std::pair<std::string, std::string>> pairs;
  pairs.reserve(list.size());
  for (auto pair : list) pairs.emplace_back(StringOf(pair.getFirst()), StringOf(pair.getSecond()));
  return pairs;
}

// The enum value whose name (`name_of`) is `name`. Every value is named, and KindName and
// StageName answer "unknown" past the last, so a kind or stage appended later is found too.
template <typename Enum>
bool EnumOf(std::string_view name, const char* (*name_of)(Enum), Enum* value) {
  static const auto* by_name = [&] {
    auto* map = new std::unordered_map<std::string_view, Enum>();
    for (int i = 0; i < 256 && std::string_view(name_of(static_cast<Enum>(i))) != "unknown"; ++i) {
      map->emplace(name_of(static_cast<Enum>(i)), static_cast<Enum>(i));
    }
    return map;
  }();
  auto it = by_name->find(name);
  if (it == by_name->end()) return false;
  *value = it->second;
  return true;
}

constexpr size_t kFirstSegmentWords = 2048;

// Appends what is written to a string: the packed message goes straight into the value.
class StringOutput : public kj::OutputStream {
 public:
  explicit StringOutput(std::string& out) : out_(out) {}
  void write(const void* buffer, size_t size) override {
    out_.append(static_cast<const char*>(buffer), size);
  }

 private:
  std::string& out_;
};

}  // namespace

std::string EncodeCaseSnapshot(const CaseState& s) {
  // The message is built in this thread's first segment, zeroed again by the builder when it
  // goes, so that a snapshot allocates nothing but its bytes (a state is a few KiB at most; a
  // larger one takes more segments).
  thread_local std::unique_ptr<capnp::word[]> first(new capnp::word[kFirstSegmentWords]());
  capnp::MallocMessageBuilder message(kj::arrayPtr(first.get(), kFirstSegmentWords));
  auto root = message.initRoot<snapshot::CaseState>();
  root.setKind(workflows::KindName(s.kind));
  root.setStage(workflows::StageName(s.stage));
#define SAQME_PUT_TEXT(field, Name) \
  if (!s.field.empty()) root.set##Name(TextOf(s.field));
  SAQME_SNAPSHOT_TEXTS(SAQME_PUT_TEXT)
#undef SAQME_PUT_TEXT
#define SAQME_PUT_NUMBER(field, Name) root.set##Name(s.field);
  SAQME_SNAPSHOT_NUMBERS(SAQME_PUT_NUMBER)
#undef SAQME_PUT_NUMBER
#define SAQME_PUT_TEXT_LIST(field, Name) \
  PutTexts(&snapshot::CaseState::Builder::init##Name, root, s.field);
  SAQME_SNAPSHOT_TEXT_LISTS(SAQME_PUT_TEXT_LIST)
#undef SAQME_PUT_TEXT_LIST
#define SAQME_PUT_PAIR_LIST(field, Name) \
  if (!s.field.empty()) PutPairs(root.init##Name(s.field.size()), s.field);
  SAQME_SNAPSHOT_PAIR_LISTS(SAQME_PUT_PAIR_LIST)
#undef SAQME_PUT_PAIR_LIST
  if (!s.parts.empty()) {
    auto parts = root.initParts(s.parts.size());
    for (unsigned i = 0; i < s.parts.size(); ++i) {
      parts[i].setBy(TextOf(s.parts[i].by));
      parts[i].setText(TextOf(s.parts[i].text));
      parts[i].setOn(TextOf(s.parts[i].on));
    }
  }
  if (!s.files.empty()) {
    auto files = root.initFiles(s.files.size());
    for (unsigned i = 0; i < s.files.size(); ++i) {
      const workflows::NomenclatureEntry& file = s.files[i];
      files[i].setCode(TextOf(file.code));
      files[i].setTitle(TextOf(file.title));
      files[i].setRetention(TextOf(file.retention));
      files[i].setArchived(file.archived);
      files[i].setInventory(file.inventory);
      if (!file.transfer_act.empty()) files[i].setTransferAct(TextOf(file.transfer_act));
      if (!file.transfer_date.empty()) files[i].setTransferDate(TextOf(file.transfer_date));
    }
  }
  if (!s.agenda.empty()) {
    auto agenda = root.initAgenda(s.agenda.size());
    for (unsigned i = 0; i < s.agenda.size(); ++i) {
      const workflows::AgendaEntry& item = s.agenda[i];
      agenda[i].setQuestion(TextOf(item.question));
      if (!item.draft_act.empty()) agenda[i].setDraftAct(TextOf(item.draft_act));
      agenda[i].setVoted(item.voted);
      agenda[i].setAdopted(item.adopted);
      agenda[i].setVotesFor(item.votes_for);
      agenda[i].setVotesAgainst(item.votes_against);
      agenda[i].setAbstained(item.abstained);
    }
  }
  if (!s.alerts.empty()) {
    auto alerts = root.initAlerts(s.alerts.size());
    for (unsigned i = 0; i < s.alerts.size(); ++i) {
      const workflows::AlertRecord& alert = s.alerts[i];
      alerts[i].setSeq(alert.seq);
      auto recipients = alerts[i].initRecipients(alert.recipients.size());
      for (unsigned j = 0; j < alert.recipients.size(); ++j) {
        recipients.set(j, TextOf(alert.recipients[j]));
      }
      if (alert.acknowledged_by.empty()) continue;
      auto acknowledged = alerts[i].initAcknowledgedBy(alert.acknowledged_by.size());
      for (unsigned j = 0; j < alert.acknowledged_by.size(); ++j) {
        acknowledged.set(j, TextOf(alert.acknowledged_by[j]));
      }
    }
  }
  std::string bytes;
  bytes.reserve(2048);
  StringOutput out(bytes);
  capnp::writePackedMessage(out, message);
  return bytes;
}

bool DecodeCaseSnapshot(std::string_view bytes, CaseState* state) {
  try {
    kj::ArrayInputStream in(kj::ArrayPtr<const kj::byte>(
        reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()));
    capnp::ReaderOptions options;
    // What a snapshot may unpack to, bounded by its packed size: packing saves at most a few
    // words per word of a real state, while a damaged entry could claim a list of millions of
    // empty elements in a few bytes (each counts a word against this limit) — found by
    // fuzz_case_snapshot, which then allocated gigabytes.
    options.traversalLimitInWords = 8192 + 16 * bytes.size();
    capnp::PackedMessageReader message(in, options);
    auto root = message.getRoot<snapshot::CaseState>();
    CaseState& s = *state;
    s = CaseState();
    if (!EnumOf(std::string_view(root.getKind().cStr(), root.getKind().size()), workflows::KindName,
                &s.kind) ||
        !EnumOf(std::string_view(root.getStage().cStr(), root.getStage().size()),
                workflows::StageName, &s.stage)) {
      return false;
    }
#define SAQME_GET_TEXT(field, Name) s.field = StringOf(root.get##Name());
    SAQME_SNAPSHOT_TEXTS(SAQME_GET_TEXT)
#undef SAQME_GET_TEXT
#define SAQME_GET_NUMBER(field, Name) s.field = root.get##Name();
    SAQME_SNAPSHOT_NUMBERS(SAQME_GET_NUMBER)
#undef SAQME_GET_NUMBER
#define SAQME_GET_TEXT_LIST(field, Name) s.field = TextsOf(root.get##Name());
    SAQME_SNAPSHOT_TEXT_LISTS(SAQME_GET_TEXT_LIST)
#undef SAQME_GET_TEXT_LIST
#define SAQME_GET_PAIR_LIST(field, Name) s.field = PairsOf(root.get##Name());
    SAQME_SNAPSHOT_PAIR_LISTS(SAQME_GET_PAIR_LIST)
#undef SAQME_GET_PAIR_LIST
    for (auto part : root.getParts()) {
      s.parts.push_back({StringOf(part.getBy()), StringOf(part.getText()), StringOf(part.getOn())});
    }
    for (auto file : root.getFiles()) {
      workflows::NomenclatureEntry& entry = s.files.emplace_back();
      entry.code = StringOf(file.getCode());
      entry.title = StringOf(file.getTitle());
      entry.retention = StringOf(file.getRetention());
      entry.archived = file.getArchived();
      entry.inventory = file.getInventory();
      entry.transfer_act = StringOf(file.getTransferAct());
      entry.transfer_date = StringOf(file.getTransferDate());
    }
    for (auto item : root.getAgenda()) {
      workflows::AgendaEntry& entry = s.agenda.emplace_back();
      entry.question = StringOf(item.getQuestion());
      entry.draft_act = StringOf(item.getDraftAct());
      entry.voted = item.getVoted();
      entry.adopted = item.getAdopted();
      entry.votes_for = item.getVotesFor();
      entry.votes_against = item.getVotesAgainst();
      entry.abstained = item.getAbstained();
    }
    for (auto alert : root.getAlerts()) {
      workflows::AlertRecord& record = s.alerts.emplace_back();
      record.seq = alert.getSeq();
      record.recipients = TextsOf(alert.getRecipients());
      record.acknowledged_by = TextsOf(alert.getAcknowledgedBy());
    }
    return true;
  } catch (const kj::Exception&) {
    return false;
  }
}

}  // namespace saqme::engine
