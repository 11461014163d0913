#include "replay/view_rebuild.h"

#include <cstring>
#include <thread>
#include <unordered_map>

#include "projection/views.h"
#include "replay/bounded_queue.h"
#include "replay/event_stream.h"
#include "replay/view_store.h"
#include "storage/keys.h"
#include "workflows/org/org_changes.h"

namespace saqme::replay {
namespace {

// A case during a rebuild. Its state-derived views (ProjectCaseState) are written once, from
// its state after its last event, and the state is dropped then. Its watch-index entry is too
// while every event of the case was projected under one calendar (the calendar a rebuild starts
// with, or one with the same declared days off): then the live entry is WatchDate(final state)
// under that calendar. When a day off was declared since the case's last event, the live engine
// computed the entry's next move under the new calendar from an entry dated under the old one,
// so from then on the rebuild follows the case event by event, exactly as the live engine did.
struct RebuildCase {
  workflows::CaseState state;
  size_t calendar = 0;      // index of the calendar in force at the case's last event
  bool watch_live = false;  // the watch entry is in the sink and moved event by event
};

// For every sequence up to `last`: whether it is the last event of its case, read from the case
// index (case id \0 version -> seq, a case's entries in version order). One bit per event.
Result<std::vector<bool>> LastEventsOfCases(const storage::EventLog& log, uint64_t last) {
  std::vector<bool> is_last(last + 1, false);
  rocksdb::ReadOptions read;
  read.readahead_size = 2 << 20;
  read.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(log.db()->NewIterator(read, log.case_index_family()));
  std::string previous;
  uint64_t previous_seq = 0;
  auto mark = [&] {
    if (previous_seq > 0 && previous_seq <= last) is_last[previous_seq] = true;
  };
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const rocksdb::Slice key = it->key(), value = it->value();
    const std::string_view id = storage::CaseIndexCaseId(std::string_view(key.data(), key.size()));
    if (id.empty() || value.size() != 8) continue;  // not an index entry: no finding early
    if (id != previous) {
      mark();
      previous.assign(id);
    }
    previous_seq = storage::DecodeSeq(std::string_view(value.data(), 8));
  }
  mark();
  if (!it->status().ok()) return storage::FromRocks(it->status(), log.dir());
  return is_last;
}

struct Projected {
  uint64_t events = 0, peak_open_cases = 0;
};

// Where the rebuilt views go: every view family's handle in `db`.
struct Target {
  rocksdb::DB* db;
  std::map<std::string, rocksdb::ColumnFamilyHandle*> families;
  std::string dir;  // for errors
};

// A case after its last event, with the chart and the calendar in force then.
struct FinishedCase {
  std::unique_ptr<RebuildCase> c;  // a pointer: a CaseState is large to move
  std::shared_ptr<const workflows::OrgChart> chart;
  workflows::HolidayCalendar* calendar;  // one of the rebuild's, never changed once made
};

// Projects finished cases' state-derived views (the case view, search record, inbox, deadline,
// control-register and watch entries — keys no other part of the rebuild writes) on a thread of
// its own, beside the projection of the events: a fifth of a rebuild's work moved to the second
// core. Holds at most `kQueued` groups of `kGroup` cases.
class CaseFinisher {
 public:
  CaseFinisher(const Target& target, const ViewSetup& setup, const RebuildBounds& bounds)
      : policy_(&setup.policy),
        sink_(target.db, target.families, target.dir, bounds.write_batch_bytes),
        queue_(kQueued),
        thread_([this] { Run(); }) {}
  ~CaseFinisher() {
    queue_.Close();  // the thread projects what is queued, then ends
    if (thread_.joinable()) thread_.join();
  }

  void Add(FinishedCase finished) {
    group_.push_back(std::move(finished));
    if (group_.size() >= kGroup) Hand();
  }

  // Projects every case added, then writes what its store buffers. Requires no Add after it.
  Status Finish() {
    Hand();
    queue_.Close();
    thread_.join();
    return sink_.Flush();
  }

 private:
  static constexpr size_t kGroup = 64, kQueued = 16;

  void Hand() {
    if (group_.empty()) return;
    queue_.Push(std::move(group_));
    group_.clear();
  }

  void Run() {
    while (auto group = queue_.Pop()) {
      for (const FinishedCase& f : *group) {
        const engine::ProjectionContext context{f.chart.get(), f.calendar, policy_};
        engine::ProjectCaseState(nullptr, f.c->state, context, sink_);
        if (!f.c->watch_live) {
          engine::MoveWatchEntry(f.c->state.case_id, "", engine::WatchDate(f.c->state, context),
                                 sink_);
        }
      }
    }
  }

