// Fuzz target: a JSON command body as POST /v1/cases reads it (api/json_body, api/command_json).
// Invariants: a refusal is a kInvalidArgument Status in both languages, never an exception; an
// accepted command encodes to a Cap'n Proto message that the binary path (DecodeCapnpCommand)
// accepts as the same command (same type, same digest), and the workflow decides it without
// throwing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <boost/json/value.hpp>

#include "api/capnp_command.h"
#include "api/command_json.h"
#include "api/json_body.h"
#include "fuzz/fuzz_check.h"
#include "storage/command_digest.h"
#include "workflows/proceeding.h"

using saqme::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto parsed = saqme::api::ParseJsonBody(body);
  if (!parsed.ok()) {
    saqme::fuzz::RequireRefusal(parsed.status(), "ParseJsonBody");
    return 0;
  }
  // A whole request body ({"command_id", "command": {...}}) or the command alone.
  const boost::json::value* command = &parsed.value();
  if (const auto* object = command->if_object()) {
    if (const auto* inner = object->if_contains("command")) command = inner;
  }
  capnp::MallocMessageBuilder message;
  saqme::Status status = saqme::api::CommandFromJson(*command, message);
  if (!status.ok()) {
    saqme::fuzz::RequireRefusal(status, "CommandFromJson");
    return 0;
  }
  auto reader = message.getRoot<saqme::schema::Command>().asReader();
  const std::string type = saqme::workflows::CommandName(reader);
  const std::string digest = saqme::storage::CommandDigest(reader);

  // Encode and decode again, as a binary client would send the same command.
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  auto decoded = saqme::api::DecodeCapnpCommand(
      std::string_view(reinterpret_cast<const char*>(bytes.begin()), bytes.size()));
  Require(decoded.ok(),
          "a command accepted as JSON is refused as Cap'n Proto: " + decoded.status().message());
  Require(decoded->type == type, "the type changed in the round trip: " + decoded->type);
  capnp::FlatArrayMessageReader again(decoded->words);
  auto reread = again.getRoot<saqme::schema::Command>();
  Require(saqme::storage::CommandDigest(reread) == digest, "the digest changed in the round trip");
  // Decoded JSON is always readable: the workflow must decide it without any exception.
  try {
    saqme::fuzz::DecideOnANewCase(reader, size);
  } catch (const kj::Exception& e) {
    Require(false, std::string("a built command does not read: ") + e.getDescription().cStr());
  }
  return 0;
}
