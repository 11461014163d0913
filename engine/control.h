// The execution-control dashboard (docs/domain.md §7; docs/api.md GET /v1/control): per unit and post,
// the open proceedings, those due this week, the overdue, and the deadlines closed in the year
// on time and late. Read from the deadline index and the control view.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "engine/engine.h"

namespace saqme::engine {

// Which cases the dashboard lists beside its figures.
enum class Drill {
  kNone,     // figures only
  kOverdue,  // the open cases past their due date
  kDueSoon,  // the open cases due from today to Sunday (the `due_this_week` figure)
};

struct ControlQuery {
  std::string viewer;  // the asking post
  std::string unit;    // only this unit and the units under it; empty: every unit
  workflows::Date today;
  int year = 0;  // of the answered figures
  Drill drill = Drill::kNone;
};

// "overdue" / "due_soon" / "" (none); nullopt for any other word.
std::optional<Drill> DrillNamed(std::string_view name);

// Posts in scope are those the viewer may control: its own, those it supervises (reporting or
// delegated line) — also as the acting officer of an absent post that day — or every post for
// the records office (the register power: it reports on execution control, docs/domain.md §1).
// Unit rows carry their own posts' figures and `totals`, which add those of every unit under
// them; with a drill, every post row and unit row lists its cases of that kind (a unit's: those
// its totals count), each with registration number, subject, executor, due and days overdue or
// left. kNotFound for an unknown unit.
Result<boost::json::object> ControlDashboard(const Engine& engine, const workflows::OrgChart& org,
                                             const ControlQuery& query);

}  // namespace saqme::engine
