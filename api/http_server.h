// HttpServer: HTTP/1.1 with keep-alive over Boost.Beast's asynchronous model.
//
// Design. An io_context is run by a small pool of I/O threads (one per core, at least 2).
// Every connection is a beast::tcp_stream on its own strand; accepting, reading and writing
// are asynchronous, each with a deadline: the idle keep-alive wait for the first byte of a
// request (read_timeout_seconds), the whole header from its first byte
// (header_timeout_seconds), the body after the header (body_timeout_seconds), and every write
// (write_timeout_seconds). An idle or slowloris connection thus costs a socket and a small
// buffer, no thread, and is cut off at its deadline.
//
// Handlers may block (a read goes to the disk), so they run on a bounded WorkerPool (`workers`
// threads, `worker_queue` more waiting); beyond it a request gets 503 with Retry-After. A
// handler need not answer before it returns: it is given the request's Reply, which it may hand
// on. A command is handed to the engine with it and answered when its batch is fsync'd, on the
// connection's strand, where the answer is rendered: no thread waits for the fsync, and many
// commands in flight at once are what the group commit groups. The
// QuickHandler (GET /health, /ready, /metrics) is asked first on the I/O thread, so those are
// answered even when every worker is taken. A Stream holds no thread: a timer on the
// connection's strand calls its `next` every `stream_tick_ms`; the server sends a heartbeat
// comment when nothing was sent for `stream_heartbeat_seconds` and ends the stream (closes the
// connection: an EventSource reconnects with Last-Event-ID) after `stream_max_seconds`.
//
// Limits: connections in total (`max_connections`) and per client address
// (`max_connections_per_address`) are answered 503 with Retry-After and a bilingual JSON error,
// then closed; body and header sizes 413; a malformed request 400 and close. The server goes
// on. `Expect: 100-continue` is answered with 100 Continue once the header is read and
// accepted.
//
// Every answered request — a handler's, a stream's once it ended, or the server's own 400, 413
// and 503 — is handed to the Answered hook (the request log and the request metrics,
// api/request_record.h) and carries its request id as X-Request-Id.
//
// HTTPS (ServerOptions::tls_cert_file/tls_key_file): each connection is a beast::ssl_stream
// over OpenSSL, TLS 1.2 or newer with forward-secret AEAD ciphers. The handshake has its own
// deadline (handshake_timeout_seconds) before the first read's; a client that never completes
// it, or speaks plain HTTP, is cut off. Everything above — deadlines, limits, streams, body
// streams, 100-continue, 503 at Stop — is the same over both.
#pragma once

#include <boost/beast/http.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "model/status.h"

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
  int read_timeout_seconds = 30;    // idle keep-alive: until the first byte of a request
  int header_timeout_seconds = 10;  // from a request's first byte to the end of its header
  int body_timeout_seconds = 30;    // from the end of the header to the end of the body
  int write_timeout_seconds = 30;   // each answer, each chunk of a stream
  size_t max_connections = 10000;
  size_t max_connections_per_address = 256;
  size_t io_threads = 0;       // 0: one per core, at least 2
  size_t workers = 128;        // threads running the (blocking) Handler
  size_t worker_queue = 1024;  // requests waiting for a worker; beyond: 503
  int stream_tick_ms = 250;    // how often a stream's `next` is called
  int stream_heartbeat_seconds = 15;
  int stream_max_seconds = 3600;  // a stream's lifetime; then it ends and the client reconnects
  // HTTPS when both are set: PEM files, the certificate chain (the server's first) and its
  // private key. TLS 1.2 or newer; every answer then carries Strict-Transport-Security.
  std::string tls_cert_file, tls_key_file;
  int handshake_timeout_seconds = 10;  // over TLS: from the accept to the end of the handshake

  bool tls() const { return !tls_cert_file.empty() || !tls_key_file.empty(); }
};

struct RequestRecord;  // api/request_record.h

// A long-lived answer (Server-Sent Events). `head` is sent without a Content-Length and the
// connection closes when the stream ends.
//
// Contract of `next`: called on an I/O thread every ServerOptions::stream_tick_ms (never two
// calls at once, never while the previous answer is still being written); it must not block —
// return at once with what to send now ("" for nothing yet) or nullopt to end the stream. It
// must not wait for events: the tick is its wait. Heartbeats and the lifetime are the
// server's. A Stream without `next` is not a stream: `head` is then a complete answer (e.g.
// 429 when the caller holds too many streams) sent as a normal response.
//
// A `body` stream is an answer of a known end produced piece by piece (a journal's export,
// api/body_stream.h): its `next` may block (it runs on a worker, never on an I/O thread), is
// called again as soon as the previous piece is written (a piece of "" is retried after a
// tick), and the server adds no heartbeat (it would corrupt the body) and no lifetime.
struct Stream {
  Response head;
  std::function<std::optional<std::string>()> next;
  bool body = false;
};

