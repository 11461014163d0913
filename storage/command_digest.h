// CommandDigest: what a command says, as one hash, to tell a retry from a reused command id.
#pragma once

#include <string>

#include "model/saqme.capnp.h"

namespace saqme::storage {

// SHA-256 (hex) of the canonical Cap'n Proto encoding of `command` without its commandId and
// with expectedVersion at its default: the same for a command sent as JSON or as Cap'n Proto
// when the two carry the same fields (a field given empty is not the same as one left out).
// The id and the version are left out because a retry repeats the id and a client may resend
// with or without the version it read. Requires a readable message (throws kj::Exception
// otherwise, as every reader of it).
std::string CommandDigest(schema::Command::Reader command);

}  // namespace saqme::storage
