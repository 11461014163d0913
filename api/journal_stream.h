// A journal's year exported as CSV or as the printable page a page of entries at a time, so
// that the answer is never whole in memory (api/journal_export.h has the formats).
//
// The columns of a journal are the keys its entries show (JournalColumns), so the export reads
// the journal twice: once for the columns, the count and the last number, keeping nothing else,
// then again to write the rows. It holds the entries numbered up to that last number: an entry
// registered during the export is in the next one. Either way the bytes are those of
// JournalCsv / JournalHtml of the same entries.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <boost/json/array.hpp>

#include "api/body_stream.h"
#include "model/status.h"

namespace saqme::api {

// The entries numbered after `after`, at most `limit`, in number order, as the export shows them
// (with their Georgian values, AddGeorgianValues).
using JournalReader = std::function<Result<boost::json::array>(uint32_t after, size_t limit)>;

enum class JournalFormat { kCsv, kHtml };

// A producer for BodyStream: each step reads at most `page` entries. A failed read ends the body
// as failed (the error is logged, without the data directory's path).
std::function<BodyPiece()> JournalExportBody(const std::string& journal, int year,
                                             JournalFormat format, JournalReader read,
                                             size_t page = 1000);

}  // namespace saqme::api
