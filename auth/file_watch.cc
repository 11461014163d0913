#include "auth/file_watch.h"

#include <sys/stat.h>

namespace saqme::auth {

FileWatch::FileWatch(std::string path, Clock::duration interval)
    : path_(std::move(path)), interval_(interval) {}

FileWatch::Signature FileWatch::Look() const {
  struct stat st;
  Signature out;
  if (::stat(path_.c_str(), &st) != 0) return out;
  out.exists = true;
  out.inode = st.st_ino;
  out.device = st.st_dev;
  out.size = st.st_size;
  out.mtime_ns = static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  return out;
}

bool FileWatch::Changed(Clock::time_point now) {
  if (now - last_look_ < interval_) return false;
  last_look_ = now;
  const Signature current = Look();
  if (current == seen_) return false;
  seen_ = current;
  return true;
}

void FileWatch::Retry() { seen_.retry = true; }

void FileWatch::Seen() {
  seen_ = Look();
  last_look_ = Clock::now();
}

}  // namespace saqme::auth
