#include "api/route_table.h"

namespace saqme::api {
namespace {

// The segments of a template ("/v1/cases/{id}" -> v1, cases, {id}).
std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < path.size()) {
    const size_t slash = path.find('/', at);
    const size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > at) out.push_back(path.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// How many literal segments of `path` match `parts`; -1 when it does not take them.
int Literals(std::string_view path, const std::vector<std::string>& parts) {
  const auto shape = Segments(path);
  if (shape.size() != parts.size()) return -1;
  int literals = 0;
  for (size_t i = 0; i < shape.size(); ++i) {
    if (shape[i].front() == '{') continue;
    if (shape[i] != parts[i]) return -1;
    ++literals;
  }
  return literals;
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
