#include "api/route_template.h"

#include <vector>

#include "api/target.h"

namespace saqme::api {
namespace {

// Every route of docs/api.md; a segment in braces stands for any one segment.
constexpr const char* kRoutes[] = {
    "/health",
    "/ready",
    "/metrics",
    "/",
    "/index.html",
    "/assets/{file}",
    "/v1/cases",
    "/v1/cases/{id}",
    "/v1/cases/{id}/commands",
    "/v1/cases/{id}/history",
    "/v1/audit/verify",
    "/v1/audit/access",
    "/v1/reports/annual",
    "/v1/journals/{journal}",
    "/v1/inbox",
    "/v1/org",
    "/v1/org/commands",
    "/v1/nomenclature",
    "/v1/alerts",
    "/v1/alerts/stream",
    "/v1/alerts/{id}/ack",
    "/v1/control",
    "/v1/control/list",
    "/v1/commands/schema",
    "/v1/admin/clock/advance",
    "/v1/session",
    "/v1/session/password",
    "/v1/session/post",
    "/v1/me",
};

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

}  // namespace

std::string RouteTemplate(std::string_view target) {
  const std::vector<std::string> parts = Parse(target).parts;
  for (const char* route : kRoutes) {
    const auto shape = Segments(route);
    if (shape.size() != parts.size()) continue;
    bool matches = true;
    for (size_t i = 0; i < shape.size() && matches; ++i) {
      // A literal segment wins over a placeholder: /v1/alerts/stream is not /v1/alerts/{id}
      // (the table lists no placeholder where a literal of the same place exists).
      matches = shape[i].front() == '{' || shape[i] == parts[i];
    }
    if (matches) return route;
  }
  return "unmatched";
}

}  // namespace saqme::api
