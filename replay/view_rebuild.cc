#include "replay/view_rebuild.h"

#include <algorithm>
#include <cstring>

#include <rocksdb/write_batch.h>
#include <boost/json/serialize.hpp>

#include "projection/views.h"
#include "workflows/org/org_changes.h"

namespace saqme::replay {
namespace {

std::string Upper(std::string prefix) {  // the key just past every key starting with prefix
  prefix.append(8, '\xff');
  return prefix;
}

}  // namespace

RebuiltViews::RebuiltViews()
    : names_(engine::ViewFamilies()), families_(engine::ViewFamilies().size()) {}

std::unordered_map<std::string, std::string>& RebuiltViews::Family(const char* family) {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == family) return families_[i];
  }
  names_.push_back(family);  // a family the projection knows and ViewFamilies() does not
  families_.emplace_back();
  return families_.back();
}

void RebuiltViews::Put(const char* family, const std::string& key, const std::string& value) {
  if (std::strcmp(family, engine::kJournalsView) == 0) {
    journals_[key] = value;
  } else {
    Family(family)[key] = value;
  }
}

void RebuiltViews::Delete(const char* family, const std::string& key) {
  if (std::strcmp(family, engine::kJournalsView) == 0) {
    journals_.erase(key);
  } else {
    Family(family).erase(key);
  }
}

std::optional<std::string> RebuiltViews::Get(const char* family, const std::string& key) {
  if (std::strcmp(family, engine::kJournalsView) == 0) {
    auto it = journals_.find(key);
    return it == journals_.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  auto& entries = Family(family);
  auto it = entries.find(key);
  return it == entries.end() ? std::nullopt : std::optional<std::string>(it->second);
}

uint32_t RebuiltViews::LastNumber(std::string_view journal, int year) {
  const std::string prefix = engine::JournalPrefix(journal, year);
  auto it = journals_.upper_bound(Upper(prefix));
  if (it == journals_.begin()) return 0;
  --it;
  return it->first.rfind(prefix, 0) == 0 ? engine::JournalKeyNumber(it->first) : 0;
}

std::vector<std::pair<const std::string*, const std::string*>> RebuiltViews::Sorted(
    const std::string& family) const {
  std::vector<std::pair<const std::string*, const std::string*>> out;
  if (family == engine::kJournalsView) {
    for (const auto& [key, value] : journals_) out.emplace_back(&key, &value);
    return out;
  }
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] != family) continue;
    out.reserve(families_[i].size());
    for (const auto& [key, value] : families_[i]) out.emplace_back(&key, &value);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return *a.first < *b.first; });
  return out;
}

ViewMap RebuiltViews::ToMap() const {
  ViewMap map;
  for (const auto& family : names_) {
    for (const auto& [key, value] : Sorted(family)) map[family][*key] = *value;
  }
  return map;
}

uint64_t RebuiltViews::entries() const {
  uint64_t count = journals_.size();
  for (const auto& family : families_) count += family.size();
  return count;
}

namespace {

// A case during a rebuild. Its state-derived views (ProjectCaseState) are written once, from
// the final state. Its watch-index entry is too while every event of the case was projected
// under one calendar (the calendar a rebuild starts with, or one with the same declared days
// off): then the live entry is WatchDate(current state) under that calendar. When a day off
// was declared since the case's last event, the live engine computed the entry's next move
// under the new calendar from an entry dated under the old one, so from then on the rebuild
// follows the case event by event, exactly as the live engine did.
struct RebuildCase {
  workflows::CaseState state;
  size_t calendar = 0;      // index of the calendar in force at the case's last event
  bool watch_live = false;  // the watch entry is in the sink and moved event by event
};

}  // namespace

