#include "engine/view_reader.h"

#include <memory>
#include <string_view>

#include <rocksdb/db.h>
#include <boost/json/parse.hpp>

#include "projection/case_snapshot.h"
#include "projection/projection.h"
#include "projection/views.h"

namespace saqme::engine {

using storage::FromRocks;

namespace {

// Visits the entries (key, value) of `family` from key `from` while the keys start with
// `prefix`, until `visit` clears its `more`; the visitor's error, or the iterator's, stops it.
template <typename Visit>
Status ScanValues(const storage::EventLog& log, const char* family, const std::string& from,
                  const std::string& prefix, Visit visit,
                  const rocksdb::ReadOptions& options = rocksdb::ReadOptions()) {
  std::unique_ptr<rocksdb::Iterator> it(log.db()->NewIterator(options, log.family(family)));
  for (it->Seek(from); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    bool more = true;
    if (Status visited = visit(std::string_view(it->key().data(), it->key().size()),
                               std::string_view(it->value().data(), it->value().size()), &more);
        !visited.ok()) {
      return visited;
    }
    if (!more) break;
  }
  return it->status().ok() ? Status::Ok() : FromRocks(it->status(), log.dir());
}

Result<boost::json::array> ScanPrefix(const storage::EventLog& log, const char* family,
                                      const std::string& from, const std::string& prefix,
                                      size_t limit = SIZE_MAX) {
  boost::json::array out;
  if (limit == 0) return out;
  Status scanned = ScanValues(
      log, family, from, prefix, [&](std::string_view, std::string_view text, bool* more) {
        boost::system::error_code error;
        auto value = boost::json::parse(text, error);
        if (error) {
          return Status::Error(Status::Code::kCorruption, std::string(family) + " holds bad JSON");
        }
        out.push_back(std::move(value));
        *more = out.size() < limit;
        return Status::Ok();
      });
  if (!scanned.ok()) return scanned;
  return out;
}

}  // namespace

Result<boost::json::object> ViewReader::Case(const std::string& case_id) const {
  std::string value;
  auto s = log_.db()->Get(rocksdb::ReadOptions(), log_.family(kCasesView), case_id, &value);
  if (s.IsNotFound()) {
    return Status::Error(Status::Code::kNotFound, "unknown case " + case_id,
                         "საქმე " + case_id + " არ არსებობს");
  }
  if (!s.ok()) return FromRocks(s, log_.dir());
  // The entry is the case's state; its view is rendered here, on the reader's thread. Views of
  // the format before snapshots (a directory opened read-only, not yet rebuilt) hold the JSON.
  if (workflows::CaseState state; DecodeCaseSnapshot(value, &state)) return CaseView(state);
  boost::system::error_code error;
  auto parsed = boost::json::parse(value, error);
  if (error || !parsed.is_object()) {
    return Status::Error(Status::Code::kCorruption, "the entry of case " + case_id + " is damaged",
                         "საქმე " + case_id + "-ის ჩანაწერი დაზიანებულია");
  }
  return std::move(parsed.as_object());
}

Result<boost::json::array> ViewReader::Journal(const std::string& journal, int year, uint32_t after,
                                               size_t limit) const {
  const std::string prefix = JournalPrefix(journal, year);
  if (after == UINT32_MAX) return boost::json::array();  // nothing is numbered after it
  return ScanPrefix(log_, kJournalsView, JournalKey(journal, year, after + 1), prefix, limit);
}

Result<boost::json::array> ViewReader::Inbox(const std::string& post) const {
  const std::string prefix = InboxPrefix(post);
  return ScanPrefix(log_, kInboxView, prefix, prefix);
}

Status ViewReader::VisitInbox(
    const std::string& post,
    const std::function<Status(std::string_view key, std::string_view text)>& visit) const {
  const std::string prefix = InboxPrefix(post);
  rocksdb::ReadOptions options;
  options.fill_cache = false;
  return ScanValues(
      log_, kInboxView, prefix, prefix,
      [&](std::string_view key, std::string_view text, bool*) { return visit(key, text); },
      options);
}

Result<boost::json::array> ViewReader::DeadlinesThrough(const std::string& date) const {
  boost::json::array out;
  std::unique_ptr<rocksdb::Iterator> it(
      log_.db()->NewIterator(rocksdb::ReadOptions(), log_.family(kDeadlinesView)));
  const std::string end = date + '\x01';  // every key of `date` sorts before this
  for (it->SeekToFirst(); it->Valid() && it->key().ToString() < end; it->Next()) {
    out.push_back(boost::json::parse(it->value().ToString()));
  }
  if (!it->status().ok()) return FromRocks(it->status(), log_.dir());
  return out;
}

uint64_t ViewReader::OpenCases() const {
  uint64_t count = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      log_.db()->NewIterator(rocksdb::ReadOptions(), log_.family(kDeadlinesView)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) ++count;
  return count;
}

Result<boost::json::array> ViewReader::Alerts(const std::string& post, uint64_t after_seq,
                                              size_t limit) const {
  boost::json::array out;
  const std::string prefix = AlertPrefix(post);
  std::unique_ptr<rocksdb::Iterator> it(
      log_.db()->NewIterator(rocksdb::ReadOptions(), log_.family(kAlertsView)));
  for (it->Seek(AlertKey(post, after_seq + 1));
       it->Valid() && it->key().starts_with(prefix) && out.size() < limit; it->Next()) {
    out.push_back(boost::json::parse(it->value().ToString()));
  }
  if (!it->status().ok()) return FromRocks(it->status(), log_.dir());
  return out;
}

Result<boost::json::object> ViewReader::Alert(const std::string& post, uint64_t seq) const {
  std::string value;
  auto s =
      log_.db()->Get(rocksdb::ReadOptions(), log_.family(kAlertsView), AlertKey(post, seq), &value);
  if (s.IsNotFound()) {
    return Status::Error(Status::Code::kNotFound,
                         "no alert " + std::to_string(seq) + " for " + post,
                         "შეტყობინება " + std::to_string(seq) + " არ მოიძებნა");
  }
  if (!s.ok()) return FromRocks(s, log_.dir());
  return boost::json::parse(value).as_object();
}

Result<boost::json::array> ViewReader::OpenDeadlines() const {
  return ScanPrefix(log_, kDeadlinesView, "", "");
}

Result<boost::json::array> ViewReader::AnsweredInYear(int year) const {
  const std::string prefix = ControlPrefix(year);
  return ScanPrefix(log_, kControlView, prefix, prefix);
}

Result<boost::json::array> ViewReader::ControlRegister(int year) const {
  const std::string prefix = ControlRegisterPrefix(year);
  return ScanPrefix(log_, kJournalsView, prefix, prefix);
}

Result<boost::json::array> ViewReader::Nomenclature(int year) const {
  const std::string prefix = NomenclaturePrefix(year);
  return ScanPrefix(log_, kNomenclatureView, prefix, prefix);
}

}  // namespace saqme::engine
