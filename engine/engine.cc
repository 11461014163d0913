#include "engine/engine.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <vector>

#include <capnp/serialize.h>
#include <kj/exception.h>
#include <rocksdb/write_batch.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "engine/clock.h"
#include "engine/layered_map.h"
#include "model/event_json.h"
#include "model/tbilisi_time.h"
#include "projection/case_snapshot.h"
#include "projection/projection.h"
#include "projection/views.h"
#include "storage/command_digest.h"
#include "storage/keys.h"
#include "storage/lru_cache.h"
#include "workflows/command_labels.h"
#include "workflows/legal_act.h"
#include "workflows/org/org_changes.h"

namespace saqme::engine {
namespace {

using storage::FromRocks;
using workflows::CaseState;

std::string Upper(std::string prefix) {  // the key just past every key starting with prefix
  prefix.append(8, '\xff');
  return prefix;
}

// The last number under `prefix` (JournalPrefix) in the committed journals view.
uint32_t StoredLastNumber(const storage::EventLog& log, const std::string& prefix) {
  std::unique_ptr<rocksdb::Iterator> it(
      log.db()->NewIterator(rocksdb::ReadOptions(), log.family(kJournalsView)));
  it->SeekForPrev(Upper(prefix));
  // A failed read must not pass for an empty journal, whose numbers would start again at 1.
  if (!it->status().ok()) {
    throw std::runtime_error("reading the journals failed: " + it->status().ToString());
  }
  if (!it->Valid() || !it->key().starts_with(prefix) || it->key().size() != prefix.size() + 4) {
    return 0;
  }
  return JournalKeyNumber(std::string_view(it->key().data(), it->key().size()));
}

// A command id for work the engine does itself (the watch, recomputations): deterministic, so
// the same work is recognised, and within the 128-character limit however long the case id.
std::string DerivedCommandId(const std::string& base, const std::string& case_id) {
  std::string id = base + "/" + case_id;
  if (id.size() > storage::kMaxCommandIdBytes) id = "h:" + storage::Sha256Hex(id);
  return id;
}

bool ChangesCalendar(std::vector<storage::EventDraft>& events) {
  for (auto& draft : events) {
    if (workflows::ChangesCalendar(draft.event().asReader())) return true;
  }
  return false;
}

// A decision context for `post` at `now` on `org`, the engine's calendar and deadline table;
// the journal and nomenclature answers are the caller's to add.
workflows::Context BaseContext(const EngineOptions& options, const workflows::OrgChart* org,
                               const workflows::HolidayCalendar* calendar, const std::string& post,
                               int64_t now) {
  workflows::Context context;
  context.actor_post = post;
  context.today = *workflows::Date::Parse(TbilisiDate(now));
  context.actor_person = org->HolderOn(post, context.today);  // appointments follow the log
  context.now_ms = now;
  context.org = org;
  context.calendar = calendar;
  context.deadlines = options.deadlines;
  return context;
}

// What a nomenclature view entry (if any) says of its file: absent, open or in the archive.
workflows::FileStatus FileStatusOf(const std::optional<std::string>& entry) {
  if (!entry) return workflows::FileStatus::kAbsent;
  return boost::json::parse(*entry).as_object().at("archived").as_bool()
             ? workflows::FileStatus::kArchived
             : workflows::FileStatus::kOpen;
}

// The legal act `act` is; nullopt when the case is no legal act.
std::optional<workflows::ActFacts> ActFactsOf(const CaseState& act) {
  if (act.kind != workflows::Kind::kLegalAct) return std::nullopt;
  return workflows::ActFacts{workflows::StageName(act.stage), act.in_force_on, act.act_type,
                             act.act_number, act.issuer};
}

// The committed views' entry of `key` in `family`, or nullopt when there is none. A failed read
// throws (std::runtime_error): it must not pass for an absent entry, which the sequencer would
// keep (a report owed twice, a file taken for missing); the unit being staged fails instead.
std::optional<std::string> CommittedEntry(const storage::EventLog& log, const char* family,
                                          const std::string& key) {
  std::string value;
  auto s = log.db()->Get(rocksdb::ReadOptions(), log.family(family), key, &value);
  if (s.IsNotFound()) return std::nullopt;
  if (!s.ok()) throw std::runtime_error("reading the views failed: " + s.ToString());
  return value;
}

constexpr size_t kWatchBatch = 1000;  // cases per watch job: one group, one fsync
// The adopted org chart is the org file itself (the Zugdidi mayoralty's is about 100 KB), above
// the bound of a client's event: its own bound, far above any body's chart.
constexpr size_t kMaxAdoptedChartBytes = 8 << 20;

// Whether `entry` (the case's view_cases entry) is a snapshot of the case as the log holds it,
// decoded into `*state`: it decodes, and its version is the case's last in the log. A snapshot
// of another version (left by an older binary that wrote the case's later events, or damage) is
// no snapshot of the log: the log is the truth, and the writer must never take a version it
// already holds from a stale entry. One seek of the case index beside the Get.
bool SnapshotOfTheLog(const storage::EventLog& log, const std::string& case_id,
                      const std::string& entry, CaseState* state) {
  if (!DecodeCaseSnapshot(entry, state)) return false;
  auto version = log.CaseVersion(case_id);
  return version.ok() && version.value() == state->version;
}

// The committed state of `case_id`, given its view_cases entry (null when it has none): the
// entry's snapshot when it is the log's (SnapshotOfTheLog), else evolved from the case's own
// events. The one way the sequencer and readers take a case from storage.
Status CommittedState(const storage::EventLog& log, const std::string& case_id,
                      const std::string* entry, CaseState* state) {
  if (entry && SnapshotOfTheLog(log, case_id, *entry, state)) return Status::Ok();
  *state = CaseState();
  return log.ReadCase(case_id, [state](uint64_t, const storage::EventView& view) {
    workflows::Evolve(*state, view.event());
    return true;
  });
}

}  // namespace

// The sequencer's half of the GroupCommit: decide, stage, evolve, project.
class Engine::Sequencer : public storage::GroupCommit<EngineJob>::Stager, private ViewSink {
  // One view family's staged writes.
  struct Overlay {
    rocksdb::ColumnFamilyHandle* handle = nullptr;
    // False for the views the group never reads back (WriteOnly): their writes go to the batch
    // alone.
    bool kept = true;
    std::map<std::string, std::optional<std::string>> entries;
    // The writes of the sealed group being written (pipelined group commit): read below
    // `entries`, above the committed view.
    std::map<std::string, std::optional<std::string>> sealed;
  };

 public:
  Sequencer(Engine* engine, workflows::HolidayCalendar calendar, workflows::OrgChart chart)
      : engine_(engine),
        cache_(engine->log_->memory_budget().CaseStateBytes()),
        calendar_(std::make_shared<workflows::HolidayCalendar>(std::move(calendar))),
        chart_(std::make_shared<workflows::OrgChart>(std::move(chart))) {
    profile_.enabled = engine->options_.profile;
    engine_->committed_calendar_ = calendar_;
    engine_->committed_chart_ = chart_;
  }

