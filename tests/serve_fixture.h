// A fixture for the process-level tests of the case routes: `saqme serve` on a fresh data
// directory and the simulated clock, a token for each of some posts, and the calls the tests
// make with them (a command that must succeed, a read as a post, the case view, the inbox item,
// moving the clock).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "engine/engine.h"
#include "tests/http_client.h"
#include "tests/rebuild_util.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme::testing {

class ServeFixture : public ::testing::Test {
 protected:
  // Starts the server with its simulated clock on `clock_start` (YYYY-MM-DD) and the options
  // `extra`, with a token for each of `posts` (made on the first start; a restart keeps them);
  // a failed assertion when it does not start.
  void Start(const std::vector<std::string>& posts, const std::string& clock_start,
             const std::vector<std::string>& extra = {}) {
    const std::string tokens = dir_.Sub("tokens.txt");
    for (const auto& post : posts) {
      if (!tokens_.count(post)) tokens_[post] = api::TokenStore::Add(tokens, post).value();
    }
    std::vector<std::string> options{"--clock", "simulated", "--clock-start", clock_start};
    options.insert(options.end(), extra.begin(), extra.end());
    server_ = std::make_unique<ServeProcess>(dir_.Sub("data"), tokens, options);
    ASSERT_NE(server_->port(), 0);
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  // Sends `command` as `post` to the case (opening one when `case_id` is empty); expects it
  // to succeed and returns its answer ({} when it did not).
  boost::json::object Ok(const std::string& post, const std::string& case_id,
                         boost::json::object command) {
    boost::json::object body{{"command_id", "c-" + std::to_string(++commands_)},
                             {"command", std::move(command)}};
    auto reply = client_->Post(case_id.empty() ? "/v1/cases" : "/v1/cases/" + case_id + "/commands",
                               tokens_.at(post), body);
    EXPECT_TRUE(reply.status == 200 || reply.status == 201) << post << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : boost::json::object();
  }
  HttpClient::Reply Get(const std::string& post, const std::string& target) {
    return client_->Get(target, tokens_.at(post));
  }
  // GET `target` as `post`; expects 200 and returns the answer's object ({} when none).
  boost::json::object Json(const std::string& post, const std::string& target) {
    auto reply = Get(post, target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : boost::json::object();
  }
  // The case view of `id` as `post` sees it (expected to be readable).
  boost::json::object Case(const std::string& post, const std::string& id) {
    return Json(post, "/v1/cases/" + id);
  }
  // The inbox item of case `id` for `post`, {} when there is none.
  boost::json::object InboxItem(const std::string& post, const std::string& id) {
    const auto inbox = Json(post, "/v1/inbox");
    if (!inbox.contains("items")) return {};
    for (const auto& item : inbox.at("items").as_array()) {
      if (item.at("case_id").as_string() == id) return item.as_object();
    }
    return {};
  }
  // Moves the simulated clock on by `days`, as `head` (the head of the body or whoever acts for
  // it; the chair of the Ozurgeti council by default); a failed assertion when it is refused.
  void Advance(int days, const std::string& head = "chair") {
    ASSERT_EQ(
        client_
            ->Post("/v1/admin/clock/advance", tokens_.at(head), boost::json::object{{"days", days}})
            .status,
        200);
  }
  // Stops the server, then: `saqme check` passes and the live views equal a rebuild from the
  // log, key by key.
  void ExpectRebuildEqualsLive() {
    client_.reset();
    server_.reset();
    auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " check --data " + dir_.Sub("data"));
    EXPECT_EQ(code, 0) << out;
    EXPECT_NE(out.find("view entries equal the projection"), std::string::npos) << out;
    auto engine = engine::Engine::Open(dir_.Sub("data"), {});
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    EXPECT_EQ(LiveViews(*engine.value()), RebuiltViews(*engine.value()));
  }

  TempDir dir_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpClient> client_;
  int commands_ = 0;
};

}  // namespace saqme::testing
