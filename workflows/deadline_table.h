// DeadlineTable: the period rule and national legal source (English and Georgian) of each
// statutory deadline, as data (data/deadlines.tsv, compiled in as the default). A body's own
// statute is cited through its org chart (workflows/org/legal_sources.h), which replaces the
// table's source of a rule: see Compute.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "model/status.h"
#include "workflows/calendar/deadline.h"
#include "workflows/org/legal_sources.h"
#include "workflows/report_table.h"

namespace saqme::workflows {

struct DeadlineRule {
  PeriodRule rule;
  std::string source;     // the national law that sets the period (English)
  std::string source_ka;  // the same in Georgian
};

class DeadlineTable {
 public:
  static const DeadlineTable& Default();
  // Parses the table; every rule the workflows use must be present: the proceedings' own and
  // the deadline of every periodic report `reports` names (data/periodic_reports.tsv).
  static Result<DeadlineTable> Parse(std::string_view tsv,
                                     const ReportTable& reports = ReportTable::Default());

  // Requires the key to exist (the default table has every key the workflows use).
  const DeadlineRule& Get(std::string_view key) const;
  bool Has(std::string_view key) const { return rules_.count(std::string(key)) > 0; }
  // The source `org` cites for `key`: its own when its org file names one, else the table's.
  LegalSource SourceOf(std::string_view key, const LegalSources* org = nullptr) const;
  // The deadline of `key` counted from `start` on `calendar`, citing SourceOf(key, org).
  Deadline Compute(std::string_view key, const Date& start, const HolidayCalendar& calendar,
                   const LegalSources* org = nullptr) const;

 private:
  std::map<std::string, DeadlineRule, std::less<>> rules_;
};

}  // namespace saqme::workflows
