// The shared flow of incoming documents. Legal sources: the unified records-management rules
// (Presidential decree No 414 of 1 July 1999, cited in the Lentekhi report) for registration,
// resolution, delivery and filing; docs/domain.md §3 summarises them.
#include <algorithm>
#include <tuple>

#include "model/field_rules.h"
#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;
using Which = schema::Command::Which;

schema::IncomingKind ToSchema(Kind kind) {
  switch (kind) {
    case Kind::kApplication:
      return schema::IncomingKind::APPLICATION;
    case Kind::kPublicInformation:
      return schema::IncomingKind::PUBLIC_INFORMATION;
    case Kind::kComplaint:
      return schema::IncomingKind::COMPLAINT;
    default:
      return schema::IncomingKind::CORRESPONDENCE;
  }
}

Kind FromSchema(schema::IncomingKind kind) {
  switch (kind) {
    case schema::IncomingKind::APPLICATION:
      return Kind::kApplication;
    case schema::IncomingKind::PUBLIC_INFORMATION:
      return Kind::kPublicInformation;
    case schema::IncomingKind::COMPLAINT:
      return Kind::kComplaint;
    default:
      return Kind::kCorrespondence;
  }
}

bool Before(const CaseState& state, Stage stage) { return state.stage < stage; }

// Records rules: a resolution is put by the addressee, or by whoever acts for them.
Decision Resolve(const CaseState& state, schema::AssignResolution::Reader command,
                 const Context& context) {
  auto authority = Need(context, Power::kResolve, state.addressee);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  if (auto refusal = KnownPost(context, command.getLeadExecutor().cStr(), "lead_executor")) {
    return *refusal;
  }
  std::vector<std::string> co;
  for (auto post : command.getCoExecutors()) {
    if (auto refusal = KnownPost(context, post.cStr(), "co_executors")) return *refusal;
    if (post == command.getLeadExecutor() || std::count(co.begin(), co.end(), post.cStr())) {
      return Refuse("co_executors repeats a post or names the lead executor",
                    "თანაშემსრულებლები მეორდება ან მოიცავს მთავარ შემსრულებელს");
    }
    co.emplace_back(post.cStr());
  }
  std::string due = state.due, explanation = state.due_explanation,
              explanation_ka = state.due_explanation_ka;
  if (command.hasDue() && command.getDue().size() > 0) {
    auto parsed = DateField(command.getDue().cStr(), "due");
    if (auto* refusal = std::get_if<Refusal>(&parsed)) return *refusal;
    const Date date = std::get<Date>(parsed);
    if (date < context.today) {
      return Refuse("the due date " + date.ToString() + " is already past",
                    "ვადა " + date.ToString() + " უკვე გასულია");
    }
    // docs/domain.md §3: the resolution's deadline defaults to the statutory one and may be
    // shorter.
    if (date.ToString() > state.statutory_due) {
      return Refuse("the resolution may shorten the statutory deadline " + state.statutory_due +
                        ", not extend it",
                    "რეზოლუციით კანონით დადგენილი ვადის (" + state.statutory_due +
                        ") გაგრძელება დაუშვებელია");
    }
    // Rolled, not refused: the head meant that day, and the law reads it as the next working
    // day (docs/workflows.md, "Due dates a person sets").
    const RolledDay rolled = RollToWorkingDay(date, *context.calendar);
    due = rolled.due.ToString();
    explanation = "set in the resolution by " + context.actor_post + " on " +
                  context.today.ToString() + " (the statutory deadline is " + state.statutory_due +
                  ")";
    explanation_ka = "ვადა დადგენილია რეზოლუციით: " + context.actor_post + ", " +
                     context.today.ToString() + " (კანონით დადგენილი ვადაა " + state.statutory_due +
                     ")";
    if (!rolled.note.empty()) {
      explanation += "\n" + rolled.note;
      explanation_ka += "\n" + rolled.note_ka;
    }
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initResolutionAssigned();
  r.setLeadExecutor(command.getLeadExecutor());
  auto list = r.initCoExecutors(co.size());
  for (size_t i = 0; i < co.size(); ++i) list.set(i, co[i]);
  r.setInstruction(command.getInstruction());
  r.setDue(due);
  r.setDueExplanation(explanation);
  r.setDueExplanationKa(explanation_ka);
  r.setOnControl(command.getOnControl());
  return Events(std::move(draft));
}

Decision Redirect(const CaseState& state, schema::Redirect::Reader command,
                  const Context& context) {
  auto authority = Need(context, Power::kResolve, state.addressee);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const bool inside = command.getToExecutor().size() > 0, outside = command.getToBody().size() > 0;
  if (inside == outside) {
    return Refuse("name either to_executor (a post) or to_body (the competent body)",
                  "მიუთითეთ ან ახალი შემსრულებელი, ან კომპეტენტური ორგანო");
  }
  if (inside) {
    if (auto refusal = KnownPost(context, command.getToExecutor().cStr(), "to_executor")) {
      return *refusal;
    }
    if (command.getToExecutor() ==
        (state.stage == Stage::kRegistered ? state.addressee : state.lead_executor)) {
      return Refuse("the document is already " + std::string(command.getToExecutor().cStr()) + "'s",
                    "დოკუმენტი უკვე ამ თანამდებობის პირთანაა");
    }
    // Before a resolution it goes to another head, who becomes its addressee and resolves it.
    if (state.stage == Stage::kRegistered &&
        !context.org->FindPost(command.getToExecutor().cStr())->powers.count(Power::kResolve)) {
      return Refuse(
          "before a resolution a document is redirected only to a head who puts "
          "resolutions; " +
              std::string(command.getToExecutor().cStr()) + " does not",
          "რეზოლუციამდე დოკუმენტი გადაეგზავნება მხოლოდ რეზოლუციის დადების "
          "უფლებამოსილების მქონე ხელმძღვანელს");
    }
  } else if (!command.getApplicantNotified()) {
    // Sent out because it is not this body's competence: the applicant must be told.
    return Refuse("a document sent to the competent body requires that the applicant is told",
                  "კომპეტენტურ ორგანოში გადაგზავნისას განმცხადებელს უნდა ეცნობოს");
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initRedirected();
  r.setToExecutor(command.getToExecutor());
  r.setToBody(command.getToBody());
  r.setReason(command.getReason());
  r.setApplicantNotified(command.getApplicantNotified());
  r.setDue(state.due);
  if (outside) {
    // GAC art. 80: forwarded to the competent body, and the applicant told in writing: two
    // letters of the outgoing journal, each with its number.
    r.setForwardingNumber(context.next_number("outgoing", context.today.year()));
    r.setNoticeNumber(context.next_number("outgoing", context.today.year()));
  }
  return Events(std::move(draft));
}

Decision Extend(const CaseState& state, schema::ExtendDeadline::Reader command,
                const KindRules& kind, const Context& context) {
  if (kind.extension == Extension::kNone) {
    const LegalSource source = SourceOf(context, kind.deadline_key);
    return RefuseNow(
        "this deadline is set by law (" + source.en + ") and cannot be extended",
        "ეს ვადა კანონითაა დადგენილი (" + source.ka + ") და მისი გაგრძელება დაუშვებელია");
  }
  // Who may extend, then whether it may be extended now, then the data (refusal.h).
  std::string acting_for;
  if (kind.extension == Extension::kStatutoryOnce) {
    // The head who resolves it (or whoever acts for them), or their superior.
    auto authority = Need(context, Power::kResolve, state.addressee);
    if (auto* refusal = std::get_if<Refusal>(&authority)) {
      if (!context.org->Supervises(context.actor_post, state.addressee)) return *refusal;
    } else {
      acting_for = std::get<std::string>(authority);
    }
  } else {
    // Records rules: only the person who set the deadline, or their superior, may change it.
    const std::string setter =
        state.deadline_setter.empty() ? state.addressee : state.deadline_setter;
    auto as_setter = MustBe(context, setter, "person who set the deadline", "ვადის დამდგენი");
    if (auto* own = std::get_if<std::string>(&as_setter)) {
      acting_for = *own;
    } else if (!context.org->Supervises(context.actor_post, setter)) {
      return Refusal{"only who set the deadline (" + setter + ") or their superior may change it",
                     "ვადის შეცვლა შეუძლია მხოლოდ მის დამდგენს (" + setter + ") ან მის ზემდგომს",
                     "resolve"};
    }
  }
  if (state.stage == Stage::kSigned) {
    // What is left after signing is dispatch, which an extension must not cover.
    return RefuseNow("the answer is already signed; a deadline is not extended after signing",
                     "პასუხი უკვე ხელმოწერილია; ხელმოწერის შემდეგ ვადა აღარ გრძელდება");
  }
  if (Date::Parse(state.due).value_or(context.today) < context.today) {
    return RefuseNow("the deadline " + state.due +
                         " has already passed; a passed deadline is not "
                         "extended afterwards",
                     "ვადა " + state.due + " უკვე გასულია და მისი გაგრძელება აღარ შეიძლება");
  }
  // GAC: one extension, by at most one month, for an especially complex case.
  if (kind.extension == Extension::kStatutoryOnce && state.statutory_extensions > 0) {
    return RefuseNow(
        "the deadline of this proceeding was already extended once; the law allows "
        "one extension",
        "ამ წარმოების ვადა უკვე ერთხელ გაგრძელდა; კანონი მხოლოდ ერთ გაგრძელებას "
        "უშვებს");
  }
  auto parsed = DateField(command.getNewDue().cStr(), "new_due");
  if (auto* refusal = std::get_if<Refusal>(&parsed)) return *refusal;
  const Date new_due = std::get<Date>(parsed);
  if (new_due.ToString() <= state.due) {
    return Refuse("the new due date must be later than the current one, " + state.due,
                  "ახალი ვადა მიმდინარეზე (" + state.due + ") გვიან უნდა იყოს");
  }
  if (command.getReason().size() == 0) {
    return Refuse("an extension needs a recorded reason", "ვადის გაგრძელებას სჭირდება საფუძველი");
  }
  if (kind.extension == Extension::kStatutoryOnce) {
    // Zugdidi statute art. 28.1, GAC: the proceeding ends within the statutory period from
    // registration, extended by at most one month. The extension is added to the period's own
    // last day, not to the day it was rolled to, and only the new last day rolls to a working
    // day (Civil Code of Georgia, rules on periods).
    const std::string limit_key = std::string(kind.deadline_key) + "-extension";
    const auto& limit = context.deadlines->Get(limit_key);
    const LegalSource limit_source = SourceOf(context, limit_key);
    const auto& period = context.deadlines->Get(kind.deadline_key);
    auto registered = DateField(state.registered_on, "the registration date");
    if (auto* refusal = std::get_if<Refusal>(&registered)) return *refusal;
    const Date ceiling =
        ExtendedPeriodEnd(std::get<Date>(registered), period.rule, limit.rule, *context.calendar);
    if (ceiling < new_due) {
      return Refuse("an extension may add at most " + limit.rule.ToString() + " (" +
                        limit_source.en + "): the latest possible due date is " +
                        ceiling.ToString(),
                    "ვადა შეიძლება გაგრძელდეს არაუმეტეს " + ceiling.ToString() + "-მდე (" +
                        limit_source.ka + ")");
    }
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initDeadlineExtended();
  r.setPreviousDue(state.due);
  r.setNewDue(new_due.ToString());
  r.setReason(command.getReason());
  r.setStatutoryExtension(kind.extension == Extension::kStatutoryOnce);
  return Events(std::move(draft));
}

// The co-executor `context.actor_post` is, or acts for today, among `posts`: the post and the
// acting-for ("" when its own); nullopt when none.
std::optional<std::pair<std::string, std::string>> AsCoExecutor(
    const std::vector<std::string>& posts, const Context& context) {
  for (const auto& post : posts) {
    auto who = MustBe(context, post, "co-executor", "თანაშემსრულებელს");
    if (auto* acting_for = std::get_if<std::string>(&who)) return std::pair(post, *acting_for);
  }
  return std::nullopt;
}

Refusal NotACoExecutor(const std::vector<std::string>& posts) {
  std::string list;
  for (const auto& post : posts) list += (list.empty() ? "" : ", ") + post;
  return Refusal{
      "only a co-executor of the resolution (" + list + ") or whoever acts for them may do this",
      "ამის გაკეთება შეუძლია მხოლოდ რეზოლუციის თანაშემსრულებელს (" + list +
          ") ან მისი მოვალეობის შემსრულებელს",
      "execute"};
}

// Records rules: every executor a resolution was placed on confirms its receipt by signature
// (the delivery journal). The lead executor's receipt starts the execution; each co-executor
// confirms their own while the answer is not yet signed.
Decision ConfirmReceipt(const CaseState& state, schema::Command::Reader command,
                        const Context& context) {
  std::vector<std::string> pending;  // co-executors yet to confirm
  for (const auto& post : state.co_executors) {
    if (!HasReceived(state, post)) pending.push_back(post);
  }
  if (!CoExecutionOpen(state) || (state.stage != Stage::kResolved && pending.empty())) {
    return NotNow(state, command);
  }
  auto lead = MustBe(context, state.lead_executor, "lead executor", "მთავარ შემსრულებელს");
  std::string executor = state.lead_executor, acting_for;
  if (auto* own = std::get_if<std::string>(&lead); own && state.stage == Stage::kResolved) {
    acting_for = *own;
  } else if (auto co = AsCoExecutor(pending, context)) {
    std::tie(executor, acting_for) = *co;
  } else if (AsCoExecutor(state.co_executors, context)) {
    return RefuseNow("receipt of this resolution is already confirmed",
                     "ამ რეზოლუციის მიღება უკვე დადასტურებულია");
  } else if (state.stage == Stage::kResolved) {
    return std::get<Refusal>(lead);
  } else {
    return NotACoExecutor(pending);
  }
  auto draft = NewEvent(context, acting_for);
  draft.event().getPayload().initReceiptConfirmed().setExecutor(executor);
  return Events(std::move(draft));
}

// A co-executor reports their part of the work to the lead executor, who writes the answer
// (records rules: the co-executors answer to the lead executor for their part). After their own
// receipt, until the answer is signed; as often as there is something to report.
Decision ReportPart(const CaseState& state, schema::Command::Reader command,
                    const Context& context) {
  if (!CoExecutionOpen(state) || state.co_executors.empty()) return NotNow(state, command);
  auto co = AsCoExecutor(state.co_executors, context);
  if (!co) return NotACoExecutor(state.co_executors);
  if (!HasReceived(state, co->first)) {
    return RefuseNow(co->first + " has not confirmed receipt of the resolution yet",
                     co->first + "-ს რეზოლუციის მიღება ჯერ არ დაუდასტურებია");
  }
  if (command.getReportPart().getText().size() == 0) {
    return Refuse("the report has no text", "ანგარიშის ტექსტი ცარიელია");
  }
  auto draft = NewEvent(context, co->second);
  auto r = draft.event().getPayload().initPartReported();
  r.setBy(co->first);
  r.setText(command.getReportPart().getText());
  return Events(std::move(draft));
}

}  // namespace

std::string Join(const std::vector<std::string>& lines) { return rules::JoinLines(lines); }

const KindRules& RulesFor(Kind kind) {
  switch (kind) {
    case Kind::kApplication:
      return ApplicationRules();
    case Kind::kPublicInformation:
      return PublicInformationRules();
    case Kind::kComplaint:
      return ComplaintRules();
    case Kind::kOutgoingLetter:
      return OutgoingLetterRules();
    default:
      return CorrespondenceRules();
  }
}

Decision Register(schema::RegisterIncoming::Reader command, const Context& context) {
  // Records rules: registered the same day it is received; the statutory clock starts here.
  auto authority = Need(context, Power::kRegister);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const KindRules& kind = RulesFor(FromSchema(command.getKind()));
  if (storage::IsBlank(command.getSender().getName().cStr()) ||
      storage::IsBlank(command.getSubject().cStr()) || command.getChannel().size() == 0) {
    return Refuse("a registration needs the sender's name, the subject and the channel",
                  "რეგისტრაციისთვის საჭიროა გამგზავნის სახელი, საგანი და არხი");
  }
  if (auto problem = storage::NotAChoice(storage::FieldOf<schema::RegisterIncoming>("channel"),
                                         command.getChannel().cStr(), "channel")) {
    return Refuse(problem->en, problem->ka);
  }
  auto received = DateField(command.getReceivedOn().cStr(), "received_on");
  if (auto* refusal = std::get_if<Refusal>(&received)) return *refusal;
  if (context.today < std::get<Date>(received)) {
    return Refuse("received_on is in the future", "მიღების თარიღი მომავალშია");
  }
  if (auto refusal = KnownPost(context, command.getAddressee().cStr(), "addressee"))
    return *refusal;
  if (!context.org->FindPost(command.getAddressee().cStr())->powers.count(Power::kResolve)) {
    return Refuse("the addressee " + std::string(command.getAddressee().cStr()) +
                      " does not put resolutions; address the document to a head",
                  "ადრესატს არ აქვს რეზოლუციის დადების უფლებამოსილება");
  }
  std::string due, explanation, explanation_ka;
  if (command.getStatedDue().size() > 0) {
    if (!kind.stated_due_allowed) {
      return Refuse("this kind of proceeding has a statutory deadline; stated_due is for letters",
                    "ამ წარმოებას კანონით დადგენილი ვადა აქვს");
    }
    auto stated = DateField(command.getStatedDue().cStr(), "stated_due");
    if (auto* refusal = std::get_if<Refusal>(&stated)) return *refusal;
    if (std::get<Date>(stated) < context.today) {
      return Refuse("stated_due is already past", "მითითებული ვადა უკვე გასულია");
    }
    const RolledDay rolled = RollToWorkingDay(std::get<Date>(stated), *context.calendar);
    due = rolled.due.ToString();
    explanation =
        "the deadline stated in the document (records rules: the final date is written "
        "in the document or in the resolution)";
    explanation_ka =
        "დოკუმენტში მითითებული ვადა (საქმისწარმოების წესები: საბოლოო თარიღი იწერება დოკუმენტში "
        "ან რეზოლუციაში)";
    if (!rolled.note.empty()) {
      explanation += "\n" + rolled.note;
      explanation_ka += "\n" + rolled.note_ka;
    }
  } else {
    Deadline deadline = StatutoryDeadline(context, kind.deadline_key, context.today);
    due = deadline.due.ToString();
    explanation = Join(deadline.Explanation());
    explanation_ka = Join(deadline.ExplanationKa());
  }
  auto draft = NewEvent(context, std::get<std::string>(authority));
  auto r = draft.event().getPayload().initIncomingRegistered();
  r.setKind(ToSchema(kind.kind));
  r.setChannel(command.getChannel());
  r.setSender(command.getSender());
  r.setSubject(command.getSubject());
  r.setSummary(command.getSummary());
  r.setPages(command.getPages());
  r.setReceivedOn(command.getReceivedOn());
  r.setAddressee(command.getAddressee());
  r.setRegistrationNumber(context.next_number("incoming", context.today.year()));
  r.setDue(due);
  r.setDueExplanation(explanation);
  r.setDueExplanationKa(explanation_ka);
  r.setRelatedCase(command.getRelatedCase());
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  const KindRules& kind = RulesFor(state.kind);
  if (auto special = kind.decide_special(state, command, context)) return std::move(*special);
  const bool closed = state.stage >= Stage::kAnswered;
  if (auto correction = DecideCorrection(state, command, context)) return std::move(*correction);
  switch (command.which()) {
    case Which::ASSIGN_RESOLUTION:
      if (state.stage != Stage::kRegistered) return NotNow(state, command);
      return Resolve(state, command.getAssignResolution(), context);
    case Which::CONFIRM_RECEIPT:
      return ConfirmReceipt(state, command, context);
    case Which::REPORT_PART:
      return ReportPart(state, command, context);
    case Which::REDIRECT:
      // Before a resolution too: the addressee sends on what is not theirs.
      if (state.stage != Stage::kRegistered && state.stage != Stage::kResolved &&
          state.stage != Stage::kInExecution) {
        return NotNow(state, command);
      }
      return Redirect(state, command.getRedirect(), context);
    case Which::EXTEND_DEADLINE:
      if (Before(state, Stage::kRegistered) || closed || state.stage == Stage::kInfoRefused) {
        return NotNow(state, command);
      }
      return Extend(state, command.getExtendDeadline(), kind, context);
    case Which::DRAFT_ANSWER: {
      if (state.stage != Stage::kInExecution && state.stage != Stage::kAnswerDrafted) {
        return NotNow(state, command);
      }
      auto who = MustBe(context, state.lead_executor, "lead executor", "მთავარ შემსრულებელს");
      if (auto* refusal = std::get_if<Refusal>(&who)) return *refusal;
      if (command.getDraftAnswer().getText().size() == 0) {
        return Refuse("the answer has no text", "პასუხის ტექსტი ცარიელია");
      }
      auto draft = NewEvent(context, std::get<std::string>(who));
      auto r = draft.event().getPayload().initAnswerDrafted();
      r.setAuthor(state.lead_executor);
      r.setText(command.getDraftAnswer().getText());
      return Events(std::move(draft));
    }
    case Which::ENDORSE:
      // Endorsement (ვიზა) by the unit head and/or legal specialist.
      if (state.stage != Stage::kAnswerDrafted) return NotNow(state, command);
      return rules::Endorse(state, command.getEndorse(), context);
    case Which::SIGN: {
      // Signed by the addressee (or the post above that signs for it), or by whoever acts for
      // them that day; a decision is signed by who made it.
      const Stage ready = kind.decision_before_sign ? Stage::kDecided : Stage::kAnswerDrafted;
      if (state.stage != ready) return NotNow(state, command);
      const std::string signer =
          kind.decision_before_sign ? state.decided_by : Signatory(context, state.addressee);
      auto authority = Need(context, Power::kSign, signer);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      if (auto refusal = MissingVisa(state, context)) return *refusal;
      auto draft = NewEvent(context, std::get<std::string>(authority));
      draft.event().getPayload().initSigned().setBy(signer);
      return Events(std::move(draft));
    }
    case Which::DISPATCH: {
      // Registered in the outgoing journal (and the postal journal when sent by post).
      if (state.stage != Stage::kSigned) return NotNow(state, command);
      auto authority = Need(context, Power::kDispatch);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      const std::string channel = command.getDispatch().getChannel().cStr();
      if (auto problem = storage::NotAChoice(storage::FieldOf<schema::Dispatch>("channel"), channel,
                                             "channel")) {
        return Refuse(problem->en, problem->ka);
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initDispatched();
      r.setChannel(channel);
      r.setOutgoingNumber(context.next_number("outgoing", context.today.year()));
      if (channel == "post") r.setPostalNumber(context.next_number("postal", context.today.year()));
      return Events(std::move(draft));
    }
    case Which::FILE: {
      // Filed into a case of the year's nomenclature.
      if (state.stage != Stage::kAnswered && state.stage != Stage::kRedirectedOut &&
          state.stage != Stage::kNoted) {
        return NotNow(state, command);
      }
      auto authority = Need(context, Power::kFile);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      const std::string code = command.getFile().getNomenclatureCode().cStr();
      const int year =
          command.getFile().getYear() ? command.getFile().getYear() : context.today.year();
      const int registered = Date::Parse(state.registered_on).value_or(context.today).year();
      if (year < registered || year > context.today.year()) {
        return Refuse(
            "a document is filed in the nomenclature of a year from its registration "
            "to this year",
            "დოკუმენტი ფაილდება რეგისტრაციის წლიდან მიმდინარე წლამდე ნომენკლატურაში");
      }
      const FileStatus status =
          code.empty() ? FileStatus::kAbsent : context.in_nomenclature(year, code);
      if (status == FileStatus::kAbsent) {
        return Refuse(
            "there is no file '" + code + "' in the approved nomenclature of " +
                std::to_string(year),
            "საქმე '" + code + "' " + std::to_string(year) + " წლის ნომენკლატურაში არ არის");
      }
      // A file handed to the archive is closed: it accepts no new document (decree No 414).
      if (status == FileStatus::kArchived) {
        return Refuse("file '" + code + "' of " + std::to_string(year) +
                          " is in the archive and accepts no new document",
                      "საქმე '" + code + "' (" + std::to_string(year) +
                          ") არქივშია და ახალ დოკუმენტს აღარ იღებს");
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initFiled();
      r.setNomenclatureCode(code);
      r.setYear(static_cast<uint16_t>(year));
      return Events(std::move(draft));
    }
    default:
      return RefuseNow(CommandName(command) + " does not apply to a " + KindName(state.kind),
                       CommandLabelKa(command) + " ამ სახის საქმეზე არ გამოიყენება");
  }
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  if (EvolveCorrection(state, event)) return true;
  auto payload = event.getPayload();
  const std::string today = TbilisiDateOf(event.getOccurredAt());
  switch (payload.which()) {
    case P::INCOMING_REGISTERED: {
      auto r = payload.getIncomingRegistered();
      state.kind = FromSchema(r.getKind());
      state.stage = Stage::kRegistered;
      state.registration_number = r.getRegistrationNumber();
      state.received_on = r.getReceivedOn();
      state.registered_on = today;
      state.addressee = r.getAddressee();
      state.correspondent = r.getSender().getName();
      state.correspondent_kind = SenderKindName(r.getSender().getKind());
      state.channel = r.getChannel();
      state.pages = r.getPages();
      state.related_case = r.getRelatedCase();
      state.subject = r.getSubject();
      state.summary = r.getSummary();
      state.due = state.statutory_due = r.getDue();
      state.due_explanation = r.getDueExplanation();
      state.due_explanation_ka = r.getDueExplanationKa();
      return true;
    }
    case P::LETTER_DRAFTED: {
      auto r = payload.getLetterDrafted();
      state.kind = Kind::kOutgoingLetter;
      state.stage = Stage::kAnswerDrafted;
      // The author answers for the draft and its signatory is found from the author's post.
      state.addressee = state.lead_executor = r.getAuthor();
      state.registered_on = today;  // the first year it may be filed in
      state.correspondent = r.getRecipient().getName();
      state.related_case = r.getRelatedCase();
      state.subject = r.getSubject();
      state.answer = r.getText();
      return true;
    }
    case P::RESOLUTION_ASSIGNED: {
      auto r = payload.getResolutionAssigned();
      state.stage = Stage::kResolved;
      state.lead_executor = r.getLeadExecutor();
      state.co_executors.clear();
      for (auto post : r.getCoExecutors()) state.co_executors.emplace_back(post.cStr());
      state.instruction = r.getInstruction();
      state.due = r.getDue();
      state.due_explanation = r.getDueExplanation();
      state.due_explanation_ka = r.getDueExplanationKa();
      state.deadline_setter = ActedAs(event);
      state.on_control = r.getOnControl();
      return true;
    }
    case P::RECEIPT_CONFIRMED: {
      // Only the lead executor's receipt starts the execution; a co-executor's is recorded.
      const std::string executor = payload.getReceiptConfirmed().getExecutor();
      state.receipts.emplace_back(executor, today);
      if (state.stage == Stage::kResolved &&
          (executor == state.lead_executor || executor.empty())) {
        state.stage = Stage::kInExecution;
      }
      return true;
    }
    case P::PART_REPORTED: {
      auto r = payload.getPartReported();
      state.parts.push_back({r.getBy(), r.getText(), today});
      return true;
    }
    case P::REDIRECTED: {
      auto r = payload.getRedirected();
      if (r.getToExecutor().size() > 0 && state.stage == Stage::kRegistered) {
        state.addressee = r.getToExecutor();  // before a resolution: another head resolves it
      } else if (r.getToExecutor().size() > 0) {
        state.lead_executor = r.getToExecutor();
        std::erase(state.co_executors, state.lead_executor);
        state.stage = Stage::kResolved;
      } else {
        state.stage = Stage::kRedirectedOut;
        state.answered_on = today;
      }
      return true;
    }
    case P::DEADLINE_EXTENDED: {
      auto r = payload.getDeadlineExtended();
      state.due = r.getNewDue();
      state.due_explanation = "extended on " + today + " by " + ActedAs(event) + ": " +
                              std::string(r.getReason().cStr());
      state.due_explanation_ka = "ვადა გაგრძელდა " + today + " (" + ActedAs(event) +
                                 "): " + std::string(r.getReason().cStr());
      if (r.getStatutoryExtension()) {
        ++state.statutory_extensions;
        state.statutory_due = state.due;
      } else {
        state.deadline_setter = ActedAs(event);
      }
      return true;
    }
    case P::ANSWER_DRAFTED:
      state.stage = Stage::kAnswerDrafted;
      state.answer = payload.getAnswerDrafted().getText();
      state.endorsements.clear();  // a new draft needs new visas
      return true;
    case P::ENDORSED:
      state.endorsements.emplace_back(payload.getEndorsed().getBy().cStr());
      return true;
    case P::SIGNED:
      state.stage = Stage::kSigned;
      state.signed_by = payload.getSigned().getBy();
      return true;
    case P::DISPATCHED:
      state.stage = Stage::kAnswered;
      state.outgoing_number = payload.getDispatched().getOutgoingNumber();
      state.answered_on = today;
      return true;
    case P::FILED:
      state.stage = Stage::kFiled;
      state.filed_code = payload.getFiled().getNomenclatureCode();
      state.filed_year = payload.getFiled().getYear();
      return true;
    case P::INFORMATION_RELEASED:
      state.stage = Stage::kAnswered;
      state.outcome = payload.getInformationReleased().getScope() == schema::InformationScope::FULL
                          ? "released"
                          : "partly_released";
      state.answered_on = today;
      return true;
    case P::INFORMATION_REFUSED:
      state.stage = Stage::kInfoRefused;
      state.outcome = "refused";
      state.rights_due = payload.getInformationRefused().getExplainBy();
      return true;
    case P::RIGHTS_EXPLAINED:
      state.stage = Stage::kAnswered;
      state.answered_on = today;
      return true;
    case P::DECIDED:
      state.stage = Stage::kDecided;
      state.outcome = OutcomeName(payload.getDecided().getOutcome());
      state.decided_by = payload.getDecided().getBy();
      state.decision_text = payload.getDecided().getText();
      state.contested_act = payload.getDecided().getContestedAct();
      return true;
    default:
      return false;
  }
}

}  // namespace saqme::workflows::incoming
