// CaseGauges: open and overdue proceedings per org unit (the unit of the post responsible for
// the open deadline), for GET /metrics — counted on a thread of its own, never on the I/O
// thread that answers the scrape.
//
// A scrape reads the last count at once. The count is redone in the background when a scrape
// finds it out of date: the log moved on since (a command or the watch changed the deadline
// index), the engine's Tbilisi day changed (yesterday's due dates became overdue; the simulated
// clock included), or `max_age` passed. So a scrape costs no scan, a count costs one scan of the
// deadline index (docs/views.md) at most once per scrape, and a figure is at most one scrape
// behind.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "engine/engine.h"

namespace saqme::api {

class CaseGauges {
 public:
  struct Figures {
    uint64_t open = 0, overdue = 0;
  };
  struct Count {
    bool done = false;                     // false until the first count is finished
    std::map<std::string, Figures> units;  // unit id ("-" for a post the chart lacks) -> figures
    uint64_t seq = 0;                      // the log's last sequence when it was counted
    std::string today;                     // the engine's Tbilisi date then
    std::chrono::steady_clock::time_point at;
  };

  // Starts the counting thread, which counts once at once. `engine` must outlive this object.
  explicit CaseGauges(const engine::Engine* engine,
                      std::chrono::seconds max_age = std::chrono::seconds(60));
  ~CaseGauges();

  // The last count, without waiting; asks for a new one when it is out of date. Thread-safe.
  Count Get();

 private:
  void Run();
  Count Recount() const;

  const engine::Engine* engine_;
  const std::chrono::seconds max_age_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool wanted_ = true, stopping_ = false;
  Count count_;
  std::thread thread_;
};

}  // namespace saqme::api
