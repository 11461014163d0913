#include "engine/projection.h"

#include <charconv>
#include <set>
#include <utility>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "engine/search.h"
#include "engine/views.h"
#include "storage/event_json.h"
#include "storage/tbilisi_time.h"
#include "workflows/allowed_actions.h"
#include "workflows/command_labels.h"

namespace saqme::engine {
namespace {

using workflows::CaseState;
using workflows::Kind;
using workflows::Stage;

using workflows::IsIncoming;

uint32_t ParseNumber(capnp::Text::Reader text) {
  uint32_t number = 0;
  auto [end, error] = std::from_chars(text.begin(), text.end(), number);
  return error == std::errc() && end == text.end() ? number : 0;
}

void PutJournal(ViewSink& sink, const char* journal, int year, uint32_t number,
                boost::json::object entry) {
  if (number == 0) return;  // not a number this engine gave
  entry["number"] = number;
  entry["journal"] = journal;
  sink.Put(kJournalsView, JournalKey(journal, year, number), boost::json::serialize(entry));
}

// An inbox item: what the post must do (`action`, labelled) and enough of the case to choose
// and do it without opening it (docs/views.md). Keys with nothing to say are left out but for
// `on_control`.
boost::json::object InboxItem(const CaseState& s, const std::string& action,
                              const std::string& due) {
  boost::json::object item{{"case_id", s.case_id},
                           {"kind", workflows::KindName(s.kind)},
                           {"state", workflows::StageName(s.stage)},
                           {"action", action},
                           {"on_control", s.on_control}};
  if (const workflows::CommandLabel* label = workflows::LabelOf(action)) {
    item["action_label_ka"] = label->label_ka;
    item["action_label_en"] = label->label_en;
  }
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) item[key] = value;
  };
  set("due", due);
  set("registration_number", s.registration_number);
  set("sender", s.correspondent);  // an incoming document's sender, a letter's recipient
  set("received_on", s.received_on);
  set("subject", workflows::SubjectOf(s));
  // An assignment's instruction is its subject; a document's is its resolution's.
  if (IsIncoming(s.kind)) set("instruction", s.instruction);
  return item;
}

}  // namespace

boost::json::object CaseView(const CaseState& s) {
  boost::json::object view;
  view["case_id"] = s.case_id;
  view["kind"] = workflows::KindName(s.kind);
  view["state"] = workflows::StageName(s.stage);
  view["version"] = s.version;
  auto set = [&](const char* key, const std::string& value) {
    if (!value.empty()) view[key] = value;
  };
  set("registration_number", s.registration_number);
  if (s.kind == Kind::kOutgoingLetter) {
    // Drafted by its author (the executor below) to the recipient; never registered.
    set("recipient", s.correspondent);
  } else {
    set("registered_on", s.registered_on);
    set("received_on", s.received_on);
    set("addressee", s.addressee);
    if (!s.correspondent.empty()) {
      view["sender"] = {{"name", s.correspondent}, {"kind", s.correspondent_kind}};
    }
    set("channel", s.channel);
    if (IsIncoming(s.kind)) view["pages"] = s.pages;
  }
  set("related_case", s.related_case);
  set("subject", s.subject);
  set("summary", s.summary);
  set("opened_on", s.opened_on);
  set("due", s.due);
  set("due_explanation", s.due_explanation);
  // Events before the Georgian explanations carry none: the view shows the English then.
  set("due_explanation_ka",
      s.due_explanation_ka.empty() ? s.due_explanation : s.due_explanation_ka);
  set("deadline_setter", s.deadline_setter);
  set("executor", s.lead_executor);
  // After a resolution the view names its co-executors: an empty list when it has none.
  if (!s.co_executors.empty() || (IsIncoming(s.kind) && !s.lead_executor.empty())) {
    view["co_executors"] = boost::json::array(s.co_executors.begin(), s.co_executors.end());
  }
  if (IsIncoming(s.kind)) {
    view["on_control"] = s.on_control;
    view["extensions"] = s.statutory_extensions;
  }
  if (!s.endorsements.empty()) {
    view["endorsements"] = boost::json::array(s.endorsements.begin(), s.endorsements.end());
  }
  set("answer", s.answer);
  set("signed_by", s.signed_by);
  set("outcome", s.outcome);
  set("decided_by", s.decided_by);
  set("outgoing_number", s.outgoing_number);
  set("answered_on", s.answered_on);
  set("rights_due", s.rights_due);
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
  if (!s.amended_by.empty()) {
    view["amended_by"] = boost::json::array(s.amended_by.begin(), s.amended_by.end());
  }
  set("assignee", s.assignee);
  set("instruction", s.instruction);
  if (s.kind == Kind::kAssignment) {
    view["progress_reports"] = s.progress.size();
    view["legality_doubt"] = s.legality_doubt;
  }
  set("refusal_ground", s.refusal_ground);
  if (s.kind == Kind::kNomenclature) view["year"] = s.year;
  if (s.kind == Kind::kCalendar) {
    boost::json::array days;
    for (const auto& [date, name] : s.days_off) days.push_back({{"date", date}, {"name", name}});
    view["days_off"] = days;
  }
  view["participants"] = boost::json::array(s.participants.begin(), s.participants.end());
  if (!s.watch.due.empty()) {
    view["watch"] = {{"due", s.watch.due},
                     {"reminded_working_days_before", s.watch.approached},
                     {"missed", s.watch.missed},
                     {"escalation_level", s.watch.level}};
  }
  return view;
}

