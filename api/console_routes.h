// The web console's routes (docs/console.md): GET / and GET /assets/... from the embedded
// bundle (console/assets.h), and index.html for the console's own client-side paths
// (/cases/ID, /search, ...) when the browser asks for HTML.
#pragma once

#include <optional>

#include "api/http_server.h"

namespace saqme::api {

// The answer of the console to `request`, or nullopt when the request is not the console's:
// a method other than GET, a path under /v1, /health, /metrics or /ready, or a path that is
// neither / nor /assets/... and whose Accept does not include text/html (those get the API's
// JSON 404). Guarantees on every answer: Content-Security-Policy (default-src 'self', no inline
// script, frame-ancestors 'none'), X-Content-Type-Options nosniff, Referrer-Policy
// same-origin; hashed assets are cacheable for a year, index.html is no-cache.
std::optional<Response> ConsoleResponse(const Request& request);

}  // namespace saqme::api
