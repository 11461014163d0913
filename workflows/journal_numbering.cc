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

const std::vector<KeptJournal>& Listed() {
  static const std::vector<KeptJournal> kListed = [] {
    std::vector<KeptJournal> list;
    for (const char* name :
         {"incoming", "outgoing", "internal", "postal", "delivery", "public_information",
          "acts-order", "acts-ordinance", "acts-resolution",
          // the registers (workflows/registers/)
          "certificates", "business_trips",
          // the archive's yearly inventories (workflows/nomenclature.cc)
          "archive_inventory"}) {
      list.push_back({name});
    }
    for (const char* kind : {"council", "bureau"}) {
      list.push_back({council_session::MinutesJournal(kind)});
    }
    std::set<std::string, std::less<>> seen;
    for (const char* kind : {"commission", "faction"}) {
      for (const auto& body : CouncilBodies::Default().bodies()) {
        if (body.kind != kind) continue;
        // Two councils may hold one code: the register is named by kind and code only, and
        // IsMinutesJournal gives the first such body.
        auto name = council_session::MinutesJournal(body.kind, body.code);
        if (seen.insert(name).second) list.push_back({std::move(name), &body});
      }
    }
    for (const char* kind : {"commission", "faction"}) {
      list.push_back({council_session::MinutesJournal(kind)});
    }
    return list;
  }();
  return kListed;
}

bool IsJournal(std::string_view name) {
  static const std::set<std::string, std::less<>> kNames = [] {
    std::set<std::string, std::less<>> names;
    for (const auto& journal : Listed()) names.insert(journal.name);
    return names;
  }();
  return kNames.count(name) > 0;
}

}  // namespace saqme::workflows::journals
