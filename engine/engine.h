// Engine: commands in, events and current views out — the only writer of the system.
//
// Execute() queues a command; the GroupCommit writer thread (the sequencer) loads the case's
// state (cache, falling back to the log), runs the workflow's Decide, stages the events with the
// LogWriter, evolves the state and projects every view update into the same WriteBatch — for
// the whole drained group — syncs once, and answers. The next group is staged while the one
// before is written (storage/group_commit.h), and answered only once it is durable itself. Reads
// serve the committed views and never wait for the writer.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <capnp/common.h>
#include <kj/array.h>

#include "engine/sequencer_profile.h"
#include "projection/case_headline.h"
#include "storage/event_log.h"
#include "storage/group_commit.h"
#include "storage/log_writer.h"
#include "workflows/deadline_watch.h"
#include "workflows/proceeding.h"

namespace saqme::engine {

struct EngineOptions {
  // The org chart a new data directory starts from: recorded as orgChartAdopted (with
  // `org_source`) before anything else, after which the chart in force is the log's
  // (ChartFromLog) and `org` is not used. A log without orgChartAdopted (a data directory from
  // before it existed) keeps running on `org` plus the org events it has.
  const workflows::OrgChart* org = &workflows::OrgChart::Ozurgeti();
  std::string org_source = "built-in Ozurgeti";
  bool adopt_chart = true;  // false: a new directory records no orgChartAdopted at this opening
  const workflows::HolidayCalendar* calendar = &workflows::HolidayCalendar::Default();
  const workflows::DeadlineTable* deadlines = &workflows::DeadlineTable::Default();
  std::function<int64_t()> clock;  // ms since the epoch; the system clock when empty
  workflows::WatchPolicy watch_policy;
  // Runs once the log is open, before anything is written to it (saqme serve's start-up
  // integrity check, storage/start_check.h). A failure stops the open, unless `read_only`.
  std::function<Status(const storage::EventLog&)> check_log;
  // Runs after `check_log` when the log's views are of an older format than this binary's
  // (kViewFormat in projection/views.h) and the log is opened for writing: rebuilds them
  // (replay::UpgradeViews, which the engine cannot call itself: replay/ sits beside it), before
  // the writer starts. A failure stops the open. Left empty, the engine runs on the old views,
  // evolving a case whose entry is no state snapshot from its events, as before snapshots.
  std::function<Status(storage::EventLog&)> upgrade_views;
  // Reads only, for inspecting a log (saqme serve --read-only): no writer, nothing recorded;
  // every command, and the deadline watch, is refused kUnavailable with the reason — the failed
  // check's when there is one. The log must exist.
  bool read_only = false;
  // The memory budget (storage::LogOptions::memory_budget_mb): RocksDB's memory and WAL, and
  // the sequencer's caches of case states and versions (storage/memory_budget.h).
  size_t memory_budget_mb = storage::MemoryBudget::kDefaultMegabytes;
  // Counts the sequencer's thread CPU per stage (profile()); also on with
  // SAQME_SEQUENCER_PROFILE=1 in the environment. Costs two clock reads per stage and command.
  bool profile = false;
  // Tests only: hooks into the group commit's pipeline (storage::GroupCommitHooks), e.g. to
  // hold a group's write until the next group is staged, or make it fail.
  storage::GroupCommitHooks commit_hooks;
};

// `base` plus the days off declared and not withdrawn in `log` (the calendar case, applied by
// workflows::ApplyToCalendar): the calendar the engine runs on, and the one
// `saqme deadline/holidays --data DIR` show.
Result<workflows::HolidayCalendar> CalendarFromLog(const storage::EventLog& log,
                                                   const workflows::HolidayCalendar& base);

// The chart in force after the log's org case (`base` when it holds no orgChartAdopted, plus its
// acting assignments and appointments), and the adopted org file's text ("" when none).
struct ChartInLog {
  workflows::OrgChart chart;
  std::string adopted_json;
};
Result<ChartInLog> ChartFromLog(const storage::EventLog& log, const workflows::OrgChart& base);

// The post recorded as the actor of the deadline watch's events.
inline constexpr char kWatcherPost[] = "system";

// One command as the API hands it over: the actor is the authenticated post, never a field.
// The engine's own work (the deadline watch) goes through the same queue as a task.
struct Submission {
  enum class Task { kCommand, kWatch, kAdoptChart };
  Task task = Task::kCommand;
  std::string watch_from;  // kWatch: continue after this watch-index key
  std::string case_id;
  std::optional<uint32_t> expected_version;
  std::string command_id;
  std::string actor_post;
  std::string actor_person;        // recorded as the actor's person; empty: the post's holder
  kj::Array<capnp::word> command;  // a schema::Command message with its segment table
  // storage::CommandDigest of `command`, to tell a retry from a reused id: Execute computes it on
  // the caller's thread, so that the sequencer does not hash every command.
  std::string command_digest;
  // The business time (ms since the epoch) the command is decided and recorded at; 0: the
  // engine's clock when it is staged. Set by an in-process caller that plays a plan (the year
  // generator), whose clock moves on while its earlier groups are still staged.
  int64_t at_ms = 0;
};

struct Outcome {
  bool refused = false;
  workflows::Refusal refusal;  // when refused: nothing was written
  std::string case_id;
  uint32_t version = 0;    // the case version after the command
  bool duplicate = false;  // a retry: the first result, nothing written
  uint64_t first_seq = 0, last_seq = 0;
  // kWatch: cases that got events, and the last watch-index key looked at when the batch limit
  // was reached (empty when the watch is through).
  uint64_t cases = 0;
  std::string watch_more;
  // The recorded events, as Cap'n Proto messages; rendered to JSON by the caller's thread, not
  // the sequencer's (api/outcome_json.h).
  std::vector<kj::Array<capnp::word>> events;
  // A command that opened its case (not a retry): the new case's headline, from the state it
  // left, so the answer need not read back the case view (projection/case_headline.h).
  std::optional<CaseHeadline> headline;
};

// One queued command and the place its answer goes.
struct EngineJob {
  Submission* submission;
  Result<Outcome> result{Status::Error(Status::Code::kUnavailable, "unanswered")};
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Open(const std::string& dir, EngineOptions options);
  ~Engine();  // answers everything queued, then closes the log

