// The deadline calendar: dates, Orthodox Easter, Georgian holidays, period counting.
#include <algorithm>
#include <fstream>

#include <gtest/gtest.h>

#include "tests/test_util.h"
#include "workflows/calendar/deadline.h"
#include "workflows/calendar/easter.h"
#include "workflows/calendar/holiday_calendar.h"

namespace saqme::workflows {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

TEST(DateTest, ParsesOnlyRealDates) {
  EXPECT_EQ(D("2024-02-29"), Date(2024, 2, 29));
  for (const char* bad : {"2023-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "26-01-01",
                          "2026/01/01", "2026-01-01x", "", "abcd-ef-gh", "1899-12-31"}) {
    EXPECT_FALSE(Date::Parse(bad).has_value()) << bad;
  }
}

TEST(DateTest, WeekdaysAndArithmetic) {
  EXPECT_EQ(D("2026-11-22").weekday(), Weekday::kSunday);
  EXPECT_EQ(D("1970-01-01").weekday(), Weekday::kThursday);
  EXPECT_EQ(D("2024-02-28").AddDays(1), D("2024-02-29"));
  EXPECT_EQ(D("2025-12-31").AddDays(1), D("2026-01-01"));
  EXPECT_EQ(Date::FromDays(D("2026-11-22").DaysSinceEpoch()), D("2026-11-22"));
}

TEST(DateTest, MonthArithmeticClampsToMonthEnd) {
  EXPECT_EQ(D("2026-01-31").AddMonthsClamped(1), D("2026-02-28"));
  EXPECT_EQ(D("2024-01-31").AddMonthsClamped(1), D("2024-02-29"));  // leap year
  EXPECT_EQ(D("2024-02-29").AddMonthsClamped(12), D("2025-02-28"));
  EXPECT_EQ(D("2024-02-29").AddMonthsClamped(48), D("2028-02-29"));
  EXPECT_EQ(D("2026-03-31").AddMonthsClamped(1), D("2026-04-30"));
  EXPECT_EQ(D("2026-04-30").AddMonthsClamped(1), D("2026-05-30"));  // not clamped to 31
  EXPECT_EQ(D("2023-12-31").AddMonthsClamped(2), D("2024-02-29"));
  EXPECT_EQ(D("2026-11-30").AddMonthsClamped(3), D("2027-02-28"));
  EXPECT_EQ(D("2100-01-31").AddMonthsClamped(1), D("2100-02-28"));  // 2100 is not a leap year
}

TEST(EasterTest, MatchesThePublishedTable1990To2100) {
  std::ifstream table(SAQME_TEST_DATA "/orthodox_easter_1990_2100.txt");
  ASSERT_TRUE(table.good());
  std::string line;
  int year = 1990;
  while (std::getline(table, line)) {
    if (line.empty() || line[0] == '#') continue;
    EXPECT_EQ(OrthodoxEaster(year).ToString(), line) << year;
    EXPECT_EQ(OrthodoxEaster(year).weekday(), Weekday::kSunday) << year;
    ++year;
  }
  EXPECT_EQ(year, 2101);
}

std::vector<std::string> HolidayDates(int year) {
  std::vector<std::string> out;
  for (const auto& h : HolidayCalendar::Default().Holidays(year)) out.push_back(h.date.ToString());
  return out;
}

TEST(HolidayTest, Every2024Holiday) {
  // Easter 5 May; 7, 8, 10 May and 17 May were declared days off by the Government in 2024.
  EXPECT_EQ(HolidayDates(2024),
            (std::vector<std::string>{
                "2024-01-01", "2024-01-02", "2024-01-07", "2024-01-19", "2024-03-03", "2024-03-08",
                "2024-04-09", "2024-05-03", "2024-05-04", "2024-05-05", "2024-05-06", "2024-05-07",
                "2024-05-08", "2024-05-09", "2024-05-10", "2024-05-12", "2024-05-17", "2024-05-26",
                "2024-08-28", "2024-10-14", "2024-11-23"}));
  auto may17 = HolidayCalendar::Default().HolidayOn(D("2024-05-17"));
  ASSERT_TRUE(may17);
  EXPECT_NE(may17->source.find("decree"), std::string::npos) << may17->source;
}

TEST(HolidayTest, Every2025Holiday) {
  EXPECT_EQ(
      HolidayDates(2025),
      (std::vector<std::string>{
          "2025-01-01", "2025-01-02", "2025-01-07", "2025-01-19", "2025-03-03", "2025-03-08",
          "2025-04-09", "2025-04-18", "2025-04-19", "2025-04-20", "2025-04-21", "2025-05-09",
          "2025-05-12", "2025-05-17", "2025-05-26", "2025-08-28", "2025-10-14", "2025-11-23"}));
  auto may17 = HolidayCalendar::Default().HolidayOn(D("2025-05-17"));
  ASSERT_TRUE(may17);
  EXPECT_NE(may17->source.find("Labour Code"), std::string::npos);
}

TEST(HolidayTest, Every2026Holiday) {
  EXPECT_EQ(
      HolidayDates(2026),
      (std::vector<std::string>{
          "2026-01-01", "2026-01-02", "2026-01-07", "2026-01-19", "2026-03-03", "2026-03-08",
          "2026-04-09", "2026-04-10", "2026-04-11", "2026-04-12", "2026-04-13", "2026-05-09",
          "2026-05-12", "2026-05-17", "2026-05-26", "2026-08-28", "2026-10-14", "2026-11-23"}));
  EXPECT_EQ(HolidayCalendar::Default().HolidayOn(D("2026-11-23"))->name_ka, "გიორგობა");
}

TEST(HolidayTest, SeventeenthOfMayIsStatutoryOnlyFrom2025) {
  EXPECT_FALSE(HolidayCalendar::Default().HolidayOn(D("2023-05-17")).has_value());
}

TEST(HolidayTest, WorkingDays) {
  const auto& calendar = HolidayCalendar::Default();
  EXPECT_TRUE(calendar.IsWorkingDay(D("2026-11-20")));   // Friday
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-21")));  // Saturday
  EXPECT_FALSE(calendar.IsWorkingDay(D("2026-11-23")));  // Giorgoba, a Monday
  EXPECT_NE(calendar.WhyNotWorking(D("2026-04-13")).find("Easter Monday"), std::string::npos);
  EXPECT_TRUE(calendar.WhyNotWorking(D("2026-11-24")).empty());
}

TEST(HolidayTest, MalformedCalendarDataNamesTheLine) {
  auto bad =
      HolidayCalendar::Parse("# header\n01-01\t-\t-\tა\tA\tlaw\n02-30\t-\t-\tბ\tB\tlaw\n", "");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 3"), std::string::npos) << bad.status().message();
  auto short_row = HolidayCalendar::Parse("", "2026-12-21\tonly two\n");
  EXPECT_FALSE(short_row.ok());
}

TEST(PeriodRuleTest, ParsesTheThreeForms) {
  EXPECT_EQ(PeriodRule::Parse("months:1")->unit, PeriodRule::Unit::kMonths);
  EXPECT_EQ(PeriodRule::Parse("days:10")->count, 10);
  EXPECT_EQ(PeriodRule::Parse("working-days:3")->unit, PeriodRule::Unit::kWorkingDays);
  for (const char* bad :
       {"months:0", "days:-1", "weeks:2", "days:", "days:1x", "days 10", "days:99999", ""}) {
    EXPECT_FALSE(PeriodRule::Parse(bad).has_value()) << bad;
  }
}

struct DeadlineCase {
  const char* start;
  const char* rule;
  const char* due;
  std::vector<std::string> skipped;
};

TEST(DeadlineTest, Table) {
  const std::vector<DeadlineCase> cases = {
      // Start day not counted; an ordinary working end.
      {"2026-11-02", "days:10", "2026-11-12", {}},
      // GAC art. 40: ten days ending on Giorgoba (Monday 23 Nov) move to Tuesday.
      {"2026-11-13", "days:10", "2026-11-24", {"2026-11-23"}},
      // A month ending on a Sunday moves to Monday.
      {"2026-11-20", "months:1", "2026-12-21", {"2026-12-20"}},
      // Month-end clamping, then the weekend: 31 Jan + 1 month = Sat 28 Feb -> Mon 2 Mar.
      {"2026-01-31", "months:1", "2026-03-02", {"2026-02-28", "2026-03-01"}},
      {"2024-01-31", "months:1", "2024-02-29", {}},
      {"2026-04-30", "months:1", "2026-06-01", {"2026-05-30", "2026-05-31"}},
      // Ending on Good Friday 2026: the whole Easter weekend and Easter Monday are skipped.
      {"2026-03-31",
       "days:10",
       "2026-04-14",
       {"2026-04-10", "2026-04-11", "2026-04-12", "2026-04-13"}},
      // May 2024: Easter, declared days off and 9 May in a row, then a weekend with 12 May.
      {"2024-04-23",
       "days:10",
       "2024-05-13",
       {"2024-05-03", "2024-05-04", "2024-05-05", "2024-05-06", "2024-05-07", "2024-05-08",
        "2024-05-09", "2024-05-10", "2024-05-11", "2024-05-12"}},
      // Working days: the weekend and Giorgoba do not count.
      {"2026-11-20", "working-days:3", "2026-11-26", {"2026-11-21", "2026-11-22", "2026-11-23"}},
      {"2026-11-24", "working-days:1", "2026-11-25", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.start) + " " + c.rule);
    auto deadline =
        ComputeDeadline(D(c.start), *PeriodRule::Parse(c.rule), HolidayCalendar::Default());
    EXPECT_EQ(deadline.due.ToString(), c.due);
    std::vector<std::string> skipped;
    for (const auto& s : deadline.skipped) skipped.push_back(s.date.ToString());
    EXPECT_EQ(skipped, c.skipped);
  }
}

