#include "projection/views.h"

namespace saqme::engine {
namespace {

void PutBigEndian(std::string* out, uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

}  // namespace

const std::vector<std::string>& ViewFamilies() {
  static const std::vector<std::string> families = {kCasesView,     kJournalsView,     kInboxView,
                                                    kDeadlinesView, kNomenclatureView, kWatchView,
                                                    kAlertsView,    kControlView,      kSearchView};
  return families;
}

std::string JournalPrefix(std::string_view journal, int year) {
  std::string key(journal);
  key.push_back('\0');
  PutBigEndian(&key, static_cast<uint64_t>(year), 2);
  return key;
}

std::string JournalKey(std::string_view journal, int year, uint32_t number) {
  std::string key = JournalPrefix(journal, year);
  PutBigEndian(&key, number, 4);
  return key;
}

uint32_t JournalKeyNumber(std::string_view key) {
  uint32_t number = 0;
  for (size_t i = key.size() - 4; i < key.size(); ++i) {
    number = (number << 8) | static_cast<uint8_t>(key[i]);
  }
  return number;
}

std::string_view JournalKeyPrefix(std::string_view key) {
  const size_t nul = key.find('\0');
  if (nul == std::string_view::npos || key.size() != nul + 1 + 2 + 4) return {};
  return key.substr(0, nul + 1 + 2);
}

std::string DeliveryIndexKey(std::string_view case_id, std::string_view post) {
  std::string key = "delivery.index";
  key.push_back('\0');
  key += case_id;
  key.push_back('\0');
  key += post;
  return key;
}

namespace {
constexpr std::string_view kReportObligations{"report.obligations\0", 19};
}  // namespace

bool IsReportObligationKey(std::string_view key) { return key.starts_with(kReportObligations); }

std::string ReportObligationKey(std::string_view post, std::string_view report,
                                std::string_view period) {
  std::string key(kReportObligations.substr(0, kReportObligations.size() - 1));
  for (std::string_view part : {post, report, period}) {
    key.push_back('\0');
    key += part;
  }
  return key;
}

std::string ControlRegisterPrefix(int year) { return JournalPrefix("control.register", year); }

std::string ControlRegisterKey(int year, std::string_view case_id) {
  return ControlRegisterPrefix(year) + std::string(case_id);
}

std::string InboxPrefix(std::string_view post) {
  std::string key(post);
  key.push_back('\0');
  return key;
}

std::string InboxKey(std::string_view post, std::string_view case_id) {
  return InboxPrefix(post) + std::string(case_id);
}

std::string DeadlineKey(std::string_view due, std::string_view case_id) {
  std::string key(due);  // "YYYY-MM-DD" sorts by date
  key.push_back('\0');
  key += case_id;
  return key;
}

std::string NomenclaturePrefix(int year) {
  std::string key;
  PutBigEndian(&key, static_cast<uint64_t>(year), 2);
  return key;
}

std::string NomenclatureKey(int year, std::string_view code) {
  return NomenclaturePrefix(year) + std::string(code);
}

std::string WatchKey(std::string_view date, std::string_view case_id) {
  return DeadlineKey(date, case_id);  // the same shape: a date, then the case
}

std::string AlertPrefix(std::string_view post) { return InboxPrefix(post); }

std::string AlertKey(std::string_view post, uint64_t seq) {
  std::string key = AlertPrefix(post);
  PutBigEndian(&key, seq, 8);
  return key;
}

uint64_t AlertKeySeq(std::string_view key) {
  uint64_t seq = 0;
  for (size_t i = key.size() - 8; i < key.size(); ++i)
    seq = (seq << 8) | static_cast<uint8_t>(key[i]);
  return seq;
}

std::string ControlPrefix(int year) { return NomenclaturePrefix(year); }

std::string ControlKey(int year, std::string_view post) {
  return ControlPrefix(year) + std::string(post);
}

std::string SearchKey(int64_t opened_at_ms, std::string_view case_id) {
  // Inverted so that ascending keys run from the newest case to the oldest.
  std::string key;
  PutBigEndian(&key, ~static_cast<uint64_t>(opened_at_ms), 8);
  key.append(case_id);
  return key;
}

}  // namespace saqme::engine
