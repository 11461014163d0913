// The "Idea to the Mayor" e-petition and the oral act as state machines (workflows/petition.cc,
// oral_act.cc): every state reached, every other command refused there for the state's reason,
// who may act, and each deadline counted from its start with its explanation in both languages.
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "tests/workflow_states.h"
#include "workflows/allowed_actions.h"
#include "workflows/deadline_watch.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;
using saqme::testing::Allowed;
using saqme::testing::ExpectOnlyAllowed;

std::string KaExplanation(const WorkflowBench& bench) { return bench.state().due_explanation_ka; }

// ---- the e-petition ------------------------------------------------------------------------

TEST(PetitionTest, ScreenedFixedVotedDecidedAndStudiedWithEveryStateRefusingTheRest) {
  WorkflowBench bench;
  bench.AddLegalAct("act-written", {"adopted", "", "order", "", ""});
  // The records office registers the idea for its author; nobody else may.
  Refusal refusal;
  EXPECT_NE(bench.Try("chair", SubmitPetition(), &refusal), "");
  EXPECT_EQ(refusal.missing_power, "register");
  EXPECT_NE(bench.Try("org-records", SubmitPetition("")).find("author"), std::string::npos);
  EXPECT_NE(
      bench.Try("org-records", SubmitPetition("შპს „ალფა“", "", schema::SenderKind::ORGANISATION))
          .find("citizen"),
      std::string::npos);
  EXPECT_NE(bench.Try("org-records", SubmitPetition("გიორგი ჯანაშია", "2026-11-03")),
            "");  // tomorrow
  bench.Do("org-records", SubmitPetition());
  EXPECT_EQ(bench.state().kind, Kind::kPetition);
  EXPECT_EQ(bench.state().stage, Stage::kScreening);
  EXPECT_EQ(bench.state().correspondent, "გიორგი ჯანაშია");
  EXPECT_EQ(bench.state().petition_office, "org-records");
  // Screening within 10 calendar days of the submission: Monday 2 -> Thursday 12 November.
  EXPECT_EQ(bench.state().due, "2026-11-12");
  EXPECT_NE(bench.state().due_explanation.find("10 calendar days"), std::string::npos);
  EXPECT_NE(KaExplanation(bench).find("10 კალენდარული დღის"), std::string::npos);
  EXPECT_EQ(OpenDeadlineOf(bench.state()).responsible, "org-records");
  ExpectOnlyAllowed(bench, {"screen_petition"});

  EXPECT_NE(bench.Try("org-records", ScreenPetition("maybe")).find("outcome"), std::string::npos);
  EXPECT_NE(bench.Try("org-records", ScreenPetition("defects", "")).find("reason"),
            std::string::npos);
  bench.Do("org-records", ScreenPetition("defects", "აღწერა არასრულია"));
  EXPECT_EQ(bench.state().stage, Stage::kDefective);
  // The author may fix the defects within 15 calendar days: Tuesday 17 November.
  EXPECT_EQ(bench.state().due, "2026-11-17");
  EXPECT_NE(bench.state().due_explanation.find("15 calendar days"), std::string::npos);
  ExpectOnlyAllowed(bench, {"fix_petition"});  // closing waits for the 15 days

  bench.SetToday("2026-11-10");
  EXPECT_NE(bench.Try("org-records", FixPetition("")).find("corrected text"), std::string::npos);
  bench.Do("org-records", FixPetition());
  EXPECT_EQ(bench.state().stage, Stage::kScreening);
  EXPECT_EQ(bench.state().text, "გასწორებული აღწერა");
  EXPECT_EQ(bench.state().due, "2026-11-20");  // screened anew within 10 days of the fix
  ExpectOnlyAllowed(bench, {"screen_petition"});

  bench.SetToday("2026-11-02");  // (the bench's clock: the vote's 60 days from 2 November)
  bench.Do("info-public", ScreenPetition("accepted"));
  EXPECT_EQ(bench.state().stage, Stage::kVoting);
  // 60 calendar days end on Friday 1 January 2027, New Year (1-2 January) and the weekend
  // move the end to Monday 4 January.
  EXPECT_EQ(bench.state().vote_ends, "2027-01-04");
  EXPECT_EQ(bench.state().due, "2027-01-04");
  EXPECT_NE(bench.state().due_explanation.find("60 calendar days"), std::string::npos);
  ExpectOnlyAllowed(bench, {"record_votes"});

  // Before the vote ends only the votes needed may be recorded.
  bench.SetToday("2026-11-16");
  EXPECT_NE(bench.Try("org-records", RecordVotes(999)).find("the vote runs until 2027-01-04"),
            std::string::npos);
  bench.Do("org-records", RecordVotes(1204));
  EXPECT_EQ(bench.state().stage, Stage::kAwaitingDecision);
  EXPECT_EQ(bench.state().votes, 1204u);
  EXPECT_EQ(bench.state().issuer, "chair");  // the head of the body decides
  // 10 working days from Monday 16 November: Giorgoba (23 November) is not one, so the 10th is
  // Tuesday 1 December, not Monday 30 November.
  EXPECT_EQ(bench.state().due, "2026-12-01");
  EXPECT_NE(bench.state().due_explanation.find("10 working days"), std::string::npos);
  EXPECT_NE(bench.state().due_explanation.find("2026-11-23"), std::string::npos);
  EXPECT_NE(KaExplanation(bench).find("10 სამუშაო დღის"), std::string::npos);
  EXPECT_EQ(OpenDeadlineOf(bench.state()).responsible, "chair");
  ExpectOnlyAllowed(bench, {"decide_petition"});

  bench.SetToday("2026-11-20");
  EXPECT_NE(bench.Try("org-records", DecidePetition(), &refusal), "");
  EXPECT_TRUE(refusal.forbidden());
  EXPECT_NE(bench.Try("chair", DecidePetition("later")).find("outcome"), std::string::npos);
  EXPECT_NE(bench.Try("chair", DecidePetition("continue", "")).find("reason"), std::string::npos);
  bench.Do("chair", DecidePetition("continue"));
  EXPECT_EQ(bench.state().stage, Stage::kFeasibility);
  EXPECT_EQ(bench.state().decided_by, "chair");
  // 60 calendar days from 20 November end on 19 January 2027, Epiphany: the next working day.
  EXPECT_EQ(bench.state().due, "2027-01-20");
  ExpectOnlyAllowed(bench, {"record_feasibility"});

  EXPECT_NE(bench.Try("chair", RecordFeasibility("")).find("results"), std::string::npos);
  bench.Do("chair", RecordFeasibility());
  EXPECT_EQ(bench.state().stage, Stage::kConcluded);
  EXPECT_TRUE(OpenDeadlineOf(bench.state()).due.empty());
  ExpectOnlyAllowed(bench, {});
}

