// Rebuilding every view from the log alone, and walking its hash chain: events per second.
//
//   build/benchmarks/rebuild_bench [events=10000000] [data-dir=build/rebuild-bench-data]
//
// Fills DATA-DIR once with at least EVENTS events and reuses it on later runs. The events are
// the workflows' own: citizens' applications through their whole life (registered, resolved,
// received, answered, endorsed, decided, signed, dispatched, filed), each command decided by
// workflows::Decide against the case's state and appended by the real LogWriter (hash chain,
// case index, command records) in large unsynced batches — a generator, not a load test, so
// it skips the engine's per-command fsync and live views. Applications are taken through
// their steps 2 000 at a time, so the cases of a day interleave in the log as they do in an
// office. Then it times, on the same data:
//   0. Read: every event read and decoded, nothing else (the floor under the rest);
//   1. Verify: the whole hash chain from event 1 (`saqme verify`, `saqme check`);
//   2. Rebuild: every event through the engine's projection into memory (`saqme rebuild`);
//   3. Install: the rebuilt views written as the next generation and switched to;
//   4. ReplayCase: one case as of its last event, for cases spread over the log (`saqme
//      replay`, GET /v1/cases/{id}?at_version=).
// Peak resident memory is printed at the end (the rebuild holds the views in memory).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <capnp/message.h>
#include <boost/json.hpp>

#include "api/command_json.h"
#include "engine/views.h"
#include "replay/case_replay.h"
#include "replay/view_rebuild.h"
#include "storage/log_writer.h"
#include "storage/tbilisi_time.h"
#include "workflows/proceeding.h"

namespace {

using boost::json::array;
using boost::json::object;
using namespace saqme;

constexpr int64_t kHour = 3'600'000;
// 2026-01-05T10:00:00+04:00, a Monday: the first registration day.
constexpr int64_t kFirstDay = 1767592800000;
constexpr uint64_t kWave = 2000;               // applications taken through their steps together
constexpr uint64_t kEventsPerApplication = 9;  // checked when generating

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "%s\n", what.c_str());
  std::exit(1);
}

struct Step {
  const char* post;
  object command;
};

// The life of application `i`, received on `received_on`: the same commands the API tests
// send, with varied words.
std::vector<Step> Life(uint64_t i, const std::string& received_on) {
  const std::string n = std::to_string(i);
  const bool granted = i % 3 != 0;
  return {
      {"org-records", object{{"type", "register_incoming"},
                             {"kind", "application"},
                             {"channel", i % 2 ? "post" : "in_person"},
                             {"sender", object{{"name", "მოქალაქე " + n}, {"kind", "citizen"}}},
                             {"subject", "საკრებულოს დადგენილების ასლი " + n},
                             {"pages", static_cast<int64_t>(1 + i % 7)},
                             {"received_on", received_on},
                             {"addressee", "apparatus-head"}}},
      {"apparatus-head", object{{"type", "assign_resolution"},
                                {"lead_executor", "sec-legal"},
                                {"instruction", "განიხილოს და მოემზადოს პასუხი " + n},
                                {"on_control", i % 4 == 0}}},
      {"sec-legal", object{{"type", "confirm_receipt"}}},
      {"sec-legal", object{{"type", "draft_answer"}, {"text", "პასუხის პროექტი " + n}}},
      {"org-head", object{{"type", "endorse"}}},
      {"apparatus-head", object{{"type", "decide"},
                                {"outcome", granted ? "granted" : "refused"},
                                {"text", granted ? "დაკმაყოფილდეს" : "არ დაკმაყოფილდეს"}}},
      {"apparatus-head", object{{"type", "sign"}}},
      {"org-records", object{{"type", "dispatch"}, {"channel", "post"}}},
      {"org-records", object{{"type", "file"}, {"nomenclature_code", "02-01"}}},
  };
}

class Generator {
 public:
  explicit Generator(storage::EventLog* log) : log_(log) {
    auto writer = storage::LogWriter::Create(log, [this] { return now_; });
    if (!writer.ok()) Fail(writer.status().ToString());
    writer_ = std::move(writer.value());
  }

