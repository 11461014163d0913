#include "workflows/access.h"

#include <algorithm>
#include <variant>

#include "workflows/allowed_actions.h"

namespace saqme::workflows {
namespace {

bool Holds(const OrgChart& org, std::string_view post, Power power, const Date& date) {
  return std::holds_alternative<Authority>(org.Authorize(post, power, date));
}

// Named in the case, or expected to act on it now (the inbox sends the post to it).
bool IsParticipant(const CaseState& state, const OrgChart& org, std::string_view post) {
  if (std::binary_search(state.participants.begin(), state.participants.end(), post)) return true;
  const auto steps = ExpectedSteps(state, org);
  return std::any_of(steps.begin(), steps.end(),
                     [&](const ExpectedStep& step) { return step.post == post; });
}

// Published acts are public (Zugdidi statute art. 39; GAC art. 49): so is the body's calendar
// of government-declared days off.
bool IsPublic(const CaseState& state) {
  if (state.kind == Kind::kCalendar) return true;
  return state.kind == Kind::kLegalAct &&
         (state.stage == Stage::kPublished || state.stage == Stage::kInForce ||
          state.stage == Stage::kRepealed);
}

bool IsUnitHead(const OrgChart& org, std::string_view post) {
  return std::any_of(org.units().begin(), org.units().end(),
                     [&](const Unit& unit) { return unit.head_post == post; });
}

}  // namespace

const char* ReadGroundName(ReadGround ground) {
  switch (ground) {
    case ReadGround::kParticipant:
      return "participant";
    case ReadGround::kSupervisor:
      return "supervisor";
    case ReadGround::kRecords:
      return "records";
    case ReadGround::kAudit:
      return "audit";
    case ReadGround::kPublic:
      return "public";
    case ReadGround::kNone:
      break;
  }
  return "none";
}

std::vector<std::string> PostsExercised(const OrgChart& org, std::string_view post,
                                        const Date& date) {
  std::vector<std::string> posts = {std::string(post)};
  for (const auto& acting : org.acting()) {
    if (acting.acting_post == post && acting.Covers(date)) posts.push_back(acting.post);
  }
  return posts;
}

ReadGround CaseReadGround(const CaseState& state, std::string_view post, const OrgChart& org,
                          const Date& date) {
  if (state.kind == Kind::kNone || post.empty()) return ReadGround::kNone;
  if (IsParticipant(state, org, post)) return ReadGround::kParticipant;
  if (IsPublic(state)) return ReadGround::kPublic;
  // The supervision line over a participant, and whoever acts today for a participant or for
  // one of its supervisors: reading on borrowed authority is recorded like supervision.
  for (const auto& exercised : PostsExercised(org, post, date)) {
    if (exercised != post && IsParticipant(state, org, exercised)) return ReadGround::kSupervisor;
    for (const auto& participant : state.participants) {
      if (org.Supervises(exercised, participant)) return ReadGround::kSupervisor;
    }
  }
  if (Holds(org, post, Power::kRegister, date)) return ReadGround::kRecords;
  if (Holds(org, post, Power::kAudit, date)) return ReadGround::kAudit;
  return ReadGround::kNone;
}

bool MayAddress(const CaseState& state, const Context& context) {
  if (CaseReadGround(state, context.actor_post, *context.org, context.today) != ReadGround::kNone) {
    return true;
  }
  return !AllowedActions(state, context).empty();
}

bool MayReadRegisters(std::string_view post, const OrgChart& org, const Date& date) {
  for (const auto& exercised : PostsExercised(org, post, date)) {
    const Post* p = org.FindPost(exercised);
    if (!p) continue;
    if (p->powers.count(Power::kRegister) || p->powers.count(Power::kAudit) ||
        exercised == org.head_post() || IsUnitHead(org, exercised)) {
      return true;
    }
  }
  return false;
}

bool MayReadAccessLog(std::string_view post, const OrgChart& org, const Date& date) {
  return Holds(org, post, Power::kAudit, date);
}

}  // namespace saqme::workflows
