#include "storage/tbilisi_time.h"

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

std::string FormatTbilisiTime(int64_t millis) {
  const int64_t local = millis + kTbilisiOffsetMillis;
  const int64_t days = FloorDiv(local, 86400000);
  const int64_t in_day = local - days * 86400000;
  const CivilDate c = CivilFromDays(days);
  char out[96];
  std::snprintf(out, sizeof(out), "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lld+04:00",
                static_cast<long long>(c.year), c.month, c.day,
                static_cast<long long>(in_day / 3600000),
                static_cast<long long>(in_day / 60000 % 60),
                static_cast<long long>(in_day / 1000 % 60), static_cast<long long>(in_day % 1000));
  return out;
}

std::string TbilisiDate(int64_t millis) { return FormatTbilisiTime(millis).substr(0, 10); }

}  // namespace saqme
