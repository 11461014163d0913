#include "workflows/calendar/holiday_calendar.h"

#include <algorithm>
#include <sstream>

#include "workflows/calendar/calendar_data.h"
#include "workflows/calendar/easter.h"

namespace saqme::workflows {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  std::istringstream in(line);
  while (std::getline(in, field, '\t')) fields.push_back(field);
  return fields;
}

Status LineError(const char* file, int line, const std::string& what) {
  return Status::Error(Status::Code::kInvalidArgument,
                       std::string(file) + " line " + std::to_string(line) + ": " + what,
                       std::string("კალენდრის ფაილის შეცდომა (") + file + ", სტრიქონი " +
                           std::to_string(line) + ")");
}

// Calls `row` with the fields of each non-comment, non-empty line.
template <typename Row>
Status ForEachRow(std::string_view text, const char* file, size_t columns, Row row) {
  std::istringstream in{std::string(text)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto fields = SplitTabs(line);
    if (fields.size() != columns) {
      return LineError(file, number,
                       "expected " + std::to_string(columns) + " tab-separated columns");
    }
    Status s = row(fields, number);
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

bool ParseYear(const std::string& text, int fallback, int* year) {
  if (text == "-") {
    *year = fallback;
    return true;
  }
  auto date = Date::Parse(text + "-01-01");
  if (!date) return false;
  *year = date->year();
  return true;
}

}  // namespace

const HolidayCalendar& HolidayCalendar::Default() {
  static const HolidayCalendar calendar = [] {
    auto parsed = Parse(kStatutoryHolidaysTsv, kDeclaredDaysOffTsv);
    if (!parsed.ok()) throw std::runtime_error("embedded calendar: " + parsed.status().message());
    return parsed.value();
  }();
  return calendar;
}

Result<HolidayCalendar> HolidayCalendar::Parse(std::string_view statutory,
                                               std::string_view declared) {
  HolidayCalendar calendar;
  Status s = ForEachRow(statutory, "holidays", 6, [&](const std::vector<std::string>& f, int n) {
    Rule rule;
    if (f[0].rfind("easter", 0) == 0) {
      rule.easter = true;
      try {
        rule.easter_offset = std::stoi(f[0].substr(6));
      } catch (const std::exception&) {
        return LineError("holidays", n, "bad Easter offset '" + f[0] + "'");
      }
    } else {
      auto date = Date::Parse("2000-" + f[0]);  // a leap year admits 02-29
      if (!date) return LineError("holidays", n, "bad MM-DD '" + f[0] + "'");
      rule.month = date->month();
      rule.day = date->day();
    }
    if (!ParseYear(f[1], 0, &rule.first_year) || !ParseYear(f[2], 9999, &rule.last_year)) {
      return LineError("holidays", n, "bad year range");
    }
    rule.name_ka = f[3];
    rule.name_en = f[4];
    rule.source = f[5];
    calendar.statutory_.push_back(std::move(rule));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  s = ForEachRow(declared, "declared days off", 4, [&](const std::vector<std::string>& f, int n) {
    auto date = Date::Parse(f[0]);
    if (!date) return LineError("declared days off", n, "bad date '" + f[0] + "'");
    return calendar.AddDeclaredDayOff(Holiday{*date, f[1], f[2], f[3]});
  });
  if (!s.ok()) return s;
  return calendar;
}

Status HolidayCalendar::AddDeclaredDayOff(Holiday day_off) {
  if (declared_.count(day_off.date)) {
    return Status::Error(Status::Code::kInvalidArgument,
                         day_off.date.ToString() + " is already a declared day off",
                         day_off.date.ToString() + " უკვე გამოცხადებულია დასვენების დღედ");
  }
  day_off.declared = true;
  declared_[day_off.date] = std::move(day_off);
  return Status::Ok();
}

Status HolidayCalendar::RemoveDeclaredDayOff(const Date& date) {
  if (declared_.erase(date) == 0) {
    return Status::Error(Status::Code::kNotFound, date.ToString() + " is not a declared day off",
                         date.ToString() + " დასვენების დღედ გამოცხადებული არ არის");
  }
  return Status::Ok();
}

std::vector<Holiday> HolidayCalendar::Holidays(int year) const {
  std::map<Date, Holiday> days;
  const Date easter = OrthodoxEaster(year);
  for (const Rule& rule : statutory_) {
    if (year < rule.first_year || year > rule.last_year) continue;
    Date date = rule.easter ? easter.AddDays(rule.easter_offset)
                            : Date(year, rule.month,
                                   std::min(rule.day, Date::DaysInMonth(year, rule.month)));
    if (date.year() != year || days.count(date)) continue;
    days[date] = Holiday{date, rule.name_ka, rule.name_en, rule.source};
  }
  for (auto it = declared_.lower_bound(Date(year, 1, 1));
       it != declared_.end() && it->first.year() == year; ++it) {
    days.emplace(it->first, it->second);  // a statutory holiday on the same date stays
  }
  std::vector<Holiday> out;
  for (auto& [date, holiday] : days) out.push_back(std::move(holiday));
  return out;
}

std::optional<Holiday> HolidayCalendar::HolidayOn(const Date& date) const {
  // Asked for every day a deadline passes over: check the rules directly rather than building
  // the year's list. Statutory first, as in Holidays().
  const int year = date.year();
  std::optional<Date> easter;
  for (const Rule& rule : statutory_) {
    if (year < rule.first_year || year > rule.last_year) continue;
    bool match;
    if (rule.easter) {
      if (!easter) easter = OrthodoxEaster(year);
      match = easter->AddDays(rule.easter_offset) == date;
    } else {
      match = rule.month == date.month() &&
              std::min(rule.day, Date::DaysInMonth(year, rule.month)) == date.day();
    }
    if (match) return Holiday{date, rule.name_ka, rule.name_en, rule.source};
  }
  if (auto it = declared_.find(date); it != declared_.end()) return it->second;
  return std::nullopt;
}

bool HolidayCalendar::IsWorkingDay(const Date& date) const {
  const Weekday weekday = date.weekday();
  return weekday != Weekday::kSaturday && weekday != Weekday::kSunday && !HolidayOn(date);
}

std::string HolidayCalendar::WhyNotWorking(const Date& date) const {
  if (auto holiday = HolidayOn(date)) {
    return holiday->name_en + " / " + holiday->name_ka + " — " + holiday->source;
  }
  Weekday weekday = date.weekday();
  if (weekday == Weekday::kSaturday || weekday == Weekday::kSunday) {
    return std::string(WeekdayEnglish(weekday)) + " / " + WeekdayGeorgian(weekday);
  }
  return {};
}

std::string HolidayCalendar::WhyNotWorkingKa(const Date& date) const {
  if (auto holiday = HolidayOn(date)) {
    // The source texts of the data files are English; the Georgian names what kind of day it is.
    return holiday->name_ka + (holiday->declared ? " — მთავრობის მიერ გამოცხადებული დასვენების დღე"
                                                 : " — უქმე დღე (საქართველოს შრომის კოდექსი)");
  }
  Weekday weekday = date.weekday();
  if (weekday == Weekday::kSaturday || weekday == Weekday::kSunday) return WeekdayGeorgian(weekday);
  return {};
}

Date HolidayCalendar::AddWorkingDays(const Date& from, int n) const {
  Date at = from;
  const int step = n < 0 ? -1 : 1;
  for (int left = n < 0 ? -n : n; left > 0;) {
    at = at.AddDays(step);
    if (IsWorkingDay(at)) --left;
  }
  return at;
}

Date HolidayCalendar::NextWorkingDay(const Date& date) const {
  Date at = date;
  while (!IsWorkingDay(at)) at = at.AddDays(1);
  return at;
}

}  // namespace saqme::workflows
