// Fuzz target: the as-of time of GET /v1/cases/{id}?as_of= (model/tbilisi_time: ParseInstant)
// and the dates every query and command carries (workflows/calendar/date: Date::Parse).
// Invariants: an instant read prints (FormatTbilisiTime) as a text that reads back as the same
// instant; a date read prints back as the same text, its day count maps back to it, and
// ProblemWith explains exactly the texts Parse refuses, in both languages.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "model/tbilisi_time.h"
#include "workflows/calendar/date.h"

using saqme::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto instant = saqme::ParseInstant(text)) {
    const std::string printed = saqme::FormatTbilisiTime(*instant);
    auto again = saqme::ParseInstant(printed);
    Require(again && *again == *instant, "an instant does not read back: " + printed);
    Require(saqme::TbilisiDate(*instant) == printed.substr(0, 10),
            "the Tbilisi date differs from the printed one: " + printed);
  }
  auto date = saqme::workflows::Date::Parse(text);
  auto problem = saqme::workflows::Date::ProblemWith(text, "date", "თარიღი");
  Require(date.has_value() != problem.has_value(), "ProblemWith disagrees with Parse");
  if (problem) {
    Require(!problem->en.empty() && !problem->ka.empty(), "a problem without its two messages");
    return 0;
  }
  Require(date->ToString() == text, "a date does not print back as its text");
  Require(saqme::workflows::Date::FromDays(date->DaysSinceEpoch()) == *date,
          "a date's day count maps to another date");
  auto end_of_day = saqme::ParseInstant(text);
  Require(end_of_day && saqme::TbilisiDate(*end_of_day) == text,
          "a date is not an instant on that Tbilisi day");
  return 0;
}
