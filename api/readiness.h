// Readiness: whether the server takes commands now — GET /ready and the saqme_ready gauge
// (docs/api.md, docs/reliability.md). /health answers liveness only: a server stopped after a
// failed write is alive (it serves reads) but not ready.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "engine/engine.h"

namespace saqme::api {

struct Readiness {
  bool ready = true;
  std::string reason, reason_ka;  // why not, in English and Georgian (empty when ready)
};

// Not ready while `shutting_down` (the server got SIGTERM) or while the engine refuses commands
// (stopped after a failed write, until a restart); else ready.
Readiness ReadinessOf(const engine::Engine& engine, bool shutting_down);

// {"ready": true} or {"ready": false, "reason", "reason_ka"}.
boost::json::object ReadinessJson(const Readiness& readiness);

}  // namespace saqme::api
