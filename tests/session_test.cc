// Sessions of the council, its bureau, commissions and factions as a state machine
// (workflows/council_session.h): convened -> held | postponed -> minutes recorded; in each state
// every other command refused for the state's reason; who may convene, the quorum, the majority
// of an item's vote, the agenda's draft acts, the minutes' number per body and year.
#include <string>
#include <tuple>
#include <vector>

#include <capnp/dynamic.h>
#include <capnp/message.h>
#include <capnp/schema.h>
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/allowed_actions.h"
#include "workflows/council_bodies.h"
#include "workflows/council_session.h"
#include "workflows/org/org_changes.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using Fill = WorkflowBench::Fill;
using C = schema::Command::Builder;

struct Item {
  const char* question;
  const char* draft_act = "";
};

Fill Convene(const char* body, const char* kind, const char* date, std::vector<Item> items,
             const char* body_name = "", const char* convened_by = "",
             const char* requested_by = "", const char* body_code = "") {
  return [=](C c) {
    auto r = c.initConveneSession();
    r.setBody(body);
    r.setSessionKind(kind);
    r.setDate(date);
    auto agenda = r.initAgenda(static_cast<unsigned>(items.size()));
    for (unsigned i = 0; i < items.size(); ++i) {
      agenda[i].setQuestion(items[i].question);
      agenda[i].setDraftAct(items[i].draft_act);
    }
    r.setBodyName(body_name);
    r.setConvenedBy(convened_by);
    r.setRequestedBy(requested_by);
    r.setBodyCode(body_code);
  };
}

// (item, for, against, abstained)
using Vote = std::tuple<uint32_t, uint32_t, uint32_t, uint32_t>;
Fill Hold(uint32_t present, uint32_t members, std::vector<Vote> votes = {}) {
  return [=](C c) {
    auto r = c.initHoldSession();
    r.setPresent(present);
    r.setMembers(members);
    auto list = r.initVotes(static_cast<unsigned>(votes.size()));
    for (unsigned i = 0; i < votes.size(); ++i) {
      list[i].setItem(std::get<0>(votes[i]));
      list[i].setVotesFor(std::get<1>(votes[i]));
      list[i].setVotesAgainst(std::get<2>(votes[i]));
      list[i].setAbstained(std::get<3>(votes[i]));
    }
  };
}

Fill Minutes() {
  return [](C c) { c.initRecordMinutes().setSummary("განხილულია დღის წესრიგის საკითხები"); };
}

// Every command type of the schema with empty data, but the case-independent ones (the org's
// commands, acknowledgements, the calendar's day off) and `allowed`: each is refused for the
// session's state (a refusal of kind "not now" that names the state, or says the command opens
// another case), by the chair and by the protocol service alike.
void ExpectOnlyAllowed(WorkflowBench& bench, const std::set<std::string>& allowed) {
  const std::string stage = StageName(bench.state().stage);
  SCOPED_TRACE("in state " + stage);
  for (auto field : capnp::Schema::from<schema::Command>().getUnionFields()) {
    const std::string name = storage::SnakeCase(field.getProto().getName());
    const auto which = static_cast<schema::Command::Which>(field.getProto().getDiscriminantValue());
    if (allowed.count(name) || org::IsOrgCommand(which) ||
        which == schema::Command::ACKNOWLEDGE_ALERT || which == schema::Command::DECLARE_DAY_OFF) {
      continue;
    }
    const Fill empty = [field](C c) {
      auto dynamic = capnp::toDynamic(c);
      if (field.getType().isVoid()) {
        dynamic.set(field, capnp::VOID);
      } else {
        dynamic.init(field);
      }
    };
    for (const char* actor : {"chair", "org-protocol"}) {
      Refusal refusal;
      const std::string message = bench.Try(actor, empty, &refusal);
      ASSERT_FALSE(message.empty()) << name << " was accepted from " << actor;
      EXPECT_EQ(refusal.category(), RefusalCategory::kNotNow) << name << ": " << message;
      const bool state_reason =
          message.find("while the session is '" + stage + "'") != std::string::npos ||
          message.find("opens a new case") != std::string::npos;
      EXPECT_TRUE(state_reason) << name << " by " << actor << ": " << message;
    }
  }
  // The catalogue's valid commands of the other kinds, too.
  for (const auto& [name, fill] : saqme::testing::commands::Catalogue()) {
    EXPECT_NE(bench.Try("chair", fill), "") << name;
  }
  // What the console offers agrees: nothing outside `allowed`, for any post.
  for (const auto& post : bench.org().posts()) {
    for (const auto& type : AllowedActions(bench.state(), bench.Context(post.id, false))) {
      EXPECT_TRUE(allowed.count(type)) << type << " offered to " << post.id;
    }
  }
}

