// The records office's control list (docs/api.md GET /v1/control/list): the documents a
// resolution put on control, with each one's standing — answered on time or late, open, or
// open past its due date — and the control report's figures over them (GET /v1/control,
// docs/workflows.md "Documents on control"). Read from the control register (projection/views.h).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "engine/engine.h"
#include "projection/control_figures.h"
#include "workflows/control_register.h"

namespace saqme::engine {

struct ControlListQuery {
  int year = 0;                // of registration
  std::optional<bool> closed;  // only answered (true) or only open (false); nullopt: all
  workflows::Date today;       // what "overdue" is measured against
  // Only documents whose lead executor passes; empty: every document.
  std::function<bool(const std::string& executor)> executor_in_scope;
};

// The controlled documents registered in `query.year`, in registration order, each the
// register's entry with `standing` ("on_time", "late", "open", "overdue") and `standing_ka`.
Result<boost::json::array> ControlList(const Engine& engine, const ControlListQuery& query);

// The figures of a list ControlList gave (ControlFiguresJson renders them).
workflows::ControlFigures FiguresOf(const boost::json::array& list);

}  // namespace saqme::engine
