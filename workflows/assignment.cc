// An assignment (დავალება) issued by a superior with a due date (Zugdidi statute arts. 28.2,
// 32.4(დ)): accepted -> progress reports -> completed -> reviewed by the issuer. The assignee may
// raise a doubt of legality, which goes to the issuer and the issuer's superior, or refuse an
// unlawful assignment or one outside the job description (Law of Georgia on Public Service:
// an officer does not carry out an unlawful assignment).
#include "workflows/assignment.h"

#include "workflows/rules.h"

namespace saqme::workflows::assignment {
namespace {

using namespace rules;
using Which = schema::Command::Which;

// Records rules: only who set a deadline (the issuer), or their superior, may change it.
Decision ChangeDue(const CaseState& state, schema::Command::Reader command,
                   const Context& context) {
  if (state.stage != Stage::kIssued && state.stage != Stage::kAccepted)
    return NotNow(state, command);
  std::string acting_for;
  auto as_issuer = MustBe(context, state.issuer, "issuer", "დავალების გამცემს");
  if (auto* own = std::get_if<std::string>(&as_issuer)) {
    acting_for = *own;
  } else if (!context.org->Supervises(context.actor_post, state.issuer)) {
    return std::get<Refusal>(as_issuer);
  }
  auto due = DateField(command.getExtendDeadline().getNewDue().cStr(), "new_due");
  if (auto* refusal = std::get_if<Refusal>(&due)) return *refusal;
  if (std::get<Date>(due) < context.today || command.getExtendDeadline().getReason().size() == 0) {
    return Refuse("a new due date must not be past, and the change needs a reason",
                  "ახალი ვადა არ უნდა იყოს გასული და ცვლილებას სჭირდება საფუძველი");
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initDeadlineExtended();
  r.setPreviousDue(state.due);
  r.setNewDue(std::get<Date>(due).ToString());
  r.setReason(command.getExtendDeadline().getReason());
  return Events(std::move(draft));
}

}  // namespace

Decision Issue(schema::IssueAssignment::Reader command, const Context& context) {
  auto authority = Need(context, Power::kIssueAssignments);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string& acting_for = std::get<std::string>(authority);
  const std::string issuer = ActsAs(context, acting_for);
  const std::string assignee = command.getAssignee().cStr();
  if (auto refusal = KnownPost(context, assignee, "assignee")) return *refusal;
  // Assignments go down the supervision lines (direct or delegated).
  if (!context.org->Supervises(issuer, assignee)) {
    return Refusal{issuer + " does not supervise " + assignee + " and cannot assign it work",
                   issuer + " არ არის " + assignee + "-ის ზემდგომი და ვერ მისცემს დავალებას",
                   PowerName(Power::kIssueAssignments)};
  }
  if (command.getInstruction().size() == 0) {
    return Refuse("the assignment has no instruction", "დავალებას ტექსტი არ აქვს");
  }
  auto due = DateField(command.getDue().cStr(), "due");
  if (auto* refusal = std::get_if<Refusal>(&due)) return *refusal;
  if (std::get<Date>(due) < context.today) {
    return Refuse("the due date is already past", "ვადა უკვე გასულია");
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initAssignmentIssued();
  r.setIssuer(issuer);
  r.setAssignee(assignee);
  r.setInstruction(command.getInstruction());
  r.setDue(std::get<Date>(due).ToString());
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  const Which which = command.which();
  if (which == Which::EXTEND_DEADLINE) return ChangeDue(state, command, context);
  const bool by_assignee = which == Which::ACCEPT || which == Which::REPORT_PROGRESS ||
                           which == Which::COMPLETE || which == Which::RAISE_LEGALITY_DOUBT ||
                           which == Which::REFUSE_ASSIGNMENT;
  if (!by_assignee && which != Which::REVIEW) {
    return RefuseNow(CommandName(command) + " does not apply to an assignment",
                     CommandLabelKa(command) + " დავალებაზე არ გამოიყენება");
  }
  bool allowed = false;
  switch (which) {
    case Which::ACCEPT:
      allowed = state.stage == Stage::kIssued;
      break;
    case Which::REPORT_PROGRESS:
    case Which::COMPLETE:
      allowed = state.stage == Stage::kAccepted;
      break;
    case Which::RAISE_LEGALITY_DOUBT:
    case Which::REFUSE_ASSIGNMENT:
      allowed = state.stage == Stage::kIssued || state.stage == Stage::kAccepted;
      break;
    case Which::REVIEW:
      allowed = state.stage == Stage::kCompleted;
      break;
    default:
      break;
  }
  if (!allowed) return NotNow(state, command);
  auto who = by_assignee ? MustBe(context, state.assignee, "assignee", "დავალების შემსრულებელს")
                         : MustBe(context, state.issuer, "issuer", "დავალების გამცემს");
  if (auto* refusal = std::get_if<Refusal>(&who)) return *refusal;
  auto draft = NewEvent(context, std::get<std::string>(who));
  auto payload = draft.event().getPayload();
  auto need_text = [&](capnp::Text::Reader text) -> std::optional<Refusal> {
    if (text.size() > 0) return std::nullopt;
    return Refuse(CommandName(command) + " needs a text", "ტექსტი ცარიელია");
  };
  switch (which) {
    case Which::ACCEPT:
      payload.initAssignmentAccepted();
      break;
    case Which::REPORT_PROGRESS:
      if (auto refusal = need_text(command.getReportProgress().getText())) return *refusal;
      payload.initProgressReported().setText(command.getReportProgress().getText());
      break;
    case Which::COMPLETE:
      if (auto refusal = need_text(command.getComplete().getText())) return *refusal;
      payload.initAssignmentCompleted().setText(command.getComplete().getText());
      break;
    case Which::REVIEW: {
      auto r = payload.initAssignmentReviewed();
      r.setAccepted(command.getReview().getAccepted());
      r.setRemark(command.getReview().getRemark());
      break;
    }
    case Which::RAISE_LEGALITY_DOUBT: {
      if (state.legality_doubt) {
        return RefuseNow("a doubt of legality was already raised on this assignment",
                         "კანონიერების ეჭვი ამ დავალებაზე უკვე გამოითქვა");
      }
      if (auto refusal = need_text(command.getRaiseLegalityDoubt().getText())) return *refusal;
      // The doubt goes to the issuer and the issuer's superior — to whoever acts for them today.
      std::vector<std::string> notified = {context.org->ExercisedBy(state.issuer, context.today)};
      const Post* issuer = context.org->FindPost(state.issuer);
      if (issuer && !issuer->supervisor.empty()) {
        notified.push_back(context.org->ExercisedBy(issuer->supervisor, context.today));
      }
      auto r = payload.initLegalityDoubtRaised();
      r.setReason(command.getRaiseLegalityDoubt().getText());
      auto list = r.initNotified(notified.size());
      for (size_t i = 0; i < notified.size(); ++i) list.set(i, notified[i]);
      break;
    }
    case Which::REFUSE_ASSIGNMENT: {
      if (auto refusal = need_text(command.getRefuseAssignment().getReason())) return *refusal;
      auto r = payload.initAssignmentRefused();
      r.setGround(command.getRefuseAssignment().getGround());
      r.setReason(command.getRefuseAssignment().getReason());
      break;
    }
    default:
      break;
  }
  return Events(std::move(draft));
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::ASSIGNMENT_ISSUED: {
      auto r = payload.getAssignmentIssued();
      state.kind = Kind::kAssignment;
      state.stage = Stage::kIssued;
      state.issuer = r.getIssuer();
      state.assignee = r.getAssignee();
      state.instruction = r.getInstruction();
      state.due = r.getDue();
      state.deadline_setter = state.issuer;
      return true;
    }
    case P::ASSIGNMENT_ACCEPTED:
      state.stage = Stage::kAccepted;
      return true;
    case P::PROGRESS_REPORTED:
      state.progress.emplace_back(payload.getProgressReported().getText().cStr());
      return true;
    case P::ASSIGNMENT_COMPLETED:
      state.stage = Stage::kCompleted;
      state.answer = payload.getAssignmentCompleted().getText();
      return true;
    case P::ASSIGNMENT_REVIEWED:
      // Not accepted: back to the assignee for more work.
      state.review_accepted = payload.getAssignmentReviewed().getAccepted();
      state.stage = state.review_accepted ? Stage::kReviewed : Stage::kAccepted;
      return true;
    case P::LEGALITY_DOUBT_RAISED:
      state.legality_doubt = true;
      return true;
    case P::ASSIGNMENT_REFUSED:
      state.stage = Stage::kRefusedByAssignee;
      state.refusal_ground =
          payload.getAssignmentRefused().getGround() == schema::RefusalGround::UNLAWFUL
              ? "unlawful"
              : "outside_job_description";
      return true;
    default:
      return false;
  }
}

}  // namespace saqme::workflows::assignment
