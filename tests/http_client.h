// A small synchronous HTTP/1.1 client for the integration tests (keep-alive, one connection; a
// new one after an answer that closes it, as `Connection: close` says — a streamed export).
// Over HTTPS when given the server's certificate (PEM), which it then trusts alone.
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace saqme::testing {

class HttpClient {
 public:
  // `tls_cert`: a file; HTTPS trusting that certificate (verified), else plain HTTP.
  explicit HttpClient(uint16_t port, const std::string& tls_cert = "")
      : endpoint_(boost::asio::ip::make_address("127.0.0.1"), port) {
    if (!tls_cert.empty()) {
      tls_.emplace(boost::asio::ssl::context::tls_client);
      tls_->load_verify_file(tls_cert);
      tls_->set_verify_mode(boost::asio::ssl::verify_peer);
    }
    Connect();
  }

  using Headers = std::vector<std::pair<std::string, std::string>>;

  struct Reply {
    int status = 0;
    std::string body;
    Headers headers;
    // The first value of header `name` (case-insensitive), or "".
    std::string header(const std::string& name) const {
      for (const auto& [key, value] : headers) {
        if (boost::beast::iequals(key, name)) return value;
      }
      return "";
    }
    boost::json::value json() const {
      boost::system::error_code error;
      auto value = boost::json::parse(body, error);
      return error ? boost::json::value() : value;
    }
    std::string error_code() const {
      auto v = json();
      return v.is_object() && v.as_object().contains("error")
                 ? std::string(v.at("error").at("code").as_string())
                 : "";
    }
  };

  // `extra`: more request headers (Cookie, X-CSRF-Token, Origin, ...).
  Reply Send(boost::beast::http::verb verb, const std::string& target, const std::string& token,
             const std::string& body = "", const std::string& content_type = "application/json",
             const Headers& extra = {}) {
    namespace http = boost::beast::http;
    http::request<http::string_body> request{verb, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (!token.empty()) request.set(http::field::authorization, "Bearer " + token);
    for (const auto& [name, value] : extra) request.insert(name, value);
    if (!body.empty()) {
      request.set(http::field::content_type, content_type);
      request.body() = body;
    }
    request.keep_alive(true);
    request.prepare_payload();
    if (closed_) {
      Connect();
      closed_ = false;
    }
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    boost::beast::flat_buffer buffer;
    if (secure_) {
      http::write(*secure_, request);
      http::read(*secure_, buffer, parser);
    } else {
      http::write(*socket_, request);
      http::read(*socket_, buffer, parser);
    }
    closed_ = !parser.get().keep_alive();
    Reply reply{static_cast<int>(parser.get().result_int()), parser.get().body(), {}};
    for (const auto& field : parser.get()) {
      reply.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    return reply;
  }
  Reply Get(const std::string& target, const std::string& token) {
    return Send(boost::beast::http::verb::get, target, token);
  }
  Reply Post(const std::string& target, const std::string& token, const boost::json::value& body) {
    return Send(boost::beast::http::verb::post, target, token, boost::json::serialize(body));
  }

 private:
  void Connect() {
    secure_.reset();
    socket_.reset();
    if (tls_) {
      secure_ =
          std::make_unique<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>>(io_, *tls_);
      secure_->next_layer().connect(endpoint_);
      secure_->handshake(boost::asio::ssl::stream_base::client);
    } else {
      socket_ = std::make_unique<boost::asio::ip::tcp::socket>(io_);
      socket_->connect(endpoint_);
    }
  }

  boost::asio::ip::tcp::endpoint endpoint_;
  boost::asio::io_context io_;
  std::optional<boost::asio::ssl::context> tls_;
  std::unique_ptr<boost::asio::ip::tcp::socket> socket_;                            // plain HTTP
  std::unique_ptr<boost::asio::ssl::stream<boost::asio::ip::tcp::socket>> secure_;  // HTTPS
  bool closed_ = false;  // the server said it closes the connection after its answer
};

}  // namespace saqme::testing
