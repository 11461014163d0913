#include "model/event_json.h"

#include <capnp/dynamic.h>
#include <boost/json/array.hpp>

#include "model/event_codec.h"
#include "model/tbilisi_time.h"

namespace saqme::storage {
namespace {

std::string Hex(capnp::Data::Reader data) {
  return HexOf(std::string_view(reinterpret_cast<const char*>(data.begin()), data.size()));
}

boost::json::value ToJson(capnp::DynamicValue::Reader value);

boost::json::object StructToJson(capnp::DynamicStruct::Reader reader) {
  boost::json::object out;
  auto schema = reader.getSchema();
  for (auto field : schema.getNonUnionFields()) {
    out[SnakeCase(field.getProto().getName())] = ToJson(reader.get(field));
  }
  KJ_IF_MAYBE (field, reader.which()) {
    out[SnakeCase(field->getProto().getName())] = ToJson(reader.get(*field));
  }
  return out;
}

boost::json::value ToJson(capnp::DynamicValue::Reader value) {
  switch (value.getType()) {
    case capnp::DynamicValue::VOID:
      return nullptr;
    case capnp::DynamicValue::BOOL:
      return value.as<bool>();
    case capnp::DynamicValue::INT:
      return value.as<int64_t>();
    case capnp::DynamicValue::UINT:
      return value.as<uint64_t>();
    case capnp::DynamicValue::FLOAT:
      return value.as<double>();
    case capnp::DynamicValue::TEXT:
      return boost::json::string(value.as<capnp::Text>().cStr());
    case capnp::DynamicValue::DATA:
      return boost::json::string(Hex(value.as<capnp::Data>()));
    case capnp::DynamicValue::LIST: {
      boost::json::array out;
      for (auto element : value.as<capnp::DynamicList>()) out.push_back(ToJson(element));
      return out;
    }
    case capnp::DynamicValue::ENUM: {
      KJ_IF_MAYBE (enumerant, value.as<capnp::DynamicEnum>().getEnumerant()) {
        return boost::json::string(SnakeCase(enumerant->getProto().getName()));
      }
      return value.as<capnp::DynamicEnum>().getRaw();  // an enumerant newer than this build
    }
    case capnp::DynamicValue::STRUCT:
      return StructToJson(value.as<capnp::DynamicStruct>());
    default:
      return nullptr;  // capabilities and AnyPointer do not occur in the schema
  }
}

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

boost::json::object EventToJson(schema::Event::Reader event) {
  boost::json::object out;
  out["seq"] = event.getSeq();
  out["case_id"] = event.getCaseId().cStr();
  out["version"] = event.getCaseVersion();
  auto payload = capnp::toDynamic(event.getPayload());
  std::string type = "unknown";  // a payload added by a newer build
  boost::json::value data = boost::json::object();
  KJ_IF_MAYBE (field, payload.which()) {
    type = SnakeCase(field->getProto().getName());
    data = ToJson(payload.get(*field));
  }
  out["type"] = type;
  out["occurred_at"] = FormatTbilisiTime(event.getOccurredAt());
  out["recorded_at"] = FormatTbilisiTime(event.getRecordedAt());
  out["actor"] = {{"post", event.getActor().getPost().cStr()},
                  {"person", event.getActor().getPerson().cStr()}};
  out["acting_for"] = event.getActingFor().cStr();
  out["command_id"] = event.getCommandId().cStr();
  out["prev_hash"] = Hex(event.getPrevHash());
  out["hash"] = Hex(event.getHash());
  out["data"] = std::move(data);
  return out;
}

}  // namespace saqme::storage
