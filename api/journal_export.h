// A journal of one year as a file: CSV for a spreadsheet, and a printable HTML page — the paper
// journal a records office binds at the end of the year (docs/domain.md §8). Entries come as
// engine::ViewReader::Journal returns them, in registration-number order, and stay in that order.
//
// Columns: `number`, `date`, `case_id`, then every other key in the order the entries first
// show it (the journals differ: the incoming journal has sender and subject, the delivery journal
// executor and received_at, …); an entry without a column leaves its cell empty.
#pragma once

#include <string>
#include <vector>

#include <boost/json/array.hpp>

#include "workflows/org/org_chart.h"

namespace saqme::api {

// Adds beside each value a person reads as a code its Georgian name, as `<key>_ka`: the kind of
// document (the schema's labels), the channel, the sender's kind, and the Georgian title of every
// post named (addressee, executor, resolution_by, signed_by, issuer, assignee) from `org`. A value
// without a Georgian name is left without one. The JSON answer carries them; the CSV has them as
// columns; the printed page shows them in place of the codes.
void AddGeorgianValues(boost::json::array& entries, const workflows::OrgChart& org);

// The journal's column keys for `entries` (above).
std::vector<std::string> JournalColumns(const boost::json::array& entries);
// Adds to `columns` (empty: none yet) the keys `entries` show first, so that a journal read a
// page at a time gets the columns of JournalColumns of the whole.
void AddJournalColumns(const boost::json::array& entries, std::vector<std::string>* columns);

// RFC 4180 CSV (storage/csv.h) with a header row of the column keys; UTF-8 with a byte-order
// mark so that a spreadsheet opens Georgian text as such.
std::string JournalCsv(const boost::json::array& entries);

// RFC 4180 CSV of `entries` with exactly `columns` (a header row of the keys), UTF-8 with a
// byte-order mark; JournalCsv with the journal's columns.
std::string RowsCsv(const boost::json::array& entries, const std::vector<std::string>& columns);
// RowsCsv in parts, for an answer written as it is read: the byte-order mark and the header row,
// then the rows of each page.
std::string CsvHead(const std::vector<std::string>& columns);
std::string CsvRows(const boost::json::array& entries, const std::vector<std::string>& columns);

// A self-contained HTML page: the journal's title in Georgian and English, the year, and a table
// whose headers are the columns' Georgian names (English beneath); text is HTML-escaped.
std::string JournalHtml(const std::string& journal, int year, const boost::json::array& entries);
// JournalHtml in parts: the page's head for `count` entries with the journal's `columns`, the
// rows of each page, the end.
std::string JournalHtmlHead(const std::string& journal, int year, size_t count,
                            const std::vector<std::string>& columns);
std::string JournalHtmlRows(const boost::json::array& entries,
                            const std::vector<std::string>& columns);
std::string JournalHtmlTail();

}  // namespace saqme::api
