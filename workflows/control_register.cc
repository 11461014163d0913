#include "workflows/control_register.h"

namespace saqme::workflows {

ControlStanding StandingOf(const std::string& due, const std::string& answered_on,
                           const Date& today) {
  if (!answered_on.empty()) {
    return due.empty() || answered_on <= due ? ControlStanding::kOnTime : ControlStanding::kLate;
  }
  const auto date = Date::Parse(due);
  return date && *date < today ? ControlStanding::kOverdue : ControlStanding::kOpen;
}

const char* StandingName(ControlStanding standing) {
  switch (standing) {
    case ControlStanding::kOnTime:
      return "on_time";
    case ControlStanding::kLate:
      return "late";
    case ControlStanding::kOpen:
      return "open";
    case ControlStanding::kOverdue:
      return "overdue";
  }
  return "open";
}

const char* StandingNameKa(ControlStanding standing) {
  switch (standing) {
    case ControlStanding::kOnTime:
      return "შესრულდა ვადაში";
    case ControlStanding::kLate:
      return "შესრულდა ვადის დარღვევით";
    case ControlStanding::kOpen:
      return "შესრულების პროცესშია";
    case ControlStanding::kOverdue:
      return "ვადაგადაცილებულია";
  }
  return "შესრულების პროცესშია";
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
