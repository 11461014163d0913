#include "workflows/calendar/date.h"

#include <cstdio>

#include "model/tbilisi_time.h"

namespace saqme::workflows {

Date::Date(int year, int month, int day) : year_(year), month_(month), day_(day) {}

bool Date::IsValid(int year, int month, int day) {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DaysInMonth(year, month);
}

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      char c = text[starts[p] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  if (parts[0] < 1900 || !IsValid(parts[0], parts[1], parts[2])) return std::nullopt;
  return Date(parts[0], parts[1], parts[2]);
}

std::optional<Date::Problem> Date::ProblemWith(std::string_view text, std::string_view field,
                                               std::string_view field_ka) {
  if (Parse(text)) return std::nullopt;
  const std::string name(field), name_ka(field_ka.empty() ? field : field_ka), shown(text);
  bool written = text.size() == 10 && text[4] == '-' && text[7] == '-';
  for (size_t i = 0; written && i < text.size(); ++i) {
    written = i == 4 || i == 7 || (text[i] >= '0' && text[i] <= '9');
  }
  if (!written || text.substr(0, 4) < "1900") {
    return Problem{name + " must be a date written YYYY-MM-DD (from 1900)",
                   name_ka + " უნდა იყოს თარიღი ფორმატით წწწწ-თთ-დდ (1900 წლიდან)"};
  }
  return Problem{name + ": " + shown + " is a date that does not exist",
                 name_ka + ": " + shown + " — ასეთი თარიღი არ არსებობს"};
}

Date Date::FromDays(int64_t days) {
  const CivilDate c = CivilFromDays(days);
  return Date(static_cast<int>(c.year), static_cast<int>(c.month), static_cast<int>(c.day));
}

int64_t Date::DaysSinceEpoch() const { return DaysFromCivil(year_, month_, day_); }

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday.
  int64_t index = (DaysSinceEpoch() + 3) % 7;
  if (index < 0) index += 7;
  return static_cast<Weekday>(index);
}

std::string Date::ToString() const {
  char out[16];
  std::snprintf(out, sizeof(out), "%04d-%02d-%02d", year_ % 10000, month_ % 100, day_ % 100);
  return out;
}

Date Date::AddDays(int64_t days) const { return FromDays(DaysSinceEpoch() + days); }

Date Date::AddMonthsClamped(int months) const {
  int index = year_ * 12 + (month_ - 1) + months;
  int year = index / 12, month = index % 12 + 1;
  int day = day_ <= DaysInMonth(year, month) ? day_ : DaysInMonth(year, month);
  return Date(year, month, day);
}

const char* WeekdayEnglish(Weekday weekday) {
  static constexpr const char* kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<int>(weekday)];
}

const char* WeekdayGeorgian(Weekday weekday) {
  static constexpr const char* kNames[] = {"ორშაბათი",  "სამშაბათი", "ოთხშაბათი", "ხუთშაბათი",
                                           "პარასკევი", "შაბათი",    "კვირა"};
  return kNames[static_cast<int>(weekday)];
}

}  // namespace saqme::workflows
