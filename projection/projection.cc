#include "projection/projection.h"

#include <set>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/serializer.hpp>

#include "model/event_json.h"
#include "model/tbilisi_time.h"
#include "projection/case_headline.h"
#include "projection/case_snapshot.h"
#include "projection/json_writer.h"
#include "projection/search_record.h"
#include "projection/views.h"
#include "workflows/allowed_actions.h"
#include "workflows/command_labels.h"
#include "workflows/council_session.h"
#include "workflows/deadline_closing.h"
#include "workflows/journal_numbering.h"
#include "workflows/nomenclature.h"
#include "workflows/petition.h"
#include "workflows/registers/registers.h"
#include "workflows/state_names.h"

namespace saqme::engine {
namespace {

using workflows::CaseState;
using workflows::Kind;
using workflows::Stage;

using workflows::IsIncoming;

// The number a command gave (workflows::journals::GivenNumber).
uint32_t ParseNumber(capnp::Text::Reader text) {
  return workflows::journals::GivenNumber(std::string_view(text.begin(), text.size()));
}

// The calling thread's buffer for a view value about to be put (the sink copies it), so that
// values are rendered without an allocation each. Requires: one value at a time per thread.
std::string& Buffer() {
  thread_local std::string buffer;
  buffer.clear();
  return buffer;
}

// `entry` serialised (as boost::json::serialize does) into the thread's Buffer.
std::string& Serialized(const boost::json::object& entry) {
  std::string& out = Buffer();
  boost::json::serializer serializer;
  serializer.reset(&entry);
  char chunk[4096];
  while (!serializer.done()) out.append(serializer.read(chunk));
  return out;
}

// Puts `entry` with its number and journal added last. Requires: `entry` is not empty and has
// neither key (the bytes are then those of the entry with both inserted, without copying it).
void PutJournal(ViewSink& sink, const char* journal, int year, uint32_t number,
                const boost::json::object& entry) {
  if (number == 0) return;  // not a number this engine gave
  std::string& value = Serialized(entry);
  value.pop_back();  // the closing brace
  JsonWriter w(value);
  w.Continue();
  w.Field("number", number);
  w.Field("journal", journal);
  value.push_back('}');
  sink.Put(kJournalsView, JournalKey(journal, year, number), value);
}

// The nomenclature view's entry of `file` of nomenclature case `s`, with its archive state:
// "open", "departmental" (handed to the departmental archive) or "state" (transferred on).
void PutNomenclatureFile(ViewSink& sink, const CaseState& s,
                         const workflows::NomenclatureEntry& file) {
  boost::json::object entry{{"code", file.code},
                            {"title", file.title},
                            {"retention", file.retention},
                            {"archived", file.archived},
                            {"case_id", s.case_id}};
  entry["archive"] = workflows::ArchiveStateOf(file);
  entry["state_archive_due"] = workflows::nomenclature::DueToStateArchive(file.retention);
  if (file.inventory) entry["inventory"] = file.inventory;
  if (!file.transfer_act.empty()) {
    entry["transfer_act"] = file.transfer_act;
    entry["transfer_date"] = file.transfer_date;
  }
  sink.Put(kNomenclatureView, NomenclatureKey(s.year, file.code), boost::json::serialize(entry));
}

// An inbox item: what the post must do (`action`, labelled) and enough of the case to choose
// and do it without opening it (docs/views.md). Keys with nothing to say are left out but for
// `on_control`. Written into `out` (cleared first).
void InboxItem(const CaseState& s, const std::string& post, const std::string& action,
               const std::string& due, std::string& out) {
  out.clear();
  JsonWriter w(out);
  w.BeginObject();
  w.Field("case_id", s.case_id);
  w.Field("kind", workflows::KindName(s.kind));
  w.Field("state", workflows::StageName(s.stage));
  w.Field("action", action);
  w.Field("on_control", s.on_control);
  if (const workflows::CommandLabel* label = workflows::LabelOf(action)) {
    w.Field("action_label_ka", label->label_ka);
    w.Field("action_label_en", label->label_en);
  }
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) w.Field(key, value);
  };
  set("due", due);
  set("registration_number", s.registration_number);
  set("sender", s.correspondent);  // an incoming document's sender, a letter's recipient
  set("received_on", s.received_on);
  set("subject", workflows::SubjectOf(s));
  // An assignment's instruction is its subject; a document's is its resolution's.
  if (IsIncoming(s.kind)) set("instruction", s.instruction);
  // The lead executor sees how many co-executors have reported their part (n of m).
  if (post == s.lead_executor && !s.co_executors.empty()) {
    std::set<std::string> reported;
    for (const auto& part : s.parts) reported.insert(part.by);
    w.Field("parts_reported", reported.size());
    w.Field("parts_expected", s.co_executors.size());
  }
  w.EndObject();
}

