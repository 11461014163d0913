#include "cli/args.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "engine/views.h"

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

void PrintError(const Status& status) {
  std::cerr << "saqme: ";
  if (!status.message_ka().empty()) std::cerr << status.message_ka() << "\n       ";
  std::cerr << status.message() << "\n";
}

}  // namespace saqme::cli
