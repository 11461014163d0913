#include "workflows/journal_numbering.h"

#include <charconv>
#include <set>
#include <string>

#include "workflows/council_session.h"

namespace saqme::workflows::journals {

std::string ActsJournal(std::string_view act_type) { return "acts-" + std::string(act_type); }

uint32_t GivenNumber(std::string_view text) {
  uint32_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  return error == std::errc() && end == text.data() + text.size() ? number : 0;
}

uint32_t NextNumber(uint32_t last_of_year) { return last_of_year + 1; }

bool IsJournal(std::string_view name) {
  static const std::set<std::string, std::less<>> kFixed = {
      "incoming", "outgoing", "internal", "postal", "delivery", "public_information", "acts-order",
      "acts-ordinance", "acts-resolution",
      // the registers (workflows/registers/)
      "certificates", "business_trips",
      // the archive's yearly inventories (workflows/nomenclature.cc)
      "archive_inventory"};
  return kFixed.count(name) > 0 || council_session::IsMinutesJournal(name);
}

}  // namespace saqme::workflows::journals
