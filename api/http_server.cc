#include "api/http_server.h"

#include <sys/socket.h>
#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/json/serialize.hpp>

#include "api/request_record.h"
#include "api/worker_pool.h"

namespace saqme::api {

namespace net = boost::asio;
namespace beast = boost::beast;
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

using Clock = std::chrono::steady_clock;

// What a request gets when its handler failed: 503, and the connection closes.
Response InternalError(unsigned version) {
  return ErrorResponse(http::status::service_unavailable, "unavailable", "internal error",
                       "შიდა შეცდომა", version, false);
}

// A Handler as an AsyncHandler: it answers before it returns.
HttpServer::AsyncHandler Answering(HttpServer::Handler handler) {
  return [handler = std::move(handler)](std::shared_ptr<const Request> request, Reply reply) {
    ReplyWith(reply, handler(*request));
  };
}

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

const char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
const char kHeartbeat[] = ": keep-alive\n\n";  // an SSE comment: proxies see traffic

// HTTPS: a year, this host only (other hosts of the municipality may still speak plain HTTP).
const char kStrictTransport[] = "max-age=31536000";

// Mozilla's "intermediate" choice for TLS 1.2: forward-secret AEAD suites only (TLS 1.3 has
// its own, all of them sane).
const char kTls12Ciphers[] =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

}  // namespace

struct HttpServer::Impl {
  class Connection;
  template <class S>
  class Conn;

  ServerOptions options;
  AsyncHandler handler;
  StreamHandler stream_handler;
  QuickHandler quick;
  Answered answered;
  // Request ids: this server's random prefix and a counter ("5f3a91-7").
  std::string id_prefix;
  std::atomic<uint64_t> requests{0};

  // Declared before `io`: connections still owned by handlers when `io` is destroyed
  // unregister here.
  std::mutex mu;
  std::condition_variable all_closed;
  std::map<Connection*, std::weak_ptr<Connection>> connections;  // every one, refused too
  std::map<std::string, size_t> per_address;                     // counted connections
  size_t counted = 0;
  std::atomic<bool> stopping{false};
  std::atomic<uint64_t> open_streams{0}, refused_connections{0}, refused_busy{0};
  std::unique_ptr<WorkerPool> workers;

  std::optional<net::ssl::context> tls;  // set: every connection is HTTPS

  net::io_context io;
  tcp::acceptor acceptor{net::make_strand(io)};
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;
  std::optional<net::steady_timer> accept_retry;
  std::vector<std::thread> io_threads;

  // This server (set by Listen), for the Replies that keep it alive.
  std::weak_ptr<Impl> self;

  void Accept();
  void OnAccept(const beast::error_code& error, tcp::socket socket);
  // The stream handler's Stream for `request`, or nullopt; on a worker, never throws.
  std::optional<Stream> OpenStream(const Request& request);
  // Runs the handler on a worker; never throws (an exception answers 503 through `reply`).
  void Run(std::shared_ptr<const Request> request, const Reply& reply);
};

// What Stop() and the acceptor need of a connection, plain or TLS.
class HttpServer::Impl::Connection {
 public:
  virtual ~Connection() = default;
  virtual void Start() = 0;
  // Answers 503 (too many connections) and closes, reading nothing.
  virtual void Refuse(const std::string& message, const std::string& message_ka) = 0;
  // Stop(): an idle connection closes, one being read gets 503, a stream ends; a request in a
  // handler finishes (its answer closes the connection).
  virtual void OnStop() = 0;
  virtual void ForceClose() = 0;
  virtual net::any_io_executor executor() = 0;
};

// One client connection over S (PlainStream or TlsStream): its phases run on its strand, each
// read and write with a deadline; over TLS the handshake comes first, under its own deadline.
template <class S>
class HttpServer::Impl::Conn : public Connection, public std::enable_shared_from_this<Conn<S>> {
 public:
  static constexpr bool kTls = std::is_same_v<S, TlsStream>;

