#include "cli/anchor_keeper.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "auth/atomic_file.h"

namespace saqme::cli {

std::string AnchorFileOf(const std::string& dir) { return dir + "/anchor"; }

Result<std::optional<storage::HeadAnchor>> ReadAnchorFile(const std::string& path) {
  std::error_code missing;
  if (!std::filesystem::exists(path, missing) && !missing) {
    return std::optional<storage::HeadAnchor>();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(Status::Code::kIOError,
                         "cannot read the anchor file " + path + ": " + std::strerror(errno),
                         "ანკერის ფაილი " + path + " ვერ წავიკითხე");
  }
  std::stringstream text;
  text << in.rdbuf();
  auto anchor = storage::ParseAnchorFile(text.str());
  if (!anchor.ok()) {
    // No path: a read-only server answers it to clients.
    return Status::Error(Status::Code::kCorruption,
                         anchor.status().message() +
                             " (the file anchor beside the log: check the log with saqme "
                             "verify, then remove the file to start)",
                         anchor.status().message_ka());
  }
  return std::optional<storage::HeadAnchor>(anchor.value());
}

AnchorKeeper::AnchorKeeper(const storage::EventLog* log, std::string path,
                           std::chrono::milliseconds period)
    : log_(log), path_(std::move(path)), period_(period) {
  thread_ = std::thread([this] { Run(); });
}

AnchorKeeper::~AnchorKeeper() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
  Record();
}

void AnchorKeeper::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!wake_.wait_for(lock, period_, [this] { return stop_; })) {
    lock.unlock();
    Record();
    lock.lock();
  }
}

void AnchorKeeper::Record() {
  if (log_->LastSequence() == written_seq_) return;
  auto head = storage::HeadOf(*log_);
  Status written =
      head.ok() ? auth::WriteFileAtomically(path_, storage::FormatAnchorFile(head.value()), 0600)
                : head.status();
  if (!written.ok()) {
    spdlog::warn("the head anchor was not recorded: {}", written.message());
    return;
  }
  written_seq_ = head->seq;
}

}  // namespace saqme::cli
