// The events a command recorded (engine::Outcome::events, Cap'n Proto messages) rendered to JSON
// for its answer, on the caller's thread: the sequencer hands back the sealed messages and never
// renders them.
#pragma once

#include <boost/json/array.hpp>

#include "engine/engine.h"

namespace saqme::api {

// One JSON object per event of `outcome`, in the order recorded (model/event_json.h).
// requires: every element of outcome.events is a schema::Event message with its segment table.
boost::json::array EventsJson(const engine::Outcome& outcome);

}  // namespace saqme::api
