#include "workflows/calendar/easter.h"

namespace saqme::workflows {

Date OrthodoxEaster(int year) {
  // Meeus, Astronomical Algorithms, ch. 8: the Julian Easter.
  const int a = year % 4, b = year % 7, c = year % 19;
  const int d = (19 * c + 15) % 30;
  const int e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31;
  const int day = (d + e + 114) % 31 + 1;
  // Julian date to Gregorian: add the calendars' difference (13 days in 1900-2099, 14 in
  // 2100-2199; Easter never falls in January or February, so the century rule is enough).
  const int difference = year / 100 - year / 400 - 2;
  return Date(year, month, day).AddDays(difference);
}

}  // namespace saqme::workflows