  const workflows::WatchPolicy* policy_;
  ViewStore sink_;
  std::vector<FinishedCase> group_;  // filling, on the projection's thread
  BoundedQueue<std::vector<FinishedCase>> queue_;
  std::thread thread_;  // last: starts once the rest is made
};

// Runs the whole log through the projection into `sink`. Exactly what the live engine wrote, in
// the same order per key (docs/views.md, "Rebuild").
Result<Projected> ProjectLog(const storage::EventLog& log, const ViewSetup& setup,
                             const RebuildBounds& bounds, const Target& target,
                             const Progress& progress) {
  const uint64_t total = log.LastSequence();
  ViewStore sink(target.db, target.families, target.dir, bounds.write_batch_bytes);
  CaseFinisher finisher(target, setup, bounds);
  // Reads ahead on the second core from here on.
  EventStream stream(log, 1, bounds.read_batch_bytes, bounds.read_batches);
  auto is_last = LastEventsOfCases(log, total);
  if (!is_last.ok()) return is_last.status();
  std::unordered_map<std::string, std::unique_ptr<RebuildCase>> cases;
  // Every calendar the log has been under: the base, then one per day off declared or withdrawn.
  std::vector<std::unique_ptr<workflows::HolidayCalendar>> calendars;
  calendars.push_back(std::make_unique<workflows::HolidayCalendar>(*setup.calendar));
  // The chart in force at each event: the adopted one (the log's first event) plus the org
  // events so far; `setup.org` only for a log from before orgChartAdopted. A case's views are
  // projected under the chart in force at its last event, as the live engine last projected them
  // (`in_force`: an unchanging copy, for the finisher's thread).
  workflows::OrgChart chart = *setup.org;
  auto in_force = std::make_shared<const workflows::OrgChart>(chart);
  auto context_with = [&](size_t calendar) {
    return engine::ProjectionContext{&chart, calendars[calendar].get(), &setup.policy};
  };
  auto finish = [&](std::unique_ptr<RebuildCase> c) {
    workflows::HolidayCalendar* calendar = calendars[c->calendar].get();
    finisher.Add(FinishedCase{std::move(c), in_force, calendar});
  };
  Projected projected;
  std::string case_id;
  std::unique_ptr<EventBatch> batch;
  while ((batch = stream.Next(std::move(batch)))) {
    for (size_t i = 0; i < batch->size(); ++i) {
      const uint64_t seq = batch->seq(i);
      auto decoded = storage::EventView::Decode(batch->bytes(i));
      if (!decoded.ok()) return decoded.status();
      auto event = decoded.value()->event();
      auto id = event.getCaseId();
      case_id.assign(id.begin(), id.size());
      auto [it, opened] = cases.try_emplace(case_id);
      if (opened) it->second = std::make_unique<RebuildCase>();
      RebuildCase& c = *it->second;
      const size_t current = calendars.size() - 1;
      const auto context = context_with(current);
      const workflows::OpenDeadline old_deadline = workflows::OpenDeadlineOf(c.state);
      if (!opened && !c.watch_live && c.calendar != current) {
        // The entry as the live engine left it, under the calendar of the case's last event.
        engine::MoveWatchEntry(case_id, "", engine::WatchDate(c.state, context_with(c.calendar)),
                               sink);
        c.watch_live = true;
      }
      const bool moves = c.watch_live && !old_deadline.due.empty();
      const std::string old_watch = moves ? engine::WatchDate(c.state, context) : std::string();
      workflows::Evolve(c.state, event);
      if (workflows::org::ChangesChart(event)) {  // as the engine does, before projecting it
        Status changed = workflows::org::EvolveChart(chart, event);
        if (!changed.ok()) return changed;
        in_force = std::make_shared<const workflows::OrgChart>(chart);
      }
      if (workflows::ChangesCalendar(event)) {
        // As engine::Apply does, before projecting the event itself.
        auto next = std::make_unique<workflows::HolidayCalendar>(*calendars.back());
        if (workflows::ApplyToCalendar(*next, event)) calendars.push_back(std::move(next));
      }
      c.calendar = calendars.size() - 1;
      if (c.watch_live && (moves || !workflows::OpenDeadlineOf(c.state).due.empty())) {
        engine::MoveWatchEntry(case_id, old_watch,
                               engine::WatchDate(c.state, context_with(c.calendar)), sink);
      }
      engine::ProjectEvent(old_deadline, c.state, event, sink);
      if (cases.size() > projected.peak_open_cases) projected.peak_open_cases = cases.size();
      if (seq <= total && is_last.value()[seq]) {  // the case's final state: project, then drop
        finish(std::move(it->second));
        cases.erase(it);
      }
      ++projected.events;
      if (progress && seq % 65536 == 0) progress(seq, total);
    }
  }
  Status read = stream.status();
  if (!read.ok()) return read;
  // Cases whose last indexed event lies past what was read (none in a consistent log).
  for (auto& [id, c] : cases) finish(std::move(c));
  Status finished = finisher.Finish();
  if (!finished.ok()) return finished;
  Status flushed = sink.Flush();
  if (!flushed.ok()) return flushed;
  if (progress) progress(projected.events, total);
  return projected;
}

}  // namespace

RebuiltViews::~RebuiltViews() = default;

