#include "api/inbox.h"

#include <algorithm>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>

#include "model/hex.h"
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

Result<InboxQuery> InboxQueryOf(const std::map<std::string, std::string>& parameters) {
  InboxQuery query;
  for (const auto& [key, value] : parameters) {
    if (key == "action") {
      if (!IsCommandType(value)) {
        return Status::Error(Status::Code::kInvalidArgument,
                             "action must be a command type, not '" + value + "'",
                             "action უნდა იყოს ბრძანების სახე და არა '" + value + "'");
      }
      query.action = value;
    } else if (key == "limit") {
      const auto limit = PageLimit(value);
      if (!limit) {
        return Status::Error(Status::Code::kInvalidArgument, "limit must be 1 to 1000",
                             "limit უნდა იყოს 1-დან 1000-მდე");
      }
      query.limit = *limit;
    } else if (key == "cursor") {
      // An order key (InboxPageCollector): '0' or '1' first, as its items have a due date.
      auto after = storage::FromHex(value);
      if (!after || after->empty() || ((*after)[0] != '0' && (*after)[0] != '1')) {
        return Status::Error(Status::Code::kInvalidArgument,
                             "cursor must be the next_cursor of the page before",
                             "cursor უნდა იყოს წინა გვერდის next_cursor");
      }
      query.after = std::move(*after);
    } else {
      return Status::Error(Status::Code::kInvalidArgument, "unknown parameter '" + key + "'",
                           "უცნობი პარამეტრი '" + key + "'");
    }
  }
  return query;
}

bool InboxPageCollector::Before(const Candidate& a, const Candidate& b) {
  return a.order < b.order;
}

InboxPageCollector::InboxPageCollector(InboxQuery query) : query_(std::move(query)) {}

Status InboxPageCollector::Offer(std::string_view key, std::string_view text,
                                 const std::string& acting_for) {
  auto keys = KeysOfInboxItem(text);
  if (!keys) {
    return Status::Error(Status::Code::kCorruption, "view_inbox holds bad JSON",
                         "შემოსულების ხედი დაზიანებულია");
  }
  if (!query_.action.empty() && keys->action != query_.action) return Status::Ok();
  ++total_;
  // Dated items first ('0' before '1'), then by date ("YYYY-MM-DD": of one length, and sorting as
  // the dates do), the caller's own before those it acts for, then by view key.
  std::string order;
  order.reserve(keys->due.size() + key.size() + 3);
  order += keys->due.empty() ? '1' : '0';
  order += keys->due;
  order += '/';
  order += acting_for.empty() ? '0' : '1';
  order += key;
  if (!query_.after.empty() && order <= query_.after) return Status::Ok();
  // One over the limit is kept, to know whether a page follows.
  if (heap_.size() > query_.limit) {
    if (order >= heap_.front().order) return Status::Ok();
    std::pop_heap(heap_.begin(), heap_.end(), Before);
    heap_.pop_back();
  }
  heap_.push_back({std::move(order), {std::string(text), acting_for, std::move(keys->due)}});
  std::push_heap(heap_.begin(), heap_.end(), Before);
  return Status::Ok();
}

std::vector<InboxItemText> InboxPageCollector::TakePage(std::string* next_cursor) {
  std::sort_heap(heap_.begin(), heap_.end(), Before);
  next_cursor->clear();
  if (heap_.size() > query_.limit) {
    heap_.resize(query_.limit);
    *next_cursor = storage::HexOf(heap_.back().order);
  }
  std::vector<InboxItemText> page;
  page.reserve(heap_.size());
  for (auto& candidate : heap_) page.push_back(std::move(candidate.item));
  heap_.clear();
  return page;
}

std::string InboxAnswerText(const std::string& post, const std::vector<InboxItemText>& items,
                            const workflows::Date& today, size_t total,
                            const std::string& next_cursor) {
  size_t bytes = post.size() + next_cursor.size() + 64;
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
  engine::JsonWriter rest(out);
  rest.Continue();
  rest.Field("total", static_cast<int64_t>(total));
  if (next_cursor.empty()) {
    rest.Key("next_cursor");
    rest.Null();
  } else {
    rest.Field("next_cursor", next_cursor);
  }
  out += '}';
  return out;
}

bool IsCommandType(const std::string& action) { return workflows::LabelOf(action) != nullptr; }

}  // namespace saqme::api
