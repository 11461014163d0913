#include "api/console_routes.h"

#include <string_view>

#include "console/assets.h"

namespace saqme::api {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

// True for the paths the API and the probes own: the console never answers them.
bool ServerOwned(std::string_view path) {
  for (std::string_view prefix : {"/v1", "/health", "/metrics", "/ready"}) {
    if (path.substr(0, prefix.size()) == prefix &&
        (path.size() == prefix.size() || path[prefix.size()] == '/')) {
      return true;
    }
  }
  return false;
}

Response WithHeaders(const Request& request, http::status status, std::string_view content_type,
                     std::string body, std::string_view cache_control) {
  Response response{status, request.version()};
  response.set(http::field::content_type, content_type);
  response.set(http::field::cache_control, cache_control);
  response.set("Content-Security-Policy", kContentSecurityPolicy);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "same-origin");
  response.set("X-Frame-Options", "DENY");
  response.body() = std::move(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

Response Serve(const Request& request, const console::Asset& asset) {
  return WithHeaders(request, http::status::ok, asset.content_type, std::string(asset.bytes),
                     asset.immutable ? "public, max-age=31536000, immutable" : "no-cache");
}

}  // namespace

std::optional<Response> ConsoleResponse(const Request& request) {
  if (request.method() != http::verb::get) return std::nullopt;
  const std::string_view target = request.target();
  const std::string_view path = target.substr(0, target.find_first_of("?#"));
  if (ServerOwned(path)) return std::nullopt;
  const console::Asset* index = console::FindAsset("index.html");
  if (!index) return std::nullopt;  // embed.cmake refuses a bundle without it
  if (path == "/" || path == "/index.html") return Serve(request, *index);
  if (path.substr(0, 8) == "/assets/") {
    if (const console::Asset* asset = console::FindAsset(path.substr(1))) {
      return Serve(request, *asset);
    }
    Response missing =
        ErrorResponse(http::status::not_found, "not_found", "no such console file",
                      "კონსოლის ფაილი არ არსებობს", request.version(), request.keep_alive());
    missing.set("X-Content-Type-Options", "nosniff");
    return missing;
  }
  // A client-side route (/cases/ID, /search, ...) opened or reloaded in the browser.
  const std::string_view accept = request[http::field::accept];
  if (accept.find("text/html") != std::string_view::npos) return Serve(request, *index);
  return std::nullopt;
}

}  // namespace saqme::api
