// Who may read what (workflows/access.h): a matrix of posts × cases built by the workflows, the
// grounds, acting on its boundary days, public acts, and who reads the registers.
#include <map>

#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/access.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;

Date D(const char* text) { return *Date::Parse(text); }

// A citizen's complaint registered by the records office, resolved by the chair to the legal
// specialist, who drafts the answer.
WorkflowBench Complaint() {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::COMPLAINT, "chair"));
  bench.Do("chair", Resolve("sec-legal"));
  bench.Do("sec-legal", kReceipt);
  bench.Do("sec-legal", DraftAnswer("საჩივარი უსაფუძვლოა"));
  return bench;
}

// An assignment inside the information division.
WorkflowBench Assignment() {
  WorkflowBench bench;
  bench.Do("info-head", Issue("info-analytics", "2026-11-20"));
  return bench;
}

// Every post of the chart gets `expected`'s ground, or none when not listed.
void ExpectGrounds(const CaseState& state, const OrgChart& org, const Date& date,
                   const std::map<std::string, ReadGround>& expected) {
  for (const auto& post : org.posts()) {
    auto it = expected.find(post.id);
    const ReadGround want = it == expected.end() ? ReadGround::kNone : it->second;
    EXPECT_EQ(ReadGroundName(CaseReadGround(state, post.id, org, date)), ReadGroundName(want))
        << post.id << " on " << date.ToString();
  }
}

TEST(AccessTest, TheCaseRecordsItsParticipantsSortedAndUnique) {
  WorkflowBench bench;
  bench.Do("org-records", Register(schema::IncomingKind::APPLICATION, "chair"));
  bench.Do("chair", Resolve("sec-legal"));
  bench.Do("sec-legal", kReceipt);
  EXPECT_EQ(bench.state().participants,
            (std::vector<std::string>{"chair", "org-records", "sec-legal"}));
  bench.Do("chair", Redirect("info-analytics", "", false));
  bench.Do("info-analytics", kReceipt);
  bench.Do("info-analytics", DraftAnswer());
  bench.Do("sec-head", Endorse());
  // The executor redirected away stays a participant; the endorser and the new one are added.
  EXPECT_EQ(bench.state().participants,
            (std::vector<std::string>{"chair", "info-analytics", "org-records", "sec-head",
                                      "sec-legal"}));
  EXPECT_EQ(bench.state().summary, "მოქალაქე ითხოვს ინფორმაციას");
  EXPECT_EQ(bench.state().opened_on, "2026-11-02");
}

TEST(AccessTest, AComplaintIsReadByItsParticipantsTheirSupervisorsRecordsAndNobodyElse) {
  WorkflowBench bench = Complaint();
  const std::map<std::string, ReadGround> expected = {
      {"org-records", ReadGround::kParticipant},
      {"chair", ReadGround::kParticipant},
      {"sec-legal", ReadGround::kParticipant},
      {"sec-head", ReadGround::kSupervisor},          // over sec-legal
      {"apparatus-head", ReadGround::kSupervisor},    // over both divisions
      {"apparatus-deputy", ReadGround::kSupervisor},  // the delegated line
      {"org-head", ReadGround::kSupervisor},          // over org-records (before audit)
      {"info-public", ReadGround::kRecords},          // holds `register`
  };
  ExpectGrounds(bench.state(), bench.org(), bench.today(), expected);
  // Named: the junior website specialist does not read a citizen's complaint.
  EXPECT_EQ(CaseReadGround(bench.state(), "info-web", bench.org(), bench.today()),
            ReadGround::kNone);
  EXPECT_EQ(CaseReadGround(bench.state(), "nobody", bench.org(), bench.today()), ReadGround::kNone);
}

TEST(AccessTest, AnAuditorReadsWhatItDoesNotSupervise) {
  WorkflowBench bench = Assignment();
  const std::map<std::string, ReadGround> expected = {
      {"info-head", ReadGround::kParticipant},     {"info-analytics", ReadGround::kParticipant},
      {"apparatus-head", ReadGround::kSupervisor}, {"apparatus-deputy", ReadGround::kSupervisor},
      {"chair", ReadGround::kSupervisor},          {"org-records", ReadGround::kRecords},
      {"info-public", ReadGround::kRecords},       {"org-head", ReadGround::kAudit},
  };
  ExpectGrounds(bench.state(), bench.org(), bench.today(), expected);
}

TEST(AccessTest, WhoeverActsForAParticipantReadsOnlyOnTheDaysOfTheAssignment) {
  WorkflowBench bench = Assignment();
  ASSERT_TRUE(bench.org()
                  .AddActing({"info-analytics", "sec-hr", D("2026-11-05"), D("2026-11-09"),
                              "leave of the analyst"})
                  .ok());
  const auto& org = bench.org();
  EXPECT_EQ(CaseReadGround(bench.state(), "sec-hr", org, D("2026-11-04")), ReadGround::kNone);
  EXPECT_EQ(CaseReadGround(bench.state(), "sec-hr", org, D("2026-11-05")), ReadGround::kSupervisor);
  EXPECT_EQ(CaseReadGround(bench.state(), "sec-hr", org, D("2026-11-09")), ReadGround::kSupervisor);
  EXPECT_EQ(CaseReadGround(bench.state(), "sec-hr", org, D("2026-11-10")), ReadGround::kNone);
}

