// Corrections of certificates and business trips against the real `saqme serve`, where a
// records clerk sees them: the corrected values in the case, the register and its history
// (before and after, the reason), the number kept; a cancelled entry marked in its register
// and its number not reused; who may, and bad input; then `saqme check` (live == rebuild).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class RegisterCorrectionsApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"org-records", "org-head", "sec-head", "info-analytics"};

  object Certificate(const char* issued_to) {
    return object{{"type", "register_certificate"}, {"certifies", "residence"},
                  {"issued_to", issued_to},         {"content", "ცხოვრობს სოფ. ჩოლურში"},
                  {"issued_by", "org-head"},        {"retained_copy", "ასლი საქმეში 01-16"}};
  }
  saqme::testing::HttpClient::Reply Send(const std::string& post, const std::string& id,
                                         const object& command) {
    return client_->Post(
        "/v1/cases/" + id + "/commands", tokens_.at(post),
        object{{"command_id", "y-" + std::to_string(++commands_)}, {"command", command}});
  }
  object Json(const std::string& post, const std::string& target) {
    auto reply = Get(post, target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  array Entries(const std::string& journal) {
    return Json("org-records", "/v1/journals/" + journal + "?year=2026").at("entries").as_array();
  }
  object LastEvent(const std::string& id) {
    return Json("org-records", "/v1/cases/" + id + "/history")
        .at("events")
        .as_array()
        .back()
        .as_object();
  }
};

TEST_F(RegisterCorrectionsApiTest, ACertificateIsCorrectedAndCancelledKeepingItsNumber) {
  Start(kPosts, "2026-11-02");
  const std::string first(
      Ok("org-records", "", Certificate("ნინო ბერიძე")).at("case_id").as_string());
  const std::string second(
      Ok("org-records", "", Certificate("გიორგი ფილფანი")).at("case_id").as_string());
  // The records office is offered the correction and the cancellation.
  std::vector<std::string> allowed;
  const object entered = Json("org-records", "/v1/cases/" + first);
  for (const auto& action : entered.at("allowed_actions").as_array()) {
    allowed.emplace_back(action.at("type").as_string());
  }
  EXPECT_EQ(allowed, (std::vector<std::string>{"correct_certificate", "cancel_certificate"}));

  // Who may, and bad input: the issuing post is not the records office (403); nothing changed
  // or a date in the future is the workflow's 422; no reason is the JSON's 400.
  object correction{{"type", "correct_certificate"},
                    {"issued_to", "ნინო ბერიძე-კაპანაძე"},
                    {"reason", "გვარი შეცდომით ჩაიწერა"}};
  EXPECT_EQ(Send("org-head", first, correction).status, 403);
  auto same =
      Send("org-records", first,
           object{{"type", "correct_certificate"}, {"issued_to", "ნინო ბერიძე"}, {"reason", "x"}});
  EXPECT_EQ(same.status, 422) << same.body;
  EXPECT_NE(same.body.find("nothing to correct"), std::string::npos);
  EXPECT_NE(same.body.find("შესასწორებელი არაფერია"), std::string::npos);
  auto future =
      Send("org-records", first,
           object{{"type", "correct_certificate"}, {"issued_on", "2026-12-01"}, {"reason", "x"}});
  EXPECT_EQ(future.status, 422) << future.body;
  EXPECT_EQ(
      Send("org-records", first, object{{"type", "correct_certificate"}, {"issued_to", "სხვა"}})
          .status,
      400);

  Ok("org-records", first, correction);
  auto view = Json("org-records", "/v1/cases/" + first);
  EXPECT_EQ(view.at("issued_to"), "ნინო ბერიძე-კაპანაძე");
  EXPECT_EQ(view.at("state"), "entered");
  const auto corrected = LastEvent(first);
  EXPECT_EQ(corrected.at("type"), "entry_corrected");
  EXPECT_EQ(corrected.at("data").at("reason"), "გვარი შეცდომით ჩაიწერა");
  const auto& changes = corrected.at("data").at("changes").as_array();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].at("field"), "issued_to");
  EXPECT_EQ(changes[0].at("before"), "ნინო ბერიძე");
  EXPECT_EQ(changes[0].at("after"), "ნინო ბერიძე-კაპანაძე");
  array register_ = Entries("certificates");
  ASSERT_EQ(register_.size(), 2u);
  EXPECT_EQ(register_[0].at("number"), 1);
  EXPECT_EQ(register_[0].at("issued_to"), "ნინო ბერიძე-კაპანაძე");
  EXPECT_EQ(register_[0].at("corrected_on"), "2026-11-02");

  // Cancelled as issued in error: the number stays in the register, marked; the next
  // certificate takes the next number.
  Ok("org-records", second,
     object{{"type", "cancel_certificate"}, {"reason", "ცნობა შეცდომით გაიცა"}});
  EXPECT_EQ(Json("org-records", "/v1/cases/" + second).at("state"), "cancelled");
  auto after_cancel = Send("org-records", second, correction);
  EXPECT_EQ(after_cancel.status, 422) << after_cancel.body;
  EXPECT_NE(after_cancel.body.find("cancelled"), std::string::npos);
  register_ = Entries("certificates");
  ASSERT_EQ(register_.size(), 2u);
  EXPECT_EQ(register_[1].at("number"), 2);
  EXPECT_EQ(register_[1].at("cancelled"), true);
  EXPECT_EQ(register_[1].at("cancel_reason"), "ცნობა შეცდომით გაიცა");
  EXPECT_EQ(register_[1].at("cancelled_on"), "2026-11-02");
  EXPECT_EQ(Ok("org-records", "", Certificate("ეკა")).at("registration_number"), "3");
  // Whom a certificate was issued to never reaches a log line, corrected or not.
  for (const auto& line : server_->Lines()) {
    EXPECT_EQ(line.find("კაპანაძე"), std::string::npos) << line;
  }
  ExpectRebuildEqualsLive();
}