ActFacts Draft(const char* type) { return ActFacts{"drafted", "", type, "", ""}; }

TEST(SessionTest, ACouncilSessionFromConveningToItsMinutesWithEveryStateRefusingTheRest) {
  WorkflowBench bench;  // today 2026-11-02
  bench.AddLegalAct("act-ordinance", Draft("ordinance"));
  bench.AddLegalAct("act-resolution", Draft("resolution"));
  const Fill convene = Convene("council", "regular", "2026-11-05",
                               {{"ბიუჯეტში ცვლილების შეტანა", "act-ordinance"},
                                {"ქონების გადაცემა", "act-resolution"},
                                {"მიმდინარე საკითხები"}});
  // The chair of the council convenes it (convene_sessions); the records clerk cannot.
  Refusal refusal;
  EXPECT_NE(bench.Try("org-records", convene, &refusal), "");
  EXPECT_EQ(refusal.missing_power, "convene_sessions");
  bench.Do("chair", convene);
  EXPECT_EQ(bench.state().kind, Kind::kSession);
  EXPECT_EQ(bench.state().stage, Stage::kConvened);
  EXPECT_EQ(bench.state().convened_by, "chair");
  ASSERT_EQ(bench.state().agenda.size(), 3u);
  EXPECT_EQ(bench.state().agenda[0].draft_act, "act-ordinance");
  // Before its day the session cannot be held — not now, by anyone; nothing else either.
  for (const char* post : {"org-protocol", "chair"}) {
    EXPECT_NE(bench.Try(post, Hold(12, 15), &refusal).find("held on that day or later"),
              std::string::npos);
    EXPECT_EQ(refusal.category(), RefusalCategory::kNotNow);
  }
  ExpectOnlyAllowed(bench, {"hold_session"});

  bench.SetToday("2026-11-05");
  ExpectOnlyAllowed(bench, {"hold_session"});
  // The protocol service records the sitting; an analyst may not.
  EXPECT_NE(bench.Try("info-analytics", Hold(12, 15), &refusal), "");
  EXPECT_EQ(refusal.missing_power, "record_sessions");
  // Votes must fit the agenda and the attendance.
  EXPECT_NE(bench.Try("org-protocol", Hold(12, 15, {{4, 12, 0, 0}})).find("not an item"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-protocol", Hold(12, 15, {{1, 10, 2, 1}})).find("more votes"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-protocol", Hold(16, 15)), "");
  // Item 1 carries (8 of 12 present), item 2 does not (6 of 12 is no majority), item 3 does.
  bench.Do("org-protocol", Hold(12, 15, {{1, 8, 3, 1}, {2, 6, 4, 2}, {3, 7, 0, 5}}));
  EXPECT_EQ(bench.state().stage, Stage::kHeld);
  EXPECT_EQ(bench.state().present, 12u);
  EXPECT_TRUE(bench.state().agenda[0].adopted);
  EXPECT_FALSE(bench.state().agenda[1].adopted);
  EXPECT_TRUE(bench.state().agenda[1].voted);
  EXPECT_TRUE(bench.state().agenda[2].adopted);
  ExpectOnlyAllowed(bench, {"record_minutes"});

  bench.SetToday("2026-11-06");
  bench.Do("org-protocol", Minutes());
  EXPECT_EQ(bench.state().stage, Stage::kMinuted);
  EXPECT_EQ(bench.state().minutes_number, "minutes-council/2026/1");
  // Only the adopted draft act is linked; the question has no act to link.
  EXPECT_EQ(bench.state().linked_acts, std::vector<std::string>{"act-ordinance"});
  ExpectOnlyAllowed(bench, {});
}

