#include "workflows/report_table.h"

#include <sstream>
#include <stdexcept>

#include "workflows/workflow_data.h"

namespace saqme::workflows {
namespace {

// "1234" as a number within [low, high]; nullopt otherwise.
std::optional<int> Number(std::string_view text, int low, int high) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  if (n < low || n > high) return std::nullopt;
  return n;
}

// How many levels `unit` lies below the root unit (0 for the root); -1 for an unknown unit.
int DepthOf(const OrgChart& org, std::string_view unit) {
  int depth = 0;
  for (const Unit* u = org.FindUnit(unit); u; u = org.FindUnit(u->parent), ++depth) {
    if (u->parent.empty()) return depth;
    if (depth > 64) break;  // a cycle the org parser would have refused
  }
  return -1;
}

}  // namespace

std::optional<ReportingPeriod> ReportingPeriod::Parse(std::string_view text) {
  auto year = Number(text.substr(0, 4), 1900, 9999);
  if (!year) return std::nullopt;
  ReportingPeriod period;
  period.text = std::string(text);
  if (text.size() == 4) {
    period.unit = "year";
    period.last_day = Date(*year, 12, 31);
    return period;
  }
  if (text.size() < 6 || text[4] != '-') return std::nullopt;
  std::string_view rest = text.substr(5);
  int last_month = 0;
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    const bool quarter = rest[0] == 'Q';
    auto n = Number(rest.substr(1), 1, quarter ? 4 : 2);
    if (!n) return std::nullopt;
    period.unit = quarter ? "quarter" : "half";
    last_month = *n * (quarter ? 3 : 6);
  } else if (auto month = rest.size() == 2 ? Number(rest, 1, 12) : std::nullopt) {
    period.unit = "month";
    last_month = *month;
  } else {
    return std::nullopt;
  }
  period.last_day = Date(*year, last_month, Date::DaysInMonth(*year, last_month));
  return period;
}

bool ReportRule::AllowsPeriod(std::string_view unit) const {
  for (const auto& p : periods) {
    if (p == unit) return true;
  }
  return false;
}

const ReportTable& ReportTable::Default() {
  static const ReportTable table = [] {
    auto parsed = Parse(kPeriodicReportsTsv);
    if (!parsed.ok())
      throw std::runtime_error("embedded periodic-report table: " + parsed.status().message());
    return parsed.value();
  }();
  return table;
}

Result<ReportTable> ReportTable::Parse(std::string_view tsv) {
  ReportTable table;
  std::istringstream in{std::string(tsv)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    ReportRule rule;
    std::string periods;
    std::getline(fields, rule.body, '\t');
    std::getline(fields, rule.report, '\t');
    std::getline(fields, rule.who, '\t');
    std::getline(fields, periods, '\t');
    std::getline(fields, rule.deadline);
    std::istringstream list(periods);
    bool ok = !rule.body.empty() && !rule.report.empty() && !rule.deadline.empty() &&
              (rule.who == "staff" ||
               (rule.who.rfind("unit-heads:", 0) == 0 && Number(rule.who.substr(11), 0, 64)));
    for (std::string p; ok && std::getline(list, p, ',');) {
      ok = p == "month" || p == "quarter" || p == "half" || p == "year";
      rule.periods.push_back(p);
    }
    if (!ok || rule.periods.empty()) {
      return Status::Error(
          Status::Code::kInvalidArgument,
          "periodic-report table line " + std::to_string(number) +
              ": expected body<TAB>report<TAB>staff|unit-heads:N<TAB>"
              "month,quarter,half,year<TAB>deadline rule",
          "პერიოდული ანგარიშების ცხრილის შეცდომა, სტრიქონი " + std::to_string(number));
    }
    table.rules_.push_back(std::move(rule));
  }
  return table;
}

const ReportRule* ReportTable::Find(std::string_view body, std::string_view report) const {
  for (const auto& rule : rules_) {
    if (rule.body == body && rule.report == report) return &rule;
  }
  return nullptr;
}

std::vector<const ReportRule*> ReportTable::OfBody(std::string_view body) const {
  std::vector<const ReportRule*> of;
  for (const auto& rule : rules_) {
    if (rule.body == body) of.push_back(&rule);
  }
  return of;
}

bool Obliges(const ReportRule& rule, const OrgChart& org, std::string_view post) {
  const Post* p = org.FindPost(post);
  if (!p) return false;
  if (rule.who == "staff") return !p->supervisor.empty();
  const Unit* unit = org.FindUnit(p->unit);
  return unit && unit->head_post == p->id &&
         DepthOf(org, unit->id) == *Number(std::string_view(rule.who).substr(11), 0, 64);
}

std::vector<std::string> ObligedPosts(const ReportRule& rule, const OrgChart& org) {
  std::vector<std::string> posts;
  for (const auto& p : org.posts()) {
    if (Obliges(rule, org, p.id)) posts.push_back(p.id);
  }
  return posts;
}

}  // namespace saqme::workflows