  // `counted`: it holds a place under the connection limits (a refused one does not).
  // `stream_args`: the socket (and the TLS context).
  template <class... A>
  Conn(Impl* server, std::string address, bool counted, A&&... stream_args)
      : server_(server),
        stream_(std::forward<A>(stream_args)...),
        address_(std::move(address)),
        counted_(counted) {}
  ~Conn() override { Unregister(); }

  void Start() override {
    Handshake([](Conn& self) { self.ReadRequest(); });
  }

  void Refuse(const std::string& message, const std::string& message_ka) override {
    BeginRecord();
    Handshake([message, message_ka](Conn& self) { self.Write(Retryable(message, message_ka)); });
  }

  void OnStop() override {
    switch (phase_) {
      case Phase::kIdle:
      case Phase::kReading:
        Lowest().cancel();  // the read (or handshake) completes with operation_aborted
        break;
      case Phase::kStreaming:
        Close(true);
        break;
      default:
        break;
    }
  }
  void ForceClose() override { Close(false); }

  net::any_io_executor executor() override { return stream_.get_executor(); }

 private:
  enum class Phase { kIdle, kReading, kHandling, kWriting, kStreaming, kClosed };

  static std::chrono::seconds Seconds(int s) { return std::chrono::seconds(std::max(s, 1)); }

  beast::tcp_stream& Lowest() { return beast::get_lowest_layer(stream_); }

  // Over TLS: the handshake within its deadline, then `then`; a client that does not complete
  // it (a slowloris, plain HTTP, an old protocol) is cut off with nothing answered. Plain: `then`.
  template <class Then>
  void Handshake(Then then) {
    if constexpr (kTls) {
      phase_ = Phase::kIdle;  // Stop() cancels it
      Lowest().expires_after(Seconds(server_->options.handshake_timeout_seconds));
      stream_.async_handshake(net::ssl::stream_base::server,
                              [self = this->shared_from_this(), then](beast::error_code error) {
                                if (error || self->server_->stopping) return self->Close(false);
                                then(*self);
                              });
    } else {
      then(*this);
    }
  }

  void ReadRequest() {
    if (server_->stopping) return Close(false);
    parser_.emplace();
    parser_->body_limit(server_->options.max_body_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(server_->options.max_header_bytes));
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already here
    phase_ = Phase::kIdle;
    if (buffer_.capacity() > (8 << 10)) buffer_.shrink_to_fit();  // idle: keep little
    Lowest().expires_after(Seconds(server_->options.read_timeout_seconds));
    stream_.async_read_some(buffer_.prepare(1024),
                            [self = this->shared_from_this()](beast::error_code error, size_t n) {
                              self->buffer_.commit(n);
                              if (error) return self->ReadFailed(error);
                              self->ReadHeader();
                            });
  }

