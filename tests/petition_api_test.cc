// The "Idea to the Mayor" e-petition and the oral act against the real `saqme serve`: the
// commands in GET /v1/commands/schema with their labels, each step through POST, the case view
// and the inboxes of who acts next, who may read the author's name, a refusal's answer in both
// languages, a missed three days reaching the issuer, the annual report's figures, and the
// views still equal a rebuild.
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class PetitionApiTest : public saqme::testing::ServeFixture {
 protected:
  void SetUp() override {
    Start({"org-records", "chair", "apparatus-head", "sec-legal", "info-analytics"}, "2026-11-02");
  }
  std::string Open(const std::string& post, object command) {
    auto opened = Ok(post, "", std::move(command));
    return opened.contains("case_id") ? std::string(opened.at("case_id").as_string()) : "";
  }
};

TEST_F(PetitionApiTest, TheSchemaLabelsTheNewCommandsInBothLanguages) {
  auto reply = Get("info-analytics", "/v1/commands/schema");
  ASSERT_EQ(reply.status, 200);
  std::map<std::string, object> commands;
  const auto schema = reply.json();
  for (const auto& c : schema.at("commands").as_array()) {
    commands[std::string(c.at("type").as_string())] = c.as_object();
  }
  for (const char* type :
       {"submit_petition", "screen_petition", "fix_petition", "close_petition", "record_votes",
        "decide_petition", "record_feasibility", "issue_oral_act", "put_in_writing"}) {
    ASSERT_TRUE(commands.count(type)) << type;
    EXPECT_FALSE(commands[type].at("label_ka").as_string().empty()) << type;
    EXPECT_FALSE(commands[type].at("label_en").as_string().empty()) << type;
  }
  EXPECT_EQ(commands["screen_petition"].at("label_en"), "Screen the idea");
  EXPECT_EQ(commands["put_in_writing"].at("label_ka"), "ზეპირი აქტის წერილობით გაფორმება");
  EXPECT_TRUE(commands["submit_petition"].at("opens_case").as_bool());
  EXPECT_TRUE(commands["issue_oral_act"].at("opens_case").as_bool());
  EXPECT_FALSE(commands["put_in_writing"].at("opens_case").as_bool());
  // The urgency is an enumeration with Georgian names.
  bool urgency = false;
  for (const auto& f : commands["issue_oral_act"].at("fields").as_array()) {
    if (f.at("name") != "urgency") continue;
    urgency = true;
    EXPECT_EQ(f.at("type"), "enum");
    EXPECT_EQ(f.at("values").as_array().size(), 4u);
  }
  EXPECT_TRUE(urgency);
}

