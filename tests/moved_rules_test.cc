// Rules that lived outside workflows/ (in the projection, the API, or written out again in
// several workflows) and now have one place there (docs/architecture.md "Where the rules live").
#include <algorithm>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "workflows/access.h"
#include "workflows/case_state.h"
#include "workflows/council_bodies.h"
#include "workflows/deadline_closing.h"
#include "workflows/deadline_table.h"
#include "workflows/journal_numbering.h"
#include "workflows/org/org_chart.h"
#include "workflows/report_table.h"
#include "workflows/state_names.h"

namespace saqme::workflows {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

TEST(PeriodOverTest, APeriodIsOverTheDayAfterItsLastDayAndNeverWithoutOne) {
  EXPECT_FALSE(PeriodOver("2026-03-09", "2026-03-10"));
  EXPECT_FALSE(PeriodOver("2026-03-10", "2026-03-10"));  // the last day counts in full
  EXPECT_TRUE(PeriodOver("2026-03-11", "2026-03-10"));
  EXPECT_TRUE(PeriodOver("2027-01-01", "2026-12-31"));
  EXPECT_FALSE(PeriodOver("2030-01-01", ""));
}

TEST(StateNamesTest, AFileIsOpenThenInTheDepartmentalArchiveThenInTheStateArchive) {
  NomenclatureEntry file;
  file.code = "01-01";
  EXPECT_STREQ(ArchiveStateOf(file), "open");
  file.archived = true;
  EXPECT_STREQ(ArchiveStateOf(file), "departmental");
  file.transfer_act = "TA-1";
  EXPECT_STREQ(ArchiveStateOf(file), "state");
}

TEST(StateNamesTest, OnlyAPostponedSessionLackedItsQuorum) {
  CaseState session;
  session.kind = Kind::kSession;
  session.stage = Stage::kHeld;
  EXPECT_TRUE(Quorate(session));
  session.stage = Stage::kMinuted;
  EXPECT_TRUE(Quorate(session));
  session.stage = Stage::kPostponed;
  EXPECT_FALSE(Quorate(session));
}

TEST(JournalListTest, TheFixedJournalsAndEveryMinutesRegisterExist) {
  for (const char* name : {"incoming", "outgoing", "internal", "postal", "delivery",
                           "public_information", "acts-order", "acts-ordinance", "acts-resolution",
                           "certificates", "business_trips", "archive_inventory", "minutes-council",
                           "minutes-bureau", "minutes-commission", "minutes-faction"}) {
    EXPECT_TRUE(journals::IsJournal(name)) << name;
  }
  // One register per council body (a commission or faction named by its code).
  EXPECT_TRUE(journals::IsJournal("minutes-commission-budget"));
  EXPECT_TRUE(journals::IsJournal("minutes-faction-majority"));
  for (const char* name : {"", "minutes-", "minutes", "minutes-commission-nope", "nope", "acts-",
                           "incoming2", "Incoming"}) {
    EXPECT_FALSE(journals::IsJournal(name)) << name;
  }
}

TEST(JournalListTest, EveryListedJournalExistsOnceAndEachCouncilBodyHasItsRegister) {
  const auto& listed = journals::Listed();
  std::set<std::string> names;
  for (const auto& journal : listed) {
    EXPECT_TRUE(journals::IsJournal(journal.name)) << journal.name;
    EXPECT_TRUE(names.insert(journal.name).second) << journal.name << " listed twice";
  }
  ASSERT_FALSE(listed.empty());
  EXPECT_EQ(listed.front().name, "incoming");
  EXPECT_EQ(listed.front().body, nullptr);
  // Each commission and faction of the data: its own register, labelled by that body.
  ASSERT_FALSE(CouncilBodies::Default().bodies().empty());
  for (const auto& body : CouncilBodies::Default().bodies()) {
    const std::string name = "minutes-" + body.kind + "-" + body.code;
    auto it = std::find_if(listed.begin(), listed.end(),
                           [&](const journals::KeptJournal& j) { return j.name == name; });
    ASSERT_NE(it, listed.end()) << name;
    ASSERT_NE(it->body, nullptr) << name;
    EXPECT_EQ(it->body->code, body.code);
    EXPECT_EQ(it->body->kind, body.kind);
    EXPECT_FALSE(it->body->name_ka.empty());
    EXPECT_FALSE(it->body->name_en.empty());
  }
  // The shared registers of the kinds come after the bodies' own, and carry no body.
  for (const char* shared : {"minutes-council", "minutes-bureau", "minutes-commission",
                             "minutes-faction", "archive_inventory"}) {
    auto it = std::find_if(listed.begin(), listed.end(),
                           [&](const journals::KeptJournal& j) { return j.name == shared; });
    ASSERT_NE(it, listed.end()) << shared;
    EXPECT_EQ(it->body, nullptr) << shared;
  }
  EXPECT_EQ(listed.back().name, "minutes-faction");
}

TEST(HeadOrActingHeadTest, TheHeadAndWhoeverActsForItTodayOnly) {
  OrgChart org = OrgChart::Zugdidi();
  const std::string head = org.head_post();
  ASSERT_EQ(head, "mayor");
  EXPECT_TRUE(IsHeadOrActingHead(head, org, D("2026-11-04")));
  EXPECT_FALSE(IsHeadOrActingHead("first-deputy-mayor", org, D("2026-11-04")));
  ASSERT_TRUE(
      org.AddActing({head, "first-deputy-mayor", D("2026-11-05"), D("2026-11-09"), "leave"}).ok());
  EXPECT_FALSE(IsHeadOrActingHead("first-deputy-mayor", org, D("2026-11-04")));
  EXPECT_TRUE(IsHeadOrActingHead("first-deputy-mayor", org, D("2026-11-05")));
  EXPECT_TRUE(IsHeadOrActingHead(head, org, D("2026-11-05")));
  EXPECT_FALSE(IsHeadOrActingHead("first-deputy-mayor", org, D("2026-11-10")));
}

// The periodic reports' deadline rules are the ones the report table names, not a list in code.
TEST(DeadlineTableTest, EveryRuleAPeriodicReportNamesMustBePresent) {
  std::string tsv;
  for (const char* key :
       {"correspondence", "application", "application-extension", "public_information",
        "public_information-rights", "complaint", "petition-screening", "petition-fix",
        "petition-vote", "petition-decision", "petition-feasibility", "oral_act"}) {
    tsv += std::string(key) + "\tmonths:1\tGAC\tზაკ\n";
  }
  auto reports = ReportTable::Parse("zugdidi-mayoralty\tweekly\tstaff\tmonth\treport-weekly\n");
  ASSERT_TRUE(reports.ok()) << reports.status().message();
  auto missing = DeadlineTable::Parse(tsv, reports.value());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("'report-weekly' is missing"), std::string::npos)
      << missing.status().message();
  auto present =
      DeadlineTable::Parse(tsv + "report-weekly\tdays:5\tStatute\tწესდება\n", reports.value());
  ASSERT_TRUE(present.ok()) << present.status().message();
  EXPECT_TRUE(present.value().Has("report-weekly"));
  // Without a periodic report, none of their rules is required.
  EXPECT_TRUE(DeadlineTable::Parse(tsv, ReportTable()).ok());
}

}  // namespace
}  // namespace saqme::workflows
