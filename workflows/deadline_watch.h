// The deadline watch (docs/domain.md §7): what happens to a case as its due date comes and goes —
// reminders to the executor before it, the miss the day after it, escalations up the
// supervision line while it stays open — and a due date moved by a government-declared day off.
//
// Pure like every workflow: the engine's watcher asks, on the dates NextWatchDate names, and
// records what WatchDeadline decides as ordinary events of the case. Each step is sent once per
// due date (the case's DeadlineWatchState remembers), so a second tick, a restart or clock
// jitter decides nothing new.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workflows/proceeding.h"

namespace saqme::workflows {

// Municipal policy (docs/domain.md §7 gives the defaults; a body may set its own).
struct WatchPolicy {
  // Reminders to the executor this many working days before the due date, largest first.
  std::vector<int> approach_working_days{3, 1};
  // An open deadline escalates one level up the supervision line after this many working days
  // overdue, and again after each further period, up to the head of the body.
  int escalate_every_working_days = 3;

  // "approach=3,1;escalate=3" (either part may be omitted). kInvalidArgument says what is wrong.
  static Result<WatchPolicy> Parse(std::string_view text);
  std::string ToString() const;
};

// Who is alerted at each level for a deadline `responsible` answers for: [0] the unit head of
// `responsible` (or, for a unit head, the post above), then one post up at a time — the
// delegated supervision line first where there is one (Ozurgeti: the deputy head supervises
// the divisions on the head's instruction) — ending with the head of the body. Empty for the
// head of the body itself.
std::vector<std::string> AlertLine(const OrgChart& org, const std::string& responsible);

// The first date on which the watch has something to do for `state` (a reminder, the miss, an
// escalation), or nullopt when nothing more will happen (no open deadline, or escalated to the
// top). WatchDeadline on that date or later decides at least one event.
std::optional<Date> NextWatchDate(const CaseState& state, const OrgChart& org,
                                  const HolidayCalendar& calendar, const WatchPolicy& policy);

// The watch steps due on `context.today`: at most one reminder (the nearest applicable), or the
// miss and every escalation whose date has come. Each names the rule, the due date and who was
// alerted — the post exercising each recipient's functions that day, with acting_for when it
// acts for an absent one. Empty when nothing is due. The actor is the context's (the watcher).
std::vector<storage::EventDraft> WatchDeadline(const CaseState& state, const Context& context,
                                               const WatchPolicy& policy);

// A day off was declared on `day_off` (already in `context.calendar`): when the case's open
// deadline ends on it, the deadline moves to the next working day (Civil Code of Georgia, rules
// on periods) — one DeadlineRecomputed event; otherwise none. Deadlines are calendar-day or
// month periods or fixed dates, so only a due date on the day itself is touched.
std::vector<storage::EventDraft> RecomputeForDayOff(const CaseState& state, const Context& context,
                                                    const Date& day_off, const std::string& name,
                                                    const std::string& declared_by);

// A day off was withdrawn on `day` (already gone from `context.calendar`): when the case's open
// deadline is one that declared days off moved (CaseState::day_off_move) past `day`, it moves
// back to where the period ends without it — its date before the moves when that is a working
// day again; when it is an incoming document's statutory deadline counted over `day` at
// registration and unchanged since, it is counted again from the registration — in one
// DeadlineRecomputed event; otherwise none.
std::vector<storage::EventDraft> RecomputeForWithdrawal(const CaseState& state,
                                                        const Context& context, const Date& day,
                                                        const std::string& reason,
                                                        const std::string& withdrawn_by);

// The source text of every day off declared in the calendar case, as deadline explanations
// quote it (HolidayCalendar::WhyNotWorking).
inline constexpr char kDeclaredDayOffSource[] = "declared day off / გამოცხადებული დასვენების დღე";

// Whether `event` changes the calendar: a day off declared or withdrawn.
bool ChangesCalendar(schema::Event::Reader event);
// The one place a calendar event reaches a calendar — the engine's, a projection's, a rebuild's
// and the one read from the log at start-up — so that each computes the same deadlines with the
// same explanations: a declared day off is added under kDeclaredDayOffSource, a withdrawn one
// removed. True when the calendar changed; false for any other event, or for a day already as
// the event would make it (e.g. a newer base calendar).
bool ApplyToCalendar(HolidayCalendar& calendar, schema::Event::Reader event);

// acknowledge_alert: the alert must be one of this case's and the actor one of its recipients.
Decision Acknowledge(const CaseState& state, schema::AcknowledgeAlert::Reader command,
                     const Context& context);

// declare_day_off on the calendar case (docs/domain.md §6: the Government declares additional days
// off, which apply to administrative bodies): needs the power declare_days_off; the date must be
// a working day, today or later, and the name must say what declares it.
Decision DeclareDayOff(const CaseState& state, schema::DeclareDayOff::Reader command,
                       const Context& context);

// withdraw_day_off on the calendar case: needs the power declare_days_off; the date must be one
// declared in this case and not yet past, and the reason must say what withdraws it.
Decision WithdrawDayOff(const CaseState& state, schema::WithdrawDayOff::Reader command,
                        const Context& context);

// Applies the watch's and the calendar's events; false for any other payload.
bool EvolveWatch(CaseState& state, schema::Event::Reader event);

}  // namespace saqme::workflows
