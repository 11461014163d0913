// RequestRecord: what is known of one answered request once its answer is written — for the
// request log (api/request_log.h) and the request metrics (api/request_metrics.h). The server
// knows the method, status, bytes and time; the handler knows the route, the caller and the
// command, and tells the server by notes: fields of its Response that the server takes off
// before the answer is written (TakeNotes), so that they never reach the client.
//
// Nothing personal is ever recorded: the route is a template (/v1/cases/{id}), never the path
// or its query; the caller is a post, a login id or a token's hash prefix, never a name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "api/http_server.h"

namespace saqme::api {

struct RequestRecord {
  std::string id;      // the server's request id, also sent as X-Request-Id
  std::string method;  // "-" when the request could not be read
  std::string route;   // the route template; "-" when the server answered before any handler
  unsigned status = 0;
  double seconds = 0;  // from the request's first byte to its answer's (a stream's) last
  uint64_t bytes = 0;  // written to the client, head and body
  std::string post, login, token, command;

  // GET /health, /ready, /metrics: asked every few seconds by probes and scrapers.
  bool probe() const { return route == "/health" || route == "/ready" || route == "/metrics"; }
};

// The notes (header names the server removes before writing).
inline constexpr char kNoteRoute[] = "X-Saqme-Note-Route";
inline constexpr char kNotePost[] = "X-Saqme-Note-Post";
inline constexpr char kNoteLogin[] = "X-Saqme-Note-Login";
inline constexpr char kNoteToken[] = "X-Saqme-Note-Token";
inline constexpr char kNoteCommand[] = "X-Saqme-Note-Command";

// Sets the note `field` to `value` on `response` (nothing when `value` is empty).
void Note(Response* response, const char* field, std::string_view value);

// Moves the notes of `response` into `record` (route, post, login, token, command) and
// removes them from the response. A response without notes leaves those fields as they were.
void TakeNotes(Response* response, RequestRecord* record);

}  // namespace saqme::api
