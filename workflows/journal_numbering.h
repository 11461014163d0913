// The registers' numbering (docs/views.md, "Journals"): which journal an entry goes to and which
// number it takes. Pure: Decide and the projection both ask it, so a number a command gives and
// the entry the views hold agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/council_bodies.h"

namespace saqme::workflows::journals {

// The acts journal of an act's type ("order" -> "acts-order"): one journal per type and year,
// in which a registered act takes its number (Zugdidi statute arts. 39-40; docs/domain.md §5).
std::string ActsJournal(std::string_view act_type);

// The number a command gave an entry ("17" -> 17): the incoming, outgoing, postal, memo,
// certificate, trip, acts and minutes numbers, which Decide takes in order when it registers.
// Guarantees: 0 when `text` is not such a number (a case registered elsewhere): no entry.
uint32_t GivenNumber(std::string_view text);

// The number of the next entry of a journal that numbers its entries as they come — the
// public-information register (GAC art. 49), the delivery journal, the internal journal's
// assignments — given the last number of the year (0 when none): each year's entries numbered
// from 1 without gaps (unified records-management rules, Presidential decree No 414).
uint32_t NextNumber(uint32_t last_of_year);

// Whether `name` is a journal the body keeps, whose entries GET /v1/journals/{name} lists: the
// registers of incoming, outgoing, internal and postal documents, delivery, public information
// (GAC art. 49), the acts journals of each type, the certificates and business trips registers,
// the archive's yearly inventories, and the minutes registers: one per council body kind, and one
// per standing commission and faction the council's data names (council_session::IsMinutesJournal).
// Guarantees: true exactly for the names Listed() gives.
bool IsJournal(std::string_view name);

// A journal the body keeps, with what a reader needs to label it.
struct KeptJournal {
  std::string name;
  // For the minutes register of one standing commission or faction: that body of the council's
  // data (its kind, code and names); nullptr for every other journal.
  const CouncilBody* body = nullptr;
};

// The journals the body keeps, each once, in the order a reader picks them from: the fixed
// registers (incoming first), then the minutes registers — the council's, the bureau's, each
// commission's and each faction's of the data (in its order), then the kinds' shared registers
// "minutes-commission" and "minutes-faction" that sittings recorded before the body codes keep.
const std::vector<KeptJournal>& Listed();

}  // namespace saqme::workflows::journals