TEST_F(PetitionApiTest, APetitionFromSubmissionToTheStudyAndAnOralActPutInWritingLate) {
  const std::string petition = Open(
      "org-records", object{{"type", "submit_petition"},
                            {"author", object{{"name", "გიორგი ჯანაშია"}, {"kind", "citizen"}}},
                            {"title", "ველობილიკი ცენტრალურ პარკში"},
                            {"text", "ცენტრალურ პარკში ველობილიკის მოწყობა"}});
  ASSERT_FALSE(petition.empty());
  object view = Case("org-records", petition);
  EXPECT_EQ(view.at("kind"), "petition");
  EXPECT_EQ(view.at("state"), "screening");
  EXPECT_EQ(view.at("due"), "2026-11-12");
  EXPECT_EQ(view.at("author").at("name"), "გიორგი ჯანაშია");
  EXPECT_FALSE(view.contains("sender"));
  EXPECT_NE(std::string(view.at("due_explanation_ka").as_string()).find("კალენდარული"),
            std::string::npos);
  // The author's name is personal data: a post with no part in the case does not see it.
  EXPECT_EQ(Get("info-analytics", "/v1/cases/" + petition).status, 404);
  object item = InboxItem("org-records", petition);
  EXPECT_EQ(item.at("action"), "screen_petition");
  EXPECT_EQ(item.at("action_label_en"), "Screen the idea");
  EXPECT_EQ(item.at("due"), "2026-11-12");

  Ok("org-records", petition, object{{"type", "screen_petition"}, {"outcome", "accepted"}});
  EXPECT_EQ(Case("org-records", petition).at("vote_ends"), "2027-01-04");
  // Too few votes before the vote ends: refused, in both languages.
  auto refused =
      client_->Post("/v1/cases/" + petition + "/commands", tokens_.at("org-records"),
                    object{{"command_id", "votes-early"},
                           {"command", object{{"type", "record_votes"}, {"votes", 10}}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json().at("error").at("code"), "refused");
  EXPECT_FALSE(refused.json().at("error").at("message_ka").as_string().empty());
  Ok("org-records", petition, object{{"type", "record_votes"}, {"votes", 1500}});
  view = Case("chair", petition);
  EXPECT_EQ(view.at("state"), "awaiting_decision");
  EXPECT_EQ(view.at("votes"), 1500);
  EXPECT_EQ(view.at("votes_needed"), 1000);
  EXPECT_EQ(view.at("due"), "2026-11-16");  // 10 working days from Monday 2 November
  EXPECT_EQ(InboxItem("chair", petition).at("action"), "decide_petition");
  EXPECT_TRUE(InboxItem("org-records", petition).empty());
  Ok("chair", petition,
     object{{"type", "decide_petition"}, {"outcome", "continue"}, {"text", "მნიშვნელოვანი იდეა"}});
  EXPECT_EQ(InboxItem("chair", petition).at("action"), "record_feasibility");

  // The head of the apparatus orders an evacuation orally on Monday 2 November.
  const std::string oral = Open("apparatus-head", object{{"type", "issue_oral_act"},
                                                         {"ordered", "შენობის ევაკუაცია"},
                                                         {"issued_on", "2026-11-02"},
                                                         {"urgency", "material_damage"}});
  ASSERT_FALSE(oral.empty());
  view = Case("apparatus-head", oral);
  EXPECT_EQ(view.at("kind"), "oral_act");
  EXPECT_EQ(view.at("state"), "issued_orally");
  EXPECT_EQ(view.at("due"), "2026-11-05");
  EXPECT_EQ(view.at("urgency"), "material_damage");
  EXPECT_EQ(InboxItem("apparatus-head", oral).at("action"), "put_in_writing");

  // Friday 6 November: the three days have passed; the issuer is told of the miss.
  Advance(4);
  auto alerts = Get("apparatus-head", "/v1/alerts").json().at("alerts").as_array();
  bool missed = false;
  for (const auto& a : alerts) {
    missed = missed || (a.at("type") == "deadline_missed" && a.at("case_id").as_string() == oral);
  }
  EXPECT_TRUE(missed) << alerts;

  // The written order: drafted, the legal expertise, signed; then linked.
  const std::string order = Open("apparatus-head", object{{"type", "draft_act"},
                                                          {"act_type", "order"},
                                                          {"issuer", "apparatus-head"},
                                                          {"title", "შენობის ევაკუაციის შესახებ"},
                                                          {"text", "ევაკუაცია 2 ნოემბერს"},
                                                          {"concerns_more_than_50", false},
                                                          {"public_proceeding", false}});
  Ok("sec-legal", order, object{{"type", "give_expertise"}, {"text", "კანონიერია"}});
  Ok("apparatus-head", order, object{{"type", "adopt"}});
  Ok("apparatus-head", oral, object{{"type", "put_in_writing"}, {"written_act", order}});
  view = Case("apparatus-head", oral);
  EXPECT_EQ(view.at("state"), "put_in_writing");
  EXPECT_EQ(view.at("written_act").as_string(), order);
  EXPECT_TRUE(InboxItem("apparatus-head", oral).empty());

  Ok("chair", petition, object{{"type", "record_feasibility"}, {"text", "2027 წლის ბიუჯეტით"}});
  EXPECT_EQ(Case("chair", petition).at("state"), "concluded");

  auto report = Get("chair", "/v1/reports/annual?year=2026");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json().at("petitions"),
            boost::json::parse(
                R"({"submitted": 1, "returned_for_defects": 0, "rejected": 0, "closed_unfixed": 0,
                                 "to_vote": 1, "supported": 1, "not_supported": 0,
                                 "continued": 1, "refused": 0, "concluded": 1, "open": 0})"));
  // Put in writing on Friday 6 November: after the 3 days.
  EXPECT_EQ(report.json().at("oral_acts"),
            boost::json::parse(
                R"({"issued": 1, "put_in_writing": 1, "put_in_writing_late": 1, "open": 0})"));
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
