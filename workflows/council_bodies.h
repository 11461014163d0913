// CouncilBodies: the standing commissions and factions of each council — data
// (data/council_bodies.tsv, compiled in), read by the council-session workflow
// (council_session.cc) to check the body a sitting names and to name its minutes register.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace saqme::workflows {

struct CouncilBody {
  std::string council;  // the org file's body id ("ozurgeti-council")
  std::string kind;     // "commission" or "faction"
  std::string code;     // [a-z0-9-]+, unique within the council and kind
  std::string name_ka, name_en;
};

class CouncilBodies {
 public:
  static const CouncilBodies& Default();
  // Parses the table; a malformed line (a blank column, an unknown kind, a code of other
  // characters, a code twice for one council and kind) is named.
  static Result<CouncilBodies> Parse(std::string_view tsv);

  // The body `code` of `kind` in `council`; nullptr when that council has none such.
  const CouncilBody* Find(std::string_view council, std::string_view kind,
                          std::string_view code) const;
  // The bodies of `kind` in `council`, in the file's order.
  std::vector<const CouncilBody*> Of(std::string_view council, std::string_view kind) const;
  const std::vector<CouncilBody>& bodies() const { return bodies_; }

 private:
  std::vector<CouncilBody> bodies_;
};

}  // namespace saqme::workflows
