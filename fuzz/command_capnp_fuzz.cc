// Fuzz target: a Cap'n Proto command body (Content-Type: application/x-capnp) as the API decodes
// it (api/capnp_command: storage::CommandReaderOptions, ValidateText) and the engine then reads
// it (the command digest, workflows::Decide).
// Invariants: any bytes give a command or a kInvalidArgument Status in both languages, never an
// exception; the engine's second reading of an accepted message with the same limits yields the
// same type; Decide never throws anything but Cap'n Proto's own exception for a part of the
// message that does not read (the engine answers that with 400), and refuses in both languages.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <capnp/serialize.h>

#include "api/capnp_command.h"
#include "fuzz/fuzz_check.h"
#include "model/event_codec.h"
#include "storage/command_digest.h"
#include "workflows/proceeding.h"

using saqme::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto decoded =
      saqme::api::DecodeCapnpCommand(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!decoded.ok()) {
    saqme::fuzz::RequireRefusal(decoded.status(), "DecodeCapnpCommand");
    return 0;
  }
  // The engine's reading (engine/engine.cc: DigestBeforeQueuing, then Decide).
  try {
    capnp::FlatArrayMessageReader reader(
        decoded->words, saqme::storage::CommandReaderOptions(decoded->words.size()));
    auto command = reader.getRoot<saqme::schema::Command>();
    Require(saqme::workflows::CommandName(command) == decoded->type, "the type read differs");
    saqme::storage::CommandDigest(command);
    saqme::fuzz::DecideOnANewCase(command, size);
  } catch (const kj::Exception&) {
    // A part of the message outside its texts does not read: the engine refuses it (400).
  }
  return 0;
}
