// The workflow of every proceeding: decide(state, command, context) -> events | refusal and
// evolve(state, event) -> state. Pure: no I/O, no clock; time and the organisation come in the
// Context. A refusal writes nothing. Each kind's rules live in its own file (incoming/*.cc,
// legal_act.cc, assignment.cc, nomenclature.cc), with the legal source beside each rule.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/event_codec.h"
#include "model/saqme.capnp.h"
#include "workflows/calendar/holiday_calendar.h"
#include "workflows/case_state.h"
#include "workflows/deadline_table.h"
#include "workflows/org/org_chart.h"
#include "workflows/refusal.h"

namespace saqme::workflows {

// What the engine's views say of a legal act's case, for a command that refers to that act
// (amend, repeal: `by_act`).
struct ActFacts {
  std::string state;        // StageName: "in_force", "published", "repealed", ...
  std::string in_force_on;  // "YYYY-MM-DD", empty when not yet known
  std::string act_type;     // "order", "ordinance", ...
  std::string number;       // its registration number, empty before registration
  std::string issuer;       // post id of its issuer
};

// A nomenclature file as `file` sees it (Context::in_nomenclature).
enum class FileStatus { kAbsent, kOpen, kArchived };

struct Context {
  std::string actor_post;    // the authenticated post (never a field of the command)
  std::string actor_person;  // who holds it
  Date today;                // Tbilisi date of the decision
  int64_t now_ms = 0;        // business time of the events
  const OrgChart* org = nullptr;
  const HolidayCalendar* calendar = nullptr;
  const DeadlineTable* deadlines = nullptr;
  // The next registration number of `journal` ("incoming", "outgoing", "postal",
  // "acts-order", ...) in `year`; the engine answers from its journals. Each call of one
  // decision takes a number (a second answers the number after the first); a context for
  // reads (allowed actions) answers without taking.
  std::function<std::string(std::string_view journal, int year)> next_number;
  // Whether `code` is a file of the approved nomenclature of `year`, and if so whether it is
  // still open for filing or already handed to the archive.
  std::function<FileStatus(int year, std::string_view code)> in_nomenclature;
  // The legal act of case `case_id`; nullopt when there is no such case or it is not a legal
  // act. May be empty (then every act is unknown).
  std::function<std::optional<ActFacts>(std::string_view case_id)> legal_act;
  // The case that already holds `post`'s obligation to make `report` for `period` (a
  // require_report accepted before, under any command id), or nullopt. May be empty (then no
  // earlier obligation is known): it is answered where an index of the obligations is kept.
  std::function<std::optional<std::string>(std::string_view post, std::string_view report,
                                           std::string_view period)>
      required_report;
};

using Decision = std::variant<std::vector<storage::EventDraft>, Refusal>;

// Requires every Context member set. Never throws for bad command data: it refuses.
Decision Decide(const CaseState& state, schema::Command::Reader command, const Context& context);

// Applies one event (of this case, in order). Unknown payloads (from a newer build) only advance
// the version.
void Evolve(CaseState& state, schema::Event::Reader event);

// The command's type as docs/api.md names it ("assign_resolution").
std::string CommandName(schema::Command::Reader command);

// Whether the command opens a new case (register_incoming, draft_letter, draft_act,
// issue_assignment, approve_nomenclature, declare_day_off, convene_session, submit_petition,
// issue_oral_act, register_certificate, register_business_trip, submit_memo, require_report).
// approve_nomenclature and declare_day_off also act on their
// existing case: the year's nomenclature, the calendar. By union member or by docs/api.md name.
bool OpensCase(schema::Command::Which which);
bool OpensCase(std::string_view command_name);

}  // namespace saqme::workflows
