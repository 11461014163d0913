// Bytes as lower-case hexadecimal and back: hashes in the log's tools and exports, and the
// opaque cursors of the paged lists (GET /v1/cases, GET /v1/inbox), which are view keys
// written this way so that any byte of a key survives a query string.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace saqme::storage {

// Two digits 0-9a-f per byte of `bytes`.
std::string HexOf(std::string_view bytes);

// The bytes `hex` spells; nullopt for an odd length or a character that is not 0-9a-f.
std::optional<std::string> FromHex(std::string_view hex);

}  // namespace saqme::storage
