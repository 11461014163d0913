// RouteTemplate: the route a bare target would be served by, as docs/api.md names it
// ("/v1/cases/{id}"), never its path: paths carry case ids, journal names and alert ids, and
// queries carry search terms and names; a path that no route takes is "unmatched". The server
// itself does not call it: Api::Handle notes the template of the route table's match (api/
// route_table.h, MatchRoute) on the answer, and the request log and metrics take it from there.
// This is the same match for callers that hold only a target — the tests and http_bench.
#pragma once

#include <string>
#include <string_view>

namespace saqme::api {

// The template of `target`'s path ("/v1/cases/{id}/history"; "/" for the console's page,
// "/assets/{file}" for its files), or "unmatched". Requires nothing (any bytes).
std::string RouteTemplate(std::string_view target);

}  // namespace saqme::api
