#include "api/heavy_read_gate.h"

namespace saqme::api {

std::shared_ptr<HeavyReadGate::Pass> HeavyReadGate::TryEnter() {
  size_t now = running_.load();
  while (now < capacity_) {
    if (running_.compare_exchange_weak(now, now + 1)) return std::make_shared<Pass>(this);
  }
  refused_.fetch_add(1);
  return nullptr;
}

}  // namespace saqme::api
