// The engine's views: projections of the log kept in their own column families and written in
// the same atomic batch as the events that produce them. Values are JSON (UTF-8) so the API can
// serve them as they are — but for the cases, whose entry is the case's state as a binary
// snapshot (projection/case_snapshot.h), rendered as the case view JSON on the reader's thread.
// Layout in docs/views.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace saqme::engine {

inline constexpr char kCasesView[] = "view_cases";                // case id -> state snapshot
inline constexpr char kJournalsView[] = "view_journals";          // journal, year, number -> entry
inline constexpr char kInboxView[] = "view_inbox";                // post, case id -> work item
inline constexpr char kDeadlinesView[] = "view_deadlines";        // due date, case id -> deadline
inline constexpr char kNomenclatureView[] = "view_nomenclature";  // year, code -> file
inline constexpr char kWatchView[] = "view_watch";      // next watch date, case id -> case id
inline constexpr char kAlertsView[] = "view_alerts";    // post, alert seq -> alert
inline constexpr char kControlView[] = "view_control";  // year, post -> answered on time / late
inline constexpr char kSearchView[] = "view_search";    // newest first, case id -> search record

// The format of the stored views, kept in the log's `meta` family under kViewFormatKey
// (decimal). 1 (or absent): views from before the case state snapshots, whose case entries are
// the case view's JSON, which a log has rebuilt when it is next opened for writing
// (EngineOptions::upgrade_views); 2: a case's entry is its state snapshot. Raised whenever a view's
// layout changes in a way old entries cannot be read by — CaseState or the snapshot's schema
// included, and what workflows::Evolve makes of existing events, since a snapshot holds the
// old rule's state — so that old entries are rebuilt rather than misread. A binary refuses
// views of a newer format than its own (EngineOptions::upgrade_views is not asked).
inline constexpr int kViewFormat = 2;
inline constexpr char kViewFormatKey[] = "view_format";

// Every view family, for opening the log with them and for rebuilds.
const std::vector<std::string>& ViewFamilies();

// The numbered journals' keys: journal name (the names are workflows::journals::Listed()), NUL,
// 2-byte year, 4-byte number.
std::string JournalKey(std::string_view journal, int year, uint32_t number);
std::string JournalPrefix(std::string_view journal, int year);
uint32_t JournalKeyNumber(std::string_view key);  // requires a key made by JournalKey
// The JournalPrefix (journal and year) of a key of JournalKey's shape (name, NUL, 2-byte year,
// 4-byte number); empty for the family's other keys (the registers below).
std::string_view JournalKeyPrefix(std::string_view key);
// Three registers kept in the journals family beside the numbered journals (their names are
// never journal names, so no journal listing reaches them): where each delivery-journal entry
// of a case's executor is, so that the receipt fills it in; the control register, one entry
// per controlled document under the year of its registration; and the periodic reports owed,
// post, report and period -> the case that holds the obligation (docs/views.md).
std::string DeliveryIndexKey(std::string_view case_id, std::string_view post);
std::string ReportObligationKey(std::string_view post, std::string_view report,
                                std::string_view period);
bool IsReportObligationKey(std::string_view key);  // a key made by ReportObligationKey
std::string ControlRegisterPrefix(int year);
std::string ControlRegisterKey(int year, std::string_view case_id);
std::string InboxKey(std::string_view post, std::string_view case_id);
std::string InboxPrefix(std::string_view post);
std::string DeadlineKey(std::string_view due, std::string_view case_id);
std::string NomenclatureKey(int year, std::string_view code);
std::string NomenclaturePrefix(int year);
// The watch index: the date the deadline watch next has something to do for the case.
std::string WatchKey(std::string_view date, std::string_view case_id);
std::string AlertPrefix(std::string_view post);
std::string AlertKey(std::string_view post, uint64_t seq);
uint64_t AlertKeySeq(std::string_view key);  // requires a key made by AlertKey
std::string ControlKey(int year, std::string_view post);
std::string ControlPrefix(int year);
// The search view's key: newest opened first (engine/search.h).
std::string SearchKey(int64_t opened_at_ms, std::string_view case_id);

}  // namespace saqme::engine
