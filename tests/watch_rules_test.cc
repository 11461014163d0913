// The deadline watch's rules, pure: the policy's text form, the alert line of each post, the
// order and dates of the steps, who receives them (acting included), and a day off that moves
// a due date.
#include <gtest/gtest.h>

#include <capnp/serialize.h>

#include "workflows/deadline_watch.h"

namespace saqme::workflows {
namespace {

TEST(WatchPolicyTest, ParsesItsTextFormAndRejectsNonsense) {
  auto policy = WatchPolicy::Parse("approach=1,5,3;escalate=2");
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->approach_working_days, (std::vector<int>{5, 3, 1}));
  EXPECT_EQ(policy->escalate_every_working_days, 2);
  EXPECT_EQ(policy->ToString(), "approach=5,3,1;escalate=2");
  EXPECT_EQ(WatchPolicy::Parse(WatchPolicy().ToString())->ToString(), "approach=3,1;escalate=3");
  for (const char* bad : {"approach=0", "escalate=", "escalate=x", "speed=3", "approach",
                          "escalate=61", "approach=3,,1"}) {
    EXPECT_FALSE(WatchPolicy::Parse(bad).ok()) << bad;
  }
}

TEST(AlertLineTest, UnitHeadThenTheDelegatedLineThenUpToTheHeadOfTheBody) {
  const auto& org = OrgChart::Ozurgeti();
  using Line = std::vector<std::string>;
  EXPECT_EQ(AlertLine(org, "info-public"),
            (Line{"info-head", "apparatus-deputy", "apparatus-head", "chair"}));
  EXPECT_EQ(AlertLine(org, "info-head"), (Line{"apparatus-deputy", "apparatus-head", "chair"}));
  EXPECT_EQ(AlertLine(org, "apparatus-head"), (Line{"chair"}));
  EXPECT_EQ(AlertLine(org, "chair"), Line{});
  EXPECT_EQ(AlertLine(org, "no-such-post"), Line{});
  // Every Zugdidi post's line ends with the mayor, and never repeats a post.
  const auto& zugdidi = OrgChart::Zugdidi();
  for (const auto& post : zugdidi.posts()) {
    auto line = AlertLine(zugdidi, post.id);
    if (post.id == zugdidi.head_post()) continue;
    ASSERT_FALSE(line.empty()) << post.id;
    EXPECT_EQ(line.back(), zugdidi.head_post()) << post.id;
    EXPECT_EQ(std::set<std::string>(line.begin(), line.end()).size(), line.size()) << post.id;
  }
}

class WatchStepsTest : public ::testing::Test {
 protected:
  WatchStepsTest() : org_(OrgChart::Ozurgeti()) {
    state_.kind = Kind::kCorrespondence;
    state_.stage = Stage::kInExecution;
    state_.case_id = "c";
    state_.due = "2026-06-10";  // a Wednesday
    state_.lead_executor = "info-public";
    state_.deadline_setter = "apparatus-head";
  }
  // The watch on `date`; the events are applied to the state, as the engine would.
  std::vector<std::string> Run(const char* date) {
    Context context;
    context.actor_post = "system";
    context.today = *Date::Parse(date);
    context.org = &org_;
    context.calendar = &HolidayCalendar::Default();
    std::vector<std::string> types;
    for (auto& draft : WatchDeadline(state_, context, WatchPolicy())) {
      auto event = draft.event();
      event.setSeq(++seq_);
      Evolve(state_, event.asReader());
      auto payload = event.asReader().getPayload();
      switch (payload.which()) {
        case schema::Event::Payload::DEADLINE_APPROACHING:
          types.push_back("approaching-" +
                          std::to_string(payload.getDeadlineApproaching().getWorkingDaysBefore()));
          break;
        case schema::Event::Payload::DEADLINE_MISSED: {
          std::string who;
          for (auto r : payload.getDeadlineMissed().getRecipients()) {
            who += std::string(" ") + r.getPost().cStr() +
                   (r.getActingFor().size() ? std::string("/") + r.getActingFor().cStr() : "");
          }
          types.push_back("missed" + who);
          break;
        }
        case schema::Event::Payload::ESCALATED:
          types.push_back("escalated-" + std::to_string(payload.getEscalated().getLevel()) + " " +
                          payload.getEscalated().getRecipients()[0].getPost().cStr());
          break;
        default:
          types.push_back("other");
      }
    }
    return types;
  }
  std::string Next() {
    auto date = NextWatchDate(state_, org_, HolidayCalendar::Default(), WatchPolicy());
    return date ? date->ToString() : "none";
  }

