// The JSON form of an event, as `saqme log` prints it and the history API will serve it.
//
// Keys are snake_case: seq, case_id, version, type, occurred_at, recorded_at, actor {post,
// person}, acting_for, command_id, prev_hash, hash, data. `type` is the payload's union member
// in snake_case ("incoming_registered"); `data` is the payload, rendered generically from the
// schema (so every payload added to saqme.capnp is rendered without code here). Instants are
// Tbilisi time; Data fields are lowercase hex; Georgian text is UTF-8.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "model/saqme.capnp.h"

namespace saqme::storage {

// The walk of model/event_walk.h, built as an object (api/outcome_json.h writes the same walk
// as text).
boost::json::object EventToJson(schema::Event::Reader event);

// "incomingRegistered" -> "incoming_registered".
std::string SnakeCase(const std::string& camel);

}  // namespace saqme::storage
