// The subcommands of the saqme binary. Each returns the process exit code: 0 success, 1 the
// checked thing is bad (e.g. verify found a broken chain), 2 usage or environment errors.
#pragma once

namespace saqme::cli {

int RunBackup(int argc, char** argv);
int RunDeadline(int argc, char** argv);
int RunDemo(int argc, char** argv);
int RunGenerate(int argc, char** argv);
int RunHolidays(int argc, char** argv);
int RunLog(int argc, char** argv);
int RunOrg(int argc, char** argv);
int RunServe(int argc, char** argv);
int RunToken(int argc, char** argv);
int RunUser(int argc, char** argv);
int RunVerify(int argc, char** argv);
int RunRestore(int argc, char** argv);
int RunReplay(int argc, char** argv);
int RunReport(int argc, char** argv);
int RunReportingPeriod(int argc, char** argv);
int RunRebuild(int argc, char** argv);
int RunCheck(int argc, char** argv);
int RunExport(int argc, char** argv);
int RunVerifyExport(int argc, char** argv);

}  // namespace saqme::cli
