#include "api/outcome_json.h"

#include <capnp/serialize.h>

#include "model/event_json.h"
#include "model/saqme.capnp.h"

namespace saqme::api {

boost::json::array EventsJson(const engine::Outcome& outcome) {
  boost::json::array out;
  for (const auto& words : outcome.events) {
    capnp::FlatArrayMessageReader reader(words);
    out.push_back(storage::EventToJson(reader.getRoot<schema::Event>()));
  }
  return out;
}

}  // namespace saqme::api
