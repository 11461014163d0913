#include "workflows/journal_numbering.h"

#include <charconv>

namespace saqme::workflows::journals {

std::string ActsJournal(std::string_view act_type) { return "acts-" + std::string(act_type); }

uint32_t GivenNumber(std::string_view text) {
  uint32_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() ? number : 0;
}

uint32_t NextNumber(uint32_t last_of_year) { return last_of_year + 1; }

}  // namespace saqme::workflows::journals