  void Fill(uint64_t events) {
    const auto start = std::chrono::steady_clock::now();
    uint64_t next_case = 0;
    Execute("nomenclature-2026", "chair",
            object{{"type", "approve_nomenclature"},
                   {"year", 2026},
                   {"files", array{object{{"code", "02-01"}, {"title", "განცხადებები"}}}}},
            nullptr);
    uint64_t reported = 0;
    while (log_->LastSequence() + staged_ < events) {
      std::vector<workflows::CaseState> states(kWave);
      // Steps two hours apart, waves 18 hours apart: business time only moves forward.
      const int64_t wave_start = kFirstDay + static_cast<int64_t>(next_case / kWave) * 18 * kHour;
      const std::string received_on = TbilisiDate(wave_start);
      for (size_t step = 0; step < Life(0, received_on).size(); ++step) {
        for (uint64_t w = 0; w < kWave; ++w) {
          const uint64_t i = next_case + w;
          now_ =
              wave_start + static_cast<int64_t>(step) * 2 * kHour + static_cast<int64_t>(w) * 1000;
          auto life = Life(i, received_on);
          Execute("app-" + std::to_string(i), life[step].post, life[step].command, &states[w]);
        }
      }
      if (states[0].version != kEventsPerApplication) {
        Fail("an application's life made " + std::to_string(states[0].version) + " events");
      }
      next_case += kWave;
      if (staged_ >= 20000) Write(false);
      if (log_->LastSequence() - reported >= 1'000'000) {
        reported = log_->LastSequence();
        std::printf("  %llu events (%.0f s)\n", static_cast<unsigned long long>(reported),
                    Seconds(start));
        std::fflush(stdout);
      }
    }
    Write(true);
    std::printf("generated up to event %llu in %.0f s\n",
                static_cast<unsigned long long>(log_->LastSequence()), Seconds(start));
  }

 private:
  void Execute(const std::string& case_id, const char* post, const object& json,
               workflows::CaseState* state) {
    workflows::CaseState scratch;
    if (!state) state = &scratch;
    capnp::MallocMessageBuilder message;
    Status built = api::CommandFromJson(json, message);
    if (!built.ok()) Fail(case_id + ": " + built.ToString());
    workflows::Context context;
    context.actor_post = post;
    context.actor_person = org_.FindPost(post)->holder;
    context.today = *workflows::Date::Parse(TbilisiDate(now_));
    context.now_ms = now_;
    context.org = &org_;
    context.calendar = &workflows::HolidayCalendar::Default();
    context.deadlines = &workflows::DeadlineTable::Default();
    context.next_number = [this](std::string_view journal, int year) {
      return std::to_string(++numbers_[std::string(journal) + "/" + std::to_string(year)]);
    };
    context.in_nomenclature = [](int, std::string_view) { return true; };
    auto decision =
        workflows::Decide(*state, message.getRoot<schema::Command>().asReader(), context);
    if (auto* refusal = std::get_if<workflows::Refusal>(&decision)) {
      Fail(case_id + " refused " + boost::json::serialize(json) + ": " + refusal->message_en);
    }
    storage::AppendRequest request;
    request.case_id = case_id;
    request.expected_version = state->version;
    request.command_id = case_id + "/" + std::to_string(state->version);
    request.events = std::move(std::get<std::vector<storage::EventDraft>>(decision));
    writer_->NoteCommittedVersion(case_id, state->version);
    auto staged = writer_->Stage(request, &batch_);
    if (!staged.ok()) Fail(case_id + ": " + staged.status().ToString());
    for (auto& draft : request.events) workflows::Evolve(*state, draft.event().asReader());
    staged_ += request.events.size();
  }

  void Write(bool sync) {
    rocksdb::WriteOptions options;
    options.sync = sync;
    rocksdb::Status s = log_->db()->Write(options, &batch_);
    if (!s.ok()) Fail(s.ToString());
    writer_->Commit();
    batch_.Clear();
    staged_ = 0;
  }

