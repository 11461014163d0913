#include "api/inbox.h"

#include <algorithm>
#include <string_view>

#include "workflows/command_labels.h"

namespace saqme::api {
namespace {

std::string_view DueOf(const boost::json::value& item) {
  const auto* due = item.as_object().if_contains("due");
  return due && due->is_string() ? std::string_view(due->as_string()) : std::string_view();
}

}  // namespace

void DateInbox(boost::json::array& items, const workflows::Date& today) {
  std::stable_sort(items.begin(), items.end(),
                   [](const boost::json::value& a, const boost::json::value& b) {
                     const std::string_view x = DueOf(a), y = DueOf(b);
                     if (x.empty() || y.empty()) return !x.empty() && y.empty();
                     return x < y;  // "YYYY-MM-DD" sorts as the dates do
                   });
  for (auto& value : items) {
    auto& item = value.as_object();
    const auto due = workflows::Date::Parse(DueOf(value));
    if (due) {
      const int64_t days = due->DaysSinceEpoch() - today.DaysSinceEpoch();
      item["days_left"] = days;
      item["overdue"] = days < 0;
    } else {
      item["days_left"] = nullptr;
      item["overdue"] = false;
    }
  }
}

bool IsCommandType(const std::string& action) { return workflows::LabelOf(action) != nullptr; }

}  // namespace saqme::api
