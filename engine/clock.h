// Where the engine's time comes from. The system clock in production; a simulated clock
// (`saqme serve --clock simulated`, never the default) for tests and demonstrations: it runs at
// the system's pace from a chosen start and jumps forward on request, so a month of
// proceedings passes in seconds. Time only moves forward: the simulated offset is kept, synced,
// in a file of the data directory, so a restart never takes it back.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "model/status.h"

namespace saqme::engine {

// Milliseconds since the epoch, from the system clock.
int64_t SystemMillis();

class SimulatedClock {
 public:
  // Opens the clock kept in `state_file`. A clock that was kept resumes where it was; a new one
  // starts at `start_ms` (or the system time) and is kept from then on. kIOError when the file
  // cannot be read or written; kCorruption when it does not hold a clock.
  static Result<std::unique_ptr<SimulatedClock>> Open(const std::string& state_file,
                                                      std::optional<int64_t> start_ms);

  // Simulated now, in ms since the epoch. Thread-safe.
  int64_t Now() const { return SystemMillis() + offset_ms_.load(); }
  // Moves the clock `days` (1..366) forward and keeps it (synced) before returning.
  // Thread-safe; kInvalidArgument for a bad count, kIOError when it cannot be kept.
  Status Advance(int days);

 private:
  SimulatedClock(std::string state_file, int64_t offset_ms)
      : state_file_(std::move(state_file)), offset_ms_(offset_ms) {}
  Status Keep(int64_t offset_ms) const;

  std::string state_file_;
  std::atomic<int64_t> offset_ms_;
};

}  // namespace saqme::engine
