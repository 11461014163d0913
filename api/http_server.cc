#include "api/http_server.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <sstream>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/json/serialize.hpp>

namespace saqme::api {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Response ErrorResponse(http::status status, const std::string& code, const std::string& message,
                       const std::string& message_ka, unsigned version, bool keep_alive) {
  Response response{status, version};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  boost::json::object error{{"code", code}, {"message", message}};
  if (!message_ka.empty()) error["message_ka"] = message_ka;
  response.body() = boost::json::serialize(boost::json::object{{"error", error}});
  response.keep_alive(keep_alive);
  response.prepare_payload();
  return response;
}

namespace {

// 503 with Retry-After: nothing of the request was executed, and it may be sent again.
Response Retryable(const std::string& message, const std::string& message_ka) {
  auto response = ErrorResponse(http::status::service_unavailable, "unavailable", message,
                                message_ka, 11, false);
  response.set(http::field::retry_after, "2");
  return response;
}

// Whether the client asked to be told to send its body (RFC 9110 10.1.1).
bool ExpectsContinue(const Request& request) {
  return request.version() >= 11 &&
         boost::beast::iequals(request[http::field::expect], "100-continue");
}

// Where a connection to ourselves reaches the acceptor bound to `bound` (a wildcard address
// is reached through the loopback of its family).
tcp::endpoint WakeEndpoint(const tcp::endpoint& bound) {
  if (!bound.address().is_unspecified()) return bound;
  return {bound.address().is_v4() ? net::ip::address(net::ip::address_v4::loopback())
                                  : net::ip::address(net::ip::address_v6::loopback()),
          bound.port()};
}

}  // namespace

struct HttpServer::Impl {
  ServerOptions options;
  Handler handler;
  StreamHandler stream_handler;
  net::io_context io;
  tcp::acceptor acceptor{io};
  tcp::endpoint wake;  // see WakeEndpoint
  std::thread accept_thread;
  std::mutex mu;
  std::condition_variable all_closed;
  std::set<tcp::socket*> connections;
  bool stopping = false;

  void Accept() {
    for (;;) {
      tcp::socket socket(io);
      boost::system::error_code error;
      acceptor.accept(socket, error);
      if (error) {
        std::lock_guard<std::mutex> lock(mu);
        if (stopping) return;
        continue;  // e.g. too many open files: keep serving the others
      }
      std::unique_lock<std::mutex> lock(mu);
      if (stopping) return;
      if (connections.size() >= options.max_connections) {
        lock.unlock();
        auto busy = Retryable("too many connections; try again shortly",
                              "სერვერი გადატვირთულია, სცადეთ ცოტა ხანში");
        boost::system::error_code ignored;
        http::write(socket, busy, ignored);
        continue;
      }
      auto* owned = new tcp::socket(std::move(socket));
      connections.insert(owned);
      lock.unlock();
      std::thread([this, owned] { Serve(owned); }).detach();
    }
  }

  // Waits until the socket has data (or is closed); false after the read timeout. Asio's
  // synchronous reads ignore SO_RCVTIMEO, so the wait is done here.
  using Clock = std::chrono::steady_clock;

  // Waits until the socket is ready for `events` or the deadline passes. Asio's synchronous
  // reads and writes ignore SO_RCVTIMEO/SO_SNDTIMEO, so every wait is done here.
  static bool WaitFor(tcp::socket* socket, short events, Clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd fd{socket->native_handle(), events, 0};
    return ::poll(&fd, 1, static_cast<int>(left)) > 0;
  }

  // Sends the whole response, giving up at the deadline (a client that never reads).
  bool Send(tcp::socket* socket, const Response& response, Clock::time_point deadline) {
    std::ostringstream text;
    text << response;
    return SendBytes(socket, text.str(), deadline);
  }

