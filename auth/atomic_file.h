// Small files that several processes rewrite (the users and tokens files): whole-file
// replacement that a crash cannot tear, and a lock around read-modify-write.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "model/status.h"

namespace saqme::auth {

// Replaces `path` with `contents`: a temporary file beside it (created with `mode`), fsync,
// rename over `path`, fsync of the directory. A reader sees the old file or the new one, never
// a part. kIOError naming the path when any step fails (then `path` is unchanged).
Status WriteFileAtomically(const std::string& path, std::string_view contents, mode_t mode);

// An exclusive advisory lock (flock) on `path` + ".lock", held until destruction: the CLI and
// the server take it around every read-modify-write of `path`, so that no change is lost.
class FileLock {
 public:
  // Blocks until the lock is held. kIOError when the lock file cannot be opened.
  static Result<FileLock> Acquire(const std::string& path);
  FileLock() = default;  // holds nothing
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace saqme::auth
