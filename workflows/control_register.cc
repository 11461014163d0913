#include "workflows/control_register.h"

#include "workflows/deadline_closing.h"

namespace saqme::workflows {

ControlStanding StandingOf(const std::string& due, const std::string& answered_on,
                           const Date& today) {
  if (!answered_on.empty()) {
    return InTime(answered_on, due) ? ControlStanding::kOnTime : ControlStanding::kLate;
  }
  const auto date = Date::Parse(due);
  return date && *date < today ? ControlStanding::kOverdue : ControlStanding::kOpen;
}

namespace {

struct StandingNames {
  const char* name;
  const char* name_ka;
};

// In the order of ControlStanding.
constexpr StandingNames kStandingNames[] = {
    {"on_time", "შესრულდა ვადაში"},
    {"late", "შესრულდა ვადის დარღვევით"},
    {"open", "შესრულების პროცესშია"},
    {"overdue", "ვადაგადაცილებულია"},
};

}  // namespace

const char* StandingName(ControlStanding standing) {
  return kStandingNames[static_cast<int>(standing)].name;
}

const char* StandingNameKa(ControlStanding standing) {
  return kStandingNames[static_cast<int>(standing)].name_ka;
}

void ControlFigures::Count(ControlStanding standing) {
  ++controlled;
  switch (standing) {
    case ControlStanding::kOnTime:
      ++answered_on_time;
      break;
    case ControlStanding::kLate:
      ++answered_late;
      break;
    case ControlStanding::kOpen:
      ++open;
      break;
    case ControlStanding::kOverdue:
      ++open;
      ++open_overdue;
      break;
  }
}

}  // namespace saqme::workflows
