#include "auth/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace saqme::auth {
namespace {

Status WriteError(const std::string& path, const char* step) {
  return Status::Error(
      Status::Code::kIOError,
      std::string("cannot write ") + path + " (" + step + ": " + std::strerror(errno) + ")",
      "ფაილში " + path + " ჩაწერა ვერ მოხერხდა");
}

}  // namespace

Status WriteFileAtomically(const std::string& path, std::string_view contents, mode_t mode) {
  const std::string temp = path + ".tmp." + std::to_string(getpid());
  // A temp left by a crashed writer of the same pid goes first; then the temp must be new and
  // no symbolic link planted in its place is followed.
  ::unlink(temp.c_str());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return WriteError(temp, "open");
  size_t written = 0;
  while (written < contents.size()) {
    const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Status error = WriteError(temp, "write");
      ::close(fd);
      ::unlink(temp.c_str());
      return error;
    }
    written += static_cast<size_t>(n);
  }
  // open() applies the umask; the file must end with `mode` whatever the umask.
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) {
    Status error = WriteError(temp, "fsync");
    ::close(fd);
    ::unlink(temp.c_str());
    return error;
  }
  ::close(fd);
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    Status error = WriteError(path, "rename");
    ::unlink(temp.c_str());
    return error;
  }
  const auto slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "."
                          : slash == 0               ? "/"
                                                     : path.substr(0, slash);
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0) return WriteError(dir, "open directory");
  const bool synced = ::fsync(dir_fd) == 0;
  ::close(dir_fd);
  return synced ? Status::Ok() : WriteError(dir, "fsync directory");
}

Result<FileLock> FileLock::Acquire(const std::string& path) {
  const std::string lock = path + ".lock";
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Status::Error(Status::Code::kIOError,
                         "cannot open the lock file " + lock + ": " + std::strerror(errno),
                         "ფაილი " + lock + " ვერ გაიხსნა");
  }
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      ::close(fd);
      return Status::Error(Status::Code::kIOError, "cannot lock " + lock,
                           "ფაილი " + lock + " ვერ დაიბლოკა");
    }
  }
  return FileLock(fd);
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the flock
}

}  // namespace saqme::auth
