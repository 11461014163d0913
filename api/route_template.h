// RouteTemplate: the route a request was sent to, as docs/api.md names it ("/v1/cases/{id}"),
// never its path: paths carry case ids, journal names and alert ids, and queries carry search
// terms and names. The request log and the request metrics are keyed by it, so its values are
// bounded: a path that no route takes is "unmatched". The templates are those of the route
// table (api/route_table.h): a new route gets its line there, and nowhere else.
#pragma once

#include <string>
#include <string_view>

namespace saqme::api {

// The template of `target`'s path ("/v1/cases/{id}/history"; "/" for the console's page,
// "/assets/{file}" for its files), or "unmatched". Requires nothing (any bytes).
std::string RouteTemplate(std::string_view target);

}  // namespace saqme::api
