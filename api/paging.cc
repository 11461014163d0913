#include "api/paging.h"

#include <charconv>

namespace saqme::api {

std::optional<uint64_t> WholeNumber(std::string_view text) {
  uint64_t value = 0;
  if (text.empty()) return std::nullopt;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<size_t> PageLimit(std::string_view text) {
  const auto limit = WholeNumber(text);
  if (!limit || *limit < 1 || *limit > kDefaultPageLimit) return std::nullopt;
  return static_cast<size_t>(*limit);
}

Result<Page> PageOf(const std::map<std::string, std::string>& query) {
  const Status bad = Status::Error(
      Status::Code::kInvalidArgument,
      "limit must be 1 to 1000 and cursor the next_cursor of the previous page (a whole number)",
      "limit უნდა იყოს 1-დან 1000-მდე, cursor კი წინა გვერდის next_cursor");
  Page page;
  if (auto it = query.find("cursor"); it != query.end()) {
    auto after = WholeNumber(it->second);
    if (!after) return bad;
    page.after = *after;
    page.asked = true;
  }
  if (auto it = query.find("limit"); it != query.end()) {
    auto limit = PageLimit(it->second);
    if (!limit) return bad;
    page.limit = *limit;
    page.asked = true;
  }
  return page;
}

boost::json::value TrimToPage(boost::json::array& items, const Page& page, const char* key) {
  if (page.limit == SIZE_MAX || items.size() <= page.limit) return nullptr;
  items.resize(page.limit);
  return boost::json::value(std::to_string(items.back().at(key).to_number<uint64_t>()));
}

boost::json::array Slice(const boost::json::array& all, const Page& page, const char* key,
                         boost::json::value* next) {
  boost::json::array out;
  for (const auto& item : all) {
    if (item.at(key).to_number<uint64_t>() <= page.after) continue;
    if (page.limit != SIZE_MAX && out.size() > page.limit) break;  // one over: more follow
    out.push_back(item);
  }
  *next = TrimToPage(out, page, key);
  return out;
}

}  // namespace saqme::api
