// saqme: one binary, one subcommand per job (the contract is docs/api.md, docs/cli.md).
#include <sys/stat.h>

#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"

namespace {

struct Subcommand {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

constexpr Subcommand kSubcommands[] = {
    {"backup", saqme::cli::RunBackup,
     "back up the log beside a running server (incremental, verified), or --list"},
    {"check", saqme::cli::RunCheck, "compare the live views with a rebuild from the log"},
    {"deadline", saqme::cli::RunDeadline,
     "compute a due date from a start date and a period rule, with its explanation"},
    {"demo", saqme::cli::RunDemo, "append a few demonstration proceedings to a log and verify it"},
    {"export", saqme::cli::RunExport, "a case's history with hashes, as JSON or CSV"},
    {"generate", saqme::cli::RunGenerate,
     "write a realistic year of proceedings through the engine (--profile lentekhi)"},
    {"holidays", saqme::cli::RunHolidays, "list the non-working public holidays of a year"},
    {"log", saqme::cli::RunLog, "print events as JSON lines"},
    {"org", saqme::cli::RunOrg, "check an organisation file and show its posts and powers"},
    {"rebuild", saqme::cli::RunRebuild, "rebuild every view from the log (server stopped)"},
    {"replay", saqme::cli::RunReplay, "a case event by event, as it stood at any moment"},
    {"report", saqme::cli::RunReport, "the annual report of the apparatus for a year"},
    {"reporting-period", saqme::cli::RunReportingPeriod,
     "the require_report commands that open a reporting period's obligations"},
    {"restore", saqme::cli::RunRestore,
     "restore a backup into a new data directory and verify its chain"},
    {"serve", saqme::cli::RunServe, "serve the HTTP API (the main job)"},
    {"token", saqme::cli::RunToken, "token add|list|revoke: the bearer tokens of scripts"},
    {"user", saqme::cli::RunUser, "user add|list|disable|enable|reset: the persons who log in"},
    {"verify", saqme::cli::RunVerify, "walk the hash chain and report the first bad sequence"},
    {"verify-export", saqme::cli::RunVerifyExport, "re-verify an exported case history"},
};

void Usage(std::ostream& out) {
  out << "saqme — event-sourced administrative proceedings (საქმისწარმოება)\n\n"
         "usage: saqme <subcommand> [options]   (saqme <subcommand> --help for its options)\n\n";
  for (const auto& sub : kSubcommands) out << "  " << sub.name << "\t" << sub.summary << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Everything saqme creates holds personal data or leads to it (the log, RocksDB's files,
  // users, tokens, the access log, backups, exports): owner only. Set before any thread starts,
  // so no file is ever created with a wider mode (docs/reliability.md).
  ::umask(077);
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "help")) {
    Usage(std::cout);
    return argc < 2 ? 2 : 0;
  }
  for (const auto& sub : kSubcommands) {
    if (argv[1] == std::string(sub.name)) return sub.run(argc, argv);
  }
  std::cerr << "saqme: უცნობი ქვებრძანება / unknown subcommand '" << argv[1] << "'\n\n";
  Usage(std::cerr);
  return 2;
}
