// A fixture for the process-level tests of the case routes: `saqme serve` on a fresh data
// directory and the simulated clock, a token for each of some posts, and the calls the tests
// make with them (a command that must succeed, a read as a post).
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
  // Starts the server with its simulated clock on `clock_start` (YYYY-MM-DD); a failed
  // assertion when it does not start.
  void Start(const std::vector<std::string>& posts, const std::string& clock_start) {
    const std::string tokens = dir_.Sub("tokens.txt");
    for (const auto& post : posts) tokens_[post] = api::TokenStore::Add(tokens, post).value();
    server_ = std::make_unique<ServeProcess>(
        dir_.Sub("data"), tokens,
        std::vector<std::string>{"--clock", "simulated", "--clock-start", clock_start});
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
