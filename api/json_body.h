// JsonBody: the one reader of every JSON request body (commands, logins, the clock, the org).
//
// Stricter than boost::json::parse, because what a body says must be what is recorded: a key
// given twice in one object (the parser would keep one of the two silently) and a string holding
// NUL (cut short by every view that reads it as text, while the hashed log keeps it whole) are
// refused, naming where they are.
#pragma once

#include <string_view>

#include <boost/json/value.hpp>

#include "model/status.h"

namespace saqme::api {

// Parses `body` as UTF-8 JSON. Requires nothing. Guarantees: the value, or kInvalidArgument
// (bilingual) that names the place of the problem ("command.sender.name", "command.files[2]"):
// not JSON or not UTF-8, a duplicate key, or NUL in a string or a key.
Result<boost::json::value> ParseJsonBody(std::string_view body);

}  // namespace saqme::api
