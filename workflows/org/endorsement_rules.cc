#include "workflows/org/endorsement_rules.h"

#include <algorithm>
#include <stdexcept>

#include "workflows/case_state.h"
#include "workflows/org/org_chart.h"

namespace saqme::workflows {
namespace {

std::string Text(const boost::json::object& o, const char* key, const std::string& where,
                 bool required) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) {
    if (required) throw std::runtime_error(where + "." + key + ": missing");
    return {};
  }
  if (!it->value().is_string() || (required && it->value().as_string().empty())) {
    throw std::runtime_error(where + "." + key + ": expected a non-empty string");
  }
  return std::string(it->value().as_string());
}

bool IsIncomingKindName(const std::string& name) {
  for (Kind kind : {Kind::kCorrespondence, Kind::kApplication, Kind::kPublicInformation,
                    Kind::kComplaint}) {
    if (name == KindName(kind)) return true;
  }
  return false;
}

bool Holds(const OrgChart& chart, const std::string& post, Power power) {
  const Post* p = chart.FindPost(post);
  return p && p->powers.count(power);
}

}  // namespace

EndorsementRules EndorsementRules::Parse(const boost::json::value* section,
                                         const OrgChart& chart) {
  EndorsementRules parsed;
  if (!section || section->is_null()) return parsed;
  if (!section->is_array()) throw std::runtime_error("endorsements: expected an array");
  const auto& list = section->as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = "endorsements[" + std::to_string(i) + "]";
    if (!list[i].is_object()) throw std::runtime_error(where + ": expected an object");
    const auto& o = list[i].as_object();
    VisaRule rule;
    const auto* kinds = o.if_contains("kinds");
    if (!kinds || !kinds->is_array() || kinds->as_array().empty()) {
      throw std::runtime_error(where + ".kinds: expected a non-empty array of document kinds");
    }
    for (const auto& kind : kinds->as_array()) {
      const std::string name = kind.is_string() ? std::string(kind.as_string()) : "";
      if (!IsIncomingKindName(name)) {
        throw std::runtime_error(where + ".kinds: '" + name +
                                 "' is not correspondence, application, public_information "
                                 "or complaint");
      }
      rule.kinds.push_back(name);
    }
    const std::string power = Text(o, "power", where, true);
    const auto parsed_power = ParsePower(power);
    if (!parsed_power) throw std::runtime_error(where + ".power: unknown power '" + power + "'");
    rule.power = *parsed_power;
    rule.name_ka = Text(o, "name_ka", where, true);
    rule.name_en = Text(o, "name_en", where, true);
    rule.source = Text(o, "source", where, false);
    const bool givable = std::any_of(chart.posts().begin(), chart.posts().end(), [&](auto& p) {
      return p.powers.count(rule.power) && p.powers.count(Power::kEndorse);
    });
    if (!givable) {
      throw std::runtime_error(where + ": no post holds both " + power +
                               " and endorse, so the visa could never be given");
    }
    parsed.rules_.push_back(std::move(rule));
  }
  return parsed;
}

const VisaRule* EndorsementRules::Missing(const std::string& kind,
                                          const std::vector<std::string>& endorsers,
                                          const std::string& author, const OrgChart& chart) const {
  for (const auto& rule : rules_) {
    if (std::find(rule.kinds.begin(), rule.kinds.end(), kind) == rule.kinds.end()) continue;
    if (Holds(chart, author, rule.power)) continue;
    const bool given = std::any_of(endorsers.begin(), endorsers.end(),
                                   [&](const std::string& by) { return Holds(chart, by, rule.power); });
    if (!given) return &rule;
  }
  return nullptr;
}

Refusal EndorsementRules::RefusalFor(const VisaRule& rule) {
  const std::string source = rule.source.empty() ? "" : " (" + rule.source + ")";
  return Refusal{"the answer needs " + rule.name_en + " before it is signed" + source +
                     "; a post with the power " + PowerName(rule.power) + " must endorse it",
                 "პასუხს ხელმოწერამდე სჭირდება " + rule.name_ka +
                     "; ის უნდა დაავიზოს თანამდებობის პირმა, რომელსაც აქვს უფლებამოსილება „" +
                     PowerNameKa(rule.power) + "“",
                 {},
                 RefusalCategory::kNotNow};
}

}  // namespace saqme::workflows
