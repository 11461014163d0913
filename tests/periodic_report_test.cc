// Periodic reports (workflows/periodic_report.cc, workflows/report_table.h) and the deadline rule
// they brought (first-weekday-of-next-month, workflows/calendar/deadline.h): the first Friday of
// the next month across month and year ends and a holiday; 2 days, a week and 2 weeks after a
// period's end; which posts owe what; every state of the obligation, every other command refused
// there for the state's reason, and who may submit.
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "tests/workflow_states.h"
#include "workflows/allowed_actions.h"
#include "workflows/deadline_watch.h"
#include "workflows/report_table.h"

namespace saqme::workflows {
namespace {

using saqme::testing::ExpectOnlyAllowed;
using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;

Date D(const char* text) { return *Date::Parse(text); }

std::vector<std::string> Skipped(const Deadline& deadline) {
  std::vector<std::string> days;
  for (const auto& s : deadline.skipped) days.push_back(s.date.ToString());
  return days;
}

// ---- the deadline rule -----------------------------------------------------------------------

TEST(FirstWeekdayRuleTest, ParsesAndPrintsTheWeekday) {
  auto rule = PeriodRule::Parse("first-weekday-of-next-month:friday");
  ASSERT_TRUE(rule.has_value());
  EXPECT_EQ(rule->unit, PeriodRule::Unit::kFirstWeekdayOfNextMonth);
  EXPECT_EQ(rule->weekday, Weekday::kFriday);
  EXPECT_EQ(rule->ToString(), "first-weekday-of-next-month:friday");
  EXPECT_EQ(PeriodRule::Parse("first-weekday-of-next-month:monday")->weekday, Weekday::kMonday);
  for (const char* bad : {"first-weekday-of-next-month:", "first-weekday-of-next-month:fri",
                          "first-weekday-of-next-month:Friday", "first-weekday-of-next-month:5",
                          "first-weekday:friday"}) {
    EXPECT_FALSE(PeriodRule::Parse(bad).has_value()) << bad;
  }
}

TEST(FirstWeekdayRuleTest, TheFirstFridayOfTheNextMonth) {
  struct Case {
    const char* start;
    const char* due;
    std::vector<std::string> skipped;
  };
  const std::vector<Case> cases = {
      {"2026-11-30", "2026-12-04", {}},  // December begins on a Tuesday
      {"2026-11-15", "2026-12-04", {}},  // any day of the month gives the same month's report day
      {"2026-02-28", "2026-03-06", {}},  // March begins on a Sunday
      {"2026-07-31", "2026-08-07", {}},  // August begins on a Saturday
      {"2026-04-30", "2026-05-01", {}},  // May begins on the Friday itself
      // The year's end: 1 January 2027 is a Friday and New Year's day, the 2nd is the holiday's
      // second day (a Saturday), the 3rd a Sunday: the report is due on Monday the 4th.
      {"2026-12-31", "2027-01-04", {"2027-01-01", "2027-01-02", "2027-01-03"}},
  };
  const PeriodRule rule = *PeriodRule::Parse("first-weekday-of-next-month:friday");
  for (const auto& c : cases) {
    SCOPED_TRACE(c.start);
    auto deadline = ComputeDeadline(D(c.start), rule, HolidayCalendar::Default(), "art. 32.4");
    EXPECT_EQ(deadline.due.ToString(), c.due);
    EXPECT_EQ(Skipped(deadline), c.skipped);
  }
}

TEST(FirstWeekdayRuleTest, TheExplanationSaysTheRuleAndTheMoveInBothLanguages) {
  auto deadline =
      ComputeDeadline(D("2026-12-31"), *PeriodRule::Parse("first-weekday-of-next-month:friday"),
                      HolidayCalendar::Default(), "art. 32.4", "მუხლი 32.4");
  std::string en, ka;
  for (const auto& line : deadline.Explanation()) en += line + "\n";
  for (const auto& line : deadline.ExplanationKa()) ka += line + "\n";
  EXPECT_NE(en.find("first-weekday-of-next-month:friday — the first Friday of the month after"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("raw end: 2027-01-01 (Friday)"), std::string::npos) << en;
  EXPECT_NE(en.find("due: 2027-01-04 (Monday), the next working day"), std::string::npos) << en;
  EXPECT_NE(ka.find("მომდევნო თვის პირველი პარასკევი"), std::string::npos) << ka;
  EXPECT_NE(ka.find("მომდევნო სამუშაო დღე"), std::string::npos) << ka;
  EXPECT_NE(ka.find("მუხლი 32.4"), std::string::npos) << ka;
  EXPECT_EQ(ka.find("Friday"), std::string::npos) << ka;
}

TEST(ReportDeadlinesTest, DivisionServiceAndMayoraltyAfterThePeriodsEnd) {
  const DeadlineTable& table = DeadlineTable::Default();
  EXPECT_EQ(table.Get("report-staff-monthly").rule.ToString(),
            "first-weekday-of-next-month:friday");
  struct Case {
    const char* key;
    const char* period_end;
    const char* due;
  };
  const Case cases[] = {
      {"report-division", "2026-11-30", "2026-12-02"},   // 2 days: Wednesday
      {"report-service", "2026-11-30", "2026-12-07"},    // a week: Monday
      {"report-mayoralty", "2026-06-30", "2026-07-14"},  // 2 weeks after the half-year
      {"report-division", "2026-12-31", "2027-01-04"},   // 2 January (holiday, Saturday), Sunday
      {"report-service", "2026-12-31", "2027-01-08"},    // 7 January is Christmas
      {"report-quarterly", "2026-12-31", "2027-02-01"},  // a month: 31 January is a Sunday
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.key) + " " + c.period_end);
    EXPECT_EQ(table.Compute(c.key, D(c.period_end), HolidayCalendar::Default()).due.ToString(),
              c.due);
  }
}

// ---- which posts report what -----------------------------------------------------------------

TEST(ReportTableTest, PeriodsAndTheirLastDays) {
  const std::pair<const char*, const char*> good[] = {
      {"2026-11", "2026-11-30"}, {"2024-02", "2024-02-29"}, {"2026-Q1", "2026-03-31"},
      {"2026-Q4", "2026-12-31"}, {"2026-H1", "2026-06-30"}, {"2026", "2026-12-31"}};
  for (const auto& [text, last] : good) {
    auto period = ReportingPeriod::Parse(text);
    ASSERT_TRUE(period.has_value()) << text;
    EXPECT_EQ(period->last_day.ToString(), last) << text;
  }
  EXPECT_EQ(ReportingPeriod::Parse("2026-Q2")->unit, "quarter");
  for (const char* bad : {"2026-13", "2026-00", "2026-Q5", "2026-H3", "2026-1", "26-11", "",
                          "2026-11-01", "2026-q1", "year"}) {
    EXPECT_FALSE(ReportingPeriod::Parse(bad).has_value()) << bad;
  }
}

TEST(ReportTableTest, WhoOwesWhatInTheTwoBodies) {
  const ReportTable& table = ReportTable::Default();
  const OrgChart& zugdidi = OrgChart::Zugdidi();
  // Every employee (every post with a supervisor: all but the mayor), the nine services' heads,
  // the divisions' heads below them, the mayor for the mayoralty.
  EXPECT_EQ(ObligedPosts(*table.Find("zugdidi-mayoralty", "staff_monthly"), zugdidi).size(),
            zugdidi.posts().size() - 1);
  const auto services = ObligedPosts(*table.Find("zugdidi-mayoralty", "service"), zugdidi);
  EXPECT_EQ(services.size(), 9u);
  EXPECT_EQ(services.front(), "svc-administrative-head");
  const auto divisions = ObligedPosts(*table.Find("zugdidi-mayoralty", "division"), zugdidi);
  EXPECT_NE(std::find(divisions.begin(), divisions.end(), "adm-records-head"), divisions.end());
  EXPECT_EQ(std::find(divisions.begin(), divisions.end(), "records-clerk"), divisions.end());
  EXPECT_EQ(ObligedPosts(*table.Find("zugdidi-mayoralty", "mayoralty"), zugdidi),
            std::vector<std::string>{"mayor"});
  const OrgChart& ozurgeti = OrgChart::Ozurgeti();
  EXPECT_EQ(ObligedPosts(*table.Find("ozurgeti-council", "quarterly"), ozurgeti).size(),
            ozurgeti.posts().size() - 1);  // all but the chair
  EXPECT_EQ(table.Find("ozurgeti-council", "staff_monthly"), nullptr);
  EXPECT_EQ(table.OfBody("zugdidi-mayoralty").size(), 4u);
}

TEST(ReportTableTest, AMalformedLineIsNamed) {
  auto parsed = ReportTable::Parse("# c\nzugdidi-mayoralty\tx\tstaff\tweek\treport-division\n");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(ReportTable::Parse("b\tr\tunit-heads:x\tmonth\tk\n").ok());
  EXPECT_TRUE(ReportTable::Parse("b\tr\tunit-heads:3\tmonth,year\tk\n").ok());
}

// ---- the workflow ----------------------------------------------------------------------------

TEST(PeriodicReportTest, RequiredThenSubmittedWithEveryStateRefusingTheRest) {
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.SetToday("2026-12-01");
  const auto monthly = RequireReport("adm-records-officer", "staff_monthly", "2026-11");
  Refusal refusal;
  // The records office opens the obligations; a head without the register power may not.
  EXPECT_NE(bench.Try("adm-legal-head", monthly, &refusal), "");
  EXPECT_EQ(refusal.missing_power, "register");
  auto refused = [&](const saqme::testing::WorkflowBench::Fill& fill) {
    return bench.Try("records-clerk", fill);
  };
  EXPECT_NE(
      refused(RequireReport("adm-records-officer", "quarterly", "2026-Q4")).find("owes no report"),
      std::string::npos);
  EXPECT_NE(refused(RequireReport("nobody", "staff_monthly", "2026-11")).find("no post"),
            std::string::npos);
  EXPECT_NE(refused(RequireReport("mayor", "staff_monthly", "2026-11")).find("does not owe"),
            std::string::npos);
  EXPECT_NE(refused(RequireReport("records-clerk", "service", "2026-11")).find("does not owe"),
            std::string::npos);
  EXPECT_NE(refused(RequireReport("adm-records-officer", "staff_monthly", "2026-13"))
                .find("not a period"),
            std::string::npos);
  EXPECT_NE(
      refused(RequireReport("adm-records-officer", "staff_monthly", "2026-Q4")).find("per quarter"),
      std::string::npos);

  bench.Do("records-clerk", monthly);
  const CaseState& s = bench.state();
  EXPECT_EQ(s.kind, Kind::kPeriodicReport);
  EXPECT_EQ(s.stage, Stage::kReportOwed);
  EXPECT_EQ(s.report_post, "adm-records-officer");
  EXPECT_EQ(s.recipient, "adm-records-head");
  EXPECT_EQ(s.period_end, "2026-11-30");
  EXPECT_EQ(s.due, "2026-12-04");  // the first Friday of December
  EXPECT_NE(s.due_explanation.find("the first Friday"), std::string::npos) << s.due_explanation;
  EXPECT_NE(s.due_explanation_ka.find("პირველი პარასკევი"), std::string::npos);
  // The body cites its own statute (its org file's sources).
  EXPECT_NE(s.due_explanation.find("Zugdidi statute art. 32.4(d)"), std::string::npos);
  EXPECT_NE(s.due_explanation_ka.find("მუხლი 32.4(დ)"), std::string::npos);
  EXPECT_EQ(OpenDeadlineOf(s).due, "2026-12-04");
  EXPECT_EQ(OpenDeadlineOf(s).responsible, "adm-records-officer");
  ExpectOnlyAllowed(bench, {"submit_report"});

  // Only the obliged post submits, with a text.
  EXPECT_NE(bench.Try("adm-records-head", SubmitReport(), &refusal), "");
  EXPECT_TRUE(refusal.forbidden());
  EXPECT_NE(bench.Try("adm-records-officer", SubmitReport(" ")).find("text"), std::string::npos);
  bench.Do("adm-records-officer", SubmitReport());
  EXPECT_EQ(bench.state().stage, Stage::kReportSubmitted);
  EXPECT_EQ(bench.state().report_submitted_on, "2026-12-01");
  EXPECT_TRUE(OpenDeadlineOf(bench.state()).due.empty());
  ExpectOnlyAllowed(bench, {});
}

TEST(PeriodicReportTest, AReportRequiredTwiceForTheSamePeriodIsRefusedInBothLanguages) {
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.SetToday("2026-12-01");
  // Case report-1 already owes the officer's November report (another command id opened it).
  bench.AddRequiredReport("adm-records-officer", "staff_monthly", "2026-11", "report-1");
  Refusal refusal;
  EXPECT_NE(bench
                .Try("records-clerk",
                     RequireReport("adm-records-officer", "staff_monthly", "2026-11"), &refusal)
                .find("is already required in case report-1"),
            std::string::npos);
  EXPECT_FALSE(refusal.forbidden());
  EXPECT_NE(refusal.message_ka.find("უკვე მოთხოვნილია საქმეში report-1"), std::string::npos);
  // Another period, or another post for the same period, is another obligation.
  EXPECT_TRUE(bench.Accepts("records-clerk",
                            RequireReport("adm-records-officer", "staff_monthly", "2026-10")));
  EXPECT_TRUE(
      bench.Accepts("records-clerk", RequireReport("records-clerk", "staff_monthly", "2026-11")));
  bench.Do("records-clerk", RequireReport("adm-records-officer", "staff_monthly", "2026-10"));
}

TEST(PeriodicReportTest, AReportIsSubmittedOnlyAfterItsPeriod) {
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.SetToday("2026-12-01");
  bench.Do("records-clerk", RequireReport("adm-records-officer", "staff_monthly", "2026-12"));
  EXPECT_EQ(bench.state().due, "2027-01-04");
  Refusal refusal;
  EXPECT_NE(bench.Try("adm-records-officer", SubmitReport(), &refusal).find("ends on 2026-12-31"),
            std::string::npos);
  EXPECT_EQ(refusal.category(), RefusalCategory::kNotNow);
  bench.SetToday("2027-01-05");
  bench.Do("adm-records-officer", SubmitReport());
  EXPECT_EQ(bench.state().stage, Stage::kReportSubmitted);
}

TEST(PeriodicReportTest, WhoActsForTheObligedPostSubmitsForIt) {
  // The first deputy acts for the mayor from 7 to 11 December 2026 (the org file's demo).
  WorkflowBench bench(OrgChart::Zugdidi());
  bench.SetToday("2026-12-08");
  bench.Do("records-clerk", RequireReport("mayor", "mayoralty", "2026-H1"));
  EXPECT_EQ(bench.state().due, "2026-07-14");
  EXPECT_EQ(bench.state().recipient, "");  // the mayoralty reports to the council
  Refusal refusal;
  EXPECT_NE(bench.Try("mayor", SubmitReport(), &refusal), "");
  EXPECT_NE(bench.Try("deputy-mayor", SubmitReport(), &refusal), "");
  bench.Do("first-deputy-mayor", SubmitReport());
  EXPECT_EQ(bench.state().stage, Stage::kReportSubmitted);
}

TEST(PeriodicReportTest, OzurgetiPostsReportQuarterly) {
  WorkflowBench bench;  // Ozurgeti
  bench.SetToday("2026-10-01");
  EXPECT_NE(bench.Try("org-records", RequireReport("org-protocol", "quarterly", "2026-09"))
                .find("per month"),
            std::string::npos);
  EXPECT_NE(
      bench.Try("org-records", RequireReport("chair", "quarterly", "2026-Q3")).find("does not owe"),
      std::string::npos);
  bench.Do("org-records", RequireReport("org-protocol", "quarterly", "2026-Q3"));
  EXPECT_EQ(bench.state().due, "2026-10-30");  // a month after 30 September
  EXPECT_EQ(bench.state().recipient, "org-head");
  EXPECT_NE(bench.state().due_explanation.find(
                "job descriptions: every post of the apparatus reports once a quarter"),
            std::string::npos);
}

}  // namespace
}  // namespace saqme::workflows