  uint64_t Stage(EngineJob& job, rocksdb::WriteBatch* batch) override {
    CpuTimer timer(Counter(&SequencerProfile::stage_ns));
    ++profile_.units;
    batch_ = batch;
    Submission& submission = *job.submission;
    staging_at_ = submission.at_ms;
    if (submission.task == Submission::Task::kWatch) {
      job.result = Watch(submission.watch_from);
    } else if (submission.task == Submission::Task::kAdoptChart) {
      Status staged = Atomically([&] {
        job.result = AdoptChart();
        return job.result.ok() ? Status::Ok() : job.result.status();
      });
      if (!staged.ok()) job.result = staged;
    } else {
      Status staged = Atomically([&] {
        job.result = Decide(submission);
        return job.result.ok() ? Status::Ok() : job.result.status();
      });
      if (!staged.ok()) job.result = staged;
    }
    batch_ = nullptr;
    staging_at_ = 0;
    const auto& r = job.result;
    const uint64_t events =
        r.ok() && !r->refused && !r->duplicate && r->last_seq ? r->last_seq - r->first_seq + 1 : 0;
    profile_.events += events;
    return events;
  }

  // The group staged so far goes to be written: its states, view writes, journal numbers,
  // calendar and chart become the sealed layer, which the next group reads below its own.
  void Sealed() override {
    engine_->writer_->Seal();
    sealed_states_ = std::move(staged_states_);
    staged_states_.clear();
    for (auto& [name, staged] : overlay_) {
      staged.sealed = std::move(staged.entries);
      staged.entries.clear();
    }
    EachRegister([](auto& held) { held.Seal(); });
    sealed_calendar_ = std::move(staged_calendar_);
    sealed_chart_ = std::move(staged_chart_);
  }

  // The sealed group is durable (on the group commit's writer thread, between two Stages of the
  // next group, which only the sealed layer's going changes nothing for: its writes are in the
  // committed views now).
  void Committed() override {
    CpuTimer timer(Counter(&SequencerProfile::commit_ns));
    engine_->writer_->Commit();
    // Only committed states enter the cache: a failed unit or an abandoned group leaves it as
    // it was. The least recently used states make room; a miss reads the case from the log.
    for (auto& [case_id, state] : sealed_states_) {
      const size_t charge = StateCharge(case_id, state);
      cache_.Put(case_id, std::move(state), charge);
    }
    sealed_states_.clear();
    PublishCacheStats();
    for (auto& [name, staged] : overlay_) staged.sealed.clear();
    EachRegister([](auto& held) { held.Commit(); });
    if (sealed_calendar_) calendar_ = std::move(sealed_calendar_);
    if (sealed_chart_) chart_ = std::move(sealed_chart_);
    {
      std::lock_guard<std::mutex> lock(engine_->committed_mu_);
      engine_->committed_seq_ = engine_->writer_->committed_last_seq();
      engine_->committed_calendar_ = calendar_;
      engine_->committed_chart_ = chart_;
      if (profile_.enabled) engine_->committed_profile_ = profile_;
    }
    engine_->committed_cv_.notify_all();
  }
  // A write failed: back to the last durable group, forgetting the sealed and the staged one.
  void Abandoned() override {
    engine_->writer_->Abandon();
    staged_states_.clear();
    sealed_states_.clear();
    for (auto& [name, staged] : overlay_) {
      staged.entries.clear();
      staged.sealed.clear();
    }
    EachRegister([](auto& held) { held.Abandon(); });
    staged_calendar_.reset();
    sealed_calendar_.reset();
    staged_chart_.reset();
    sealed_chart_.reset();
  }
  void Fail(EngineJob& job, const Status& failure) override { job.result = failure; }

  // The business time of the job being staged: its own (Submission::at_ms) or the engine's
  // clock. On the sequencer thread only; the log writer's recording time too.
  int64_t Now() const { return staging_at_ ? staging_at_ : engine_->options_.clock(); }

  CacheStats cache_stats() const {
    CacheStats stats;
    stats.states = states_.load();
    stats.state_bytes = state_bytes_.load();
    stats.state_capacity = cache_.capacity();
    stats.state_evictions = state_evictions_.load();
    stats.versions = versions_.load();
    stats.version_bytes = version_bytes_.load();
    stats.version_capacity = engine_->log_->memory_budget().CaseVersionBytes();
    return stats;
  }

 private:
  // What a cached state is charged: its estimated bytes, its key's and the cache's entry.
  static size_t StateCharge(const std::string& case_id, const CaseState& state) {
    return workflows::ApproximateBytes(state) + sizeof(case_id) + case_id.capacity() +
           storage::LruCache<std::string, CaseState>::kEntryOverhead;
  }

  // The caches' figures for cache_stats(), read by other threads.
  void PublishCacheStats() {
    states_ = cache_.size();
    state_bytes_ = cache_.charge();
    state_evictions_ = cache_.evictions();
    const auto& versions = engine_->writer_->cached_versions();
    versions_ = versions.size();
    version_bytes_ = versions.charge();
  }

  // Runs `stage`, which stages one atomic unit — a command with everything it causes, or one
  // case's watch steps. When it fails or throws half-way, everything it staged (batch, log
  // tail, overlay, staged states, calendar) is taken back, so the log and the views stay in
  // step.
  Status Atomically(const std::function<Status()>& stage) {
    batch_->SetSavePoint();
    undo_.clear();
    state_undo_.clear();
    EachRegister([](auto& held) { held.BeginUnit(); });
    stages_ = 0;
    const auto calendar_before = staged_calendar_;
    // The staged chart is copied before the unit changes it: the copy is what to go back to.
    const auto chart_before =
        staged_chart_ ? std::make_shared<workflows::OrgChart>(*staged_chart_) : nullptr;
    Status status;
    try {
      status = stage();
    } catch (const kj::Exception& e) {
      status =
          Status::Error(Status::Code::kInvalidArgument,
                        std::string("the command could not be read: ") + e.getDescription().cStr(),
                        "ბრძანების წაკითხვა ვერ მოხერხდა");
    } catch (const std::exception& e) {
      status = Status::Error(Status::Code::kIOError, e.what());
    }
    if (status.ok()) {
      batch_->PopSavePoint();
      return status;
    }
    batch_->RollbackToSavePoint();
    for (; stages_ > 0; --stages_) engine_->writer_->UndoLastStage();
    for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
      auto& [family, key, previous] = *it;
      if (previous) {
        family->entries[key] = std::move(*previous);
      } else {
        family->entries.erase(key);
      }
    }
    for (auto it = state_undo_.rbegin(); it != state_undo_.rend(); ++it) {
      if (it->second) {
        staged_states_[it->first] = std::move(*it->second);
      } else {
        staged_states_.erase(it->first);
      }
    }
    EachRegister([](auto& held) { held.UndoUnit(); });
    staged_calendar_ = calendar_before;
    staged_chart_ = chart_before;
    return status;
  }

  // The calendar and chart as this group has them: its own copy, the sealed group's, or the
  // committed one.
  workflows::HolidayCalendar* Calendar() {
    if (staged_calendar_) return staged_calendar_.get();
    return sealed_calendar_ ? sealed_calendar_.get() : calendar_.get();
  }
  const workflows::OrgChart* Org() const {
    if (staged_chart_) return staged_chart_.get();
    return sealed_chart_ ? sealed_chart_.get() : chart_.get();
  }

