#include "projection/search_record.h"

#include <vector>

#include "workflows/access.h"

namespace saqme::engine {
namespace {

constexpr char kField = '\x1f';  // between a record's fields
constexpr char kText = '\x1e';   // between the parts of its searchable text

using namespace search_record;  // the record's fields by name

// A field's text with the separators a record uses taken out.
std::string Clean(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == kField || c == kText) c = ' ';
  }
  return out;
}

std::string JoinPosts(const std::vector<std::string>& posts) {
  std::string out;
  for (const auto& post : posts) out += (out.empty() ? "" : " ") + post;
  return out;
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
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == 0xE1 && i + 2 < out.size() && static_cast<unsigned char>(out[i + 1]) == 0xB2 &&
               static_cast<unsigned char>(out[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(out[i + 2]) <= 0xBF) {
      // Mtavruli U+1C90..U+1CBF (E1 B2 90..BF) is Mkhedruli U+10D0..U+10FF (E1 83 90..BF).
      out[i + 1] = static_cast<char>(0x83);
      i += 2;
    }
  }
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
  const std::string fields[kFieldCount] = {
      s.case_id,
      workflows::KindName(s.kind),
      workflows::StageName(s.stage),
      Clean(s.registration_number),
      Clean(subject),
      Clean(s.correspondent),
      executor,
      post ? post->unit : "",
      workflows::OpenDeadlineOf(s).due,
      s.opened_on,
      JoinPosts(facts.participants),
      JoinPosts(facts.expected),
      facts.is_public ? "1" : "0",
      FoldForSearch(Clean(s.registration_number) + kText + Clean(s.correspondent) + kText +
                    Clean(subject) + kText + Clean(s.summary))};
  std::string record;
  for (int i = 0; i < kFieldCount; ++i) {
    if (i) record.push_back(kField);
    record += fields[i];
  }
  return record;
}

}  // namespace saqme::engine
