// `saqme serve` as a child process on a free port, for the process-level tests.
#pragma once

#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace saqme::testing {

// Starts `saqme serve --data DATA --tokens TOKENS --listen 127.0.0.1:0 EXTRA...` (without
// --tokens when TOKENS is empty: DATA/tokens.txt, with demonstration tokens in a new directory),
// waits for the line naming its port, and keeps draining its output. The destructor kills it
// (SIGKILL).
class ServeProcess {
 public:
  ServeProcess(const std::string& data, const std::string& tokens,
               const std::vector<std::string>& extra = {})
      : child_(Argv(data, tokens, extra)) {
    std::string line;
    const std::regex serving("https?://127\\.0\\.0\\.1:([0-9]+)");
    while (child_.ReadLine(&line)) {
      std::smatch match;
      if (std::regex_search(line, match, serving)) {
        port_ = static_cast<uint16_t>(std::stoi(match[1]));
        break;
      }
      banner_.push_back(line);
    }
    drain_ = std::thread([this] {
      std::string rest;
      while (child_.ReadLine(&rest)) {
        std::lock_guard<std::mutex> lock(mu_);
        lines_.push_back(rest);
      }
    });
  }
  ~ServeProcess() {
    child_.Kill();
    drain_.join();
  }
  uint16_t port() const { return port_; }  // 0 when the server did not start
  // What it printed before the line naming its port (demonstration tokens and passwords).
  const std::vector<std::string>& banner() const { return banner_; }
  Child& child() { return child_; }
  // The lines the server wrote to stdout after the one naming its port, so far.
  std::vector<std::string> Lines() {
    std::lock_guard<std::mutex> lock(mu_);
    return lines_;
  }

 private:
  static std::vector<std::string> Argv(const std::string& data, const std::string& tokens,
                                       const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {SAQME_BINARY, "serve",    "--data",
                                     data,         "--listen", "127.0.0.1:0"};
    if (!tokens.empty()) argv.insert(argv.end(), {"--tokens", tokens});
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
  }

  Child child_;
  uint16_t port_ = 0;
  std::vector<std::string> banner_;
  std::mutex mu_;
  std::vector<std::string> lines_;
  std::thread drain_;
};

// `saqme user add` of `login` on `posts` (comma-separated) in the data directory `data`, named
// `name` when it is not empty, with cheap hashes (for the tests' speed); returns the one-time
// password ("" with a failed expectation when none was printed).
inline std::string AddTestPerson(const std::string& data, const std::string& login,
                                 const std::string& posts, const std::string& name = "") {
  auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " user add --data " + data +
                                " --login " + login + " --post " + posts +
                                (name.empty() ? "" : " --name '" + name + "'") +
                                " --password-cost minimum");
  EXPECT_EQ(code, 0) << out;
  std::smatch match;
  const std::regex password("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
  EXPECT_TRUE(std::regex_search(out, match, password)) << out;
  return match.empty() ? "" : match[0].str();
}

}  // namespace saqme::testing
