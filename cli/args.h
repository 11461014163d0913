// Command-line arguments of one saqme subcommand: `--name value` options and `--name` switches.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/status.h"
#include "storage/event_log.h"
#include "workflows/org/org_chart.h"

namespace saqme::cli {

class Args {
 public:
  // Parses argv[first..argc). `options` take a value, `switches` do not; `--help` is always a
  // switch. Anything else is an error naming the argument.
  static Result<Args> Parse(int argc, char** argv, int first, const std::set<std::string>& options,
                            const std::set<std::string>& switches);

  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> Get(const std::string& name) const;
  std::string GetOr(const std::string& name, const std::string& fallback) const;
  // The whole number of --`name` (`fallback` when absent); kInvalidArgument, in Georgian and
  // English, when it is not a whole number from `min` to `max`.
  Result<int> GetInt(const std::string& name, int fallback, int min, int max) const;

  // Sets --`name` to `value` unless the command line gave it (the command line wins);
  // `origin` ("FILE line N") is then named by Explain.
  void SetIfAbsent(const std::string& name, const std::string& value, const std::string& origin);
  // `status` (an error about --`name`) with where the value came from when it was a file's.
  Status Explain(const std::string& name, const Status& status) const;

 private:
  std::map<std::string, std::string> values_;
  std::map<std::string, std::string> origins_;  // of the values set by SetIfAbsent
};

// `saqme COMMAND ACTION [options]` (user, token): ACTION one of `actions`, then `options`.
// nullopt when the command is done — `--help` printed `usage` and `help` (*exit_code 0), or an
// unknown action or argument was reported (*exit_code 2).
struct ActionArgs {
  std::string action;
  Args args;
};
std::optional<ActionArgs> ParseAction(int argc, char** argv, const std::set<std::string>& actions,
                                      const std::set<std::string>& options, const char* usage,
                                      const char* help, int* exit_code);

// The default data directory: ./saqme-data, or $SAQME_DATA when set.
std::string DefaultDataDir();

// Prints `status` for a person (Georgian and English) on stderr.
void PrintError(const Status& status);
// PrintError, then the exit code 2 (the command could not run).
int Fail(const Status& status);

// Opens the log of --data (default DefaultDataDir()) read-only, for inspection beside a live
// server; prints the error and returns null when it cannot.
std::unique_ptr<storage::EventLog> OpenLogForReading(const Args& args);

// The org chart named by `which`: "ozurgeti", "zugdidi" (built in) or a file path.
Result<workflows::OrgChart> LoadOrg(const std::string& which);

}  // namespace saqme::cli
