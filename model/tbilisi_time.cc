#include "model/tbilisi_time.h"

#include <cstdio>

namespace saqme {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::optional<int64_t> ParseInstant(std::string_view text) {
  size_t at = 0;
  // Reads exactly `digits` decimal digits.
  auto number = [&](size_t digits, int64_t* out) {
    if (at + digits > text.size()) return false;
    int64_t value = 0;
    for (size_t i = 0; i < digits; ++i) {
      const char c = text[at + i];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    at += digits;
    *out = value;
    return true;
  };
  auto literal = [&](char c) {
    if (at < text.size() && text[at] == c) return ++at, true;
    return false;
  };
  int64_t year = 0, month = 0, day = 0, hour = 23, minute = 59, second = 59, milli = 999;
  if (!number(4, &year) || !literal('-') || !number(2, &month) || !literal('-') ||
      !number(2, &day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day > kDays[month - 1] + (month == 2 && leap)) return std::nullopt;
  int64_t offset = kTbilisiOffsetMillis;
  if (literal('T') || literal(' ')) {
    second = milli = 0;
    if (!number(2, &hour) || !literal(':') || !number(2, &minute)) return std::nullopt;
    if (literal(':') && !number(2, &second)) return std::nullopt;
    if (literal('.') && !number(3, &milli)) return std::nullopt;
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    if (literal('Z')) {
      offset = 0;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
      const int64_t sign = text[at++] == '+' ? 1 : -1;
      int64_t oh = 0, om = 0;
      if (!number(2, &oh) || !literal(':') || !number(2, &om) || oh > 14 || om > 59) {
        return std::nullopt;
      }
      offset = sign * (oh * 3600 + om * 60) * 1000;
    }
  }
  if (at != text.size()) return std::nullopt;
  const int64_t days =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const int64_t instant =
      ((days * 24 + hour) * 60 + minute) * 60000 + second * 1000 + milli - offset;
  // Only instants whose Tbilisi date is in years 0000-9999, which FormatTbilisiTime writes and
  // this reads back: "0000-01-01T00:00+14:00" is still year -1 in Tbilisi (found by fuzzing).
  const int64_t local = instant + kTbilisiOffsetMillis;
  const int64_t tbilisi_days = local / 86400000 - (local % 86400000 < 0 ? 1 : 0);
  const int64_t tbilisi_year = CivilFromDays(tbilisi_days).year;
  if (tbilisi_year < 0 || tbilisi_year > 9999) return std::nullopt;
  return instant;
}

namespace {

// Writes `value` as exactly `width` decimal digits ending just before `end`; returns the start.
char* Digits(char* end, uint64_t value, int width) {
  for (int i = 0; i < width; ++i, value /= 10) *--end = static_cast<char>('0' + value % 10);
  return end;
}

// "YYYY-MM-DD" of a civil date, years 0..9999 (what the codec and calendars accept). Formatted
// by hand: every projected event formats dates, and snprintf dominated a rebuild's profile.
void WriteDate(char* out, const CivilDate& c) {
  Digits(out + 4, static_cast<uint64_t>(c.year), 4);
  out[4] = '-';
  Digits(out + 7, c.month, 2);
  out[7] = '-';
  Digits(out + 10, c.day, 2);
}

}  // namespace

std::string FormatTbilisiTime(int64_t millis) {
  const int64_t local = millis + kTbilisiOffsetMillis;
  const int64_t days = FloorDiv(local, 86400000);
  const auto in_day = static_cast<uint64_t>(local - days * 86400000);
  const CivilDate c = CivilFromDays(days);
  if (c.year < 0 || c.year > 9999) {  // not a time saqme writes; shown as it is
    char out[96];
    std::snprintf(out, sizeof(out), "%04lld-%02u-%02uT%02llu:%02llu:%02llu.%03llu+04:00",
                  static_cast<long long>(c.year), c.month, c.day,
                  static_cast<unsigned long long>(in_day / 3600000),
                  static_cast<unsigned long long>(in_day / 60000 % 60),
                  static_cast<unsigned long long>(in_day / 1000 % 60),
                  static_cast<unsigned long long>(in_day % 1000));
    return out;
  }
  std::string out = "YYYY-MM-DDThh:mm:ss.mmm+04:00";
  WriteDate(out.data(), c);
  Digits(out.data() + 13, in_day / 3600000, 2);
  Digits(out.data() + 16, in_day / 60000 % 60, 2);
  Digits(out.data() + 19, in_day / 1000 % 60, 2);
  Digits(out.data() + 23, in_day % 1000, 3);
  return out;
}

std::string TbilisiDate(int64_t millis) {
  const CivilDate c = CivilFromDays(FloorDiv(millis + kTbilisiOffsetMillis, 86400000));
  if (c.year < 0 || c.year > 9999) return FormatTbilisiTime(millis).substr(0, 10);
  std::string out(10, '0');
  WriteDate(out.data(), c);
  return out;
}

}  // namespace saqme