// A delivery-journal entry: a resolution (or a redirect) placed on `executor` by the event's
// actor; the receipt fills in when and by whom it was received.
void PlaceForDelivery(const CaseState& s, schema::Event::Reader event, const std::string& executor,
                      const char* role, int year, const std::string& date, ViewSink& sink) {
  const uint32_t number = workflows::journals::NextNumber(sink.LastNumber("delivery", year));
  unsigned char arena[4096];  // as ProjectEvent's
  boost::json::monotonic_resource resource(arena, sizeof arena);
  boost::json::object entry({{"date", date},
                             {"case_id", s.case_id},
                             {"registration_number", s.registration_number},
                             {"resolution_by", event.getActor().getPost().cStr()},
                             {"resolution_by_person", event.getActor().getPerson().cStr()},
                             {"executor", executor},
                             {"role", role}},
                            boost::json::storage_ptr(&resource));
  if (event.getActingFor().size() > 0) entry["resolution_acting_for"] = event.getActingFor().cStr();
  PutJournal(sink, "delivery", year, number, entry);
  std::string& value = Buffer();
  JsonWriter w(value);
  w.BeginObject();
  w.Field("year", year);
  w.Field("number", number);
  w.EndObject();
  sink.Put(kJournalsView, DeliveryIndexKey(s.case_id, executor), value);
}

// The control register's entry of a controlled document (docs/views.md): what the control
// list shows; its standing is worked out when read, against that day. Written into `out`.
void ControlEntry(const CaseState& s, std::string& out) {
  out.clear();
  JsonWriter w(out);
  w.BeginObject();
  w.Field("case_id", s.case_id);
  w.Field("registration_number", s.registration_number);
  w.Field("registered_on", s.registered_on);
  w.Field("kind", workflows::KindName(s.kind));
  w.Field("state", workflows::StageName(s.stage));
  w.Field("subject", s.subject);
  w.Field("sender", s.correspondent);
  w.Field("executor", s.lead_executor);
  w.Strings("co_executors", s.co_executors);
  w.Field("due", s.due);
  w.Field("answered_on", s.answered_on);
  w.EndObject();
}

// The deadline index's entry of the case's open deadline (`due`, `responsible`). Written into
// `out`.
void DeadlineEntry(const CaseState& s, const std::string& due, const std::string& responsible,
                   std::string& out) {
  out.clear();
  JsonWriter w(out);
  w.BeginObject();
  w.Field("case_id", s.case_id);
  w.Field("due", due);
  w.Field("kind", workflows::KindName(s.kind));
  w.Field("state", workflows::StageName(s.stage));
  w.Field("responsible", responsible);
  w.Field("on_control", s.on_control);
  if (!s.deadline_setter.empty()) w.Field("set_by", s.deadline_setter);
  w.EndObject();
}

