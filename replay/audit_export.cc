#include "replay/audit_export.h"

#include <cstring>
#include <optional>

#include <capnp/serialize.h>
#include <kj/exception.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "model/event_json.h"
#include "storage/csv.h"

namespace saqme::replay {
namespace {

using storage::CsvLine;
using storage::ParseCsv;

std::string Cell(const boost::json::value& value) {
  if (value.is_string()) return std::string(value.as_string());
  return boost::json::serialize(value);
}

// The CSV cells of one export object, in kCsvColumns order.
std::vector<std::string> CsvCells(const boost::json::object& event) {
  std::vector<std::string> cells;
  for (const char* column : kCsvColumns) {
    if (std::strcmp(column, "actor_post") == 0) {
      cells.push_back(Cell(event.at("actor").at("post")));
    } else if (std::strcmp(column, "actor_person") == 0) {
      cells.push_back(Cell(event.at("actor").at("person")));
    } else {
      const auto* value = event.if_contains(column);
      cells.push_back(value ? Cell(*value) : "");
    }
  }
  return cells;
}

bool FromHex(std::string_view hex, std::string* out) {
  if (hex.size() % 2) return false;
  out->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int value = 0;
    for (char c : hex.substr(i, 2)) {
      value <<= 4;
      if (c >= '0' && c <= '9')
        value |= c - '0';
      else if (c >= 'a' && c <= 'f')
        value |= c - 'a' + 10;
      else
        return false;
    }
    out->push_back(static_cast<char>(value));
  }
  return true;
}

// The export object `canonical` (hex) says, with `hash` as the row claims it; or a problem.
std::optional<boost::json::object> Decoded(const std::string& canonical_hex,
                                           const std::string& hash_hex, std::string* problem) {
  std::string bytes;
  if (!FromHex(canonical_hex, &bytes)) {
    *problem = "canonical is not lower-case hex";
    return std::nullopt;
  }
  auto view = storage::EventView::Decode(bytes);
  if (!view.ok()) {
    *problem = "canonical is not an event: " + view.status().message();
    return std::nullopt;
  }
  try {
    auto event = storage::EventToJson(view.value()->event());
    event["hash"] = hash_hex;
    event["canonical"] = canonical_hex;
    return event;
  } catch (const kj::Exception& e) {
    *problem = std::string("canonical does not decode: ") + e.getDescription().cStr();
    return std::nullopt;
  }
}

}  // namespace

Result<boost::json::array> ExportCase(const storage::EventLog& log, const std::string& case_id) {
  boost::json::array events;
  Status failed = Status::Ok();
  Status read = log.ReadCase(case_id, [&](uint64_t, const storage::EventView& view) {
    auto hashed = storage::HashedBytes(view.bytes());
    if (!hashed.ok()) {
      failed = hashed.status();
      return false;
    }
    auto event = storage::EventToJson(view.event());
    event["canonical"] = storage::HexOf(hashed.value());
    events.push_back(std::move(event));
    return true;
  });
  if (!read.ok()) return read;
  if (!failed.ok()) return failed;
  return events;
}

std::string ExportJson(const std::string& case_id, const boost::json::array& events) {
  return boost::json::serialize(boost::json::object{{"case_id", case_id}, {"events", events}});
}

std::string ExportCsv(const boost::json::array& events) {
  std::string out = storage::kCsvBom + CsvLine(std::vector<std::string>(std::begin(kCsvColumns),
                                                                        std::end(kCsvColumns)));
  for (const auto& event : events) out += CsvLine(CsvCells(event.as_object()));
  return out;
}