void Apply(CaseState& state, schema::Event::Reader event, const ProjectionContext& context,
           ViewSink& sink) {
  const CaseState before = state;
  workflows::Evolve(state, event);
  auto payload = event.getPayload();
  if (payload.which() == schema::Event::Payload::DAY_OFF_DECLARED) {
    auto declared = payload.getDayOffDeclared();
    if (auto date = workflows::Date::Parse(declared.getDate().cStr())) {
      // Already a day off (e.g. a rebuild with a newer base calendar): nothing changes.
      (void)context.calendar->AddDeclaredDayOff(
          workflows::Holiday{*date, declared.getName(), declared.getName(),
                             "declared day off, event " + std::to_string(event.getSeq())});
    }
  }
  Project(before, state, event, context, sink);
}

void ProjectCaseState(const CaseState* before, const CaseState& after,
                      const ProjectionContext& context, ViewSink& sink) {
  const workflows::OrgChart& org = *context.org;
  const std::string& case_id = after.case_id;
  sink.Put(kCasesView, case_id, boost::json::serialize(CaseView(after)));
  // The search record: its key (the opening time) never changes, so a put replaces it.
  sink.Put(kSearchView, SearchKey(after.opened_at, case_id), SearchRecord(after, org));

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
    sink.Put(kInboxView, InboxKey(post, case_id),
             boost::json::serialize(InboxItem(after, action, due)));
  }

  // The deadline index: one entry per open deadline, keyed by its date.
  if (before) {
    const auto old_deadline = workflows::OpenDeadlineOf(*before);
    if (!old_deadline.due.empty() && old_deadline.due != due) {
      sink.Delete(kDeadlinesView, DeadlineKey(old_deadline.due, case_id));
    }
  }
  if (!due.empty()) {
    boost::json::object entry{{"case_id", case_id},
                              {"due", due},
                              {"kind", workflows::KindName(after.kind)},
                              {"state", workflows::StageName(after.stage)},
                              {"responsible", responsible},
                              {"on_control", after.on_control}};
    if (!after.deadline_setter.empty()) entry["set_by"] = after.deadline_setter;
    sink.Put(kDeadlinesView, DeadlineKey(due, case_id), boost::json::serialize(entry));
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

void Project(const CaseState& before, const CaseState& after, schema::Event::Reader event,
             const ProjectionContext& context, ViewSink& sink) {
  ProjectCaseState(&before, after, context, sink);
  const auto old_deadline = workflows::OpenDeadlineOf(before);
  // The watch index: when the deadline watch next has something to do for the case.
  if (!old_deadline.due.empty() || !workflows::OpenDeadlineOf(after).due.empty()) {
    MoveWatchEntry(after.case_id, WatchDate(before, context), WatchDate(after, context), sink);
  }
  ProjectEvent(old_deadline, after, event, sink);
}

void ProjectEvent(const workflows::OpenDeadline& old_deadline, const CaseState& after,
                  schema::Event::Reader event, ViewSink& sink) {
  using P = schema::Event::Payload;
  const std::string date = TbilisiDate(event.getOccurredAt());
  const int year = std::stoi(date.substr(0, 4));
  const std::string& case_id = after.case_id;

  // A deadline closed (answered, redirected, completed): on time or late, per post and year.
  if (!old_deadline.due.empty() && workflows::OpenDeadlineOf(after).due.empty()) {
    const std::string key = ControlKey(year, old_deadline.responsible);
    boost::json::object counts{{"post", old_deadline.responsible},
                               {"year", year},
                               {"answered_on_time", 0},
                               {"answered_late", 0}};
    if (auto stored = sink.Get(kControlView, key)) counts = boost::json::parse(*stored).as_object();
    auto& field = counts[date <= old_deadline.due ? "answered_on_time" : "answered_late"];
    field = field.to_number<int64_t>() + 1;
    sink.Put(kControlView, key, boost::json::serialize(counts));
  }

  // The journals.
  auto payload = event.getPayload();
  boost::json::object base{{"date", date}, {"case_id", case_id}};
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
      PutJournal(sink, "incoming", year, ParseNumber(r.getRegistrationNumber()), entry);
      if (after.kind == Kind::kPublicInformation) {
        // Every request is an entry of the public-information register (GAC art. 49).
        entry["incoming_number"] = r.getRegistrationNumber().cStr();
        PutJournal(sink, "public_information", year,
                   sink.LastNumber("public_information", year) + 1, entry);
      }
      break;
    }
    case P::RECEIPT_CONFIRMED: {
      // The delivery journal: who received which resolution, when (the Telavi records division
      // page).
      boost::json::object entry = base;
      entry["executor"] = after.lead_executor;
      entry["received_at"] = FormatTbilisiTime(event.getOccurredAt());
      entry["resolution_by"] = after.deadline_setter;
      PutJournal(sink, "delivery", year, sink.LastNumber("delivery", year) + 1, entry);
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
      PutJournal(sink, "internal", year, sink.LastNumber("internal", year) + 1, entry);
      break;
    }
    case P::ACT_REGISTERED: {
      auto r = payload.getActRegistered();
      boost::json::object entry = base;
      entry["title"] = after.title;
      entry["issuer"] = after.issuer;
      PutJournal(sink, ("acts-" + after.act_type).c_str(), r.getYear(), ParseNumber(r.getNumber()),
                 entry);
      break;
    }
    case P::NOMENCLATURE_APPROVED: {
      for (const auto& file : after.files) {
        sink.Put(kNomenclatureView, NomenclatureKey(after.year, file.code),
                 boost::json::serialize(boost::json::object{{"code", file.code},
                                                            {"title", file.title},
                                                            {"retention", file.retention},
                                                            {"archived", file.archived},
                                                            {"case_id", case_id}}));
      }
      break;
    }
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
        boost::json::object entry{{"id", event.getSeq()},
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
                                  {"acknowledged", false}};
        // Old alerts carry no Georgian: the English stands in.
        entry["rule_ka"] =
            alert.getRuleKa().size() > 0 ? alert.getRuleKa().cStr() : alert.getRule().cStr();
        entry["due_explanation"] = alert.getDueExplanation().cStr();
        entry["due_explanation_ka"] = alert.getDueExplanationKa().size() > 0
                                          ? alert.getDueExplanationKa().cStr()
                                          : alert.getDueExplanation().cStr();
        sink.Put(kAlertsView, AlertKey(recipient.getPost().cStr(), event.getSeq()),
                 boost::json::serialize(entry));
      }
      break;
    }
    case P::ALERT_ACKNOWLEDGED: {
      auto ack = payload.getAlertAcknowledged();
      const std::string key = AlertKey(ack.getBy().cStr(), ack.getAlertSeq());
      if (auto stored = sink.Get(kAlertsView, key)) {
        auto entry = boost::json::parse(*stored).as_object();
        entry["acknowledged"] = true;
        entry["acknowledged_at"] = FormatTbilisiTime(event.getOccurredAt());
        sink.Put(kAlertsView, key, boost::json::serialize(entry));
      }
      break;
    }
    case P::FILE_ARCHIVED: {
      for (const auto& file : after.files) {
        if (file.code != payload.getFileArchived().getCode().cStr()) continue;
        sink.Put(kNomenclatureView, NomenclatureKey(after.year, file.code),
                 boost::json::serialize(boost::json::object{{"code", file.code},
                                                            {"title", file.title},
                                                            {"retention", file.retention},
                                                            {"archived", true},
                                                            {"case_id", case_id}}));
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace saqme::engine