  // The whole header within its deadline, counted from its first byte.
  void ReadHeader() {
    BeginRecord();
    phase_ = Phase::kReading;
    Lowest().expires_after(Seconds(server_->options.header_timeout_seconds));
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = this->shared_from_this()](beast::error_code error, size_t) {
                              if (error) return self->ReadFailed(error);
                              self->OnHeader();
                            });
  }

  void OnHeader() {
    if (parser_->is_done()) return Dispatch();
    if (!ExpectsContinue(parser_->get())) return ReadBody();
    // Beast refused a body over the limit with the header: a client waiting for leave to send
    // its body gets it now.
    Lowest().expires_after(Seconds(server_->options.write_timeout_seconds));
    net::async_write(stream_, net::buffer(kContinue, sizeof kContinue - 1),
                     [self = this->shared_from_this()](beast::error_code error, size_t) {
                       if (error) return self->Close(false);
                       self->ReadBody();
                     });
  }

  void ReadBody() {
    Lowest().expires_after(Seconds(server_->options.body_timeout_seconds));
    http::async_read(stream_, buffer_, *parser_,
                     [self = this->shared_from_this()](beast::error_code error, size_t) {
                       if (error) return self->ReadFailed(error);
                       self->Dispatch();
                     });
  }

  void ReadFailed(const beast::error_code& error) {
    if (phase_ == Phase::kClosed) return;
    const bool started = phase_ == Phase::kReading && parser_ && parser_->got_some();
    if (server_->stopping && (error == net::error::operation_aborted || started)) {
      if (!started && buffer_.size() == 0) return Close(false);  // idle: nothing to answer
      // Stop() cut the read short: the request was not executed, so it may be retried.
      return Write(Retryable("saqme is shutting down; send the request again",
                             "სისტემა ჩერდება; გაგზავნეთ მოთხოვნა ხელახლა"));
    }
    // A deadline passed (idle keep-alive, slow header or body), the client went away, or it
    // closed between requests: nothing to answer.
    if (error == beast::error::timeout || error == net::error::operation_aborted ||
        error == net::error::connection_reset || error == net::error::eof ||
        error == http::error::end_of_stream || error == net::ssl::error::stream_truncated) {
      return Close(false);
    }
    // Oversized or malformed: say so, then close (the stream position is unknown).
    const bool too_large = error == http::error::body_limit || error == http::error::header_limit;
    Write(too_large ? ErrorResponse(http::status::payload_too_large, "too_large",
                                    "the request is too large: " + error.message(),
                                    "მოთხოვნა ზედმეტად დიდია", 11, false)
                    : ErrorResponse(http::status::bad_request, "bad_request",
                                    "malformed HTTP request: " + error.message(),
                                    "HTTP მოთხოვნა არასწორია", 11, false));
  }

  void Dispatch() {
    auto request = std::make_shared<Request>(parser_->release());
    parser_.reset();
    request->erase(kClientAddressField);
    request->set(kClientAddressField, address_);
    version_ = request->version();
    record_.method = std::string(request->method_string());
    if (server_->quick) {
      std::optional<Response> answer;
      try {
        answer = server_->quick(*request);
      } catch (const std::exception& e) {
        spdlog::error("quick handler failed: {}", e.what());
      }
      if (answer) return Write(std::move(*answer));
    }
    phase_ = Phase::kHandling;
    auto self = this->shared_from_this();
    const bool queued = server_->workers->TryPost([self, request] {
      if (auto stream = self->server_->OpenStream(*request)) {
        auto opened = std::make_shared<Stream>(std::move(*stream));
        net::post(self->executor(), [self, opened] { self->OnHandled(std::move(*opened)); });
        return;
      }
      self->server_->Run(request, self->MakeReply());
    });
    if (!queued) {
      ++server_->refused_busy;
      Write(Retryable("the server is busy; try again shortly",
                      "სერვერი გადატვირთულია, სცადეთ ცოტა ხანში"));
    }
  }

  // A stream handler's Stream (without `next`: its head is the answer), on the strand.
  void OnHandled(Stream stream) {
    if (phase_ == Phase::kClosed) return;
    if (stream.next) return StartStream(std::move(stream));
    Write(std::move(stream.head));
  }
  // The handler's answer, on the strand.
  void OnAnswered(Response response) {
    if (phase_ == Phase::kClosed) return;
    Write(std::move(response));
  }

  // What a request's Reply shares among its copies: the first call posts its `make` to the
  // connection's strand; dropped uncalled, it answers 503. It holds the connection and the
  // server, whose I/O context must outlive the post.
  struct ReplyState {
    // Declared first, so released last: the connection's destructor uses the server (its lock,
    // its I/O context), and this may be the server's last owner once it was stopped.
    std::shared_ptr<Impl> server;
    std::shared_ptr<Conn> connection;
    std::atomic<bool> given{false};

    void Give(std::function<Response()> make) {
      if (given.exchange(true)) return;
      net::post(connection->executor(), [connection = connection, make = std::move(make)] {
        Response response;
        try {
          response = make();
        } catch (const std::exception& e) {  // the process keeps serving
          spdlog::error("rendering an answer failed: {}", e.what());
          response = InternalError(connection->version_);
        } catch (...) {
          spdlog::error("rendering an answer failed");
          response = InternalError(connection->version_);
        }
        connection->OnAnswered(std::move(response));
      });
    }
    ~ReplyState() {
      if (given) return;
      spdlog::error("a request was left unanswered by its handler");
      const unsigned version = connection->version_;
      Give([version] { return InternalError(version); });
    }
  };
  Reply MakeReply() {
    auto state = std::make_shared<ReplyState>();
    state->connection = this->shared_from_this();
    state->server = server_->self.lock();
    return [state](std::function<Response()> make) { state->Give(std::move(make)); };
  }

  void Write(Response response) {
    phase_ = Phase::kWriting;
    if (server_->stopping) response.keep_alive(false);
    response.version(version_);
    if constexpr (kTls) response.set(http::field::strict_transport_security, kStrictTransport);
    TakeNotes(&response, &record_);
    record_.status = response.result_int();
    response.set("X-Request-Id", record_.id);
    response_.emplace(std::move(response));
    Lowest().expires_after(Seconds(server_->options.write_timeout_seconds));
    http::async_write(stream_, *response_,
                      [self = this->shared_from_this()](beast::error_code error, size_t n) {
                        self->Recorded(n);
                        const bool keep = self->response_->keep_alive();
                        const bool refused = self->response_->result_int() >= 400;
                        self->response_.reset();
                        if (error) return self->Close(false);
                        if (!keep || self->server_->stopping) return self->Close(refused);
                        self->ReadRequest();
                      });
  }

  void StartStream(Stream stream) {
    phase_ = Phase::kStreaming;
    ++server_->open_streams;
    streaming_ = true;
    body_ = stream.body;
    next_ = std::move(stream.next);
    stream.head.keep_alive(false);
    stream.head.version(version_);
    TakeNotes(&stream.head, &record_);
    record_.status = stream.head.result_int();
    stream.head.set("X-Request-Id", record_.id);
    stream_bytes_ = 0;
    if constexpr (kTls) stream.head.set(http::field::strict_transport_security, kStrictTransport);
    std::ostringstream head;
    head << stream.head.base();
    const auto now = Clock::now();
    ends_ = now + std::chrono::seconds(std::max(server_->options.stream_max_seconds, 1));
    timer_.emplace(executor());
    Send(head.str());
    WatchForClose();
    if (!body_) Tick();  // a body's first piece is asked for once the head is written
  }

  // A body stream's next piece, produced on a worker; written as soon as it comes back.
  void NextPiece() {
    if (phase_ == Phase::kClosed) return;
    if (server_->stopping) return Close(true);
    auto self = this->shared_from_this();
    const bool queued = server_->workers->TryPost([self] {
      auto piece = std::make_shared<std::optional<std::string>>();
      try {
        *piece = self->next_();
      } catch (const std::exception& e) {
        spdlog::error("answer body failed: {}", e.what());
      } catch (...) {
        spdlog::error("answer body failed");
      }
      net::post(self->executor(), [self, piece] { self->OnPiece(std::move(*piece)); });
    });
    if (!queued) RetryPieceLater();  // every worker taken: try again after a tick
  }

  void OnPiece(std::optional<std::string> piece) {
    if (phase_ == Phase::kClosed) return;
    if (!piece) return EndStream();
    if (piece->empty()) return RetryPieceLater();
    Send(std::move(*piece));
  }

  void RetryPieceLater() {
    timer_->expires_after(std::chrono::milliseconds(std::max(server_->options.stream_tick_ms, 1)));
    timer_->async_wait([self = this->shared_from_this()](beast::error_code error) {
      if (error || self->phase_ == Phase::kClosed) return;
      self->NextPiece();
    });
  }

  // The client sends nothing after its request: readable means it closed (or sent junk).
  void WatchForClose() {
    Lowest().socket().async_wait(
        tcp::socket::wait_read, [self = this->shared_from_this()](beast::error_code error) {
          if (self->phase_ == Phase::kClosed) return;
          if (error) return self->Close(false);
          char scratch[512];
          const ssize_t n = ::recv(self->Lowest().socket().native_handle(), scratch, sizeof scratch,
                                   MSG_DONTWAIT);
          if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            return self->Close(false);
          }
          self->WatchForClose();
        });
  }

  void Tick() {
    timer_->expires_after(std::chrono::milliseconds(std::max(server_->options.stream_tick_ms, 1)));
    timer_->async_wait([self = this->shared_from_this()](beast::error_code error) {
      if (error || self->phase_ == Phase::kClosed) return;
      self->OnTick();
    });
  }

  void OnTick() {
    const auto now = Clock::now();
    // The lifetime is over: end cleanly; an EventSource reconnects with Last-Event-ID.
    if (server_->stopping || now >= ends_) return Close(true);
    if (!sending_) {
      std::optional<std::string> chunk;
      try {
        chunk = next_();
      } catch (const std::exception& e) {
        spdlog::error("stream failed: {}", e.what());
      } catch (...) {
        spdlog::error("stream failed");
      }
      if (!chunk) return EndStream();
      if (chunk->empty() &&
          now - last_sent_ >= std::chrono::seconds(server_->options.stream_heartbeat_seconds)) {
        *chunk = kHeartbeat;
      }
      if (!chunk->empty()) Send(std::move(*chunk));
    }
    Tick();
  }

  // The producer said it is done (and runs nowhere now): what it holds — a heavy read's place
  // under HeavyReadGate — is given back before the client sees the end, not seconds later when
  // the socket finally goes (Linger), so a client's next request never finds its own last one
  // still counted.
  void EndStream() {
    next_ = nullptr;
    Close(true);
  }

  void Send(std::string bytes) {
    sending_ = true;
    out_ = std::move(bytes);
    last_sent_ = Clock::now();
    Lowest().expires_after(Seconds(server_->options.write_timeout_seconds));
    net::async_write(stream_, net::buffer(out_),
                     [self = this->shared_from_this()](beast::error_code error, size_t n) {
                       self->sending_ = false;
                       self->stream_bytes_ += n;
                       if (error) return self->Close(false);
                       if (self->body_) self->NextPiece();
                     });
  }

  // `graceful`: the answer was an error or the end of a stream — stop sending, and let the
  // client read it before the socket goes (closing over unread input would reset the
  // connection and could discard the answer).
  void Close(bool graceful) {
    if (phase_ == Phase::kClosed) return;
    if (phase_ == Phase::kStreaming) Recorded(stream_bytes_);  // a stream's line when it ends
    phase_ = Phase::kClosed;
    if (timer_) timer_->cancel();
    beast::error_code ignored;
    if constexpr (kTls) {
      // TLS ends with close_notify, so the client knows the answer was not cut short (an
      // event stream has no length); the peer's reply is waited for 2 s at most.
      if (graceful && !sending_) {
        Lowest().expires_after(std::chrono::seconds(2));
        stream_.async_shutdown(
            [self = this->shared_from_this()](beast::error_code) { self->Lowest().close(); });
        return Unregister();
      }
    }
    if (graceful) {
      Lowest().socket().shutdown(tcp::socket::shutdown_send, ignored);
      Linger();
    } else {
      Lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
      Lowest().close();
    }
    Unregister();
  }

  // Discards what the client still sends (raw bytes, TLS or not), for at most 2 s, then closes.
  void Linger() {
    Lowest().expires_after(std::chrono::seconds(2));
    auto scratch = std::make_shared<std::array<char, 1024>>();
    Lowest().async_read_some(net::buffer(*scratch), [self = this->shared_from_this(), scratch](
                                                        beast::error_code error, size_t) {
      if (!error) return self->Linger();
      self->Lowest().close();
    });
  }

  // A new request's record: its id, and "-" for what only a read request tells.
  void BeginRecord() {
    record_ = RequestRecord();
    record_.id = server_->id_prefix + "-" + std::to_string(++server_->requests);
    record_.method = "-";
    record_.route = "-";
    started_ = Clock::now();
    recorded_ = false;
  }

  // Hands the record of the answer just written (`bytes` of it) to the server's Answered; once
  // per request.
  void Recorded(uint64_t bytes) {
    if (recorded_ || !server_->answered) return;
    recorded_ = true;
    record_.bytes = bytes;
    record_.seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    try {
      server_->answered(record_);
    } catch (const std::exception& e) {
      spdlog::error("the request record failed: {}", e.what());
    }
  }

  // Frees its places under the limits; once (Close or the destructor).
  void Unregister() {
    std::lock_guard<std::mutex> lock(server_->mu);
    if (unregistered_) return;
    unregistered_ = true;
    if (streaming_) --server_->open_streams;
    if (counted_) {
      --server_->counted;
      auto it = server_->per_address.find(address_);
      if (it != server_->per_address.end() && --it->second == 0) server_->per_address.erase(it);
    }
    server_->connections.erase(this);
    if (server_->connections.empty()) server_->all_closed.notify_all();
  }

  Impl* server_;
  S stream_;
  const std::string address_;
  const bool counted_;
  bool unregistered_ = false;  // under server_->mu
  Phase phase_ = Phase::kIdle;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<Response> response_;  // being written
  RequestRecord record_;              // of the request being read, handled or answered
  Clock::time_point started_;
  bool recorded_ = true;
  uint64_t stream_bytes_ = 0;
  unsigned version_ = 11;
  // A stream's state.
  bool streaming_ = false, sending_ = false;
  bool body_ = false;
  std::function<std::optional<std::string>()> next_;
  std::optional<net::steady_timer> timer_;
  std::string out_;
  Clock::time_point ends_, last_sent_;
};

