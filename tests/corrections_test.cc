// The corrections a clerk needs, as workflow rules: take_note, void_registration,
// correct_registration, a redirect before any resolution, and withdraw_day_off with the
// deadlines it moves back.
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/deadline_watch.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;
namespace commands = saqme::testing::commands;

std::string Changes(const boost::json::object& event) {
  std::string out;
  for (const auto& change : event.at("data").at("changes").as_array()) {
    const auto& c = change.as_object();
    out += std::string(c.at("field").as_string()) + ":" + std::string(c.at("before").as_string()) +
           ">" + std::string(c.at("after").as_string()) + ";";
  }
  return out;
}

TEST(TakeNoteTest, TheAddresseeOrTheExecutorClosesALetterWithoutAnAnswerThenItIsFiled) {
  WorkflowBench bench;
  bench.AddNomenclatureFile(2026, "01-07");
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  Refusal refusal;
  EXPECT_NE(bench.Try("info-analytics", TakeNote(), &refusal), "");  // neither addressee nor lead
  EXPECT_EQ(refusal.missing_power, "execute");
  bench.Do("chair", Resolve("info-analytics"));
  bench.Do("info-analytics", kReceipt);
  bench.Do("info-analytics", TakeNote("გაცნობილია"));  // the lead executor, in execution
  EXPECT_EQ(bench.state().stage, Stage::kNoted);
  EXPECT_EQ(bench.last_event().at("type").as_string(), "noted_for_information");
  EXPECT_EQ(bench.last_event().at("data").at("by").as_string(), "info-analytics");
  EXPECT_EQ(OpenDeadlineOf(bench.state()).due, "");  // the deadline stops: no more alerts
  EXPECT_NE(bench.Try("info-analytics", DraftAnswer()), "");
  EXPECT_NE(bench.Try("chair", TakeNote()), "");  // once
  bench.Do("org-records", FileInto("01-07"));
  EXPECT_EQ(bench.state().stage, Stage::kFiled);
}

TEST(TakeNoteTest, TheAddresseeBeforeAResolutionAndNeverForADocumentTheLawMakesAnswer) {
  WorkflowBench letter;
  letter.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  letter.Do("chair", TakeNote());
  EXPECT_EQ(letter.state().stage, Stage::kNoted);
  for (auto kind : {schema::IncomingKind::APPLICATION, schema::IncomingKind::COMPLAINT,
                    schema::IncomingKind::PUBLIC_INFORMATION}) {
    WorkflowBench bench;
    bench.Do("org-records", Register(kind, "chair"));
    EXPECT_NE(bench.Try("chair", TakeNote()).find("does not apply"), std::string::npos);
  }
}

TEST(VoidRegistrationTest, ByTheRecordsOfficeBeforeAResolutionWithAReasonAndTheCaseCloses) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::APPLICATION, "chair"));
  Refusal refusal;
  EXPECT_NE(bench.Try("chair", VoidRegistration(), &refusal), "");
  EXPECT_EQ(refusal.missing_power, "register");
  EXPECT_NE(bench.Try("org-records", VoidRegistration("")).find("reason"), std::string::npos);
  bench.Do("org-records", VoidRegistration("შეცდომით ორჯერ დარეგისტრირდა"));
  EXPECT_EQ(bench.state().stage, Stage::kVoid);
  EXPECT_EQ(StageName(bench.state().stage), std::string("void"));
  EXPECT_EQ(bench.last_event().at("data").at("registration_number").as_string(), "incoming/2026/1");
  EXPECT_EQ(bench.state().void_reason, "შეცდომით ორჯერ დარეგისტრირდა");
  EXPECT_EQ(OpenDeadlineOf(bench.state()).due, "");
  for (const auto& [name, fill] : Catalogue()) {
    for (const char* post : {"chair", "org-records"}) {
      EXPECT_FALSE(bench.Accepts(post, fill)) << name << " accepted on a void registration";
    }
  }

  WorkflowBench resolved;
  resolved.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  resolved.Do("chair", Resolve("info-analytics"));
  EXPECT_NE(resolved.Try("org-records", VoidRegistration()).find("not possible while"),
            std::string::npos);
}

