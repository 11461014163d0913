// The search view's record (projection/views.h kSearchView): one compact line per case that
// the projection writes with the case's other state views and the search (engine/search.h)
// scans. Its fields are separated by kField; the searchable text, folded, is the last field.
#pragma once

#include <string>
#include <string_view>

#include "workflows/case_state.h"
#include "workflows/org/org_chart.h"

namespace saqme::engine {
namespace search_record {

// The record's fields, in this order.
enum Field {
  kCaseId,
  kKind,
  kState,
  kNumber,
  kSubject,
  kCorrespondent,
  kExecutor,
  kUnit,
  kDue,
  kOpenedOn,
  kParticipants,
  kExpected,
  kPublic,
  kHaystack,
  kFieldCount
};

// Splits `record` into its fields (views into `record`).
// Guarantees: false, and `fields` unspecified, when `record` does not have them all.
bool Split(std::string_view record, std::string_view (&fields)[kFieldCount]);

}  // namespace search_record

// The search record of the case (the value of its kSearchView entry).
std::string SearchRecord(const workflows::CaseState& state, const workflows::OrgChart& org);

// Text as the search compares it: Latin letters lower-cased, Georgian Mtavruli capitals as
// Mkhedruli, every other byte as typed (Georgian is matched as typed).
std::string FoldForSearch(std::string_view text);

}  // namespace saqme::engine
