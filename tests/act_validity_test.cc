// The validity of legal acts (workflows/legal_act.cc): declared void by the issuer or the head of
// the body; amended and repealed only in force; a complaint's decision applied to the act it
// contests, except the head's own acts, which are contested in court (Zugdidi statute art. 40).
#include <string>

#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/legal_act.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;

bool Has(const std::string& message, const char* part) {
  return message.find(part) != std::string::npos;
}

// Every validity command is refused in the bench's state, for that state's reason.
void ExpectValidityRefused(WorkflowBench& bench, const char* reason) {
  SCOPED_TRACE(std::string("in state ") + StageName(bench.state().stage));
  bench.AddLegalAct("act-in-force", {"in_force", "2026-10-01", "order", "5", "apparatus-head"});
  for (const auto& [name, fill] : {std::pair<const char*, Fill>{"amend", Amend("act-in-force")},
                                   {"repeal", Repeal("act-in-force")},
                                   {"declare_void", DeclareVoid()}}) {
    for (const char* actor : {"chair", "apparatus-head", "org-records"}) {
      Refusal refusal;
      const std::string message = bench.Try(actor, fill, &refusal);
      EXPECT_TRUE(Has(message, "not possible while")) << name << " by " << actor << ": " << message;
      EXPECT_TRUE(Has(message, reason)) << name << " by " << actor << ": " << message;
      EXPECT_EQ(refusal.category(), RefusalCategory::kNotNow) << name;
      EXPECT_FALSE(refusal.message_ka.empty());
      EXPECT_EQ(refusal.message_ka.find("declared"), std::string::npos);  // no English inside
    }
  }
}

// An order of the apparatus head, registered and published on the website (not yet notified).
void PublishOrder(WorkflowBench& bench) {
  bench.Do("sec-legal", DraftAct(schema::ActType::ORDER, "apparatus-head"));
  ExpectValidityRefused(bench, "not in force");
  bench.Do("sec-juridical", Expertise());
  bench.Do("apparatus-head", Adopt());
  ExpectValidityRefused(bench, "not in force");
  bench.Do("org-records", kRegisterAct);
  ExpectValidityRefused(bench, "not in force");
  bench.Do("info-web", Publish("website", "2026-11-02"));
}

TEST(ActValidityTest, APublishedActIsDeclaredVoidByItsIssuerOrTheHeadWithAReason) {
  WorkflowBench bench;
  PublishOrder(bench);
  ASSERT_EQ(bench.state().stage, Stage::kPublished);
  // Published but not yet in force: not amended, but it may be declared void.
  bench.AddLegalAct("act-in-force", {"in_force", "2026-10-01", "order", "5", "apparatus-head"});
  EXPECT_TRUE(Has(bench.Try("org-records", Amend("act-in-force")), "not yet in force"));
  EXPECT_TRUE(Has(bench.Try("org-records", Repeal("act-in-force")), "not yet in force"));
  Refusal refusal;
  EXPECT_TRUE(Has(bench.Try("info-analytics", DeclareVoid(), &refusal), "issuer"));
  EXPECT_FALSE(refusal.message_ka.empty());
  EXPECT_TRUE(Has(bench.Try("apparatus-head", DeclareVoid("  ")), "reason"));
  EXPECT_TRUE(bench.Accepts("apparatus-head", DeclareVoid()));  // the issuer
  bench.SetToday("2026-11-05");
  bench.Do("chair", DeclareVoid("გამოცემულია უფლებამოსილების გარეშე"));  // the head of the body
  EXPECT_EQ(bench.state().stage, Stage::kDeclaredVoid);
  EXPECT_EQ(bench.state().void_on, "2026-11-05");
  EXPECT_EQ(bench.state().void_reason, "გამოცემულია უფლებამოსილების გარეშე");
  EXPECT_EQ(bench.state().voided_by, "chair");
  EXPECT_EQ(bench.last_event().at("type").as_string(), "act_declared_void");
  ExpectValidityRefused(bench, "declared void on 2026-11-05");
}

TEST(ActValidityTest, OnlyAnActInForceIsAmendedOrRepealedAndARepealedOneIsClosed) {
  WorkflowBench bench;
  PublishOrder(bench);
  bench.Do("org-records", Notify("2026-11-02"));
  ASSERT_EQ(bench.state().stage, Stage::kInForce);
  bench.AddLegalAct("act-in-force", {"in_force", "2026-10-01", "order", "5", "apparatus-head"});
  bench.Do("org-records", Amend("act-in-force"));
  bench.Do("org-records", Repeal("act-in-force"));
  EXPECT_EQ(bench.state().stage, Stage::kRepealed);
  ExpectValidityRefused(bench, "repealed by act-in-force");
}