  // The first event of a new data directory: the org chart the engine was given, adopted in
  // the org case (workflows/org/org_changes.h).
  Result<Outcome> AdoptChart() {
    CaseState state;
    Status loaded = Load(workflows::kOrgCaseId, &state);
    if (!loaded.ok()) return loaded;
    Outcome outcome;
    outcome.case_id = workflows::kOrgCaseId;
    std::vector<storage::EventDraft> events;
    events.push_back(workflows::org::Adoption(*engine_->options_.org, engine_->options_.org_source,
                                              kWatcherPost, Now()));
    auto appended = StageEvents(workflows::kOrgCaseId, "org-chart-adopted", std::move(events),
                                std::move(state), outcome, {}, kMaxAdoptedChartBytes);
    if (!appended.ok()) return appended.status();
    outcome.version = appended->version;
    return outcome;
  }

  // `actor_person`: who logged in as the post; empty: the post's holder in the org chart.
  workflows::Context ContextFor(const std::string& actor_post, int64_t now,
                                const std::string& actor_person = "") {
    workflows::Context context = BaseContext(engine_->options_, Org(), Calendar(), actor_post, now);
    if (!actor_person.empty()) context.actor_person = actor_person;
    // Numbers taken by this decision come first: a redirect out numbers two letters.
    auto taken = std::make_shared<std::map<std::string, uint32_t>>();
    context.next_number = [this, taken](std::string_view journal, int year) {
      uint32_t& before = (*taken)[std::string(journal) + "/" + std::to_string(year)];
      return std::to_string(LastNumber(journal, year) + ++before);
    };
    // The registers' questions are answered from the registers the sequencer holds.
    context.in_nomenclature = [this](int year, std::string_view code) {
      return FileOf(NomenclatureKey(year, code));
    };
    context.required_report = [this](std::string_view post, std::string_view report,
                                     std::string_view period) {
      return ObligationOf(ReportObligationKey(post, report, period));
    };
    // Another case's act is taken from its state, as the command's own case is: staged in the
    // group, cached, or read from its snapshot.
    context.legal_act = [this](std::string_view case_id) -> std::optional<workflows::ActFacts> {
      if (!storage::ValidateCaseId(case_id).ok()) return std::nullopt;  // no case has that id
      CaseState act;
      if (!Load(std::string(case_id), &act).ok()) return std::nullopt;
      return ActFactsOf(act);
    };
    return context;
  }

  // What a client's command said and who sent it (storage::CommandRecord); empty for the
  // engine's own work.
  struct Sent {
    std::string digest, post, type;
  };

  // Stages `events` of `case_id` (decided against `state`, the case's staged, cached or
  // replayed state as Load gave it), evolves `state` by them, projects them into the views and
  // adds them to `outcome`; `sent` goes into the command record. `checked`: the caller has
  // validated the ids and found the command id unused (storage::AppendRequest::checked).
  // Guarantees `state` is the case's staged state afterwards (moved into the group's).
  Result<storage::AppendResult> StageEvents(const std::string& case_id,
                                            const std::string& command_id,
                                            std::vector<storage::EventDraft> events,
                                            CaseState&& state, Outcome& outcome,
                                            const Sent& sent = {}, size_t max_event_bytes = 0,
                                            bool checked = false) {
    storage::AppendRequest request;
    request.max_event_bytes = max_event_bytes;
    request.case_id = case_id;
    request.expected_version = state.version;
    request.command_id = command_id;
    request.command_digest = sent.digest;
    request.command_post = sent.post;
    request.command_type = sent.type;
    request.events = std::move(events);
    request.checked = checked;
    Result<storage::AppendResult> appended{storage::AppendResult{}};
    {
      CpuTimer timer(Counter(&SequencerProfile::seal_ns));
      appended = engine_->writer_->Stage(request, batch_);
    }
    if (!appended.ok()) return appended.status();
    CpuTimer timer(Counter(&SequencerProfile::project_ns));
    ++stages_;
    if (ChangesCalendar(request.events) && !staged_calendar_) {
      staged_calendar_ = std::make_shared<workflows::HolidayCalendar>(*Calendar());
    }
    // The state before the command, as the views show it: the group's or the cache's entry,
    // which `state` was copied from — copied only when neither holds it (a case too large for
    // the cache).
    const CaseState* before = Peek(case_id);
    std::optional<CaseState> copy;
    if (state.version == 0) {
      before = nullptr;
    } else if (!before || before->version != state.version) {
      before = &copy.emplace(state);
    }
    // Each event evolves the state and adds what it adds (journals, alerts, control counts);
    // the views that follow the state alone are projected once, from the command's final state
    // (docs/views.md: the same rule a rebuild follows per case).
    bool deadline_open = false;
    for (auto& draft : request.events) {
      const auto event = draft.event().asReader();
      if (workflows::org::ChangesChart(event)) {
        if (!staged_chart_) staged_chart_ = std::make_shared<workflows::OrgChart>(*Org());
        Status changed = workflows::org::EvolveChart(*staged_chart_, event);
        if (!changed.ok()) return changed;
      }
      const workflows::OpenDeadline old_deadline = workflows::OpenDeadlineOf(state);
      deadline_open = deadline_open || !old_deadline.due.empty();
      workflows::Evolve(state, event);
      workflows::ApplyToCalendar(*Calendar(), event);
      ProjectEvent(old_deadline, state, event, *this);
    }
    deadline_open = deadline_open || !workflows::OpenDeadlineOf(state).due.empty();
    const ProjectionContext projection{Org(), Calendar(), &engine_->options_.watch_policy};
    ProjectCaseState(before, state, projection, *this);
    // The watch index: when the deadline watch next has something to do for the case (only a
    // case with an open deadline has a watch date, so the moves of the events in between add up
    // to this one).
    if (deadline_open) MoveWatch(before, state, projection, *this);
    // The answer gets the sealed events as stored, without encoding them again.
    for (const std::string& bytes : appended->sealed) {
      auto words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
      std::memcpy(words.begin(), bytes.data(), bytes.size());
      outcome.events.push_back(std::move(words));
    }
    appended->sealed.clear();
    auto [entry, inserted] = staged_states_.try_emplace(case_id);
    state_undo_.emplace_back(
        case_id, inserted ? std::nullopt : std::optional<CaseState>(std::move(entry->second)));
    entry->second = std::move(state);
    if (outcome.first_seq == 0) outcome.first_seq = appended->first_seq;
    outcome.last_seq = appended->last_seq;
    return appended;
  }

