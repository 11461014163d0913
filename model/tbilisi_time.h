// Instants as people in Georgia read them: Tbilisi time, UTC+4 all year (no daylight saving).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace saqme {

inline constexpr int64_t kTbilisiOffsetMillis = 4 * 3600 * 1000;

// "2026-11-22T16:20:10.123+04:00" for `millis` since 1970-01-01T00:00:00Z.
std::string FormatTbilisiTime(int64_t millis);

// The Tbilisi calendar date "YYYY-MM-DD" of the instant `millis`.
std::string TbilisiDate(int64_t millis);

// Reads an instant as people and `FormatTbilisiTime` write it: "YYYY-MM-DD", optionally
// "THH:MM", ":SS", ".mmm", then "Z" or "±HH:MM"; without an offset the time is Tbilisi time. A
// date alone means the end of that Tbilisi day (23:59:59.999): "as the case stood on that date".
// nullopt when the text is not such an instant, names no real date/time, or is an instant whose
// Tbilisi date falls outside years 0000-9999 (which could not be written back).
std::optional<int64_t> ParseInstant(std::string_view text);

// Days from 1970-01-01 to the proleptic Gregorian date (H. Hinnant's days_from_civil).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);

// The proleptic Gregorian date `days` after 1970-01-01 (H. Hinnant's civil_from_days); the one
// conversion both instants and workflow dates use.
struct CivilDate {
  int64_t year;
  unsigned month, day;
};
CivilDate CivilFromDays(int64_t days);

}  // namespace saqme
