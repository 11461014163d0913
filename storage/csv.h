// CSV as RFC 4180 writes it — comma-separated, CRLF line ends, a cell quoted (its quotes doubled)
// when it holds a comma, quote or line break — for the exports people open in a spreadsheet:
// case histories (replay/audit_export.h), journals (api/journal_export.h) and the access log.
// Cells are UTF-8 bytes, passed through unchanged except that a cell a spreadsheet would read as
// a formula is neutralised (NeutralisedCell). Every export starts with kCsvBom.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace saqme::storage {

// The UTF-8 byte order mark that every CSV export starts with, so that spreadsheet programs read
// the Georgian text as UTF-8.
inline constexpr char kCsvBom[] = "\xEF\xBB\xBF";

// `cell` as a CSV export writes it: a cell beginning with = + - @, a tab or a carriage return
// gets a leading apostrophe, so that a spreadsheet shows it as text instead of running it as a
// formula (CSV injection); any other cell is unchanged.
std::string NeutralisedCell(std::string_view cell);

// One record, ending in CRLF; each cell neutralised, then quoted when needed.
std::string CsvLine(const std::vector<std::string>& cells);

// Appends the records of `text` to `records`; blank lines are skipped. Returns false when a
// quoted cell is left open (the records read before it stay appended).
bool ParseCsv(std::string_view text, std::vector<std::vector<std::string>>* records);

}  // namespace saqme::storage