  Result<Outcome> Decide(Submission& submission) {
    using Code = Status::Code;
    Status valid = storage::ValidateCaseId(submission.case_id);
    if (valid.ok()) valid = storage::ValidateCommandId(submission.command_id);
    if (!valid.ok()) return valid;
    auto* writer = engine_->writer_.get();

    // A retry returns the first result and decides nothing; another command under a used id
    // is refused.
    capnp::FlatArrayMessageReader reader(submission.command,
                                         storage::CommandReaderOptions(submission.command.size()));
    auto command = reader.getRoot<schema::Command>();
    const Sent sent{submission.command_digest.empty() ? storage::CommandDigest(command)
                                                      : submission.command_digest,
                    submission.actor_post, workflows::CommandName(command)};
    storage::CommandRecord first;
    auto found = writer->FindCommand(submission.command_id, &first);
    if (!found.ok()) return found.status();
    if (found.value()) return Retry(submission, first, sent);

    CaseState state;
    Status loaded = Load(submission.case_id, &state);
    if (!loaded.ok()) return loaded;
    if (submission.expected_version && *submission.expected_version != state.version) {
      const std::string actual = std::to_string(state.version);
      const std::string expected = std::to_string(*submission.expected_version);
      return Status::Error(Code::kConflict,
                           "case " + submission.case_id + " is at version " + actual +
                               ", the command expected version " + expected +
                               "; someone changed it meanwhile — reload and try again",
                           "საქმე " + submission.case_id + " უკვე " + actual +
                               " ვერსიაზეა, ბრძანება კი " + expected +
                               " ვერსიას ელოდა; განაახლეთ და სცადეთ თავიდან");
    }

    const auto which = command.which();
    if (state.kind == workflows::Kind::kNone && !workflows::OpensCase(which) &&
        !workflows::org::IsOrgCommand(which)) {
      return Status::Error(Code::kNotFound, "unknown case " + submission.case_id,
                           "საქმე " + submission.case_id + " არ არსებობს");
    }

    std::optional<CpuTimer> deciding(std::in_place, Counter(&SequencerProfile::decide_ns));
    const workflows::Context context =
        ContextFor(submission.actor_post, Now(), submission.actor_person);
    auto decision = workflows::Decide(state, command, context);
    deciding.reset();
    Outcome outcome;
    outcome.case_id = submission.case_id;
    if (auto* refusal = std::get_if<workflows::Refusal>(&decision)) {
      outcome.refused = true;
      outcome.refusal = *refusal;
      outcome.version = state.version;
      return outcome;
    }
    auto events = std::move(std::get<std::vector<storage::EventDraft>>(decision));
    // A complaint's decision that annuls or amends the act it contests: the act's case takes
    // the consequence in this same atomic unit; a refusal there refuses the decision.
    Contested contested;
    if (which == schema::Command::Which::DECIDE && state.kind == workflows::Kind::kComplaint) {
      Status found = ContestedConsequence(state, events, context, contested);
      if (!found.ok()) return found;
      if (contested.refusal) {
        outcome.refused = true;
        outcome.refusal = *contested.refusal;
        outcome.version = state.version;
        return outcome;
      }
    }
    const bool calendar_changed = ChangesCalendar(events);
    // The ids were validated and the command id found unused above: the writer does not look
    // again.
    auto appended = StageEvents(submission.case_id, submission.command_id, std::move(events),
                                std::move(state), outcome, sent, 0, /*checked=*/true);
    if (!appended.ok()) return appended.status();
    outcome.version = appended->version;
    if (!contested.events.empty()) {
      auto applied =
          StageEvents(contested.case_id,
                      DerivedCommandId(submission.command_id + ":contested", contested.case_id),
                      std::move(contested.events), std::move(contested.state), outcome);
      if (!applied.ok()) return applied.status();
    }
    if (calendar_changed && which == schema::Command::Which::DECLARE_DAY_OFF) {
      // Every open deadline ending on that day moves.
      auto declared = command.getDeclareDayOff();
      const auto day = *workflows::Date::Parse(declared.getDate().cStr());
      Status recomputed = RecomputeDeadlines(
          day, submission, outcome, [&](const CaseState& s, const workflows::Context& c) {
            return workflows::RecomputeForDayOff(s, c, day, declared.getName(),
                                                 submission.command_id);
          });
      if (!recomputed.ok()) return recomputed;
    } else if (calendar_changed) {
      // The deadlines the declaration moved end on the first working day after the day.
      auto withdrawn = command.getWithdrawDayOff();
      const auto day = *workflows::Date::Parse(withdrawn.getDate().cStr());
      Status recomputed =
          RecomputeDeadlines(Calendar()->NextWorkingDay(day.AddDays(1)), submission, outcome,
                             [&](const CaseState& s, const workflows::Context& c) {
                               return workflows::RecomputeForWithdrawal(
                                   s, c, day, withdrawn.getReason(), submission.command_id);
                             });
      if (!recomputed.ok()) return recomputed;
    }
    if (workflows::OpensCase(which)) {
      if (const CaseState* opened = Peek(submission.case_id))
        outcome.headline = HeadlineOf(*opened);
    }
    return outcome;
  }

  // The consequence of a complaint's decision on the act it contests (workflows/legal_act.h).
  struct Contested {
    std::string case_id;
    CaseState state;
    std::vector<storage::EventDraft> events;  // empty: nothing to apply
    std::optional<workflows::Refusal> refusal;
  };

  // Requires `complaint` the complaint's state before `decided`, its decision's events.
  // Guarantees `out` holds the act's case and events when the decision annuls or amends a
  // named act, or the refusal of the act's workflow; nothing otherwise.
  Status ContestedConsequence(const CaseState& complaint, std::vector<storage::EventDraft>& decided,
                              const workflows::Context& context, Contested& out) {
    CaseState after = complaint;
    for (auto& draft : decided) workflows::Evolve(after, draft.event().asReader());
    if (after.contested_act.empty() ||
        (after.outcome != "annulled" && after.outcome != "amended")) {
      return Status::Ok();
    }
    out.case_id = after.contested_act;
    Status loaded = Load(out.case_id, &out.state);
    if (!loaded.ok()) return loaded;
    auto applied = workflows::legal_act::ApplyComplaintDecision(out.state, after, context);
    if (auto* refusal = std::get_if<workflows::Refusal>(&applied)) {
      out.refusal = *refusal;
    } else {
      out.events = std::move(std::get<std::vector<storage::EventDraft>>(applied));
    }
    return Status::Ok();
  }

  // The calendar changed (a day off declared or withdrawn): the open deadlines due on `due`
  // move as `recompute` (a workflow) decides, in the same atomic unit as the change. Only the
  // deadline index entries of that one date are read.
  template <typename Recompute>
  Status RecomputeDeadlines(const workflows::Date& due, const Submission& submission,
                            Outcome& outcome, const Recompute& recompute) {
    const std::string prefix = DeadlineKey(due.ToString(), "");
    const workflows::Context context =
        ContextFor(submission.actor_post, Now(), submission.actor_person);
    for (const auto& key : Keys(kDeadlinesView, prefix, Upper(prefix), SIZE_MAX)) {
      const std::string case_id = key.substr(prefix.size());
      CaseState state;
      Status loaded = Load(case_id, &state);
      if (!loaded.ok()) return loaded;
      auto events = recompute(state, context);
      if (events.empty()) continue;
      auto appended =
          StageEvents(case_id, DerivedCommandId(submission.command_id + ":recompute", case_id),
                      std::move(events), std::move(state), outcome);
      if (!appended.ok()) return appended.status();
    }
    return Status::Ok();
  }

