#include "workflows/access.h"

#include <algorithm>
#include <variant>

#include "workflows/allowed_actions.h"

namespace saqme::workflows {
namespace {

bool Holds(const OrgChart& org, std::string_view post, Power power, const Date& date) {
  return std::holds_alternative<Authority>(org.Authorize(post, power, date));
}

bool Contains(const std::vector<std::string>& sorted, std::string_view post) {
  return std::binary_search(sorted.begin(), sorted.end(), post);
}

// Named in the case, or expected to act on it now (the inbox sends the post to it).
bool IsNamed(const ReadFacts& facts, std::string_view post) {
  return Contains(facts.participants, post) ||
         std::find(facts.expected.begin(), facts.expected.end(), post) != facts.expected.end();
}

// Published acts are public (Zugdidi statute art. 39; GAC art. 49), and so is the body's
// calendar of government-declared days off.
bool IsPublic(const CaseState& state) {
  if (state.kind == Kind::kCalendar) return true;
  // Sessions are public (open) from their convening: the agenda is announced, the sittings are
  // broadcast on the website (the Ozurgeti job descriptions, lines 397 and 1497).
  if (state.kind == Kind::kSession) return true;
  return state.kind == Kind::kLegalAct &&
         (state.stage == Stage::kPublished || state.stage == Stage::kInForce ||
          state.stage == Stage::kRepealed || state.stage == Stage::kDeclaredVoid);
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

bool IsRecordedRead(ReadGround ground) {
  return ground == ReadGround::kSupervisor || ground == ReadGround::kRecords ||
         ground == ReadGround::kAudit;
}

std::vector<std::string> PostsExercised(const OrgChart& org, std::string_view post,
                                        const Date& date) {
  std::vector<std::string> posts = {std::string(post)};
  for (const auto& acting : org.acting()) {
    if (acting.acting_post == post && acting.Covers(date)) posts.push_back(acting.post);
  }
  return posts;
}

ReadFacts ReadFactsOf(const CaseState& state, const OrgChart& org) {
  ReadFacts facts;
  facts.participants = state.participants;
  for (const auto& step : ExpectedSteps(state, org)) facts.expected.push_back(step.post);
  facts.is_public = IsPublic(state);
  return facts;
}

CaseReader::CaseReader(const OrgChart& org, std::string_view post, const Date& date) : post_(post) {
  const auto exercised = PostsExercised(org, post, date);
  acted_for_.assign(exercised.begin() + 1, exercised.end());
  // The supervision line over a participant, also of a post acted for today.
  for (const auto& below : org.posts()) {
    for (const auto& above : exercised) {
      if (org.Supervises(above, below.id)) {
        supervised_.push_back(below.id);
        break;
      }
    }
  }
  std::sort(supervised_.begin(), supervised_.end());
  records_ = Holds(org, post, Power::kRegister, date);
  audit_ = Holds(org, post, Power::kAudit, date);
}

ReadGround CaseReader::Ground(const ReadFacts& facts) const {
  if (post_.empty()) return ReadGround::kNone;
  if (IsNamed(facts, post_)) return ReadGround::kParticipant;
  if (facts.is_public) return ReadGround::kPublic;
  // Whoever acts today for a participant reads on borrowed authority: recorded like supervision.
  for (const auto& absent : acted_for_) {
    if (IsNamed(facts, absent)) return ReadGround::kSupervisor;
  }
  for (const auto& participant : facts.participants) {
    if (Contains(supervised_, participant)) return ReadGround::kSupervisor;
  }
  if (records_) return ReadGround::kRecords;
  if (audit_) return ReadGround::kAudit;
  return ReadGround::kNone;
}

ReadGround CaseReadGround(const CaseState& state, std::string_view post, const OrgChart& org,
                          const Date& date) {
  if (state.kind == Kind::kNone) return ReadGround::kNone;
  const ReadFacts facts = ReadFactsOf(state, org);
  // Most reads are by the case's own people: answered before the reader's lines are worked out.
  if (!post.empty() && IsNamed(facts, post)) return ReadGround::kParticipant;
  // The org case (who holds and who acts for which post, on what basis) is read as the
  // registers are: the records office, unit heads, the head of the body, auditors.
  if (state.kind == Kind::kOrganisation) {
    return MayReadRegisters(post, org, date) ? ReadGround::kRecords : ReadGround::kNone;
  }
  return CaseReader(org, post, date).Ground(facts);
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

bool IsHeadOrActingHead(std::string_view post, const OrgChart& org, const Date& date) {
  return post == org.head_post() || org.ExercisedBy(org.head_post(), date) == post;
}

bool MayReadJournal(std::string_view journal, std::string_view post, const OrgChart& org,
                    const Date& date) {
  if (journal != "certificates") return MayReadRegisters(post, org, date);
  return Holds(org, post, Power::kRegister, date) || Holds(org, post, Power::kAudit, date);
}

bool MayReadAccessLog(std::string_view post, const OrgChart& org, const Date& date) {
  return Holds(org, post, Power::kAudit, date);
}

}  // namespace saqme::workflows
