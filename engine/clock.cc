#include "engine/clock.h"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>

namespace saqme::engine {

int64_t SystemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<std::unique_ptr<SimulatedClock>> SimulatedClock::Open(const std::string& state_file,
                                                             std::optional<int64_t> start_ms) {
  std::ifstream in(state_file);
  if (in) {
    int64_t offset = 0;
    std::string tag;
    if (!(in >> tag >> offset) || tag != "saqme-simulated-clock-offset-ms") {
      return Status::Error(Status::Code::kCorruption,
                           state_file + " does not hold a simulated clock",
                           state_file + " არ შეიცავს სიმულირებულ საათს");
    }
    return std::unique_ptr<SimulatedClock>(new SimulatedClock(state_file, offset));
  }
  const int64_t offset = start_ms ? *start_ms - SystemMillis() : 0;
  std::unique_ptr<SimulatedClock> clock(new SimulatedClock(state_file, offset));
  Status kept = clock->Keep(offset);
  if (!kept.ok()) return kept;
  return clock;
}

Status SimulatedClock::Advance(int days) {
  if (days < 1 || days > 366) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "days must be a whole number from 1 to 366",
                         "დღეების რაოდენობა უნდა იყოს 1-დან 366-მდე");
  }
  static std::mutex mu;  // one advance at a time, so the kept offset is the last one
  std::lock_guard<std::mutex> lock(mu);
  const int64_t offset = offset_ms_.load() + int64_t{days} * 86'400'000;
  Status kept = Keep(offset);
  if (!kept.ok()) return kept;
  offset_ms_.store(offset);
  return Status::Ok();
}

Status SimulatedClock::Keep(int64_t offset_ms) const {
  // Written beside, synced, then renamed over: a crash leaves the old or the new offset.
  const std::string temp = state_file_ + ".tmp";
  const std::string text = "saqme-simulated-clock-offset-ms " + std::to_string(offset_ms) + "\n";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  bool ok = fd >= 0 && ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  ok = ok && std::rename(temp.c_str(), state_file_.c_str()) == 0;
  if (!ok) {
    return Status::Error(Status::Code::kIOError,
                         "cannot keep the simulated clock in " + state_file_,
                         "სიმულირებული საათის შენახვა ვერ მოხერხდა: " + state_file_);
  }
  return Status::Ok();
}

}  // namespace saqme::engine