// A session's part of the case view: body, kind, date, agenda with each item's vote, the
// attendance, the minutes' number and the acts linked to it (docs/views.md).
void SessionView(const CaseState& s, JsonWriter& w) {
  w.Field("body", s.session_body);
  w.Field("session_kind", s.session_kind);
  w.Field("session_date", s.session_date);
  if (!s.body_name.empty()) w.Field("body_name", s.body_name);
  if (!s.body_code.empty()) w.Field("body_code", s.body_code);
  w.Field("convened_by", s.convened_by);
  if (!s.requested_by.empty()) w.Field("requested_by", s.requested_by);
  w.Key("agenda");
  w.BeginArray();
  for (size_t i = 0; i < s.agenda.size(); ++i) {
    const auto& item = s.agenda[i];
    w.BeginObject();
    w.Field("item", i + 1);
    w.Field("question", item.question);
    if (!item.draft_act.empty()) w.Field("draft_act", item.draft_act);
    if (item.voted) {
      w.Key("vote");
      w.BeginObject();
      w.Field("for", item.votes_for);
      w.Field("against", item.votes_against);
      w.Field("abstained", item.abstained);
      w.Field("adopted", item.adopted);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  if (s.members > 0) {
    w.Key("attendance");
    w.BeginObject();
    w.Field("present", s.present);
    w.Field("members", s.members);
    w.Field("quorum", workflows::Quorate(s));
    w.EndObject();
  }
  if (!s.minutes_number.empty()) w.Field("minutes_number", s.minutes_number);
  if (s.stage == Stage::kMinuted) w.Strings("linked_acts", s.linked_acts);
}

// A name and its kind ({"name", "kind"}), the sender's or the author's.
void NameAndKind(JsonWriter& w, const char* key, const CaseState& s) {
  w.Key(key);
  w.BeginObject();
  w.Field("name", s.correspondent);
  w.Field("kind", s.correspondent_kind);
  w.EndObject();
}

}  // namespace

void WriteCaseView(const CaseState& s, std::string& out) {
  out.clear();
  JsonWriter w(out);
  w.BeginObject();
  w.Field("case_id", s.case_id);
  w.Field("kind", workflows::KindName(s.kind));
  w.Field("state", workflows::StageName(s.stage));
  w.Field("version", s.version);
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) w.Field(key, value);
  };
  set("registration_number", s.registration_number);
  if (s.kind == Kind::kOutgoingLetter) {
    // Drafted by its author (the executor below) to the recipient; never registered.
    set("recipient", s.correspondent);
  } else {
    set("registered_on", s.registered_on);
    set("received_on", s.received_on);
    set("addressee", s.addressee);
    if (!s.correspondent.empty() && s.kind != Kind::kPetition) NameAndKind(w, "sender", s);
    set("channel", s.channel);
    if (IsIncoming(s.kind)) w.Field("pages", s.pages);
  }
  set("related_case", s.related_case);
  set("subject", s.subject);
  set("summary", s.summary);
  set("opened_on", s.opened_on);
  set("due", s.due);
  set("due_explanation", s.due_explanation);
  set("due_explanation_ka", DueExplanationKa(s));
  set("deadline_setter", s.deadline_setter);
  set("executor", s.lead_executor);
  // After a resolution the view names its co-executors: an empty list when it has none.
  if (!s.co_executors.empty() || (IsIncoming(s.kind) && !s.lead_executor.empty())) {
    w.Strings("co_executors", s.co_executors);
  }
  if (IsIncoming(s.kind)) {
    w.Field("on_control", s.on_control);
    w.Field("extensions", s.statutory_extensions);
  }
  // Who confirmed receipt of the resolution, and what the co-executors reported.
  if (!s.receipts.empty()) w.Pairs("receipts", s.receipts, "post", "on");
  if (!s.parts.empty()) {
    w.Key("parts");
    w.BeginArray();
    for (const auto& part : s.parts) {
      w.BeginObject();
      w.Field("by", part.by);
      w.Field("text", part.text);
      w.Field("on", part.on);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!s.endorsements.empty()) w.Strings("endorsements", s.endorsements);
  set("answer", s.answer);
  set("signed_by", s.signed_by);
  set("outcome", s.outcome);
  set("decided_by", s.decided_by);
  set("outgoing_number", s.outgoing_number);
  set("answered_on", s.answered_on);
  set("rights_due", s.rights_due);
  set("void_reason", s.void_reason);
  set("filed_code", s.filed_code);
  set("act_type", s.act_type);
  set("issuer", s.issuer);
  set("title", s.title);
  set("act_number", s.act_number);
  set("published_on", s.published_on);
  set("notified_on", s.notified_on);
  set("in_force_on", s.in_force_on);
  set("in_force_ground", s.in_force_ground);
  set("in_force_ground_ka",
      s.in_force_ground_ka.empty() ? s.in_force_ground : s.in_force_ground_ka);
  set("repealed_by", s.repealed_by);
  set("void_on", s.void_on);
  set("voided_by", s.voided_by);
  set("annulled_on_complaint", s.annulled_on_complaint);
  set("contested_act", s.contested_act);
  if (!s.amended_by.empty()) w.Strings("amended_by", s.amended_by);
  set("assignee", s.assignee);
  set("instruction", s.instruction);
  if (s.kind == Kind::kAssignment) {
    w.Field("progress_reports", s.progress.size());
    w.Field("legality_doubt", s.legality_doubt);
  }
  set("refusal_ground", s.refusal_ground);
  if (s.kind == Kind::kPetition) {
    // The author is personal data: the view is read only by who may read the case
    // (docs/access.md); the idea itself is published on the website outside saqme. (A register
    // author, below, would stand in its place.)
    if (s.author.empty()) {
      NameAndKind(w, "author", s);
    } else {
      w.Field("author", s.author);
    }
    set("text", s.text);
    set("submitted_on", s.submitted_on);
    set("office", s.petition_office);
    set("screening_outcome", s.screening_outcome);
    set("reason", s.petition_reason);
    set("vote_ends", s.vote_ends);
    if (s.vote_recorded) {
      w.Field("votes", s.votes);
      w.Field("votes_needed", workflows::petition::kVotesNeeded);
    }
    set("feasibility", s.feasibility);
  }
  if (s.kind == Kind::kOralAct) {
    set("urgency", s.urgency);
    set("written_act", s.written_act);
  }
  // Register entries (workflows/registers/); `issued_to` is personal data, shown only to whoever
  // may read the case (workflows/access.h).
  set("certifies", s.certifies);
  set("issued_to", s.issued_to);
  set("issued_on", s.issued_on);
  set("retained_copy", s.retained_copy);
  set("employee", s.employee);
  set("destination", s.destination);
  set("from", s.trip_from);
  set("to", s.trip_to);
  set("basis", s.basis);
  set("basis_number", s.basis_number);
  if (s.kind != Kind::kPetition) set("author", s.author);
  if (s.kind == Kind::kMemo) set("text", s.text);
  if (s.kind == Kind::kPeriodicReport) {
    set("post", s.report_post);
    set("report", s.report);
    set("period", s.period);
    set("period_end", s.period_end);
    set("recipient", s.recipient);
    set("text", s.text);
    set("submitted_on", s.report_submitted_on);
  }
  if (s.kind == Kind::kNomenclature) w.Field("year", s.year);
  if (s.kind == Kind::kSession) SessionView(s, w);
  if (s.kind == Kind::kCalendar) w.Pairs("days_off", s.days_off, "date", "name");
  w.Strings("participants", s.participants);
  if (!s.watch.due.empty()) {
    w.Key("watch");
    w.BeginObject();
    w.Field("due", s.watch.due);
    w.Field("reminded_working_days_before", s.watch.approached);
    w.Field("missed", s.watch.missed);
    w.Field("escalation_level", s.watch.level);
    w.EndObject();
  }
  w.EndObject();
}

