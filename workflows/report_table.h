// ReportTable: which posts of a body owe which periodic report, for which periods, due by which
// deadline rule — data (data/periodic_reports.tsv, compiled in), read by the periodic-report
// workflow (periodic_report.cc) and by whoever opens a period's obligations.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "workflows/calendar/date.h"
#include "workflows/org/org_chart.h"

namespace saqme::workflows {

// A reporting period: "2026-11" (a month), "2026-Q4" (a quarter), "2026-H2" (a half-year) or
// "2026" (a year).
struct ReportingPeriod {
  std::string text;  // as written
  std::string unit;  // "month", "quarter", "half", "year"
  Date last_day;     // the period's last day: the start of its report's deadline

  // nullopt for anything else (months 01–12, quarters Q1–Q4, halves H1–H2, years 1900–9999).
  static std::optional<ReportingPeriod> Parse(std::string_view text);
};

struct ReportRule {
  std::string body, report;
  std::string who;                   // "staff" or "unit-heads:N"
  std::vector<std::string> periods;  // "month", "quarter", ...
  std::string deadline;              // a key of the deadline table

  bool AllowsPeriod(std::string_view unit) const;
};

class ReportTable {
 public:
  static const ReportTable& Default();
  // Parses the table; a malformed line is named.
  static Result<ReportTable> Parse(std::string_view tsv);

  // The rule of `report` in `body`; nullptr when that body owes no such report.
  const ReportRule* Find(std::string_view body, std::string_view report) const;
  // Every rule of `body`, in the file's order.
  std::vector<const ReportRule*> OfBody(std::string_view body) const;
  const std::vector<ReportRule>& rules() const { return rules_; }

 private:
  std::vector<ReportRule> rules_;
};

// Whether `rule` obliges `post` of `org` (its `who`).
bool Obliges(const ReportRule& rule, const OrgChart& org, std::string_view post);
// The posts `rule` obliges, in the org file's order.
std::vector<std::string> ObligedPosts(const ReportRule& rule, const OrgChart& org);

}  // namespace saqme::workflows
