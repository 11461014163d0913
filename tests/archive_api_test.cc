// The archive against the real `saqme serve`, where the records office sees it: a closed
// year's files handed to the departmental archive with the year's numbered inventory, listed
// and exported in the archive inventory journal; the permanent part transferred to the State
// Archive by a transfer act; the refusals (an open year, a file not handed, a file not kept
// permanently, filing into an archived file); the nomenclature's archive state; who may read;
// the annual report's counts; and the views still equal a rebuild (`saqme check`).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class ArchiveApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"org-records", "chair", "sec-head", "org-head",
                                           "info-analytics"};

  saqme::testing::HttpClient::Reply Send(const std::string& post, const std::string& case_id,
                                         const object& command) {
    return client_->Post(
        "/v1/cases/" + case_id + "/commands", tokens_.at(post),
        object{{"command_id", "a-" + std::to_string(++commands_)}, {"command", command}});
  }
  object File(const std::string& code, const std::string& year) {
    auto nomenclature = Get("org-records", "/v1/nomenclature?year=" + year);
    EXPECT_EQ(nomenclature.status, 200) << nomenclature.body;
    const auto json = nomenclature.json();
    for (const auto& file : json.at("cases").as_array()) {
      if (file.at("code") == code.c_str()) return file.as_object();
    }
    ADD_FAILURE() << "no file " << code;
    return {};
  }
  static object Codes(const char* type, std::vector<const char*> codes) {
    array list;
    for (const char* code : codes) list.emplace_back(code);
    return object{{"type", type}, {"codes", list}};
  }
};

