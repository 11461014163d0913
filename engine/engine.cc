#include "engine/engine.h"

#include <chrono>
#include <cstring>
#include <map>
#include <tuple>
#include <vector>

#include <capnp/serialize.h>
#include <kj/exception.h>
#include <rocksdb/write_batch.h>
#include <boost/json/parse.hpp>

#include "engine/projection.h"
#include "engine/views.h"
#include "storage/event_json.h"
#include "storage/keys.h"
#include "storage/tbilisi_time.h"

namespace saqme::engine {
namespace {

using storage::FromRocks;
using workflows::CaseState;
using Views = std::map<std::string, std::map<std::string, std::string>>;

int64_t SystemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Upper(std::string prefix) {  // the key just past every key starting with prefix
  prefix.append(8, '\xff');
  return prefix;
}

// The last journal number in the committed views.
uint32_t StoredLastNumber(const storage::EventLog& log, std::string_view journal, int year) {
  std::unique_ptr<rocksdb::Iterator> it(
      log.db()->NewIterator(rocksdb::ReadOptions(), log.family(kJournalsView)));
  const std::string prefix = JournalPrefix(journal, year);
  it->SeekForPrev(Upper(prefix));
  if (!it->Valid() || !it->key().starts_with(prefix) || it->key().size() != prefix.size() + 4) {
    return 0;
  }
  return JournalKeyNumber(std::string_view(it->key().data(), it->key().size()));
}

// Rebuild: writes into maps, as a fresh database would hold them.
class MapSink : public ViewSink {
 public:
  explicit MapSink(Views* views) : views_(views) {}
  void Put(const char* family, const std::string& key, const std::string& value) override {
    (*views_)[family][key] = value;
  }
  void Delete(const char* family, const std::string& key) override { (*views_)[family].erase(key); }
  uint32_t LastNumber(std::string_view journal, int year) override {
    auto& journals = (*views_)[kJournalsView];
    const std::string prefix = JournalPrefix(journal, year);
    auto it = journals.upper_bound(Upper(prefix));
    if (it == journals.begin()) return 0;
    --it;
    return it->first.rfind(prefix, 0) == 0 ? JournalKeyNumber(it->first) : 0;
  }

 private:
  Views* views_;
};

}  // namespace

// The sequencer's half of the GroupCommit: decide, stage, evolve, project.
class Engine::Sequencer : public storage::GroupCommit<EngineJob>::Stager, private ViewSink {
 public:
  Sequencer(Engine* engine) : engine_(engine) {}

  uint64_t Stage(EngineJob& job, rocksdb::WriteBatch* batch) override {
    batch_ = batch;
    // Whatever this job adds — events, views, the writer's tail, the overlay — is taken back
    // whole if it fails half-way, so the log and the views stay in step.
    batch_->SetSavePoint();
    undo_.clear();
    events_staged_ = false;
    bool failed = false;
    try {
      job.result = Decide(*job.submission);
    } catch (const kj::Exception& e) {
      failed = true;
      job.result =
          Status::Error(Status::Code::kInvalidArgument,
                        std::string("the command could not be read: ") + e.getDescription().cStr(),
                        "ბრძანების წაკითხვა ვერ მოხერხდა");
    } catch (const std::exception& e) {
      failed = true;
      job.result = Status::Error(Status::Code::kIOError, e.what());
    }
    if (failed) {
      batch_->RollbackToSavePoint();
      if (events_staged_) engine_->writer_->UndoLastStage();
      for (auto it = undo_.rbegin(); it != undo_.rend(); ++it) {
        auto& [family, key, previous] = *it;
        if (previous) {
          overlay_[family][key] = *previous;
        } else {
          overlay_[family].erase(key);
        }
      }
      // staged_states_ is only updated as the last step of a successful Decide.
    } else {
      batch_->PopSavePoint();
    }
    batch_ = nullptr;
    const auto& r = job.result;
    return r.ok() && !r->refused && !r->duplicate ? r->last_seq - r->first_seq + 1 : 0;
  }

  void Committed() override {
    engine_->writer_->Commit();
    for (auto& [case_id, state] : staged_states_) cache_[case_id] = std::move(state);
    if (cache_.size() > 100000) cache_.clear();  // a bound; the log refills it
    staged_states_.clear();
    overlay_.clear();
  }
  void Abandoned() override {
    engine_->writer_->Abandon();
    staged_states_.clear();
    overlay_.clear();
  }
  void Fail(EngineJob& job, const Status& failure) override { job.result = failure; }

