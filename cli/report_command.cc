// saqme report --data DIR --year YYYY [--format text|json] [--english]: the annual report of the
// apparatus computed from the log (replay/annual_report.h).
#include <charconv>
#include <iostream>

#include <boost/json/serialize.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "replay/annual_report.h"

namespace saqme::cli {

int RunReport(int argc, char** argv) {
  auto args = Args::Parse(argc, argv, 2, {"data", "year", "format"}, {"english"});
  if (!args.ok()) {
    PrintError(args.status());
    return 2;
  }
  if (args->Has("help")) {
    std::cout << "usage: saqme report --data DIR --year YYYY [--format text|json] [--english]\n\n"
                 "The annual report of the apparatus, computed from the log alone: incoming\n"
                 "letters by kind and channel, outgoing letters, legal acts by type, proceedings\n"
                 "answered on time, late and still open with the average and longest days to\n"
                 "answer, extensions, the deadline watch's alerts, the public-information\n"
                 "statistics of GAC art. 49, the nomenclature's cases, the sessions held by\n"
                 "body and kind, and the log's anchor\n"
                 "(SEQ:HASH) to print with it. Text in Georgian (--english for English), or JSON\n"
                 "as GET /v1/reports/annual serves it. Reads the log only; safe beside a server.\n";
    return 0;
  }
  const std::string text = args->GetOr("year", "");
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (error != std::errc() || end != text.data() + text.size() || text.size() != 4) {
    PrintError(Status::Error(Status::Code::kInvalidArgument, "--year needs a year such as 2023",
                             "--year მოითხოვს წელს, მაგ. 2023"));
    return 2;
  }
  const std::string format = args->GetOr("format", "text");
  if (format != "text" && format != "json") {
    PrintError(Status::Error(Status::Code::kInvalidArgument, "--format is text or json",
                             "--format არის text ან json"));
    return 2;
  }
  auto log = OpenLogForReading(args.value());
  if (!log) return 2;
  auto report = replay::BuildAnnualReport(*log, year);
  if (!report.ok()) {
    PrintError(report.status());
    return 2;
  }
  if (format == "json") {
    std::cout << boost::json::serialize(replay::AnnualReportJson(report.value())) << "\n";
  } else {
    std::cout << replay::AnnualReportText(report.value(), args->Has("english"));
  }
  return report->log_intact ? 0 : 1;
}

}  // namespace saqme::cli
