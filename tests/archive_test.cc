// The archive as a state machine (workflows/nomenclature.cc): files of a closed year handed to
// the departmental archive with the year's numbered inventory, the permanently kept part
// transferred to the State Archive by a transfer act, and no document filed into an archived
// file; in each state every other command is refused for the state's reason.
#include <gtest/gtest.h>

#include "tests/workflow_commands.h"
#include "workflows/nomenclature.h"

namespace saqme::workflows {
namespace {

using saqme::testing::WorkflowBench;
using namespace saqme::testing::commands;

// Every command of the catalogue but the nomenclature's own is refused on a nomenclature for
// that reason, whoever gives it.
void ExpectOnlyArchiveCommands(WorkflowBench& bench) {
  for (const auto& [name, fill] : Catalogue()) {
    if (name == "archive_file" || name == "hand_to_archive" ||
        name == "transfer_to_state_archive") {
      continue;
    }
    for (const char* actor : {"chair", "org-records", "apparatus-head"}) {
      const std::string message = bench.Try(actor, fill);
      EXPECT_NE(message.find("does not apply to a nomenclature"), std::string::npos)
          << name << " by " << actor << ": " << message;
    }
  }
}

// The 2026 plan of the bench: a permanent file, a Georgian "permanent" and a five-year one.
void Approve2026(WorkflowBench& bench) {
  bench.SetToday("2026-01-12");
  bench.Do("chair", ApproveWithRetention(2026, {{"01-01", "ბრძანებები", "permanent"},
                                                {"01-02", "დადგენილებები", "მუდმივი"},
                                                {"01-07", "მიმოწერა", "5 years"}}));
}

TEST(ArchiveTest, RetentionSaysWhatIsDueToTheStateArchive) {
  EXPECT_TRUE(nomenclature::DueToStateArchive("permanent"));
  EXPECT_TRUE(nomenclature::DueToStateArchive("Permanently"));
  EXPECT_TRUE(nomenclature::DueToStateArchive("მუდმივი"));
  EXPECT_FALSE(nomenclature::DueToStateArchive("5 years"));
  EXPECT_FALSE(nomenclature::DueToStateArchive(""));
}

TEST(ArchiveTest, AnOpenYearsFilesAreNotHandedOver) {
  WorkflowBench bench;
  Approve2026(bench);
  bench.SetToday("2026-12-30");
  Refusal refusal;
  EXPECT_NE(bench.Try("org-records", HandToArchive({"01-01"}), &refusal).find("after their year"),
            std::string::npos);
  EXPECT_FALSE(refusal.message_ka.empty());
  EXPECT_NE(bench.Try("org-records", TransferToStateArchive("1", "2026-12-30", {"01-01"}))
                .find("after their year"),
            std::string::npos);
  ExpectOnlyArchiveCommands(bench);
}

TEST(ArchiveTest, HandedWithANumberedInventoryThenThePermanentPartTransferred) {
  WorkflowBench bench;
  Approve2026(bench);
  bench.SetToday("2027-01-20");
  // Who may: the records office (the `archive` power), not an executor.
  EXPECT_NE(bench.Try("info-analytics", HandToArchive({"01-01"})), "");
  EXPECT_NE(bench.Try("org-records", HandToArchive({})).find("no file"), std::string::npos);
  EXPECT_NE(bench.Try("org-records", HandToArchive({"01-01", "01-01"})).find("twice"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", HandToArchive({"09-09"})).find("no file 09-09"),
            std::string::npos);
  // Transferring a file not handed to the departmental archive is refused.
  EXPECT_NE(bench.Try("org-records", TransferToStateArchive("1", "2027-01-20", {"01-01"}))
                .find("has not been handed"),
            std::string::npos);

  bench.Do("org-records", HandToArchive({"01-01", "01-07"}));
  EXPECT_EQ(bench.state().archive_inventories, 1u);
  EXPECT_EQ(bench.last_event().at("data").at("inventory").to_number<int64_t>(), 1);
  EXPECT_TRUE(bench.state().files[0].archived);
  EXPECT_EQ(bench.state().files[0].inventory, 1u);
  EXPECT_FALSE(bench.state().files[1].archived);
  EXPECT_EQ(bench.state().files[2].inventory, 1u);
  ExpectOnlyArchiveCommands(bench);
  EXPECT_NE(bench.Try("org-records", HandToArchive({"01-07"})).find("already in the archive"),
            std::string::npos);
  EXPECT_NE(bench.Try("org-records", ArchiveFile("01-07")), "");
  // The year's second inventory takes the next number.
  bench.Do("org-records", HandToArchive({"01-02"}));
  EXPECT_EQ(bench.state().files[1].inventory, 2u);
  EXPECT_EQ(bench.state().archive_inventories, 2u);

  // The transfer act: its number, a date not after today, only permanently kept files.
  EXPECT_NE(bench.Try("org-records", TransferToStateArchive("", "2027-01-20", {"01-01"})), "");
  EXPECT_NE(bench.Try("org-records", TransferToStateArchive("7", "2027-02-01", {"01-01"})), "");
  EXPECT_NE(bench.Try("org-records", TransferToStateArchive("7", "2027-01-20", {"01-07"}))
                .find("not permanently"),
            std::string::npos);
  bench.Do("org-records", TransferToStateArchive("7", "2027-01-20", {"01-01", "01-02"}));
  EXPECT_EQ(bench.state().files[0].transfer_act, "7");
  EXPECT_EQ(bench.state().files[1].transfer_date, "2027-01-20");
  EXPECT_TRUE(bench.state().files[2].transfer_act.empty());
  ExpectOnlyArchiveCommands(bench);
  EXPECT_NE(bench.Try("org-records", TransferToStateArchive("8", "2027-01-20", {"01-01"}))
                .find("already in the State Archive"),
            std::string::npos);
}

TEST(ArchiveTest, AFileInTheArchiveAcceptsNoNewDocument) {
  WorkflowBench bench;
  bench.SetToday("2026-11-02");
  bench.AddNomenclatureFile(2026, "01-07", /*archived=*/true);
  bench.AddNomenclatureFile(2026, "01-08");
  bench.Do("org-records", Register(schema::IncomingKind::CORRESPONDENCE, "chair"));
  bench.Do("chair", TakeNote());
  Refusal refusal;
  EXPECT_NE(bench.Try("org-records", FileInto("01-07"), &refusal).find("accepts no new document"),
            std::string::npos);
  EXPECT_NE(refusal.message_ka.find("არქივშია"), std::string::npos);
  bench.Do("org-records", FileInto("01-08"));
}

TEST(ArchiveTest, ArchivingNeedsTheArchivePowerNotTheFilingOne) {
  // The archive power: the records clerk (who prepares files for the archive) and the protocol
  // specialist (who supervises the departmental archive and hands its part to the State
  // Archive) hold it; a post without it is refused in both languages, naming the power.
  WorkflowBench bench;
  Approve2026(bench);
  bench.SetToday("2027-01-20");
  for (const char* post : {"info-analytics", "org-head", "chair"}) {
    Refusal refusal;
    EXPECT_NE(bench.Try(post, HandToArchive({"01-01"}), &refusal), "") << post;
    EXPECT_EQ(refusal.missing_power, "archive") << post;
    EXPECT_NE(refusal.message_en.find("does not have the power 'archive'"), std::string::npos);
    EXPECT_NE(refusal.message_ka.find("საქმეების არქივისთვის ჩაბარება"), std::string::npos);
    bench.Try(post, ArchiveFile("01-01"), &refusal);
    EXPECT_EQ(refusal.missing_power, "archive") << post;
  }
  // org-protocol has no `file` power, and archives: the power is the archive's own.
  EXPECT_FALSE(bench.org().FindPost("org-protocol")->powers.count(Power::kFile));
  bench.Do("org-protocol", HandToArchive({"01-01"}));
  bench.Do("org-protocol", TransferToStateArchive("3", "2027-01-20", {"01-01"}));
  EXPECT_EQ(bench.state().files[0].transfer_act, "3");
  // ...and the records clerk hands over the rest.
  bench.Do("org-records", HandToArchive({"01-02", "01-07"}));
  EXPECT_EQ(bench.state().archive_inventories, 2u);
}

}  // namespace
}  // namespace saqme::workflows