TEST(SessionTest, WithoutAQuorumTheSessionIsPostponedAndClosed) {
  WorkflowBench bench;
  bench.Do("chair", Convene("council", "regular", "2026-11-02", {{"მიმდინარე საკითხები"}}));
  // Half of the full composition is no quorum (more than half is needed); no vote is taken.
  EXPECT_NE(bench.Try("org-protocol", Hold(7, 14, {{1, 7, 0, 0}})).find("no vote"),
            std::string::npos);
  bench.Do("org-protocol", Hold(7, 14));
  EXPECT_EQ(bench.state().stage, Stage::kPostponed);
  EXPECT_EQ(bench.state().members, 14u);
  ExpectOnlyAllowed(bench, {});

  WorkflowBench quorate;
  quorate.Do("chair", Convene("bureau", "regular", "2026-11-02", {{"სამუშაო გეგმა"}}));
  EXPECT_EQ(quorate.state().session_kind, "regular");
  quorate.Do("org-protocol", Hold(8, 14, {{1, 5, 3, 0}}));  // 8 of 14: more than half
  EXPECT_EQ(quorate.state().stage, Stage::kHeld);
  EXPECT_TRUE(quorate.state().agenda[0].adopted);  // 5 of 8 present
}

TEST(SessionTest, WhoConvenesWhatAndWithWhichAgenda) {
  WorkflowBench bench;
  bench.AddLegalAct("act-order", Draft("order"));
  bench.AddLegalAct("act-adopted", ActFacts{"adopted", "", "ordinance", "", ""});
  bench.AddLegalAct("act-draft", Draft("ordinance"));
  auto refused = [&](const std::string& post, const Fill& fill, const char* says) {
    const std::string message = bench.Try(post, fill);
    EXPECT_NE(message.find(says), std::string::npos) << message;
  };
  const std::vector<Item> question = {{"საკითხი"}};
  refused("chair", Convene("council", "extraordinary", "2026-11-09", question), "requested_by");
  refused("chair", Convene("bureau", "extraordinary", "2026-11-09", question, "", "", "მერი"),
          "only a session of the council");
  refused("chair", Convene("council", "regular", "2026-10-30", question), "not a past one");
  refused("chair", Convene("council", "regular", "2026-11-09", {}), "with its agenda");
  refused("chair", Convene("council", "regular", "2026-11-09", {{" "}}), "has no question");
  refused("chair", Convene("council", "regular", "2026-11-09", {{"ა", "act-order"}}),
          "only a council act");
  refused("chair", Convene("council", "regular", "2026-11-09", {{"ა", "act-adopted"}}),
          "no longer a draft");
  refused("chair", Convene("council", "regular", "2026-11-09", {{"ა", "act-none"}}),
          "there is no draft act");
  refused("chair",
          Convene("council", "regular", "2026-11-09", {{"ა", "act-draft"}, {"ბ", "act-draft"}}),
          "on the agenda twice");
  refused("chair", Convene("plenary", "regular", "2026-11-09", question), "is not one of");
  // A commission is convened by its chair, a council member without a post: the protocol
  // service records it in their name, and must name both; the council's chair has no such power.
  refused("org-services", Convene("commission", "regular", "2026-11-09", question), "body_code");
  refused("org-services",
          Convene("commission", "regular", "2026-11-09", question, "", "", "", "budget"),
          "convened_by");
  Refusal refusal;
  EXPECT_NE(bench.Try("chair",
                      Convene("commission", "regular", "2026-11-09", question, "საბიუჯეტო",
                              "ნ. ჯაფარიძე", "", "budget"),
                      &refusal),
            "");
  EXPECT_EQ(refusal.missing_power, "record_sessions");
  bench.Do("org-services", Convene("commission", "regular", "2026-11-09", question, "საბიუჯეტო",
                                   "ნ. ჯაფარიძე", "", "budget"));
  EXPECT_EQ(bench.state().convened_by, "ნ. ჯაფარიძე");
  EXPECT_EQ(bench.state().body_name, "საბიუჯეტო");

  // A mayoralty has no council: nobody there convenes a session.
  WorkflowBench mayoralty(OrgChart::Zugdidi());
  for (const auto& post : mayoralty.org().posts()) {
    EXPECT_NE(mayoralty.Try(post.id, Convene("council", "regular", "2026-11-09", question)), "")
        << post.id;
  }
}

