// Date: a Tbilisi calendar date (proleptic Gregorian), the unit of every deadline.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saqme::workflows {

enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  Date() = default;
  // Requires a valid date (see IsValid).
  Date(int year, int month, int day);

  static bool IsValid(int year, int month, int day);
  // Parses exactly "YYYY-MM-DD" (years 1900-9999); nullopt for anything else.
  static std::optional<Date> Parse(std::string_view text);
  // Why `text` is not a date, in English and Georgian, naming `field` (in the Georgian text
  // `field_ka`, e.g. „მიღების თარიღი“, when given): written otherwise than "YYYY-MM-DD", or a
  // day that does not exist (2026-02-30). nullopt when Parse accepts it. The one wording of the
  // workflows' refusals and of the JSON parser's 400.
  struct Problem {
    std::string en, ka;
  };
  static std::optional<Problem> ProblemWith(std::string_view text, std::string_view field,
                                            std::string_view field_ka = {});
  static Date FromDays(int64_t days_since_epoch);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  int64_t DaysSinceEpoch() const;  // 1970-01-01 is 0
  Weekday weekday() const;
  std::string ToString() const;  // "YYYY-MM-DD"

  Date AddDays(int64_t days) const;
  // The same day number N months later; when that month is shorter, its last day
  // (31 Jan + 1 month = 28/29 Feb). Civil Code of Georgia, rules on periods.
  Date AddMonthsClamped(int months) const;

  static int DaysInMonth(int year, int month);

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  int year_ = 1970;
  int month_ = 1;
  int day_ = 1;
};

// Weekday names for explanations.
const char* WeekdayEnglish(Weekday weekday);
const char* WeekdayGeorgian(Weekday weekday);

}  // namespace saqme::workflows
