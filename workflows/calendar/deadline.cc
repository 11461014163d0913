#include "workflows/calendar/deadline.h"

namespace saqme::workflows {
namespace {

std::string DayWithWeekday(const Date& date) {
  return date.ToString() + " (" + WeekdayEnglish(date.weekday()) + ")";
}

}  // namespace

std::optional<PeriodRule> PeriodRule::Parse(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view unit = text.substr(0, colon), number = text.substr(colon + 1);
  PeriodRule rule;
  if (unit == "months") {
    rule.unit = Unit::kMonths;
  } else if (unit == "days") {
    rule.unit = Unit::kDays;
  } else if (unit == "working-days") {
    rule.unit = Unit::kWorkingDays;
  } else {
    return std::nullopt;
  }
  if (number.empty() || number.size() > 4) return std::nullopt;
  int count = 0;
  for (char c : number) {
    if (c < '0' || c > '9') return std::nullopt;
    count = count * 10 + (c - '0');
  }
  if (count < 1 || count > 3660) return std::nullopt;
  rule.count = count;
  return rule;
}

std::string PeriodRule::ToString() const {
  const char* unit = this->unit == Unit::kMonths ? "months"
                     : this->unit == Unit::kDays ? "days"
                                                 : "working-days";
  return std::string(unit) + ":" + std::to_string(count);
}

Deadline ComputeDeadline(const Date& start, const PeriodRule& rule, const HolidayCalendar& calendar,
                         std::string legal_source) {
  Deadline deadline;
  deadline.rule = rule;
  deadline.legal_source = std::move(legal_source);
  deadline.start = start;
  if (rule.unit == PeriodRule::Unit::kWorkingDays) {
    // Count working days after the start; every non-working day passed over is recorded.
    Date day = start;
    for (int counted = 0; counted < rule.count;) {
      day = day.AddDays(1);
      std::string why = calendar.WhyNotWorking(day);
      if (why.empty()) {
        ++counted;
      } else {
        deadline.skipped.push_back({day, why});
      }
    }
    deadline.raw_end = start.AddDays(rule.count);
    deadline.due = day;
    return deadline;
  }
  Date end = rule.unit == PeriodRule::Unit::kMonths ? start.AddMonthsClamped(rule.count)
                                                    : start.AddDays(rule.count);
  deadline.raw_end = end;
  for (std::string why = calendar.WhyNotWorking(end); !why.empty();
       why = calendar.WhyNotWorking(end)) {
    deadline.skipped.push_back({end, why});
    end = end.AddDays(1);
  }
  deadline.due = end;
  return deadline;
}

std::vector<std::string> Deadline::Explanation() const {
  std::vector<std::string> lines;
  std::string what;
  switch (rule.unit) {
    case PeriodRule::Unit::kMonths:
      what = std::to_string(rule.count) + (rule.count == 1 ? " month" : " months") +
             ": ends on the same day number, or the month's last day";
      break;
    case PeriodRule::Unit::kDays:
      what = std::to_string(rule.count) + " calendar day" + (rule.count == 1 ? "" : "s") +
             "; the start day is not counted";
      break;
    case PeriodRule::Unit::kWorkingDays:
      what = std::to_string(rule.count) + " working day" + (rule.count == 1 ? "" : "s") +
             " after the start day";
      break;
  }
  lines.push_back("rule: " + rule.ToString() + " — " + what);
  lines.push_back(
      "source: " + (legal_source.empty() ? std::string("as set by the caller") : legal_source) +
      "; counting: Civil Code of Georgia, rules on periods");
  lines.push_back("start: " + DayWithWeekday(start));
  if (rule.unit == PeriodRule::Unit::kWorkingDays) {
    lines.push_back("calendar days elapsed without skipping: " + DayWithWeekday(raw_end));
  } else {
    lines.push_back("raw end: " + DayWithWeekday(raw_end));
  }
  for (const auto& day : skipped) {
    lines.push_back("skipped: " + day.date.ToString() + " — " + day.reason);
  }
  if (rule.unit != PeriodRule::Unit::kWorkingDays && !skipped.empty()) {
    lines.push_back("due: " + DayWithWeekday(due) +
                    ", the next working day (a period ending on a non-working day ends on the "
                    "next working day)");
  } else {
    lines.push_back("due: " + DayWithWeekday(due));
  }
  return lines;
}

Date ExtendedPeriodEnd(const Date& start, const PeriodRule& rule, const PeriodRule& extension,
                       const HolidayCalendar& calendar) {
  if (rule.unit == PeriodRule::Unit::kMonths && extension.unit == PeriodRule::Unit::kMonths) {
    return ComputeDeadline(start, PeriodRule{rule.unit, rule.count + extension.count}, calendar)
        .due;
  }
  const Deadline first = ComputeDeadline(start, rule, calendar);
  const Date end = rule.unit == PeriodRule::Unit::kWorkingDays ? first.due : first.raw_end;
  return ComputeDeadline(end, extension, calendar).due;
}

RolledDay RollToWorkingDay(const Date& date, const HolidayCalendar& calendar) {
  RolledDay rolled{calendar.NextWorkingDay(date), {}};
  if (rolled.due == date) return rolled;
  std::string skipped;
  for (Date day = date; day < rolled.due; day = day.AddDays(1)) {
    skipped += (skipped.empty() ? "" : "; ") + day.ToString() + " — " + calendar.WhyNotWorking(day);
  }
  rolled.note = DayWithWeekday(date) + " is not a working day (" + skipped +
                "); a period whose last day is a non-working day ends on the next working day "
                "(Civil Code of Georgia, rules on periods): due " +
                DayWithWeekday(rolled.due);
  return rolled;
}

}  // namespace saqme::workflows
