// The shared flow of incoming documents. Legal sources: the unified records-management rules
// (Presidential decree No 414 of 1 July 1999, cited in the Lentekhi report) for registration,
// resolution, delivery and filing; docs/domain.md §3 summarises them.
#include <algorithm>

#include "workflows/channel_labels.h"
#include "workflows/incoming/incoming.h"
#include "workflows/rules.h"

namespace saqme::workflows::incoming {
namespace {

using namespace rules;
using Which = schema::Command::Which;

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

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
    due = date.ToString();
    explanation = "set in the resolution by " + context.actor_post + " on " +
                  context.today.ToString() + " (the statutory deadline is " + state.statutory_due +
                  ")";
    explanation_ka = "ვადა დადგენილია რეზოლუციით: " + context.actor_post + ", " +
                     context.today.ToString() + " (კანონით დადგენილი ვადაა " + state.statutory_due +
                     ")";
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
    const std::string limit_key = std::string(kind.deadline_key) + "-extension";
    const auto& limit = context.deadlines->Get(limit_key);
    const LegalSource limit_source = SourceOf(context, limit_key);
    auto statutory = DateField(state.statutory_due, "the statutory due date");
    if (auto* refusal = std::get_if<Refusal>(&statutory)) return *refusal;
    const Date ceiling =
        ComputeDeadline(std::get<Date>(statutory), limit.rule, *context.calendar).due;
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

}  // namespace

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
  if (command.getSender().getName().size() == 0 || command.getSubject().size() == 0 ||
      command.getChannel().size() == 0) {
    return Refuse("a registration needs the sender's name, the subject and the channel",
                  "რეგისტრაციისთვის საჭიროა გამგზავნის სახელი, საგანი და არხი");
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
    due = std::get<Date>(stated).ToString();
    explanation =
        "the deadline stated in the document (records rules: the final date is written "
        "in the document or in the resolution)";
    explanation_ka =
        "დოკუმენტში მითითებული ვადა (საქმისწარმოების წესები: საბოლოო თარიღი იწერება დოკუმენტში "
        "ან რეზოლუციაში)";
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
  switch (command.which()) {
    case Which::ASSIGN_RESOLUTION:
      if (state.stage != Stage::kRegistered) return NotNow(state, command);
      return Resolve(state, command.getAssignResolution(), context);
    case Which::CONFIRM_RECEIPT: {
      if (state.stage != Stage::kResolved) return NotNow(state, command);
      auto who = MustBe(context, state.lead_executor, "lead executor", "მთავარ შემსრულებელს");
      if (auto* refusal = std::get_if<Refusal>(&who)) return *refusal;
      auto draft = NewEvent(context, std::get<std::string>(who));
      draft.event().getPayload().initReceiptConfirmed().setExecutor(state.lead_executor);
      return Events(std::move(draft));
    }
    case Which::REDIRECT:
      if (state.stage != Stage::kResolved && state.stage != Stage::kInExecution) {
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
      static const char* kChannels[] = {"post", "email", "hand", "exchange", "website"};
      if (std::none_of(std::begin(kChannels), std::end(kChannels),
                       [&](const char* c) { return channel == c; })) {
        return Refuse("channel must be post, email, hand, exchange or website",
                      "გაგზავნის არხი უნდა იყოს: " + ChannelListKa(kChannels));
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
      if (state.stage != Stage::kAnswered && state.stage != Stage::kRedirectedOut) {
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
      if (code.empty() || !context.in_nomenclature(year, code)) {
        return Refuse(
            "there is no file '" + code + "' in the approved nomenclature of " +
                std::to_string(year),
            "საქმე '" + code + "' " + std::to_string(year) + " წლის ნომენკლატურაში არ არის");
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
    case P::RECEIPT_CONFIRMED:
      state.stage = Stage::kInExecution;
      return true;
    case P::REDIRECTED: {
      auto r = payload.getRedirected();
      if (r.getToExecutor().size() > 0) {
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
      return true;
    default:
      return false;
  }
}

}  // namespace saqme::workflows::incoming