TEST(DeadlineTest, ExplanationNamesRuleSourceStartRawEndAndEverySkippedDay) {
  auto deadline = ComputeDeadline(D("2026-03-31"), *PeriodRule::Parse("days:10"),
                                  HolidayCalendar::Default(), "GAC art. 40");
  std::string text;
  for (const auto& line : deadline.Explanation()) text += line + "\n";
  for (const char* expected :
       {"rule: days:10", "GAC art. 40", "start: 2026-03-31 (Tuesday)",
        "raw end: 2026-04-10 (Friday)", "skipped: 2026-04-10 — Good Friday / წითელი პარასკევი",
        "skipped: 2026-04-11 — Holy Saturday", "skipped: 2026-04-13 — Easter Monday",
        "due: 2026-04-14 (Tuesday)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

TEST(DeadlineTest, ADayOffDeclaredAtRunTimeMovesTheDeadline) {
  HolidayCalendar calendar = HolidayCalendar::Default();
  const Date start = D("2026-11-20");
  const PeriodRule month = *PeriodRule::Parse("months:1");
  EXPECT_EQ(ComputeDeadline(start, month, calendar).due, D("2026-12-21"));
  ASSERT_TRUE(calendar
                  .AddDeclaredDayOff({D("2026-12-21"), "დასვენების დღე", "Declared day off",
                                      "Government decree (test)"})
                  .ok());
  auto moved = ComputeDeadline(start, month, calendar);
  EXPECT_EQ(moved.due, D("2026-12-22"));
  ASSERT_EQ(moved.skipped.size(), 2u);
  EXPECT_NE(moved.skipped[1].reason.find("Government decree (test)"), std::string::npos);
  EXPECT_FALSE(calendar.AddDeclaredDayOff({D("2026-12-21"), "x", "x", "x"}).ok());
  // The default calendar is untouched.
  EXPECT_TRUE(HolidayCalendar::Default().IsWorkingDay(D("2026-12-21")));
}

std::pair<int, std::string> RunSaqme(const std::string& args) {
  return saqme::testing::RunCommand(std::string(SAQME_BINARY) + " " + args);
}

TEST(CalendarCommandsTest, DeadlinePrintsTheDueDateFirst) {
  auto [code, out] = RunSaqme("deadline --from 2026-11-13 --rule days:10 --source 'GAC art. 40'");
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out.substr(0, 11), "2026-11-24\n") << out;
  EXPECT_NE(out.find("skipped: 2026-11-23"), std::string::npos) << out;
  EXPECT_NE(out.find("GAC art. 40"), std::string::npos) << out;
}

TEST(CalendarCommandsTest, HolidaysPrintsOneTabSeparatedLinePerHoliday) {
  auto [code, out] = RunSaqme("holidays --year 2025");
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out.substr(0, 11), "2025-01-01\t") << out;
  EXPECT_NE(out.find("2025-04-20\tაღდგომა\n"), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 18);
}

TEST(CalendarCommandsTest, BadArgumentsAreExplained) {
  auto [code, out] = RunSaqme("deadline --from 2026-02-30 --rule days:10");
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("YYYY-MM-DD"), std::string::npos) << out;
  auto [code2, out2] = RunSaqme("deadline --from 2026-02-03 --rule weeks:2");
  EXPECT_EQ(code2, 2);
  EXPECT_NE(out2.find("working-days:N"), std::string::npos) << out2;
  auto [code3, out3] = RunSaqme("holidays --year 20x6");
  EXPECT_EQ(code3, 2);
}

}  // namespace
}  // namespace saqme::workflows
