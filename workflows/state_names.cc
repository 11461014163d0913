#include "workflows/state_names.h"

namespace saqme::workflows {

const char* ArchiveStateOf(const NomenclatureEntry& file) {
  if (!file.archived) return "open";
  return file.transfer_act.empty() ? "departmental" : "state";
}

bool Quorate(const CaseState& session) { return session.stage != Stage::kPostponed; }

}  // namespace saqme::workflows
