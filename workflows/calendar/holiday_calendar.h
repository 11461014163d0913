// HolidayCalendar: which days are not working days for an administrative body, and why.
//
// Built from data, not code: the statutory holidays (data/calendar/holidays-ge.tsv, compiled into
// the binary as the default) and the days off declared by the Government
// (data/calendar/declared-days-off.tsv, plus any added at run time with AddDeclaredDayOff).
// Saturdays and Sundays are never working days (Labour Code of Georgia: the five-day week of the
// municipal services; the seeds give Monday to Friday, 09:00-18:00).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "workflows/calendar/date.h"

namespace saqme::workflows {

struct Holiday {
  Date date;
  std::string name_ka;
  std::string name_en;
  std::string source;     // the law or decree that makes it a day off
  bool declared = false;  // declared by the Government (set by AddDeclaredDayOff)
};

class HolidayCalendar {
 public:
  // The calendar of the embedded data files.
  static const HolidayCalendar& Default();
  // Parses the two tab-separated files (formats in their header comments). Errors name the line.
  static Result<HolidayCalendar> Parse(std::string_view statutory, std::string_view declared);

  // Adds a government-declared day off (kInvalidArgument if the date is already a day off).
  Status AddDeclaredDayOff(Holiday day_off);
  // Removes a declared day off: the day is a working day again unless something else makes it
  // none (kNotFound when `date` is not a declared day off).
  Status RemoveDeclaredDayOff(const Date& date);

  // The public holidays and declared days off of `year`, in date order (a date with two reasons
  // appears once, with the statutory one).
  std::vector<Holiday> Holidays(int year) const;
  // The holiday on `date`, if any (weekends are not holidays).
  std::optional<Holiday> HolidayOn(const Date& date) const;
  bool IsWorkingDay(const Date& date) const;
  // The |n|-th working day after `from` (n > 0) or before it (n < 0); `from` itself for n = 0.
  Date AddWorkingDays(const Date& from, int n) const;
  // `date` when it is a working day, else the next one (the Civil Code's roll-forward).
  Date NextWorkingDay(const Date& date) const;
  // Why `date` is not a working day, for explanations ("Sunday", "Easter Monday — Labour Code
  // ..."); empty for a working day.
  std::string WhyNotWorking(const Date& date) const;
  // The same in Georgian, for the Georgian explanations ("კვირა", "აღდგომის ორშაბათი — უქმე
  // დღე"); empty for a working day.
  std::string WhyNotWorkingKa(const Date& date) const;

 private:
  struct Rule {
    bool easter = false;
    int month = 0, day = 0;  // fixed date
    int easter_offset = 0;   // days from Orthodox Easter Sunday
    int first_year = 0, last_year = 9999;
    std::string name_ka, name_en, source;
  };
  std::vector<Rule> statutory_;
  std::map<Date, Holiday> declared_;
};

}  // namespace saqme::workflows
