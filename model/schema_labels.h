// SchemaLabels: the Georgian and English names that model/saqme.capnp gives its fields and
// enumerants ($label), read by Cap'n Proto reflection — the one reading of them, for the command
// schema (api/command_schema.h), the Georgian texts of refusals (a field's name) and the printable
// journals (a kind's name).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <capnp/schema.h>

#include "model/saqme.capnp.h"

namespace saqme::storage {

// The $label among `annotations`, if any.
std::optional<schema::Label::Reader> LabelIn(
    capnp::List<capnp::schema::Annotation>::Reader annotations);

struct LabelText {
  std::string ka, en;
};

// The labels of enumerant `index` of `schema`; both its snake_case name when it has no label or
// is newer than this build ("unknown").
LabelText EnumerantLabel(capnp::EnumSchema schema, unsigned index);
template <typename E>
LabelText EnumLabel(E value) {
  return EnumerantLabel(capnp::Schema::from<E>(), static_cast<unsigned>(value));
}

// The labels of the enumerant of `schema` whose snake_case name is `snake` ("application");
// nullopt when there is none.
std::optional<LabelText> EnumerantLabelNamed(capnp::EnumSchema schema, std::string_view snake);

// The Georgian label of the command field named `snake` ("received_on" -> "მიღების თარიღი"),
// searched in the structs of the `Command` union and their nested structs; empty when no field of
// that name has one.
std::string CommandFieldLabelKa(std::string_view snake);

}  // namespace saqme::storage
