// Deadlines: a period rule applied to a start date on the holiday calendar, with the
// explanation a supervisor or a court will ask for (rule, legal source, start, raw end, every
// day skipped and why).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/calendar/date.h"
#include "workflows/calendar/holiday_calendar.h"

namespace saqme::workflows {

struct PeriodRule {
  // kFirstWeekdayOfNextMonth: the first `weekday` of the month after the start's month (a
  // monthly report due "the first Friday of the next month", Zugdidi statute art. 32.4(d)).
  enum class Unit { kMonths, kDays, kWorkingDays, kFirstWeekdayOfNextMonth };
  Unit unit = Unit::kMonths;
  int count = 1;                       // unused by kFirstWeekdayOfNextMonth
  Weekday weekday = Weekday::kFriday;  // only kFirstWeekdayOfNextMonth

  // "months:N", "days:N", "working-days:N" with 1 <= N <= 3660, or
  // "first-weekday-of-next-month:DAY" with DAY an English weekday in lower case ("friday");
  // nullopt otherwise.
  static std::optional<PeriodRule> Parse(std::string_view text);
  std::string ToString() const;  // the same form
};

struct SkippedDay {
  Date date;
  std::string reason;     // HolidayCalendar::WhyNotWorking
  std::string reason_ka;  // HolidayCalendar::WhyNotWorkingKa
};

struct Deadline {
  Date due;
  PeriodRule rule;
  std::string legal_source;     // the statute that sets the period (given by the caller)
  std::string legal_source_ka;  // the same in Georgian
  Date start;
  Date raw_end;  // the end before moving off non-working days
  std::vector<SkippedDay> skipped;
  // The explanation as lines of text (English, with Georgian names of days and holidays).
  std::vector<std::string> Explanation() const;
  // The same explanation in Georgian, line for line.
  std::vector<std::string> ExplanationKa() const;
};

// Computes the due date (Civil Code of Georgia, rules on periods):
// - months:N ends on the day of the N-th month with the start day's number, or that month's last
//   day when it has no such day; days:N ends N calendar days after the start (the start day is
//   not counted); both move to the next working day when the end is a Saturday, Sunday, public
//   holiday or declared day off;
// - working-days:N ends on the N-th working day after the start;
// - first-weekday-of-next-month:DAY ends on the first DAY of the month after the start's month
//   and, like a period, moves to the next working day when that day is not a working day (a
//   last day that is a holiday gives the day after it, never an earlier day: an earlier day
//   would shorten the time the statute grants).
// `legal_source` names the statute that sets the period, e.g. "GAC art. 40" (may be empty), and
// `legal_source_ka` the same in Georgian.
Deadline ComputeDeadline(const Date& start, const PeriodRule& rule, const HolidayCalendar& calendar,
                         std::string legal_source = {}, std::string legal_source_ka = {});

// The last day of a period `rule` from `start` extended by `extension` (Civil Code of Georgia,
// rules on periods): the extension runs from the period's own end before any roll to a working
// day — both in months: `start` plus their sum, so 31 January + 1 + 1 month is 31 March — and
// only the final end moves to the next working day.
Date ExtendedPeriodEnd(const Date& start, const PeriodRule& rule, const PeriodRule& extension,
                       const HolidayCalendar& calendar);

// A last day a person chose (a resolution's due date, the date stated in a document) on the
// calendar: `date` itself when it is a working day; otherwise the next working day, because a
// period whose last day is a non-working day ends on the next working day (Civil Code of
// Georgia, rules on periods). `note` (and `note_ka`) explains the move, naming every day skipped
// and why; empty when the date did not move.
struct RolledDay {
  Date due;
  std::string note, note_ka;  // `note` in English and in Georgian
};
RolledDay RollToWorkingDay(const Date& date, const HolidayCalendar& calendar);

}  // namespace saqme::workflows
