// The execution-control dashboard (DOMAIN.md §7; API.md GET /v1/control): per unit and post,
// the open proceedings, those due this week, the overdue, and the deadlines closed in the year
// on time and late. Read from the deadline index and the control view.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "engine/engine.h"

namespace saqme::engine {

struct ControlQuery {
  std::string viewer;  // the asking post
  std::string unit;    // only this unit and the units under it; empty: every unit
  workflows::Date today;
  int year = 0;  // of the answered figures
};

// Posts in scope are those the viewer may control: its own, those it supervises (reporting or
// delegated line) — also as the acting officer of an absent post that day — or every post for
// the records office (the register power: it reports on execution control, DOMAIN.md §1).
// kNotFound for an unknown unit.
Result<boost::json::object> ControlDashboard(const Engine& engine, const workflows::OrgChart& org,
                                             const ControlQuery& query);

}  // namespace saqme::engine
