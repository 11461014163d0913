// A configuration file of `key = value` lines (saqme serve --config FILE): '#' starts a comment,
// blank lines are skipped, keys are the long flag names without "--", a switch takes true or
// false. The values are checked where the flags are (cli/serve_command.cc), so a file and the
// command line share their defaults and their validation.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "model/status.h"

namespace saqme::cli {

struct Setting {
  std::string key, value;
  int line = 0;  // from 1
};

// The settings of `saqme serve`: those taking a value, and the switches.
const std::set<std::string>& ServeOptions();
const std::set<std::string>& ServeSwitches();

// Parses `text` (read from `file`, named in errors). Requires: nothing. Guarantees: every key is
// one of `options` or `switches` and appears once; a switch's value is "true" or "false";
// otherwise kInvalidArgument, in Georgian and English, naming the file and the line.
Result<std::vector<Setting>> ParseConfig(const std::string& text, const std::string& file,
                                         const std::set<std::string>& options,
                                         const std::set<std::string>& switches);

// Reads `file` and parses it; kNotFound when it cannot be read.
Result<std::vector<Setting>> ReadConfigFile(const std::string& file,
                                            const std::set<std::string>& options,
                                            const std::set<std::string>& switches);

}  // namespace saqme::cli
