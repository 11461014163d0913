// Durability under SIGKILL: every acknowledged append survives, commands stay whole, the chain
// verifies. A child process appends from eight threads and prints each acknowledgment; the test
// kills it at a random moment, reopens the log and checks, 24 rounds on one data directory (so
// each round also recovers on top of the previous crash).
#include <chrono>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "storage/event_log.h"
#include "tests/test_util.h"

namespace saqme::storage {
namespace {

struct Ack {
  uint64_t first_seq;
  uint64_t last_seq;
};

TEST(CrashTest, EveryAcknowledgedAppendSurvivesSigkill) {
  saqme::testing::TempDir dir;
  std::mt19937 random(std::random_device{}());
  uint64_t total_acked = 0;
  for (int round = 0; round < 24; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::map<std::string, Ack> acked;  // command id -> its sequences
    {
      saqme::testing::Child child({CRASH_APPENDER_BINARY, dir.path(), "r" + std::to_string(round)});
      std::string line;
      ASSERT_TRUE(child.ReadLine(&line));
      ASSERT_EQ(line, "READY");
      // Read acknowledgments on this thread while a timer kills the child mid-flight.
      const auto delay =
          std::chrono::milliseconds(std::uniform_int_distribution<int>(5, 250)(random));
      std::thread killer([&child, delay] {
        std::this_thread::sleep_for(delay);
        child.Kill();
      });
      bool well_formed = true;
      while (child.ReadLine(&line)) {
        std::istringstream in(line);
        std::string tag, command;
        Ack ack{};
        in >> tag >> command >> ack.first_seq >> ack.last_seq;
        well_formed = well_formed && tag == "ACK";
        acked[command] = ack;
      }
      killer.join();
      EXPECT_TRUE(well_formed);
      // It must have died of the SIGKILL, not of an append error of its own.
      const int status = child.Kill();
      ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child status " << status;
    }
    total_acked += acked.size();

    auto log = EventLog::Open(dir.path(), {});
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    std::map<uint64_t, std::string> command_of_seq;
    std::map<std::string, int> events_of_command;
    ASSERT_TRUE(log.value()
                    ->ReadFrom(1,
                               [&](uint64_t seq, const EventView& view) {
                                 std::string command = view.event().getCommandId().cStr();
                                 command_of_seq[seq] = command;
                                 ++events_of_command[command];
                                 return true;
                               })
                    .ok());
    for (const auto& [command, ack] : acked) {
      for (uint64_t seq = ack.first_seq; seq <= ack.last_seq; ++seq) {
        auto it = command_of_seq.find(seq);
        ASSERT_NE(it, command_of_seq.end()) << "acknowledged seq " << seq << " lost";
        EXPECT_EQ(it->second, command);
      }
    }
    for (const auto& [command, count] : events_of_command) {
      EXPECT_EQ(count, 3) << "command " << command << " was torn";
    }
    auto report = log.value()->Verify();
    EXPECT_TRUE(report.ok) << "first bad " << report.first_bad_seq << ": " << report.problem;
    EXPECT_EQ(report.checked, command_of_seq.size());
    EXPECT_EQ(report.verified_through, log.value()->LastSequence());
  }
  EXPECT_GT(total_acked, 0u) << "the child never got to acknowledge anything";
}

}  // namespace
}  // namespace saqme::storage
