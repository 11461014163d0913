// What the fuzz targets share: an invariant check that stops the run with the input saved, and
// the workflow step that follows decoding in the engine (Decide on a case not yet opened).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <variant>

#include "model/saqme.capnp.h"
#include "model/status.h"
#include "workflows/proceeding.h"

namespace saqme::fuzz {

// Requires nothing. Guarantees: returns when `holds`; otherwise prints `what` and aborts, which
// libFuzzer reports as a crash and saves the input.
inline void Require(bool holds, const std::string& what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

// Requires a failed `status`. Guarantees: returns when it is the refusal of bad input the API
// answers with 400 — kInvalidArgument, with a message in English and in Georgian; else aborts.
inline void RequireRefusal(const Status& status, const std::string& who) {
  Require(status.code() == Status::Code::kInvalidArgument && !status.message().empty() &&
              !status.message_ka().empty(),
          who + " refused without a bilingual kInvalidArgument: " + status.message());
}

// Decides `command` as the engine would for a new case (workflows::Decide's contract: never
// throws for bad command data, refuses with a message in both languages), with the demo chart of
// Ozurgeti and a post of it chosen by `post_choice`. Guarantees: aborts if the contract is
// broken; an exception escapes only from a message that does not decode (kj::Exception), which
// the engine never decides (the API refused it).
inline void DecideOnANewCase(schema::Command::Reader command, size_t post_choice) {
  const auto& org = workflows::OrgChart::Ozurgeti();
  const auto& post = org.posts()[post_choice % org.posts().size()];
  workflows::Context context;
  context.actor_post = post.id;
  context.actor_person = post.holder;
  context.today = *workflows::Date::Parse("2026-11-02");
  context.now_ms = (context.today.DaysSinceEpoch() * 86400 + 6 * 3600) * 1000;
  context.org = &org;
  context.calendar = &workflows::HolidayCalendar::Default();
  context.deadlines = &workflows::DeadlineTable::Default();
  int number = 0;
  context.next_number = [&number](std::string_view, int) { return std::to_string(++number); };
  context.in_nomenclature = [](int, std::string_view code) {
    return code == "01-01" ? workflows::FileStatus::kOpen : workflows::FileStatus::kAbsent;
  };
  context.legal_act = [](std::string_view) { return std::optional<workflows::ActFacts>(); };
  workflows::CaseState state;
  workflows::Decision decision;
  try {
    decision = workflows::Decide(state, command, context);
  } catch (const kj::Exception&) {
    throw;
  } catch (const std::exception& e) {
    Require(false, std::string("Decide threw: ") + e.what());
  }
  if (auto* refusal = std::get_if<workflows::Refusal>(&decision)) {
    Require(!refusal->message_en.empty() && !refusal->message_ka.empty(),
            "a refusal without its English and Georgian message");
  } else {
    Require(!std::get<std::vector<storage::EventDraft>>(decision).empty(),
            "an accepted command that records no event");
  }
}

}  // namespace saqme::fuzz