  bool SendBytes(tcp::socket* socket, const std::string& bytes, Clock::time_point deadline) {
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::send(socket->native_handle(), bytes.data() + sent, bytes.size() - sent,
                               MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n > 0) {
        sent += static_cast<size_t>(n);
      } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (!WaitFor(socket, POLLOUT, deadline)) return false;
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        return false;
      }
    }
    return true;
  }

  Clock::time_point Deadline() const {
    return Clock::now() + std::chrono::seconds(options.read_timeout_seconds);
  }

  bool Stopping() {
    std::lock_guard<std::mutex> lock(mu);
    return stopping;
  }

  // Whether the client has closed its side (a stream's client sends nothing after its request).
  static bool ClientGone(tcp::socket* socket) {
    pollfd fd{socket->native_handle(), POLLIN, 0};
    if (::poll(&fd, 1, 0) <= 0) return false;
    if (fd.revents & (POLLHUP | POLLERR)) return true;
    char scratch[512];
    const ssize_t n = ::recv(socket->native_handle(), scratch, sizeof scratch, MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
  }

  void ServeStream(tcp::socket* socket, Stream& stream) {
    stream.head.keep_alive(false);
    std::ostringstream head;
    head << stream.head.base();
    if (!SendBytes(socket, head.str(), Deadline())) return;
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mu);
        if (stopping) return;
      }
      if (ClientGone(socket)) return;
      std::optional<std::string> chunk;
      try {
        chunk = stream.next();
      } catch (const std::exception& e) {
        spdlog::error("stream failed: {}", e.what());
        return;
      }
      if (!chunk) return;
      if (!chunk->empty() && !SendBytes(socket, *chunk, Deadline())) return;
    }
  }

  void Serve(tcp::socket* socket) {
    boost::beast::flat_buffer buffer;
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(options.max_body_bytes);
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      boost::system::error_code error;
      bool timed_out = false, closed = false, header_seen = false;
      // One deadline for the whole request: an idle keep-alive or a slow sender is cut off.
      const auto deadline = Deadline();
      while (!parser.is_done()) {
        if (buffer.size() > 0) {
          const size_t used = parser.put(buffer.data(), error);
          buffer.consume(used);
          if (error == http::error::need_more) {
            error = {};
          } else if (error || parser.is_done()) {
            break;
          }
          // Beast stops after the header (a body over the limit is refused there): a client
          // waiting for leave to send its body gets it now.
          if (!header_seen && parser.is_header_done()) {
            header_seen = true;
            if (ExpectsContinue(parser.get()) &&
                !SendBytes(socket, "HTTP/1.1 100 Continue\r\n\r\n", deadline)) {
              closed = true;
              break;
            }
          }
          if (used > 0) continue;
        }
        if (!WaitFor(socket, POLLIN, deadline)) {
          timed_out = true;
          break;
        }
        const size_t n = socket->read_some(buffer.prepare(64 << 10), error);
        buffer.commit(n);
        if (error == net::error::eof) {
          if (!parser.got_some() && buffer.size() == 0) {
            closed = true;  // the client is done
          } else {
            error = http::error::partial_message;
          }
          break;
        }
        if (error) break;
      }
      if (timed_out || closed) break;
      if (error == http::error::partial_message && Stopping()) {
        // Stop() cut the read short: the request was not executed, so it may be retried.
        Send(socket,
             Retryable("saqme is shutting down; send the request again",
                       "სისტემა ჩერდება; გაგზავნეთ მოთხოვნა ხელახლა"),
             Deadline());
        break;
      }
      if (error == net::error::connection_reset) break;
      if (error == http::error::end_of_stream || error == net::error::eof) break;
      if (error) {
        // Oversized or malformed: say so, then close (the stream position is unknown).
        const bool too_large =
            error == http::error::body_limit || error == http::error::header_limit;
        if (error != net::error::connection_reset) {
          auto response = too_large ? ErrorResponse(http::status::payload_too_large, "too_large",
                                                    "the request is too large: " + error.message(),
                                                    "მოთხოვნა ზედმეტად დიდია", 11, false)
                                    : ErrorResponse(http::status::bad_request, "bad_request",
                                                    "malformed HTTP request: " + error.message(),
                                                    "HTTP მოთხოვნა არასწორია", 11, false);
          Send(socket, response, Deadline());
        }
        break;
      }
      Request& request = parser.get();
      request.erase(kClientAddressField);
      boost::system::error_code peer_error;
      const auto peer = socket->remote_endpoint(peer_error);
      if (!peer_error) request.set(kClientAddressField, peer.address().to_string());
      if (stream_handler) {
        std::optional<Stream> stream;
        try {
          stream = stream_handler(request);
        } catch (const std::exception& e) {
          spdlog::error("stream handler failed: {}", e.what());
        }
        if (stream) {
          ServeStream(socket, *stream);
          break;
        }
      }
      Response response;
      try {
        response = handler(request);
      } catch (const std::exception& e) {  // the process keeps serving
        spdlog::error("handler failed: {}", e.what());
        response = ErrorResponse(http::status::service_unavailable, "unavailable", "internal error",
                                 "შიდა შეცდომა", request.version(), false);
      } catch (...) {  // e.g. a kj::Exception
        spdlog::error("handler failed");
        response = ErrorResponse(http::status::service_unavailable, "unavailable", "internal error",
                                 "შიდა შეცდომა", request.version(), false);
      }
      {
        std::lock_guard<std::mutex> lock(mu);
        if (stopping) response.keep_alive(false);
      }
      response.version(request.version());
      if (!Send(socket, response, Deadline()) || !response.keep_alive()) break;
    }
    boost::system::error_code ignored;
    socket->shutdown(tcp::socket::shutdown_both, ignored);
    socket->close(ignored);
    std::lock_guard<std::mutex> lock(mu);
    connections.erase(socket);
    delete socket;
    if (connections.empty()) all_closed.notify_all();
  }
};

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(ServerOptions options) {
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->impl_ = std::make_unique<Impl>();
  Impl& impl = *server->impl_;
  impl.options = options;
  std::string host = options.host;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]
  }
  const std::string where = options.host + ":" + std::to_string(options.port);
  std::vector<tcp::endpoint> endpoints;
  boost::system::error_code error;
  const auto address = net::ip::make_address(host, error);
  if (!error) {
    endpoints.emplace_back(address, options.port);
  } else {
    tcp::resolver resolver(impl.io);
    const auto found =
        resolver.resolve(host, std::to_string(options.port), tcp::resolver::numeric_service, error);
    if (!error) {
      for (const auto& entry : found) endpoints.push_back(entry.endpoint());
    }
    if (endpoints.empty()) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "cannot resolve the listen address " + where + ": " + error.message(),
                           "მისამართი " + where + " ვერ მოიძებნა; მოსმენა ვერ დაიწყო");
    }
    // localhost and the like: the IPv4 address first, where local clients look first.
    std::stable_partition(endpoints.begin(), endpoints.end(),
                          [](const tcp::endpoint& e) { return e.address().is_v4(); });
  }
  for (const auto& endpoint : endpoints) {
    error = {};
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
    impl.acceptor.open(endpoint.protocol(), error);
    if (!error) impl.acceptor.set_option(net::socket_base::reuse_address(true), error);
    if (!error) impl.acceptor.bind(endpoint, error);
    if (!error) impl.acceptor.listen(net::socket_base::max_listen_connections, error);
    if (!error) break;
  }
  if (error) {
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
    return Status::Error(Status::Code::kIOError,
                         "cannot listen on " + where + ": " + error.message(),
                         "მისამართზე " + where + " მოსმენა ვერ დაიწყო");
  }
  impl.wake = WakeEndpoint(impl.acceptor.local_endpoint());
  server->port_ = impl.wake.port();
  return server;
}