TEST_F(ArchiveApiTest, HandedWithTheInventoryTransferredByActAndClosedForFiling) {
  Start(kPosts, "2026-12-30");
  auto plan = Ok(
      "chair", "",
      object{
          {"type", "approve_nomenclature"},
          {"year", 2026},
          {"files",
           array{
               object{{"code", "01-01"}, {"title", "ბრძანებები"}, {"retention", "permanent"}},
               object{{"code", "01-07"}, {"title", "მიმოწერა"}, {"retention", "5 years"}},
               object{{"code", "01-08"}, {"title", "განკარგულებები"}, {"retention", "მუდმივი"}}}}});
  const std::string nomenclature(plan.at("case_id").as_string());
  // A letter of 2026 taken note of, to be filed after its file went to the archive.
  auto letter = Ok("org-records", "",
                   object{{"type", "register_incoming"},
                          {"kind", "correspondence"},
                          {"channel", "post"},
                          {"sender", object{{"name", "შპს ეგრისი"}, {"kind", "organisation"}}},
                          {"subject", "ინფორმაცია"},
                          {"received_on", "2026-12-30"},
                          {"addressee", "chair"}});
  const std::string letter_id(letter.at("case_id").as_string());
  Ok("chair", letter_id, object{{"type", "take_note"}, {"remark", "გაცნობილია"}});

  // The year is open: nothing is handed over.
  auto open_year = Send("org-records", nomenclature, Codes("hand_to_archive", {"01-01"}));
  EXPECT_EQ(open_year.status, 422) << open_year.body;
  EXPECT_NE(open_year.body.find("after their year"), std::string::npos);
  EXPECT_NE(open_year.body.find("message_ka"), std::string::npos);
  EXPECT_EQ(File("01-01", "2026").at("archive"), "open");

  ASSERT_EQ(
      client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", 3}}).status,
      200);
  // Not by an executor or a unit head: the nomenclature case is not one they may read (404, as
  // for any such case; the workflow refuses them the `file` power too); then by the records
  // office, inventory 1 of 2026.
  EXPECT_EQ(Send("info-analytics", nomenclature, Codes("hand_to_archive", {"01-01"})).status, 404);
  EXPECT_EQ(Send("sec-head", nomenclature, Codes("hand_to_archive", {"01-01"})).status, 404);
  auto handed = Ok("org-records", nomenclature, Codes("hand_to_archive", {"01-01", "01-07"}));
  EXPECT_EQ(handed.at("events").as_array()[0].at("data").at("inventory"), 1);
  auto second = Ok("org-records", nomenclature, Codes("hand_to_archive", {"01-08"}));
  EXPECT_EQ(second.at("events").as_array()[0].at("data").at("inventory"), 2);
  EXPECT_EQ(Send("org-records", nomenclature, Codes("hand_to_archive", {"01-07"})).status, 422);

  auto inventory = Get("org-records", "/v1/journals/archive_inventory?year=2026");
  ASSERT_EQ(inventory.status, 200) << inventory.body;
  const array entries = inventory.json().at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].at("number"), 1);
  EXPECT_EQ(entries[0].at("files"), 2);
  EXPECT_EQ(entries[0].at("codes").as_array()[1], "01-07");
  EXPECT_EQ(entries[0].at("date"), "2027-01-02");
  EXPECT_EQ(entries[1].at("codes").as_array()[0], "01-08");
  auto csv = Get("org-records", "/v1/journals/archive_inventory?year=2026&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("01-07"), std::string::npos);
  auto page = Get("org-records", "/v1/journals/archive_inventory?year=2026&format=html");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("საუწყებო არქივის ანაწერი"), std::string::npos);
  EXPECT_EQ(File("01-07", "2026").at("archive"), "departmental");
  EXPECT_EQ(File("01-07", "2026").at("inventory"), 1);
  EXPECT_EQ(File("01-07", "2026").at("state_archive_due"), false);

  // Filing into a file in the archive is refused, in both languages, and writes nothing.
  auto filed = Send("org-records", letter_id,
                    object{{"type", "file"}, {"nomenclature_code", "01-01"}, {"year", 2026}});
  EXPECT_EQ(filed.status, 422) << filed.body;
  EXPECT_NE(filed.body.find("accepts no new document"), std::string::npos);
  EXPECT_NE(filed.body.find("არქივშია"), std::string::npos);

  // The transfer: only permanently kept files handed to the departmental archive.
  object act{
      {"type", "transfer_to_state_archive"}, {"act_number", "3"}, {"act_date", "2027-01-02"}};
  act["codes"] = array{"01-07"};
  auto short_kept = Send("org-records", nomenclature, act);
  EXPECT_EQ(short_kept.status, 422);
  EXPECT_NE(short_kept.body.find("not permanently"), std::string::npos);
  act["codes"] = array{"01-01", "01-08"};
  auto transferred = Ok("org-records", nomenclature, act);
  EXPECT_EQ(transferred.at("events").as_array()[0].at("data").at("act_number"), "3");
  EXPECT_EQ(File("01-01", "2026").at("archive"), "state");
  EXPECT_EQ(File("01-08", "2026").at("transfer_act"), "3");
  EXPECT_EQ(File("01-08", "2026").at("transfer_date"), "2027-01-02");
  EXPECT_EQ(Send("org-records", nomenclature, act).status, 422);  // already transferred

  // Who may read: the records office, unit heads, auditors; not an executor.
  EXPECT_EQ(Get("sec-head", "/v1/journals/archive_inventory?year=2026").status, 200);
  EXPECT_EQ(Get("info-analytics", "/v1/journals/archive_inventory?year=2026").status, 403);
  EXPECT_EQ(Get("info-analytics", "/v1/nomenclature?year=2026").status, 403);

  // The annual report of 2027 counts what was handed and transferred in it.
  auto report = Get("org-records", "/v1/reports/annual?year=2027");
  ASSERT_EQ(report.status, 200) << report.body;
  const auto archive = report.json().at("archive");
  EXPECT_EQ(archive.at("files_handed"), 3);
  EXPECT_EQ(archive.at("inventories"), 2);
  EXPECT_EQ(archive.at("files_transferred_to_state_archive"), 2);
  EXPECT_EQ(
      Get("org-records", "/v1/reports/annual?year=2026").json().at("archive").at("files_handed"),
      0);
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
