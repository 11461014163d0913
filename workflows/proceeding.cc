#include "workflows/proceeding.h"

#include <algorithm>

#include <capnp/dynamic.h>

#include "model/event_json.h"
#include "workflows/assignment.h"
#include "workflows/council_session.h"
#include "workflows/deadline_watch.h"
#include "workflows/incoming/incoming.h"
#include "workflows/legal_act.h"
#include "workflows/nomenclature.h"
#include "workflows/oral_act.h"
#include "workflows/org/org_changes.h"
#include "workflows/periodic_report.h"
#include "workflows/petition.h"
#include "workflows/registers/registers.h"
#include "workflows/rules.h"

namespace saqme::workflows {

std::string CommandName(schema::Command::Reader command) {
  KJ_IF_MAYBE (field, capnp::toDynamic(command).which()) {
    return storage::SnakeCase(field->getProto().getName());
  }
  return "unknown_command";
}

namespace {

using Which = schema::Command::Which;

constexpr std::pair<Which, std::string_view> kOpening[] = {
    {Which::REGISTER_INCOMING, "register_incoming"},
    {Which::DRAFT_LETTER, "draft_letter"},
    {Which::DRAFT_ACT, "draft_act"},
    {Which::ISSUE_ASSIGNMENT, "issue_assignment"},
    {Which::APPROVE_NOMENCLATURE, "approve_nomenclature"},
    {Which::DECLARE_DAY_OFF, "declare_day_off"},
    {Which::CONVENE_SESSION, "convene_session"},
    {Which::SUBMIT_PETITION, "submit_petition"},
    {Which::ISSUE_ORAL_ACT, "issue_oral_act"},
    {Which::REGISTER_CERTIFICATE, "register_certificate"},
    {Which::REGISTER_BUSINESS_TRIP, "register_business_trip"},
    {Which::SUBMIT_MEMO, "submit_memo"},
    {Which::REQUIRE_REPORT, "require_report"},
};

// The two opening commands that also act on their own existing case.
bool ExtendsItsCase(Which which) {
  return which == Which::APPROVE_NOMENCLATURE || which == Which::DECLARE_DAY_OFF;
}

}  // namespace

bool OpensCase(Which which) {
  for (const auto& [w, name] : kOpening) {
    if (w == which) return true;
  }
  return false;
}

bool OpensCase(std::string_view command_name) {
  for (const auto& [w, name] : kOpening) {
    if (name == command_name) return true;
  }
  return false;
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  try {
    const Which which = command.which();
    const bool opening = OpensCase(which) && !ExtendsItsCase(which);
    if (which == Which::DECLARE_DAY_OFF) {
      if (state.kind != Kind::kNone && state.kind != Kind::kCalendar) {
        return rules::RefuseNow(
            std::string("declare_day_off belongs to the calendar case '") + kCalendarCaseId + "'",
            "დასვენების დღე ცხადდება კალენდრის საქმეში");
      }
      return DeclareDayOff(state, command.getDeclareDayOff(), context);
    }
    // The org case opens with orgChartAdopted, on a log without one with its first command.
    if (org::IsOrgCommand(which)) return org::Decide(state, command, context);
    if (which == Which::WITHDRAW_DAY_OFF && state.kind == Kind::kCalendar) {
      return WithdrawDayOff(state, command.getWithdrawDayOff(), context);
    }
    if (which == Which::ACKNOWLEDGE_ALERT && state.kind != Kind::kNone) {
      return Acknowledge(state, command.getAcknowledgeAlert(), context);
    }
    if (state.kind == Kind::kNone) {
      switch (which) {
        case Which::REGISTER_INCOMING:
          return incoming::Register(command.getRegisterIncoming(), context);
        case Which::DRAFT_LETTER:
          return incoming::DraftLetter(command.getDraftLetter(), context);
        case Which::DRAFT_ACT:
          return legal_act::Draft(command.getDraftAct(), context);
        case Which::ISSUE_ASSIGNMENT:
          return assignment::Issue(command.getIssueAssignment(), context);
        case Which::APPROVE_NOMENCLATURE:
          return nomenclature::Approve(state, command.getApproveNomenclature(), context);
        case Which::CONVENE_SESSION:
          return council_session::Convene(command.getConveneSession(), context);
        case Which::SUBMIT_PETITION:
          return petition::Submit(command.getSubmitPetition(), context);
        case Which::ISSUE_ORAL_ACT:
          return oral_act::Issue(command.getIssueOralAct(), context);
        case Which::REGISTER_CERTIFICATE:
          return registers::RegisterCertificate(command.getRegisterCertificate(), context);
        case Which::REGISTER_BUSINESS_TRIP:
          return registers::RegisterBusinessTrip(command.getRegisterBusinessTrip(), context);
        case Which::SUBMIT_MEMO:
          return registers::SubmitMemo(command.getSubmitMemo(), context);
        case Which::REQUIRE_REPORT:
          return periodic_report::Require(command.getRequireReport(), context);
        default:
          return rules::RefuseNow(
              "the case does not exist yet; open it with register_incoming, draft_letter, "
              "draft_act, issue_assignment, approve_nomenclature, declare_day_off, "
              "convene_session, submit_petition, issue_oral_act, register_certificate,"
              " register_business_trip, submit_memo or require_report",
              "საქმე ჯერ არ არსებობს");
      }
    }
    if (opening) {
      return rules::RefuseNow(CommandName(command) + " opens a new case; this case already exists",
                              "ეს ბრძანება ახალ საქმეს ხსნის; საქმე უკვე არსებობს");
    }
    switch (state.kind) {
      case Kind::kCorrespondence:
      case Kind::kApplication:
      case Kind::kPublicInformation:
      case Kind::kComplaint:
      case Kind::kOutgoingLetter:
        return incoming::Decide(state, command, context);
      case Kind::kLegalAct:
        return legal_act::Decide(state, command, context);
      case Kind::kAssignment:
        return assignment::Decide(state, command, context);
      case Kind::kNomenclature:
        return nomenclature::Decide(state, command, context);
      case Kind::kSession:
        return council_session::Decide(state, command, context);
      case Kind::kPetition:
        return petition::Decide(state, command, context);
      case Kind::kOralAct:
        return oral_act::Decide(state, command, context);
      case Kind::kPeriodicReport:
        return periodic_report::Decide(state, command, context);
      case Kind::kCertificate:
      case Kind::kBusinessTrip:
      case Kind::kMemo:
        return registers::Decide(state, command, context);
      case Kind::kCalendar:
      case Kind::kOrganisation:
        return rules::NotNow(state, command);
      case Kind::kNone:
        break;
    }
    return rules::Refuse("unknown case kind", "უცნობი საქმის სახე");
  } catch (const kj::Exception& e) {  // a command whose data does not decode
    return rules::Refuse(std::string("the command is malformed: ") + e.getDescription().cStr(),
                         "ბრძანება დაზიანებულია");
  } catch (const std::exception& e) {  // a configuration gap, e.g. a deadline table without a rule
    return rules::Refuse(std::string("the command could not be decided: ") + e.what(),
                         "ბრძანების განხილვა ვერ მოხერხდა (კონფიგურაციის შეცდომა)");
  }
}

namespace {

void AddParticipant(CaseState& state, std::string_view post) {
  if (post.empty()) return;
  auto& list = state.participants;
  auto at = std::lower_bound(list.begin(), list.end(), post);
  if (at == list.end() || *at != post) list.insert(at, std::string(post));
}

// The posts the event and the state after it name: whoever acted, on whose behalf, and every
// post the case names. Collected from the state so that each kind's applier stays as it is; the
// list only grows, so a post once named (an executor redirected away) keeps reading the case.
void EvolveParticipants(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  AddParticipant(state, event.getActor().getPost().cStr());
  AddParticipant(state, event.getActingFor().cStr());
  for (const std::string* post :
       {&state.addressee, &state.lead_executor, &state.signed_by, &state.decided_by,
        &state.deadline_setter, &state.issuer, &state.assignee, &state.employee, &state.author,
        &state.report_post, &state.recipient}) {
    AddParticipant(state, *post);
  }
  for (const auto& post : state.co_executors) AddParticipant(state, post);
  for (const auto& post : state.endorsements) AddParticipant(state, post);
  auto payload = event.getPayload();
  if (payload.which() == P::LEGALITY_DOUBT_RAISED) {
    for (auto post : payload.getLegalityDoubtRaised().getNotified()) {
      AddParticipant(state, post.cStr());
    }
  }
  // Whoever an alert went to is told about the case, so it may open it.
  for (auto which : {P::DEADLINE_APPROACHING, P::DEADLINE_MISSED, P::ESCALATED}) {
    if (payload.which() != which) continue;
    auto alert = which == P::DEADLINE_APPROACHING ? payload.getDeadlineApproaching()
                 : which == P::DEADLINE_MISSED    ? payload.getDeadlineMissed()
                                                  : payload.getEscalated();
    for (auto recipient : alert.getRecipients()) {
      AddParticipant(state, recipient.getPost().cStr());
      AddParticipant(state, recipient.getActingFor().cStr());
    }
  }
}

}  // namespace

void Evolve(CaseState& state, schema::Event::Reader event) {
  ++state.version;
  if (state.case_id.empty()) state.case_id = event.getCaseId();
  if (state.version == 1) {
    state.opened_at = event.getOccurredAt();
    state.opened_on = rules::TbilisiDateOf(state.opened_at);
  }
  // Each applier handles its own payloads; the payloads kinds share (endorsed,
  // deadline_extended) are applied by the incoming flow's applier for every kind. An unknown
  // payload (a newer build's) changes nothing but the version.
  const std::string due_before = OpenDeadlineOf(state).due;
  EvolveWatch(state, event) || incoming::Evolve(state, event) || legal_act::Evolve(state, event) ||
      assignment::Evolve(state, event) || nomenclature::Evolve(state, event) ||
      council_session::Evolve(state, event) || org::Evolve(state, event) ||
      petition::Evolve(state, event) || oral_act::Evolve(state, event) ||
      registers::Evolve(state, event) || periodic_report::Evolve(state, event);
  // A deadline set anew (not moved by a day off) is no longer the one days off moved.
  if (event.getPayload().which() != schema::Event::Payload::DEADLINE_RECOMPUTED &&
      OpenDeadlineOf(state).due != due_before) {
    state.day_off_move = {};
  }
  EvolveParticipants(state, event);
}

}  // namespace saqme::workflows
