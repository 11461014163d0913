// Test helper: appends to a log until killed, printing every acknowledged command.
//
//   crash_appender DIR PREFIX
//
// Eight threads append commands of three events each to their own cases (PREFIX-t<thread>-<n>).
// After each acknowledgment it prints "ACK <command-id> <first-seq> <last-seq>" and flushes, so
// whatever the parent reads was acknowledged before the process died. "READY" is printed once
// the log is open.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/appender.h"
#include "storage/event_log.h"

int main(int argc, char** argv) {
  using namespace saqme::storage;
  if (argc != 3) {
    std::fprintf(stderr, "usage: crash_appender DIR PREFIX\n");
    return 2;
  }
  auto log = EventLog::Open(argv[1], {});
  if (!log.ok()) {
    std::fprintf(stderr, "%s\n", log.status().ToString().c_str());
    return 1;
  }
  auto appender = Appender::Start(log.value().get());
  if (!appender.ok()) {
    std::fprintf(stderr, "%s\n", appender.status().ToString().c_str());
    return 1;
  }
  std::printf("READY\n");
  std::fflush(stdout);
  std::mutex out;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int n = 0;; ++n) {
        std::string case_id =
            std::string(argv[2]) + "-t" + std::to_string(t) + "-" + std::to_string(n / 4);
        AppendRequest request;
        request.case_id = case_id;
        request.expected_version = (n % 4) * 3;
        request.command_id = case_id + "/" + std::to_string(n % 4);
        for (int e = 0; e < 3; ++e) {
          EventDraft draft;
          draft.event().setOccurredAt(1793476800000 + n);
          draft.event().getActor().setPost("org-records");
          draft.event().getPayload().initAnswerDrafted().setText(std::string(300, 'a' + e));
          request.events.push_back(std::move(draft));
        }
        auto result = appender.value()->Append(std::move(request));
        if (!result.ok()) {
          std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
          std::_Exit(1);
        }
        std::lock_guard<std::mutex> lock(out);
        std::printf("ACK %s/%d %llu %llu\n", case_id.c_str(), n % 4,
                    static_cast<unsigned long long>(result->first_seq),
                    static_cast<unsigned long long>(result->last_seq));
        std::fflush(stdout);
      }
    });
  }
  for (auto& thread : threads) thread.join();
}
