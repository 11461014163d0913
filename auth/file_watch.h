// FileWatch: notices that a file was replaced or changed (inode, size or modification time),
// looking at most once per interval, so that a server can follow a file an administrator
// edits without a restart and without a stat() per request. Not thread-safe: the owner holds
// the mutex that also guards what it loaded from the file.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>

namespace saqme::auth {

class FileWatch {
 public:
  using Clock = std::chrono::steady_clock;
  explicit FileWatch(std::string path, Clock::duration interval = std::chrono::seconds(1));

  // True when the file differs from when Seen() (or a true Changed()) last looked at it; a
  // file that disappeared or appeared counts. Looks at the disk only when `interval` has
  // passed since the last look (else false).
  bool Changed(Clock::time_point now = Clock::now());
  // Records the file as it is now (after loading it), so that Changed() compares with that.
  void Seen();
  // After a failed load: the next look (an interval later) reports a change even when the
  // file looks the same, so that the load is tried again rather than given up.
  void Retry();
  const std::string& path() const { return path_; }

 private:
  struct Signature {
    bool exists = false;
    ino_t inode = 0;
    dev_t device = 0;
    off_t size = 0;
    long long mtime_ns = 0;
    bool retry = false;  // never on disk: a Signature that differs from every Look()
    bool operator==(const Signature&) const = default;
  };
  Signature Look() const;

  std::string path_;
  Clock::duration interval_;
  Clock::time_point last_look_{};
  Signature seen_;
};

}  // namespace saqme::auth