Result<std::unique_ptr<RebuiltViews>> Rebuild(const storage::EventLog& log, const ViewSetup& setup,
                                              const Progress& progress) {
  auto views = std::make_unique<RebuiltViews>();
  std::unordered_map<std::string, RebuildCase> cases;
  // Every calendar the log has been under: the base, then one per day off declared or withdrawn.
  std::vector<std::unique_ptr<workflows::HolidayCalendar>> calendars;
  calendars.push_back(std::make_unique<workflows::HolidayCalendar>(*setup.calendar));
  // The chart in force at each event: the adopted one (the log's first event) plus the org
  // events so far; `setup.org` only for a log from before orgChartAdopted. Org events change
  // holders and acting assignments, never the units, lines and powers the views derive from,
  // so a case's final views under the last chart are those under the chart of its last event.
  workflows::OrgChart chart = *setup.org;
  auto context_with = [&](size_t calendar) {
    return engine::ProjectionContext{&chart, calendars[calendar].get(), &setup.policy};
  };
  Status chart_error = Status::Ok();
  const uint64_t total = log.LastSequence();
  std::string case_id;
  Status read = log.ReadFrom(1, [&](uint64_t seq, const storage::EventView& view) {
    auto event = view.event();
    auto id = event.getCaseId();
    case_id.assign(id.begin(), id.size());
    auto [it, opened] = cases.try_emplace(case_id);
    RebuildCase& c = it->second;
    const size_t current = calendars.size() - 1;
    const auto context = context_with(current);
    const workflows::OpenDeadline old_deadline = workflows::OpenDeadlineOf(c.state);
    if (!opened && !c.watch_live && c.calendar != current) {
      // The entry as the live engine left it, under the calendar of the case's last event.
      engine::MoveWatchEntry(case_id, "", engine::WatchDate(c.state, context_with(c.calendar)),
                             *views);
      c.watch_live = true;
    }
    const bool moves = c.watch_live && !old_deadline.due.empty();
    const std::string old_watch = moves ? engine::WatchDate(c.state, context) : std::string();
    workflows::Evolve(c.state, event);
    if (workflows::org::ChangesChart(event)) {  // as the engine does, before projecting it
      chart_error = workflows::org::EvolveChart(chart, event);
      if (!chart_error.ok()) return false;
    }
    if (workflows::ChangesCalendar(event)) {
      // As engine::Apply does, before projecting the event itself.
      auto next = std::make_unique<workflows::HolidayCalendar>(*calendars.back());
      if (workflows::ApplyToCalendar(*next, event)) calendars.push_back(std::move(next));
    }
    c.calendar = calendars.size() - 1;
    if (c.watch_live && (moves || !workflows::OpenDeadlineOf(c.state).due.empty())) {
      engine::MoveWatchEntry(case_id, old_watch,
                             engine::WatchDate(c.state, context_with(c.calendar)), *views);
    }
    engine::ProjectEvent(old_deadline, c.state, event, *views);
    ++views->events_;
    if (progress && seq % 65536 == 0) progress(seq, total);
    return true;
  });
  if (!read.ok()) return read;
  if (!chart_error.ok()) return chart_error;
  for (const auto& [id, c] : cases) {
    const auto context = context_with(c.calendar);
    engine::ProjectCaseState(nullptr, c.state, context, *views);
    if (!c.watch_live) engine::MoveWatchEntry(id, "", engine::WatchDate(c.state, context), *views);
  }
  if (progress) progress(views->events_, total);
  return views;
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
                                 const std::function<void(const ViewDifference&)>& each) {
  uint64_t differences = 0;
  auto report = [&](const std::string& family, std::string key, std::optional<std::string> live,
                    std::optional<std::string> mine) {
    ++differences;
    each(ViewDifference{family, std::move(key), std::move(live), std::move(mine)});
  };
  for (const auto& family : engine::ViewFamilies()) {
    const auto mine = rebuilt.Sorted(family);
    size_t i = 0;
    if (auto* handle = log.family(family)) {
      rocksdb::ReadOptions read;
      read.readahead_size = 2 << 20;
      std::unique_ptr<rocksdb::Iterator> it(log.db()->NewIterator(read, handle));
      for (it->SeekToFirst(); it->Valid(); it->Next()) {
        const rocksdb::Slice key = it->key(), value = it->value();
        while (i < mine.size() && rocksdb::Slice(*mine[i].first).compare(key) < 0) {
          report(family, *mine[i].first, std::nullopt, *mine[i].second);
          ++i;
        }
        if (i < mine.size() && rocksdb::Slice(*mine[i].first) == key) {
          if (rocksdb::Slice(*mine[i].second) != value) {
            report(family, key.ToString(), value.ToString(), *mine[i].second);
          }
          ++i;
        } else {
          report(family, key.ToString(), value.ToString(), std::nullopt);
        }
      }
      if (!it->status().ok()) return storage::FromRocks(it->status(), log.dir());
    }
    for (; i < mine.size(); ++i) report(family, *mine[i].first, std::nullopt, *mine[i].second);
  }
  return differences;
}

Status Install(storage::EventLog& log, const RebuiltViews& rebuilt, const Progress& progress) {
  auto next = log.CreateNextGeneration();
  if (!next.ok()) return next.status();
  // Nothing reads the next generation before the switch, which flushes it: no WAL needed.
  rocksdb::WriteOptions write;
  write.disableWAL = true;
  const uint64_t total = rebuilt.entries();
  uint64_t done = 0;
  for (const auto& family : engine::ViewFamilies()) {
    auto* handle = next.value()[family];
    rocksdb::WriteBatch batch;
    for (const auto& [key, value] : rebuilt.Sorted(family)) {
      batch.Put(handle, *key, *value);
      if (++done % 65536 == 0) {
        rocksdb::Status s = log.db()->Write(write, &batch);
        if (!s.ok()) return storage::FromRocks(s, log.dir());
        batch.Clear();
        if (progress) progress(done, total);
      }
    }
    rocksdb::Status s = log.db()->Write(write, &batch);
    if (!s.ok()) return storage::FromRocks(s, log.dir());
  }
  if (progress) progress(done, total);
  return log.SwitchToNextGeneration();
}

}  // namespace saqme::replay
