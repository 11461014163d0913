// Projection: how each event changes the views. Pure given the sink's reads: the live engine
// and a rebuild from the log run the same code, so a rebuild equals the live views (as long as
// the org chart is the same: the inbox names posts by their powers).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "storage/saqme.capnp.h"
#include "workflows/case_state.h"
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
};

// Applies `event` — which turned `before` into `after` — to the views.
void Project(const workflows::CaseState& before, const workflows::CaseState& after,
             schema::Event::Reader event, const workflows::OrgChart& org, ViewSink& sink);

// The case view served by GET /v1/cases/{id} (API.md keys).
boost::json::object CaseView(const workflows::CaseState& state);

}  // namespace saqme::engine
