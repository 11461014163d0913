#include "cli/backup_schedule.h"

#include <spdlog/spdlog.h>

#include "storage/backup.h"

namespace saqme::cli {
namespace {

int64_t SteadyMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Result<std::chrono::milliseconds> ParseMinutes(const Args& args, const std::string& name) {
  const auto text = args.Get(name);
  if (!text) return std::chrono::milliseconds(0);
  size_t used = 0;
  double minutes = 0;
  try {
    minutes = std::stod(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || !(minutes > 0) || minutes > 525600) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "--" + name + " is a number of minutes above 0 (e.g. 0.5 or 1440)",
                         "--" + name + " უნდა იყოს წუთების რიცხვი 0-ზე მეტი");
  }
  return std::chrono::milliseconds(static_cast<int64_t>(minutes * 60000));
}

BackupSchedule::BackupSchedule(std::string data_dir, std::string backup_dir,
                               std::chrono::milliseconds every, int keep)
    : data_dir_(std::move(data_dir)),
      backup_dir_(std::move(backup_dir)),
      every_(every),
      keep_(keep),
      thread_([this] { Run(); }) {}

BackupSchedule::~BackupSchedule() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::optional<double> BackupSchedule::LastBackupAgeSeconds() const {
  const int64_t last = last_ok_ms_.load();
  if (last < 0) return std::nullopt;
  return (SteadyMillis() - last) / 1000.0;
}

void BackupSchedule::Run() {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (wake_.wait_for(lock, every_, [this] { return stop_; })) return;
    }
    const int64_t started = SteadyMillis();
    auto backup = storage::CreateBackup(data_dir_, backup_dir_, keep_);
    if (backup.ok()) {
      last_ok_ms_ = started;
      spdlog::info("backup {} in {}: anchor {}:{}", backup->id, backup_dir_, backup->head_seq,
                   backup->head_hash);
    } else {
      spdlog::error("backup into {} failed: {}", backup_dir_, backup.status().message());
    }
  }
}

}  // namespace saqme::cli
