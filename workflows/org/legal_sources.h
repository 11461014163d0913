// LegalSources: the statutes and regulations an organisation cites for its deadlines, as data of
// its org file ("sources", docs/org-format.md). A case of one body cites its own statute, never
// another body's: the deadline table (data/deadlines.tsv) holds the national sources, and the
// org file replaces a rule's source with its own (the Zugdidi mayoralty's statute art. 28.1 for
// an application; the Ozurgeti council's regulations).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "model/status.h"

namespace saqme::workflows {

struct LegalSource {
  std::string en;
  std::string ka;
};

class LegalSources {
 public:
  // Reads the optional "sources" member of an org file's top object: {"rule key": {"en": "…",
  // "ka": "…"}}. Guarantees: every entry has both texts and a key of [a-z0-9_-]; errors name
  // the entry ("org.sources.application.ka: missing").
  static Result<LegalSources> FromOrgJson(const boost::json::object& org);

  // The organisation's source of deadline rule `key`; nullptr when it cites the table's.
  const LegalSource* Find(std::string_view key) const;
  const std::map<std::string, LegalSource, std::less<>>& all() const { return sources_; }

 private:
  std::map<std::string, LegalSource, std::less<>> sources_;
};

}  // namespace saqme::workflows
