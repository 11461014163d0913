// Target: a request's target ("/v1/cases/C-1/history?limit=20&cursor=7") as the routes read it —
// its path segments and its query, each percent-decoded. The one reader of request targets.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace saqme::api {

struct Target {
  std::vector<std::string> parts;  // path segments
  std::map<std::string, std::string> query;
};

// Requires nothing (any bytes). Guarantees: the non-empty path segments between '/' and the
// first '?', and the query's `key=value` pairs split at '&' (a key without '=' has an empty
// value; a key given twice keeps its last value). "%41" is decoded, "+" is a space; a malformed
// "%zz" or a trailing "%" stays as it is. Never throws but for allocation.
Target Parse(std::string_view target);

}  // namespace saqme::api
