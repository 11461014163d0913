// CSV as RFC 4180 writes it — comma-separated, CRLF line ends, a cell quoted (its quotes doubled)
// when it holds a comma, quote or line break — for the exports people open in a spreadsheet:
// case histories (replay/audit_export.h) and journals (api/journal_export.h). Cells are UTF-8
// bytes, passed through unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace saqme::storage {

// One record, ending in CRLF.
std::string CsvLine(const std::vector<std::string>& cells);

// Appends the records of `text` to `records`; blank lines are skipped. Returns false when a
// quoted cell is left open (the records read before it stay appended).
bool ParseCsv(std::string_view text, std::vector<std::vector<std::string>>* records);

}  // namespace saqme::storage
