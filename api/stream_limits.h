// StreamLimits: how many alert streams (GET /v1/alerts/stream) one caller and one client
// address may hold open at once, so that no client holds the server's connections or its
// readers for itself (docs/reliability.md, "Many clients"). A place is held by a Ticket and
// freed when the last copy of it goes (the stream ended).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace saqme::api {

class StreamLimits {
 public:
  struct Options {
    size_t per_caller = 8;    // per token or login
    size_t per_address = 32;  // per client IP address
  };
  // Which limit refused a stream (kNone: admitted).
  enum class Over { kNone, kCaller, kAddress };
  using Ticket = std::shared_ptr<void>;

  StreamLimits();  // the default Options
  explicit StreamLimits(Options options) : state_(std::make_shared<State>(options)) {}
  void Configure(Options options);

  // A place for one more stream of `caller` from `address`, or nullptr when either already
  // holds its limit (`*over` says which). Thread-safe; the ticket may outlive this object.
  Ticket Admit(const std::string& caller, const std::string& address, Over* over);

  // Streams open now, and refused so far.
  size_t open() const;
  uint64_t refused() const;

 private:
  struct State {
    explicit State(Options o) : options(o) {}
    std::mutex mu;
    Options options;
    std::map<std::string, size_t> callers, addresses;
    size_t open = 0;
    uint64_t refused = 0;
  };
  std::shared_ptr<State> state_;
};

}  // namespace saqme::api
