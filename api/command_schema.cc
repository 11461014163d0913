#include "api/command_schema.h"

#include <optional>

#include <capnp/schema.h>
#include <boost/json/array.hpp>

#include "api/command_json.h"
#include "model/event_json.h"
#include "model/field_rules.h"
#include "model/saqme.capnp.h"
#include "model/schema_labels.h"
#include "workflows/command_labels.h"
#include "workflows/org/org_changes.h"
#include "workflows/proceeding.h"

namespace saqme::api {
namespace {

// The ids fixed in model/saqme.capnp (the C++ generator emits nothing for annotations).
constexpr uint64_t kDate = 0xb69ea498252cc52e, kPost = 0xd76465f0d0a4ee65,
                   kNote = 0xc9c8875fd5926366;

using Annotations = capnp::List<capnp::schema::Annotation>::Reader;

std::optional<capnp::schema::Value::Reader> Find(Annotations annotations, uint64_t id) {
  for (auto annotation : annotations) {
    if (annotation.getId() == id) return annotation.getValue();
  }
  return std::nullopt;
}

// Walks the schema once, noting what lacks a label.
class Builder {
 public:
  boost::json::object Build() {
    boost::json::array commands;
    for (auto member : capnp::Schema::from<schema::Command>().getUnionFields()) {
      commands.push_back(CommandJson(member));
    }
    return {{"commands", std::move(commands)}};
  }
  std::vector<std::string> missing;

 private:
  // Sets label_ka/label_en of `out` from `label`, else from `name`, noting `path` as unlabelled.
  void Labels(boost::json::object& out, std::optional<schema::Label::Reader> label,
              const std::string& name, const std::string& path) {
    if (label && label->getKa().size() > 0 && label->getEn().size() > 0) {
      out["label_ka"] = label->getKa().cStr();
      out["label_en"] = label->getEn().cStr();
      return;
    }
    missing.push_back(path);
    out["label_ka"] = ReadableName(name);
    out["label_en"] = ReadableName(name);
  }

  static std::optional<schema::Label::Reader> LabelIn(Annotations annotations) {
    return storage::LabelIn(annotations);
  }

  boost::json::object CommandJson(capnp::StructSchema::Field member) {
    const std::string type = storage::SnakeCase(member.getProto().getName());
    boost::json::object out{{"type", type}};
    if (const workflows::CommandLabel* label = workflows::LabelOf(type)) {
      out["label_ka"] = label->label_ka;
      out["label_en"] = label->label_en;
    } else {
      missing.push_back(type);
      out["label_ka"] = out["label_en"] = ReadableName(type);
    }
    out["opens_case"] = workflows::OpensCase(type);
    out["org_command"] = workflows::org::IsOrgCommand(type);  // POST /v1/org/commands
    capnp::List<schema::FieldNote>::Reader notes;
    if (auto value = Find(member.getProto().getAnnotations(), kNote)) {
      notes = value->getList().getAs<capnp::List<schema::FieldNote>>();
    }
    boost::json::array fields;
    if (member.getType().isStruct()) {
      fields = FieldsJson(member.getType().asStruct(), type, notes);
    }
    for (auto note : notes) {
      if (!member.getType().isStruct() ||
          member.getType().asStruct().findFieldByName(note.getField()) == nullptr) {
        missing.push_back(type + ": $note names no field '" + note.getField().cStr() + "'");
      }
    }
    out["fields"] = std::move(fields);
    return out;
  }

  boost::json::array FieldsJson(capnp::StructSchema schema, const std::string& path,
                                capnp::List<schema::FieldNote>::Reader notes = {}) {
    boost::json::array fields;
    for (auto field : schema.getFields()) {
      fields.push_back(FieldJson(field, path, NoteFor(notes, field)));
    }
    return fields;
  }

  boost::json::object FieldJson(capnp::StructSchema::Field field, const std::string& parent,
                                std::optional<schema::FieldNote::Reader> note) {
    const auto annotations = field.getProto().getAnnotations();
    const std::string name = storage::SnakeCase(field.getProto().getName());
    const std::string path = parent + "." + name;
    const bool date = Find(annotations, kDate).has_value();
    const bool post = Find(annotations, kPost).has_value();
    const bool optional = MayBeLeftOut(field, note);
    const capnp::Type type = field.getType();
    const auto choices = storage::ChoicesOf(field);

    boost::json::object out{{"name", name}};
    bool list = false;
    auto text_kind = [&] { return date ? "date" : post ? "post" : "text"; };
    if (type.isText() && choices.size() > 0) {
      out["type"] = "enum";  // a Text field that takes only its $choices
    } else if (type.isText()) {
      out["type"] = text_kind();
    } else if (type.isBool()) {
      out["type"] = "bool";  // absent reads false, itself an answer
    } else if (auto range = WholeNumberRange(type)) {
      out["type"] = "int";
      out["min"] = range->min;
      out["max"] = range->max;
    } else if (type.isEnum()) {
      out["type"] = "enum";  // the parser refuses a command without it
    } else if (type.isStruct()) {
      out["type"] = "object";
    } else if (type.isList() && type.asList().getElementType().isText() && post) {
      out["type"] = "posts";
    } else if (type.isList()) {
      out["type"] = "list";
      list = true;
    } else {
      out["type"] = "unsupported";  // the JSON parser takes no such field either
    }
    out["required"] = !optional;
    Labels(out,
           note && note->hasLabel() ? std::make_optional(note->getLabel()) : LabelIn(annotations),
           name, path);

    if (choices.size() > 0) {
      boost::json::array values;
      for (auto choice : choices) {
        const std::string value = choice.getValue().cStr();
        boost::json::object row{{"value", value}};
        Labels(row, choice.getLabel(), value, path + "=" + value);
        values.push_back(std::move(row));
      }
      out["values"] = std::move(values);
    } else if (type.isEnum()) {
      boost::json::array values;
      for (auto enumerant : type.asEnum().getEnumerants()) {
        const std::string value = storage::SnakeCase(enumerant.getProto().getName());
        boost::json::object row{{"value", value}};
        Labels(row, LabelIn(enumerant.getProto().getAnnotations()), value, path + "=" + value);
        values.push_back(std::move(row));
      }
      out["values"] = std::move(values);
    } else if (type.isStruct()) {
      out["fields"] = FieldsJson(type.asStruct(), path);
    } else if (list) {
      const capnp::Type element = type.asList().getElementType();
      if (element.isStruct()) {
        out["fields"] = FieldsJson(element.asStruct(), path + "[]");
      } else {
        out["element"] = element.isText() ? text_kind() : "unsupported";
      }
    }
    return out;
  }
};

}  // namespace

std::string ReadableName(std::string snake) {
  for (char& c : snake) c = c == '_' ? ' ' : c;
  if (!snake.empty() && snake[0] >= 'a' && snake[0] <= 'z') snake[0] = char(snake[0] - 'a' + 'A');
  return snake;
}

const boost::json::object& CommandSchema() {
  static const boost::json::object schema = Builder().Build();
  return schema;
}

std::vector<std::string> UnlabelledInCommandSchema() {
  Builder builder;
  builder.Build();
  return builder.missing;
}

}  // namespace saqme::api
