// DeadlineWatcher: wakes on a timer and runs the engine's deadline watch (Engine::Watch), so a
// supervisor learns of a miss without searching for it. Each run reads only the watch index up
// to today; what it records goes through the sequencer like any command.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "engine/engine.h"

namespace saqme::engine {

class DeadlineWatcher {
 public:
  // Starts the timer thread; the first run is immediate. `engine` must outlive the watcher.
  DeadlineWatcher(Engine* engine, std::chrono::milliseconds interval);
  ~DeadlineWatcher();  // stops the thread (a run in progress finishes first)

  // Runs the watch now, on the caller's thread (e.g. right after the simulated clock moved).
  Result<Engine::WatchReport> RunNow();

 private:
  void Loop();

  Engine* engine_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace saqme::engine
