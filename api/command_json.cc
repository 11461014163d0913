#include "api/command_json.h"

#include <capnp/dynamic.h>
#include <capnp/schema.h>

#include "model/event_json.h"
#include "model/field_rules.h"
#include "model/saqme.capnp.h"
#include "model/schema_labels.h"
#include "workflows/calendar/date.h"

namespace saqme::api {
namespace {

// A 400 naming the field: "command.received_on: expected a string" and, in Georgian, the field
// with its schema label and what is wrong with it.
Status Bad(const std::string& path, const std::string& what, const std::string& what_ka) {
  std::string field = path.substr(path.rfind('.') == std::string::npos ? 0 : path.rfind('.') + 1);
  field = field.substr(0, field.find('['));
  const std::string label = storage::CommandFieldLabelKa(field);
  return Status::Error(
      Status::Code::kInvalidArgument, path + ": " + what,
      "ბრძანების ველი " + path + (label.empty() ? "" : " („" + label + "“)") + ": " + what_ka);
}

Status FillStruct(const boost::json::object& json, capnp::DynamicStruct::Builder builder,
                  const std::string& path, const char* skip_key,
                  capnp::List<schema::FieldNote>::Reader notes = {});

// Ids of annotations of model/saqme.capnp (the C++ generator emits nothing for them).
constexpr uint64_t kDateAnnotation = 0xb69ea498252cc52e, kNoteAnnotation = 0xc9c8875fd5926366,
                   kOptional = 0xc5e318c77996e6b1;

bool HasAnnotation(capnp::StructSchema::Field field, uint64_t id) {
  for (auto annotation : field.getProto().getAnnotations()) {
    if (annotation.getId() == id) return true;
  }
  return false;
}

// A text the field's annotations refuse: not one of its choices, or a date that is not one.
Status CheckTextValue(capnp::StructSchema::Field field, std::string_view text,
                      const std::string& path) {
  if (auto problem = storage::NotAChoice(field, text, path)) {
    return Status::Error(Status::Code::kInvalidArgument, problem->en, problem->ka);
  }
  if (!text.empty() && HasAnnotation(field, kDateAnnotation)) {
    const auto label = storage::LabelIn(field.getProto().getAnnotations());
    const std::string path_ka =
        label ? path + " („" + std::string(label->getKa().cStr()) + "“)" : path;
    if (auto problem = workflows::Date::ProblemWith(text, path, path_ka)) {
      return Status::Error(Status::Code::kInvalidArgument, problem->en, problem->ka);
    }
  }
  return Status::Ok();
}

Status FillField(const boost::json::value& value, capnp::DynamicStruct::Builder builder,
                 capnp::StructSchema::Field field, const std::string& path) {
  auto type = field.getType();
  switch (type.which()) {
    case capnp::schema::Type::TEXT: {
      if (!value.is_string()) return Bad(path, "expected a string", "მოსალოდნელია ტექსტი");
      Status checked = CheckTextValue(field, value.as_string(), path);
      if (!checked.ok()) return checked;
      builder.set(field, capnp::Text::Reader(value.as_string().c_str(), value.as_string().size()));
      return Status::Ok();
    }
    case capnp::schema::Type::BOOL:
      if (!value.is_bool())
        return Bad(path, "expected true or false", "მოსალოდნელია true ან false");
      builder.set(field, value.as_bool());
      return Status::Ok();
    case capnp::schema::Type::INT8:
    case capnp::schema::Type::INT16:
    case capnp::schema::Type::INT32:
    case capnp::schema::Type::INT64:
    case capnp::schema::Type::UINT8:
    case capnp::schema::Type::UINT16:
    case capnp::schema::Type::UINT32:
    case capnp::schema::Type::UINT64: {
      const WholeRange range = *WholeNumberRange(type);
      if (value.is_uint64() && value.as_uint64() <= range.max) {
        builder.set(field, value.as_uint64());
      } else if (value.is_int64() && value.as_int64() >= range.min &&
                 (value.as_int64() < 0 || uint64_t(value.as_int64()) <= range.max)) {
        builder.set(field, value.as_int64());
      } else {
        return Bad(path,
                   "expected a whole number from " + std::to_string(range.min) + " to " +
                       std::to_string(range.max),
                   "მოსალოდნელია მთელი რიცხვი " + std::to_string(range.min) + "-დან " +
                       std::to_string(range.max) + "-მდე");
      }
      return Status::Ok();
    }
    case capnp::schema::Type::ENUM: {
      if (!value.is_string())
        return Bad(path, "expected one of its names", "მოსალოდნელია ერთ-ერთი დასახელება");
      const std::string name = CamelCase(std::string(value.as_string()));
      KJ_IF_MAYBE (enumerant, type.asEnum().findEnumerantByName(name)) {
        builder.set(field, capnp::DynamicEnum(*enumerant));
        return Status::Ok();
      }
      std::string names, names_ka;
      for (auto e : type.asEnum().getEnumerants()) {
        const std::string name = storage::SnakeCase(e.getProto().getName());
        names += (names.empty() ? "" : ", ") + name;
        const auto label = storage::EnumerantLabel(type.asEnum(), e.getOrdinal());
        names_ka += (names_ka.empty() ? "" : ", ") + name +
                    (label.ka == name ? std::string() : " (" + label.ka + ")");
      }
      return Bad(
          path, "'" + std::string(value.as_string()) + "' is not one of: " + names,
          "'" + std::string(value.as_string()) + "' დაშვებული არ არის; დაშვებულია: " + names_ka);
    }
    case capnp::schema::Type::STRUCT:
      if (!value.is_object()) return Bad(path, "expected an object", "მოსალოდნელია ობიექტი");
      return FillStruct(value.as_object(), builder.init(field).as<capnp::DynamicStruct>(), path,
                        nullptr);
    case capnp::schema::Type::LIST: {
      if (!value.is_array()) return Bad(path, "expected an array", "მოსალოდნელია მასივი");
      const auto& array = value.as_array();
      auto list = builder.init(field, array.size()).as<capnp::DynamicList>();
      auto element = type.asList().getElementType();
      for (size_t i = 0; i < array.size(); ++i) {
        const std::string at = path + "[" + std::to_string(i) + "]";
        if (element.isText()) {
          if (!array[i].is_string()) return Bad(at, "expected a string", "მოსალოდნელია ტექსტი");
          list.set(i,
                   capnp::Text::Reader(array[i].as_string().c_str(), array[i].as_string().size()));
        } else if (element.isStruct()) {
          if (!array[i].is_object()) return Bad(at, "expected an object", "მოსალოდნელია ობიექტი");
          Status s =
              FillStruct(array[i].as_object(), list[i].as<capnp::DynamicStruct>(), at, nullptr);
          if (!s.ok()) return s;
        } else {
          return Bad(at, "unsupported list element", "სიის ამ ტიპის ელემენტი არ მიიღება");
        }
      }
      return Status::Ok();
    }
    case capnp::schema::Type::VOID:
      return Status::Ok();
    default:
      return Bad(path, "unsupported field type", "ველის ეს ტიპი არ მიიღება");
  }
}

Status FillStruct(const boost::json::object& json, capnp::DynamicStruct::Builder builder,
                  const std::string& path, const char* skip_key,
                  capnp::List<schema::FieldNote>::Reader notes) {
  auto schema = builder.getSchema();
  for (const auto& [key, value] : json) {
    if (skip_key && key == skip_key) continue;
    const std::string at = path.empty() ? std::string(key) : path + "." + std::string(key);
    KJ_IF_MAYBE (field, schema.findFieldByName(CamelCase(std::string(key)))) {
      if (value.is_null()) continue;  // null reads as absent
      Status s = FillField(value, builder, *field, at);
      if (!s.ok()) return s;
    } else {
      return Bad(at, "unknown field", "უცნობი ველი");
    }
  }
  // Enums have no safe default: each must be given. Required text must say something, and a
  // required struct must be there for its own required fields to be.
  for (auto field : schema.getFields()) {
    if (MayBeLeftOut(field, NoteFor(notes, field))) continue;
    const std::string name = storage::SnakeCase(field.getProto().getName());
    const std::string at = path.empty() ? name : path + "." + name;
    const boost::json::value* given = json.if_contains(name);
    if (given && given->is_null()) given = nullptr;
    const auto type = field.getType();
    if ((type.isEnum() || type.isStruct()) && !given) return Bad(at, "is required", "აუცილებელია");
    if (type.isText() && (!given || storage::IsBlank(given->as_string()))) {
      return Bad(at, "is required and must not be blank",
                 "აუცილებელი ველია და ცარიელი არ უნდა იყოს");
    }
  }
  return Status::Ok();
}

bool ValidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    size_t extra;
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;  // a continuation byte, an overlong lead, or beyond U+10FFFF
    }
    if (i + extra >= text.size() && extra > 0) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

Status CheckText(capnp::DynamicValue::Reader value, const std::string& path) {
  switch (value.getType()) {
    case capnp::DynamicValue::TEXT: {
      auto text = value.as<capnp::Text>();
      if (!ValidUtf8(std::string_view(text.begin(), text.size()))) {
        return Bad(path, "text must be UTF-8 without NUL characters",
                   "ტექსტი უნდა იყოს UTF-8 კოდირებით, NUL სიმბოლოს გარეშე");
      }
      return Status::Ok();
    }
    case capnp::DynamicValue::STRUCT: {
      auto s = value.as<capnp::DynamicStruct>();
      for (auto field : s.getSchema().getNonUnionFields()) {
        if (!s.has(field)) continue;
        Status status = CheckText(s.get(field), path + "." + field.getProto().getName().cStr());
        if (!status.ok()) return status;
      }
      KJ_IF_MAYBE (field, s.which()) {
        return CheckText(s.get(*field), path + "." + field->getProto().getName().cStr());
      }
      return Status::Ok();
    }
    case capnp::DynamicValue::LIST: {
      auto list = value.as<capnp::DynamicList>();
      for (uint i = 0; i < list.size(); ++i) {
        Status status = CheckText(list[i], path + "[" + std::to_string(i) + "]");
        if (!status.ok()) return status;
      }
      return Status::Ok();
    }
    default:
      return Status::Ok();
  }
}

}  // namespace

