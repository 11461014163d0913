#include "api/route_table.h"

namespace saqme::api {
namespace {

// How many literal segments of the template `path` match `parts`; -1 when it does not take
// them. Reads the template in place: matching allocates nothing.
int Literals(std::string_view path, const std::vector<std::string>& parts) {
  size_t part = 0;
  int literals = 0;
  size_t at = 0;
  while (at < path.size()) {
    const size_t slash = path.find('/', at);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > at) {
      const std::string_view segment = path.substr(at, end - at);
      if (part == parts.size()) return -1;
      if (segment.front() != '{') {
        if (segment != parts[part]) return -1;
        ++literals;
      }
      ++part;
    }
    at = end + 1;
  }
  return part == parts.size() ? literals : -1;
}

}  // namespace

RouteMatch MatchRoute(const std::vector<Route>& routes, http::verb method,
                      const std::vector<std::string>& parts, const Api* served_by) {
  RouteMatch match;
  // The template of the path: the one with the most literal segments (/v1/alerts/stream
  // before a /v1/alerts/{id}), the first listed among equals.
  int best = -1;
  for (const Route& route : routes) {
    if (served_by && route.served && !route.served(*served_by)) continue;
    const int literals = Literals(route.path, parts);
    if (literals > best) {
      best = literals;
      match.path = route.path;
    }
  }
  if (best < 0) return match;
  for (const Route& route : routes) {
    if (route.path != match.path || (served_by && route.served && !route.served(*served_by))) {
      continue;
    }
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += std::string(http::to_string(route.method));
    if (route.method == method && !match.route) match.route = &route;
  }
  return match;
}

}  // namespace saqme::api