  OrgChart org_;
  CaseState state_;
  uint64_t seq_ = 0;
};

TEST_F(WatchStepsTest, EachStepOnItsDayOnceInOrder) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Next(), "2026-06-05");  // 3 working days before Wednesday 10 June
  EXPECT_EQ(Run("2026-06-04"), V{});
  EXPECT_EQ(Run("2026-06-05"), V{"approaching-3"});
  EXPECT_EQ(Run("2026-06-05"), V{});  // a second tick the same day
  EXPECT_EQ(Next(), "2026-06-09");
  EXPECT_EQ(Run("2026-06-09"), V{"approaching-1"});
  EXPECT_EQ(Run("2026-06-10"), V{});  // the due day itself: still in time
  EXPECT_EQ(Next(), "2026-06-11");
  // The executor learns of their own miss, with their unit head and the deadline's setter.
  EXPECT_EQ(Run("2026-06-11"), V{"missed info-public info-head apparatus-head"});
  EXPECT_EQ(Next(), "2026-06-15");  // 3 working days overdue: Thu, Fri, Mon
  EXPECT_EQ(Run("2026-06-12"), V{});
  EXPECT_EQ(Run("2026-06-15"), V{"escalated-1 apparatus-deputy"});
  EXPECT_EQ(Run("2026-06-18"), V{"escalated-2 apparatus-head"});
  EXPECT_EQ(Run("2026-06-23"), V{"escalated-3 chair"});
  EXPECT_EQ(Next(), "none");  // the top of the line
  EXPECT_EQ(Run("2026-12-31"), V{});
  // An extension starts the watch afresh for the new date.
  state_.due = "2026-12-30";
  EXPECT_EQ(Next(), "2026-12-25");
}

TEST_F(WatchStepsTest, ALateTickCatchesUpAndAnAbsentSetterIsReplacedByTheActingPost) {
  ASSERT_TRUE(org_.AddActing({"apparatus-head", "apparatus-deputy", *Date::Parse("2026-06-20"),
                              *Date::Parse("2026-06-30"), "leave"})
                  .ok());
  using V = std::vector<std::string>;
  // The server was down from before the due date: one tick records the miss and both due
  // escalations; the reminders are moot.
  EXPECT_EQ(Run("2026-06-22"), (V{"missed info-public info-head apparatus-deputy/apparatus-head",
                                  "escalated-1 apparatus-deputy", "escalated-2 apparatus-deputy"}));
  EXPECT_EQ(Run("2026-06-22"), V{});
}

TEST_F(WatchStepsTest, CoExecutorsAreRemindedAndAlertedAndAControlledMissReachesTheRecordsOffice) {
  using V = std::vector<std::string>;
  state_.co_executors = {"info-press", "sec-hr"};
  state_.on_control = true;
  Context context;
  context.actor_post = "system";
  context.today = *Date::Parse("2026-06-05");
  context.org = &org_;
  context.calendar = &HolidayCalendar::Default();
  auto reminder = WatchDeadline(state_, context, WatchPolicy());
  ASSERT_EQ(reminder.size(), 1u);
  std::vector<std::string> reminded;
  for (auto r : reminder[0].event().asReader().getPayload().getDeadlineApproaching().getRecipients()) {
    reminded.push_back(std::string(r.getPost().cStr()) + ":" + r.getRole().cStr());
  }
  EXPECT_EQ(reminded, (V{"info-public:executor", "info-press:co_executor", "sec-hr:co_executor"}));
  // The miss: the executors, the unit head, the setter, and — on control — every post of the
  // records office (power register: org-records, info-public already named as the executor).
  EXPECT_EQ(Run("2026-06-11"),
            V{"missed info-public info-press sec-hr info-head apparatus-head org-records"});
  // Not on control: no records office.
  CaseState plain = state_;
  plain.on_control = false;
  plain.watch = {};
  context.today = *Date::Parse("2026-06-11");
  auto missed = WatchDeadline(plain, context, WatchPolicy());
  ASSERT_EQ(missed.size(), 1u);
  std::vector<std::string> roles;
  for (auto r : missed[0].event().asReader().getPayload().getDeadlineMissed().getRecipients()) {
    roles.push_back(r.getRole().cStr());
  }
  EXPECT_EQ(roles, (V{"executor", "co_executor", "co_executor", "unit_head", "deadline_setter"}));
}

TEST_F(WatchStepsTest, NothingRunsOnAClosedCaseAndADayOffMovesOnlyADueOnThatDay) {
  Context context;
  context.actor_post = "chair";
  context.org = &org_;
  HolidayCalendar calendar = HolidayCalendar::Default();
  ASSERT_TRUE(calendar.AddDeclaredDayOff({*Date::Parse("2026-06-10"), "d", "d", "decree"}).ok());
  context.calendar = &calendar;
  context.today = *Date::Parse("2026-06-01");
  EXPECT_TRUE(RecomputeForDayOff(state_, context, *Date::Parse("2026-06-09"), "d", "x").empty());
  auto events = RecomputeForDayOff(state_, context, *Date::Parse("2026-06-10"), "d", "x");
  ASSERT_EQ(events.size(), 1u);
  Evolve(state_, events[0].event().asReader());
  EXPECT_EQ(state_.due, "2026-06-11");
  state_.stage = Stage::kAnswered;
  EXPECT_EQ(Next(), "none");
  EXPECT_EQ(Run("2026-07-01"), std::vector<std::string>{});
}

}  // namespace
}  // namespace saqme::workflows
