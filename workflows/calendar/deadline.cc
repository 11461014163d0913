#include "workflows/calendar/deadline.h"

namespace saqme::workflows {
namespace {

// The words of an explanation in one language; Explanation() and ExplanationKa() differ only here.
struct Words {
  const char* (*weekday)(Weekday);
  std::string (*what)(const PeriodRule&);
  bool with_rule_code;  // "rule: months:1 — ..." (the Georgian text names the period in words)
  const char *rule, *source, *by_caller, *counting, *start, *elapsed, *raw_end, *skipped, *due,
      *rolled;
};

std::string WhatEn(const PeriodRule& rule) {
  const std::string n = std::to_string(rule.count);
  switch (rule.unit) {
    case PeriodRule::Unit::kFirstWeekdayOfNextMonth:
      return std::string("the first ") + WeekdayEnglish(rule.weekday) +
             " of the month after the start's month";
    case PeriodRule::Unit::kMonths:
      return n + (rule.count == 1 ? " month" : " months") +
             ": ends on the same day number, or the month's last day";
    case PeriodRule::Unit::kDays:
      return n + " calendar day" + (rule.count == 1 ? "" : "s") + "; the start day is not counted";
    case PeriodRule::Unit::kWorkingDays:
      break;
  }
  return n + " working day" + (rule.count == 1 ? "" : "s") + " after the start day";
}

std::string WhatKa(const PeriodRule& rule) {
  const std::string n = std::to_string(rule.count);
  switch (rule.unit) {
    case PeriodRule::Unit::kFirstWeekdayOfNextMonth:
      return std::string("დაწყების თვის მომდევნო თვის პირველი ") + WeekdayGeorgian(rule.weekday);
    case PeriodRule::Unit::kMonths:
      return n + " თვე: მთავრდება იმავე რიცხვში, ან თვის ბოლო დღეს";
    case PeriodRule::Unit::kDays:
      return n + " კალენდარული დღე; დაწყების დღე არ ითვლება";
    case PeriodRule::Unit::kWorkingDays:
      break;
  }
  return n + " სამუშაო დღე დაწყების დღის შემდეგ";
}

const Words kEnglish{WeekdayEnglish,
                     WhatEn,
                     true,
                     "rule: ",
                     "source: ",
                     "as set by the caller",
                     "; counting: Civil Code of Georgia, rules on periods",
                     "start: ",
                     "calendar days elapsed without skipping: ",
                     "raw end: ",
                     "skipped: ",
                     "due: ",
                     ", the next working day (a period ending on a non-working day ends on the "
                     "next working day)"};

const Words kGeorgian{WeekdayGeorgian,
                      WhatKa,
                      false,
                      "წესი: ",
                      "წყარო: ",
                      "როგორც მითითებულია",
                      "; ათვლა: საქართველოს სამოქალაქო კოდექსი, ვადების წესები",
                      "დასაწყისი: ",
                      "კალენდარული დღეები გამოტოვების გარეშე: ",
                      "ბოლო დღე გადატანამდე: ",
                      "გამოტოვებულია: ",
                      "ვადა: ",
                      ", მომდევნო სამუშაო დღე (არასამუშაო დღეს დამთავრებული ვადა მთავრდება "
                      "მომდევნო სამუშაო დღეს)"};

std::string DayWithWeekday(const Date& date, const Words& words) {
  return date.ToString() + " (" + words.weekday(date.weekday()) + ")";
}

std::vector<std::string> Explain(const Deadline& d, const Words& words, const std::string& source,
                                 bool georgian) {
  std::vector<std::string> lines;
  lines.push_back(words.rule + (words.with_rule_code ? d.rule.ToString() + " — " : "") +
                  words.what(d.rule));
  lines.push_back(words.source + (source.empty() ? std::string(words.by_caller) : source) +
                  words.counting);
  lines.push_back(words.start + DayWithWeekday(d.start, words));
  lines.push_back((d.rule.unit == PeriodRule::Unit::kWorkingDays ? words.elapsed : words.raw_end) +
                  DayWithWeekday(d.raw_end, words));
  for (const auto& day : d.skipped) {
    lines.push_back(words.skipped + day.date.ToString() + " — " +
                    (georgian ? day.reason_ka : day.reason));
  }
  const bool rolled = d.rule.unit != PeriodRule::Unit::kWorkingDays && !d.skipped.empty();
  lines.push_back(words.due + DayWithWeekday(d.due, words) + (rolled ? words.rolled : ""));
  return lines;
}

// The weekdays as the deadline table writes them, Monday first (the order of Weekday).
constexpr const char* kWeekdayCodes[] = {"monday", "tuesday",  "wednesday", "thursday",
                                         "friday", "saturday", "sunday"};
constexpr std::string_view kFirstWeekday = "first-weekday-of-next-month";

}  // namespace

std::optional<PeriodRule> PeriodRule::Parse(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view unit = text.substr(0, colon), number = text.substr(colon + 1);
  PeriodRule rule;
  if (unit == kFirstWeekday) {
    for (int i = 0; i < 7; ++i) {
      if (number == kWeekdayCodes[i]) {
        rule.unit = Unit::kFirstWeekdayOfNextMonth;
        rule.weekday = static_cast<Weekday>(i);
        return rule;
      }
    }
    return std::nullopt;
  }
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
  if (unit == Unit::kFirstWeekdayOfNextMonth) {
    return std::string(kFirstWeekday) + ":" + kWeekdayCodes[static_cast<int>(weekday)];
  }
  const char* unit = this->unit == Unit::kMonths ? "months"
                     : this->unit == Unit::kDays ? "days"
                                                 : "working-days";
  return std::string(unit) + ":" + std::to_string(count);
}

namespace {

// The first `weekday` of the month after `day`'s month.
Date FirstWeekdayOfNextMonth(const Date& day, Weekday weekday) {
  Date first =
      day.month() == 12 ? Date(day.year() + 1, 1, 1) : Date(day.year(), day.month() + 1, 1);
  const int ahead = (static_cast<int>(weekday) - static_cast<int>(first.weekday()) + 7) % 7;
  return first.AddDays(ahead);
}

}  // namespace

Deadline ComputeDeadline(const Date& start, const PeriodRule& rule, const HolidayCalendar& calendar,
                         std::string legal_source, std::string legal_source_ka) {
  Deadline deadline;
  deadline.rule = rule;
  deadline.legal_source = std::move(legal_source);
  deadline.legal_source_ka = std::move(legal_source_ka);
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
        deadline.skipped.push_back({day, why, calendar.WhyNotWorkingKa(day)});
      }
    }
    deadline.raw_end = start.AddDays(rule.count);
    deadline.due = day;
    return deadline;
  }
  Date end = rule.unit == PeriodRule::Unit::kMonths ? start.AddMonthsClamped(rule.count)
             : rule.unit == PeriodRule::Unit::kDays ? start.AddDays(rule.count)
                                                    : FirstWeekdayOfNextMonth(start, rule.weekday);
  deadline.raw_end = end;
  for (std::string why = calendar.WhyNotWorking(end); !why.empty();
       why = calendar.WhyNotWorking(end)) {
    deadline.skipped.push_back({end, why, calendar.WhyNotWorkingKa(end)});
    end = end.AddDays(1);
  }
  deadline.due = end;
  return deadline;
}

