#include "cli/config_file.h"

#include <fstream>
#include <sstream>

namespace saqme::cli {
namespace {

std::string Trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

}  // namespace

const std::set<std::string>& ServeOptions() {
  static const std::set<std::string> options = {"data",
                                                "listen",
                                                "org",
                                                "tokens",
                                                "clock",
                                                "clock-start",
                                                "watch-interval",
                                                "watch-policy",
                                                "session-idle-minutes",
                                                "password-cost",
                                                "public-origin",
                                                "backup-dir",
                                                "backup-every",
                                                "backup-keep",
                                                "max-connections",
                                                "max-connections-per-address",
                                                "workers",
                                                "max-streams-per-caller",
                                                "max-streams-per-address",
                                                "stream-max-seconds",
                                                "stream-heartbeat-seconds",
                                                "idle-timeout-seconds",
                                                "header-timeout-seconds",
                                                "body-timeout-seconds",
                                                "handshake-timeout-seconds",
                                                "log-format",
                                                "request-log",
                                                "anchor-file",
                                                "memory-budget-mb",
                                                "heavy-reads",
                                                "tls-cert",
                                                "tls-key"};
  return options;
}

const std::set<std::string>& ServeSwitches() {
  static const std::set<std::string> switches = {"read-only"};
  return switches;
}

Result<std::vector<Setting>> ParseConfig(const std::string& text, const std::string& file,
                                         const std::set<std::string>& options,
                                         const std::set<std::string>& switches) {
  std::vector<Setting> settings;
  std::set<std::string> seen;
  std::istringstream in(text);
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    const std::string line = Trim(raw.substr(0, raw.find('#')));
    if (line.empty()) continue;
    const std::string where = file + " line " + std::to_string(number);
    const std::string where_ka = file + ", სტრიქონი " + std::to_string(number);
    const auto eq = line.find('=');
    const std::string key = Trim(line.substr(0, eq));
    if (eq == std::string::npos || key.empty()) {
      return Status::Error(Status::Code::kInvalidArgument,
                           where + ": expected key = value, got '" + line + "'",
                           where_ka + ": მოსალოდნელია key = value, მიღებულია '" + line + "'");
    }
    const std::string value = Trim(line.substr(eq + 1));
    if (!options.count(key) && !switches.count(key)) {
      return Status::Error(Status::Code::kInvalidArgument,
                           where + ": unknown setting '" + key + "' (see saqme serve --help)",
                           where_ka + ": უცნობი პარამეტრი '" + key + "'");
    }
    if (!seen.insert(key).second) {
      return Status::Error(Status::Code::kInvalidArgument, where + ": '" + key + "' set twice",
                           where_ka + ": '" + key + "' ორჯერაა მითითებული");
    }
    if (switches.count(key) ? value != "true" && value != "false" : value.empty()) {
      const bool is_switch = switches.count(key) > 0;
      return Status::Error(
          Status::Code::kInvalidArgument,
          where + ": '" + key + "' needs " + (is_switch ? "true or false" : "a value"),
          where_ka + ": '" + key + "' მოითხოვს " + (is_switch ? "true ან false" : "მნიშვნელობას"));
    }
    settings.push_back({key, value, number});
  }
  return settings;
}

Result<std::vector<Setting>> ReadConfigFile(const std::string& file,
                                            const std::set<std::string>& options,
                                            const std::set<std::string>& switches) {
  std::ifstream in(file);
  if (!in) {
    return Status::Error(Status::Code::kNotFound, "cannot read the configuration file " + file,
                         "კონფიგურაციის ფაილი " + file + " ვერ წაიკითხა");
  }
  std::stringstream text;
  text << in.rdbuf();
  return ParseConfig(text.str(), file, options, switches);
}

}  // namespace saqme::cli
