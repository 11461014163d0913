#include "api/inbox.h"

#include <algorithm>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include "projection/json_writer.h"
#include "workflows/command_labels.h"

namespace saqme::api {

std::optional<InboxItemKeys> KeysOfInboxItem(std::string_view text) {
  // Parsed into a buffer of this call's own, released with it: an item is a few hundred bytes.
  unsigned char buffer[4096];
  boost::json::monotonic_resource memory(buffer, sizeof(buffer));
  boost::system::error_code error;
  auto value = boost::json::parse(text, error, &memory);
  if (error || !value.is_object()) return std::nullopt;
  auto text_of = [&](const char* key) {
    const auto* field = value.as_object().if_contains(key);
    return field && field->is_string() ? std::string(field->as_string()) : std::string();
  };
  return InboxItemKeys{text_of("due"), text_of("action")};
}

std::string InboxAnswerText(const std::string& post, std::vector<InboxItemText> items,
                            const workflows::Date& today) {
  std::stable_sort(items.begin(), items.end(), [](const InboxItemText& a, const InboxItemText& b) {
    if (a.due.empty() || b.due.empty()) return !a.due.empty() && b.due.empty();
    return a.due < b.due;  // "YYYY-MM-DD" sorts as the dates do
  });
  size_t bytes = post.size() + 32;
  for (const auto& item : items) bytes += item.text.size() + item.acting_for.size() + 64;
  std::string out;
  out.reserve(bytes);
  engine::JsonWriter answer(out);
  answer.BeginObject();
  answer.Field("post", post);
  answer.Key("items");
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    const InboxItemText& item = items[i];
    if (i > 0) out += ',';
    // The stored object without its closing brace, then the keys of the day.
    out.append(item.text, 0, item.text.size() - 1);
    engine::JsonWriter w(out);
    if (item.text != "{}") w.Continue();
    if (!item.acting_for.empty()) w.Field("acting_for", item.acting_for);
    if (const auto due = workflows::Date::Parse(item.due)) {
      const int64_t days = due->DaysSinceEpoch() - today.DaysSinceEpoch();
      w.Field("days_left", days);
      w.Field("overdue", days < 0);
    } else {
      w.Key("days_left");
      w.Null();
      w.Field("overdue", false);
    }
    out += '}';
  }
  out += ']';
  out += '}';
  return out;
}

bool IsCommandType(const std::string& action) { return workflows::LabelOf(action) != nullptr; }

}  // namespace saqme::api
