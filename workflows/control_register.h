// The control register (საკონტროლო რეესტრი): the documents a resolution put on control
// (კონტროლზე, AssignResolution.on_control), which the records office watches to their answer
// and reports on (docs/workflows.md, "Documents on control"). Pure: the standing of a document
// on a date, and the figures of a list of them.
#pragma once

#include <string>

#include "workflows/calendar/date.h"

namespace saqme::workflows {

enum class ControlStanding {
  kOnTime,   // answered no later than its due date
  kLate,     // answered after it
  kOpen,     // not answered, the due date not passed
  kOverdue,  // not answered, the due date passed
};

// `answered_on` empty: not answered yet. A due date that does not parse counts as not passed.
ControlStanding StandingOf(const std::string& due, const std::string& answered_on,
                           const Date& today);
// "on_time", "late", "open", "overdue".
const char* StandingName(ControlStanding standing);
// The same in Georgian, as the printed control list says it.
const char* StandingNameKa(ControlStanding standing);

// The control report: how many were controlled and how each stands.
struct ControlFigures {
  int controlled = 0, answered_on_time = 0, answered_late = 0, open = 0, open_overdue = 0;

  void Count(ControlStanding standing);
  bool operator==(const ControlFigures&) const = default;
};

}  // namespace saqme::workflows
