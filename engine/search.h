// Finding cases (GET /v1/cases): the search view — one compact record per case, keyed newest
// first (projection/views.h SearchKey) and written with the case's other state views
// (ProjectCaseState), so `saqme rebuild` rebuilds it and `saqme check` compares it — and the
// query, a scan of that view in key order that stops as soon as a page is full.
//
// A record holds what the listing shows, what the filters test, the searchable text folded
// (registration number, sender or recipient, subject or title or instruction, summary), and
// the case's ReadFacts, so that every candidate passes the same reading rule as a case read
// (workflows::CaseReader) and a post never lists a case it may not read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "engine/engine.h"
#include "projection/search_record.h"
#include "workflows/case_state.h"
#include "workflows/org/org_chart.h"

namespace saqme::engine {

struct SearchQuery {
  std::string viewer;  // the asking post: only cases it may read are listed
  workflows::Date today;
  std::string q;  // words, each of which must occur in the searchable text; empty: any
  std::string kind, state, executor;  // exact; empty: any
  std::string unit;      // the executor's unit (else the addressee's or issuer's) is it or under it
  bool overdue = false;  // only cases whose open deadline has passed
  std::string from, to;  // opened on or after / on or before (YYYY-MM-DD)
  size_t limit = 50;
  std::string cursor;  // from an earlier answer's next_cursor; empty: the newest
};

// {"cases": [{"case_id", "kind", "state", "registration_number", "subject", "correspondent",
// "executor", "due", "opened_on", "overdue"}], "next_cursor": string | null}, newest first.
// kInvalidArgument for a cursor this search did not give.
Result<boost::json::object> SearchCases(const Engine& engine, const workflows::OrgChart& org,
                                        const SearchQuery& query);

}  // namespace saqme::engine