boost::json::object CaseView(const CaseState& s) {
  std::string json;
  WriteCaseView(s, json);
  return boost::json::parse(json).as_object();
}

void Apply(CaseState& state, schema::Event::Reader event, const ProjectionContext& context,
           ViewSink& sink) {
  const CaseState before = state;
  workflows::Evolve(state, event);
  workflows::ApplyToCalendar(*context.calendar, event);
  Project(before, state, event, context, sink);
}

void ProjectCaseState(const CaseState* before, const CaseState& after,
                      const ProjectionContext& context, ViewSink& sink) {
  const workflows::OrgChart& org = *context.org;
  const std::string& case_id = after.case_id;
  // The values are rendered into this thread's two buffers: `value` the entry now, `previous`
  // the entry `before` had, so that an entry the command left as it was is not put again.
  thread_local std::string value, previous;
  // The case's entry is its state: the engine takes a case its cache lacks with one read, and
  // a reader renders the case view from it (CaseView), off the writer's thread.
  sink.Put(kCasesView, case_id, EncodeCaseSnapshot(after));
  // The search record: its key (the opening time) never changes, so a put replaces it. The org
  // case is no document to look for: GET /v1/org and /v1/cases/org show it.
  if (after.kind != Kind::kOrganisation) {
    sink.Put(kSearchView, SearchKey(after.opened_at, case_id), SearchRecord(after, org));
  }

  // The inbox: remove what the case asked of whom before, add what it asks now.
  const auto new_actions = workflows::ExpectedSteps(after, org);
  if (before) {
    std::set<std::string> now;
    for (auto& [post, action] : new_actions) now.insert(post);
    for (auto& [post, action] : workflows::ExpectedSteps(*before, org)) {
      if (!now.count(post)) sink.Delete(kInboxView, InboxKey(post, case_id));
    }
  }
  const auto [due, responsible] = workflows::OpenDeadlineOf(after);
  for (auto& [post, action] : new_actions) {
    InboxItem(after, post, action, due, value);
    sink.Put(kInboxView, InboxKey(post, case_id), value);
  }

  // The control register: a controlled document's entry, kept as its state changes. Its key
  // (the year of registration, the case) never changes. The entry is a function of the state
  // alone, so when `before` renders the same bytes the stored entry is already these.
  if (IsIncoming(after.kind) && after.on_control) {
    if (auto registered = workflows::Date::Parse(after.registered_on)) {
      ControlEntry(after, value);
      bool stored = false;
      if (before && before->on_control && before->registered_on == after.registered_on) {
        ControlEntry(*before, previous);
        stored = previous == value;
      }
      if (!stored) sink.Put(kJournalsView, ControlRegisterKey(registered->year(), case_id), value);
    }
  }

  // The deadline index: one entry per open deadline, keyed by its date; a function of the state
  // alone too, put only when it changed.
  std::optional<workflows::OpenDeadline> old_deadline;
  if (before) {
    old_deadline = workflows::OpenDeadlineOf(*before);
    if (!old_deadline->due.empty() && old_deadline->due != due) {
      sink.Delete(kDeadlinesView, DeadlineKey(old_deadline->due, case_id));
    }
  }
  if (!due.empty()) {
    DeadlineEntry(after, due, responsible, value);
    bool stored = false;
    if (old_deadline && old_deadline->due == due) {
      DeadlineEntry(*before, old_deadline->due, old_deadline->responsible, previous);
      stored = previous == value;
    }
    if (!stored) sink.Put(kDeadlinesView, DeadlineKey(due, case_id), value);
  }
}

std::string WatchDate(const CaseState& state, const ProjectionContext& context) {
  auto date = workflows::NextWatchDate(state, *context.org, *context.calendar, *context.policy);
  return date ? date->ToString() : std::string();
}

void MoveWatchEntry(const std::string& case_id, const std::string& old_watch,
                    const std::string& new_watch, ViewSink& sink) {
  if (!old_watch.empty() && old_watch != new_watch) {
    sink.Delete(kWatchView, WatchKey(old_watch, case_id));
  }
  if (!new_watch.empty() && old_watch != new_watch) {
    sink.Put(kWatchView, WatchKey(new_watch, case_id), case_id);
  }
}

void MoveWatch(const CaseState* before, const CaseState& after, const ProjectionContext& context,
               ViewSink& sink) {
  static const CaseState kNoState;
  const CaseState& was = before ? *before : kNoState;
  const auto old_deadline = workflows::OpenDeadlineOf(was);
  const auto new_deadline = workflows::OpenDeadlineOf(after);
  if (old_deadline.due == new_deadline.due &&
      old_deadline.responsible == new_deadline.responsible && was.watch == after.watch) {
    return;
  }
  MoveWatchEntry(after.case_id, WatchDate(was, context), WatchDate(after, context), sink);
}

