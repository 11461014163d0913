// Fuzz target: a request target as every route reads it (api/target: path segments and query,
// percent-decoded), then the paging of lists (api/paging: ?limit=, ?cursor=, WholeNumber) over a
// list of as many items as the input is long.
// Invariants: no empty path segment; a page is 1 to 1000 items or the rest, or a bilingual
// kInvalidArgument; WholeNumber accepts only decimal digits, which print back to the same number;
// a page holds only items after its cursor, in order, at most its limit, and its next cursor is
// its last item exactly when more follow.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/paging.h"
#include "api/target.h"
#include "fuzz/fuzz_check.h"

using saqme::fuzz::Require;

namespace {

void CheckWholeNumber(const std::string& text) {
  auto number = saqme::api::WholeNumber(text);
  if (!number) return;
  Require(!text.empty() && text.find_first_not_of("0123456789") == std::string::npos,
          "WholeNumber accepted a text that is not digits");
  Require(std::to_string(*number) ==
              text.substr(std::min(text.find_first_not_of('0'), text.size() - 1)),
          "WholeNumber read another number than the text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const saqme::api::Target target = saqme::api::Parse(text);
  for (const auto& part : target.parts) Require(!part.empty(), "an empty path segment");
  Require(target.parts.size() <= size, "more segments than bytes");
  for (const auto& [key, value] : target.query) {
    CheckWholeNumber(key);
    CheckWholeNumber(value);
  }

  auto page = saqme::api::PageOf(target.query);
  if (!page.ok()) {
    saqme::fuzz::RequireRefusal(page.status(), "PageOf");
    return 0;
  }
  Require(page->limit == SIZE_MAX || (page->limit >= 1 && page->limit <= 1000),
          "a limit outside 1 to 1000");
  Require(page->asked == (target.query.count("limit") || target.query.count("cursor")),
          "asked does not say whether limit or cursor was given");

  // A list keyed 1..n (n = the input's length, at most 2000): what Slice serves of it.
  const uint64_t n = std::min<size_t>(size, 2000);
  boost::json::array all;
  for (uint64_t key = 1; key <= n; ++key) all.push_back(boost::json::object{{"number", key}});
  boost::json::value next;
  boost::json::array served = saqme::api::Slice(all, page.value(), "number", &next);
  const uint64_t rest = page->after >= n ? 0 : n - page->after;  // after + 1 may wrap
  const uint64_t first = page->after + 1;
  const uint64_t expected = page->limit == SIZE_MAX ? rest : std::min<uint64_t>(rest, page->limit);
  Require(served.size() == expected, "a page of the wrong size");
  for (size_t i = 0; i < served.size(); ++i) {
    Require(served[i].at("number").to_number<uint64_t>() == first + i, "a page out of order");
  }
  if (expected < rest) {
    Require(next.is_string() && next.as_string() == std::to_string(first + expected - 1),
            "more items follow but the next cursor is not the last one served");
  } else {
    Require(next.is_null(), "a next cursor though nothing follows");
  }
  return 0;
}
