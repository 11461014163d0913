// Live views and a rebuild from the log, in the same comparable form.
#pragma once

#include "engine/engine.h"
#include "replay/view_rebuild.h"

namespace saqme::testing {

inline replay::ViewSetup SetupOf(const engine::Engine& engine) {
  const auto& options = engine.options();
  return replay::ViewSetup{options.org, options.calendar, options.watch_policy};
}

// Every view rebuilt from `engine`'s log alone.
inline replay::ViewMap RebuiltViews(engine::Engine& engine) {
  auto rebuilt = replay::Rebuild(engine.log(), SetupOf(engine));
  return rebuilt.ok() ? rebuilt.value()->ToMap() : replay::ViewMap{{"error", {}}};
}

inline replay::ViewMap LiveViews(engine::Engine& engine) { return replay::LiveViews(engine.log()); }

}  // namespace saqme::testing
