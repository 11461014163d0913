// Commands in JSON (docs/api.md): {"type": "assign_resolution", "lead_executor": "...", ...} into
// the Cap'n Proto Command the workflows read. Generic over the schema: "type" names the union
// member (snake_case of its name), every other key a field of its struct (snake_case), recursively.
// Unknown types or keys, wrong JSON types, invalid UTF-8, missing enum fields, blank required
// text, a text that is not one of its `$choices` and a `$date` that is not a date are refused
// with a message saying which field — enums have no safe default (Cap'n Proto would read an
// absent enum as its first value).
#pragma once

#include <optional>
#include <string>

#include <capnp/message.h>
#include <capnp/schema.h>
#include <boost/json/value.hpp>

#include "model/saqme.capnp.h"
#include "model/status.h"

namespace saqme::api {

// Fills `message` with the Command described by `command` (the JSON object). kInvalidArgument
// names the first problem.
Status CommandFromJson(const boost::json::value& command, capnp::MessageBuilder& message);

// Every text field of a Command (binary clients skip the JSON decoder) must be UTF-8 without NUL:
// journals and histories are served as text. kInvalidArgument names the field.
Status ValidateText(schema::Command::Reader command);

// The whole numbers a field of integer `type` accepts in JSON; nullopt for any other type.
struct WholeRange {
  int64_t min;
  uint64_t max;
};
std::optional<WholeRange> WholeNumberRange(capnp::Type type);

// The `$note` of `notes` (a Command member's) that speaks of `field`, if any.
std::optional<schema::FieldNote::Reader> NoteFor(capnp::List<schema::FieldNote>::Reader notes,
                                                 capnp::StructSchema::Field field);

// Whether `field` may be left out of a command, as read with `note`: a `$optional` field (or as
// the note says), one of a union, or a Bool (absent reads false); never an enum. A required
// Text field must not be blank (storage::IsBlank), in JSON a 400 naming it.
bool MayBeLeftOut(capnp::StructSchema::Field field,
                  std::optional<schema::FieldNote::Reader> note = std::nullopt);

// "lead_executor" -> "leadExecutor".
std::string CamelCase(const std::string& snake);

}  // namespace saqme::api
