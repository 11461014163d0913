#include "storage/info_log.h"

#include <fcntl.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <ctime>

namespace saqme::storage {
namespace {

class InfoLog : public rocksdb::Logger {
 public:
  explicit InfoLog(int fd) : fd_(fd) {}
  ~InfoLog() override {
    if (fd_ >= 0) ::close(fd_);
  }

  using rocksdb::Logger::Logv;
  void Logv(const char* format, va_list ap) override {
    if (fd_ < 0) return;
    char line[4096];
    timeval now{};
    ::gettimeofday(&now, nullptr);
    tm local{};
    ::localtime_r(&now.tv_sec, &local);
    int used = std::snprintf(line, sizeof line, "%04d/%02d/%02d-%02d:%02d:%02d.%06ld ",
                             local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
                             local.tm_min, local.tm_sec, static_cast<long>(now.tv_usec));
    if (used < 0) return;
    va_list copy;
    va_copy(copy, ap);
    const int text = std::vsnprintf(line + used, sizeof line - used - 1, format, copy);
    va_end(copy);
    if (text < 0) return;
    size_t size = std::min(sizeof line - 2, static_cast<size_t>(used + text));
    if (size == 0 || line[size - 1] != '\n') line[size++] = '\n';
    // One write per line (O_APPEND): a short or failed write loses this line only.
    [[maybe_unused]] ssize_t ignored = ::write(fd_, line, size);
  }

 private:
  int fd_;
};

}  // namespace

std::shared_ptr<rocksdb::Logger> OpenInfoLog(const std::string& path) {
  ::rename(path.c_str(), (path + ".old").c_str());  // absent at the first open: nothing to keep
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  return std::make_shared<InfoLog>(fd);
}

}  // namespace saqme::storage
