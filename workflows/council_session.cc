// A session (სხდომა) — of the council (regular, მორიგი, or extraordinary, რიგგარეშე), its bureau,
// a standing commission or a faction — from convening to its minutes (ოქმი):
//   convened (date, agenda of draft acts and questions) -> held (attendance, quorum, the vote on
//   each item) -> minutes recorded, numbered per body and year, linking the acts adopted;
//   or, without a quorum, postponed: not held, closed.
// Sources: the Local Self-Government Code (organic law) on the council's sessions, bureau,
// commissions and factions; the Ozurgeti job descriptions for who serves the sessions; the
// Zugdidi statute art. 6.3(ბ.გ) for the mayor's request of an extraordinary session; the
// Lentekhi report for the kinds of sittings counted. Which commissions and factions a council
// has is data (data/council_bodies.tsv, workflows/council_bodies.h).
#include "workflows/council_session.h"

#include <set>

#include "model/field_rules.h"
#include "workflows/rules.h"

namespace saqme::workflows::council_session {
namespace {

using namespace rules;
using Which = schema::Command::Which;

bool IsCouncil(const std::string& body) { return body == "council"; }

// More than half of the full composition attends (Local Self-Government Code: a session of the
// council is competent when more than half of its full composition is present; the bureau,
// commissions and factions sit by the same rule in the council's regulations).
// Source: the Local Self-Government Code (organic law), article not given — none of the source
// texts this project works from (the five municipal documents and the domain notes) states the
// article numbers that set the council's quorum or its voting majority, so none is cited here
// rather than one guessed (docs/workflows.md "Council sessions").
bool HasQuorum(uint32_t present, uint32_t members) { return 2 * present > members; }

// An item is adopted by the majority of the members present (Local Self-Government Code: the
// council decides by the majority of those present, where the law sets no other majority).
// Source: as for the quorum above — the Code, article not stated in the sources here.
bool Carries(uint32_t votes_for, uint32_t present) { return 2 * votes_for > present; }

// The commission or faction `code` of kind `body` in the acting council (context.org's body
// id, data/council_bodies.tsv), or the refusal naming the council's bodies of that kind.
std::variant<const CouncilBody*, Refusal> SittingBody(const Context& context,
                                                      const std::string& body,
                                                      const std::string& code) {
  const std::string council = context.org ? context.org->body_id() : "";
  if (!code.empty()) {
    if (const CouncilBody* found = CouncilBodies::Default().Find(council, body, code)) return found;
  }
  std::string codes, codes_ka;
  for (const CouncilBody* b : CouncilBodies::Default().Of(council, body)) {
    codes += (codes.empty() ? "" : ", ") + b->code + " (" + b->name_en + ")";
    codes_ka += (codes_ka.empty() ? "" : ", ") + b->code + " (" + b->name_ka + ")";
  }
  const bool commission = body == "commission";
  const std::string what = commission ? "commission" : "faction";
  const std::string what_ka = commission ? "კომისია" : "ფრაქცია";
  const std::string known =
      codes.empty() ? "this council has none in its data" : "its " + what + "s: " + codes;
  const std::string known_ka = codes.empty() ? "ამ საკრებულოს მონაცემებში არცერთი არ არის"
                                             : std::string(commission ? "საკრებულოს კომისიები: "
                                                                      : "საკრებულოს ფრაქციები: ") +
                                                   codes_ka;
  if (code.empty()) {
    return Refuse("a " + what + "'s sitting names which " + what + " sits (body_code); " + known,
                  "მიუთითეთ, რომელი " + what_ka + " სხდომობს (კოდი); " + known_ka);
  }
  return Refuse("body_code: '" + code + "' names no " + what + " of the council; " + known,
                "კოდი '" + code + "' საკრებულოს არცერთ " + (commission ? "კომისიას" : "ფრაქციას") +
                    " არ აღნიშნავს; " + known_ka);
}

// The agenda's draft acts must be council drafts (ordinance, resolution) not yet adopted: only
// those are adopted by a vote at a session (docs/domain.md §5).
std::optional<Refusal> CheckDraftAct(const Context& context, const std::string& case_id,
                                     size_t item) {
  const std::string at = "agenda item " + std::to_string(item);
  const std::string at_ka = "დღის წესრიგის " + std::to_string(item) + "-ე საკითხი";
  auto act = context.legal_act ? context.legal_act(case_id) : std::nullopt;
  if (!act) {
    return Refuse(at + ": there is no draft act '" + case_id + "'",
                  at_ka + ": აქტის პროექტი '" + case_id + "' არ არსებობს");
  }
  if (act->act_type != "ordinance" && act->act_type != "resolution") {
    return Refuse(at + ": only a council act (ordinance or resolution) is adopted at a session",
                  at_ka +
                      ": სხდომაზე მიიღება მხოლოდ საკრებულოს აქტი (განკარგულება ან "
                      "დადგენილება)");
  }
  if (act->state != "drafted") {
    return Refuse(at + ": the act '" + case_id + "' is no longer a draft",
                  at_ka + ": აქტი '" + case_id + "' უკვე აღარ არის პროექტი");
  }
  return std::nullopt;
}

Decision Hold(const CaseState& state, schema::HoldSession::Reader command, const Context& context,
              const std::string& acting_for) {
  const uint32_t present = command.getPresent(), members = command.getMembers();
  if (members == 0 || present > members) {
    return Refuse("the attendance needs the full composition and no more present than members",
                  "დასწრება: სრული შემადგენლობა აუცილებელია და დამსწრე მასზე მეტი ვერ იქნება");
  }
  // The list read once: each read counts against the reader's traversal limit, which follows
  // the command's size, so reading it again per use (or per vote) would refuse a long agenda.
  const auto given = command.getVotes();
  auto draft = NewEvent(context, acting_for);
  auto payload = draft.event().getPayload();
  if (!HasQuorum(present, members)) {
    // Not held: the session is postponed, and no vote can have been taken.
    if (given.size() > 0) {
      return Refuse("without a quorum no vote is taken", "კვორუმის გარეშე კენჭისყრა არ ტარდება");
    }
    auto r = payload.initSessionPostponed();
    r.setPresent(present);
    r.setMembers(members);
    return Events(std::move(draft));
  }
  std::set<uint32_t> seen;
  for (auto vote : given) {
    const uint32_t item = vote.getItem();
    if (item == 0 || item > state.agenda.size() || !seen.insert(item).second) {
      return Refuse(
          "votes: item " + std::to_string(item) + " is not an item of the agenda or is voted twice",
          "კენჭისყრა: საკითხი №" + std::to_string(item) +
              " დღის წესრიგში არ არის ან ორჯერაა მითითებული");
    }
    if (vote.getVotesFor() + vote.getVotesAgainst() + vote.getAbstained() > present) {
      return Refuse(
          "votes: item " + std::to_string(item) + " has more votes than members present",
          "კენჭისყრა: საკითხზე №" + std::to_string(item) + " ხმები დამსწრე წევრებზე მეტია");
    }
  }
  auto r = payload.initSessionHeld();
  r.setPresent(present);
  r.setMembers(members);
  auto votes = r.initVotes(given.size());
  for (unsigned i = 0; i < given.size(); ++i) {
    auto vote = given[i];
    votes[i].setItem(vote.getItem());
    votes[i].setVotesFor(vote.getVotesFor());
    votes[i].setVotesAgainst(vote.getVotesAgainst());
    votes[i].setAbstained(vote.getAbstained());
    votes[i].setAdopted(Carries(vote.getVotesFor(), present));
  }
  return Events(std::move(draft));
}

}  // namespace

std::string MinutesJournal(const std::string& body, const std::string& code) {
  return code.empty() ? "minutes-" + body : "minutes-" + body + "-" + code;
}

bool IsMinutesJournal(std::string_view journal, const CouncilBody** body) {
  for (const char* kind : {"council", "bureau", "commission", "faction"}) {
    if (journal == MinutesJournal(kind)) return true;
  }
  for (const auto& b : CouncilBodies::Default().bodies()) {
    if (journal == MinutesJournal(b.kind, b.code)) {
      if (body) *body = &b;
      return true;
    }
  }
  return false;
}

Decision Convene(schema::ConveneSession::Reader command, const Context& context) {
  const std::string body = command.getBody().cStr();
  if (auto refusal = OffTheList<schema::ConveneSession>("body", body)) return *refusal;
  const bool chamber = IsCouncil(body) || body == "bureau";
  // The chair of the council convenes the council's and the bureau's sessions (Local
  // Self-Government Code); a commission or a faction is convened by its own chair, a council
  // member who holds no post here: the apparatus's protocol service records the notice in their
  // name (the Ozurgeti job descriptions: the organisational division serves the sessions of the
  // council, its commissions, factions and bureau).
  auto authority = Need(context, chamber ? Power::kConveneSessions : Power::kRecordSessions);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string& acting_for = std::get<std::string>(authority);
  const std::string kind = command.getSessionKind().cStr();
  if (auto refusal = OffTheList<schema::ConveneSession>("sessionKind", kind, "session_kind")) {
    return *refusal;
  }
  if (kind == "extraordinary") {
    // The council's sessions are regular or extraordinary (the Lentekhi report counts both); an
    // extraordinary one is convened on a request — of council members, a faction, the mayor
    // (the Zugdidi statute art. 6.3(ბ.გ)) — which the case names.
    if (!IsCouncil(body)) {
      return Refuse("only a session of the council is regular or extraordinary",
                    "მორიგი ან რიგგარეშე შეიძლება იყოს მხოლოდ საკრებულოს სხდომა");
    }
    if (storage::IsBlank(command.getRequestedBy().cStr())) {
      return Refuse("an extraordinary session names who requested it (requested_by)",
                    "რიგგარეშე სხდომისთვის მიუთითეთ, ვინ მოითხოვა მისი მოწვევა");
    }
  }
  std::string convened_by = ActsAs(context, acting_for);
  const std::string code = command.getBodyCode().cStr();
  std::string body_name = command.getBodyName().cStr();
  if (chamber && !code.empty()) {
    return Refuse("only a commission's or a faction's sitting names a body_code",
                  "კოდი მიეთითება მხოლოდ კომისიის ან ფრაქციის სხდომისთვის");
  }
  if (!chamber) {
    // Which commission or faction sits is data of the council (data/council_bodies.tsv): its
    // minutes are numbered in that body's own register (the Lentekhi report counts the
    // sittings of the standing commissions and the factions; each keeps its minutes).
    auto sitting = SittingBody(context, body, code);
    if (auto* refusal = std::get_if<Refusal>(&sitting)) return *refusal;
    if (storage::IsBlank(command.getConvenedBy().cStr())) {
      return Refuse(
          "a commission's or a faction's session names its chair who convenes it "
          "(convened_by)",
          "კომისიის ან ფრაქციის სხდომისთვის მიუთითეთ მომწვევი თავმჯდომარე");
    }
    // The name as the council's data gives it, unless the command writes it out.
    if (storage::IsBlank(body_name)) body_name = std::get<const CouncilBody*>(sitting)->name_ka;
    convened_by = command.getConvenedBy().cStr();
  }
  auto date = DateField(command.getDate().cStr(), "date");
  if (auto* refusal = std::get_if<Refusal>(&date)) return *refusal;
  if (std::get<Date>(date) < context.today) {
    return Refuse("a session is convened for a date to come, not a past one",
                  "სხდომა მოიწვევა მომავალი თარიღისთვის და არა გასულისთვის");
  }
  const auto agenda = command.getAgenda();
  if (agenda.size() == 0) {
    return Refuse("a session is convened with its agenda (at least one item)",
                  "სხდომა მოიწვევა დღის წესრიგით (ერთი საკითხი მაინც)");
  }
  std::set<std::string> acts;
  for (unsigned i = 0; i < agenda.size(); ++i) {
    if (storage::IsBlank(agenda[i].getQuestion().cStr())) {
      return Refuse("agenda item " + std::to_string(i + 1) + " has no question",
                    "დღის წესრიგის " + std::to_string(i + 1) + "-ე საკითხი ცარიელია");
    }
    const std::string act = agenda[i].getDraftAct().cStr();
    if (act.empty()) continue;
    if (auto refusal = CheckDraftAct(context, act, i + 1)) return *refusal;
    if (!acts.insert(act).second) {
      return Refuse("the draft act '" + act + "' is on the agenda twice",
                    "აქტის პროექტი '" + act + "' დღის წესრიგში ორჯერაა");
    }
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initSessionConvened();
  r.setBody(body);
  r.setSessionKind(kind);
  r.setDate(std::get<Date>(date).ToString());
  r.setAgenda(agenda);
  r.setBodyName(body_name);
  r.setConvenedBy(convened_by);
  r.setRequestedBy(command.getRequestedBy());
  r.setBodyCode(code);
  return Events(std::move(draft));
}

Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context) {
  const Which which = command.which();
  const bool allowed = (which == Which::HOLD_SESSION && state.stage == Stage::kConvened) ||
                       (which == Which::RECORD_MINUTES && state.stage == Stage::kHeld);
  if (!allowed) return NotNow(state, command);
  if (which == Which::HOLD_SESSION) {
    const auto date = Date::Parse(state.session_date);
    if (date && context.today < *date) {
      return RefuseNow(
          "the session is convened for " + state.session_date + "; it is held on that day or later",
          "სხდომა მოწვეულია " + state.session_date + "-ისთვის; ჩატარდება ამ დღეს ან შემდეგ");
    }
  }
  // The protocol service records the sitting and its minutes (the Ozurgeti job descriptions:
  // the organisational division's protocol service, the counting of votes; the secretariat's
  // junior specialists for the factions).
  auto authority = Need(context, Power::kRecordSessions);
  if (auto* refusal = std::get_if<Refusal>(&authority)) return *refusal;
  const std::string& acting_for = std::get<std::string>(authority);
  if (which == Which::HOLD_SESSION)
    return Hold(state, command.getHoldSession(), context, acting_for);
  // The minutes are numbered in the register of the body and the session's year; the acts on
  // the agenda whose vote carried at a council session are linked to it. The act's own
  // adoption stays its `adopt` command (workflows/legal_act.cc): the session records the link.
  const int year = Date::Parse(state.session_date) ? Date::Parse(state.session_date)->year()
                                                   : context.today.year();
  std::vector<std::string> linked;
  if (IsCouncil(state.session_body)) {
    for (const auto& item : state.agenda) {
      if (item.adopted && !item.draft_act.empty()) linked.push_back(item.draft_act);
    }
  }
  auto draft = NewEvent(context, acting_for);
  auto r = draft.event().getPayload().initMinutesRecorded();
  r.setNumber(context.next_number(MinutesJournal(state.session_body, state.body_code), year));
  r.setYear(static_cast<uint16_t>(year));
  auto list = r.initLinkedActs(static_cast<unsigned>(linked.size()));
  for (unsigned i = 0; i < linked.size(); ++i) list.set(i, linked[i]);
  r.setSummary(command.getRecordMinutes().getSummary());
  return Events(std::move(draft));
}

bool Evolve(CaseState& state, schema::Event::Reader event) {
  using P = schema::Event::Payload;
  auto payload = event.getPayload();
  switch (payload.which()) {
    case P::SESSION_CONVENED: {
      auto r = payload.getSessionConvened();
      state.kind = Kind::kSession;
      state.stage = Stage::kConvened;
      state.session_body = r.getBody();
      state.session_kind = r.getSessionKind();
      state.session_date = r.getDate();
      state.body_name = r.getBodyName();
      state.convened_by = r.getConvenedBy();
      state.requested_by = r.getRequestedBy();
      state.body_code = r.getBodyCode();
      state.agenda.clear();
      for (auto item : r.getAgenda()) {
        AgendaEntry entry;
        entry.question = item.getQuestion();
        entry.draft_act = item.getDraftAct();
        state.agenda.push_back(std::move(entry));
      }
      return true;
    }
    case P::SESSION_HELD:
    case P::SESSION_POSTPONED: {
      const bool held = payload.which() == P::SESSION_HELD;
      auto r = held ? payload.getSessionHeld() : payload.getSessionPostponed();
      state.stage = held ? Stage::kHeld : Stage::kPostponed;
      state.present = r.getPresent();
      state.members = r.getMembers();
      for (auto vote : r.getVotes()) {
        if (vote.getItem() == 0 || vote.getItem() > state.agenda.size()) continue;
        AgendaEntry& entry = state.agenda[vote.getItem() - 1];
        entry.voted = true;
        entry.votes_for = vote.getVotesFor();
        entry.votes_against = vote.getVotesAgainst();
        entry.abstained = vote.getAbstained();
        entry.adopted = vote.getAdopted();
      }
      return true;
    }
    case P::MINUTES_RECORDED: {
      auto r = payload.getMinutesRecorded();
      state.stage = Stage::kMinuted;
      state.minutes_number = r.getNumber();
      state.linked_acts.clear();
      for (auto act : r.getLinkedActs()) state.linked_acts.emplace_back(act.cStr());
      return true;
    }
    default:
      return false;
  }
}

}  // namespace saqme::workflows::council_session
