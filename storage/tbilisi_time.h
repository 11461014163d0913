// Instants as people in Georgia read them: Tbilisi time, UTC+4 all year (no daylight saving).
#pragma once

#include <cstdint>
#include <string>

namespace saqme {

inline constexpr int64_t kTbilisiOffsetMillis = 4 * 3600 * 1000;

// "2026-11-22T16:20:10.123+04:00" for `millis` since 1970-01-01T00:00:00Z.
std::string FormatTbilisiTime(int64_t millis);

// The Tbilisi calendar date "YYYY-MM-DD" of the instant `millis`.
std::string TbilisiDate(int64_t millis);

// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's civil_from_days); the one
// conversion both instants and workflow dates use.
struct CivilDate {
  int64_t year;
  unsigned month, day;
};
CivilDate CivilFromDays(int64_t days);

}  // namespace saqme