// The answer to one request, given once, from any thread: `make` is run on the connection's
// strand (an I/O thread, so it must not block) and what it returns is written. A handler that
// has its answer at hand gives `[r] { return r; }`; one completed later (a command, once the
// engine made it durable) renders its answer there rather than on the thread that completed
// it. A second call is ignored; a Reply whose every copy is dropped uncalled answers 503
// "internal error", so a request is never left without an answer. A Reply keeps the server's
// I/O context alive: it may be called after Stop (the answer then goes nowhere).
using Reply = std::function<void(std::function<Response()> make)>;

// Gives `response`, at hand, as the reply.
void ReplyWith(const Reply& reply, Response response);

class HttpServer {
 public:
  // Runs on a worker thread; may block.
  using Handler = std::function<Response(const Request&)>;
  // Runs on a worker thread; may block, and may return before it calls `reply` (which it may
  // hand to another thread). An exception before `reply` is called answers 503.
  using AsyncHandler = std::function<void(std::shared_ptr<const Request> request, Reply reply)>;
  // Asked first (on a worker thread) for every request the QuickHandler did not answer: a
  // Stream takes the connection over; nullopt passes the request to the Handler.
  using StreamHandler = std::function<std::optional<Stream>(const Request&)>;
  // Asked before anything else, on the I/O thread: must not block (no disk, no waiting);
  // nullopt passes the request on.
  using QuickHandler = std::function<std::optional<Response>(const Request&)>;
  // Called on an I/O thread once an answer is written (a stream's: once it ended), for every
  // request answered — by a handler or by the server itself (400, 413, 503) — with what the
  // server and the handler's notes (api/request_record.h) tell of it; must not block for long
  // (the request log writes a line). Every answer carries the record's id as X-Request-Id.
  using Answered = std::function<void(const RequestRecord&)>;

  struct Stats {
    uint64_t open_connections = 0, open_streams = 0;
    uint64_t refused_connections = 0;  // over the total or per-address limit
    uint64_t refused_busy = 0;         // requests answered 503 because every worker was taken
  };

  // Resolves options.host (an address or a name: its first address, IPv4 before IPv6), binds
  // and listens, without accepting yet: connections wait in the backlog until Serve. So a
  // caller can bind before it writes anything. kInvalidArgument when the host does not
  // resolve, kIOError when it cannot be bound (e.g. the port is in use), kInvalidArgument when
  // the TLS certificate or key is missing, unreadable or not a pair; all in Georgian and
  // English.
  static Result<std::unique_ptr<HttpServer>> Listen(ServerOptions options);
  // Starts accepting with the I/O threads and the workers. Once.
  void Serve(AsyncHandler handler, StreamHandler stream_handler = {}, QuickHandler quick = {},
             Answered answered = {});
  // Serve with a handler that answers before it returns.
  void Serve(Handler handler, StreamHandler stream_handler = {}, QuickHandler quick = {},
             Answered answered = {});
  // Listen, then Serve.
  static Result<std::unique_ptr<HttpServer>> Start(ServerOptions options, Handler handler,
                                                   StreamHandler stream_handler = {},
                                                   QuickHandler quick = {});
  static Result<std::unique_ptr<HttpServer>> Start(ServerOptions options, AsyncHandler handler,
                                                   StreamHandler stream_handler = {},
                                                   QuickHandler quick = {});
  ~HttpServer();  // Stop()

  uint16_t port() const { return port_; }
  // Thread-safe.
  Stats stats() const;
  // Stops accepting, lets requests in progress finish and answer (10 s of grace), ends the
  // streams, closes every connection. A request still being read gets 503 with Retry-After
  // (the client retries it elsewhere or after the restart; nothing of it was executed).
  void Stop();

 private:
  struct Impl;
  HttpServer() = default;
  std::shared_ptr<Impl> impl_;
  uint16_t port_ = 0;
};

// A JSON error body of docs/api.md: {"error": {"code", "message", "message_ka"}}.
Response ErrorResponse(http::status status, const std::string& code, const std::string& message,
                       const std::string& message_ka, unsigned version, bool keep_alive);

}  // namespace saqme::api