void HttpServer::Impl::Accept() {
  acceptor.async_accept(net::make_strand(io), [this](beast::error_code error, tcp::socket socket) {
    OnAccept(error, std::move(socket));
  });
}

void HttpServer::Impl::OnAccept(const beast::error_code& error, tcp::socket socket) {
  if (stopping || error == net::error::operation_aborted) return;
  if (error) {
    // E.g. too many open files: the others are served; accept again shortly.
    accept_retry->expires_after(std::chrono::milliseconds(50));
    accept_retry->async_wait([this](beast::error_code e) {
      if (!e && !stopping) Accept();
    });
    return;
  }
  beast::error_code peer_error;
  const auto peer = socket.remote_endpoint(peer_error);
  std::string address = peer_error ? std::string() : peer.address().to_string();
  bool admitted = false, over_address = false;
  std::shared_ptr<Connection> connection;
  {
    std::lock_guard<std::mutex> lock(mu);
    size_t& from_address = per_address[address];
    over_address = from_address >= options.max_connections_per_address;
    admitted = counted < options.max_connections && !over_address;
    if (admitted) {
      ++from_address;
      ++counted;
    } else if (from_address == 0) {
      per_address.erase(address);
    }
    if (tls) {
      connection =
          std::make_shared<Conn<TlsStream>>(this, address, admitted, std::move(socket), *tls);
    } else {
      connection = std::make_shared<Conn<PlainStream>>(this, address, admitted, std::move(socket));
    }
    connections[connection.get()] = connection;
  }
  if (admitted) {
    net::post(connection->executor(), [connection] { connection->Start(); });
  } else {
    ++refused_connections;
    net::post(connection->executor(), [connection, over_address] {
      if (over_address) {
        connection->Refuse("too many connections from your address; try again shortly",
                           "თქვენი მისამართიდან ზედმეტად ბევრი კავშირია; სცადეთ ცოტა ხანში");
      } else {
        connection->Refuse("too many connections; try again shortly",
                           "სერვერი გადატვირთულია, სცადეთ ცოტა ხანში");
      }
    });
  }
  Accept();
}

