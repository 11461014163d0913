#include "api/journal_stream.h"

#include <memory>
#include <vector>

#include <spdlog/spdlog.h>

#include "api/journal_export.h"

namespace saqme::api {
namespace {

struct ExportState {
  enum class Phase { kColumns, kRows, kEnd } phase = Phase::kColumns;
  std::vector<std::string> columns;
  size_t count = 0;
  uint32_t last = 0;    // the number of the last entry at the first reading
  uint32_t cursor = 0;  // the last number read in the current phase
};

uint32_t NumberOf(const boost::json::value& entry) {
  return static_cast<uint32_t>(entry.at("number").to_number<uint64_t>());
}

}  // namespace

std::function<BodyPiece()> JournalExportBody(const std::string& journal, int year,
                                             JournalFormat format, JournalReader read,
                                             size_t page) {
  auto state = std::make_shared<ExportState>();
  return [journal, year, format, read = std::move(read), page, state]() -> BodyPiece {
    BodyPiece piece;
    if (state->phase == ExportState::Phase::kEnd) {
      piece.done = true;
      return piece;
    }
    auto entries = read(state->cursor, page);
    if (!entries.ok()) {
      spdlog::error("journal export of {} {} failed: {}", journal, year,
                    Status::CodeName(entries.status().code()));
      piece.failed = true;
      return piece;
    }
    if (state->phase == ExportState::Phase::kColumns) {
      AddJournalColumns(entries.value(), &state->columns);
      state->count += entries->size();
      if (!entries->empty()) state->cursor = state->last = NumberOf(entries->back());
      if (entries->size() == page) return piece;  // more may follow: nothing to send yet
      if (state->columns.empty()) AddJournalColumns({}, &state->columns);
      state->phase = ExportState::Phase::kRows;
      state->cursor = 0;
      piece.bytes = format == JournalFormat::kCsv
                        ? CsvHead(state->columns)
                        : JournalHtmlHead(journal, year, state->count, state->columns);
      return piece;
    }
    // Rows up to the last entry the first reading saw.
    boost::json::array rows;
    bool past = entries->size() < page;
    for (auto& entry : entries.value()) {
      if (NumberOf(entry) > state->last) {
        past = true;
        break;
      }
      state->cursor = NumberOf(entry);
      rows.push_back(std::move(entry));
    }
    piece.bytes = format == JournalFormat::kCsv ? CsvRows(rows, state->columns)
                                                : JournalHtmlRows(rows, state->columns);
    if (past || state->cursor == state->last) {
      if (format == JournalFormat::kHtml) piece.bytes += JournalHtmlTail();
      state->phase = ExportState::Phase::kEnd;
      piece.done = true;
    }
    return piece;
  };
}

}  // namespace saqme::api
