// A legal act — order (ბრძანება), ordinance (განკარგულება), resolution (დადგენილება) — from draft
// to force (docs/domain.md §5; Zugdidi statute arts. 39-40): drafted -> legal expertise ->
// endorsements -> adopted (orders signed by the issuer; council acts voted at a session) ->
// registered with its number in the acts journal of its type and year -> published -> in force:
// on notification for an individual act; on publication when it came from a public proceeding,
// concerns more than 50 persons, or is normative; or on the date the act sets (art. 39.4-5).
// A published act's text never changes: it is amended or repealed by another act.
#include "workflows/legal_act.h"

#include <optional>

#include "storage/field_rules.h"
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

}  // namespace

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
      r.setBy(acting_for.empty() ? context.actor_post : acting_for);
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
      r.setNumber(context.next_number("acts-" + state.act_type, context.today.year()));
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
      if (state.stage != Stage::kPublished && state.stage != Stage::kInForce) {
        return NotNow(state, command);
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
    default:
      return false;
  }
}

}  // namespace saqme::workflows::legal_act
