#include "workflows/deadline_closing.h"

namespace saqme::workflows {

bool InTime(const std::string& on, const std::string& due) { return due.empty() || on <= due; }

bool PeriodOver(const std::string& on, const std::string& last_day) {
  return !last_day.empty() && !InTime(on, last_day);
}

DeadlineClosing ClosingOf(const OpenDeadline& before, const CaseState& after,
                          const std::string& closed_on) {
  if (before.due.empty() || !OpenDeadlineOf(after).due.empty() || after.stage == Stage::kVoid) {
    return DeadlineClosing::kNone;
  }
  if (after.stage == Stage::kNoted) return DeadlineClosing::kNoted;
  return InTime(closed_on, before.due) ? DeadlineClosing::kOnTime : DeadlineClosing::kLate;
}

const char* ClosingCountName(DeadlineClosing closing) {
  switch (closing) {
    case DeadlineClosing::kOnTime:
      return "answered_on_time";
    case DeadlineClosing::kLate:
      return "answered_late";
    case DeadlineClosing::kNoted:
      return "noted";
    case DeadlineClosing::kNone:
      break;
  }
  return "";
}

}  // namespace saqme::workflows
