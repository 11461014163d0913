// The console's routes (api/console_routes.h) on the embedded bundle: what they answer, what
// they leave to the API, and the headers every answer carries.
#include "api/console_routes.h"

#include <gtest/gtest.h>

#include <string>

#include "console/assets.h"

namespace saqme::api {
namespace {

Request Get(const std::string& target, const std::string& accept = "") {
  Request request{http::verb::get, target, 11};
  if (!accept.empty()) request.set(http::field::accept, accept);
  return request;
}

std::string Header(const Response& response, const char* name) {
  return std::string(response[name]);
}

void ExpectSecurityHeaders(const Response& response) {
  const std::string csp = Header(response, "Content-Security-Policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
  EXPECT_EQ(Header(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Header(response, "Referrer-Policy"), "same-origin");
}

TEST(ConsoleRoutes, RootIsIndexHtmlNotCached) {
  auto response = ConsoleResponse(Get("/"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result(), http::status::ok);
  EXPECT_EQ(Header(*response, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(Header(*response, "Cache-Control"), "no-cache");
  EXPECT_EQ(response->body(), std::string(console::FindAsset("index.html")->bytes));
  EXPECT_NE(response->body().find("<div id=\"app\">"), std::string::npos);
  ExpectSecurityHeaders(*response);
}

TEST(ConsoleRoutes, HashedAssetsNamedByIndexAreCachedForAYear) {
  const std::string index(console::FindAsset("index.html")->bytes);
  const auto start = index.find("/assets/app-");
  ASSERT_NE(start, std::string::npos);
  const std::string path = index.substr(start, index.find('"', start) - start);
  auto response = ConsoleResponse(Get(path + "?v=1"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result(), http::status::ok);
  EXPECT_NE(Header(*response, "Cache-Control").find("immutable"), std::string::npos);
  EXPECT_FALSE(response->body().empty());
  ExpectSecurityHeaders(*response);
}

TEST(ConsoleRoutes, UnknownAssetIs404) {
  auto response = ConsoleResponse(Get("/assets/../index.html"));
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result(), http::status::not_found);
  EXPECT_NE(response->body().find("not_found"), std::string::npos);
}

TEST(ConsoleRoutes, ClientSidePathsAnswerIndexToBrowsersOnly) {
  auto page = ConsoleResponse(Get("/cases/case-1", "text/html,application/xhtml+xml,*/*;q=0.8"));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->result(), http::status::ok);
  EXPECT_EQ(Header(*page, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_FALSE(ConsoleResponse(Get("/cases/case-1", "application/json")));
  EXPECT_FALSE(ConsoleResponse(Get("/cases/case-1")));
}

TEST(ConsoleRoutes, LeavesTheApiAndProbesAlone) {
  for (const char* target :
       {"/v1", "/v1/me", "/v1/cases/x?format=html", "/health", "/metrics", "/ready", "/metrics/"}) {
    EXPECT_FALSE(ConsoleResponse(Get(target, "text/html"))) << target;
  }
  // Only whole segments: /v1x and /healthy are console paths.
  EXPECT_TRUE(ConsoleResponse(Get("/healthy", "text/html")));
  Request post{http::verb::post, "/", 11};
  EXPECT_FALSE(ConsoleResponse(post));
}

}  // namespace
}  // namespace saqme::api
