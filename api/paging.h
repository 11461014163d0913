// Pages of a list (docs/api.md: journals, history and case lists take `limit` and `cursor` and
// answer `next_cursor`). A list is in the order of a whole-number key of its items (a journal
// entry's number, an event's version); the cursor is the key of the last item served, so a page
// holds what follows it and items added meanwhile never shift the pages.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include "model/status.h"

namespace saqme::api {

// "42" -> 42; nullopt for anything but decimal digits that fit.
std::optional<uint64_t> WholeNumber(std::string_view text);

// The page a list route serves when no limit is asked (a journal's JSON), and the most any asks.
inline constexpr size_t kDefaultPageLimit = 1000;

// "1" to "1000" -> that many; nullopt for anything else (the limit a paged list takes).
std::optional<size_t> PageLimit(std::string_view text);

struct Page {
  uint64_t after = 0;       // the cursor: items with a greater key (0: from the start)
  size_t limit = SIZE_MAX;  // at most this many (SIZE_MAX: all the rest)
  bool asked = false;       // limit or cursor was given
};

// The page `query` asks for: ?limit= 1 to 1000, ?cursor= a whole number. kInvalidArgument
// otherwise, in Georgian and English.
Result<Page> PageOf(const std::map<std::string, std::string>& query);

// The items of `all` after the cursor, by their whole-number `key`, at most the limit; sets
// `next` to the cursor of the following page, or null when nothing follows.
boost::json::array Slice(const boost::json::array& all, const Page& page, const char* key,
                         boost::json::value* next);

// For a list read one over the limit (at most page.limit + 1 items after the cursor): drops the
// extra item and answers the next cursor, or null when nothing follows.
boost::json::value TrimToPage(boost::json::array& items, const Page& page, const char* key);

}  // namespace saqme::api