std::vector<std::string> Deadline::Explanation() const {
  return Explain(*this, kEnglish, legal_source, false);
}

std::vector<std::string> Deadline::ExplanationKa() const {
  // An old caller gives no Georgian source: the English one is better than none.
  return Explain(*this, kGeorgian, legal_source_ka.empty() ? legal_source : legal_source_ka, true);
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
  RolledDay rolled{calendar.NextWorkingDay(date), {}, {}};
  if (rolled.due == date) return rolled;
  std::string skipped, skipped_ka;
  for (Date day = date; day < rolled.due; day = day.AddDays(1)) {
    skipped += (skipped.empty() ? "" : "; ") + day.ToString() + " — " + calendar.WhyNotWorking(day);
    skipped_ka +=
        (skipped_ka.empty() ? "" : "; ") + day.ToString() + " — " + calendar.WhyNotWorkingKa(day);
  }
  rolled.note_ka = date.ToString() + " არასამუშაო დღეა (" + skipped_ka +
                   "); ვადა, რომლის ბოლო დღე არასამუშაო დღეა, მთავრდება მომდევნო სამუშაო დღეს "
                   "(საქართველოს სამოქალაქო კოდექსი, ვადების წესები): ვადა " +
                   DayWithWeekday(rolled.due, kGeorgian);
  rolled.note = DayWithWeekday(date, kEnglish) + " is not a working day (" + skipped +
                "); a period whose last day is a non-working day ends on the next working day "
                "(Civil Code of Georgia, rules on periods): due " +
                DayWithWeekday(rolled.due, kEnglish);
  return rolled;
}

}  // namespace saqme::workflows