  // Decides and records one command; blocks until it is durable or refused. Errors: kConflict
  // (expected_version, or a command id used for another case), kNotFound (a later command on a
  // case that does not exist), kInvalidArgument (bad ids, a command that does not decode),
  // kUnavailable (shutting down, or stopped after a failed write).
  Result<Outcome> Execute(Submission submission);

  // Execute without blocking: returns at once, and `done` gets Execute's answer once the command
  // is durable or refused — on the engine's writer thread (its sequencer's, for a group that
  // failed before its write), or on the calling thread when the command is not even queued
  // (read-only, shutting down). `done` is called exactly once and must not block: it hands the
  // answer on (the HTTP server posts it to the connection's executor, which renders it), so
  // that no thread waits for the fsync.
  void Submit(Submission submission, std::function<void(Result<Outcome>)> done);

  // Decides and records `submissions` in this order, as one group with one fsync (beyond
  // storage::GroupCommit::kMaxGroupJobs, consecutive groups); blocks until
  // all are durable or refused. One answer per submission, as Execute's. The order in the log
  // then depends on nothing but the caller (the year generator relies on it).
  std::vector<Result<Outcome>> ExecuteAll(std::vector<Submission> submissions);

  // ExecuteAll in two halves, for a caller that prepares its next group while one is staged and
  // written (the year generator keeps two in flight): Queue returns at once, and the group's
  // Wait blocks until every submission is durable or refused and gives ExecuteAll's answers.
  // Groups queued one after the other keep that order in the log (and may share an fsync).
  // Requires every QueuedGroup gone (waited for, or destroyed: that waits) before the engine.
  class QueuedGroup {
   public:
    QueuedGroup();
    QueuedGroup(QueuedGroup&&) noexcept;
    QueuedGroup& operator=(QueuedGroup&&) noexcept;
    ~QueuedGroup();  // waits, when Wait was not called
    // One answer per submission, in order. Once: a second call answers nothing.
    std::vector<Result<Outcome>> Wait();

   private:
    friend class Engine;
    struct Jobs;
    std::unique_ptr<Jobs> jobs_;
  };
  QueuedGroup Queue(std::vector<Submission> submissions);

