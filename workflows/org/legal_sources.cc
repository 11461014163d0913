#include "workflows/org/legal_sources.h"

namespace saqme::workflows {
namespace {

Status Bad(const std::string& where, const std::string& what) {
  return Status::Error(Status::Code::kInvalidArgument, "org file: " + where + ": " + what,
                       "ორგანიზაციის ფაილის შეცდომა: " + where);
}

bool ValidKey(std::string_view key) {
  bool ok = !key.empty() && key.size() <= 64;
  for (char c : key) {
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
  }
  return ok;
}

}  // namespace

Result<LegalSources> LegalSources::FromOrgJson(const boost::json::object& org) {
  LegalSources sources;
  auto it = org.find("sources");
  if (it == org.end() || it->value().is_null()) return sources;  // the table's sources only
  if (!it->value().is_object()) return Bad("org.sources", "expected an object");
  for (const auto& [key, value] : it->value().as_object()) {
    const std::string where = "org.sources." + std::string(key);
    if (!ValidKey(key)) return Bad(where, "a rule key is 1-64 characters of a-z, 0-9, _, -");
    if (!value.is_object()) return Bad(where, "expected {\"en\": …, \"ka\": …}");
    LegalSource source;
    for (const char* language : {"en", "ka"}) {
      const auto* text = value.as_object().if_contains(language);
      if (!text || !text->is_string() || text->as_string().empty()) {
        return Bad(where + "." + language, "missing");
      }
      (language[0] == 'e' ? source.en : source.ka) = text->as_string().c_str();
    }
    sources.sources_.emplace(std::string(key), std::move(source));
  }
  return sources;
}

const LegalSource* LegalSources::Find(std::string_view key) const {
  auto it = sources_.find(key);
  return it == sources_.end() ? nullptr : &it->second;
}

}  // namespace saqme::workflows