std::unique_ptr<rocksdb::Iterator> RebuiltViews::NewIterator(const std::string& family) const {
  rocksdb::ReadOptions read;
  read.readahead_size = 2 << 20;
  return std::unique_ptr<rocksdb::Iterator>(
      scratch_->db()->NewIterator(read, scratch_->families().at(family)));
}

ViewMap RebuiltViews::ToMap() const {
  ViewMap map;
  for (const auto& family : engine::ViewFamilies()) {
    auto it = NewIterator(family);
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      map[family][it->key().ToString()] = it->value().ToString();
    }
  }
  return map;
}

uint64_t RebuiltViews::entries() const {
  uint64_t count = 0;
  for (const auto& family : engine::ViewFamilies()) {
    auto it = NewIterator(family);
    for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
  }
  return count;
}

Result<std::unique_ptr<RebuiltViews>> Rebuild(const storage::EventLog& log, const ViewSetup& setup,
                                              const Progress& progress,
                                              const RebuildBounds& bounds) {
  auto scratch = ScratchViews::Create();
  if (!scratch.ok()) return scratch.status();
  std::unique_ptr<RebuiltViews> views(new RebuiltViews());
  views->scratch_ = std::move(scratch.value());
  auto projected = ProjectLog(
      log, setup, bounds,
      Target{views->scratch_->db(), views->scratch_->families(), views->scratch_->dir()}, progress);
  if (!projected.ok()) return projected.status();
  views->events_ = projected->events;
  views->peak_open_cases_ = projected->peak_open_cases;
  return views;
}

Result<RebuildSummary> RebuildAndInstall(storage::EventLog& log, const ViewSetup& setup,
                                         const Progress& progress, const RebuildBounds& bounds) {
  auto next = log.CreateNextGeneration();
  if (!next.ok()) return next.status();
  auto projected =
      ProjectLog(log, setup, bounds, Target{log.db(), next.value(), log.dir()}, progress);
  if (!projected.ok()) return projected.status();
  RebuildSummary summary;
  summary.events = projected->events;
  summary.peak_open_cases = projected->peak_open_cases;
  for (const auto& [name, handle] : next.value()) {
    uint64_t keys = 0;
    if (log.db()->GetIntProperty(handle, "rocksdb.estimate-num-keys", &keys)) {
      summary.entries += keys;
    }
  }
  // The new generation is of this binary's view format, whatever the old one's was.
  Status switched =
      log.SwitchToNextGeneration({{engine::kViewFormatKey, std::to_string(engine::kViewFormat)}});
  if (!switched.ok()) return switched;
  return summary;
}

Status UpgradeViews(storage::EventLog& log, const ViewSetup& setup, const Progress& progress) {
  auto rebuilt = RebuildAndInstall(log, setup, progress);
  return rebuilt.ok() ? Status::Ok() : rebuilt.status();
}

ViewMap LiveViews(const storage::EventLog& log) {
  ViewMap views;
  for (const auto& family : engine::ViewFamilies()) {
    auto* handle = log.family(family);
    if (!handle) continue;
    std::unique_ptr<rocksdb::Iterator> it(log.db()->NewIterator(rocksdb::ReadOptions(), handle));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      views[family][it->key().ToString()] = it->value().ToString();
    }
  }
  return views;
}

Result<uint64_t> CompareWithLive(const storage::EventLog& log, const RebuiltViews& rebuilt,
                                 const std::function<void(const ViewDifference&)>& each,
                                 uint64_t* compared) {
  uint64_t differences = 0, entries = 0;
  auto report = [&](const std::string& family, const rocksdb::Slice& key,
                    std::optional<std::string> live, std::optional<std::string> mine) {
    ++differences;
    each(ViewDifference{family, key.ToString(), std::move(live), std::move(mine)});
  };
  for (const auto& family : engine::ViewFamilies()) {
    // Both sides in key order: one merge pass.
    auto mine = rebuilt.NewIterator(family);
    mine->SeekToFirst();
    if (auto* handle = log.family(family)) {
      rocksdb::ReadOptions read;
      read.readahead_size = 2 << 20;
      std::unique_ptr<rocksdb::Iterator> it(log.db()->NewIterator(read, handle));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        const rocksdb::Slice key = it->key(), value = it->value();
        while (mine->Valid() && mine->key().compare(key) < 0) {
          report(family, mine->key(), std::nullopt, mine->value().ToString());
          ++entries;
          mine->Next();
        }
        if (mine->Valid() && mine->key() == key) {
          if (mine->value() != value) {
            report(family, key, value.ToString(), mine->value().ToString());
          }
          ++entries;
          mine->Next();
        } else {
          report(family, key, value.ToString(), std::nullopt);
        }
      }
      if (!it->status().ok()) return storage::FromRocks(it->status(), log.dir());
    }
    for (; mine->Valid(); mine->Next(), ++entries) {
      report(family, mine->key(), std::nullopt, mine->value().ToString());
    }
    if (!mine->status().ok()) return storage::FromRocks(mine->status(), "the rebuild's scratch");
  }
  if (compared) *compared = entries;
  return differences;
}

}  // namespace saqme::replay