TEST(SessionTest, MinutesAreNumberedInTheRegisterOfTheBodyAndTheSessionsYear) {
  WorkflowBench bench;
  bench.SetToday("2026-12-30");
  bench.AddLegalAct("act-1", Draft("ordinance"));
  bench.Do("org-protocol", Convene("faction", "regular", "2026-12-31", {{"პოზიცია", "act-1"}},
                                   "ფრაქცია „ერთობა“", "ლ. გულბანი", "", "majority"));
  bench.SetToday("2026-12-31");
  bench.Do("sec-junior-1", Hold(3, 4, {{1, 3, 0, 0}}));
  bench.SetToday("2027-01-04");
  bench.Do("sec-junior-1", Minutes());
  EXPECT_EQ(bench.state().minutes_number, "minutes-faction-majority/2026/1");
  // A faction adopts no act: its vote on a draft is a position, nothing is linked.
  EXPECT_TRUE(bench.state().linked_acts.empty());
}

TEST(SessionTest, ACommissionsOrAFactionsSittingNamesABodyOfTheCouncilsData) {
  WorkflowBench bench;
  const std::vector<Item> question = {{"საკითხი"}};
  Refusal refusal;
  for (const char* body : {"commission", "faction"}) {
    SCOPED_TRACE(body);
    // Without the code: refused, naming the council's bodies of the kind, in both languages.
    const std::string missing =
        bench.Try("org-services",
                  Convene(body, "regular", "2026-11-09", question, "", "თავმჯდომარე"), &refusal);
    EXPECT_NE(missing.find("body_code"), std::string::npos) << missing;
    EXPECT_NE(missing.find(std::string(body) == "commission" ? "budget" : "majority"),
              std::string::npos)
        << missing;
    EXPECT_NE(refusal.message_ka.find("მიუთითეთ"), std::string::npos) << refusal.message_ka;
    EXPECT_EQ(refusal.message_ka.find("body_code"), std::string::npos) << refusal.message_ka;
    // A code the council's data does not hold, or one of the other kind: refused.
    for (const char* code : {"sport", std::string(body) == "commission" ? "majority" : "budget"}) {
      const std::string unknown = bench.Try(
          "org-services",
          Convene(body, "regular", "2026-11-09", question, "", "თავმჯდომარე", "", code), &refusal);
      EXPECT_NE(unknown.find("names no"), std::string::npos) << code << ": " << unknown;
      EXPECT_NE(refusal.message_ka.find("არ აღნიშნავს"), std::string::npos) << refusal.message_ka;
    }
  }
  // The council and the bureau name none.
  EXPECT_NE(
      bench
          .Try("chair", Convene("council", "regular", "2026-11-09", question, "", "", "", "budget"))
          .find("only a commission's or a faction's"),
      std::string::npos);
  EXPECT_EQ(bench.state().kind, Kind::kNone);
  // With its code, the body's name comes from the data unless written out.
  bench.Do("org-services", Convene("commission", "regular", "2026-11-09", question, "",
                                   "თავმჯდომარე", "", "social"));
  EXPECT_EQ(bench.state().body_code, "social");
  EXPECT_EQ(bench.state().body_name, "სოციალურ საკითხთა კომისია");
}

