// EndorsementRules: which visas (ვიზა) an answer of each kind of document needs before it is
// signed — data of the organisation (the "endorsements" section of its org file,
// docs/org-format.md), not code, since each body's statute and records instruction say it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "workflows/org/power.h"
#include "workflows/refusal.h"

namespace saqme::workflows {

class OrgChart;

// One required visa: on an answer to a document of one of `kinds`, a visa of a post holding
// `power` (e.g. legal_expertise: the legal service), named in words for the refusal.
struct VisaRule {
  std::vector<std::string> kinds;  // KindName()s: "application", "complaint", ...
  Power power = Power::kLegalExpertise;
  std::string name_ka, name_en;  // "იურიდიული სამსახურის ვიზა", "the legal service's visa"
  std::string source;            // where the body's rules say so
};

class EndorsementRules {
 public:
  // Parses the optional "endorsements" array of an org file (absent: no visa is required).
  // Requires `chart` to hold its posts already: a rule whose power no post can give (it must
  // also hold endorse) is an error, since no document of that kind could ever be signed.
  // Throws std::runtime_error naming the place of what is wrong (OrgChart::Parse reports it).
  static EndorsementRules Parse(const boost::json::value* section, const OrgChart& chart);

  const std::vector<VisaRule>& rules() const { return rules_; }

  // The first visa the draft of a `kind` answer still lacks, or nullopt. `endorsers` are the
  // posts that endorsed the current draft; `author` the post that drafted it — a draft written
  // by a post holding the rule's power carries that review already (the legal service's own
  // answer needs no second legal visa).
  const VisaRule* Missing(const std::string& kind, const std::vector<std::string>& endorsers,
                          const std::string& author, const OrgChart& chart) const;

  // The refusal of a signature (or of a decision that is signed as it is) for `rule`.
  static Refusal RefusalFor(const VisaRule& rule);

 private:
  std::vector<VisaRule> rules_;
};

}  // namespace saqme::workflows
