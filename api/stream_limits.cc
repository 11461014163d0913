#include "api/stream_limits.h"

namespace saqme::api {

namespace {

void Release(std::map<std::string, size_t>& counts, const std::string& key) {
  auto it = counts.find(key);
  if (it != counts.end() && --it->second == 0) counts.erase(it);
}

}  // namespace

StreamLimits::StreamLimits() : StreamLimits(Options()) {}

void StreamLimits::Configure(Options options) {
  std::lock_guard<std::mutex> lock(state_->mu);
  state_->options = options;
}

StreamLimits::Ticket StreamLimits::Admit(const std::string& caller, const std::string& address,
                                         Over* over) {
  std::lock_guard<std::mutex> lock(state_->mu);
  const auto held = [](const std::map<std::string, size_t>& counts, const std::string& key) {
    auto it = counts.find(key);
    return it == counts.end() ? size_t{0} : it->second;
  };
  *over = held(state_->callers, caller) >= state_->options.per_caller       ? Over::kCaller
          : held(state_->addresses, address) >= state_->options.per_address ? Over::kAddress
                                                                            : Over::kNone;
  if (*over != Over::kNone) {
    ++state_->refused;
    return nullptr;
  }
  ++state_->callers[caller];
  ++state_->addresses[address];
  ++state_->open;
  std::shared_ptr<State> state = state_;
  return Ticket(static_cast<void*>(state.get()), [state, caller, address](void*) {
    std::lock_guard<std::mutex> lock(state->mu);
    Release(state->callers, caller);
    Release(state->addresses, address);
    --state->open;
  });
}

size_t StreamLimits::open() const {
  std::lock_guard<std::mutex> lock(state_->mu);
  return state_->open;
}

uint64_t StreamLimits::refused() const {
  std::lock_guard<std::mutex> lock(state_->mu);
  return state_->refused;
}

}  // namespace saqme::api