std::optional<Stream> HttpServer::Impl::OpenStream(const Request& request) {
  if (!stream_handler) return std::nullopt;
  try {
    return stream_handler(request);
  } catch (const std::exception& e) {
    spdlog::error("stream handler failed: {}", e.what());
  } catch (...) {
    spdlog::error("stream handler failed");
  }
  return std::nullopt;
}

void HttpServer::Impl::Run(std::shared_ptr<const Request> request, const Reply& reply) {
  const unsigned version = request->version();
  try {
    handler(std::move(request), reply);
  } catch (const std::exception& e) {  // the process keeps serving
    spdlog::error("handler failed: {}", e.what());
    reply([version] { return InternalError(version); });  // ignored when it had answered
  } catch (...) {                                         // e.g. a kj::Exception
    spdlog::error("handler failed");
    reply([version] { return InternalError(version); });
  }
}

namespace {

// TLS 1.2 or newer with kTls12Ciphers, the certificate chain and key of `options`, which must
// match, into *out. kInvalidArgument, in Georgian and English, naming the file that cannot be
// used.
Status LoadTls(const ServerOptions& options, std::optional<net::ssl::context>* out) {
  net::ssl::context& context = out->emplace(net::ssl::context::tls_server);
  context.set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                      net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                      net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
  SSL_CTX* native = context.native_handle();
  SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION);
  SSL_CTX_set_options(native, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  SSL_CTX_set_cipher_list(native, kTls12Ciphers);
  auto refuse = [](const std::string& what, const std::string& what_ka, const std::string& file,
                   const std::string& why, const std::string& why_ka) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "cannot use the TLS " + what + " " + file + ": " + why,
                         "TLS-ის " + what_ka + " " + file + " ვერ გამოიყენება: " + why_ka);
  };
  boost::system::error_code error;
  context.use_certificate_chain_file(options.tls_cert_file, error);
  if (error) {
    return refuse("certificate", "სერტიფიკატი", options.tls_cert_file,
                  "not a readable PEM certificate (" + error.message() + ")",
                  "ფაილი არ იკითხება ან PEM სერტიფიკატი არ არის");
  }
  context.use_private_key_file(options.tls_key_file, net::ssl::context::pem, error);
  if (error) {
    return refuse("key", "გასაღები", options.tls_key_file,
                  "not a readable PEM private key (" + error.message() + ")",
                  "ფაილი არ იკითხება ან PEM პირადი გასაღები არ არის");
  }
  if (SSL_CTX_check_private_key(native) != 1) {
    return refuse("key", "გასაღები", options.tls_key_file,
                  "it does not match the certificate " + options.tls_cert_file,
                  "არ შეესაბამება სერტიფიკატს " + options.tls_cert_file);
  }
  return Status::Ok();
}

}  // namespace

