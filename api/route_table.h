// RouteTable: every route of docs/api.md in one declarative list — its method, its path template,
// how the server serves it, what a caller needs for it, and its handler. The dispatcher
// (Api::Handle, Api::Quick, Api::OpenStream) matches a request against it, and the request log
// and metrics name a request by the template it matched (api/route_template.h): one list, so a
// route cannot be served and logged as "unmatched", or logged and not served.
//
// The list itself is Api::Routes() in api/routes.cc. To add a route:
//   1. write its handler, a member of Api (api/api.h) or a short lambda in the list calling one;
//   2. add one line to the list: {method, "/v1/things/{id}", Serving::k..., Need::k..., handler}
//      — a segment in braces stands for any one segment, and a literal segment wins over a
//      placeholder in the same place (no two templates may otherwise take the same path);
//   3. describe it in docs/api.md, and test it through the real server.
// A path the list holds with other methods is answered 405 with Allow; a path it does not hold
// at all, 404 (docs/api.md, "Errors").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_server.h"
#include "api/identity.h"
#include "api/target.h"

namespace saqme::api {

class Api;

// How the server serves a route (api/http_server.h).
enum class Serving {
  kQuick,       // on the I/O thread, never blocking (HttpServer::QuickHandler): the probes
  kWorker,      // on a worker, which may block (HttpServer::Handler)
  kStream,      // Server-Sent Events on the connection's timer (HttpServer::StreamHandler)
  kBodyStream,  // a body written a page at a time when `streamed` says so; else as kWorker
  // On a worker until the command is handed to the engine (Route::execute); answered on the
  // connection's strand once it is durable or refused, with no thread waiting for the fsync.
  kCommand,
};

// What a caller needs before the handler runs. Every /v1 route needs a token or a session first
// (api/logins.h), checked with the CSRF token before the route is matched, so that a write
// without it is refused whatever it asks for.
enum class Need {
  kNothing,    // anyone: the probes, the console
  kSession,    // the session routes: answered by the logins themselves (Logins::Admit)
  kCaller,     // a token or session; the workflows decide the rest
  kRegisters,  // a post that may read the registers (workflows::MayReadRegisters)
  kAuditor,    // a post that may read the access log (workflows::MayReadAccessLog)
  kHead,       // the head of the body, or whoever acts for them today
};

// One request as a handler sees it.
struct Call {
  const Request& request;
  const Target& target;
  Caller caller;                     // set by the logins for every /v1 route
  std::optional<Response> answered;  // Need::kSession: the logins' answer
  // `request`, held for an answer given after the handler returned (Serving::kCommand).
  std::shared_ptr<const Request> held = nullptr;

  // A path segment, e.g. a placeholder's value; requires i < target.parts.size().
  const std::string& part(size_t i) const { return target.parts[i]; }
};

struct Route {
  http::verb method;
  std::string_view path;  // the template, as docs/api.md names the route
  Serving serving;
  Need need;
  // Every route's but kCommand's: the answer.
  Response (*handle)(Api& api, Call& call) = nullptr;
  // kStream, kBodyStream: the stream; nullopt passes the request to `handle` (which answers
  // why it is not one).
  std::optional<Stream> (*open)(Api& api, Call& call) = nullptr;
  // kBodyStream: whether the request asks for the streamed form; without it, always.
  bool (*streamed)(const Target& target) = nullptr;
  // Whether this server serves the route (e.g. only with a simulated clock); without it,
  // always. A route not served is, to a client, no route at all.
  bool (*served)(const Api& api) = nullptr;
  // kCommand: hands the command on and returns; `reply` is given its answer later (Reply).
  void (*execute)(Api& api, Call& call, Reply reply) = nullptr;
};

struct RouteMatch {
  const Route* route = nullptr;  // the route of the request's method and path, or null
  std::string_view path;         // the template of the path ("" when no route takes it)
  std::string allow;             // the methods the path takes ("DELETE, POST"), table order
};

// Matches the path `parts` and `method` against `routes`; with `served_by`, leaving out the
// routes it does not serve (Route::served). Guarantees: route is set only when path is, and
// allow lists every method of the path's routes (the request's too, when route is set).
RouteMatch MatchRoute(const std::vector<Route>& routes, http::verb method,
                      const std::vector<std::string>& parts, const Api* served_by = nullptr);

}  // namespace saqme::api