TEST_F(RegisterCorrectionsApiTest, ATripsDatesAreCorrectedInItsJournalOrTheTripCancelled) {
  Start(kPosts, "2026-11-02");
  auto trip = Ok("org-records", "",
                 object{{"type", "register_business_trip"},
                        {"employee", "sec-head"},
                        {"destination", "თბილისი"},
                        {"purpose", "ტრენინგი"},
                        {"from", "2026-11-10"},
                        {"to", "2026-11-12"}});
  const std::string id(trip.at("case_id").as_string());
  auto backwards = Send("org-records", id,
                        object{{"type", "correct_business_trip"},
                               {"to", "2026-11-09"},
                               {"reason", "ბრძანების ცვლილება"}});
  EXPECT_EQ(backwards.status, 422) << backwards.body;
  EXPECT_NE(backwards.body.find("before it starts"), std::string::npos);
  EXPECT_EQ(
      Send("sec-head", id, object{{"type", "cancel_business_trip"}, {"reason", "არ შედგა"}}).status,
      403);
  Ok("org-records", id,
     object{{"type", "correct_business_trip"},
            {"from", "2026-11-17"},
            {"to", "2026-11-18"},
            {"destination", "ქუთაისი"},
            {"reason", "მივლინება გადაიდო"}});
  array journal = Entries("business_trips");
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].at("from"), "2026-11-17");
  EXPECT_EQ(journal[0].at("to"), "2026-11-18");
  EXPECT_EQ(journal[0].at("destination"), "ქუთაისი");
  EXPECT_EQ(journal[0].at("number"), 1);
  auto view = Json("org-records", "/v1/cases/" + id);
  EXPECT_EQ(view.at("from"), "2026-11-17");
  Ok("org-records", id, object{{"type", "cancel_business_trip"}, {"reason", "მივლინება არ შედგა"}});
  journal = Entries("business_trips");
  ASSERT_EQ(journal.size(), 1u);
  EXPECT_EQ(journal[0].at("cancelled"), true);
  EXPECT_EQ(Json("org-records", "/v1/cases/" + id).at("state"), "cancelled");
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