 private:
  Result<Outcome> Decide(Submission& submission) {
    using Code = Status::Code;
    Status valid = storage::ValidateCaseId(submission.case_id);
    if (valid.ok()) valid = storage::ValidateCommandId(submission.command_id);
    if (!valid.ok()) return valid;
    auto* writer = engine_->writer_.get();

    // A retry returns the first result and decides nothing.
    storage::CommandRecord first;
    auto found = writer->FindCommand(submission.command_id, &first);
    if (!found.ok()) return found.status();
    if (found.value()) return Retry(submission, first);

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

    capnp::FlatArrayMessageReader reader(submission.command);
    auto command = reader.getRoot<schema::Command>();
    const auto which = command.which();
    const bool opening = which == schema::Command::REGISTER_INCOMING ||
                         which == schema::Command::DRAFT_ACT ||
                         which == schema::Command::ISSUE_ASSIGNMENT ||
                         which == schema::Command::APPROVE_NOMENCLATURE;
    if (state.kind == workflows::Kind::kNone && !opening) {
      return Status::Error(Code::kNotFound, "unknown case " + submission.case_id,
                           "საქმე " + submission.case_id + " არ არსებობს");
    }

    const int64_t now = engine_->options_.clock();
    workflows::Context context;
    context.actor_post = submission.actor_post;
    const auto* post = engine_->options_.org->FindPost(submission.actor_post);
    context.actor_person = post ? post->holder : "";
    context.today = *workflows::Date::Parse(TbilisiDate(now));
    context.now_ms = now;
    context.org = engine_->options_.org;
    context.calendar = engine_->options_.calendar;
    context.deadlines = engine_->options_.deadlines;
    context.next_number = [this](std::string_view journal, int year) {
      return std::to_string(LastNumber(journal, year) + 1);
    };
    context.in_nomenclature = [this](int year, std::string_view code) {
      auto file = Read(kNomenclatureView, NomenclatureKey(year, code));
      if (!file) return false;
      auto parsed = boost::json::parse(*file).as_object();
      return !parsed.at("archived").as_bool();
    };

    auto decision = workflows::Decide(state, command, context);
    Outcome outcome;
    outcome.case_id = submission.case_id;
    if (auto* refusal = std::get_if<workflows::Refusal>(&decision)) {
      outcome.refused = true;
      outcome.refusal = *refusal;
      outcome.version = state.version;
      return outcome;
    }
    storage::AppendRequest request;
    request.case_id = submission.case_id;
    request.expected_version = state.version;
    request.command_id = submission.command_id;
    request.events = std::move(std::get<std::vector<storage::EventDraft>>(decision));
    auto appended = writer->Stage(request, batch_);
    if (!appended.ok()) return appended.status();
    events_staged_ = true;
    for (auto& draft : request.events) {
      auto event = draft.event().asReader();
      const CaseState before = state;
      workflows::Evolve(state, event);
      Project(before, state, event, *engine_->options_.org, *this);
      auto words = capnp::messageToFlatArray(draft.message());
      outcome.events.push_back(kj::heapArray<capnp::word>(words.asPtr()));
    }
    staged_states_[submission.case_id] = state;
    outcome.version = appended->version;
    outcome.first_seq = appended->first_seq;
    outcome.last_seq = appended->last_seq;
    return outcome;
  }