TEST(PetitionTest, InadmissibleUnfixedNotSupportedAndRefusedEachCloseThePetition) {
  {
    WorkflowBench bench;
    bench.Do("org-records", SubmitPetition());
    EXPECT_NE(bench.Try("org-records", ScreenPetition("rejected")).find("reason"),
              std::string::npos);
    bench.Do("org-records", ScreenPetition("rejected", "art. 38.19(დ): სხვა უწყების კომპეტენცია"));
    EXPECT_EQ(bench.state().stage, Stage::kPetitionRejected);
    EXPECT_TRUE(OpenDeadlineOf(bench.state()).due.empty());
    ExpectOnlyAllowed(bench, {});
  }
  {
    WorkflowBench bench;
    bench.Do("org-records", SubmitPetition());
    bench.Do("org-records", ScreenPetition("defects", "აღწერა არასრულია"));
    bench.SetToday("2026-11-17");  // the last day to fix: not yet closed
    EXPECT_NE(bench.Try("org-records", ClosePetition()).find("until 2026-11-17"),
              std::string::npos);
    bench.SetToday("2026-11-18");
    EXPECT_NE(bench.Try("org-records", FixPetition()).find("ended on 2026-11-17"),
              std::string::npos);
    ExpectOnlyAllowed(bench, {"close_petition"}, false);
    bench.Do("org-records", ClosePetition());
    EXPECT_EQ(bench.state().stage, Stage::kUnfixed);
    ExpectOnlyAllowed(bench, {});
  }
  {
    WorkflowBench bench;
    bench.Do("org-records", SubmitPetition());
    bench.Do("org-records", ScreenPetition("accepted"));
    bench.SetToday("2027-01-05");  // the vote ended on 4 January
    bench.Do("org-records", RecordVotes(999));
    EXPECT_EQ(bench.state().stage, Stage::kNotSupported);
    EXPECT_EQ(bench.state().votes, 999u);
    EXPECT_TRUE(OpenDeadlineOf(bench.state()).due.empty());
    ExpectOnlyAllowed(bench, {});
  }
  {
    WorkflowBench bench;
    bench.Do("org-records", SubmitPetition());
    bench.Do("org-records", ScreenPetition("accepted"));
    bench.Do("org-records", RecordVotes(1000));
    bench.Do("chair", DecidePetition("refused", "ბიუჯეტი არ იძლევა საშუალებას"));
    EXPECT_EQ(bench.state().stage, Stage::kPetitionRefused);
    EXPECT_EQ(bench.state().outcome, "refused");
    ExpectOnlyAllowed(bench, {});
  }
}