TEST(SessionTest, TwoCommissionsMinutesAreNumberedEachInItsOwnRegister) {
  WorkflowBench bench;  // today 2026-11-02
  // A sitting from convening to its minutes; in each state reached every other command refused.
  auto sitting = [&](const char* body, const char* code, bool check_states) {
    bench.Do("org-services",
             Convene(body, "regular", "2026-11-02", {{"საკითხი"}}, "", "თავმჯდომარე", "", code));
    if (check_states) ExpectOnlyAllowed(bench, {"hold_session"});
    bench.Do("org-protocol", Hold(3, 5, {{1, 3, 0, 0}}));
    if (check_states) ExpectOnlyAllowed(bench, {"record_minutes"});
    bench.Do("org-protocol", Minutes());
    if (check_states) ExpectOnlyAllowed(bench, {});
    return bench.state().minutes_number;
  };
  EXPECT_EQ(sitting("commission", "budget", true), "minutes-commission-budget/2026/1");
  bench.OpenAnotherCase("case-2");
  EXPECT_EQ(sitting("commission", "social", false), "minutes-commission-social/2026/1");
  bench.OpenAnotherCase("case-3");
  EXPECT_EQ(sitting("commission", "budget", false), "minutes-commission-budget/2026/2");
  bench.OpenAnotherCase("case-4");
  EXPECT_EQ(sitting("faction", "minority", true), "minutes-faction-minority/2026/1");
  // A commission's sitting convened before the code was recorded (an older log: no body_code)
  // keeps the kind's shared register, as it was numbered then.
  CaseState older;
  older.case_id = "case-old";
  older.kind = Kind::kSession;
  older.stage = Stage::kHeld;
  older.session_body = "commission";
  older.session_date = "2026-11-02";
  capnp::MallocMessageBuilder message;
  Minutes()(message.initRoot<schema::Command>());
  auto decision =
      Decide(older, message.getRoot<schema::Command>().asReader(), bench.Context("org-protocol"));
  auto* drafts = std::get_if<std::vector<storage::EventDraft>>(&decision);
  ASSERT_NE(drafts, nullptr);
  ASSERT_EQ(drafts->size(), 1u);
  EXPECT_EQ(std::string((*drafts)[0].event().getPayload().getMinutesRecorded().getNumber().cStr()),
            "minutes-commission/2026/1");
}

TEST(SessionTest, TheMinutesRegistersThatExist) {
  EXPECT_TRUE(council_session::IsMinutesJournal("minutes-council"));
  EXPECT_TRUE(council_session::IsMinutesJournal("minutes-commission"));
  const CouncilBody* body = nullptr;
  EXPECT_TRUE(council_session::IsMinutesJournal("minutes-commission-budget", &body));
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->name_en, "Finance and Budget Commission");
  EXPECT_FALSE(council_session::IsMinutesJournal("minutes-commission-majority"));
  EXPECT_FALSE(council_session::IsMinutesJournal("minutes-bureau-budget"));
  EXPECT_FALSE(council_session::IsMinutesJournal("minutes-"));
  // The table refuses what would make a register's name ambiguous or unreadable.
  EXPECT_FALSE(CouncilBodies::Parse("c\tcommission\tBad Code\tა\tA\n").ok());
  EXPECT_FALSE(CouncilBodies::Parse("c\tcommission\tx\tა\tA\nc\tcommission\tx\tბ\tB\n").ok());
  EXPECT_FALSE(CouncilBodies::Parse("c\tworking-group\tx\tა\tA\n").ok());
  auto parsed = CouncilBodies::Parse("# a comment\nc\tfaction\tx\tა\tA\nc\tcommission\tx\tბ\tB\n");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value().Of("c", "faction").size(), 1u);
}

}  // namespace
}  // namespace saqme::workflows