TEST(CorrectRegistrationTest, OnlyTheFieldsGivenChangeWithBeforeAndAfterAndAReason) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair", "2026-11-20"));
  EXPECT_NE(bench.Try("chair", Correct("ახალი საკითხი")), "");  // the records office corrects
  EXPECT_NE(bench.Try("org-records", Correct("განცხადება")).find("nothing to correct"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", Correct("ახალი", "")).find("reason"), std::string::npos);
  bench.Do("org-records", Correct("მიწის ნაკვეთის საკითხი", "შეცდომა", "", "", 3, "შპს ეგრისი"));
  EXPECT_EQ(Changes(bench.last_event()),
            "sender:ნინო ბერიძე>შპს ეგრისი;sender_kind:citizen>organisation;"
            "subject:განცხადება>მიწის ნაკვეთის საკითხი;pages:2>3;");
  EXPECT_EQ(bench.last_event().at("data").at("sender").at("name").as_string(), "შპს ეგრისი");
  EXPECT_EQ(bench.state().correspondent, "შპს ეგრისი");
  EXPECT_EQ(bench.state().subject, "მიწის ნაკვეთის საკითხი");
  EXPECT_EQ(bench.state().pages, 3u);
  EXPECT_EQ(bench.state().stage, Stage::kRegistered);

  // The addressee must put resolutions; the kind recomputes the statutory deadline from the
  // registration date (the letter's stated 2026-11-20 gives way to the month of an application).
  EXPECT_NE(bench.Try("org-records", Correct("", "r", "", "info-analytics")), "");
  EXPECT_NE(bench.Try("org-records", Correct("", "r", "public_information")).find("register"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", Correct("", "r", "petition")), "");
  bench.Do("org-records", Correct("", "განცხადებაა", "application", "info-head"));
  EXPECT_EQ(bench.state().kind, Kind::kApplication);
  EXPECT_EQ(bench.state().addressee, "info-head");
  EXPECT_EQ(bench.state().due, "2026-12-02");
  EXPECT_EQ(bench.state().statutory_due, "2026-12-02");
  EXPECT_NE(bench.state().due_explanation.find("counted anew from the registration on 2026-11-02"),
            std::string::npos);
  EXPECT_NE(Changes(bench.last_event()).find("due:2026-11-20>2026-12-02;"), std::string::npos);

  // After a resolution the addressee and the kind stay; the subject may still be corrected.
  bench.Do("info-head", Resolve("info-analytics"));
  EXPECT_NE(bench.Try("org-records", Correct("", "r", "complaint")).find("before a resolution"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", Correct("", "r", "", "chair")).find("before a resolution"),
            std::string::npos);
  bench.Do("org-records", Correct("მიწის ნაკვეთის რეგისტრაცია"));
}

TEST(CorrectRegistrationTest, AKindWhoseDeadlineHasPassedIsRefused) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair", "2027-03-01"));
  bench.SetToday("2026-12-10");
  EXPECT_NE(bench.Try("org-records", Correct("", "r", "application")).find("has passed"),
            std::string::npos);
}

TEST(RedirectTest, BeforeAResolutionToAnotherHeadWhoBecomesTheAddresseeOrOutWithTwoLetters) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  EXPECT_NE(bench.Try("org-records", Redirect("info-head", "", false)), "");  // the addressee
  EXPECT_NE(bench.Try("chair", Redirect("info-analytics", "", false)).find("puts resolutions"),
            std::string::npos);
  EXPECT_NE(bench.Try("chair", Redirect("chair", "", false)).find("already"), std::string::npos);
  bench.Do("chair", Redirect("info-head", "", false));
  EXPECT_EQ(bench.state().stage, Stage::kRegistered);
  EXPECT_EQ(bench.state().addressee, "info-head");
  EXPECT_EQ(bench.state().lead_executor, "");
  EXPECT_NE(bench.Try("chair", Resolve("info-analytics")), "");  // no longer the chair's
  bench.Do("info-head", Redirect("", "საქართველოს ფინანსთა სამინისტრო", true));
  EXPECT_EQ(bench.state().stage, Stage::kRedirectedOut);
  const auto& data = bench.last_event().at("data");
  EXPECT_EQ(data.at("forwarding_number").as_string(), "outgoing/2026/1");
  EXPECT_EQ(data.at("notice_number").as_string(), "outgoing/2026/2");
  EXPECT_EQ(OpenDeadlineOf(bench.state()).due, "");
}

TEST(WithdrawDayOffTest, OnlyADeclaredDayNotYetPastWithAReasonByWhoDeclaresDaysOff) {
  WorkflowBench bench;
  bench.Do("chair", [](schema::Command::Builder c) {
    auto r = c.initDeclareDayOff();
    r.setDate("2026-12-10");
    r.setName("მთავრობის განკარგულება N 1");
  });
  Refusal refusal;
  EXPECT_NE(bench.Try("org-records", commands::WithdrawDayOff("2026-12-10"), &refusal), "");
  EXPECT_EQ(refusal.missing_power, "declare_days_off");
  EXPECT_NE(
      bench.Try("chair", commands::WithdrawDayOff("2026-12-11")).find("not a day off declared"),
      std::string::npos);
  EXPECT_NE(bench.Try("chair", commands::WithdrawDayOff("2026-12-10", "")).find("reason"),
            std::string::npos);
  bench.SetToday("2026-12-11");
  EXPECT_NE(bench.Try("chair", commands::WithdrawDayOff("2026-12-10")).find("past date"),
            std::string::npos);
  bench.SetToday("2026-12-01");
  bench.Do("chair", commands::WithdrawDayOff("2026-12-10"));
  EXPECT_EQ(bench.last_event().at("type").as_string(), "day_off_withdrawn");
  EXPECT_TRUE(bench.state().days_off.empty());
  EXPECT_NE(bench.Try("chair", commands::WithdrawDayOff("2026-12-10")), "");  // once
}

TEST(WithdrawDayOffTest, TheDeadlinesTheDeclarationMovedMoveBackAndNoOthers) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair", "2026-12-10"));
  const std::string registered_explanation = bench.state().due_explanation;
  HolidayCalendar calendar = HolidayCalendar::Default();
  ASSERT_TRUE(calendar.AddDeclaredDayOff({*Date::Parse("2026-12-10"), "d", "d", "x"}).ok());
  Context context = bench.Context("chair");
  context.calendar = &calendar;
  auto moved = RecomputeForDayOff(bench.state(), context, *Date::Parse("2026-12-10"), "d", "c1");
  ASSERT_EQ(moved.size(), 1u);
  CaseState state = bench.state();
  Evolve(state, moved[0].event().asReader());
  EXPECT_EQ(state.due, "2026-12-11");
  EXPECT_EQ(state.day_off_move.from, "2026-12-10");

  ASSERT_TRUE(calendar.RemoveDeclaredDayOff(*Date::Parse("2026-12-10")).ok());
  // Another day withdrawn moves nothing.
  EXPECT_TRUE(
      RecomputeForWithdrawal(state, context, *Date::Parse("2026-12-09"), "r", "c2").empty());
  auto back = RecomputeForWithdrawal(state, context, *Date::Parse("2026-12-10"), "r", "c2");
  ASSERT_EQ(back.size(), 1u);
  auto r = back[0].event().asReader().getPayload().getDeadlineRecomputed();
  EXPECT_EQ(std::string(r.getPreviousDue()), "2026-12-11");
  EXPECT_EQ(std::string(r.getNewDue()), "2026-12-10");
  EXPECT_EQ(std::string(r.getReason()), "day off withdrawn: r");
  EXPECT_EQ(std::string(r.getDayOff()), "2026-12-10");
  Evolve(state, back[0].event().asReader());
  EXPECT_EQ(state.due, "2026-12-10");
  EXPECT_EQ(state.due_explanation.rfind(registered_explanation, 0), 0u);
  EXPECT_NE(state.due_explanation.find("working day again"), std::string::npos);
  EXPECT_EQ(state.day_off_move.from, "");

  // A due date set anew after the move (a resolution's) is not moved back.
  CaseState resolved = bench.state();
  Evolve(resolved, moved[0].event().asReader());
  capnp::MallocMessageBuilder message;
  auto command = message.initRoot<schema::Command>();
  Resolve("info-analytics", "2026-12-01")(command);
  auto decision = Decide(resolved, command.asReader(), context);
  auto& events = std::get<std::vector<storage::EventDraft>>(decision);
  Evolve(resolved, events[0].event().asReader());
  EXPECT_EQ(resolved.due, "2026-12-01");
  EXPECT_TRUE(
      RecomputeForWithdrawal(resolved, context, *Date::Parse("2026-12-10"), "r", "c3").empty());
}

TEST(CalendarTest, OneSourceTextForEveryDeclaredDayOff) {
  capnp::MallocMessageBuilder message;
  auto event = message.initRoot<schema::Event>();
  auto declared = event.initPayload().initDayOffDeclared();
  declared.setDate("2026-12-10");
  declared.setName("მთავრობის განკარგულება N 1");
  HolidayCalendar calendar = HolidayCalendar::Default();
  ASSERT_TRUE(ApplyToCalendar(calendar, event.asReader()));
  EXPECT_FALSE(ApplyToCalendar(calendar, event.asReader()));  // already a day off
  EXPECT_FALSE(calendar.IsWorkingDay(*Date::Parse("2026-12-10")));
  EXPECT_NE(calendar.WhyNotWorking(*Date::Parse("2026-12-10")).find(kDeclaredDayOffSource),
            std::string::npos);
  auto withdrawn = event.initPayload().initDayOffWithdrawn();
  withdrawn.setDate("2026-12-10");
  EXPECT_TRUE(ChangesCalendar(event.asReader()));
  ASSERT_TRUE(ApplyToCalendar(calendar, event.asReader()));
  EXPECT_TRUE(calendar.IsWorkingDay(*Date::Parse("2026-12-10")));
  EXPECT_FALSE(ApplyToCalendar(calendar, event.asReader()));
}

}  // namespace
}  // namespace saqme::workflows
