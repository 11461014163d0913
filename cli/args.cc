#include "cli/args.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "projection/views.h"

namespace saqme::cli {

Result<Args> Args::Parse(int argc, char** argv, int first, const std::set<std::string>& options,
                         const std::set<std::string>& switches) {
  Args args;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    std::string name = arg.rfind("--", 0) == 0 ? arg.substr(2) : "";
    std::string value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      if (!options.count(name)) name.clear();
    } else if (options.count(name)) {
      if (i + 1 >= argc) {
        return Status::Error(Status::Code::kInvalidArgument, "--" + name + " needs a value",
                             "--" + name + " მოითხოვს მნიშვნელობას");
      }
      value = argv[++i];
    } else if (name != "help" && !switches.count(name)) {
      name.clear();
    }
    if (name.empty()) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "unknown argument " + arg + " (see --help)", "უცნობი არგუმენტი " + arg);
    }
    args.values_[name] = value;
  }
  return args;
}

std::optional<std::string> Args::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::GetOr(const std::string& name, const std::string& fallback) const {
  return Get(name).value_or(fallback);
}

Result<int> Args::GetInt(const std::string& name, int fallback, int min, int max) const {
  const auto text = Get(name);
  if (!text) return fallback;
  size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || value < min || value > max) {
    const std::string range = std::to_string(min) + " to " + std::to_string(max);
    return Explain(name,
                   Status::Error(Status::Code::kInvalidArgument,
                                 "--" + name + " is a whole number from " + range,
                                 "--" + name + " უნდა იყოს მთელი რიცხვი " + std::to_string(min) +
                                     "-დან " + std::to_string(max) + "-მდე"));
  }
  return value;
}

void Args::SetIfAbsent(const std::string& name, const std::string& value,
                       const std::string& origin) {
  if (!values_.emplace(name, value).second) return;
  origins_[name] = origin;
}

Status Args::Explain(const std::string& name, const Status& status) const {
  auto it = origins_.find(name);
  if (status.ok() || it == origins_.end()) return status;
  return Status::Error(status.code(), status.message() + " (" + it->second + ")",
                       status.message_ka() + " (" + it->second + ")");
}

std::string DefaultDataDir() {
  const char* env = std::getenv("SAQME_DATA");
  return env && *env ? env : "saqme-data";
}

std::unique_ptr<storage::EventLog> OpenLogForReading(const Args& args) {
  storage::LogOptions options;
  options.create_if_missing = false;
  options.read_only = true;
  options.extra_column_families = engine::ViewFamilies();  // so the live generation is found
  auto log = storage::EventLog::Open(args.GetOr("data", DefaultDataDir()), options);
  if (!log.ok()) {
    PrintError(log.status());
    return nullptr;
  }
  return std::move(log.value());
}

Result<workflows::OrgChart> LoadOrg(const std::string& which) {
  if (which == "ozurgeti") return workflows::OrgChart::Ozurgeti();
  if (which == "zugdidi") return workflows::OrgChart::Zugdidi();
  std::ifstream in(which);
  if (!in) {
    return Status::Error(Status::Code::kNotFound, "cannot read the org file " + which,
                         "ორგანიზაციის ფაილი " + which + " ვერ წაიკითხა");
  }
  std::stringstream text;
  text << in.rdbuf();
  return workflows::OrgChart::Parse(text.str());
}

int Fail(const Status& status) {
  PrintError(status);
  return 2;
}

std::optional<ActionArgs> ParseAction(int argc, char** argv, const std::set<std::string>& actions,
                                      const std::set<std::string>& options, const char* usage,
                                      const char* help, int* exit_code) {
  const std::string action = argc >= 3 ? argv[2] : "";
  *exit_code = 0;
  if (action == "--help" || action == "help") {
    std::cout << usage << help;
    return std::nullopt;
  }
  *exit_code = 2;
  if (!actions.count(action)) {
    std::cerr << "saqme: უცნობი მოქმედება / unknown action '" << action << "'\n" << usage;
    return std::nullopt;
  }
  auto args = Args::Parse(argc, argv, 3, options, {});
  if (!args.ok()) {
    PrintError(args.status());
    return std::nullopt;
  }
  if (args->Has("help")) {
    std::cout << usage << help;
    *exit_code = 0;
    return std::nullopt;
  }
  return ActionArgs{action, std::move(args.value())};
}

void PrintError(const Status& status) {
  std::cerr << "saqme: ";
  if (!status.message_ka().empty()) std::cerr << status.message_ka() << "\n       ";
  std::cerr << status.message() << "\n";
}

}  // namespace saqme::cli