TEST(AccessTest, APublishedActIsReadByEveryoneADraftIsNot) {
  WorkflowBench bench;
  bench.Do("sec-legal", DraftAct(schema::ActType::ORDER, "apparatus-head"));
  EXPECT_EQ(CaseReadGround(bench.state(), "info-web", bench.org(), bench.today()),
            ReadGround::kNone);
  bench.Do("sec-juridical", Expertise());
  bench.Do("apparatus-head", Adopt());
  bench.Do("org-records", kRegisterAct);
  EXPECT_EQ(CaseReadGround(bench.state(), "info-press", bench.org(), bench.today()),
            ReadGround::kNone);
  bench.Do("info-web", Publish("website", "2026-11-02"));
  for (const char* post : {"info-press", "sec-hr", "org-computer-1"}) {
    EXPECT_EQ(CaseReadGround(bench.state(), post, bench.org(), bench.today()), ReadGround::kPublic)
        << post;
  }
  bench.Do("org-records", Notify("2026-11-02"));
  bench.AddLegalAct("act-9", {"in_force", "2026-11-01", "order", "acts-order/2026/9", ""});
  bench.Do("org-records", Repeal("act-9"));
  EXPECT_EQ(CaseReadGround(bench.state(), "info-press", bench.org(), bench.today()),
            ReadGround::kPublic);
  // A participant keeps its own ground.
  EXPECT_EQ(CaseReadGround(bench.state(), "sec-legal", bench.org(), bench.today()),
            ReadGround::kParticipant);
}

TEST(AccessTest, ReadsOutsideTheCasesOwnPeopleAreTheRecordedOnes) {
  EXPECT_FALSE(IsRecordedRead(ReadGround::kParticipant));
  EXPECT_FALSE(IsRecordedRead(ReadGround::kPublic));
  EXPECT_FALSE(IsRecordedRead(ReadGround::kNone));
  EXPECT_TRUE(IsRecordedRead(ReadGround::kSupervisor));
  EXPECT_TRUE(IsRecordedRead(ReadGround::kRecords));
  EXPECT_TRUE(IsRecordedRead(ReadGround::kAudit));
}

TEST(AccessTest, ACaseWithoutEventsIsReadByNobody) {
  CaseState none;
  EXPECT_EQ(CaseReadGround(none, "chair", OrgChart::Ozurgeti(), D("2026-11-02")),
            ReadGround::kNone);
}

TEST(AccessTest, TheRegistersAreReadByRecordsUnitHeadsTheHeadAuditorsAndWhoActsForThem) {
  const OrgChart& org = OrgChart::Ozurgeti();
  const Date before = D("2026-11-30"), acting = D("2026-12-01");
  for (const char* post : {"org-records", "info-public", "org-head", "info-head", "sec-head",
                           "apparatus-head", "chair"}) {
    EXPECT_TRUE(MayReadRegisters(post, org, before)) << post;
  }
  for (const char* post : {"info-web", "sec-legal", "info-analytics", "org-protocol", "nobody"}) {
    EXPECT_FALSE(MayReadRegisters(post, org, before)) << post;
  }
  // The deputy acts for the head of the apparatus from 1 to 14 December (the demo chart).
  EXPECT_FALSE(MayReadRegisters("apparatus-deputy", org, before));
  EXPECT_TRUE(MayReadRegisters("apparatus-deputy", org, acting));
  EXPECT_FALSE(MayReadRegisters("apparatus-deputy", org, D("2026-12-15")));
  // The access log: auditors only.
  EXPECT_TRUE(MayReadAccessLog("org-head", org, before));
  EXPECT_FALSE(MayReadAccessLog("org-records", org, before));
  EXPECT_FALSE(MayReadAccessLog("chair", org, before));
}

TEST(AccessTest, ZugdidiInternalAuditReadsEverything) {
  const OrgChart& org = OrgChart::Zugdidi();
  WorkflowBench bench(org);
  bench.Do("records-clerk", Register(schema::IncomingKind::APPLICATION, "mayor"));
  for (const char* post :
       {"svc-audit-head", "audit-internal-audit-head", "audit-inspection-head"}) {
    EXPECT_EQ(CaseReadGround(bench.state(), post, org, bench.today()), ReadGround::kAudit) << post;
    EXPECT_TRUE(MayReadRegisters(post, org, bench.today())) << post;
    EXPECT_TRUE(MayReadAccessLog(post, org, bench.today())) << post;
  }
}

}  // namespace
}  // namespace saqme::workflows

namespace saqme::workflows {
namespace {

// The register of issued certificates names persons (Zugdidi statute art. 7.2): the records
// office that keeps it and auditors read it, no unit head, head or chair; the other journals
// are read as every register.
TEST(AccessTest, TheCertificatesRegisterIsReadByTheRecordsOfficeAndAuditorsOnly) {
  const OrgChart& org = OrgChart::Ozurgeti();
  const Date day = D("2026-11-30");
  for (const char* post : {"org-records", "info-public", "org-head"}) {  // register; audit
    EXPECT_TRUE(MayReadJournal("certificates", post, org, day)) << post;
  }
  for (const char* post : {"sec-head", "info-head", "apparatus-head", "chair", "sec-legal"}) {
    EXPECT_FALSE(MayReadJournal("certificates", post, org, day)) << post;
  }
  for (const char* journal : {"business_trips", "internal", "incoming"}) {
    EXPECT_TRUE(MayReadJournal(journal, "sec-head", org, day)) << journal;
    EXPECT_FALSE(MayReadJournal(journal, "sec-legal", org, day)) << journal;
  }
}

}  // namespace
}  // namespace saqme::workflows
