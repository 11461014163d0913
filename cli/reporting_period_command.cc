// saqme reporting-period: the require_report commands that open a reporting period's
// obligations, one JSON body per obliged post (POST /v1/cases), from the org chart and the
// periodic-report table (workflows/report_table.h). It writes nothing: whoever holds `register`
// submits the lines (a retried line is answered as a duplicate, its command id being the same).
#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "workflows/report_table.h"

namespace saqme::cli {

int RunReportingPeriod(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"period", "org", "report"}, {});
  if (!args.ok()) return Fail(args.status());
  if (args->Has("help")) {
    std::cout
        << "usage: saqme reporting-period --period 2026-11|2026-Q4|2026-H2|2026\n"
           "                              [--org ozurgeti|zugdidi|FILE] [--report KIND]\n\n"
           "Prints one line per report owed for the period: the body of POST /v1/cases with the\n"
           "require_report command for the post (its command id names the period, the report\n"
           "and the post, so submitting a line twice opens one case). Which posts owe which\n"
           "report for which periods is data/periodic_reports.tsv; --report keeps one kind.\n";
    return 0;
  }
  auto period = workflows::ReportingPeriod::Parse(args->GetOr("period", ""));
  if (!period) {
    return Fail(Status::Error(Status::Code::kInvalidArgument,
                              "--period needs a period: 2026-11, 2026-Q4, 2026-H2 or 2026",
                              "--period მოითხოვს პერიოდს: 2026-11, 2026-Q4, 2026-H2 ან 2026"));
  }
  auto org = LoadOrg(args->GetOr("org", "ozurgeti"));
  if (!org.ok()) return Fail(org.status());
  const std::string only = args->GetOr("report", "");
  for (const auto* rule : workflows::ReportTable::Default().OfBody(org.value().body_id())) {
    if ((!only.empty() && rule->report != only) || !rule->AllowsPeriod(period->unit)) continue;
    for (const auto& post : workflows::ObligedPosts(*rule, org.value())) {
      boost::json::object body{
          {"command_id", "require_report/" + period->text + "/" + rule->report + "/" + post},
          {"command",
           {{"type", "require_report"},
            {"post", post},
            {"report", rule->report},
            {"period", period->text}}}};
      std::cout << boost::json::serialize(body) << "\n";
    }
  }
  return 0;
}

}  // namespace saqme::cli