Status ValidateText(schema::Command::Reader command) {
  try {
    return CheckText(capnp::toDynamic(command), "command");
  } catch (const kj::Exception& e) {
    return Bad("command", std::string("does not decode: ") + e.getDescription().cStr(),
               "ბრძანება ვერ წაიკითხა");
  }
}

std::optional<WholeRange> WholeNumberRange(capnp::Type type) {
  switch (type.which()) {
    case capnp::schema::Type::INT8:
      return WholeRange{INT8_MIN, INT8_MAX};
    case capnp::schema::Type::INT16:
      return WholeRange{INT16_MIN, INT16_MAX};
    case capnp::schema::Type::INT32:
      return WholeRange{INT32_MIN, INT32_MAX};
    case capnp::schema::Type::INT64:
      return WholeRange{INT64_MIN, INT64_MAX};
    case capnp::schema::Type::UINT8:
      return WholeRange{0, UINT8_MAX};
    case capnp::schema::Type::UINT16:
      return WholeRange{0, UINT16_MAX};
    case capnp::schema::Type::UINT32:
      return WholeRange{0, UINT32_MAX};
    case capnp::schema::Type::UINT64:
      return WholeRange{0, UINT64_MAX};
    default:
      return std::nullopt;
  }
}

std::optional<schema::FieldNote::Reader> NoteFor(capnp::List<schema::FieldNote>::Reader notes,
                                                 capnp::StructSchema::Field field) {
  for (auto note : notes) {
    if (note.getField() == field.getProto().getName()) return note;
  }
  return std::nullopt;
}