  storage::EventLog* log_;
  const workflows::OrgChart& org_ = workflows::OrgChart::Ozurgeti();
  std::unique_ptr<storage::LogWriter> writer_;
  rocksdb::WriteBatch batch_;
  uint64_t staged_ = 0;
  int64_t now_ = kFirstDay;
  std::map<std::string, uint32_t> numbers_;
};

void Report(const char* what, uint64_t count, const char* unit, double seconds) {
  std::printf("%-10s %12llu %-8s in %8.2f s  = %12.0f %s/s\n", what,
              static_cast<unsigned long long>(count), unit, seconds,
              static_cast<double>(count) / seconds, unit);
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t events = 10'000'000;
  std::string dir = "build/rebuild-bench-data";
  if (argc > 1) events = std::stoull(argv[1]);
  if (argc > 2) dir = argv[2];
  storage::LogOptions options;
  options.extra_column_families = engine::ViewFamilies();
  auto opened = storage::EventLog::Open(dir, options);
  if (!opened.ok()) Fail(opened.status().ToString());
  auto& log = *opened.value();
  if (log.LastSequence() == 0) {
    Generator(&log).Fill(events);
  } else if (log.LastSequence() < events) {
    Fail(dir + " holds " + std::to_string(log.LastSequence()) + " events, fewer than asked for; " +
         "remove it to generate anew");
  } else {
    std::printf("reusing %llu events\n", static_cast<unsigned long long>(log.LastSequence()));
  }
  const uint64_t total = log.LastSequence();

  // For scale: only reading and decoding every event, which a rebuild cannot avoid.
  auto start = std::chrono::steady_clock::now();
  uint64_t scanned = 0, bytes = 0;
  Status scan = log.ReadFrom(1, [&](uint64_t, const storage::EventView& view) {
    bytes += view.event().getCaseId().size();
    ++scanned;
    return true;
  });
  if (!scan.ok()) Fail(scan.ToString());
  Report("read", scanned, "events", Seconds(start));

  start = std::chrono::steady_clock::now();
  auto verified = log.Verify();
  if (!verified.ok) Fail("verify: " + verified.problem);
  Report("verify", verified.checked, "events", Seconds(start));

  start = std::chrono::steady_clock::now();
  auto rebuilt = replay::Rebuild(log, replay::ViewSetup{}, [&](uint64_t done, uint64_t) {
    if (done % (1 << 21) == 0) {
      std::printf("  rebuilt %llu / %llu (%.0f s)\n", static_cast<unsigned long long>(done),
                  static_cast<unsigned long long>(total), Seconds(start));
      std::fflush(stdout);
    }
  });
  if (!rebuilt.ok()) Fail(rebuilt.status().ToString());
  Report("rebuild", rebuilt.value()->events(), "events", Seconds(start));

  start = std::chrono::steady_clock::now();
  Status installed = replay::Install(log, *rebuilt.value());
  if (!installed.ok()) Fail(installed.ToString());
  Report("install", rebuilt.value()->entries(), "entries", Seconds(start));
  rebuilt.value().reset();

  // Point-in-time inspection reads one case's events, whatever the size of the log.
  const uint64_t applications = (total - 1) / kEventsPerApplication;
  std::mt19937_64 random(42);
  constexpr int kReplays = 2000;
  start = std::chrono::steady_clock::now();
  uint64_t replayed_events = 0;
  for (int r = 0; r < kReplays; ++r) {
    const std::string id = "app-" + std::to_string(random() % applications);
    auto state = replay::ReplayCase(log, id, replay::ReplayPoint{});
    if (!state.ok()) Fail(id + ": " + state.status().ToString());
    replayed_events += state->version;
  }
  const double replay_seconds = Seconds(start);
  std::printf("replay     %12d cases   in %8.3f s  = %9.1f us per case (%llu events)\n", kReplays,
              replay_seconds, replay_seconds * 1e6 / kReplays,
              static_cast<unsigned long long>(replayed_events));

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory %.2f GiB\n",
              static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0));
  return 0;
}