TEST(PetitionTest, ZugdidiCitesItsStatuteAndAMissedScreeningAlertsTheOfficeAndItsHead) {
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.Do("records-clerk", SubmitPetition());
  EXPECT_NE(bench.state().due_explanation.find("Zugdidi statute art. 38.18"), std::string::npos);
  EXPECT_NE(KaExplanation(bench).find("მუხლი 38.18"), std::string::npos);
  bench.SetToday("2026-11-13");  // the day after the screening's due date
  auto context = bench.Context("system");
  auto drafts = WatchDeadline(bench.state(), context, WatchPolicy());
  bool missed = false;
  for (auto& draft : drafts) {
    auto payload = draft.event().asReader().getPayload();
    if (payload.which() != schema::Event::Payload::DEADLINE_MISSED) continue;
    missed = true;
    auto alert = payload.getDeadlineMissed();
    EXPECT_EQ(std::string(alert.getDue().cStr()), "2026-11-12");
    EXPECT_EQ(std::string(alert.getResponsible().cStr()), "records-clerk");
    EXPECT_NE(std::string(alert.getDueExplanation().cStr()).find("art. 38.18"), std::string::npos);
    std::set<std::string> to;
    for (auto r : alert.getRecipients()) to.insert(r.getPost().cStr());
    EXPECT_TRUE(to.count("records-clerk"));
    EXPECT_TRUE(to.count("adm-records-head"));  // the records division's head
  }
  EXPECT_TRUE(missed);
}

// ---- the oral act ----------------------------------------------------------------------------

TEST(OralActTest, IssuedOrallyThenPutInWritingWithinThreeDays) {
  WorkflowBench bench;
  bench.AddLegalAct("act-drafted", {"drafted", "", "order", "", ""});
  bench.AddLegalAct("act-ordinance", {"adopted", "", "ordinance", "", ""});
  bench.AddLegalAct("act-written", {"registered_act", "", "order", "order/2026/7", ""});
  Refusal refusal;
  EXPECT_NE(bench.Try("org-records", IssueOralAct(), &refusal), "");
  EXPECT_EQ(refusal.missing_power, "issue_orders");
  EXPECT_NE(bench.Try("apparatus-head", IssueOralAct("2026-11-02", "whim")).find("urgency"),
            std::string::npos);
  EXPECT_NE(bench.Try("apparatus-head", IssueOralAct("2026-11-03")).find("future"),
            std::string::npos);
  EXPECT_NE(bench.Try("apparatus-head", IssueOralAct("2026-11-02", "crime", " ")).find("ordered"),
            std::string::npos);
  bench.Do("apparatus-head", IssueOralAct());
  EXPECT_EQ(bench.state().kind, Kind::kOralAct);
  EXPECT_EQ(bench.state().stage, Stage::kOralIssued);
  EXPECT_EQ(bench.state().issuer, "apparatus-head");
  EXPECT_EQ(bench.state().due, "2026-11-05");  // 3 calendar days from Monday 2 November
  EXPECT_NE(bench.state().due_explanation.find("3 days"), std::string::npos);
  EXPECT_NE(KaExplanation(bench).find("3 დღის"), std::string::npos);
  EXPECT_EQ(OpenDeadlineOf(bench.state()).responsible, "apparatus-head");
  ExpectOnlyAllowed(bench, {"put_in_writing"});

  EXPECT_NE(bench.Try("chair", PutInWriting(), &refusal), "");
  EXPECT_TRUE(refusal.forbidden());
  EXPECT_NE(bench.Try("apparatus-head", PutInWriting("act-none")).find("no legal act"),
            std::string::npos);
  EXPECT_NE(bench.Try("apparatus-head", PutInWriting("act-drafted")).find("not yet signed"),
            std::string::npos);
  EXPECT_NE(bench.Try("apparatus-head", PutInWriting("act-ordinance")).find("order"),
            std::string::npos);
  bench.Do("apparatus-head", PutInWriting());
  EXPECT_EQ(bench.state().stage, Stage::kPutInWriting);
  EXPECT_EQ(bench.state().written_act, "act-written");
  EXPECT_EQ(bench.state().act_number, "order/2026/7");
  EXPECT_TRUE(OpenDeadlineOf(bench.state()).due.empty());
  ExpectOnlyAllowed(bench, {});
}

TEST(OralActTest, TheThreeDaysAreCalendarDaysEndingOnAWorkingDay) {
  const std::pair<const char*, const char*> cases[] = {
      {"2026-11-04", "2026-11-09"},  // Wednesday + 3 = Saturday: on to Monday
      {"2026-11-06", "2026-11-09"},  // Friday + 3 = Monday
      {"2026-11-20", "2026-11-24"},  // Friday + 3 = Monday 23 November, Giorgoba: Tuesday
  };
  for (const auto& [issued, due] : cases) {
    WorkflowBench bench;
    bench.SetToday("2026-11-30");
    bench.Do("chair", IssueOralAct(issued, "administrative_offence"));
    EXPECT_EQ(bench.state().due, due) << issued;
  }
}

}  // namespace
}  // namespace saqme::workflows
