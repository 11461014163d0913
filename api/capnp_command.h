// A client's Command sent as Cap'n Proto (`Content-Type: application/x-capnp`, docs/api.md): the
// message with its segment table, carrying its own command id and expected version. The one
// reader of such a body; the engine reads the words again with the same limits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <capnp/common.h>
#include <kj/array.h>

#include "model/status.h"

namespace saqme::api {

struct CapnpCommand {
  kj::Array<capnp::word> words;  // the message, 8-byte aligned, as the engine reads it
  std::string type;              // docs/api.md's name of the command ("register_incoming")
  std::string command_id;
  std::optional<uint32_t> expected_version;  // nullopt: any version (-1 in the message)
};

// Requires nothing (any bytes). Guarantees: the command, read with
// storage::CommandReaderOptions, that names a command, whose expectedVersion is -1 or a case
// version, and whose every text is UTF-8 without NUL (ValidateText); otherwise kInvalidArgument
// in English and Georgian saying why. Never throws: Cap'n Proto's exceptions become the Status.
Result<CapnpCommand> DecodeCapnpCommand(std::string_view bytes);

}  // namespace saqme::api