void ReplyWith(const Reply& reply, Response response) {
  // Shared: a std::function's target must be copyable, and the answer may be large.
  auto answer = std::make_shared<Response>(std::move(response));
  reply([answer] { return std::move(*answer); });
}

Result<std::unique_ptr<HttpServer>> HttpServer::Listen(ServerOptions options) {
  std::unique_ptr<HttpServer> server(new HttpServer());
  server->impl_ = std::make_shared<Impl>();
  server->impl_->self = server->impl_;
  Impl& impl = *server->impl_;
  impl.options = options;
  if (options.tls()) {
    if (Status loaded = LoadTls(options, &impl.tls); !loaded.ok()) return loaded;
  }
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
  server->port_ = impl.acceptor.local_endpoint().port();
  return server;
}

void HttpServer::Serve(Handler handler, StreamHandler stream_handler, QuickHandler quick,
                       Answered answered) {
  Serve(Answering(std::move(handler)), std::move(stream_handler), std::move(quick),
        std::move(answered));
}

void HttpServer::Serve(AsyncHandler handler, StreamHandler stream_handler, QuickHandler quick,
                       Answered answered) {
  Impl& impl = *impl_;
  impl.answered = std::move(answered);
  {
    std::random_device random;
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%06x", random() & 0xffffff);
    impl.id_prefix = prefix;
  }
  impl.handler = std::move(handler);
  impl.stream_handler = std::move(stream_handler);
  impl.quick = std::move(quick);
  impl.workers = std::make_unique<WorkerPool>(std::max<size_t>(impl.options.workers, 1),
                                              impl.options.worker_queue);
  impl.work.emplace(impl.io.get_executor());
  impl.accept_retry.emplace(impl.acceptor.get_executor());
  net::post(impl.acceptor.get_executor(), [&impl] { impl.Accept(); });
  size_t threads = impl.options.io_threads;
  if (threads == 0) threads = std::max<size_t>(std::thread::hardware_concurrency(), 2);
  for (size_t i = 0; i < threads; ++i) impl.io_threads.emplace_back([&impl] { impl.io.run(); });
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(ServerOptions options, Handler handler,
                                                      StreamHandler stream_handler,
                                                      QuickHandler quick) {
  return Start(std::move(options), Answering(std::move(handler)), std::move(stream_handler),
               std::move(quick));
}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(ServerOptions options, AsyncHandler handler,
                                                      StreamHandler stream_handler,
                                                      QuickHandler quick) {
  auto server = Listen(std::move(options));
  if (server.ok()) {
    server.value()->Serve(std::move(handler), std::move(stream_handler), std::move(quick));
  }
  return server;
}

HttpServer::Stats HttpServer::stats() const {
  Stats stats;
  if (!impl_) return stats;
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    stats.open_connections = impl_->counted;
  }
  stats.open_streams = impl_->open_streams;
  stats.refused_connections = impl_->refused_connections;
  stats.refused_busy = impl_->refused_busy;
  return stats;
}

