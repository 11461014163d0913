#include "api/outcome_json.h"

#include <capnp/serialize.h>

#include "model/event_json.h"
#include "model/event_walk.h"
#include "model/saqme.capnp.h"

namespace saqme::api {
namespace {

// A walk of model/event_walk.h written with the JsonWriter.
class TextOut {
 public:
  explicit TextOut(engine::JsonWriter& w) : w_(w) {}
  void BeginObject() { w_.BeginObject(); }
  void EndObject() { w_.EndObject(); }
  void BeginArray() { w_.BeginArray(); }
  void EndArray() { w_.EndArray(); }
  void Key(std::string_view key) { w_.Key(key); }
  void Null() { w_.Null(); }
  void Bool(bool value) { w_.Bool(value); }
  void Signed(int64_t value) { w_.Number(value); }
  void Unsigned(uint64_t value) { w_.Number(value); }
  void String(std::string_view value) { w_.String(value); }

 private:
  engine::JsonWriter& w_;
};

}  // namespace

boost::json::array EventsJson(const engine::Outcome& outcome) {
  boost::json::array out;
  for (const auto& words : outcome.events) {
    capnp::FlatArrayMessageReader reader(words);
    out.push_back(storage::EventToJson(reader.getRoot<schema::Event>()));
  }
  return out;
}

void WriteEventJson(schema::Event::Reader event, engine::JsonWriter& out) {
  TextOut text(out);
  storage::WalkEvent(event, text);
}

void WriteEventsJson(const engine::Outcome& outcome, engine::JsonWriter& out) {
  out.BeginArray();
  for (const auto& words : outcome.events) {
    capnp::FlatArrayMessageReader reader(words);
    WriteEventJson(reader.getRoot<schema::Event>(), out);
  }
  out.EndArray();
}

}  // namespace saqme::api
