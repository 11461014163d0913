#include "model/schema_labels.h"

#include <map>
#include <set>

#include "model/event_json.h"

namespace saqme::storage {
namespace {

constexpr uint64_t kLabelId = 0xd02d38a1bc966358;  // `label` in model/saqme.capnp

// Every labelled field name of `schema` and the structs below it, first label winning.
void Collect(capnp::StructSchema schema, std::map<std::string, std::string>& out,
             std::set<uint64_t>& seen) {
  if (!seen.insert(schema.getProto().getId()).second) return;
  for (auto field : schema.getFields()) {
    const std::string name = SnakeCase(field.getProto().getName());
    if (auto label = LabelIn(field.getProto().getAnnotations())) {
      out.emplace(name, label->getKa().cStr());
    }
    auto type = field.getType();
    if (type.isStruct()) Collect(type.asStruct(), out, seen);
    if (type.isList() && type.asList().getElementType().isStruct()) {
      Collect(type.asList().getElementType().asStruct(), out, seen);
    }
  }
}

}  // namespace

std::optional<schema::Label::Reader> LabelIn(
    capnp::List<capnp::schema::Annotation>::Reader annotations) {
  for (auto annotation : annotations) {
    if (annotation.getId() == kLabelId) {
      return annotation.getValue().getStruct().getAs<schema::Label>();
    }
  }
  return std::nullopt;
}

LabelText EnumerantLabel(capnp::EnumSchema schema, unsigned index) {
  auto enumerants = schema.getEnumerants();
  if (index >= enumerants.size()) return {"unknown", "unknown"};
  auto proto = enumerants[index].getProto();
  const std::string name = SnakeCase(proto.getName());
  auto label = LabelIn(proto.getAnnotations());
  if (!label || label->getKa().size() == 0) return {name, name};
  return {label->getKa().cStr(), label->getEn().size() > 0 ? label->getEn().cStr() : name};
}

std::optional<LabelText> EnumerantLabelNamed(capnp::EnumSchema schema, std::string_view snake) {
  for (auto enumerant : schema.getEnumerants()) {
    if (SnakeCase(enumerant.getProto().getName()) == snake) {
      return EnumerantLabel(schema, enumerant.getOrdinal());
    }
  }
  return std::nullopt;
}

std::string CommandFieldLabelKa(std::string_view snake) {
  static const std::map<std::string, std::string> labels = [] {
    std::map<std::string, std::string> out;
    std::set<uint64_t> seen;
    Collect(capnp::Schema::from<schema::Command>(), out, seen);
    return out;
  }();
  auto it = labels.find(std::string(snake));
  return it == labels.end() ? std::string() : it->second;
}

}  // namespace saqme::storage
