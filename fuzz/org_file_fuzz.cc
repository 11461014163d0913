// Fuzz target: an org file (docs/org-format.md) as `saqme org adopt`, the org commands and the
// embedded charts read it (workflows/org/org_chart: OrgChart::Parse), then the questions the
// workflows ask of a chart, for every post and unit.
// Invariants: a refusal is a kInvalidArgument Status in both languages; an accepted chart keeps
// its text verbatim, which parses again to the same chart; every reporting line is finite (no
// cycle hangs a question); every question answers without a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "workflows/org/org_chart.h"

using saqme::fuzz::Require;
using saqme::workflows::OrgChart;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto chart = OrgChart::Parse(text);
  if (!chart.ok()) {
    saqme::fuzz::RequireRefusal(chart.status(), "OrgChart::Parse");
    return 0;
  }
  const OrgChart& org = chart.value();
  Require(org.source_json() == text, "the chart does not keep its text verbatim");
  auto again = OrgChart::Parse(org.source_json());
  Require(again.ok() && again->posts().size() == org.posts().size() &&
              again->units().size() == org.units().size(),
          "the chart's own text does not parse to the same chart");
  const auto day = *saqme::workflows::Date::Parse("2026-11-02");
  for (const auto& post : org.posts()) {
    Require(org.FindPost(post.id) != nullptr, "a post is not found by its id");
    const auto line = org.ReportingLine(post.id);
    Require(line.size() <= org.posts().size(), "a reporting line longer than the chart");
    org.HolderOn(post.id, day);
    org.ActingFor(post.id, day);
    org.ExercisedBy(post.id, day);
    org.SignatoryFor(post.id);
    org.Supervises(org.head_post(), post.id);
    org.UnitWithin(post.unit, org.units().empty() ? "" : org.units().front().id);
    for (auto power : post.powers) {
      org.Authorize(post.id, power, day);
      org.AbsentRefusal(post.id, day, saqme::workflows::PowerName(power));
    }
  }
  for (const auto& unit : org.units()) {
    Require(org.FindUnit(unit.id) != nullptr, "a unit is not found by its id");
    org.UnitWithin(unit.id, unit.parent);
  }
  return 0;
}
