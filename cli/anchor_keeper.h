// The head anchor a serving process keeps beside its log (DIR/anchor, storage/start_check.h):
// the last durable (sequence, hash), rewritten atomically every second while the head moves and
// once more at a clean stop, so that the next start can tell a log cut back from one that ends
// where it ended. It never runs ahead of the log: it records only sequences already durable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "storage/event_log.h"
#include "storage/start_check.h"

namespace saqme::cli {

// The anchor file of the data directory `dir`.
std::string AnchorFileOf(const std::string& dir);

// The anchor recorded in `path`: nullopt when there is none (a new directory, a restored
// backup, a log from before anchors); kCorruption when the file does not parse; kIOError when it
// cannot be read.
Result<std::optional<storage::HeadAnchor>> ReadAnchorFile(const std::string& path);

class AnchorKeeper {
 public:
  // Starts recording `log`'s head in `path` every `period` (when it moved). `log` must outlive
  // the keeper. A write that fails (a full filesystem) is logged and tried again next period.
  AnchorKeeper(const storage::EventLog* log, std::string path,
               std::chrono::milliseconds period = std::chrono::seconds(1));
  // Stops the thread and records the head once more: call it after the last write (a clean
  // stop), before the log closes.
  ~AnchorKeeper();

 private:
  void Run();
  // Writes the head when it differs from the last one written. Requires mu_ not held.
  void Record();

  const storage::EventLog* log_;
  const std::string path_;
  const std::chrono::milliseconds period_;
  uint64_t written_seq_ = 0;  // only the keeper's thread, then the destructor, touch it
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace saqme::cli