  Result<Outcome> Retry(const Submission& submission, const storage::CommandRecord& first) {
    if (first.case_id != submission.case_id) {
      return Status::Error(
          Status::Code::kConflict,
          "command id " + submission.command_id + " was already used for case " + first.case_id,
          "ბრძანების იდენტიფიკატორი უკვე გამოყენებულია საქმისთვის " + first.case_id);
    }
    Outcome outcome;
    outcome.duplicate = true;
    outcome.case_id = first.case_id;
    outcome.version = first.version;
    outcome.first_seq = first.first_seq;
    outcome.last_seq = first.last_seq;
    // Committed events are read back; a retry inside the same group gets none.
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

  // The case's state: staged in this group, cached, or evolved from the log.
  Status Load(const std::string& case_id, CaseState* state) {
    if (auto it = staged_states_.find(case_id); it != staged_states_.end()) {
      *state = it->second;
      return Status::Ok();
    }
    if (auto it = cache_.find(case_id); it != cache_.end()) {
      *state = it->second;
      return Status::Ok();
    }
    *state = CaseState();
    // Most commands that miss the cache open a case: one Bloom-filtered lookup of the case
    // view (written in the same batch as every event) says so without reading the log.
    std::string view;
    auto found = engine_->log_->db()->Get(rocksdb::ReadOptions(), engine_->log_->family(kCasesView),
                                          case_id, &view);
    if (found.IsNotFound()) {
      engine_->writer_->NoteCommittedVersion(case_id, 0);
      return Status::Ok();
    }
    if (!found.ok()) return FromRocks(found, engine_->log_->dir());
    Status read = engine_->log_->ReadCase(case_id, [&](uint64_t, const storage::EventView& view) {
      workflows::Evolve(*state, view.event());
      return true;
    });
    if (read.ok()) engine_->writer_->NoteCommittedVersion(case_id, state->version);
    return read;
  }

  // ViewSink over the batch: writes go to the batch and an overlay that later reads see.
  void Put(const char* family, const std::string& key, const std::string& value) override {
    batch_->Put(engine_->log_->family(family), key, value);
    Remember(family, key);
    overlay_[family][key] = value;
  }
  void Delete(const char* family, const std::string& key) override {
    batch_->Delete(engine_->log_->family(family), key);
    Remember(family, key);
    overlay_[family][key] = std::nullopt;
  }
  void Remember(const char* family, const std::string& key) {
    auto& entries = overlay_[family];
    auto it = entries.find(key);
    undo_.emplace_back(
        family, key,
        it == entries.end() ? std::nullopt : std::optional<std::optional<std::string>>(it->second));
  }
  uint32_t LastNumber(std::string_view journal, int year) override {
    uint32_t last = StoredLastNumber(*engine_->log_, journal, year);
    const std::string prefix = JournalPrefix(journal, year);
    auto& staged = overlay_[kJournalsView];
    for (auto it = staged.lower_bound(prefix);
         it != staged.end() && it->first.rfind(prefix, 0) == 0; ++it) {
      if (it->second) last = std::max(last, JournalKeyNumber(it->first));
    }
    return last;
  }
  std::optional<std::string> Read(const char* family, const std::string& key) {
    if (auto f = overlay_.find(family); f != overlay_.end()) {
      if (auto it = f->second.find(key); it != f->second.end()) return it->second;
    }
    std::string value;
    auto s = engine_->log_->db()->Get(rocksdb::ReadOptions(), engine_->log_->family(family), key,
                                      &value);
    if (!s.ok()) return std::nullopt;
    return value;
  }

  Engine* engine_;
  rocksdb::WriteBatch* batch_ = nullptr;
  std::map<std::string, CaseState> staged_states_;
  std::map<std::string, CaseState> cache_;
  std::map<std::string, std::map<std::string, std::optional<std::string>>> overlay_;
  // The current job's changes, to take back if it fails after staging.
  std::vector<std::tuple<std::string, std::string, std::optional<std::optional<std::string>>>>
      undo_;
  bool events_staged_ = false;
};

boost::json::array Outcome::EventsJson() const {
  boost::json::array out;
  for (const auto& words : events) {
    capnp::FlatArrayMessageReader reader(words);
    out.push_back(storage::EventToJson(reader.getRoot<schema::Event>()));
  }
  return out;
}

Result<std::unique_ptr<Engine>> Engine::Open(const std::string& dir, EngineOptions options) {
  std::unique_ptr<Engine> engine(new Engine());
  if (!options.clock) options.clock = SystemMillis;
  engine->options_ = std::move(options);
  storage::LogOptions log_options;
  log_options.extra_column_families = ViewFamilies();
  auto log = storage::EventLog::Open(dir, log_options);
  if (!log.ok()) return log.status();
  engine->log_ = std::move(log.value());
  auto writer = storage::LogWriter::Create(engine->log_.get(), engine->options_.clock);
  if (!writer.ok()) return writer.status();
  engine->writer_ = std::move(writer.value());
  engine->sequencer_ = std::make_unique<Sequencer>(engine.get());
  engine->group_ = std::make_unique<storage::GroupCommit<EngineJob>>(engine->log_.get(),
                                                                     engine->sequencer_.get());
  return engine;
}

Engine::~Engine() { group_.reset(); }  // drains before the sequencer, writer and log go

Result<Outcome> Engine::Execute(Submission submission) {
  EngineJob job{&submission};
  Status queued = group_->Submit(job);
  if (!queued.ok()) return queued;
  return std::move(job.result);
}

storage::GroupCommit<EngineJob>::Stats Engine::stats() const { return group_->stats(); }

namespace {

Result<boost::json::array> ScanPrefix(const storage::EventLog& log, const char* family,
                                      const std::string& from, const std::string& prefix) {
  boost::json::array out;
  std::unique_ptr<rocksdb::Iterator> it(
      log.db()->NewIterator(rocksdb::ReadOptions(), log.family(family)));
  for (it->Seek(from); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    boost::system::error_code error;
    auto value =
        boost::json::parse(std::string_view(it->value().data(), it->value().size()), error);
    if (error)
      return Status::Error(Status::Code::kCorruption, std::string(family) + " holds bad JSON");
    out.push_back(std::move(value));
  }
  if (!it->status().ok()) return FromRocks(it->status(), log.dir());
  return out;
}

}  // namespace

Result<boost::json::object> Engine::Case(const std::string& case_id) const {
  std::string value;
  auto s = log_->db()->Get(rocksdb::ReadOptions(), log_->family(kCasesView), case_id, &value);
  if (s.IsNotFound()) {
    return Status::Error(Status::Code::kNotFound, "unknown case " + case_id,
                         "საქმე " + case_id + " არ არსებობს");
  }
  if (!s.ok()) return FromRocks(s, log_->dir());
  return boost::json::parse(value).as_object();
}

Result<boost::json::array> Engine::Journal(const std::string& journal, int year) const {
  const std::string prefix = JournalPrefix(journal, year);
  return ScanPrefix(*log_, kJournalsView, prefix, prefix);
}

Result<boost::json::array> Engine::Inbox(const std::string& post) const {
  const std::string prefix = InboxPrefix(post);
  return ScanPrefix(*log_, kInboxView, prefix, prefix);
}

Result<boost::json::array> Engine::DeadlinesThrough(const std::string& date) const {
  boost::json::array out;
  std::unique_ptr<rocksdb::Iterator> it(
      log_->db()->NewIterator(rocksdb::ReadOptions(), log_->family(kDeadlinesView)));
  const std::string end = date + '\x01';  // every key of `date` sorts before this
  for (it->SeekToFirst(); it->Valid() && it->key().ToString() < end; it->Next()) {
    out.push_back(boost::json::parse(it->value().ToString()));
  }
  if (!it->status().ok()) return FromRocks(it->status(), log_->dir());
  return out;
}

uint64_t Engine::OpenCases() const {
  uint64_t count = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      log_->db()->NewIterator(rocksdb::ReadOptions(), log_->family(kDeadlinesView)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
  return count;
}

Result<boost::json::array> Engine::Nomenclature(int year) const {
  const std::string prefix = NomenclaturePrefix(year);
  return ScanPrefix(*log_, kNomenclatureView, prefix, prefix);
}

Result<Views> Engine::RebuildViews() const {
  Views views;
  MapSink sink(&views);
  std::map<std::string, CaseState> states;
  Status read = log_->ReadFrom(1, [&](uint64_t, const storage::EventView& view) {
    auto event = view.event();
    CaseState& state = states[event.getCaseId().cStr()];
    const CaseState before = state;
    workflows::Evolve(state, event);
    Project(before, state, event, *options_.org, sink);
    return true;
  });
  if (!read.ok()) return read;
  for (auto it = views.begin(); it != views.end();) {
    it = it->second.empty() ? views.erase(it) : std::next(it);
  }
  return views;
}

Views Engine::LiveViews() const {
  Views views;
  for (const auto& family : ViewFamilies()) {
    std::unique_ptr<rocksdb::Iterator> it(
        log_->db()->NewIterator(rocksdb::ReadOptions(), log_->family(family)));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      views[family][it->key().ToString()] = it->value().ToString();
    }
  }
  return views;
}

}  // namespace saqme::engine
