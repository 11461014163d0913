#include "storage/log_writer.h"

#include <chrono>

#include <kj/exception.h>

namespace saqme::storage {
namespace {

int64_t SystemMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Result<std::unique_ptr<LogWriter>> LogWriter::Create(EventLog* log,
                                                     std::function<int64_t()> clock) {
  if (log->options().read_only) {
    return Status::Error(Status::Code::kInvalidArgument, "the log was opened read-only");
  }
  if (!log->ClaimWriter()) {
    return Status::Error(Status::Code::kInvalidArgument, "the log already has its writer");
  }
  std::unique_ptr<LogWriter> writer(new LogWriter(log));
  writer->clock_ = clock ? std::move(clock) : SystemMillis;
  uint64_t last = log->LastSequence();
  if (last > 0) {
    // Continue the chain from the stored head; refuse to extend a tail that does not check out.
    rocksdb::PinnableSlice bytes;
    rocksdb::Status s =
        log->db()->Get(rocksdb::ReadOptions(), log->log_family(), EncodeSeq(last), &bytes);
    if (!s.ok()) return FromRocks(s, log->dir());
    auto view = EventView::Decode(std::string_view(bytes.data(), bytes.size()));
    if (!view.ok()) return view.status();
    Hash prev{}, hash{};
    auto stored_prev = view.value()->event().getPrevHash();
    if (stored_prev.size() == prev.size())
      std::copy(stored_prev.begin(), stored_prev.end(), prev.begin());
    Status check = CheckEvent(view.value()->bytes(), last, prev, &hash);
    if (!check.ok()) return check;
    writer->committed_.last_seq = last;
    writer->committed_.head_hash = hash;
    writer->committed_.last_recorded_at = view.value()->event().getRecordedAt();
  }
  writer->staged_ = writer->committed_;
  return writer;
}

Result<uint32_t> LogWriter::CurrentVersion(const std::string& case_id) {
  if (auto it = staged_versions_.find(case_id); it != staged_versions_.end()) return it->second;
  if (auto it = sealed_versions_.find(case_id); it != sealed_versions_.end()) return it->second;
  if (const uint32_t* version = committed_versions_.Get(case_id)) return *version;
  return log_->CaseVersion(case_id);
}

Result<bool> LogWriter::FindCommand(const std::string& command_id, CommandRecord* record) {
  for (const auto* commands : {&staged_commands_, &sealed_commands_}) {
    if (auto it = commands->find(command_id); it != commands->end()) {
      *record = it->second;
      return true;
    }
  }
  std::string value;
  rocksdb::Status s =
      log_->db()->Get(rocksdb::ReadOptions(), log_->commands_family(), command_id, &value);
  if (s.IsNotFound()) return false;
  if (!s.ok()) return FromRocks(s, log_->dir());
  if (!DecodeCommandRecord(value, record)) {
    return Status::Error(Status::Code::kCorruption, "command record " + command_id + " is damaged");
  }
  return true;
}

Result<AppendResult> LogWriter::Stage(AppendRequest& request, rocksdb::WriteBatch* batch) {
  using Code = Status::Code;
  CommandRecord previous;
  Result<bool> found = false;
  if (!request.checked) {
    Status valid = ValidateCaseId(request.case_id);
    if (!valid.ok()) return valid;
    valid = ValidateCommandId(request.command_id);
    if (!valid.ok()) return valid;
    found = FindCommand(request.command_id, &previous);
    if (!found.ok()) return found.status();
  }
  if (found.value()) {
    if (previous.case_id != request.case_id) {
      return Status::Error(
          Code::kConflict,
          "command id " + request.command_id + " was already used for case " + previous.case_id,
          "ბრძანების იდენტიფიკატორი " + request.command_id + " უკვე გამოყენებულია საქმისთვის " +
              previous.case_id);
    }
    return AppendResult{
        previous.case_id, previous.first_seq, previous.last_seq, previous.version, true, {}};
  }

  if (request.events.empty()) {
    return Status::Error(Code::kInvalidArgument, "a command must record at least one event",
                         "ბრძანება ერთ მოვლენას მაინც უნდა შეიცავდეს");
  }
  if (request.events.size() > log_->options().max_events_per_command) {
    return Status::Error(Code::kInvalidArgument,
                         "a command may record at most " +
                             std::to_string(log_->options().max_events_per_command) + " events",
                         "ბრძანებაში მეტისმეტად ბევრი მოვლენაა");
  }

  auto current = CurrentVersion(request.case_id);
  if (!current.ok()) return current.status();
  if (request.expected_version > 0 && current.value() == 0) {
    return Status::Error(Code::kNotFound, "unknown case " + request.case_id,
                         "საქმე " + request.case_id + " არ არსებობს");
  }
  if (current.value() != request.expected_version) {
    const std::string actual = std::to_string(current.value());
    const std::string expected = std::to_string(request.expected_version);
    return Status::Error(
        Code::kConflict,
        "case " + request.case_id + " is at version " + actual + ", the command expected version " +
            expected + "; someone changed it meanwhile — reload and try again",
        "საქმე " + request.case_id + " უკვე " + actual + " ვერსიაზეა, ბრძანება კი " + expected +
            " ვერსიას ელოდა; საქმე სხვამ შეცვალა — განაახლეთ და სცადეთ თავიდან");
  }

  // Seal every event before touching the batch, so a refusal adds nothing.
  Tail tail = staged_;
  int64_t recorded_at = std::max(clock_(), tail.last_recorded_at);  // never backwards in the log
  uint32_t version = current.value();
  std::vector<std::pair<uint64_t, std::string>> sealed;
  sealed.reserve(request.events.size());
  for (auto& draft : request.events) {
    auto event = draft.event();
    event.setSeq(++tail.last_seq);
    event.setCaseId(request.case_id);
    event.setCaseVersion(++version);
    event.setRecordedAt(recorded_at);
    event.setCommandId(request.command_id);
    std::string bytes = SealEvent(draft.message(), tail.head_hash, &tail.head_hash);
    const size_t limit =
        request.max_event_bytes ? request.max_event_bytes : log_->options().max_event_bytes;
    if (bytes.size() > limit) {
      return Status::Error(Code::kTooLarge,
                           "an event of " + std::to_string(bytes.size()) +
                               " bytes exceeds the limit of " + std::to_string(limit) + " bytes",
                           "მოვლენა ზედმეტად დიდია (" + std::to_string(bytes.size()) +
                               " ბაიტი, ზღვარია " + std::to_string(limit) + ")");
    }
    sealed.emplace_back(tail.last_seq, std::move(bytes));
  }
  tail.last_recorded_at = recorded_at;

  uint32_t case_version = current.value();
  for (auto& [seq, bytes] : sealed) {
    std::string seq_key = EncodeSeq(seq);
    batch->Put(log_->log_family(), seq_key, bytes);
    batch->Put(log_->case_index_family(), CaseIndexKey(request.case_id, ++case_version), seq_key);
  }
  AppendResult result{
      request.case_id, sealed.front().first, sealed.back().first, version, false, {}};
  CommandRecord record{
      request.case_id,        result.first_seq,     result.last_seq,      result.version,
      request.command_digest, request.command_post, request.command_type, recorded_at};
  batch->Put(log_->commands_family(), request.command_id, EncodeCommandRecord(record));

  Undo undo{staged_, request.case_id, request.command_id, std::nullopt};
  if (auto it = staged_versions_.find(request.case_id); it != staged_versions_.end()) {
    undo.version = it->second;
  }
  stages_.push_back(std::move(undo));
  staged_ = tail;
  staged_versions_[request.case_id] = version;
  staged_commands_[request.command_id] = record;
  result.sealed.reserve(sealed.size());
  for (auto& [seq, bytes] : sealed) result.sealed.push_back(std::move(bytes));
  return result;
}

void LogWriter::UndoLastStage() {
  if (stages_.empty()) return;
  const Undo& last = stages_.back();
  staged_ = last.tail;
  if (last.version) {
    staged_versions_[last.case_id] = *last.version;
  } else {
    staged_versions_.erase(last.case_id);
  }
  staged_commands_.erase(last.command_id);
  stages_.pop_back();
}

void LogWriter::Seal() {
  stages_.clear();
  sealed_ = true;
  sealed_tail_ = staged_;
  sealed_versions_ = std::move(staged_versions_);
  sealed_commands_ = std::move(staged_commands_);
  staged_versions_.clear();
  staged_commands_.clear();
}

void LogWriter::Commit() {
  if (!sealed_) Seal();
  sealed_ = false;
  committed_ = sealed_tail_;
  for (auto& [case_id, version] : sealed_versions_) {
    committed_versions_.Put(case_id, version, kVersionCharge);
  }
  sealed_versions_.clear();
  sealed_commands_.clear();
  log_->PublishLastSequence(committed_.last_seq);
}

void LogWriter::Abandon() {
  stages_.clear();
  staged_ = committed_;
  staged_versions_.clear();
  staged_commands_.clear();
  sealed_ = false;
  sealed_versions_.clear();
  sealed_commands_.clear();
}

}  // namespace saqme::storage
