#include "projection/search_record.h"

#include <vector>

#include "workflows/access.h"

namespace saqme::engine {
namespace {

constexpr char kField = '\x1f';  // between a record's fields
constexpr char kText = '\x1e';   // between the parts of its searchable text

using namespace search_record;  // the record's fields by name

// Appends a field's text with the separators a record uses taken out.
void AppendClean(std::string& out, std::string_view text) {
  const size_t from = out.size();
  out += text;
  for (size_t i = from; i < out.size(); ++i) {
    if (out[i] == kField || out[i] == kText) out[i] = ' ';
  }
}

void AppendPosts(std::string& out, const std::vector<std::string>& posts) {
  for (size_t i = 0; i < posts.size(); ++i) {
    if (i) out.push_back(' ');
    out += posts[i];
  }
}

// Folds `text` in place as FoldForSearch says.
void Fold(char* text, size_t size) {
  for (size_t i = 0; i < size; ++i) {
    const unsigned char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      text[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xE1 && i + 2 < size && static_cast<unsigned char>(text[i + 1]) == 0xB2 &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0xBF) {
      // Mtavruli U+1C90..U+1CBF (E1 B2 90..BF) is Mkhedruli U+10D0..U+10FF (E1 83 90..BF).
      text[i + 1] = static_cast<char>(0x83);
      i += 2;
    }
  }
}

}  // namespace

namespace search_record {

bool Split(std::string_view record, std::string_view (&fields)[kFieldCount]) {
  for (int i = 0; i < kFieldCount; ++i) {
    const size_t end = record.find(kField);
    if ((end == std::string_view::npos) != (i == kFieldCount - 1)) return false;
    fields[i] = record.substr(0, end);
    if (end != std::string_view::npos) record.remove_prefix(end + 1);
  }
  return true;
}

}  // namespace search_record

std::string FoldForSearch(std::string_view text) {
  std::string out(text);
  Fold(out.data(), out.size());
  return out;
}

std::string SearchRecord(const workflows::CaseState& s, const workflows::OrgChart& org) {
  const std::string& subject = workflows::SubjectOf(s);
  const std::string executor = !s.lead_executor.empty() ? s.lead_executor : s.assignee;
  const std::string& named = !executor.empty()      ? executor
                             : !s.addressee.empty() ? s.addressee
                                                    : s.issuer;
  const workflows::Post* post = org.FindPost(named);
  const workflows::ReadFacts facts = workflows::ReadFactsOf(s, org);
  // The fields in Field's order, appended to one string.
  std::string record;
  record.reserve(256 +
                 2 * (s.registration_number.size() + subject.size() + s.correspondent.size()) +
                 s.summary.size());
  auto field = [&record](std::string_view text) {
    record += text;
    record.push_back(kField);
  };
  auto clean = [&record](std::string_view text) {
    AppendClean(record, text);
    record.push_back(kField);
  };
  field(s.case_id);
  field(workflows::KindName(s.kind));
  field(workflows::StageName(s.stage));
  clean(s.registration_number);
  clean(subject);
  clean(s.correspondent);
  field(executor);
  field(post ? std::string_view(post->unit) : std::string_view());
  field(workflows::OpenDeadlineOf(s).due);
  field(s.opened_on);
  AppendPosts(record, facts.participants);
  record.push_back(kField);
  AppendPosts(record, facts.expected);
  record.push_back(kField);
  field(facts.is_public ? "1" : "0");
  // The searchable text, folded.
  const size_t haystack = record.size();
  AppendClean(record, s.registration_number);
  record.push_back(kText);
  AppendClean(record, s.correspondent);
  record.push_back(kText);
  AppendClean(record, subject);
  record.push_back(kText);
  AppendClean(record, s.summary);
  Fold(record.data() + haystack, record.size() - haystack);
  return record;
}

}  // namespace saqme::engine