  // One watch job: the cases whose watch date is today or earlier, after `from`, up to a batch.
  // Each case is its own atomic unit: one that fails is logged and skipped, not the rest.
  Result<Outcome> Watch(const std::string& from) {
    const int64_t now = Now();
    const std::string today = TbilisiDate(now);
    Outcome outcome;
    const std::string start = from.empty() ? std::string() : from + '\x00';
    auto keys = Keys(kWatchView, start, today + '\x01', kWatchBatch);
    for (const auto& key : keys) {
      const std::string case_id = key.substr(today.size() + 1);
      Status staged = Atomically([&]() -> Status {
        CaseState state;
        Status loaded = Load(case_id, &state);
        if (!loaded.ok()) return loaded;
        const workflows::Context context = ContextFor(kWatcherPost, now);
        auto events = workflows::WatchDeadline(state, context, engine_->options_.watch_policy);
        if (events.empty()) return Status::Ok();
        auto appended = StageEvents(
            case_id, DerivedCommandId("watch:" + std::to_string(state.version), case_id),
            std::move(events), std::move(state), outcome);
        if (!appended.ok()) return appended.status();
        ++outcome.cases;
        return Status::Ok();
      });
      if (!staged.ok()) {
        spdlog::error("deadline watch: case {} skipped: {}", case_id, staged.message());
      }
    }
    if (keys.size() == kWatchBatch) outcome.watch_more = keys.back();
    return outcome;
  }

  // Keys of `family` in [from, to), counting the sealed group's and this group's staged
  // writes, at most `limit`.
  std::vector<std::string> Keys(const char* family, const std::string& from, const std::string& to,
                                size_t limit) {
    std::set<std::string> keys;
    const Overlay& overlay = Family(family);
    std::unique_ptr<rocksdb::Iterator> it(
        engine_->log_->db()->NewIterator(rocksdb::ReadOptions(), overlay.handle));
    const size_t enough = limit + overlay.sealed.size() + overlay.entries.size();
    for (it->Seek(from); it->Valid() && keys.size() < enough; it->Next()) {
      std::string key = it->key().ToString();
      if (key >= to) break;
      keys.insert(std::move(key));
    }
    for (const auto* staged : {&overlay.sealed, &overlay.entries}) {  // the later layer wins
      for (auto s = staged->lower_bound(from); s != staged->end() && s->first < to; ++s) {
        if (s->second) {
          keys.insert(s->first);
        } else {
          keys.erase(s->first);
        }
      }
    }
    std::vector<std::string> out;
    for (auto& key : keys) {
      if (out.size() == limit) break;
      out.push_back(key);
    }
    return out;
  }

  // A command id seen before: the first result when this is a true retry — the same command
  // (its digest) from the same post on the same case — else kConflict "command_id_reused"
  // naming the first command. A record kept before digests were (no digest) is compared by
  // its case only, as then.
  Result<Outcome> Retry(const Submission& submission, const storage::CommandRecord& first,
                        const Sent& sent) {
    const bool known = !first.digest.empty();
    if (first.case_id != submission.case_id ||
        (known && (first.digest != sent.digest || first.post != sent.post))) {
      std::string en = "command id " + submission.command_id + " was already used", ka;
      if (known) {
        const std::string when = FormatTbilisiTime(first.recorded_at);
        const workflows::CommandLabel* label = workflows::LabelOf(first.type);
        const std::string type_ka = label ? label->label_ka : first.type;
        en += " for " + first.type + " on case " + first.case_id + " by " + first.post + " at " +
              when;
        ka = "ბრძანების იდენტიფიკატორი " + submission.command_id + " უკვე გამოყენებულია: „" +
             type_ka + "“, საქმე " + first.case_id + ", თანამდებობა " + first.post + ", " + when;
      } else {
        en += " for case " + first.case_id;
        ka = "ბრძანების იდენტიფიკატორი " + submission.command_id +
             " უკვე გამოყენებულია საქმისთვის " + first.case_id;
      }
      return Status::Error(Status::Code::kConflict,
                           en + "; a new command needs a new command id (a retry repeats the "
                                "same command from the same post)",
                           ka + "; ახალ ბრძანებას ახალი იდენტიფიკატორი სჭირდება")
          .WithReason("command_id_reused");
    }
    Outcome outcome;
    outcome.duplicate = true;
    outcome.case_id = first.case_id;
    outcome.version = first.version;
    outcome.first_seq = first.first_seq;
    outcome.last_seq = first.last_seq;
    // Committed events are read back; a retry inside the same group, or of the group still
    // being written, may get none.
    Status read =
        engine_->log_->ReadFrom(first.first_seq, [&](uint64_t seq, const storage::EventView& view) {
          if (seq > first.last_seq) return false;
          auto words = kj::heapArray<capnp::word>(view.bytes().size() / sizeof(capnp::word));
          std::memcpy(words.begin(), view.bytes().data(), view.bytes().size());
          outcome.events.push_back(std::move(words));
          return true;
        });
    if (!read.ok()) return read;
    return outcome;
  }

  // The case's state as the group has it, staged (by this group or the sealed one) or cached;
  // null when none holds it.
  const CaseState* Peek(const std::string& case_id) {
    if (auto it = staged_states_.find(case_id); it != staged_states_.end()) return &it->second;
    if (auto it = sealed_states_.find(case_id); it != sealed_states_.end()) return &it->second;
    return cache_.Get(case_id);
  }

  // The case's state: staged in this group or the sealed one, cached, or read from its
  // committed snapshot (its `view_cases` entry, projection/case_snapshot.h) — and then cached:
  // it is the committed state, since a case the sealed group touched is in its staged states.
  // A case without an entry is new. An entry that is no snapshot (views of the format before
  // snapshots, not yet rebuilt; or damage) is passed over: the state is evolved from the case's
  // events, and the command's batch writes its snapshot.
  Status Load(const std::string& case_id, CaseState* state) {
    CpuTimer timer(Counter(&SequencerProfile::load_ns));
    if (const CaseState* known = Peek(case_id)) {
      *state = *known;
      return Status::Ok();
    }
    // Most commands that miss the cache open a case: one Bloom-filtered lookup says so.
    thread_local std::string snapshot;
    auto found = engine_->log_->db()->Get(rocksdb::ReadOptions(), engine_->log_->family(kCasesView),
                                          case_id, &snapshot);
    if (found.IsNotFound()) {
      *state = CaseState();
      engine_->writer_->NoteCommittedVersion(case_id, 0);
      return Status::Ok();
    }
    if (!found.ok()) return FromRocks(found, engine_->log_->dir());
    if (Status read = CommittedState(*engine_->log_, case_id, &snapshot, state); !read.ok()) {
      return read;
    }
    engine_->writer_->NoteCommittedVersion(case_id, state->version);
    cache_.Put(case_id, *state, StateCharge(case_id, *state));
    return Status::Ok();
  }

