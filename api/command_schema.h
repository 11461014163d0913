// The command schema (GET /v1/commands/schema): every member of the `Command` union of
// model/saqme.capnp with its fields, their types, enumerations and Georgian/English labels, so
// that a client renders a form for any command — one added to the schema later included —
// without code of its own. Read by Cap'n Proto reflection, named exactly as api/command_json.h
// parses JSON commands; dates, post ids, optional fields and labels come from the schema's
// annotations ($date, $post, $optional, $label, $note), command-type labels from
// workflows/command_labels.h. The shape is in docs/api.md.
#pragma once

#include <string>
#include <vector>

#include <boost/json/object.hpp>

namespace saqme::api {

// {"commands": [{"type", "label_ka", "label_en", "opens_case", "fields": [...]}]} in the order of
// the union. Guarantees: built once, the same for every caller; a field without a label shows a
// readable form of its name ("received_on" -> "Received on").
const boost::json::object& CommandSchema();

// The label of what has none: "received_on" -> "Received on".
std::string ReadableName(std::string snake);

// What falls back to its name for want of a label, as paths: "draft_letter" (a command type),
// "register_incoming.sender.name" (a field), "register_incoming.kind=complaint" (an enum value);
// also a $note naming no field. Empty when the schema is fully labelled.
std::vector<std::string> UnlabelledInCommandSchema();

}  // namespace saqme::api
