#include "workflows/deadline_table.h"

#include <sstream>
#include <stdexcept>
#include <vector>

#include "workflows/workflow_data.h"

namespace saqme::workflows {

const DeadlineTable& DeadlineTable::Default() {
  static const DeadlineTable table = [] {
    auto parsed = Parse(kDeadlinesTsv);
    if (!parsed.ok())
      throw std::runtime_error("embedded deadline table: " + parsed.status().message());
    return parsed.value();
  }();
  return table;
}

Result<DeadlineTable> DeadlineTable::Parse(std::string_view tsv, const ReportTable& reports) {
  DeadlineTable table;
  std::istringstream in{std::string(tsv)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string key, rule, source, source_ka;
    std::getline(fields, key, '\t');
    std::getline(fields, rule, '\t');
    std::getline(fields, source, '\t');
    std::getline(fields, source_ka);
    auto parsed = PeriodRule::Parse(rule);
    if (key.empty() || !parsed || source.empty() || source_ka.empty()) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "deadline table line " + std::to_string(number) +
                               ": expected key<TAB>rule<TAB>source<TAB>source in Georgian",
                           "ვადების ცხრილის შეცდომა, სტრიქონი " + std::to_string(number));
    }
    table.rules_[key] = DeadlineRule{*parsed, source, source_ka};
  }
  std::vector<std::string> required;  // the proceedings' own rules, then the periodic reports'
  for (const char* key :
       {"correspondence", "application", "application-extension", "public_information",
        "public_information-rights", "complaint", "petition-screening", "petition-fix",
        "petition-vote", "petition-decision", "petition-feasibility", "oral_act"}) {
    required.emplace_back(key);
  }
  for (const ReportRule& report : reports.rules()) required.push_back(report.deadline);
  for (const std::string& key : required) {
    if (!table.Has(key)) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "deadline table: the rule '" + key + "' is missing",
                           "ვადების ცხრილში აკლია წესი '" + key + "'");
    }
  }
  return table;
}

const DeadlineRule& DeadlineTable::Get(std::string_view key) const {
  auto it = rules_.find(key);
  if (it == rules_.end()) throw std::out_of_range("no deadline rule '" + std::string(key) + "'");
  return it->second;
}

LegalSource DeadlineTable::SourceOf(std::string_view key, const LegalSources* org) const {
  if (const LegalSource* own = org ? org->Find(key) : nullptr) return *own;
  const DeadlineRule& rule = Get(key);
  return LegalSource{rule.source, rule.source_ka};
}

Deadline DeadlineTable::Compute(std::string_view key, const Date& start,
                                const HolidayCalendar& calendar, const LegalSources* org) const {
  LegalSource source = SourceOf(key, org);
  return ComputeDeadline(start, Get(key).rule, calendar, std::move(source.en),
                         std::move(source.ka));
}

}  // namespace saqme::workflows