  // ViewSink over the batch: writes go to the batch and an overlay that later reads see.
  void Put(const char* family, const std::string& key, const std::string& value) override {
    Overlay& staged = Family(family);
    batch_->Put(staged.handle, key, value);
    NoteRegisters(family, key, &value);
    if (!staged.kept) return;
    Stage(staged, key) = value;
  }
  void Delete(const char* family, const std::string& key) override {
    Overlay& staged = Family(family);
    batch_->Delete(staged.handle, key);
    NoteRegisters(family, key, nullptr);
    if (!staged.kept) return;
    Stage(staged, key) = std::nullopt;
  }
  // The overlay's entry for `key`, its previous value kept for the unit's undo.
  std::optional<std::string>& Stage(Overlay& staged, const std::string& key) {
    auto [it, inserted] = staged.entries.try_emplace(key);
    undo_.emplace_back(
        &staged, key,
        inserted ? std::nullopt : std::optional<std::optional<std::string>>(std::move(it->second)));
    return it->second;
  }
  // What a write to the views changes in the registers the sequencer holds (`value` null: a
  // delete): a journal entry put under its number (JournalKey) may be its journal's last; a
  // nomenclature file is opened or handed to the archive; a periodic report becomes owed.
  void NoteRegisters(std::string_view family, const std::string& key, const std::string* value) {
    if (family == kNomenclatureView) {
      files_.Stage(key, value ? FileStatusOf(*value) : workflows::FileStatus::kAbsent);
    } else if (family == kJournalsView) {
      if (IsReportObligationKey(key)) {
        obligations_.Stage(key, value ? std::optional<std::string>(*value) : std::nullopt);
        return;
      }
      const std::string_view journal = JournalKeyPrefix(key);
      if (journal.empty() || !value) return;  // another register, not a numbered entry
      std::string prefix(journal);
      const uint32_t number = JournalKeyNumber(key);
      if (number > LastNumberOf(prefix)) numbers_.Stage(prefix, number);
    }
  }
  // The last number under a journal's `prefix` (JournalPrefix), counting this group's: the
  // sequencer's counters, filled from the journals view on first use.
  uint32_t LastNumberOf(const std::string& prefix) {
    return numbers_.Get(prefix, [this](const std::string& unheld) {
      return StoredLastNumber(*engine_->log_, unheld);
    });
  }
  // The nomenclature file of `key` (NomenclatureKey), counting this group's.
  workflows::FileStatus FileOf(const std::string& key) {
    return files_.Get(key, [this](const std::string& unheld) {
      return FileStatusOf(CommittedEntry(*engine_->log_, kNomenclatureView, unheld));
    });
  }
  // The case that owes the periodic report of `key` (ReportObligationKey), counting this
  // group's.
  std::optional<std::string> ObligationOf(const std::string& key) {
    return obligations_.Get(key, [this](const std::string& unheld) {
      return CommittedEntry(*engine_->log_, kJournalsView, unheld);
    });
  }
  // Calls `fn` with each register the sequencer holds.
  template <typename Fn>
  void EachRegister(Fn fn) {
    fn(numbers_);
    fn(files_);
    fn(obligations_);
  }
  uint32_t LastNumber(std::string_view journal, int year) override {
    return LastNumberOf(JournalPrefix(journal, year));
  }
  std::optional<std::string> Get(const char* family, const std::string& key) override {
    return Read(family, key);
  }
  std::optional<std::string> Read(const char* family, const std::string& key) {
    Overlay& staged = Family(family);
    if (family == std::string_view(kCasesView)) {
      // A case staged in this group or the sealed one: its entry is its staged state's
      // snapshot (the batch holds it).
      for (const auto* states : {&staged_states_, &sealed_states_}) {
        if (auto it = states->find(key); it != states->end()) {
          return EncodeCaseSnapshot(it->second);
        }
      }
    }
    if (auto it = staged.entries.find(key); it != staged.entries.end()) return it->second;
    if (auto it = staged.sealed.find(key); it != staged.sealed.end()) return it->second;
    std::string value;
    auto s = engine_->log_->db()->Get(rocksdb::ReadOptions(), staged.handle, key, &value);
    if (!s.ok()) return std::nullopt;
    return value;
  }
  // The overlay of `family`, made on first use (its column family looked up once).
  Overlay& Family(const char* family) {
    auto it = overlay_.find(std::string_view(family));
    if (it == overlay_.end()) {
      it = overlay_
               .emplace(std::string(family),
                        Overlay{engine_->log_->family(family), !WriteOnly(family), {}, {}})
               .first;
    }
    return it->second;
  }
  // The views a group writes and never reads back from its overlay: the case view (read as
  // the staged state's, see Read), the search records and the inboxes. Keeping the case view
  // out of the overlay saves a copy of it per command.
  static bool WriteOnly(std::string_view family) {
    return family == kCasesView || family == kSearchView || family == kInboxView;
  }
  // The profile's counter `field`, or null when profiling is off (CpuTimer then reads no clock).
  uint64_t* Counter(uint64_t SequencerProfile::*field) {
    return profile_.enabled ? &(profile_.*field) : nullptr;
  }

  Engine* engine_;
  SequencerProfile profile_;  // the sequencer thread's; published in Committed()
  rocksdb::WriteBatch* batch_ = nullptr;
  std::map<std::string, CaseState> staged_states_;
  // The sealed group's (pipelined group commit): written, not yet durable; below this group's.
  std::map<std::string, CaseState> sealed_states_;
  // Committed states, bounded by MemoryBudget::CaseStateBytes (storage/lru_cache.h).
  storage::LruCache<std::string, CaseState> cache_;
  std::atomic<size_t> states_{0}, state_bytes_{0}, state_evictions_{0};
  std::atomic<size_t> versions_{0}, version_bytes_{0};
  // The group's and the sealed group's view writes per family (nullopt: deleted), for the
  // group's own reads.
  std::map<std::string, Overlay, std::less<>> overlay_;
  // The registers Decide asks about (engine/layered_map.h): the journals' last numbers by
  // JournalPrefix, the nomenclature's files by NomenclatureKey, the periodic reports owed by
  // ReportObligationKey.
  LayeredMap<uint32_t> numbers_;
  LayeredMap<workflows::FileStatus> files_;
  LayeredMap<std::optional<std::string>> obligations_;
  // The current job's changes, to take back if it fails after staging.
  std::vector<std::tuple<Overlay*, std::string, std::optional<std::optional<std::string>>>> undo_;
  std::vector<std::pair<std::string, std::optional<CaseState>>> state_undo_;
  int stages_ = 0;          // LogWriter stages of the current unit
  int64_t staging_at_ = 0;  // the staged job's Submission::at_ms
  // The calendar with every committed declared day off, and this group's and the sealed
  // group's copies with more (null: unchanged by that group).
  std::shared_ptr<workflows::HolidayCalendar> calendar_, staged_calendar_, sealed_calendar_;
  // The org chart with every committed org event, and this group's and the sealed group's
  // copies with more.
  std::shared_ptr<workflows::OrgChart> chart_, staged_chart_, sealed_chart_;
};

