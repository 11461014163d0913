// A legal act — order (ბრძანება), ordinance (განკარგულება), resolution (დადგენილება) — from draft
// to force (docs/domain.md §5; Zugdidi statute arts. 39-40): drafted -> legal expertise ->
// endorsements -> adopted (orders signed by the issuer; council acts voted at a session) ->
// registered with its number in the acts journal of its type and year -> published -> in force:
// on notification for an individual act; on publication when it came from a public proceeding,
// concerns more than 50 persons, or is normative; or on the date the act sets (art. 39.4-5).
// A published act's text never changes: it is amended or repealed by another act.
// Validity (the General Administrative Code's rules on void acts — source missing: the domain
// texts this work follows name no article of the Code for them, so none is cited; an earlier
// "arts. 60¹-61" had no source and was dropped): an act published or in force may be
// declared void by its issuer or by the head of the body, who decides complaints against the
// acts of its officials (Zugdidi statute art. 40.2); a complaint's decision that annuls or
// amends an act is applied to it. Only an act in force is amended or repealed; a void or
// repealed act is closed.
#include "workflows/legal_act.h"

#include <optional>

#include "model/field_rules.h"
#include "workflows/journal_numbering.h"
#include "workflows/rules.h"

namespace saqme::workflows::legal_act {
namespace {

using namespace rules;
using Which = schema::Command::Which;

const char* TypeName(schema::ActType type) {
  switch (type) {
    case schema::ActType::ORDINANCE:
      return "ordinance";
    case schema::ActType::RESOLUTION:
      return "resolution";
    default:
      return "order";
  }
}

bool IsCouncilAct(const std::string& type) { return type != "order"; }

// A ground of entry into force in both languages, with the article of the body's own statute
// when its org file cites one for `key` (the Zugdidi statute art. 39.4-5; org-format.md).
LegalSource Ground(const Context& context, const char* key, std::string en, std::string ka) {
  if (const LegalSource* own = context.org->legal_sources().Find(key)) {
    en += " (" + own->en + ")";
    ka += " (" + own->ka + ")";
  }
  return LegalSource{std::move(en), std::move(ka)};
}

// Why `state` (a legal act) takes no `command` (amend, repeal, declare_void; nullopt: a complaint
// decision) today, in both languages: the state, and what it means; nullopt when it is in force
// (or, with `published_ok`, published).
std::optional<Refusal> NotInForce(const CaseState& state, const Context& context, bool published_ok,
                                  std::optional<schema::Command::Reader> command = std::nullopt) {
  std::string en, ka;
  switch (state.stage) {
    case Stage::kInForce:
      return std::nullopt;
    case Stage::kPublished:
      if (published_ok) return std::nullopt;
      if (!state.in_force_on.empty() && state.in_force_on <= context.today.ToString()) {
        return std::nullopt;  // its own date of entry into force has come
      }
      en = state.in_force_on.empty()
               ? "it is not yet in force (its addressee is not yet notified)"
               : "it is not yet in force (it enters into force on " + state.in_force_on + ")";
      ka = "აქტი ჯერ ძალაში არ შესულა";
      break;
    case Stage::kDeclaredVoid:
      en = "it was declared void on " + state.void_on + ": " + state.void_reason;
      ka = "აქტი ბათილად იქნა ცნობილი " + state.void_on + ": " + state.void_reason;
      break;
    case Stage::kRepealed:
      en = "it was repealed by " + state.repealed_by;
      ka = "აქტი ძალადაკარგულია (გააუქმა " + state.repealed_by + ")";
      break;
    default:
      // A draft, adopted or registered act has no legal force yet: its text changes as a draft.
      en = "it is not in force (a draft is changed as a draft, not amended)";
      ka = "აქტი ძალაში არ არის";
      break;
  }
  if (!command) {
    return RefuseNow("the act is '" + std::string(StageName(state.stage)) + "': " + en,
                     std::string("აქტი არის სტადიაზე „") + StageNameKa(state.stage) + "“: " + ka);
  }
  Refusal refusal = NotNow(state, *command);
  refusal.message_en += ": " + en;
  refusal.message_ka += ": " + ka;
  return refusal;
}

// declare_void: the issuer (or whoever acts for them), or the head of the body, who decides
// complaints against its officials' acts (Zugdidi statute art. 40.2; the GAC's article on who
// declares an act void: source missing, see the file's head).
std::variant<std::string, Refusal> VoidAuthority(const CaseState& state, const Context& context) {
  auto issuer = MustBe(context, state.issuer, "issuer", "აქტის გამომცემს");
  if (std::holds_alternative<std::string>(issuer)) return issuer;
  auto head = Need(context, Power::kDecideComplaints, context.org->head_post());
  if (std::holds_alternative<std::string>(head)) return head;
  return Refusal{"only the act's issuer (" + state.issuer + ") or the head of the body (" +
                     context.org->head_post() + "), or whoever acts for them, may declare it void",
                 "აქტს ბათილად ცნობს მხოლოდ მისი გამომცემი (" + state.issuer +
                     ") ან ორგანოს ხელმძღვანელი (" + context.org->head_post() +
                     "), ან მათი მოვალეობის შემსრულებელი",
                 "execute"};
}

}  // namespace

std::optional<Refusal> ContestableByComplaint(const ActFacts& act, const std::string& act_id,
                                              schema::Outcome outcome, const Context& context) {
  // Zugdidi statute art. 40: the head's own acts are contested in court, not before the head.
  if (act.issuer == context.org->head_post()) {
    return Refuse("contested_act: " + act_id + " is an act of the head of the body (" + act.issuer +
                      "); it is contested in court, not by an administrative complaint "
                      "(Zugdidi statute art. 40); redirect the complaint to the court with "
                      "that explanation",
                  "contested_act: " + act_id + " ორგანოს ხელმძღვანელის (" + act.issuer +
                      ") აქტია და საჩივრდება სასამართლოში და არა ადმინისტრაციული საჩივრით "
                      "(ზუგდიდის დებულება, მუხლი 40); გადაამისამართეთ საჩივარი სასამართლოში");
  }
  if (act.act_type != "order") {
    // Art. 40.2 is about officials' acts; council acts are not decided by the head.
    return Refuse("contested_act: " + act_id + " is a council act (" + act.act_type +
                      "), not an official's order; it is contested in court",
                  "contested_act: " + act_id +
                      " საკრებულოს აქტია და არა თანამდებობის პირის ბრძანება; საჩივრდება "
                      "სასამართლოში");
  }
  const bool changes = outcome == schema::Outcome::ANNULLED || outcome == schema::Outcome::AMENDED;
  if (changes && act.state != StageName(Stage::kInForce) &&
      act.state != StageName(Stage::kPublished)) {
    return Refuse("contested_act: the act " + act_id + " is '" + act.state +
                      "': only a published act or one in force is annulled or amended",
                  "contested_act: აქტი " + act_id +
                      " არ არის გამოქვეყნებული ან ძალაში შესული და ვერ გაუქმდება ან შეიცვლება");
  }
  return std::nullopt;
}

Decision ApplyComplaintDecision(const CaseState& act, const CaseState& complaint,
                                const Context& context) {
  if (act.kind != Kind::kLegalAct) {
    return Refuse("the contested case is not a legal act", "გასაჩივრებული საქმე აქტი არ არის");
  }
  if (auto refusal = NotInForce(act, context, /*published_ok=*/true)) return *refusal;
  auto draft = NewEvent(context, "");
  auto r = draft.event().getPayload().initComplaintDecisionApplied();
  r.setComplaint(complaint.case_id);
  r.setComplaintNumber(complaint.registration_number);
  r.setOutcome(complaint.outcome == "amended" ? schema::Outcome::AMENDED
                                              : schema::Outcome::ANNULLED);
  r.setText(complaint.decision_text);
  r.setBy(complaint.decided_by);
  r.setDecidedOn(context.today.ToString());
  return Events(std::move(draft));
}

Decision Draft(schema::DraftAct::Reader command, const Context& context) {
  // Drafted by a service or the legal specialist; any post may draft what it is assigned.
  if (auto refusal = KnownPost(context, command.getIssuer().cStr(), "issuer")) return *refusal;
  const std::string type = TypeName(command.getActType());
  const Power needed = IsCouncilAct(type) ? Power::kAdoptActs : Power::kIssueOrders;
  if (!context.org->FindPost(command.getIssuer().cStr())->powers.count(needed)) {
    return Refuse("the issuer " + std::string(command.getIssuer().cStr()) + " cannot issue an " +
                      type + " (needs the power '" + PowerName(needed) + "')",
                  "გამომცემს არ აქვს უფლებამოსილება: " + std::string(PowerNameKa(needed)));
  }
  if (command.getTitle().size() == 0 || command.getText().size() == 0) {
    return Refuse("an act needs a title and a text", "აქტს სჭირდება სათაური და ტექსტი");
  }
  if (command.getInForceOn().size() > 0) {
    auto date = DateField(command.getInForceOn().cStr(), "in_force_on");
    if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
  }
  auto draft = NewEvent(context, "");
  auto r = draft.event().getPayload().initActDrafted();
  r.setActType(command.getActType());
  r.setIssuer(command.getIssuer());
  r.setTitle(command.getTitle());
  r.setText(command.getText());
  r.setConcernsMoreThan50(command.getConcernsMoreThan50());
  r.setPublicProceeding(command.getPublicProceeding());
  r.setInForceOn(command.getInForceOn());
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  switch (command.which()) {
    case Which::GIVE_EXPERTISE: {
      if (state.stage != Stage::kDrafted) return NotNow(state, command);
      auto authority = Need(context, Power::kLegalExpertise);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      if (command.getGiveExpertise().getText().size() == 0) {
        return Refuse("the expertise has no opinion", "ექსპერტიზის დასკვნა ცარიელია");
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initExpertiseGiven();
      const std::string& acting_for = std::get<std::string>(authority);
      r.setBy(ActsAs(context, acting_for));
      r.setOpinion(command.getGiveExpertise().getText());
      return Events(std::move(draft));
    }
    case Which::ENDORSE:
      if (state.stage != Stage::kDrafted) return NotNow(state, command);
      return rules::Endorse(state, command.getEndorse(), context);
    case Which::ADOPT: {
      if (state.stage != Stage::kDrafted) return NotNow(state, command);
      if (state.expertise_count == 0) {
        return RefuseNow("a draft is adopted only after legal expertise",
                         "აქტის მიღება შესაძლებელია მხოლოდ სამართლებრივი ექსპერტიზის შემდეგ");
      }
      const bool council = IsCouncilAct(state.act_type);
      auto authority =
          Need(context, council ? Power::kAdoptActs : Power::kIssueOrders, state.issuer);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      auto adopt = command.getAdopt();
      if (council) {
        // Council acts: considered at a session, the vote recorded.
        auto session = DateField(adopt.getSessionDate().cStr(), "session_date");
        if (auto* refusal = std::get_if<Refusal>(&session)) return *refusal;
        if (context.today < std::get<Date>(session)) {
          return Refuse("the session date is in the future", "სხდომის თარიღი მომავალშია");
        }
        if (adopt.getVotesFor() <= adopt.getVotesAgainst()) {
          return Refuse("the vote did not carry (" + std::to_string(adopt.getVotesFor()) +
                            " for, " + std::to_string(adopt.getVotesAgainst()) + " against)",
                        "კენჭისყრით აქტი არ იქნა მიღებული");
        }
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initActAdopted();
      r.setBy(state.issuer);
      if (council) {
        r.setSessionDate(adopt.getSessionDate());
        r.setVotesFor(adopt.getVotesFor());
        r.setVotesAgainst(adopt.getVotesAgainst());
        r.setAbstained(adopt.getAbstained());
      }
      return Events(std::move(draft));
    }
    case Which::REGISTER_ACT: {
      if (state.stage != Stage::kAdopted) return NotNow(state, command);
      auto authority = Need(context, Power::kRegister);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initActRegistered();
      r.setNumber(context.next_number(journals::ActsJournal(state.act_type), context.today.year()));
      r.setYear(static_cast<uint16_t>(context.today.year()));
      return Events(std::move(draft));
    }
    case Which::PUBLISH: {
      if (state.stage != Stage::kActRegistered) return NotNow(state, command);
      auto authority = Need(context, Power::kPublish);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      const std::string channel = command.getPublish().getChannel().cStr();
      if (auto problem = storage::NotAChoice(storage::FieldOf<schema::Publish>("channel"), channel,
                                             "channel")) {
        return Refuse(problem->en, problem->ka);
      }
      // Normative acts are published in the Legislative Herald (საკანონმდებლო მაცნე).
      if (state.act_type == "resolution" && channel != "legislative_herald") {
        return Refuse("a normative act (resolution) is published in the Legislative Herald",
                      "ნორმატიული აქტი ქვეყნდება საკანონმდებლო მაცნეში");
      }
      auto on = DateField(command.getPublish().getPublishedOn().cStr(), "published_on");
      if (auto* refusal = std::get_if<Refusal>(&on)) return *refusal;
      if (context.today < std::get<Date>(on)) {
        return Refuse("published_on is in the future", "გამოქვეყნების თარიღი მომავალშია");
      }
      if (!state.in_force_on_set.empty() && state.in_force_on_set < std::get<Date>(on).ToString()) {
        return Refuse("the act sets its entry into force (" + state.in_force_on_set +
                          ") before its publication",
                      "აქტის ძალაში შესვლის თარიღი გამოქვეყნებამდეა");
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initActPublished();
      r.setChannel(channel);
      r.setPublishedOn(std::get<Date>(on).ToString());
      std::optional<LegalSource> ground;
      if (!state.in_force_on_set.empty()) {
        r.setInForceOn(state.in_force_on_set);
        ground = Ground(context, "act-in-force-date", "the date the act sets",
                        "აქტით განსაზღვრული თარიღი");
      } else if (state.act_type == "resolution") {
        r.setInForceOn(std::get<Date>(on).ToString());
        ground = Ground(context, "act-in-force-normative",
                        "a normative act enters into force on publication",
                        "ნორმატიული აქტი ძალაში შედის გამოქვეყნებისთანავე");
      } else if (state.public_proceeding || state.concerns_more_than_50) {
        r.setInForceOn(std::get<Date>(on).ToString());
        ground = Ground(context, "act-in-force-publication",
                        "on publication: it came from a public proceeding or concerns more than "
                        "50 persons",
                        "გამოქვეყნებისთანავე: აქტი მიღებულია საჯარო წარმოებით ან ეხება 50-ზე მეტ "
                        "პირს");
      }
      if (ground) {
        r.setInForceGround(ground->en);
        r.setInForceGroundKa(ground->ka);
      }
      return Events(std::move(draft));
    }
    case Which::NOTIFY: {
      // An individual act enters into force when its addressee is notified (art. 39.4).
      if (state.stage != Stage::kPublished && state.stage != Stage::kInForce) {
        return NotNow(state, command);
      }
      auto authority = Need(context, Power::kDispatch);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      auto on = DateField(command.getNotify().getNotifiedOn().cStr(), "notified_on");
      if (auto* refusal = std::get_if<Refusal>(&on)) return *refusal;
      if (context.today < std::get<Date>(on) ||
          std::get<Date>(on).ToString() < state.published_on) {
        return Refuse("notified_on must be between the publication and today",
                      "ჩაბარების თარიღი უნდა იყოს გამოქვეყნებასა და დღევანდელ დღეს შორის");
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto r = draft.event().getPayload().initAddresseeNotified();
      r.setNotifiedOn(std::get<Date>(on).ToString());
      if (state.in_force_on.empty()) {
        r.setInForceOn(std::get<Date>(on).ToString());
        const LegalSource ground =
            Ground(context, "act-in-force-notification",
                   "an individual act enters into force on notification",
                   "ინდივიდუალური აქტი ძალაში შედის ადრესატისთვის გაცნობისთანავე");
        r.setInForceGround(ground.en);
        r.setInForceGroundKa(ground.ka);
      }
      return Events(std::move(draft));
    }
    case Which::AMEND:
    case Which::REPEAL: {
      // Only an act in force is amended or repealed (docs/workflows.md, "Legal acts").
      if (auto refusal = NotInForce(state, context, /*published_ok=*/false, command)) {
        return *refusal;
      }
      auto authority = Need(context, Power::kRegister);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      auto change = command.which() == Which::AMEND ? command.getAmend() : command.getRepeal();
      if (change.getByAct().size() == 0 || change.getByAct() == state.case_id.c_str()) {
        return Refuse("name the other act (by_act) that amends or repeals this one",
                      "მიუთითეთ აქტი, რომელიც ცვლის ან აუქმებს ამ აქტს");
      }
      // An act is amended or repealed only by another act that has legal force itself: an
      // existing act of the body, in force today (docs/workflows.md, "Legal acts").
      const std::string by = change.getByAct().cStr();
      const auto facts = context.legal_act ? context.legal_act(by) : std::nullopt;
      if (!facts) {
        return Refuse("by_act: there is no legal act '" + by + "'",
                      "by_act: სამართლებრივი აქტი '" + by + "' არ არსებობს");
      }
      const bool in_force =
          facts->state == StageName(Stage::kInForce) ||
          (facts->state == StageName(Stage::kPublished) && !facts->in_force_on.empty() &&
           facts->in_force_on <= context.today.ToString());
      if (!in_force) {
        return Refuse(
            "by_act: the act " + by + " is not in force, so it cannot amend or repeal",
            "by_act: აქტი " + by + " ძალაში არ არის და ვერ შეცვლის ან გააუქმებს სხვა აქტს");
      }
      if (change.getByActNumber().size() > 0 && change.getByActNumber() != facts->number.c_str()) {
        return Refuse("by_act_number: the act " + by + " is registered as number " + facts->number,
                      "by_act_number: აქტი " + by + " რეგისტრირებულია ნომრით " + facts->number);
      }
      auto draft = NewEvent(context, std::get<std::string>(authority));
      auto payload = draft.event().getPayload();
      auto r =
          command.which() == Which::AMEND ? payload.initActAmended() : payload.initActRepealed();
      r.setByAct(change.getByAct());
      r.setByActNumber(facts->number);  // as registered: the same as given, when given
      r.setEffectiveOn(change.getEffectiveOn());
      return Events(std::move(draft));
    }
    case Which::DECLARE_VOID: {
      // A published act or one in force; a void or repealed act is closed.
      if (auto refusal = NotInForce(state, context, /*published_ok=*/true, command)) {
        return *refusal;
      }
      auto authority = VoidAuthority(state, context);
      if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
      const std::string reason = command.getDeclareVoid().getReason().cStr();
      if (storage::IsBlank(reason)) {
        return Refuse("declare_void needs the reason the act is void",
                      "მიუთითეთ აქტის ბათილად ცნობის საფუძველი");
      }
      const std::string& acting_for = std::get<std::string>(authority);
      auto draft = NewEvent(context, acting_for);
      auto r = draft.event().getPayload().initActDeclaredVoid();
      r.setReason(reason);
      r.setBy(ActsAs(context, acting_for));
      r.setVoidOn(context.today.ToString());
      return Events(std::move(draft));
    }
    default:
      return RefuseNow(CommandName(command) + " does not apply to a legal act",
                       CommandLabelKa(command) + " სამართლებრივ აქტზე არ გამოიყენება");
  }
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::ACT_DRAFTED: {
      auto r = payload.getActDrafted();
      state.kind = Kind::kLegalAct;
      state.stage = Stage::kDrafted;
      state.act_type = TypeName(r.getActType());
      state.issuer = r.getIssuer();
      state.title = r.getTitle();
      state.text = r.getText();
      state.concerns_more_than_50 = r.getConcernsMoreThan50();
      state.public_proceeding = r.getPublicProceeding();
      state.in_force_on_set = r.getInForceOn();
      return true;
    }
    case P::EXPERTISE_GIVEN:
      ++state.expertise_count;
      return true;
    case P::ACT_ADOPTED:
      state.stage = Stage::kAdopted;
      return true;
    case P::ACT_REGISTERED:
      state.stage = Stage::kActRegistered;
      state.act_number = payload.getActRegistered().getNumber();
      state.act_year = payload.getActRegistered().getYear();
      return true;
    case P::ACT_PUBLISHED: {
      auto r = payload.getActPublished();
      state.published_on = r.getPublishedOn();
      state.in_force_on = r.getInForceOn();
      state.in_force_ground = r.getInForceGround();
      state.in_force_ground_ka = r.getInForceGroundKa();
      // In force from publication; an act with a later date of its own stays published (with
      // its in_force_on) until then: whether that day has come is the reader's today, not
      // the log's.
      state.stage = !state.in_force_on.empty() && state.in_force_on <= state.published_on
                        ? Stage::kInForce
                        : Stage::kPublished;
      return true;
    }
    case P::ADDRESSEE_NOTIFIED: {
      auto r = payload.getAddresseeNotified();
      state.notified_on = r.getNotifiedOn();
      if (r.getInForceOn().size() > 0) {
        state.in_force_on = r.getInForceOn();
        state.in_force_ground = r.getInForceGround();
        state.in_force_ground_ka = r.getInForceGroundKa();
      }
      if (state.in_force_on <= state.notified_on) state.stage = Stage::kInForce;
      return true;
    }
    case P::ACT_AMENDED:
      state.amended_by.emplace_back(payload.getActAmended().getByAct().cStr());
      return true;
    case P::ACT_REPEALED:
      state.stage = Stage::kRepealed;
      state.repealed_by = payload.getActRepealed().getByAct();
      return true;
    case P::ACT_DECLARED_VOID: {
      auto r = payload.getActDeclaredVoid();
      state.stage = Stage::kDeclaredVoid;
      state.void_on = r.getVoidOn();
      state.void_reason = r.getReason();
      state.voided_by = r.getBy();
      return true;
    }
    case P::COMPLAINT_DECISION_APPLIED: {
      auto r = payload.getComplaintDecisionApplied();
      if (r.getOutcome() == schema::Outcome::AMENDED) {
        state.amended_by.emplace_back(r.getComplaint().cStr());
        return true;
      }
      state.stage = Stage::kDeclaredVoid;  // annulled (ბათილად ცნობა) on the complaint
      state.void_on = r.getDecidedOn();
      state.void_reason = r.getText();
      state.voided_by = r.getBy();
      state.annulled_on_complaint = r.getComplaint();
      return true;
    }
    default:
      return false;
  }
}

}  // namespace saqme::workflows::legal_act
