// Rebuilding the views from the log alone.
//
// Every event, in sequence order, goes through the projection the engine runs live
// (projection/projection.h) into memory. The result is compared with the live views key by key
// (`saqme check`) or installed as the views' next generation, switched to in one synced write
// (`saqme rebuild`). Views are never rewritten in place: until the switch, the live views stay
// exactly as they were, and a rebuild interrupted at any point changes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
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

// The views rebuilt in memory: one hash map per family, journals ordered (the projection asks
// for a journal's last number).
class RebuiltViews : public engine::ViewSink {
 public:
  RebuiltViews();

  void Put(const char* family, const std::string& key, const std::string& value) override;
  void Delete(const char* family, const std::string& key) override;
  uint32_t LastNumber(std::string_view journal, int year) override;
  std::optional<std::string> Get(const char* family, const std::string& key) override;

  // The entries of `family` in key order (empty for an unknown family).
  std::vector<std::pair<const std::string*, const std::string*>> Sorted(
      const std::string& family) const;
  ViewMap ToMap() const;
  uint64_t events() const { return events_; }
  uint64_t entries() const;

 private:
  friend Result<std::unique_ptr<RebuiltViews>> Rebuild(const storage::EventLog&, const ViewSetup&,
                                                       const Progress&);
  std::unordered_map<std::string, std::string>& Family(const char* family);

  std::vector<std::string> names_;
  std::vector<std::unordered_map<std::string, std::string>> families_;
  std::map<std::string, std::string> journals_;
  uint64_t events_ = 0;
};

// Projects the whole log (as of the moment `log` was opened, for a read-only log). Fails with
// the log's error when an event cannot be read.
Result<std::unique_ptr<RebuiltViews>> Rebuild(const storage::EventLog& log, const ViewSetup& setup,
                                              const Progress& progress = {});

// The live views of `log`, read whole (for tests and small logs).
ViewMap LiveViews(const storage::EventLog& log);

// One key where the live views and a rebuild disagree; a missing side is nullopt.
struct ViewDifference {
  std::string family, key;
  std::optional<std::string> live, rebuilt;
};

// Compares every view family of `log` with `rebuilt` in key order, calls `each` for every
// difference and returns how many there were.
Result<uint64_t> CompareWithLive(const storage::EventLog& log, const RebuiltViews& rebuilt,
                                 const std::function<void(const ViewDifference&)>& each);

// Writes `rebuilt` into the next generation of the view families and makes it live (see
// EventLog::SwitchToNextGeneration). Requires a writable log whose views nobody else writes.
Status Install(storage::EventLog& log, const RebuiltViews& rebuilt, const Progress& progress = {});

}  // namespace saqme::replay
