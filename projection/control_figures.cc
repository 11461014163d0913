#include "projection/control_figures.h"

namespace saqme::engine {

boost::json::object ControlFiguresJson(const workflows::ControlFigures& f) {
  return {{"controlled", f.controlled},
          {"answered_on_time", f.answered_on_time},
          {"answered_late", f.answered_late},
          {"open", f.open},
          {"open_overdue", f.open_overdue}};
}

}  // namespace saqme::engine