void Project(const CaseState& before, const CaseState& after, schema::Event::Reader event,
             const ProjectionContext& context, ViewSink& sink) {
  ProjectCaseState(&before, after, context, sink);
  const auto old_deadline = workflows::OpenDeadlineOf(before);
  // The watch index: when the deadline watch next has something to do for the case.
  if (!old_deadline.due.empty() || !workflows::OpenDeadlineOf(after).due.empty()) {
    MoveWatch(&before, after, context, sink);
  }
  ProjectEvent(old_deadline, after, event, sink);
}

void ProjectEvent(const workflows::OpenDeadline& old_deadline, const CaseState& after,
                  schema::Event::Reader event, ViewSink& sink) {
  using P = schema::Event::Payload;
  const std::string date = TbilisiDate(event.getOccurredAt());
  const int year = std::stoi(date.substr(0, 4));
  const std::string& case_id = after.case_id;
  // The event's entries are built in an arena on the stack, so that boost::json allocates
  // nothing per field (the bytes serialised are the same).
  unsigned char arena[16384];
  boost::json::monotonic_resource resource(arena, sizeof arena);
  const boost::json::storage_ptr storage(&resource);

  // A deadline closed: counted per post and year as workflows::ClosingOf says.
  const workflows::DeadlineClosing closing = workflows::ClosingOf(old_deadline, after, date);
  if (closing != workflows::DeadlineClosing::kNone) {
    const std::string key = ControlKey(year, old_deadline.responsible);
    boost::json::object counts({{"post", old_deadline.responsible},
                                {"year", year},
                                {"answered_on_time", 0},
                                {"answered_late", 0}},
                               storage);
    if (auto stored = sink.Get(kControlView, key))
      counts = boost::json::parse(*stored, storage).as_object();
    auto& field = counts[workflows::ClosingCountName(closing)];
    if (field.is_null()) field = 0;
    field = field.to_number<int64_t>() + 1;
    sink.Put(kControlView, key, Serialized(counts));
  }

  // The journals.
  auto payload = event.getPayload();
  boost::json::object base({{"date", date}, {"case_id", case_id}}, storage);
  switch (payload.which()) {
    case P::INCOMING_REGISTERED: {
      auto r = payload.getIncomingRegistered();
      boost::json::object entry = base;
      entry["kind"] = workflows::KindName(after.kind);
      entry["channel"] = r.getChannel().cStr();
      entry["sender"] = r.getSender().getName().cStr();
      entry["subject"] = r.getSubject().cStr();
      entry["summary"] = r.getSummary().cStr();
      entry["pages"] = r.getPages();
      entry["addressee"] = r.getAddressee().cStr();
      entry["due"] = r.getDue().cStr();
      entry["received_on"] = r.getReceivedOn().cStr();
      // A later registration than the receipt shows as such (workflows::DaysRegisteredLate).
      entry["days_late"] = workflows::DaysRegisteredLate(after);
      entry["registered_late"] = workflows::DaysRegisteredLate(after) > 0;
      PutJournal(sink, "incoming", year, ParseNumber(r.getRegistrationNumber()), entry);
      if (after.kind == Kind::kPublicInformation) {
        // Every request is an entry of the public-information register (GAC art. 49).
        entry["incoming_number"] = r.getRegistrationNumber().cStr();
        PutJournal(sink, "public_information", year,
                   workflows::journals::NextNumber(sink.LastNumber("public_information", year)),
                   entry);
      }
      break;
    }
    case P::RESOLUTION_ASSIGNED: {
      // The delivery journal (the Telavi records division page; seed 000's department records
      // everyone a resolution was placed on, each confirming receipt by signature): one entry
      // per executor, naming who placed the resolution.
      PlaceForDelivery(after, event, after.lead_executor, "lead", year, date, sink);
      for (const auto& post : after.co_executors) {
        PlaceForDelivery(after, event, post, "co_executor", year, date, sink);
      }
      break;
    }
    case P::REGISTRATION_VOIDED:
    case P::REGISTRATION_CORRECTED: {
      // The incoming journal's entry follows what the registration is now; a void one keeps
      // its number, marked void with the reason (docs/views.md).
      const int registered = std::stoi(after.registered_on.substr(0, 4));
      const uint32_t number = ParseNumber(capnp::Text::Reader(after.registration_number.c_str()));
      const std::string key = JournalKey("incoming", registered, number);
      auto stored = sink.Get(kJournalsView, key);
      if (!stored) break;
      auto entry = boost::json::parse(*stored, storage).as_object();
      if (payload.which() == P::REGISTRATION_VOIDED) {
        const char* reason = payload.getRegistrationVoided().getReason().cStr();
        entry["void"] = true;
        entry["void_reason"] = reason;
        // A request's entry in the public-information register too, found by its incoming
        // number from the newest (voids are rare and come soon after registration).
        for (uint32_t n = after.kind == Kind::kPublicInformation
                              ? sink.LastNumber("public_information", registered)
                              : 0;
             n > 0; --n) {
          const std::string register_key = JournalKey("public_information", registered, n);
          auto request = sink.Get(kJournalsView, register_key);
          if (!request) continue;
          auto fields = boost::json::parse(*request, storage).as_object();
          const auto* incoming = fields.if_contains("incoming_number");
          if (!incoming || !incoming->is_string() ||
              incoming->as_string() != after.registration_number) {
            continue;
          }
          fields["void"] = true;
          fields["void_reason"] = reason;
          sink.Put(kJournalsView, register_key, Serialized(fields));
          break;
        }
      } else {
        entry["kind"] = workflows::KindName(after.kind);
        entry["sender"] = after.correspondent;
        entry["subject"] = after.subject;
        entry["pages"] = after.pages;
        entry["addressee"] = after.addressee;
        entry["due"] = after.due;
        entry["corrected_on"] = date;
      }
      sink.Put(kJournalsView, key, Serialized(entry));
      break;
    }
    case P::REDIRECTED: {
      auto r = payload.getRedirected();
      if (r.getToExecutor().size() > 0) {  // the resolution is placed on the new executor
        PlaceForDelivery(after, event, after.lead_executor, "lead", year, date, sink);
        break;
      }
      // Sent out of the body: the forwarding letter to the competent body and the notice to
      // the sender, each an entry of the outgoing journal (none for a redirect to another head).
      boost::json::object entry = base;
      entry["subject"] = after.subject;
      entry["signed_by"] = event.getActingFor().size() > 0 ? event.getActingFor().cStr()
                                                           : event.getActor().getPost().cStr();
      entry["incoming_number"] = after.registration_number;
      entry["letter"] = "forwarding";
      entry["recipient"] = r.getToBody().cStr();
      PutJournal(sink, "outgoing", year, ParseNumber(r.getForwardingNumber()), entry);
      entry["letter"] = "notice";
      entry["recipient"] = after.correspondent;
      entry["forwarded_to"] = r.getToBody().cStr();
      PutJournal(sink, "outgoing", year, ParseNumber(r.getNoticeNumber()), entry);
      break;
    }
    case P::RECEIPT_CONFIRMED: {
      // The receipt fills in the executor's delivery entry: when, and who signed for it.
      const std::string executor = payload.getReceiptConfirmed().getExecutor().cStr();
      auto where = sink.Get(kJournalsView, DeliveryIndexKey(case_id, executor));
      if (!where) break;
      const auto at = boost::json::parse(*where, storage).as_object();
      const std::string key = JournalKey("delivery", static_cast<int>(at.at("year").as_int64()),
                                         static_cast<uint32_t>(at.at("number").as_int64()));
      auto stored = sink.Get(kJournalsView, key);
      if (!stored) break;
      auto entry = boost::json::parse(*stored, storage).as_object();
      entry["received_at"] = FormatTbilisiTime(event.getOccurredAt());
      entry["received_by"] = event.getActor().getPerson().cStr();
      if (event.getActingFor().size() > 0)
        entry["received_by_post"] = event.getActor().getPost().cStr();
      sink.Put(kJournalsView, key, Serialized(entry));
      break;
    }
    case P::DISPATCHED: {
      auto r = payload.getDispatched();
      boost::json::object entry = base;
      entry["channel"] = r.getChannel().cStr();
      entry["recipient"] = after.correspondent;
      entry["subject"] = after.subject;
      entry["signed_by"] = after.signed_by;
      PutJournal(sink, "outgoing", year, ParseNumber(r.getOutgoingNumber()), entry);
      if (r.getPostalNumber().size() > 0) {
        entry["outgoing_number"] = r.getOutgoingNumber().cStr();
        PutJournal(sink, "postal", year, ParseNumber(r.getPostalNumber()), entry);
      }
      break;
    }
    case P::ASSIGNMENT_ISSUED: {
      auto r = payload.getAssignmentIssued();
      boost::json::object entry = base;
      entry["issuer"] = r.getIssuer().cStr();
      entry["assignee"] = r.getAssignee().cStr();
      entry["instruction"] = r.getInstruction().cStr();
      entry["due"] = r.getDue().cStr();
      PutJournal(sink, "internal", year,
                 workflows::journals::NextNumber(sink.LastNumber("internal", year)), entry);
      break;
    }
    case P::CERTIFICATE_REGISTERED: {
      // The register of issued certificates (Zugdidi statute art. 7.2), with its retained copy.
      auto r = payload.getCertificateRegistered();
      boost::json::object entry = base;
      entry["certifies"] = r.getCertifies().cStr();
      entry["issued_to"] = r.getIssuedTo().cStr();
      entry["subject"] = r.getContent().cStr();
      entry["issuer"] = r.getIssuedBy().cStr();
      entry["issued_on"] = r.getIssuedOn().cStr();
      entry["retained_copy"] = r.getRetainedCopy().cStr();
      PutJournal(sink, "certificates", year, ParseNumber(r.getNumber()), entry);
      break;
    }
    case P::BUSINESS_TRIP_REGISTERED: {
      auto r = payload.getBusinessTripRegistered();
      boost::json::object entry = base;
      entry["employee"] = r.getEmployee().cStr();
      entry["destination"] = r.getDestination().cStr();
      entry["purpose"] = r.getPurpose().cStr();
      entry["from"] = r.getFrom().cStr();
      entry["to"] = r.getTo().cStr();
      entry["basis"] = r.getBasis().cStr();
      entry["basis_number"] = r.getBasisNumber().cStr();
      PutJournal(sink, "business_trips", year, ParseNumber(r.getNumber()), entry);
      break;
    }
    case P::ENTRY_CORRECTED:
    case P::ENTRY_CANCELLED: {
      // The register's entry follows what was corrected, under its number; a cancelled one keeps
      // the number, marked with the date and the reason (workflows/registers/corrections.cc).
      const bool certificate = after.kind == Kind::kCertificate;
      const std::string key =
          JournalKey(certificate ? workflows::registers::kCertificatesJournal
                                 : workflows::registers::kBusinessTripsJournal,
                     std::stoi(after.registered_on.substr(0, 4)),
                     ParseNumber(capnp::Text::Reader(after.registration_number.c_str())));
      auto stored = sink.Get(kJournalsView, key);
      if (!stored) break;
      auto entry = boost::json::parse(*stored).as_object();
      if (payload.which() == P::ENTRY_CANCELLED) {
        entry["cancelled"] = true;
        entry["cancelled_on"] = after.void_on;
        entry["cancel_reason"] = after.void_reason;
      } else {
        entry["corrected_on"] = date;
        for (const auto& [field, value] :
             certificate
                 ? std::vector<std::pair<const char*, const std::string*>>{{"issued_to",
                                                                            &after.issued_to},
                                                                           {"subject",
                                                                            &after.subject},
                                                                           {"issued_on",
                                                                            &after.issued_on},
                                                                           {"retained_copy",
                                                                            &after.retained_copy}}
                 : std::vector<std::pair<const char*, const std::string*>>{
                       {"destination", &after.destination},
                       {"purpose", &after.subject},
                       {"from", &after.trip_from},
                       {"to", &after.trip_to}}) {
          entry[field] = *value;
        }
      }
      sink.Put(kJournalsView, key, boost::json::serialize(entry));
      break;
    }
    case P::MEMO_SUBMITTED: {
      // The internal journal holds the assignments and the memos; `document` tells them apart.
      auto r = payload.getMemoSubmitted();
      boost::json::object entry = base;
      entry["document"] = "memo";
      entry["author"] = r.getAuthor().cStr();
      entry["addressee"] = r.getAddressee().cStr();
      entry["subject"] = r.getSubject().cStr();
      PutJournal(sink, "internal", year, ParseNumber(r.getNumber()), entry);
      break;
    }
    case P::ACT_REGISTERED: {
      auto r = payload.getActRegistered();
      boost::json::object entry = base;
      entry["title"] = after.title;
      entry["issuer"] = after.issuer;
      PutJournal(sink, workflows::journals::ActsJournal(after.act_type).c_str(), r.getYear(),
                 ParseNumber(r.getNumber()), entry);
      break;
    }
    case P::ACT_DECLARED_VOID:
    case P::COMPLAINT_DECISION_APPLIED: {
      // The acts journal's entry keeps its number and shows what became of the act: void
      // (declared, or annulled on a complaint) with the date and reason, or amended on one.
      const std::string key =
          JournalKey(workflows::journals::ActsJournal(after.act_type).c_str(), after.act_year,
                     ParseNumber(capnp::Text::Reader(after.act_number.c_str())));
      auto stored = sink.Get(kJournalsView, key);
      if (!stored) break;
      auto entry = boost::json::parse(*stored, storage).as_object();
      if (after.stage == Stage::kDeclaredVoid) {
        entry["void"] = true;
        entry["void_on"] = after.void_on;
        entry["void_reason"] = after.void_reason;
        if (!after.annulled_on_complaint.empty()) {
          entry["annulled_on_complaint"] = after.annulled_on_complaint;
        }
      } else {
        entry["amended_by"] = boost::json::array(after.amended_by.begin(), after.amended_by.end());
      }
      sink.Put(kJournalsView, key, Serialized(entry));
      break;
    }
    case P::MINUTES_RECORDED: {
      // The minutes register of the body and the year (one journal per body).
      auto r = payload.getMinutesRecorded();
      boost::json::object entry = base;
      entry["session_date"] = after.session_date;
      entry["body"] = after.session_body;
      entry["session_kind"] = after.session_kind;
      if (!after.body_name.empty()) entry["body_name"] = after.body_name;
      if (!after.body_code.empty()) entry["body_code"] = after.body_code;
      entry["present"] = after.present;
      entry["members"] = after.members;
      entry["items"] = after.agenda.size();
      entry["linked_acts"] = boost::json::array(after.linked_acts.begin(), after.linked_acts.end());
      PutJournal(
          sink,
          workflows::council_session::MinutesJournal(after.session_body, after.body_code).c_str(),
          r.getYear(), ParseNumber(r.getNumber()), entry);
      break;
    }
    case P::NOMENCLATURE_APPROVED:
      for (const auto& file : after.files) PutNomenclatureFile(sink, after, file);
      break;
    case P::FILES_HANDED_TO_ARCHIVE: {
      // The year's archive inventory (ანაწერი): one entry per inventory, listing its files.
      auto r = payload.getFilesHandedToArchive();
      boost::json::array codes;
      for (auto code : r.getCodes()) codes.emplace_back(code.cStr());
      for (const auto& file : after.files) {
        if (file.inventory == r.getInventory()) PutNomenclatureFile(sink, after, file);
      }
      PutJournal(sink, "archive_inventory", r.getYear(), r.getInventory(),
                 {{"date", TbilisiDate(event.getOccurredAt())},
                  {"case_id", case_id},
                  {"year", r.getYear()},
                  {"files", codes.size()},
                  {"codes", std::move(codes)}});
      break;
    }
    case P::FILES_TRANSFERRED_TO_STATE_ARCHIVE:
      for (auto code : payload.getFilesTransferredToStateArchive().getCodes()) {
        for (const auto& file : after.files) {
          if (file.code == code.cStr()) PutNomenclatureFile(sink, after, file);
        }
      }
      break;
    case P::DEADLINE_APPROACHING:
    case P::DEADLINE_MISSED:
    case P::ESCALATED: {
      // The alert feed of every recipient (docs/api.md: GET /v1/alerts).
      auto alert = payload.which() == P::DEADLINE_APPROACHING ? payload.getDeadlineApproaching()
                   : payload.which() == P::DEADLINE_MISSED    ? payload.getDeadlineMissed()
                                                              : payload.getEscalated();
      const char* type = payload.which() == P::DEADLINE_APPROACHING ? "deadline_approaching"
                         : payload.which() == P::DEADLINE_MISSED    ? "deadline_missed"
                                                                    : "escalated";
      for (auto recipient : alert.getRecipients()) {
        boost::json::object entry({{"id", event.getSeq()},
                                   {"case_id", case_id},
                                   {"type", type},
                                   {"kind", workflows::KindName(after.kind)},
                                   {"subject", workflows::SubjectOf(after)},
                                   {"due", alert.getDue().cStr()},
                                   {"responsible", alert.getResponsible().cStr()},
                                   {"rule", alert.getRule().cStr()},
                                   {"role", recipient.getRole().cStr()},
                                   {"acting_for", recipient.getActingFor().cStr()},
                                   {"working_days_before", alert.getWorkingDaysBefore()},
                                   {"working_days_overdue", alert.getWorkingDaysOverdue()},
                                   {"level", alert.getLevel()},
                                   {"occurred_at", FormatTbilisiTime(event.getOccurredAt())},
                                   {"acknowledged", false}},
                                  storage);
        // Old alerts carry no Georgian: the English stands in.
        entry["rule_ka"] =
            alert.getRuleKa().size() > 0 ? alert.getRuleKa().cStr() : alert.getRule().cStr();
        entry["due_explanation"] = alert.getDueExplanation().cStr();
        entry["due_explanation_ka"] = alert.getDueExplanationKa().size() > 0
                                          ? alert.getDueExplanationKa().cStr()
                                          : alert.getDueExplanation().cStr();
        sink.Put(kAlertsView, AlertKey(recipient.getPost().cStr(), event.getSeq()),
                 Serialized(entry));
      }
      break;
    }
    case P::ALERT_ACKNOWLEDGED: {
      auto ack = payload.getAlertAcknowledged();
      const std::string key = AlertKey(ack.getBy().cStr(), ack.getAlertSeq());
      if (auto stored = sink.Get(kAlertsView, key)) {
        auto entry = boost::json::parse(*stored, storage).as_object();
        entry["acknowledged"] = true;
        entry["acknowledged_at"] = FormatTbilisiTime(event.getOccurredAt());
        sink.Put(kAlertsView, key, Serialized(entry));
      }
      break;
    }
    case P::FILE_ARCHIVED:
      for (const auto& file : after.files) {
        if (file.code == payload.getFileArchived().getCode().cStr()) {
          PutNomenclatureFile(sink, after, file);
        }
      }
      break;
    case P::REPORT_REQUIRED: {
      // The index of obligations, so that the same report of the same post and period is not
      // required twice (workflows/periodic_report.cc).
      auto r = payload.getReportRequired();
      sink.Put(kJournalsView,
               ReportObligationKey(r.getPost().cStr(), r.getReport().cStr(), r.getPeriod().cStr()),
               after.case_id);
      break;
    }
    default:
      break;
  }
}

}  // namespace saqme::engine
