#include "api/access_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace saqme::api {

Result<std::unique_ptr<AccessLog>> AccessLog::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd < 0) {
    return Status::Error(Status::Code::kUnavailable,
                         "cannot open the access log " + path + ": " + std::strerror(errno),
                         "წვდომის ჟურნალი " + path + " ვერ გაიხსნა");
  }
  // A line torn by a crash is ended, so that the next entry starts a line of its own (the torn
  // one is skipped by Read).
  const off_t size = ::lseek(fd, 0, SEEK_END);
  char last = '\n';
  if (size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n' &&
      ::write(fd, "\n", 1) != 1) {
    ::close(fd);
    return Status::Error(Status::Code::kUnavailable,
                         "cannot append to the access log " + path + ": " + std::strerror(errno),
                         "წვდომის ჟურნალში ჩაწერა ვერ მოხერხდა");
  }
  return std::unique_ptr<AccessLog>(new AccessLog(path, fd));
}

AccessLog::~AccessLog() {
  ::fdatasync(fd_);
  ::close(fd_);
}

Status AccessLog::Append(const AccessEntry& entry) {
  const std::string line = boost::json::serialize(boost::json::object{{"at", entry.at},
                                                                      {"post", entry.post},
                                                                      {"person", entry.person},
                                                                      {"case_id", entry.case_id},
                                                                      {"route", entry.route},
                                                                      {"ground", entry.ground}}) +
                           "\n";
  std::lock_guard<std::mutex> lock(mu_);
  const ssize_t written = ::write(fd_, line.data(), line.size());
  if (written != static_cast<ssize_t>(line.size())) {
    return Status::Error(Status::Code::kUnavailable,
                         "cannot append to the access log " + path_ + ": " +
                             (written < 0 ? std::strerror(errno) : "short write"),
                         "წვდომის ჟურნალში ჩაწერა ვერ მოხერხდა");
  }
  if (++unsynced_ >= kSyncEvery) {
    unsynced_ = 0;
    ::fdatasync(fd_);
  }
  return Status::Ok();
}

Result<AccessLog::Page> AccessLog::Read(const std::string& case_id, size_t limit,
                                        const std::string& cursor) const {
  uint64_t offset = 0;
  if (!cursor.empty()) {
    auto [end, error] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), offset);
    if (error != std::errc() || end != cursor.data() + cursor.size()) {
      return Status::Error(Status::Code::kInvalidArgument, "cursor is not one this route gave",
                           "cursor არასწორია");
    }
  }
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    return Status::Error(Status::Code::kUnavailable, "cannot read the access log " + path_,
                         "წვდომის ჟურნალი ვერ წავიკითხე");
  }
  in.seekg(static_cast<std::streamoff>(offset));
  Page page;
  std::string line;
  uint64_t at = offset;
  while (std::getline(in, line)) {
    // A line still being appended (no newline yet) is left for the next read.
    if (in.eof()) break;
    const uint64_t next = at + line.size() + 1;
    boost::system::error_code error;
    auto value = boost::json::parse(line, error);
    if (!error && value.is_object()) {
      const auto& entry = value.as_object();
      const auto* id = entry.if_contains("case_id");
      if (case_id.empty() || (id && id->is_string() && id->as_string() == case_id)) {
        if (page.entries.size() == limit) {
          page.next_cursor = std::to_string(at);
          break;
        }
        page.entries.push_back(entry);
      }
    }
    at = next;
  }
  return page;
}

}  // namespace saqme::api
