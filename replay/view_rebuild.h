// Rebuilding the views from the log alone.
//
// Every event, in sequence order, goes through the projection the engine runs live
// (projection/projection.h). The log is read and copied ahead on a thread of its own (EventStream)
// while the projection runs on the caller's; a case's state is held only until its last event
// (the case index tells which that is), when its state-derived views are projected and the state
// dropped; the views are written in bounded batches (ViewStore) — into a scratch database that is
// compared with the live views key by key (`saqme check`), or straight into the views' next
// generation, switched to in one synced write (`saqme rebuild`). Memory stays bounded by the cases
// open at a time and the batches, not by the log. Views are never rewritten in place: until the
// switch, the live views stay exactly as they were, and a rebuild interrupted at any point changes
// nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "projection/projection.h"
#include "storage/event_log.h"
#include "workflows/deadline_watch.h"

namespace saqme::replay {

// What the views depend on besides the log; must be what the server ran with (the policy dates
// the watch index). The org chart comes from the log (orgChartAdopted and the org events);
// `org` is only for a log from before orgChartAdopted, which must be the server's --org.
struct ViewSetup {
  const workflows::OrgChart* org = &workflows::OrgChart::Ozurgeti();
  const workflows::HolidayCalendar* calendar = &workflows::HolidayCalendar::Default();
  workflows::WatchPolicy policy;
};

// family -> key -> value, ordered: the form tests and reports compare.
using ViewMap = std::map<std::string, std::map<std::string, std::string>>;

// Called now and then with the events projected so far and the log's last sequence.
using Progress = std::function<void(uint64_t done, uint64_t total)>;

// How much a rebuild holds at a time besides the states of the cases still open (defaults for a
// real log; tests make them small so that every bound is crossed often).
struct RebuildBounds {
  size_t read_batch_bytes = 1 << 20;   // events read ahead, per batch (EventStream)
  size_t read_batches = 8;             // batches read ahead at most
  size_t write_batch_bytes = 8 << 20;  // view writes buffered before they are written (ViewStore)
};

class ScratchViews;

// The views rebuilt into a scratch database of their own (removed with the object).
class RebuiltViews {
 public:
  ~RebuiltViews();

  // Every rebuilt entry, read whole (for tests and small logs).
  ViewMap ToMap() const;
  uint64_t events() const { return events_; }
  // The most case states held at once: cases whose last event was not yet projected.
  uint64_t peak_open_cases() const { return peak_open_cases_; }
  // The number of entries (one pass over them).
  uint64_t entries() const;
  // The entries of `family` (an engine::ViewFamilies() name) in key order.
  std::unique_ptr<rocksdb::Iterator> NewIterator(const std::string& family) const;

 private:
  friend Result<std::unique_ptr<RebuiltViews>> Rebuild(const storage::EventLog&, const ViewSetup&,
                                                       const Progress&, const RebuildBounds&);
  RebuiltViews() = default;
  std::unique_ptr<ScratchViews> scratch_;
  uint64_t events_ = 0, peak_open_cases_ = 0;
};

// Projects the whole log (as of the moment `log` was opened, for a read-only log) into a scratch
// database in the temporary directory (TMPDIR). Fails with the log's error when an event cannot
// be read, or with the scratch database's.
Result<std::unique_ptr<RebuiltViews>> Rebuild(const storage::EventLog& log, const ViewSetup& setup,
                                              const Progress& progress = {},
                                              const RebuildBounds& bounds = {});

// What RebuildAndInstall did.
struct RebuildSummary {
  uint64_t events = 0;
  uint64_t entries = 0;          // RocksDB's estimate of the entries of the new generation
  uint64_t peak_open_cases = 0;  // as RebuiltViews::peak_open_cases
};

// Projects the whole log straight into the next generation of the view families and makes it
// live (EventLog::SwitchToNextGeneration): `saqme rebuild`. Requires a writable log whose views
// nobody else writes. Fails, leaving the live views as they were, as Rebuild does.
Result<RebuildSummary> RebuildAndInstall(storage::EventLog& log, const ViewSetup& setup,
                                         const Progress& progress = {},
                                         const RebuildBounds& bounds = {});

// RebuildAndInstall for a log whose views are of an older format (engine::kViewFormat,
// projection/views.h): what the engine runs when such a log is opened for writing
// (EngineOptions::upgrade_views).
Status UpgradeViews(storage::EventLog& log, const ViewSetup& setup, const Progress& progress = {});

// The live views of `log`, read whole (for tests and small logs).
ViewMap LiveViews(const storage::EventLog& log);

// One key where the live views and a rebuild disagree; a missing side is nullopt.
struct ViewDifference {
  std::string family, key;
  std::optional<std::string> live, rebuilt;
};

// Compares every view family of `log` with `rebuilt` in key order, calls `each` for every
// difference and returns how many there were. `compared`, when given, is set to the number of
// rebuilt entries (RebuiltViews::entries(), counted on the way instead of in a second pass).
Result<uint64_t> CompareWithLive(const storage::EventLog& log, const RebuiltViews& rebuilt,
                                 const std::function<void(const ViewDifference&)>& each,
                                 uint64_t* compared = nullptr);

}  // namespace saqme::replay
