// The "Idea to the Mayor" e-petition (იდეა მერს, Zugdidi statute art. 38.14-19): a citizen's idea,
// registered by the records office, is screened within 10 calendar days by the Administrative
// Service's authorised person (here the post with `register`: the records office of that
// service) -> accepted to the public vote, returned for defects (fixable within 15 calendar
// days, else it does not go to the vote) or inadmissible (art. 38.19) -> a vote of 60 calendar
// days that needs 1000 votes -> the mayor decides within 10 working days to continue or to
// refuse -> the feasibility is considered within 60 calendar days and the results recorded
// (told to the author and published). Every period is a deadline of the deadline table.
#include "workflows/petition.h"

#include "model/field_rules.h"
#include "workflows/deadline_closing.h"
#include "workflows/rules.h"

namespace saqme::workflows::petition {
namespace {

using namespace rules;
using Which = schema::Command::Which;

// The post whose `register` authority the actor uses (its own or the one it acts for).
std::variant<std::string, Refusal> RecordsOffice(const Context& context) {
  return Need(context, Power::kRegister);
}

std::optional<Refusal> NeedText(capnp::Text::Reader text, const char* en, const char* ka) {
  if (!storage::IsBlank(text.cStr())) return std::nullopt;
  return Refuse(en, ka);
}

// Art. 38.18: the screening's outcome.
Decision Screen(schema::ScreenPetition::Reader command, const Context& context) {
  auto office = RecordsOffice(context);
  if (auto* refusal = std::get_if<Refusal>(&office)) return *refusal;
  const std::string outcome = command.getOutcome().cStr();
  if (auto refusal = OffTheList<schema::ScreenPetition>("outcome", outcome)) return *refusal;
  if (outcome != "accepted") {
    if (auto refusal = NeedText(command.getReason(),
                                "defects and an inadmissible idea need the reason (art. 38.19)",
                                "ხარვეზს და დაუშვებლობას სჭირდება დასაბუთება")) {
      return *refusal;
    }
  }
  auto draft = NewEvent(context, std::get<std::string>(office));
  auto r = draft.event().getPayload().initPetitionScreened();
  r.setOutcome(outcome);
  r.setText(command.getReason());
  r.setBy(ActsAs(context, std::get<std::string>(office)));
  if (outcome == "accepted") {
    SetDeadline(r, StatutoryDeadline(context, "petition-vote", context.today));
  } else if (outcome == "defects") {
    SetDeadline(r, StatutoryDeadline(context, "petition-fix", context.today));
  }
  return Events(std::move(draft));
}

// Whether the period that ends on `due` is over on `today` (its last day counts in full).
bool Over(const CaseState& state, const Context& context) {
  return PeriodOver(context.today.ToString(), state.due);
}

Decision Fix(const CaseState& state, schema::TextOnly::Reader command, const Context& context) {
  // Art. 38.18: the defects may be fixed within 15 calendar days; after that the idea does not
  // go to the vote.
  if (Over(state, context)) {
    return RefuseNow(
        "fix_petition is not possible while the petition is 'defective' and its 15 "
        "days to fix ended on " +
            state.due + "; close it with close_petition",
        "ხარვეზის გამოსწორების 15-დღიანი ვადა ამოიწურა " + state.due +
            "-ს; იდეა ხმის მიცემის ეტაპზე ვერ გადავა");
  }
  auto office = RecordsOffice(context);
  if (auto* refusal = std::get_if<Refusal>(&office)) return *refusal;
  if (auto refusal = NeedText(command.getText(), "fix_petition needs the corrected text",
                              "გასწორებული ტექსტი ცარიელია")) {
    return *refusal;
  }
  auto draft = NewEvent(context, std::get<std::string>(office));
  auto r = draft.event().getPayload().initPetitionFixed();
  r.setText(command.getText());
  r.setBy(ActsAs(context, std::get<std::string>(office)));
  // The fixed idea is screened anew, within 10 calendar days of the fix.
  SetDeadline(r, StatutoryDeadline(context, "petition-screening", context.today));
  return Events(std::move(draft));
}

Decision Close(const CaseState& state, schema::TextOnly::Reader command, const Context& context) {
  // The state's reason (the days still run) before the authority (refusal.h).
  if (!Over(state, context)) {
    return RefuseNow(
        "close_petition is not possible while the author may still fix the defects "
        "(until " +
            state.due + ")",
        "იდეის დახურვა ჯერ დაუშვებელია: ავტორს ხარვეზის გამოსწორება შეუძლია " + state.due + "-მდე");
  }
  auto office = RecordsOffice(context);
  if (auto* refusal = std::get_if<Refusal>(&office)) return *refusal;
  auto draft = NewEvent(context, std::get<std::string>(office));
  auto r = draft.event().getPayload().initPetitionClosed();
  r.setOutcome("unfixed");
  r.setText(command.getText());
  r.setBy(ActsAs(context, std::get<std::string>(office)));
  return Events(std::move(draft));
}

// Art. 38.18: the vote of 60 calendar days needs 1000 votes; the count is recorded when the
// vote has ended, or earlier once the votes needed are collected.
Decision RecordVotes(const CaseState& state, schema::RecordVotes::Reader command,
                     const Context& context) {
  auto office = RecordsOffice(context);
  if (auto* refusal = std::get_if<Refusal>(&office)) return *refusal;
  const uint32_t votes = command.getVotes();
  if (votes < kVotesNeeded && !Over(state, context)) {
    return Refuse("the vote runs until " + state.due + "; before then only " +
                      std::to_string(kVotesNeeded) + " votes or more may be recorded",
                  "ხმის მიცემა გრძელდება " + state.due + "-მდე; მანამდე აღირიცხება მხოლოდ " +
                      std::to_string(kVotesNeeded) + " ან მეტი ხმა");
  }
  auto draft = NewEvent(context, std::get<std::string>(office));
  auto r = draft.event().getPayload().initVotesRecorded();
  r.setVotes(votes);
  r.setBy(context.org->head_post());  // the mayor decides next
  if (votes >= kVotesNeeded) {
    r.setOutcome("supported");
    SetDeadline(r, StatutoryDeadline(context, "petition-decision", context.today));
  } else {
    r.setOutcome("not_supported");
  }
  return Events(std::move(draft));
}

// The mayor who decides on the idea (set when the votes were recorded), or whoever acts for them.
std::variant<std::string, Refusal> Mayor(const CaseState& state, const Context& context) {
  return MustBe(context, state.issuer, "mayor (the head of the body)",
                "მერს (ორგანოს ხელმძღვანელს)");
}

Decision MayorDecides(const CaseState& state, schema::DecidePetition::Reader command,
                      const Context& context) {
  auto mayor = Mayor(state, context);
  if (auto* refusal = std::get_if<Refusal>(&mayor)) return *refusal;
  const std::string outcome = command.getOutcome().cStr();
  if (auto refusal = OffTheList<schema::DecidePetition>("outcome", outcome)) return *refusal;
  if (auto refusal = NeedText(command.getText(), "the decision needs its reason",
                              "გადაწყვეტილებას სჭირდება დასაბუთება")) {
    return *refusal;
  }
  auto draft = NewEvent(context, std::get<std::string>(mayor));
  auto r = draft.event().getPayload().initPetitionDecided();
  r.setOutcome(outcome);
  r.setText(command.getText());
  r.setBy(state.issuer);
  if (outcome == "continue") {
    SetDeadline(r, StatutoryDeadline(context, "petition-feasibility", context.today));
  }
  return Events(std::move(draft));
}

Decision Feasibility(const CaseState& state, schema::TextOnly::Reader command,
                     const Context& context) {
  auto mayor = Mayor(state, context);
  if (auto* refusal = std::get_if<Refusal>(&mayor)) return *refusal;
  if (auto refusal = NeedText(command.getText(), "record_feasibility needs the study's results",
                              "განხილვის შედეგები ცარიელია")) {
    return *refusal;
  }
  auto draft = NewEvent(context, std::get<std::string>(mayor));
  auto r = draft.event().getPayload().initFeasibilityRecorded();
  r.setText(command.getText());
  r.setBy(state.issuer);
  return Events(std::move(draft));
}

// The one stage each petition command is given in.
std::optional<Stage> StageOf(Which which) {
  switch (which) {
    case Which::SCREEN_PETITION:
      return Stage::kScreening;
    case Which::FIX_PETITION:
    case Which::CLOSE_PETITION:
      return Stage::kDefective;
    case Which::RECORD_VOTES:
      return Stage::kVoting;
    case Which::DECIDE_PETITION:
      return Stage::kAwaitingDecision;
    case Which::RECORD_FEASIBILITY:
      return Stage::kFeasibility;
    default:
      return std::nullopt;
  }
}

}  // namespace

Decision Submit(schema::SubmitPetition::Reader command, const Context& context) {
  auto office = RecordsOffice(context);
  if (auto* refusal = std::get_if<Refusal>(&office)) return *refusal;
  // Art. 38.14-17: the idea of a citizen registered in the municipality, with its title and
  // description.
  auto author = command.getAuthor();
  if (storage::IsBlank(author.getName().cStr())) {
    return Refuse("the petition needs its author", "პეტიციას სჭირდება ავტორი");
  }
  if (author.getKind() != schema::SenderKind::CITIZEN) {
    return Refuse("an idea is submitted by a citizen registered in the municipality (art. 38.14)",
                  "იდეას წარადგენს მუნიციპალიტეტში რეგისტრირებული მოქალაქე");
  }
  if (storage::IsBlank(command.getTitle().cStr()) || storage::IsBlank(command.getText().cStr())) {
    return Refuse("an idea needs a title and a description",
                  "იდეას სჭირდება სახელწოდება და აღწერა");
  }
  Date submitted = context.today;
  if (command.getSubmittedOn().size() > 0) {
    auto date = DateField(command.getSubmittedOn().cStr(), "submitted_on");
    if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
    submitted = std::get<Date>(date);
    if (context.today < submitted) {
      return Refuse("submitted_on is in the future", "წარდგენის თარიღი მომავალშია");
    }
  }
  auto draft = NewEvent(context, std::get<std::string>(office));
  auto r = draft.event().getPayload().initPetitionSubmitted();
  r.setAuthor(author);
  r.setTitle(command.getTitle());
  r.setText(command.getText());
  r.setSubmittedOn(submitted.ToString());
  r.setOffice(ActsAs(context, std::get<std::string>(office)));
  SetDeadline(r, StatutoryDeadline(context, "petition-screening", submitted));
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  const Which which = command.which();
  const auto stage = StageOf(which);
  if (!stage) {
    return RefuseNow(CommandName(command) + " does not apply to an e-petition",
                     CommandLabelKa(command) + " ელექტრონულ პეტიციაზე არ გამოიყენება");
  }
  if (state.stage != *stage) return NotNow(state, command);
  switch (which) {
    case Which::SCREEN_PETITION:
      return Screen(command.getScreenPetition(), context);
    case Which::FIX_PETITION:
      return Fix(state, command.getFixPetition(), context);
    case Which::CLOSE_PETITION:
      return Close(state, command.getClosePetition(), context);
    case Which::RECORD_VOTES:
      return RecordVotes(state, command.getRecordVotes(), context);
    case Which::DECIDE_PETITION:
      return MayorDecides(state, command.getDecidePetition(), context);
    default:
      return Feasibility(state, command.getRecordFeasibility(), context);
  }
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::PETITION_SUBMITTED: {
      auto r = payload.getPetitionSubmitted();
      state.kind = Kind::kPetition;
      state.stage = Stage::kScreening;
      state.correspondent = r.getAuthor().getName();
      state.correspondent_kind = SenderKindName(r.getAuthor().getKind());
      state.title = r.getTitle();
      state.text = r.getText();
      state.submitted_on = r.getSubmittedOn();
      state.petition_office = r.getOffice();
      TakeDeadline(state, r);
      return true;
    }
    case P::PETITION_SCREENED: {
      auto r = payload.getPetitionScreened();
      state.screening_outcome = r.getOutcome();
      state.petition_reason = r.getText();
      state.stage = state.screening_outcome == "accepted"  ? Stage::kVoting
                    : state.screening_outcome == "defects" ? Stage::kDefective
                                                           : Stage::kPetitionRejected;
      if (state.stage == Stage::kVoting) state.vote_ends = r.getDue();
      TakeDeadline(state, r);
      return true;
    }
    case P::PETITION_FIXED: {
      auto r = payload.getPetitionFixed();
      state.text = r.getText();
      state.stage = Stage::kScreening;
      TakeDeadline(state, r);
      return true;
    }
    case P::PETITION_CLOSED:
      state.stage = Stage::kUnfixed;
      state.petition_reason = payload.getPetitionClosed().getText();
      state.due.clear();
      return true;
    case P::VOTES_RECORDED: {
      auto r = payload.getVotesRecorded();
      state.votes = r.getVotes();
      state.vote_recorded = true;
      state.issuer = r.getBy();
      state.stage = r.getOutcome() == "supported" ? Stage::kAwaitingDecision : Stage::kNotSupported;
      TakeDeadline(state, r);
      return true;
    }
    case P::PETITION_DECIDED: {
      auto r = payload.getPetitionDecided();
      state.outcome = r.getOutcome();
      state.decided_by = r.getBy();
      state.petition_reason = r.getText();
      state.stage = state.outcome == "continue" ? Stage::kFeasibility : Stage::kPetitionRefused;
      TakeDeadline(state, r);
      return true;
    }
    case P::FEASIBILITY_RECORDED:
      state.feasibility = payload.getFeasibilityRecorded().getText();
      state.stage = Stage::kConcluded;
      state.due.clear();
      return true;
    default:
      return false;
  }
}

}  // namespace saqme::workflows::petition