void HttpServer::Serve(Handler handler, StreamHandler stream_handler) {
  impl_->handler = std::move(handler);
  impl_->stream_handler = std::move(stream_handler);
  impl_->accept_thread = std::thread([impl = impl_.get()] { impl->Accept(); });
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(ServerOptions options, Handler handler,
                                                      StreamHandler stream_handler) {
  auto server = Listen(std::move(options));
  if (server.ok()) server.value()->Serve(std::move(handler), std::move(stream_handler));
  return server;
}

void HttpServer::Stop() {
  if (!impl_) return;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (impl_->stopping) return;
    impl_->stopping = true;
    // Wake connections blocked reading their next request; one in a handler finishes first.
    for (auto* socket : impl_->connections) {
      boost::system::error_code ignored;
      socket->shutdown(tcp::socket::shutdown_receive, ignored);
    }
  }
  // The accept thread is blocked in accept(): a connection to ourselves wakes it, and it sees
  // `stopping` (the acceptor is not closed under it: Asio objects are not thread-safe). A
  // server that never served has no accept thread.
  boost::system::error_code ignored;
  if (impl_->accept_thread.joinable()) {
    tcp::socket poke(impl_->io);
    poke.connect(impl_->wake, ignored);
    impl_->accept_thread.join();
  }
  impl_->acceptor.close(ignored);
  std::unique_lock<std::mutex> lock(impl_->mu);
  // Requests in progress get a grace period to answer; then every connection is cut.
  if (!impl_->all_closed.wait_for(lock, std::chrono::seconds(10),
                                  [this] { return impl_->connections.empty(); })) {
    for (auto* socket : impl_->connections) socket->shutdown(tcp::socket::shutdown_both, ignored);
  }
  impl_->all_closed.wait(lock, [this] { return impl_->connections.empty(); });
}

HttpServer::~HttpServer() { Stop(); }

}  // namespace saqme::api