ExportCheck VerifyExport(std::string_view text) {
  ExportCheck check;
  auto fail = [&](uint64_t seq, std::string problem) {
    check.ok = false;
    check.first_bad_seq = seq;
    check.problem = std::move(problem);
    return check;
  };
  // Both formats become rows of cells in kCsvColumns order; JSON rows also keep their object so
  // that every key is compared, not only those CSV has.
  std::vector<std::vector<std::string>> rows;
  std::vector<boost::json::object> objects;
  size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) return fail(0, "the export is empty");
  if (text[first] == '{') {
    boost::system::error_code error;
    auto parsed = boost::json::parse(text, error);
    const boost::json::array* events = nullptr;
    if (!error && parsed.is_object() && parsed.as_object().contains("events") &&
        parsed.as_object().at("events").is_array()) {
      events = &parsed.as_object().at("events").as_array();
    }
    if (!events) return fail(0, "not a saqme JSON export (an object with \"events\")");
    for (const auto& event : *events) {
      if (!event.is_object() || !event.as_object().contains("actor") ||
          !event.as_object().at("actor").is_object()) {
        return fail(0, "event " + std::to_string(rows.size() + 1) + " is not an export object");
      }
      try {
        rows.push_back(CsvCells(event.as_object()));
      } catch (const std::exception&) {
        return fail(0, "event " + std::to_string(rows.size() + 1) + " lacks an actor field");
      }
      objects.push_back(event.as_object());
    }
  } else {
    if (text.starts_with(storage::kCsvBom)) text.remove_prefix(std::strlen(storage::kCsvBom));
    if (!ParseCsv(text, &rows)) return fail(0, "a quoted CSV cell is not closed");
    const std::vector<std::string> header(std::begin(kCsvColumns), std::end(kCsvColumns));
    if (rows.empty() || rows.front() != header) {
      return fail(0, "the CSV header is not saqme's export header");
    }
    rows.erase(rows.begin());
  }
  constexpr size_t kSeq = 0, kCase = 1, kVersion = 2, kPrev = 11, kHash = 12, kCanonical = 13;
  std::string prev_seq, prev_hash;
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    if (row.size() != std::size(kCsvColumns)) {
      return fail(0, "row " + std::to_string(i + 1) + " has " + std::to_string(row.size()) +
                         " cells, not " + std::to_string(std::size(kCsvColumns)));
    }
    const uint64_t seq = std::strtoull(row[kSeq].c_str(), nullptr, 10);
    std::string prev, body;
    if (!FromHex(row[kPrev], &prev) || prev.size() != 32 || !FromHex(row[kCanonical], &body)) {
      return fail(seq, "event " + row[kSeq] + ": prev_hash or canonical is not hex");
    }
    if (storage::Sha256Hex(prev + body) != row[kHash]) {
      return fail(seq, "event " + row[kSeq] + ": the hash does not match prev_hash and canonical");
    }
    std::string problem;
    auto decoded = Decoded(row[kCanonical], row[kHash], &problem);
    if (!decoded) return fail(seq, "event " + row[kSeq] + ": " + problem);
    const auto expected = CsvCells(*decoded);
    for (size_t c = 0; c < expected.size(); ++c) {
      if (storage::NeutralisedCell(expected[c]) != row[c]) {
        return fail(seq, "event " + row[kSeq] + ": " + kCsvColumns[c] +
                             " is not what the hashed event says (" + expected[c] + ")");
      }
    }
    if (!objects.empty()) {  // JSON: every key, including any the CSV columns do not show
      for (const auto& [key, value] : objects[i]) {
        const auto* want = decoded->if_contains(key);
        if (!want || boost::json::serialize(*want) != boost::json::serialize(value)) {
          return fail(seq, "event " + row[kSeq] + ": " + std::string(key) +
                               " is not what the hashed event says");
        }
      }
      if (objects[i].size() != decoded->size()) {
        return fail(seq, "event " + row[kSeq] + ": a field is missing");
      }
    }
    if (row[kVersion] != std::to_string(i + 1)) {
      return fail(seq, "event " + row[kSeq] + " is version " + row[kVersion] + ", expected " +
                           std::to_string(i + 1) + ": an event is missing or out of order");
    }
    if (i > 0 && row[kCase] != rows[0][kCase]) {
      return fail(seq, "event " + row[kSeq] + " belongs to another case");
    }
    if (!prev_seq.empty() && seq == std::strtoull(prev_seq.c_str(), nullptr, 10) + 1 &&
        row[kPrev] != prev_hash) {
      return fail(seq, "event " + row[kSeq] + ": prev_hash is not the hash of event " + prev_seq);
    }
    prev_seq = row[kSeq];
    prev_hash = row[kHash];
    ++check.events;
  }
  if (rows.empty()) return fail(0, "the export has no events");
  return check;
}

}  // namespace saqme::replay
