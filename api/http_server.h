// HttpServer: HTTP/1.1 with keep-alive over Boost.Beast, one thread per connection.
// `Expect: 100-continue` is answered with 100 Continue once the header is read and accepted.
//
// A command blocks its connection's thread until its batch is fsync'd, so many connections
// must wait at once for the group commit to group them: a thread per connection does that
// simply. Limits protect the process: body and header sizes (413), a read timeout that also
// closes idle keep-alive connections, and a connection cap (503). A malformed request gets 400
// and the connection is closed; the server goes on.
#pragma once

#include <boost/beast/http.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "storage/status.h"

namespace saqme::api {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

// The header the server sets on every request to the client's IP address (replacing any the
// client sent), for limits per address.
inline constexpr char kClientAddressField[] = "X-Saqme-Client-Address";

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (tests)
  size_t max_body_bytes = 1 << 20;
  size_t max_header_bytes = 16 << 10;
  int read_timeout_seconds = 30;
  size_t max_connections = 512;
};

// A long-lived answer (Server-Sent Events). `head` is sent without a Content-Length and the
// connection closes when the stream ends. `next` is then called until it returns nullopt: each
// call returns what to send now (empty: nothing yet), and must return within about a second so
// that a client that went away, or a stopping server, is noticed.
struct Stream {
  Response head;
  std::function<std::optional<std::string>()> next;
};

class HttpServer {
 public:
  using Handler = std::function<Response(const Request&)>;
  // Asked first for every request: a Stream takes the connection over; nullopt passes the
  // request to the Handler.
  using StreamHandler = std::function<std::optional<Stream>(const Request&)>;

  // Resolves options.host (an address or a name: its first address, IPv4 before IPv6), binds
  // and listens, without accepting yet: connections wait in the backlog until Serve. So a
  // caller can bind before it writes anything. kInvalidArgument when the host does not
  // resolve, kIOError when it cannot be bound (e.g. the port is in use); both in Georgian and
  // English.
  static Result<std::unique_ptr<HttpServer>> Listen(ServerOptions options);
  // Starts accepting: every request goes to `handler` (after `stream_handler`). Once.
  void Serve(Handler handler, StreamHandler stream_handler = {});
  // Listen, then Serve.
  static Result<std::unique_ptr<HttpServer>> Start(ServerOptions options, Handler handler,
                                                   StreamHandler stream_handler = {});
  ~HttpServer();  // Stop()

  uint16_t port() const { return port_; }
  // Stops accepting, lets requests in progress finish and answer, closes every connection. A
  // request still being read gets 503 with Retry-After (the client retries it elsewhere or
  // after the restart; nothing of it was executed).
  void Stop();

 private:
  struct Impl;
  HttpServer() = default;
  std::unique_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

// A JSON error body of docs/api.md: {"error": {"code", "message", "message_ka"}}.
Response ErrorResponse(http::status status, const std::string& code, const std::string& message,
                       const std::string& message_ka, unsigned version, bool keep_alive);

}  // namespace saqme::api
