#include "model/event_json.h"

#include <unordered_map>
#include <vector>

#include <boost/json/array.hpp>

#include "model/event_walk.h"

namespace saqme::storage {
namespace {

// Builds the boost::json value of a walk (model/event_walk.h): the open objects and arrays on a
// stack, each value added to the innermost with the key before it.
class ValueBuilder {
 public:
  void BeginObject() { open_.emplace_back(boost::json::object()); }
  void BeginArray() { open_.emplace_back(boost::json::array()); }
  void EndObject() { Close(); }
  void EndArray() { Close(); }
  void Key(std::string_view key) { keys_.emplace_back(key); }
  void Null() { Add(nullptr); }
  void Bool(bool value) { Add(value); }
  void Signed(int64_t value) { Add(value); }
  void Unsigned(uint64_t value) { Add(value); }
  void String(std::string_view value) { Add(boost::json::string(value)); }

  boost::json::value& result() { return result_; }

 private:
  void Close() {
    boost::json::value closed = std::move(open_.back());
    open_.pop_back();
    Add(std::move(closed));
  }
  void Add(boost::json::value value) {
    if (open_.empty()) {
      result_ = std::move(value);
    } else if (auto* object = open_.back().if_object()) {
      (*object)[keys_.back()] = std::move(value);
      keys_.pop_back();
    } else {
      open_.back().as_array().push_back(std::move(value));
    }
  }

  std::vector<boost::json::value> open_;
  std::vector<std::string> keys_;  // of the values not yet added, innermost last
  boost::json::value result_;
};

}  // namespace

std::string SnakeCase(const std::string& camel) {
  std::string out;
  for (char c : camel) {
    if (c >= 'A' && c <= 'Z') {
      out.push_back('_');
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

const std::string& SchemaName(capnp::Text::Reader name) {
  thread_local std::unordered_map<const char*, std::string> names;
  auto [it, inserted] = names.try_emplace(name.cStr());
  if (inserted) it->second = SnakeCase(name.cStr());
  return it->second;
}

boost::json::object EventToJson(schema::Event::Reader event) {
  ValueBuilder builder;
  WalkEvent(event, builder);
  return std::move(builder.result().as_object());
}

}  // namespace saqme::storage
