// The route table (api/route_table.h) through the real `saqme serve`: every path of the table
// answers a method it does not take with 405, the Allow header naming the methods it takes, and
// the bilingual JSON error; a path no route takes answers the bilingual 404; the request log's
// template of every route's path is that route's.
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "api/api.h"
#include "api/route_template.h"
#include "tests/serve_fixture.h"

namespace saqme {
namespace {

namespace http = boost::beast::http;

// A path the template `route` takes: each placeholder filled with a value.
std::string Filled(std::string_view route) {
  std::string out;
  size_t at = 0;
  while (at < route.size()) {
    if (route[at] == '{') {
      out += "x1";
      at = route.find('}', at) + 1;
    } else {
      out += route[at++];
    }
  }
  return out;
}

TEST(RouteTableTest, TheRequestLogNamesEveryRouteByItsOwnTemplate) {
  ASSERT_FALSE(api::Api::Routes().empty());
  for (const auto& route : api::Api::Routes()) {
    EXPECT_EQ(api::RouteTemplate(Filled(route.path) + "?q=a"), route.path);
  }
}

TEST(RouteTableTest, EachLineSaysHowItIsServedAndWhatItNeeds) {
  std::set<std::pair<http::verb, std::string_view>> seen;
  for (const auto& route : api::Api::Routes()) {
    SCOPED_TRACE(route.path);
    EXPECT_TRUE(seen.insert({route.method, route.path}).second) << "listed twice";
    // A command's route hands the command on and is answered later; every other answers.
    EXPECT_EQ(route.execute != nullptr, route.serving == api::Serving::kCommand);
    EXPECT_EQ(route.handle == nullptr, route.serving == api::Serving::kCommand);
    // A stream opens only on a stream's route, and every stream's route opens one.
    const bool streams =
        route.serving == api::Serving::kStream || route.serving == api::Serving::kBodyStream;
    EXPECT_EQ(route.open != nullptr, streams);
    EXPECT_EQ(route.streamed != nullptr, route.serving == api::Serving::kBodyStream);
    // Only GET is quick (the probes); every /v1 route needs a caller, nothing else does.
    EXPECT_TRUE(route.serving != api::Serving::kQuick || route.method == http::verb::get);
    EXPECT_EQ(route.path.substr(0, 4) == "/v1/", route.need != api::Need::kNothing);
  }
}

class RouteTableServeTest : public testing::ServeFixture {
 protected:
  void SetUp() override { Start({"chair"}, "2026-11-02"); }
};

TEST_F(RouteTableServeTest, AWrongMethodIs405WithAllowAndAnUnknownPathIs404) {
  // The methods each path of the table takes, as the Allow header must list them.
  std::map<std::string, std::set<std::string>> methods;
  for (const auto& route : api::Api::Routes()) {
    methods[std::string(route.path)].insert(std::string(http::to_string(route.method)));
  }
  const std::string chair = tokens_.at("chair");
  for (const auto& [path, allowed] : methods) {
    SCOPED_TRACE(path);
    for (const http::verb method : {http::verb::put, http::verb::patch}) {
      auto reply = client_->Send(method, Filled(path), chair, "{}");
      ASSERT_EQ(reply.status, 405) << reply.body;
      EXPECT_EQ(reply.error_code(), "method_not_allowed");
      const auto error = reply.json().at("error");
      EXPECT_NE(error.at("message").as_string().find(std::string(http::to_string(method))),
                std::string::npos);
      EXPECT_FALSE(error.at("message_ka").as_string().empty());
      std::set<std::string> allow;
      std::string header = reply.header("Allow");
      for (size_t at = 0; at <= header.size();) {
        const size_t comma = std::min(header.find(", ", at), header.size());
        allow.insert(header.substr(at, comma - at));
        at = comma + 2;
      }
      EXPECT_EQ(allow, allowed) << header;
    }
  }
  // A path that takes another method, with one of the methods the table holds elsewhere.
  auto get_commands = Get("chair", "/v1/cases/c-1/commands");
  EXPECT_EQ(get_commands.status, 405);
  EXPECT_EQ(get_commands.header("Allow"), "POST");
  auto session = Get("chair", "/v1/session");
  EXPECT_EQ(session.status, 405);
  EXPECT_EQ(session.header("Allow"), "POST, DELETE");
  EXPECT_EQ(client_->Send(http::verb::post, "/health", "", "{}").header("Allow"), "GET");
  EXPECT_EQ(client_->Send(http::verb::delete_, "/", "").status, 405);
  // Who is not known is told so first, whatever the method.
  EXPECT_EQ(client_->Send(http::verb::delete_, "/v1/inbox", "").status, 401);
  // Paths no route takes: the bilingual 404.
  for (const std::string path :
       {"/v1/no/such/route", "/v1/cases/c-1/nothing", "/v1", "/healthz", "/v1/alerts/1/ack/more"}) {
    SCOPED_TRACE(path);
    for (const http::verb method : {http::verb::get, http::verb::post}) {
      auto reply = client_->Send(method, path, chair, method == http::verb::post ? "{}" : "");
      EXPECT_EQ(reply.status, 404) << reply.body;
      EXPECT_EQ(reply.error_code(), "not_found");
      EXPECT_EQ(reply.json().at("error").at("message_ka"), "მისამართი არ არსებობს");
      EXPECT_EQ(reply.header("Allow"), "");
    }
  }
  // A route the server serves still answers as before.
  EXPECT_EQ(Get("chair", "/v1/inbox").status, 200);
  EXPECT_EQ(client_->Get("/health", "").status, 200);
}

}  // namespace
}  // namespace saqme
