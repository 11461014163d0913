// saqme deadline / saqme holidays: the calendar from the command line. Other tools depend on the
// exact output form (docs/api.md): `deadline` prints the due date alone on the first line;
// `holidays` prints one "YYYY-MM-DD<TAB>Georgian name" line per non-working holiday.
#include <iostream>
#include <optional>

#include "cli/args.h"
#include "cli/commands.h"
#include "engine/engine.h"
#include "workflows/calendar/deadline.h"
#include "workflows/calendar/holiday_calendar.h"

namespace saqme::cli {

using workflows::Date;

namespace {

// The built-in calendar, plus the days off declared in the log of --data DIR when given.
std::optional<workflows::HolidayCalendar> CalendarFor(const Args& args) {
  if (!args.Has("data")) return workflows::HolidayCalendar::Default();
  auto log = OpenLogForReading(args);
  if (!log) return std::nullopt;
  auto calendar = engine::CalendarFromLog(*log, workflows::HolidayCalendar::Default());
  if (!calendar.ok()) {
    PrintError(calendar.status());
    return std::nullopt;
  }
  return std::move(calendar.value());
}

}  // namespace

int RunDeadline(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"from", "rule", "source", "data"}, {});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout << "usage: saqme deadline --from YYYY-MM-DD --rule months:N|days:N|working-days:N|\n"
                 "                      first-weekday-of-next-month:DAY\n"
                 "                      [--source TEXT] [--data DIR]\n\n"
                 "Prints the due date on the first line, then how it was computed: the rule, its\n"
                 "legal source (--source, e.g. \"GAC art. 40\"), the start, the raw end and every\n"
                 "non-working day skipped, with why (weekend, public holiday of the Labour Code,\n"
                 "day off declared by the Government). Periods are counted as the Civil Code of\n"
                 "Georgia says: the start day is not counted; months end on the same day number\n"
                 "or the month's last day; an end on a non-working day moves to the next working\n"
                 "day. With --data, the days off declared in that log count too.\n";
    return 0;
  }
  auto from = Date::Parse(args->GetOr("from", ""));
  if (!from) {
    PrintError(Status::Error(Status::Code::kInvalidArgument,
                             "--from needs a date as YYYY-MM-DD (e.g. 2026-11-20)",
                             "--from მოითხოვს თარიღს ფორმატით YYYY-MM-DD"));
    return 2;
  }
  auto rule = workflows::PeriodRule::Parse(args->GetOr("rule", ""));
  if (!rule) {
    PrintError(
        Status::Error(Status::Code::kInvalidArgument,
                      "--rule needs months:N, days:N or working-days:N with N from 1 to 3660, or "
                      "first-weekday-of-next-month:DAY (DAY: monday … sunday)",
                      "--rule უნდა იყოს months:N, days:N ან working-days:N (N 1-დან 3660-მდე), "
                      "ან first-weekday-of-next-month:DAY (DAY: monday … sunday)"));
    return 2;
  }
  auto calendar = CalendarFor(args.value());
  if (!calendar) return 2;
  auto deadline = workflows::ComputeDeadline(*from, *rule, *calendar, args->GetOr("source", ""));
  std::cout << deadline.due.ToString() << "\n";
  for (const auto& line : deadline.Explanation()) std::cout << line << "\n";
  return 0;
}

int RunHolidays(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"year", "data"}, {"english"});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout << "usage: saqme holidays --year YYYY [--english] [--data DIR]\n\n"
                 "One line per non-working public holiday of the year, in date order:\n"
                 "YYYY-MM-DD<TAB>name in Georgian (--english adds a third column). Includes the\n"
                 "Labour Code holidays (Orthodox Easter computed) and the days off declared by\n"
                 "the Government that saqme knows of: the built-in list and, with --data, those\n"
                 "declared in that log (declare_day_off).\n";
    return 0;
  }
  auto start = Date::Parse(args->GetOr("year", "") + "-01-01");
  if (!start || start->year() > 2199) {
    PrintError(Status::Error(Status::Code::kInvalidArgument,
                             "--year needs a year from 1900 to 2199",
                             "--year მოითხოვს წელს 1900-დან 2199-მდე"));
    return 2;
  }
  auto calendar = CalendarFor(args.value());
  if (!calendar) return 2;
  for (const auto& holiday : calendar->Holidays(start->year())) {
    std::cout << holiday.date.ToString() << "\t" << holiday.name_ka;
    if (args->Has("english")) std::cout << "\t" << holiday.name_en;
    std::cout << "\n";
  }
  return 0;
}

}  // namespace saqme::cli
