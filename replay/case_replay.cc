#include "replay/case_replay.h"

#include "model/tbilisi_time.h"
#include "workflows/proceeding.h"

namespace saqme::replay {

Result<workflows::CaseState> ReplayCase(const storage::EventLog& log, const std::string& case_id,
                                        const ReplayPoint& point, const ReplayStep& each) {
  workflows::CaseState state;
  Status read = log.ReadCase(case_id, [&](uint64_t seq, const storage::EventView& view) {
    auto event = view.event();
    if (point.version && event.getCaseVersion() > *point.version) return false;
    if (point.recorded_by && event.getRecordedAt() > *point.recorded_by) return false;
    workflows::Evolve(state, event);
    if (each) each(seq, view, state);
    return true;
  });
  if (!read.ok()) return read;
  if (point.version && (*point.version == 0 || state.version < *point.version)) {
    const std::string v = std::to_string(*point.version), has = std::to_string(state.version);
    return Status::Error(Status::Code::kNotFound,
                         "case " + case_id + " has no version " + v + " (it has " + has + ")",
                         "საქმეს " + case_id + " არ აქვს ვერსია " + v + " (აქვს " + has + ")");
  }
  if (state.version == 0) {
    const std::string when = FormatTbilisiTime(*point.recorded_by);
    return Status::Error(Status::Code::kNotFound,
                         "case " + case_id + " did not exist yet at " + when,
                         "საქმე " + case_id + " " + when + "-ისთვის ჯერ არ არსებობდა");
  }
  return state;
}

}  // namespace saqme::replay