bool MayBeLeftOut(capnp::StructSchema::Field field, std::optional<schema::FieldNote::Reader> note) {
  const capnp::Type type = field.getType();
  if (type.isBool()) return true;
  if (type.isEnum()) return false;
  if (note) return note->getOptional();
  return HasAnnotation(field, kOptional) ||
         field.getProto().getDiscriminantValue() != capnp::schema::Field::NO_DISCRIMINANT;
}

std::string CamelCase(const std::string& snake) {
  std::string out;
  bool upper = false;
  for (char c : snake) {
    if (c == '_') {
      upper = true;
    } else {
      out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
      upper = false;
    }
  }
  return out;
}

Status CommandFromJson(const boost::json::value& command, capnp::MessageBuilder& message) {
  if (!command.is_object()) return Bad("command", "expected an object", "მოსალოდნელია ობიექტი");
  const auto& json = command.as_object();
  auto type = json.find("type");
  if (type == json.end() || !type->value().is_string()) {
    return Bad("command.type", "is required (e.g. \"register_incoming\")",
               "აუცილებელია ბრძანების სახე (მაგ. \"register_incoming\")");
  }
  auto root = capnp::toDynamic(message.initRoot<schema::Command>());
  const std::string name = CamelCase(std::string(type->value().as_string()));
  if (storage::SnakeCase(name) != type->value().as_string()) {  // only the docs/api.md spelling
    return Bad("command.type",
               "unknown command type '" + std::string(type->value().as_string()) + "'",
               "უცნობი ბრძანება '" + std::string(type->value().as_string()) + "'");
  }
  KJ_IF_MAYBE (member, root.getSchema().findFieldByName(name)) {
    if (member->getProto().getDiscriminantValue() == capnp::schema::Field::NO_DISCRIMINANT) {
      return Bad("command.type", "unknown command type", "უცნობი ბრძანება");
    }
    if (member->getType().isVoid()) {
      root.set(*member, capnp::VOID);
      for (const auto& [key, value] : json) {
        if (key != "type")
          return Bad("command." + std::string(key), "unknown field", "უცნობი ველი");
      }
      return Status::Ok();
    }
    auto body = root.init(*member).as<capnp::DynamicStruct>();
    capnp::List<schema::FieldNote>::Reader notes;
    for (auto annotation : member->getProto().getAnnotations()) {
      if (annotation.getId() == kNoteAnnotation) {
        notes = annotation.getValue().getList().getAs<capnp::List<schema::FieldNote>>();
      }
    }
    return FillStruct(json, body, "command", "type", notes);
  }
  return Status::Error(
      Status::Code::kInvalidArgument,
      "command.type: unknown command type '" + std::string(type->value().as_string()) + "'",
      "უცნობი ბრძანება '" + std::string(type->value().as_string()) + "'");
}

}  // namespace saqme::api