  // The deadline watch for today (the clock's Tbilisi date): every case whose watch date has
  // come gets its due steps recorded (workflows/deadline_watch.h). Reads only the watch index
  // from its start up to today, so its cost follows what is due, not how many cases are open.
  // Repeating it records nothing new. Thread-safe; runs through the sequencer.
  struct WatchReport {
    uint64_t cases = 0, events = 0;
  };
  Result<WatchReport> Watch();

  // Blocks until an event after `seq` is durable or `timeout` passes; returns the last durable
  // sequence (for live feeds).
  uint64_t WaitForEventsAfter(uint64_t seq, std::chrono::milliseconds timeout) const;
  // The engine clock's current time (ms) and Tbilisi date.
  int64_t Now() const { return options_.clock(); }
  std::string Today() const;

  // The case's committed state: its state snapshot (its view_cases entry, one read), or, for an
  // entry that is none (views of the format before snapshots, or damage), evolved from its own
  // events in the log. kNotFound when the case has no event; kInvalidArgument for an id no case
  // can have.
  Result<workflows::CaseState> State(const std::string& case_id) const;

  // A decision context for reading as `post` now — for asking the workflows what the post may
  // do (workflows::AllowedActions), never for recording: the engine's org chart, deadline table
  // and calendar with every committed day off; next_number answers the next committed number
  // without taking it. `calendar` and `chart` keep the context's calendar and chart alive.
  struct ReadContext {
    std::shared_ptr<const workflows::HolidayCalendar> calendar;
    std::shared_ptr<const workflows::OrgChart> chart;
    workflows::Context context;
  };
  ReadContext ContextFor(const std::string& post) const;

  // The org chart in force: the log's after the last committed group (never changed once
  // published; holders and acting assignments follow the org case).
  std::shared_ptr<const workflows::OrgChart> Chart() const;
  // The org file text the log adopted ("" for a log from before orgChartAdopted).
  const std::string& adopted_chart() const { return adopted_chart_; }

  // The committed views are read, and rendered to JSON, by engine::ViewReader over log()
  // (engine/view_reader.h), never through the engine.

  storage::EventLog& log() { return *log_; }
  const storage::EventLog& log() const { return *log_; }
  const EngineOptions& options() const { return options_; }
  storage::GroupCommit<EngineJob>::Stats stats() const;
  // The sequencer's caches after the last committed group: case states and the writer's case
  // versions, each bounded by its share of the memory budget (storage/memory_budget.h).
  struct CacheStats {
    size_t states = 0, state_bytes = 0, state_capacity = 0, state_evictions = 0;
    size_t versions = 0, version_bytes = 0, version_capacity = 0;
  };
  CacheStats cache_stats() const;
  // The sequencer's CPU per stage up to the last committed group (all zero unless
  // EngineOptions::profile); the write and fsync time from stats().
  SequencerProfile profile() const;
  // Ok while Execute would take a command; else the kUnavailable it would answer (stopped
  // after a failed write, shutting down). For readiness checks (GET /ready).
  Status Accepting() const;
  // Ok, or why the engine was opened read-only (EngineOptions::read_only): without paths, for
  // clients.
  const Status& read_only() const { return read_only_; }

 private:
  class Sequencer;
  Engine() = default;

  EngineOptions options_;
  std::unique_ptr<storage::EventLog> log_;
  std::unique_ptr<storage::LogWriter> writer_;
  std::unique_ptr<Sequencer> sequencer_;
  std::unique_ptr<storage::GroupCommit<EngineJob>> group_;
  Status read_only_;  // not ok: the engine was opened read-only, and why

  // The last durable sequence, for WaitForEventsAfter.
  mutable std::mutex committed_mu_;
  mutable std::condition_variable committed_cv_;
  uint64_t committed_seq_ = 0;
  // The calendar of the last committed group (never changed once published).
  std::shared_ptr<const workflows::HolidayCalendar> committed_calendar_;
  // The org chart of the last committed group (never changed once published).
  std::shared_ptr<const workflows::OrgChart> committed_chart_;
  std::string adopted_chart_;
  SequencerProfile committed_profile_;  // guarded by committed_mu_
};

}  // namespace saqme::engine