namespace {

// Why a read-only engine refuses commands: it was asked to read only, and the failed start-up
// check when there was one.
Status ReadOnlyReason(const Status& checked) {
  std::string en = "the log is served read-only, for inspection: commands are not accepted";
  std::string ka = "ჟურნალი მხოლოდ წასაკითხად არის გახსნილი: ბრძანებები არ მიიღება";
  if (!checked.ok()) {
    en += "; " + checked.message();
    ka += "; " + checked.message_ka();
  }
  return Status::Error(Status::Code::kUnavailable, en, ka);
}

// The format of the log's stored views (projection/views.h): meta's kViewFormatKey, 1 when
// absent (views from before the key).
Result<int> ViewFormatOf(const storage::EventLog& log) {
  std::string value;
  auto read = log.db()->Get(rocksdb::ReadOptions(), log.meta_family(), kViewFormatKey, &value);
  if (read.IsNotFound()) return 1;
  if (!read.ok()) return FromRocks(read, log.dir());
  return std::atoi(value.c_str());
}

// Brings a writable log's views to kViewFormat: an empty log is marked as of it, an older one
// is rebuilt by `upgrade` when given (else left as it is).
Status UpgradeIfOld(storage::EventLog& log,
                    const std::function<Status(storage::EventLog&)>& upgrade) {
  auto format = ViewFormatOf(log);
  if (!format.ok()) return format.status();
  if (format.value() > kViewFormat) {
    // A later version's views: this binary would misread them, and write older ones among them.
    return Status::Error(
        Status::Code::kInvalidArgument,
        "the views of " + log.dir() + " are of format " + std::to_string(format.value()) +
            ", newer than this saqme's (" + std::to_string(kViewFormat) +
            "); run the version of saqme that wrote them, or restore the "
            "backup taken before it was installed",
        log.dir() + "-ის ხედები ამ saqme-ზე ახალი ფორმატისაა (" + std::to_string(format.value()) +
            "); გაუშვით saqme-ის ის ვერსია, რომელმაც ისინი დაწერა, ან აღადგინეთ "
            "მის დაყენებამდე გაკეთებული სარეზერვო ასლი");
  }
  if (format.value() == kViewFormat) return Status::Ok();
  if (log.LastSequence() == 0) {
    rocksdb::WriteOptions synced;
    synced.sync = true;
    auto marked =
        log.db()->Put(synced, log.meta_family(), kViewFormatKey, std::to_string(kViewFormat));
    return marked.ok() ? Status::Ok() : FromRocks(marked, log.dir());
  }
  return upgrade ? upgrade(log) : Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& dir, EngineOptions options) {
  std::unique_ptr<Engine> engine(new Engine());
  if (!options.clock) options.clock = SystemMillis;
  if (const char* on = std::getenv("SAQME_SEQUENCER_PROFILE"); on && std::string(on) == "1") {
    options.profile = true;
  }
  engine->options_ = std::move(options);
  storage::LogOptions log_options;
  log_options.extra_column_families = ViewFamilies();
  log_options.create_if_missing = !engine->options_.read_only;
  log_options.memory_budget_mb = engine->options_.memory_budget_mb;
  auto log = storage::EventLog::Open(dir, log_options);
  if (!log.ok()) return log.status();
  engine->log_ = std::move(log.value());
  Status checked =
      engine->options_.check_log ? engine->options_.check_log(*engine->log_) : Status::Ok();
  if (engine->options_.read_only) {
    engine->read_only_ = ReadOnlyReason(checked);
    engine->committed_seq_ = engine->log_->LastSequence();
  } else {
    if (!checked.ok()) return checked;
    Status upgraded = UpgradeIfOld(*engine->log_, engine->options_.upgrade_views);
    if (!upgraded.ok()) return upgraded;
    // Events are recorded at the staged job's business time (Sequencer::Now): the clock's, or
    // the submission's own.
    Engine* e = engine.get();
    auto writer = storage::LogWriter::Create(engine->log_.get(), [e] {
      return e->sequencer_ ? e->sequencer_->Now() : e->options_.clock();
    });
    if (!writer.ok()) return writer.status();
    engine->writer_ = std::move(writer.value());
    engine->committed_seq_ = engine->writer_->committed_last_seq();
  }
  auto calendar = CalendarFromLog(*engine->log_, *engine->options_.calendar);
  if (!calendar.ok()) return calendar.status();
  auto chart = ChartFromLog(*engine->log_, *engine->options_.org);
  if (!chart.ok()) return chart.status();
  engine->adopted_chart_ = std::move(chart->adopted_json);
  engine->sequencer_ = std::make_unique<Sequencer>(engine.get(), std::move(calendar.value()),
                                                   std::move(chart->chart));
  engine->group_ = std::make_unique<storage::GroupCommit<EngineJob>>(
      engine->log_.get(), engine->sequencer_.get(), engine->options_.commit_hooks);
  if (engine->committed_seq_ == 0 && engine->options_.adopt_chart && engine->read_only_.ok()) {
    // A new data directory starts from its org chart.
    Submission adopt;
    adopt.task = Submission::Task::kAdoptChart;
    auto adopted = engine->Execute(std::move(adopt));
    if (!adopted.ok()) return adopted.status();
    engine->adopted_chart_ = engine->options_.org->source_json();
  }
  return engine;
}

Engine::~Engine() { group_.reset(); }  // drains before the sequencer, writer and log go

namespace {

// Hashes a command before it is queued, off the sequencer. A message that does not decode is
// left to the sequencer, which refuses it as before.
void DigestBeforeQueuing(Submission& submission) {
  if (submission.task != Submission::Task::kCommand || !submission.command_digest.empty()) return;
  try {
    capnp::FlatArrayMessageReader reader(submission.command,
                                         storage::CommandReaderOptions(submission.command.size()));
    submission.command_digest = storage::CommandDigest(reader.getRoot<schema::Command>());
  } catch (const kj::Exception&) {
  }
}

}  // namespace

Result<Outcome> Engine::Execute(Submission submission) {
  if (!read_only_.ok()) return read_only_;
  DigestBeforeQueuing(submission);
  EngineJob job{&submission};
  Status queued = group_->Submit(job);
  if (!queued.ok()) return queued;
  return std::move(job.result);
}

void Engine::Submit(Submission submission, std::function<void(Result<Outcome>)> done) {
  if (!read_only_.ok()) return done(read_only_);
  // The submission and its job live on the heap until answered.
  struct InFlight {
    Submission submission;
    EngineJob job{nullptr};
    std::function<void(Result<Outcome>)> done;
  };
  auto flight = std::make_unique<InFlight>();
  flight->submission = std::move(submission);
  flight->job.submission = &flight->submission;
  flight->done = std::move(done);
  DigestBeforeQueuing(flight->submission);
  InFlight* queued = flight.get();
  Status refused = group_->SubmitAsync(queued->job, [queued] {
    std::unique_ptr<InFlight> answered(queued);
    answered->done(std::move(answered->job.result));
  });
  if (!refused.ok()) return flight->done(refused);
  flight.release();  // the group commit's callback owns it now
}

std::vector<Result<Outcome>> Engine::ExecuteAll(std::vector<Submission> submissions) {
  return Queue(std::move(submissions)).Wait();
}

// A queued group's submissions and jobs, where the group commit finds them until answered (on
// the heap: a QueuedGroup may move).
struct Engine::QueuedGroup::Jobs {
  storage::GroupCommit<EngineJob>* group = nullptr;
  std::vector<Submission> submissions;
  std::vector<EngineJob> jobs;
  storage::GroupCommit<EngineJob>::Queued queued;
  Status refused;  // not queued (read-only): every answer
  bool waited = false;
};

Engine::QueuedGroup::QueuedGroup() = default;
Engine::QueuedGroup::QueuedGroup(QueuedGroup&&) noexcept = default;
Engine::QueuedGroup& Engine::QueuedGroup::operator=(QueuedGroup&& other) noexcept {
  if (this != &other) {
    Wait();
    jobs_ = std::move(other.jobs_);
  }
  return *this;
}
Engine::QueuedGroup::~QueuedGroup() { Wait(); }

std::vector<Result<Outcome>> Engine::QueuedGroup::Wait() {
  std::vector<Result<Outcome>> answers;
  if (!jobs_ || jobs_->waited) return answers;
  jobs_->waited = true;
  Status queued = jobs_->refused.ok() ? jobs_->group->Wait(jobs_->queued) : jobs_->refused;
  answers.reserve(jobs_->jobs.size());
  for (auto& job : jobs_->jobs) answers.push_back(queued.ok() ? std::move(job.result) : queued);
  return answers;
}

Engine::QueuedGroup Engine::Queue(std::vector<Submission> submissions) {
  QueuedGroup queued;
  queued.jobs_ = std::make_unique<QueuedGroup::Jobs>();
  auto& jobs = *queued.jobs_;
  jobs.group = group_.get();
  jobs.submissions = std::move(submissions);
  jobs.jobs.reserve(jobs.submissions.size());
  std::vector<EngineJob*> queue;
  queue.reserve(jobs.submissions.size());
  for (auto& submission : jobs.submissions) {
    DigestBeforeQueuing(submission);
    jobs.jobs.push_back(EngineJob{&submission});
    queue.push_back(&jobs.jobs.back());
  }
  if (read_only_.ok()) {
    jobs.queued = group_->Queue(queue.data(), queue.size());
  } else {
    jobs.refused = read_only_;
  }
  return queued;
}

storage::GroupCommit<EngineJob>::Stats Engine::stats() const { return group_->stats(); }
Engine::CacheStats Engine::cache_stats() const { return sequencer_->cache_stats(); }
SequencerProfile Engine::profile() const {
  SequencerProfile profile;
  {
    std::lock_guard<std::mutex> lock(committed_mu_);
    profile = committed_profile_;
  }
  if (group_) {
    const auto stats = group_->stats();
    profile.write_seconds = stats.fsync_seconds.sum();
    profile.write_cpu_seconds = stats.write_cpu_seconds;
    profile.groups = stats.groups;
  }
  return profile;
}
Status Engine::Accepting() const { return read_only_.ok() ? group_->Accepting() : read_only_; }

std::string Engine::Today() const { return TbilisiDate(options_.clock()); }

Result<Engine::WatchReport> Engine::Watch() {
  WatchReport report;
  // Nothing due in the committed watch index: no need to queue behind the writer. (A command
  // being staged right now that makes something due today is seen by the next tick.)
  {
    std::unique_ptr<rocksdb::Iterator> first(
        log_->db()->NewIterator(rocksdb::ReadOptions(), log_->family(kWatchView)));
    first->SeekToFirst();
    if (!first->status().ok()) return FromRocks(first->status(), log_->dir());
    if (!first->Valid() || first->key().ToString() >= Today() + '\x01') return report;
  }
  std::string from;
  do {
    Submission submission;
    submission.task = Submission::Task::kWatch;
    submission.watch_from = from;
    auto outcome = Execute(std::move(submission));
    if (!outcome.ok()) return outcome.status();
    report.cases += outcome->cases;
    report.events += outcome->events.size();
    from = outcome->watch_more;
  } while (!from.empty());
  return report;
}

uint64_t Engine::WaitForEventsAfter(uint64_t seq, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(committed_mu_);
  committed_cv_.wait_for(lock, timeout, [&] { return committed_seq_ > seq; });
  return committed_seq_;
}

Result<CaseState> Engine::State(const std::string& case_id) const {
  CaseState state;
  std::string entry;
  const bool found =
      storage::ValidateCaseId(case_id).ok() &&
      log_->db()->Get(rocksdb::ReadOptions(), log_->family(kCasesView), case_id, &entry).ok();
  Status read = CommittedState(*log_, case_id, found ? &entry : nullptr, &state);
  if (!read.ok()) return read;
  if (state.version == 0) {
    return Status::Error(Status::Code::kNotFound, "unknown case " + case_id,
                         "საქმე " + case_id + " არ არსებობს");
  }
  return state;
}

Engine::ReadContext Engine::ContextFor(const std::string& post) const {
  ReadContext read;
  {
    std::lock_guard<std::mutex> lock(committed_mu_);
    read.calendar = committed_calendar_;
    read.chart = committed_chart_;
  }
  read.context =
      BaseContext(options_, read.chart.get(), read.calendar.get(), post, options_.clock());
  const storage::EventLog* log = log_.get();
  read.context.next_number = [log](std::string_view journal, int year) {
    return std::to_string(StoredLastNumber(*log, JournalPrefix(journal, year)) + 1);
  };
  // The registers as they are committed (the sequencer holds the same, with its groups').
  read.context.in_nomenclature = [log](int year, std::string_view code) {
    return FileStatusOf(CommittedEntry(*log, kNomenclatureView, NomenclatureKey(year, code)));
  };
  read.context.required_report = [log](std::string_view post, std::string_view report,
                                       std::string_view period) {
    return CommittedEntry(*log, kJournalsView, ReportObligationKey(post, report, period));
  };
  read.context.legal_act = [this](std::string_view case_id) -> std::optional<workflows::ActFacts> {
    auto act = State(std::string(case_id));
    return act.ok() ? ActFactsOf(act.value()) : std::nullopt;
  };
  return read;
}

std::shared_ptr<const workflows::OrgChart> Engine::Chart() const {
  std::lock_guard<std::mutex> lock(committed_mu_);
  return committed_chart_;
}

Result<workflows::HolidayCalendar> CalendarFromLog(const storage::EventLog& log,
                                                   const workflows::HolidayCalendar& base) {
  workflows::HolidayCalendar calendar = base;
  Status read =
      log.ReadCase(workflows::kCalendarCaseId, [&](uint64_t, const storage::EventView& view) {
        workflows::ApplyToCalendar(calendar, view.event());
        return true;
      });
  if (!read.ok() && read.code() != Status::Code::kNotFound) return read;
  return calendar;
}

Result<ChartInLog> ChartFromLog(const storage::EventLog& log, const workflows::OrgChart& base) {
  ChartInLog found{base, ""};
  Status changed = Status::Ok();
  Status read = log.ReadCase(workflows::kOrgCaseId, [&](uint64_t, const storage::EventView& view) {
    auto event = view.event();
    changed = workflows::org::EvolveChart(found.chart, event);
    if (event.getPayload().which() == schema::Event::Payload::ORG_CHART_ADOPTED) {
      found.adopted_json = event.getPayload().getOrgChartAdopted().getChart();
    }
    return changed.ok();
  });
  if (!read.ok() && read.code() != Status::Code::kNotFound) return read;
  if (!changed.ok()) return changed;
  return found;
}

}  // namespace saqme::engine
