// FieldRules: what the annotations of model/saqme.capnp require of a command field's text —
// one of its `$choices`, and not blank when it is required. One place read by the JSON parser
// (400), the workflows (refusals, for commands sent as Cap'n Proto) and the command schema.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <capnp/schema.h>

#include "model/saqme.capnp.h"

namespace saqme::storage {

// The id of `$choices` in model/saqme.capnp (the C++ generator emits nothing for annotations).
inline constexpr uint64_t kChoicesAnnotation = 0xe3a1f6c2b84d7a95;

// The values `field` may take; an empty list when it takes any text.
capnp::List<schema::Choice>::Reader ChoicesOf(capnp::StructSchema::Field field);

// Field `name` of struct S (requires that it exists).
template <typename S>
capnp::StructSchema::Field FieldOf(const char* name) {
  return capnp::Schema::from<S>().getFieldByName(name);
}

// Why `value` may not stand in `field`, in English and Georgian, naming it as `path`: not one
// of its choices (listed with their Georgian names). nullopt when it may (or the field has no
// choices).
struct FieldProblem {
  std::string en, ka;
};
std::optional<FieldProblem> NotAChoice(capnp::StructSchema::Field field, std::string_view value,
                                       std::string_view path);

// Whether `text` is empty or only white space (ASCII white space and the no-break space): a
// required text so written says nothing.
bool IsBlank(std::string_view text);

}  // namespace saqme::storage
