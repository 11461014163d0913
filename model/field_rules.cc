#include "model/field_rules.h"

#include "model/schema_labels.h"

namespace saqme::storage {

capnp::List<schema::Choice>::Reader ChoicesOf(capnp::StructSchema::Field field) {
  for (auto annotation : field.getProto().getAnnotations()) {
    if (annotation.getId() == kChoicesAnnotation) {
      return annotation.getValue().getList().getAs<capnp::List<schema::Choice>>();
    }
  }
  return {};
}

std::optional<FieldProblem> NotAChoice(capnp::StructSchema::Field field, std::string_view value,
                                       std::string_view path) {
  const auto choices = ChoicesOf(field);
  if (choices.size() == 0) return std::nullopt;
  std::string en, ka;
  for (auto choice : choices) {
    if (std::string_view(choice.getValue().cStr()) == value) return std::nullopt;
    en += std::string(en.empty() ? "" : ", ") + choice.getValue().cStr() + " (" +
          choice.getLabel().getEn().cStr() + ")";
    ka += std::string(ka.empty() ? "" : ", ") + choice.getLabel().getKa().cStr();
  }
  // The Georgian names the field by its label and lists the choices by theirs: a clerk reads
  // no API code in it.
  const auto label = LabelIn(field.getProto().getAnnotations());
  const std::string at(path), shown(value);
  const std::string at_ka = label ? "„" + std::string(label->getKa().cStr()) + "“" : at;
  return FieldProblem{at + ": '" + shown + "' is not one of: " + en,
                      at_ka + ": „" + shown + "“ დაუშვებელი მნიშვნელობაა; შესაძლებელია: " + ka};
}

bool IsBlank(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
    if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {  // U+00A0
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

}  // namespace saqme::storage
