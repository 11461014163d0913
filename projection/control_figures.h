// The control report's figures as the API and the annual report render them (docs/api.md
// GET /v1/control): a function of workflows::ControlFigures alone, so that replay/ renders them
// without the engine.
#pragma once

#include <boost/json/object.hpp>

#include "workflows/control_register.h"

namespace saqme::engine {

// {"controlled", "answered_on_time", "answered_late", "open", "open_overdue"}.
boost::json::object ControlFiguresJson(const workflows::ControlFigures& figures);

}  // namespace saqme::engine
