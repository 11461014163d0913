// The events a command recorded (engine::Outcome::events, Cap'n Proto messages) rendered to JSON
// for its answer, on the caller's thread: the sequencer hands back the sealed messages and never
// renders them.
#pragma once

#include <boost/json/array.hpp>

#include "engine/engine.h"
#include "projection/json_writer.h"

namespace saqme::api {

// One JSON object per event of `outcome`, in the order recorded (model/event_json.h).
// requires: every element of outcome.events is a schema::Event message with its segment table.
boost::json::array EventsJson(const engine::Outcome& outcome);

// One event as text into `out`: the bytes boost::json::serialize(storage::EventToJson(event))
// gives.
void WriteEventJson(schema::Event::Reader event, engine::JsonWriter& out);

// The same array written into `out` as text, without building it: the bytes
// boost::json::serialize(EventsJson(outcome)) gives (both are the walk of model/event_walk.h).
// requires: as EventsJson.
void WriteEventsJson(const engine::Outcome& outcome, engine::JsonWriter& out);

}  // namespace saqme::api
