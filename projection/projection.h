// Projection: how each event changes the views. Pure given the sink's reads: the live engine
// and a rebuild from the log run the same code, so a rebuild equals the live views (as long as
// the org chart is the same: the inbox names posts by their powers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include <optional>

#include "model/saqme.capnp.h"
#include "workflows/calendar/holiday_calendar.h"
#include "workflows/case_state.h"
#include "workflows/deadline_watch.h"
#include "workflows/org/org_chart.h"

namespace saqme::engine {

// Where view writes go: the engine's batch (reads see what the batch already holds) or a
// rebuild's scratch space.
class ViewSink {
 public:
  virtual ~ViewSink() = default;
  virtual void Put(const char* family, const std::string& key, const std::string& value) = 0;
  virtual void Delete(const char* family, const std::string& key) = 0;
  // The highest number written in `journal` of `year` so far, 0 when none.
  virtual uint32_t LastNumber(std::string_view journal, int year) = 0;
  // The value at `key`, counting what this sink has written.
  virtual std::optional<std::string> Get(const char* family, const std::string& key) = 0;
};

// What the views depend on besides the log: the org chart (inboxes and alert lines name posts),
// the watch policy, and the calendar — which the log itself extends (declared days off), so
// Apply keeps it current and a rebuild, starting from the same base calendar, sees each day
// off from the same point of the log as the live engine did.
struct ProjectionContext {
  const workflows::OrgChart* org = nullptr;
  workflows::HolidayCalendar* calendar = nullptr;
  const workflows::WatchPolicy* policy = nullptr;
};

// Evolves `state` by `event` (the case's next event), applies a declared or withdrawn day off
// to the calendar (workflows::ApplyToCalendar), and projects the change into the views.
void Apply(workflows::CaseState& state, schema::Event::Reader event,
           const ProjectionContext& context, ViewSink& sink);

// Applies `event` — which turned `before` into `after` — to the views: ProjectCaseState, then
// MoveWatchEntry when the case has or had an open deadline, then ProjectEvent.
void Project(const workflows::CaseState& before, const workflows::CaseState& after,
             schema::Event::Reader event, const ProjectionContext& context, ViewSink& sink);

// The parts of Project, for a rebuild, which projects each case's final state once rather than
// every intermediate one (docs/views.md, "Rebuild"):

// The views that are a function of the case's state alone — the case view, its inbox items and
// its deadline-index entry — moved from `before` to `after`. With `before` null, only puts the
// entries of `after` (the case has none yet).
void ProjectCaseState(const workflows::CaseState* before, const workflows::CaseState& after,
                      const ProjectionContext& context, ViewSink& sink);

// The date the deadline watch next has something to do for the case under the context's
// calendar (NextWatchDate), "" when nothing.
std::string WatchDate(const workflows::CaseState& state, const ProjectionContext& context);

// Moves the case's watch-index entry from `old_watch` to `new_watch` ("" for none).
void MoveWatchEntry(const std::string& case_id, const std::string& old_watch,
                    const std::string& new_watch, ViewSink& sink);

// The watch-index move of a command (or event) that turned `before` (null: a new case) into
// `after`: MoveWatchEntry from WatchDate(before) to WatchDate(after), neither computed when the
// open deadline and the watch's record are as they were (the watch date is a function of those,
// the org chart, the calendar and the policy, so it did not move).
void MoveWatch(const workflows::CaseState* before, const workflows::CaseState& after,
               const ProjectionContext& context, ViewSink& sink);

// The views each event adds to whatever the state: journals, alert feeds, nomenclature, and the
// control counts when the event closed `old_deadline` (the case's open deadline before it).
void ProjectEvent(const workflows::OpenDeadline& old_deadline, const workflows::CaseState& after,
                  schema::Event::Reader event, ViewSink& sink);

// The case view served by GET /v1/cases/{id} (docs/api.md keys), as stored: its JSON written
// into `out` (cleared first) without building a boost::json object (projection/json_writer.h).
void WriteCaseView(const workflows::CaseState& state, std::string& out);

// The same view as an object, for readers that add to it (parsed from WriteCaseView's bytes, so
// both forms are one rendering).
boost::json::object CaseView(const workflows::CaseState& state);

}  // namespace saqme::engine
