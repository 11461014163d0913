// One minutes register per standing commission and faction, through the real `saqme serve`:
// a commission's sitting names its body by the code of the council's data (refused without it,
// in both languages); two commissions' minutes are numbered each from 1 in its own register,
// `GET /v1/journals/minutes-commission-<code>`, titled by the body's name; the kind's shared
// register stays empty; the annual report adds the sittings per body; the console's form has
// the new field with its Georgian and English labels; and the views equal a rebuild.
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class SessionMinutesApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"chair", "org-services", "org-protocol", "org-records"};

  object Json(const std::string& post, const std::string& target) {
    auto reply = Get(post, target);
    EXPECT_EQ(reply.status, 200) << target << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }

  static object Convene(const char* body, const char* code) {
    object command{{"type", "convene_session"},
                   {"body", body},
                   {"session_kind", "regular"},
                   {"date", "2026-11-02"},
                   {"convened_by", "კომისიის თავმჯდომარე"},
                   {"agenda", array{object{{"question", "კომისიის საკითხები"}}}}};
    if (*code) command["body_code"] = code;
    return command;
  }

  // Convenes, holds and minutes a sitting of `body` `code`; its case id.
  std::string Sitting(const char* body, const char* code) {
    auto opened = Ok("org-services", "", Convene(body, code));
    const std::string id(opened.at("case_id").as_string());
    Ok("org-protocol", id,
       object{{"type", "hold_session"},
              {"present", 4},
              {"members", 5},
              {"votes", array{object{{"item", 1}, {"votes_for", 4}}}}});
    Ok("org-protocol", id, object{{"type", "record_minutes"}});
    return id;
  }
};

TEST_F(SessionMinutesApiTest, TwoCommissionsKeepTheirMinutesInSeparateRegisters) {
  Start(kPosts, "2026-11-02");
  // Without the body's code, or with one the council does not have: refused, in both languages.
  for (const char* code : {"", "sport"}) {
    auto refused = client_->Post("/v1/cases", tokens_.at("org-services"),
                                 object{{"command_id", std::string("no-body-") + code},
                                        {"command", Convene("commission", code)}});
    EXPECT_EQ(refused.status, 422) << refused.body;
    auto error = refused.json().at("error");
    EXPECT_EQ(error.at("code").as_string(), "refused");
    EXPECT_NE(error.at("message").as_string().find("budget"), std::string::npos) << refused.body;
    EXPECT_NE(error.at("message_ka").as_string().find("საფინანსო-საბიუჯეტო კომისია"),
              std::string::npos)
        << refused.body;
  }

  const std::string budget_1 = Sitting("commission", "budget");
  const std::string social_1 = Sitting("commission", "social");
  const std::string budget_2 = Sitting("commission", "budget");
  const std::string majority_1 = Sitting("faction", "majority");
  auto view = Json("chair", "/v1/cases/" + social_1);
  EXPECT_EQ(view.at("body_code").as_string(), "social");
  EXPECT_EQ(view.at("body_name").as_string(), "სოციალურ საკითხთა კომისია");
  EXPECT_EQ(view.at("minutes_number").as_string(), "1");

  // Each register numbers its own minutes from 1.
  auto budget = Json("org-records", "/v1/journals/minutes-commission-budget?year=2026");
  EXPECT_EQ(budget.at("journal").as_string(), "minutes-commission-budget");
  const auto& entries = budget.at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u) << budget;
  EXPECT_EQ(entries.at(0).at("number").as_int64(), 1);
  EXPECT_EQ(entries.at(0).at("case_id").as_string(), budget_1);
  EXPECT_EQ(entries.at(1).at("number").as_int64(), 2);
  EXPECT_EQ(entries.at(1).at("case_id").as_string(), budget_2);
  EXPECT_EQ(entries.at(1).at("body_code").as_string(), "budget");
  auto social = Json("org-records", "/v1/journals/minutes-commission-social?year=2026");
  ASSERT_EQ(social.at("entries").as_array().size(), 1u) << social;
  EXPECT_EQ(social.at("entries").at(0).at("number").as_int64(), 1);
  EXPECT_EQ(social.at("entries").at(0).at("case_id").as_string(), social_1);
  auto faction = Json("org-records", "/v1/journals/minutes-faction-majority?year=2026");
  ASSERT_EQ(faction.at("entries").as_array().size(), 1u) << faction;
  EXPECT_EQ(faction.at("entries").at(0).at("case_id").as_string(), majority_1);
  // The kinds' shared registers hold only sittings recorded before the code was: none here.
  for (const char* shared : {"minutes-commission", "minutes-faction"}) {
    EXPECT_TRUE(Json("org-records", std::string("/v1/journals/") + shared + "?year=2026")
                    .at("entries")
                    .as_array()
                    .empty())
        << shared;
  }
  // A body the council's data does not hold has no register.
  auto unknown = Get("org-records", "/v1/journals/minutes-commission-sport?year=2026");
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_FALSE(unknown.json().at("error").at("message_ka").as_string().empty());
  // The printable register is titled by the body's name.
  auto page = Get("org-records", "/v1/journals/minutes-commission-budget?year=2026&format=html");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("საფინანსო-საბიუჯეტო კომისია"), std::string::npos);
  EXPECT_NE(page.body.find("Minutes of the Finance and Budget Commission"), std::string::npos);

  // The annual report counts by kind and adds the sittings per body.
  auto sessions = Json("chair", "/v1/reports/annual?year=2026").at("sessions");
  EXPECT_EQ(sessions.at("commission").as_int64(), 3) << sessions;
  EXPECT_EQ(sessions.at("faction").as_int64(), 1) << sessions;
  std::map<std::string, int64_t> held;
  for (const auto& body : sessions.at("by_body").as_array()) {
    held[std::string(body.at("body").as_string()) + "-" +
         std::string(body.at("body_code").as_string())] = body.at("held").as_int64();
  }
  EXPECT_EQ(held, (std::map<std::string, int64_t>{
                      {"commission-budget", 2}, {"commission-social", 1}, {"faction-majority", 1}}))
      << sessions;
  ExpectRebuildEqualsLive();
}

TEST_F(SessionMinutesApiTest, TheConveneFormOffersTheBodysCodeInBothLanguages) {
  Start(kPosts, "2026-11-02");
  auto schema = Json("org-services", "/v1/commands/schema");
  bool found = false;
  for (const auto& command : schema.at("commands").as_array()) {
    if (command.at("type") != "convene_session") continue;
    for (const auto& field : command.at("fields").as_array()) {
      if (field.at("name") != "body_code") continue;
      found = true;
      EXPECT_EQ(field.at("label_ka").as_string(), "კომისიის ან ფრაქციის კოდი") << field;
      EXPECT_EQ(field.at("label_en").as_string(), "Code of the commission or faction") << field;
      EXPECT_FALSE(field.at("required").as_bool()) << field;  // the council and bureau name none
    }
  }
  EXPECT_TRUE(found) << schema;
}

}  // namespace
}  // namespace saqme
