// `saqme serve` on a fresh data directory with a token for each of some posts, and a client to
// it: the setting of the process-level tests of the console's routes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/tokens.h"
#include "tests/http_client.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme::testing {

class Served {
 public:
  // Starts the server with `extra` flags (e.g. the simulated clock); ok() tells whether it runs.
  Served(const std::vector<std::string>& posts, const std::vector<std::string>& extra) {
    const std::string tokens = dir_.Sub("tokens.txt");
    for (const auto& post : posts) tokens_[post] = api::TokenStore::Add(tokens, post).value();
    server_ = std::make_unique<ServeProcess>(dir_.Sub("data"), tokens, extra);
    if (server_->port() != 0) http_ = std::make_unique<HttpClient>(server_->port());
  }
  bool ok() const { return http_ != nullptr; }
  // Requires ok().
  HttpClient& http() { return *http_; }
  // Requires a post given to the constructor.
  const std::string& token(const std::string& post) const { return tokens_.at(post); }

 private:
  TempDir dir_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServeProcess> server_;
  std::unique_ptr<HttpClient> http_;
};

}  // namespace saqme::testing
