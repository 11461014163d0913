#include "engine/deadline_watcher.h"

#include <spdlog/spdlog.h>

namespace saqme::engine {

DeadlineWatcher::DeadlineWatcher(Engine* engine, std::chrono::milliseconds interval)
    : engine_(engine), interval_(interval) {
  thread_ = std::thread([this] { Loop(); });
}

DeadlineWatcher::~DeadlineWatcher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Result<Engine::WatchReport> DeadlineWatcher::RunNow() {
  auto report = engine_->Watch();
  if (!report.ok()) {
    spdlog::error("deadline watch failed: {}", report.status().message());
  } else if (report->events > 0) {
    spdlog::info("deadline watch {}: {} events on {} cases", engine_->Today(), report->events,
                 report->cases);
  }
  return report;
}

void DeadlineWatcher::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    lock.unlock();
    (void)RunNow();
    lock.lock();
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace saqme::engine
