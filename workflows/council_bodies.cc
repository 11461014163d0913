#include "workflows/council_bodies.h"

#include <sstream>
#include <stdexcept>

#include "workflows/workflow_data.h"

namespace saqme::workflows {
namespace {

// A code names a journal ("minutes-commission-<code>"): kept to what a URL path and a key hold
// plainly.
bool IsCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

}  // namespace

const CouncilBodies& CouncilBodies::Default() {
  static const CouncilBodies table = [] {
    auto parsed = Parse(kCouncilBodiesTsv);
    if (!parsed.ok())
      throw std::runtime_error("embedded council-bodies table: " + parsed.status().message());
    return parsed.value();
  }();
  return table;
}

Result<CouncilBodies> CouncilBodies::Parse(std::string_view tsv) {
  CouncilBodies table;
  std::istringstream in{std::string(tsv)};
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    CouncilBody body;
    std::getline(fields, body.council, '\t');
    std::getline(fields, body.kind, '\t');
    std::getline(fields, body.code, '\t');
    std::getline(fields, body.name_ka, '\t');
    std::getline(fields, body.name_en);
    const bool ok = !body.council.empty() &&
                    (body.kind == "commission" || body.kind == "faction") && IsCode(body.code) &&
                    !body.name_ka.empty() && !body.name_en.empty() &&
                    !table.Find(body.council, body.kind, body.code);
    if (!ok) {
      return Status::Error(Status::Code::kInvalidArgument,
                           "council-bodies table line " + std::to_string(number) +
                               ": expected council<TAB>commission|faction<TAB>code (a-z, 0-9, -; "
                               "once per council and kind)<TAB>name_ka<TAB>name_en",
                           "საკრებულოს კომისიებისა და ფრაქციების ცხრილის შეცდომა, სტრიქონი " +
                               std::to_string(number));
    }
    table.bodies_.push_back(std::move(body));
  }
  return table;
}

const CouncilBody* CouncilBodies::Find(std::string_view council, std::string_view kind,
                                       std::string_view code) const {
  for (const auto& body : bodies_) {
    if (body.council == council && body.kind == kind && body.code == code) return &body;
  }
  return nullptr;
}

std::vector<const CouncilBody*> CouncilBodies::Of(std::string_view council,
                                                  std::string_view kind) const {
  std::vector<const CouncilBody*> out;
  for (const auto& body : bodies_) {
    if (body.council == council && body.kind == kind) out.push_back(&body);
  }
  return out;
}

}  // namespace saqme::workflows