TEST(ActValidityTest, AComplaintDecisionNamesTheActItContestsAndAnnulsIt) {
  WorkflowBench complaint(OrgChart::Zugdidi());
  complaint.Do("records-clerk", Register(schema::IncomingKind::COMPLAINT, "mayor"));
  complaint.Do("mayor", Resolve("adm-records-officer"));
  complaint.Do("adm-records-officer", kReceipt);
  complaint.Do("adm-records-officer", DraftAnswer("საჩივარი საფუძვლიანია"));
  complaint.Do("adm-legal-head", Endorse());
  // The mayor's own act: contested in court, not before the mayor (art. 40).
  complaint.AddLegalAct("act-mayor", {"in_force", "2026-10-01", "order", "3", "mayor"});
  const std::string court =
      complaint.Try("mayor", DecideContesting(schema::Outcome::ANNULLED, "act-mayor"));
  EXPECT_TRUE(Has(court, "contested in court")) << court;
  EXPECT_TRUE(Has(court, "art. 40")) << court;
  EXPECT_TRUE(Has(complaint.Try("mayor", DecideContesting(schema::Outcome::ANNULLED, "act-x")),
                  "there is no legal act"));
  complaint.AddLegalAct("act-void",
                        {"declared_void", "2026-10-01", "order", "4", "svc-finance-head"});
  EXPECT_TRUE(Has(complaint.Try("mayor", DecideContesting(schema::Outcome::ANNULLED, "act-void")),
                  "only a published act or one in force"));
  complaint.AddLegalAct("act-finance",
                        {"in_force", "2026-10-01", "order", "7", "svc-finance-head"});
  complaint.Do("mayor", DecideContesting(schema::Outcome::ANNULLED, "act-finance"));
  EXPECT_EQ(complaint.state().contested_act, "act-finance");
  EXPECT_EQ(complaint.last_event().at("data").at("contested_act").as_string(), "act-finance");

  // The consequence on the act's case: annulled, i.e. void from the decision, naming it.
  WorkflowBench act;
  PublishOrder(act);
  act.Do("org-records", Notify("2026-11-02"));
  auto applied =
      legal_act::ApplyComplaintDecision(act.state(), complaint.state(), act.Context("mayor"));
  auto* events = std::get_if<std::vector<storage::EventDraft>>(&applied);
  ASSERT_NE(events, nullptr);
  CaseState after = act.state();
  for (auto& draft : *events) Evolve(after, draft.event().asReader());
  EXPECT_EQ(after.stage, Stage::kDeclaredVoid);
  EXPECT_EQ(after.annulled_on_complaint, complaint.state().case_id);
  EXPECT_EQ(after.void_reason, "გასაჩივრებული ბრძანება ბათილად იქნას ცნობილი");
  EXPECT_EQ(after.voided_by, "mayor");
  // A void act takes no second decision.
  EXPECT_TRUE(std::holds_alternative<Refusal>(
      legal_act::ApplyComplaintDecision(after, complaint.state(), act.Context("mayor"))));
}

TEST(ActValidityTest, AComplaintDecisionAmendingTheActAddsItToItsAmendments) {
  WorkflowBench complaint(OrgChart::Zugdidi());
  complaint.Do("records-clerk", Register(schema::IncomingKind::COMPLAINT, "mayor"));
  complaint.Do("mayor", Resolve("adm-records-officer"));
  complaint.Do("adm-records-officer", kReceipt);
  complaint.Do("adm-records-officer", DraftAnswer("საჩივარი ნაწილობრივ საფუძვლიანია"));
  complaint.Do("adm-legal-head", Endorse());
  complaint.AddLegalAct("act-finance",
                        {"in_force", "2026-10-01", "order", "7", "svc-finance-head"});
  complaint.Do("mayor", DecideContesting(schema::Outcome::AMENDED, "act-finance"));
  WorkflowBench act;
  PublishOrder(act);
  act.Do("org-records", Notify("2026-11-02"));
  auto applied =
      legal_act::ApplyComplaintDecision(act.state(), complaint.state(), act.Context("mayor"));
  auto* events = std::get_if<std::vector<storage::EventDraft>>(&applied);
  ASSERT_NE(events, nullptr);
  CaseState after = act.state();
  for (auto& draft : *events) Evolve(after, draft.event().asReader());
  EXPECT_EQ(after.stage, Stage::kInForce);
  EXPECT_EQ(after.amended_by, (std::vector<std::string>{complaint.state().case_id}));
}

}  // namespace
}  // namespace saqme::workflows