void HttpServer::Stop() {
  if (!impl_ || impl_->stopping.exchange(true)) return;
  Impl& impl = *impl_;
  if (impl.io_threads.empty()) {  // never served
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
    return;
  }
  net::post(impl.acceptor.get_executor(), [&impl] {
    boost::system::error_code ignored;
    impl.acceptor.close(ignored);
    impl.accept_retry->cancel();
  });
  // Each connection on its own strand; fn runs for every one still open. The owners are taken
  // under the lock and let go outside it: the last one's destructor takes the lock.
  auto each = [&impl](void (Impl::Connection::*fn)()) {
    std::vector<std::shared_ptr<Impl::Connection>> open;
    {
      std::lock_guard<std::mutex> lock(impl.mu);
      for (const auto& [raw, weak] : impl.connections) {
        if (auto connection = weak.lock()) open.push_back(std::move(connection));
      }
    }
    for (auto& connection : open) {
      net::post(connection->executor(), [connection, fn] { ((*connection).*fn)(); });
    }
  };
  each(&Impl::Connection::OnStop);
  {
    // Requests in progress get a grace period to answer; then every connection is cut.
    std::unique_lock<std::mutex> lock(impl.mu);
    const bool closed = impl.all_closed.wait_for(lock, std::chrono::seconds(10),
                                                 [&impl] { return impl.connections.empty(); });
    lock.unlock();
    if (!closed) each(&Impl::Connection::ForceClose);
  }
  impl.workers->Stop();  // the jobs still queued run, and post their answers to closed ones
  impl.work.reset();
  {
    std::unique_lock<std::mutex> lock(impl.mu);
    impl.all_closed.wait_for(lock, std::chrono::seconds(5),
                             [&impl] { return impl.connections.empty(); });
  }
  impl.io.stop();
  for (auto& thread : impl.io_threads) thread.join();
}

HttpServer::~HttpServer() { Stop(); }

}  // namespace saqme::api
