// How a closed deadline counts in the control counts of the post that answered for it (the
// control view, docs/views.md; docs/workflows.md "Documents on control"). Pure: the projection
// asks it for each event and adds one to the count it names.
#pragma once

#include <string>

#include "workflows/case_state.h"

namespace saqme::workflows {

enum class DeadlineClosing {
  kNone,    // no deadline closed, or one that is not counted
  kOnTime,  // answered (redirected, completed) on or before the due date
  kLate,    // after it
  kNoted,   // taken note of: closed without an answer, neither on time nor late
};

// Whether what was done on `on` was done in time for `due` (both YYYY-MM-DD, Tbilisi): on or
// before the due date, a period ending with the end of its last day (Civil Code of Georgia,
// rules on periods; docs/domain.md §6). No due date: in time.
bool InTime(const std::string& on, const std::string& due);

// Whether a period (a deadline, a reporting period) whose last day is `last_day` is over on `on`
// (both YYYY-MM-DD): the day after its last day, as InTime counts it. No last day: never over.
bool PeriodOver(const std::string& on, const std::string& last_day);

// What the event that turned a case with open deadline `before` into `after` did to it, the
// event having occurred on `closed_on` (YYYY-MM-DD, Tbilisi).
// Guarantees: kNone unless `before` ran and `after` runs none; a void registration is never
// counted (it was no document to answer); a case taken note of is kNoted. Otherwise on time
// when closed InTime.
DeadlineClosing ClosingOf(const OpenDeadline& before, const CaseState& after,
                          const std::string& closed_on);

// The control view's count that `closing` adds one to: "answered_on_time", "answered_late",
// "noted". Requires closing != kNone.
const char* ClosingCountName(DeadlineClosing closing);

}  // namespace saqme::workflows
