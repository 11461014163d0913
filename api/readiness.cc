#include "api/readiness.h"

namespace saqme::api {

Readiness ReadinessOf(const engine::Engine& engine, bool shutting_down) {
  if (shutting_down) {
    return {false, "saqme is shutting down", "სისტემა ჩერდება, სცადეთ მოგვიანებით"};
  }
  // A fixed reason: /ready answers anyone, and the storage error names files of the server.
  // The command that met the failure was answered with the whole cause.
  if (engine.Accepting().ok()) return {};
  // Served read-only for inspection (saqme serve --read-only): why, in the engine's words.
  if (const Status& why = engine.read_only(); !why.ok()) {
    return {false, why.message(), why.message_ka()};
  }
  return {false,
          "commands are not accepted: writing to the log failed (or the engine is stopping); "
          "saqme accepts no writes until it is restarted",
          "ბრძანებები არ მიიღება: ჟურნალში ჩაწერა ვერ მოხერხდა (ან სისტემა ჩერდება); საჭიროა "
          "გადატვირთვა"};
}

boost::json::object ReadinessJson(const Readiness& readiness) {
  if (readiness.ready) return {{"ready", true}};
  return {{"ready", false}, {"reason", readiness.reason}, {"reason_ka", readiness.reason_ka}};
}

}  // namespace saqme::api
