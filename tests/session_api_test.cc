// Council sessions through the real `saqme serve`, where a clerk and the public see them: the
// chair convenes a session with a draft act on its agenda; the protocol service holds it (the
// attendance, the votes) and records its minutes, numbered in the council's minutes register
// with the adopted act linked; everyone reads the session; the console's forms come from the
// command schema with Georgian and English labels; the annual report counts the session; a
// refusal says why in both languages; and the views still equal a rebuild (`saqme check`).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class SessionApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"chair", "org-protocol", "sec-legal", "info-analytics",
                                           "org-records"};
};

TEST_F(SessionApiTest, ConveneHoldAndMinuteACouncilSessionThatAdoptsADraftAct) {
  Start(kPosts, "2026-11-02");
  auto act = Ok("sec-legal", "",
                object{{"type", "draft_act"},
                       {"act_type", "ordinance"},
                       {"issuer", "chair"},
                       {"title", "ქონების გადაცემის შესახებ"},
                       {"text", "საკრებულო ადგენს..."}});
  const std::string act_id(act.at("case_id").as_string());

  // The records clerk may not convene the council (403, naming the power); the chair does.
  const object convene{
      {"type", "convene_session"},
      {"body", "council"},
      {"session_kind", "regular"},
      {"date", "2026-11-02"},
      {"agenda", array{object{{"question", "ქონების გადაცემა"}, {"draft_act", act_id}},
                       object{{"question", "მიმდინარე საკითხები"}}}}};
  auto forbidden = client_->Post("/v1/cases", tokens_.at("org-records"),
                                 object{{"command_id", "convene-0"}, {"command", convene}});
  EXPECT_EQ(forbidden.status, 403) << forbidden.body;
  EXPECT_NE(forbidden.body.find("convene_sessions"), std::string::npos) << forbidden.body;
  auto opened = Ok("chair", "", convene);
  ASSERT_TRUE(opened.contains("case_id"));
  const std::string id(opened.at("case_id").as_string());

  // Sessions are public: an analyst with no part in it reads the case.
  auto view = Json("info-analytics", "/v1/cases/" + id);
  EXPECT_EQ(view.at("kind").as_string(), "session");
  EXPECT_EQ(view.at("state").as_string(), "convened");
  EXPECT_EQ(view.at("body").as_string(), "council");
  EXPECT_EQ(view.at("agenda").as_array().size(), 2u);
  EXPECT_EQ(view.at("agenda").at(0).at("draft_act").as_string(), act_id);
  // The protocol service is offered hold_session, labelled in both languages.
  auto protocol = Json("org-protocol", "/v1/cases/" + id);
  bool offered = false;
  for (const auto& action : protocol.at("allowed_actions").as_array()) {
    if (action.at("type") == "hold_session") {
      offered = true;
      EXPECT_FALSE(action.at("label_ka").as_string().empty());
      EXPECT_FALSE(action.at("label_en").as_string().empty());
    }
  }
  EXPECT_TRUE(offered) << protocol;
  // ... and finds it in its inbox, named by its first agenda item.
  bool in_inbox = false;
  const auto inbox = Json("org-protocol", "/v1/inbox");
  for (const auto& item : inbox.at("items").as_array()) {
    if (item.at("case_id") != id.c_str()) continue;
    in_inbox = true;
    EXPECT_EQ(item.at("action").as_string(), "hold_session");
    EXPECT_EQ(item.at("subject").as_string(), "ქონების გადაცემა");
  }
  EXPECT_TRUE(in_inbox);

  // A refusal of the state, in Georgian and English: the minutes wait for the sitting.
  auto early = client_->Post(
      "/v1/cases/" + id + "/commands", tokens_.at("org-protocol"),
      object{{"command_id", "minutes-0"}, {"command", object{{"type", "record_minutes"}}}});
  EXPECT_EQ(early.status, 422) << early.body;
  auto error = early.json().at("error");
  EXPECT_EQ(error.at("code").as_string(), "refused");
  EXPECT_NE(error.at("message").as_string().find("'convened'"), std::string::npos) << early.body;
  EXPECT_FALSE(error.at("message_ka").as_string().empty());

  Ok("org-protocol", id,
     object{{"type", "hold_session"},
            {"present", 12},
            {"members", 15},
            {"votes", array{object{{"item", 1}, {"votes_for", 9}, {"votes_against", 2}},
                            object{{"item", 2}, {"votes_for", 5}, {"abstained", 4}}}}});
  view = Json("chair", "/v1/cases/" + id);
  EXPECT_EQ(view.at("state").as_string(), "held");
  EXPECT_EQ(view.at("attendance").at("present").as_int64(), 12);
  EXPECT_TRUE(view.at("attendance").at("quorum").as_bool());
  EXPECT_TRUE(view.at("agenda").at(0).at("vote").at("adopted").as_bool());
  EXPECT_FALSE(view.at("agenda").at(1).at("vote").at("adopted").as_bool());  // 5 of 12

  Ok("org-protocol", id, object{{"type", "record_minutes"}, {"summary", "ოქმი №1"}});
  view = Json("chair", "/v1/cases/" + id);
  EXPECT_EQ(view.at("state").as_string(), "minuted");
  EXPECT_EQ(view.at("minutes_number").as_string(), "1");
  EXPECT_EQ(view.at("linked_acts"), (array{act_id.c_str()}));
  // The council's minutes register of the year; the bureau's has none.
  auto journal = Json("org-records", "/v1/journals/minutes-council?year=2026").at("entries");
  ASSERT_EQ(journal.as_array().size(), 1u) << journal;
  EXPECT_EQ(journal.at(0).at("number").as_int64(), 1);
  EXPECT_EQ(journal.at(0).at("case_id").as_string(), id);
  EXPECT_EQ(journal.at(0).at("linked_acts"), (array{act_id.c_str()}));
  EXPECT_TRUE(Json("org-records", "/v1/journals/minutes-bureau?year=2026")
                  .at("entries")
                  .as_array()
                  .empty());

  // The annual report counts the session held.
  auto report = Json("chair", "/v1/reports/annual?year=2026");
  EXPECT_EQ(report.at("sessions").at("council_regular").as_int64(), 1) << report.at("sessions");
  EXPECT_EQ(report.at("sessions").at("council_extraordinary").as_int64(), 0);

  // A second session without a quorum: postponed, and numbered nowhere.
  auto second = Ok("chair", "",
                   object{{"type", "convene_session"},
                          {"body", "council"},
                          {"session_kind", "extraordinary"},
                          {"requested_by", "მერი"},
                          {"date", "2026-11-02"},
                          {"agenda", array{object{{"question", "ბიუჯეტის საკითხი"}}}}});
  const std::string postponed(second.at("case_id").as_string());
  Ok("org-protocol", postponed, object{{"type", "hold_session"}, {"present", 7}, {"members", 15}});
  EXPECT_EQ(Json("chair", "/v1/cases/" + postponed).at("state").as_string(), "postponed");
  report = Json("chair", "/v1/reports/annual?year=2026");
  EXPECT_EQ(report.at("sessions").at("council_extraordinary").as_int64(), 0);
  EXPECT_EQ(report.at("sessions").at("postponed").as_int64(), 1);
  ExpectRebuildEqualsLive();
}

TEST_F(SessionApiTest, TheConsoleFormsOfTheSessionCommandsComeFromTheSchemaInBothLanguages) {
  Start(kPosts, "2026-11-02");
  auto schema = Json("org-protocol", "/v1/commands/schema");
  int found = 0;
  for (const auto& command : schema.at("commands").as_array()) {
    const auto& type = command.at("type").as_string();
    if (type != "convene_session" && type != "hold_session" && type != "record_minutes") continue;
    ++found;
    EXPECT_FALSE(command.at("label_ka").as_string().empty()) << type;
    EXPECT_NE(command.at("label_ka"), command.at("label_en")) << type;
    EXPECT_EQ(command.at("opens_case").as_bool(), type == "convene_session");
    for (const auto& field : command.at("fields").as_array()) {
      EXPECT_NE(field.at("label_ka"), field.at("label_en")) << type << ": " << field;
      if (field.at("name") == "body") {
        EXPECT_EQ(field.at("type").as_string(), "enum");
        EXPECT_EQ(field.at("values").as_array().size(), 4u);
      }
    }
  }
  EXPECT_EQ(found, 3);
}

}  // namespace
}  // namespace saqme
