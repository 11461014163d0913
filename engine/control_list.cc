#include "engine/control_list.h"

#include <algorithm>
#include <charconv>

#include "engine/view_reader.h"

namespace saqme::engine {
namespace {

// The sequence number at the end of a registration number ("incoming/2026/17" -> 17).
uint64_t NumberOf(const boost::json::object& entry) {
  const auto* value = entry.if_contains("registration_number");
  if (!value || !value->is_string()) return 0;
  const std::string_view text = value->as_string();
  const size_t slash = text.rfind('/');
  const std::string_view tail = slash == std::string_view::npos ? text : text.substr(slash + 1);
  uint64_t number = 0;
  std::from_chars(tail.data(), tail.data() + tail.size(), number);
  return number;
}

std::string Field(const boost::json::object& entry, const char* key) {
  const auto* value = entry.if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

}  // namespace

Result<boost::json::array> ControlList(const Engine& engine, const ControlListQuery& query) {
  auto stored = ViewReader(engine.log()).ControlRegister(query.year);
  if (!stored.ok()) return stored.status();
  boost::json::array list;
  for (auto& value : stored.value()) {
    auto& entry = value.as_object();
    if (query.executor_in_scope && !query.executor_in_scope(Field(entry, "executor"))) continue;
    const auto standing =
        workflows::StandingOf(Field(entry, "due"), Field(entry, "answered_on"), query.today);
    const bool closed = standing == workflows::ControlStanding::kOnTime ||
                        standing == workflows::ControlStanding::kLate;
    if (query.closed && *query.closed != closed) continue;
    entry["standing"] = workflows::StandingName(standing);
    entry["standing_ka"] = workflows::StandingNameKa(standing);
    list.push_back(std::move(value));
  }
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return NumberOf(a.as_object()) < NumberOf(b.as_object());
  });
  return list;
}

workflows::ControlFigures FiguresOf(const boost::json::array& list) {
  workflows::ControlFigures figures;
  for (const auto& value : list) {
    const std::string standing = Field(value.as_object(), "standing");
    figures.Count(standing == "on_time"   ? workflows::ControlStanding::kOnTime
                  : standing == "late"    ? workflows::ControlStanding::kLate
                  : standing == "overdue" ? workflows::ControlStanding::kOverdue
                                          : workflows::ControlStanding::kOpen);
  }
  return figures;
}

}  // namespace saqme::engine
