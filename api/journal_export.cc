#include "api/journal_export.h"

#include <algorithm>
#include <map>

#include <boost/json/serialize.hpp>

#include "model/field_rules.h"
#include "model/saqme.capnp.h"
#include "model/schema_labels.h"
#include "storage/csv.h"
#include "workflows/channel_labels.h"
#include "workflows/council_session.h"

namespace saqme::api {
namespace {

struct Label {
  const char* ka;
  const char* en;
};

// The journals' names as the records office writes them on the cover (the Telavi records division
// page, docs/domain.md §8).
const std::map<std::string, Label, std::less<>> kJournalTitles = {
    {"incoming", {"შემოსული კორესპონდენციის ჟურნალი", "Incoming correspondence"}},
    {"outgoing", {"გასული კორესპონდენციის ჟურნალი", "Outgoing correspondence"}},
    {"internal", {"შიდა კორესპონდენციის ჟურნალი", "Internal journal (assignments and memos)"}},
    {"postal", {"საფოსტო გზავნილების ჟურნალი", "Postal dispatch"}},
    {"delivery", {"დასატარებელი ჟურნალი", "Delivery journal (resolution receipts)"}},
    {"public_information", {"საჯარო ინფორმაციის რეესტრი", "Public information register"}},
    {"acts-order", {"ბრძანებების ჟურნალი", "Orders"}},
    {"acts-ordinance", {"განკარგულებების ჟურნალი", "Ordinances"}},
    {"acts-resolution", {"დადგენილებების ჟურნალი", "Resolutions"}},
    {"minutes-council", {"საკრებულოს სხდომების ოქმების რეესტრი", "Minutes of the council"}},
    {"minutes-bureau", {"ბიუროს სხდომების ოქმების რეესტრი", "Minutes of the bureau"}},
    {"minutes-commission",
     {"კომისიების სხდომების ოქმების რეესტრი", "Minutes of the standing commissions"}},
    {"minutes-faction", {"ფრაქციების სხდომების ოქმების რეესტრი", "Minutes of the factions"}},
    {"certificates", {"გაცემული ცნობების რეესტრი", "Register of issued certificates"}},
    {"business_trips", {"მივლინების ჟურნალი", "Business trips"}},
    {"archive_inventory", {"საუწყებო არქივის ანაწერი", "Departmental archive inventory"}},
};

const std::map<std::string, Label, std::less<>> kColumnLabels = {
    {"number", {"№", "Number"}},
    {"date", {"თარიღი", "Date"}},
    {"case_id", {"საქმე", "Case"}},
    {"kind", {"სახე", "Kind"}},
    {"channel", {"არხი", "Channel"}},
    {"sender", {"გამგზავნი", "Sender"}},
    {"subject", {"შინაარსი", "Subject"}},
    {"summary", {"მოკლე შინაარსი", "Summary"}},
    {"pages", {"ფურცლები", "Pages"}},
    {"addressee", {"ადრესატი", "Addressee"}},
    {"recipient", {"მიმღები", "Recipient"}},
    {"due", {"ვადა", "Due"}},
    {"incoming_number", {"შემოსულის №", "Incoming number"}},
    {"executor", {"შემსრულებელი", "Executor"}},
    {"received_at", {"ჩაბარდა", "Received"}},
    {"resolution_by", {"რეზოლუციის ავტორი", "Resolution by"}},
    {"resolution_by_person", {"რეზოლუცია დაადო", "Resolution placed by"}},
    {"resolution_acting_for", {"მოვალეობის შემსრულებლად", "Acting for"}},
    {"registration_number", {"რეგისტრაციის №", "Registration number"}},
    {"role", {"როლი", "Role"}},
    {"received_by", {"ჩაიბარა (ხელმოწერა)", "Received by (signature)"}},
    {"received_by_post", {"ჩამბარებლის თანამდებობა", "Received by post"}},
    {"signed_by", {"ხელმომწერი", "Signed by"}},
    {"outgoing_number", {"გასულის №", "Outgoing number"}},
    {"issuer", {"გამცემი", "Issuer"}},
    {"assignee", {"შემსრულებელი", "Assignee"}},
    {"instruction", {"დავალება", "Instruction"}},
    {"title", {"სათაური", "Title"}},
    {"void", {"გაუქმებულია", "Void"}},
    {"void_reason", {"გაუქმების მიზეზი", "Why void"}},
    {"corrected_on", {"შესწორდა", "Corrected on"}},
    {"received_on", {"მიღების თარიღი", "Received on"}},
    {"registered_late", {"დაგვიანებით რეგისტრირებული", "Registered late"}},
    {"days_late", {"დაგვიანება (დღე)", "Days late"}},
    {"letter", {"წერილი", "Letter"}},
    {"forwarded_to", {"გადაეგზავნა", "Forwarded to"}},
    {"session_date", {"სხდომის თარიღი", "Date of the session"}},
    {"body", {"ორგანო", "Body"}},
    {"session_kind", {"სხდომის სახე", "Kind of session"}},
    {"body_name", {"კომისია / ფრაქცია", "Commission / faction"}},
    {"body_code", {"კომისიის / ფრაქციის კოდი", "Code of the commission / faction"}},
    {"present", {"დამსწრე", "Present"}},
    {"members", {"სრული შემადგენლობა", "Full composition"}},
    {"items", {"საკითხები", "Items"}},
    {"linked_acts", {"მიღებული აქტები", "Acts adopted"}},
    {"certifies", {"რას ადასტურებს", "Certifies"}},
    {"issued_to", {"ვისზე გაიცა", "Issued to"}},
    {"issued_on", {"გაცემის თარიღი", "Issued on"}},
    {"retained_copy", {"შენახული ასლი", "Retained copy"}},
    {"employee", {"მივლინებული", "Employee"}},
    {"destination", {"მივლინების ადგილი", "Destination"}},
    {"purpose", {"მიზანი", "Purpose"}},
    {"from", {"დან", "From"}},
    {"to", {"მდე", "To"}},
    {"basis", {"საფუძველი (საქმე)", "Basis (case)"}},
    {"basis_number", {"ბრძანების №", "Order number"}},
    {"document", {"დოკუმენტი", "Document"}},
    {"author", {"ავტორი", "Author"}},
    {"year", {"საქმეების წელი", "Year of the files"}},
    {"files", {"საქმეების რაოდენობა", "Number of files"}},
    {"codes", {"საქმეების ინდექსები", "File codes"}},
};

// The entry keys whose values are post ids.
constexpr const char* kPostColumns[] = {"addressee", "executor", "resolution_by", "signed_by",
                                        "issuer",    "assignee", "employee",      "author"};

// The Georgian name of `value` in `column`; empty when it has none.
std::string GeorgianValue(const std::string& column, const std::string& value,
                          const workflows::OrgChart& org) {
  if (column == "kind") {
    auto label = storage::EnumerantLabelNamed(capnp::Schema::from<schema::IncomingKind>(), value);
    return label ? label->ka : std::string();
  }
  if (column == "sender_kind") {
    auto label = storage::EnumerantLabelNamed(capnp::Schema::from<schema::SenderKind>(), value);
    return label ? label->ka : std::string();
  }
  if (column == "certifies") {
    for (auto choice :
         storage::ChoicesOf(storage::FieldOf<schema::RegisterCertificate>("certifies"))) {
      if (choice.getValue() == value) return choice.getLabel().getKa().cStr();
    }
    return {};
  }
  if (column == "document" && value == "memo") return "მოხსენებითი ბარათი";
  if (column == "channel") {
    const workflows::ChannelLabel* label = workflows::ChannelLabelOf(value);
    return label ? label->label_ka : std::string();
  }
  for (const char* post_column : kPostColumns) {
    if (column == post_column) {
      const workflows::Post* post = org.FindPost(value);
      return post ? post->title_ka : std::string();
    }
  }
  return {};
}

bool IsGeorgianColumn(const std::string& column) {
  return column.size() > 3 && column.compare(column.size() - 3, 3, "_ka") == 0;
}

std::string Cell(const boost::json::object& entry, const std::string& column) {
  const auto* value = entry.if_contains(column);
  if (!value || value->is_null()) return "";
  if (value->is_string()) return std::string(value->as_string());
  return boost::json::serialize(*value);
}

std::string Escaped(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

void AddGeorgianValues(boost::json::array& entries, const workflows::OrgChart& org) {
  for (auto& value : entries) {
    auto& entry = value.as_object();
    boost::json::object added;
    for (const auto& field : entry) {
      if (!field.value().is_string()) continue;
      const std::string ka =
          GeorgianValue(std::string(field.key()), std::string(field.value().as_string()), org);
      if (!ka.empty()) added[std::string(field.key()) + "_ka"] = ka;
    }
    for (auto& field : added) entry[field.key()] = std::move(field.value());
  }
}

void AddJournalColumns(const boost::json::array& entries, std::vector<std::string>* columns) {
  if (columns->empty()) *columns = {"number", "date", "case_id"};
  for (const auto& entry : entries) {
    for (const auto& field : entry.as_object()) {
      const std::string key(field.key());
      if (key == "journal") continue;  // the same on every row: the page says it once
      if (std::find(columns->begin(), columns->end(), key) == columns->end()) {
        columns->push_back(key);
      }
    }
  }
}

std::vector<std::string> JournalColumns(const boost::json::array& entries) {
  std::vector<std::string> columns;
  AddJournalColumns(entries, &columns);
  return columns;
}

std::string JournalCsv(const boost::json::array& entries) {
  return RowsCsv(entries, JournalColumns(entries));
}

std::string CsvHead(const std::vector<std::string>& columns) {
  return storage::kCsvBom + storage::CsvLine(columns);
}

std::string CsvRows(const boost::json::array& entries, const std::vector<std::string>& columns) {
  std::string out;
  std::vector<std::string> cells(columns.size());
  for (const auto& entry : entries) {
    for (size_t i = 0; i < columns.size(); ++i) cells[i] = Cell(entry.as_object(), columns[i]);
    out += storage::CsvLine(cells);
  }
  return out;
}

std::string RowsCsv(const boost::json::array& entries, const std::vector<std::string>& columns) {
  return CsvHead(columns) + CsvRows(entries, columns);
}

namespace {

// The printed page is in Georgian: a code's column shows its Georgian name (`<key>_ka`).
std::vector<std::string> PrintedColumns(const std::vector<std::string>& columns) {
  std::vector<std::string> printed;
  for (const auto& column : columns) {
    if (!IsGeorgianColumn(column)) printed.push_back(column);
  }
  return printed;
}

}  // namespace

std::string JournalHtmlHead(const std::string& journal, int year, size_t count,
                            const std::vector<std::string>& columns) {
  const auto title = kJournalTitles.find(journal);
  std::string ka = title != kJournalTitles.end() ? title->second.ka : journal;
  std::string en = title != kJournalTitles.end() ? title->second.en : journal;
  // A commission's or a faction's own minutes register is titled by the body's name.
  const workflows::CouncilBody* body = nullptr;
  if (title == kJournalTitles.end() &&
      workflows::council_session::IsMinutesJournal(journal, &body) && body) {
    ka = body->name_ka + " — სხდომების ოქმების რეესტრი";
    en = "Minutes of the " + body->name_en;
  }
  const std::string y = std::to_string(year);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"ka\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
      Escaped(ka) + " " + y +
      "</title>\n<style>\n"
      "body { font-family: sans-serif; margin: 1.5cm; }\n"
      "h1 { font-size: 16pt; margin: 0; } h2 { font-size: 11pt; font-weight: normal; }\n"
      "table { border-collapse: collapse; width: 100%; font-size: 9pt; }\n"
      "th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }\n"
      "th small { display: block; font-weight: normal; }\n"
      "thead { display: table-header-group; } tr { page-break-inside: avoid; }\n"
      "@page { size: A4 landscape; }\n"
      "</style>\n</head>\n<body>\n<h1>" +
      Escaped(ka) + ", " + y + "</h1>\n<h2>" + Escaped(en) + ", " + y + " — " +
      std::to_string(count) + " ჩანაწერი / entries</h2>\n<table>\n<thead><tr>";
  for (const auto& column : PrintedColumns(columns)) {
    const auto label = kColumnLabels.find(column);
    out += "<th>" + Escaped(label != kColumnLabels.end() ? label->second.ka : column) + "<small>" +
           Escaped(label != kColumnLabels.end() ? label->second.en : column) + "</small></th>";
  }
  return out + "</tr></thead>\n<tbody>\n";
}

std::string JournalHtmlRows(const boost::json::array& entries,
                            const std::vector<std::string>& columns) {
  const std::vector<std::string> printed = PrintedColumns(columns);
  std::string out;
  for (const auto& entry : entries) {
    out += "<tr>";
    for (const auto& column : printed) {
      const std::string ka = Cell(entry.as_object(), column + "_ka");
      out += "<td>" + Escaped(ka.empty() ? Cell(entry.as_object(), column) : ka) + "</td>";
    }
    out += "</tr>\n";
  }
  return out;
}

std::string JournalHtmlTail() { return "</tbody>\n</table>\n</body>\n</html>\n"; }

std::string JournalHtml(const std::string& journal, int year, const boost::json::array& entries) {
  const std::vector<std::string> columns = JournalColumns(entries);
  return JournalHtmlHead(journal, year, entries.size(), columns) +
         JournalHtmlRows(entries, columns) + JournalHtmlTail();
}

}  // namespace saqme::api
