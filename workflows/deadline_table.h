// DeadlineTable: the period rule and legal source of each statutory deadline, as data
// (data/deadlines.tsv, compiled in as the default).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "storage/status.h"
#include "workflows/calendar/deadline.h"

namespace saqme::workflows {

struct DeadlineRule {
  PeriodRule rule;
  std::string source;
};

class DeadlineTable {
 public:
  static const DeadlineTable& Default();
  // Parses the table; every rule the workflows use must be present.
  static Result<DeadlineTable> Parse(std::string_view tsv);

  // Requires the key to exist (the default table has every key the workflows use).
  const DeadlineRule& Get(std::string_view key) const;
  bool Has(std::string_view key) const { return rules_.count(std::string(key)) > 0; }
  // The deadline of `key` counted from `start` on `calendar`.
  Deadline Compute(std::string_view key, const Date& start, const HolidayCalendar& calendar) const;

 private:
  std::map<std::string, DeadlineRule, std::less<>> rules_;
};

}  // namespace saqme::workflows
