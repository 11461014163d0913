#include "workflows/allowed_actions.h"

#include <algorithm>

#include <capnp/dynamic.h>
#include <capnp/message.h>

#include "model/event_json.h"

namespace saqme::workflows {
namespace {

using Which = schema::Command::Which;

std::vector<std::string> PostsWith(const OrgChart& org, Power power) {
  std::vector<std::string> posts;
  for (const auto& post : org.posts()) {
    if (post.powers.count(power)) posts.push_back(post.id);
  }
  return posts;
}

// Whether Decide, given `which` with empty data, says it may be given now.
bool MayGive(const CaseState& state, capnp::StructSchema::Field field, const Context& context) {
  capnp::MallocMessageBuilder message;
  auto command = message.initRoot<schema::Command>();
  auto dynamic = capnp::toDynamic(command);
  if (field.getType().isVoid()) {
    dynamic.set(field, capnp::VOID);
  } else {
    dynamic.init(field);
  }
  auto decision = Decide(state, command.asReader(), context);
  const auto* refusal = std::get_if<Refusal>(&decision);
  return !refusal || refusal->category() == RefusalCategory::kInvalidData;
}

}  // namespace

std::vector<std::string> AllowedActions(const CaseState& state, const Context& context) {
  std::vector<std::string> allowed;
  if (state.kind == Kind::kNone) return allowed;
  const auto fields = capnp::Schema::from<schema::Command>().getUnionFields();
  for (auto field : fields) {
    const auto which = static_cast<Which>(field.getProto().getDiscriminantValue());
    const bool extends = which == Which::APPROVE_NOMENCLATURE || which == Which::DECLARE_DAY_OFF;
    if ((OpensCase(which) && !extends) || which == Which::ACKNOWLEDGE_ALERT) continue;
    if (MayGive(state, field, context)) {
      allowed.push_back(storage::SnakeCase(field.getProto().getName()));
    }
  }
  return allowed;
}

std::vector<ExpectedStep> ExpectedSteps(const CaseState& s, const OrgChart& org) {
  std::vector<ExpectedStep> steps;
  auto to_all = [&](Power power, const char* type) {
    for (auto& post : PostsWith(org, power)) steps.push_back({post, type});
  };
  // Records rules: the co-executors confirm their receipt, then report their part to the lead
  // executor, while the answer is not signed (workflows/incoming/flow.cc).
  if (CoExecutionOpen(s)) {
    for (const auto& post : s.co_executors) {
      if (!HasReceived(s, post)) {
        steps.push_back({post, "confirm_receipt"});
      } else if (std::none_of(s.parts.begin(), s.parts.end(),
                              [&](const PartReport& part) { return part.by == post; })) {
        steps.push_back({post, "report_part"});
      }
    }
  }
  // The visa the answer still needs (the org file's endorsement rules) comes before the
  // decision or the signature.
  if (s.stage == Stage::kAnswerDrafted && IsIncoming(s.kind)) {
    if (const VisaRule* rule = org.endorsement_rules().Missing(KindName(s.kind), s.endorsements,
                                                               s.lead_executor, org)) {
      for (const auto& post : org.posts()) {
        if (post.powers.count(rule->power) && post.powers.count(Power::kEndorse)) {
          steps.push_back({post.id, "endorse"});
        }
      }
      return steps;
    }
  }
  switch (s.stage) {
    case Stage::kRegistered:
      steps.push_back({s.addressee, "assign_resolution"});
      break;
    case Stage::kResolved:
      steps.push_back({s.lead_executor, "confirm_receipt"});
      break;
    case Stage::kInExecution:
      steps.push_back({s.lead_executor, s.kind == Kind::kPublicInformation ? "release_information"
                                                                           : "draft_answer"});
      break;
    case Stage::kAnswerDrafted:
      if (s.kind == Kind::kComplaint) {
        steps.push_back({org.head_post(), "decide"});
      } else {
        steps.push_back(
            {org.SignatoryFor(s.addressee), s.kind == Kind::kApplication ? "decide" : "sign"});
      }
      break;
    case Stage::kDecided:
      steps.push_back({s.decided_by, "sign"});
      break;
    case Stage::kSigned:
      to_all(Power::kDispatch, "dispatch");
      break;
    case Stage::kInfoRefused:
      steps.push_back({s.lead_executor, "explain_rights"});
      break;
    case Stage::kAnswered:
    case Stage::kRedirectedOut:
    case Stage::kNoted:
      if (IsRecordsFlow(s.kind)) to_all(Power::kFile, "file");
      break;
    case Stage::kDrafted:
      // A draft is adopted only after the legal expertise (legal_act.cc).
      if (s.expertise_count == 0) {
        to_all(Power::kLegalExpertise, "give_expertise");
      } else {
        steps.push_back({s.issuer, "adopt"});
      }
      break;
    case Stage::kAdopted:
      to_all(Power::kRegister, "register_act");
      break;
    case Stage::kActRegistered:
      to_all(Power::kPublish, "publish");
      break;
    case Stage::kPublished:
      if (s.in_force_on.empty()) to_all(Power::kDispatch, "notify");
      break;
    case Stage::kIssued:
      steps.push_back({s.assignee, "accept"});
      break;
    case Stage::kAccepted:
      steps.push_back({s.assignee, "complete"});
      break;
    case Stage::kCompleted:
      steps.push_back({s.issuer, "review"});
      break;
    // Sessions: the protocol service records the sitting, then its minutes.
    case Stage::kConvened:
      to_all(Power::kRecordSessions, "hold_session");
      break;
    case Stage::kHeld:
      to_all(Power::kRecordSessions, "record_minutes");
      break;
    // E-petitions (petition.cc): the records office screens, takes the fix, keeps the vote;
    // the mayor decides and records the feasibility study.
    case Stage::kScreening:
      steps.push_back({s.petition_office, "screen_petition"});
      break;
    case Stage::kDefective:
      steps.push_back({s.petition_office, "fix_petition"});
      break;
    case Stage::kVoting:
      steps.push_back({s.petition_office, "record_votes"});
      break;
    case Stage::kAwaitingDecision:
      steps.push_back({s.issuer, "decide_petition"});
      break;
    case Stage::kFeasibility:
      steps.push_back({s.issuer, "record_feasibility"});
      break;
    case Stage::kOralIssued:
      steps.push_back({s.issuer, "put_in_writing"});
      break;
    case Stage::kReportOwed:
      steps.push_back({s.report_post, "submit_report"});
      break;
    case Stage::kSubmitted:  // a memo: its addressee takes note of it (registers/memo.cc)
      steps.push_back({s.addressee, "take_note"});
      break;
    default:
      break;
  }
  return steps;
}

}  // namespace saqme::workflows
