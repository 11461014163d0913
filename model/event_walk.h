// One walk over an event for each JSON form of it (model/event_json.h): the object EventToJson
// builds and the text an answer writes straight into its body are the same walk, so they cannot
// drift apart.
//
// The walk calls `out` in document order: BeginObject(), Key(name), EndObject(), BeginArray(),
// EndArray(), Null(), Bool(b), Signed(i), Unsigned(u), String(text) — the envelope's keys in
// their order, then `data`, the payload by reflection: non-union fields in schema order, the
// union's member last, names in snake_case, enumerants by name (one newer than this build by
// number), Data as lowercase hex, Void as null.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <capnp/dynamic.h>

#include "model/event_codec.h"
#include "model/event_json.h"
#include "model/saqme.capnp.h"
#include "model/tbilisi_time.h"

namespace saqme::storage {

// SnakeCase of a name of the compiled-in schema, worked out once per thread: the schema's names
// live as long as the program, so their address identifies them.
const std::string& SchemaName(capnp::Text::Reader name);

// Data as lowercase hex.
inline std::string HexOfData(capnp::Data::Reader data) {
  return HexOf(std::string_view(reinterpret_cast<const char*>(data.begin()), data.size()));
}

template <typename Out>
void WalkValue(capnp::DynamicValue::Reader value, Out& out);

template <typename Out>
void WalkStruct(capnp::DynamicStruct::Reader reader, Out& out) {
  out.BeginObject();
  for (auto field : reader.getSchema().getNonUnionFields()) {
    out.Key(SchemaName(field.getProto().getName()));
    WalkValue(reader.get(field), out);
  }
  KJ_IF_MAYBE (field, reader.which()) {
    out.Key(SchemaName(field->getProto().getName()));
    WalkValue(reader.get(*field), out);
  }
  out.EndObject();
}

template <typename Out>
void WalkValue(capnp::DynamicValue::Reader value, Out& out) {
  switch (value.getType()) {
    case capnp::DynamicValue::BOOL:
      return out.Bool(value.as<bool>());
    case capnp::DynamicValue::INT:
      return out.Signed(value.as<int64_t>());
    case capnp::DynamicValue::UINT:
      return out.Unsigned(value.as<uint64_t>());
    case capnp::DynamicValue::TEXT:
      return out.String(std::string_view(value.as<capnp::Text>().cStr()));
    case capnp::DynamicValue::DATA:
      return out.String(HexOfData(value.as<capnp::Data>()));
    case capnp::DynamicValue::LIST:
      out.BeginArray();
      for (auto element : value.as<capnp::DynamicList>()) WalkValue(element, out);
      return out.EndArray();
    case capnp::DynamicValue::ENUM: {
      KJ_IF_MAYBE (enumerant, value.as<capnp::DynamicEnum>().getEnumerant()) {
        return out.String(SchemaName(enumerant->getProto().getName()));
      }
      return out.Unsigned(value.as<capnp::DynamicEnum>().getRaw());  // newer than this build
    }
    case capnp::DynamicValue::STRUCT:
      return WalkStruct(value.as<capnp::DynamicStruct>(), out);
    default:
      // Void; capabilities, AnyPointer and floats do not occur in the schema.
      return out.Null();
  }
}

template <typename Out>
void WalkEvent(schema::Event::Reader event, Out& out) {
  auto payload = capnp::toDynamic(event.getPayload());
  const std::string unknown = "unknown";  // a payload added by a newer build
  const std::string* type = &unknown;
  KJ_IF_MAYBE (field, payload.which()) {
    type = &SchemaName(field->getProto().getName());
  }
  out.BeginObject();
  out.Key("seq");
  out.Unsigned(event.getSeq());
  out.Key("case_id");
  out.String(std::string_view(event.getCaseId().cStr()));
  out.Key("version");
  out.Unsigned(event.getCaseVersion());
  out.Key("type");
  out.String(*type);
  out.Key("occurred_at");
  out.String(FormatTbilisiTime(event.getOccurredAt()));
  out.Key("recorded_at");
  out.String(FormatTbilisiTime(event.getRecordedAt()));
  out.Key("actor");
  out.BeginObject();
  out.Key("post");
  out.String(std::string_view(event.getActor().getPost().cStr()));
  out.Key("person");
  out.String(std::string_view(event.getActor().getPerson().cStr()));
  out.EndObject();
  out.Key("acting_for");
  out.String(std::string_view(event.getActingFor().cStr()));
  out.Key("command_id");
  out.String(std::string_view(event.getCommandId().cStr()));
  out.Key("prev_hash");
  out.String(HexOfData(event.getPrevHash()));
  out.Key("hash");
  out.String(HexOfData(event.getHash()));
  out.Key("data");
  KJ_IF_MAYBE (field, payload.which()) {
    WalkValue(payload.get(*field), out);
  } else {
    out.BeginObject();
    out.EndObject();
  }
  out.EndObject();
}

}  // namespace saqme::storage
