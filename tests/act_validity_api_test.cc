// The validity of legal acts through the real `saqme serve`, where a clerk sees it: an order
// published and declared void by the head of the body shows void, with its date and reason, in
// its case view and in the orders journal; amending it is refused for that reason in both
// languages; a complaint's decision that annuls an order in force is applied to the order in the
// same command; the head's own order is contested in court; the annual report counts both; and
// the views equal a rebuild (`saqme check`).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::object;

class ActValidityApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"chair",         "apparatus-head", "sec-legal",
                                           "sec-juridical", "org-records",    "info-web"};

  // An order of `issuer` to publication on the website; notified (in force) when `notify`.
  std::string Order(const char* issuer, bool notify) {
    auto act = Ok("sec-legal", "",
                  object{{"type", "draft_act"},
                         {"act_type", "order"},
                         {"issuer", issuer},
                         {"title", "თანამშრომლის მივლინების შესახებ"},
                         {"text", "ბრძანება..."}});
    const std::string id(act.at("case_id").as_string());
    Ok("sec-juridical", id, object{{"type", "give_expertise"}, {"text", "შეესაბამება კანონს"}});
    Ok(issuer, id, object{{"type", "adopt"}});
    Ok("org-records", id, object{{"type", "register_act"}});
    Ok("info-web", id,
       object{{"type", "publish"}, {"channel", "website"}, {"published_on", "2026-11-02"}});
    if (notify) Ok("org-records", id, object{{"type", "notify"}, {"notified_on", "2026-11-02"}});
    return id;
  }

  // A complaint to the chair, drafted and ready for the decision.
  std::string Complaint() {
    auto opened = Ok("org-records", "",
                     object{{"type", "register_incoming"},
                            {"kind", "complaint"},
                            {"channel", "post"},
                            {"sender", object{{"name", "ნინო ბერიძე"}, {"kind", "citizen"}}},
                            {"subject", "ბრძანების გასაჩივრება"},
                            {"received_on", "2026-11-02"},
                            {"addressee", "chair"}});
    const std::string id(opened.at("case_id").as_string());
    Ok("chair", id,
       object{{"type", "assign_resolution"},
              {"lead_executor", "sec-juridical"},
              {"instruction", "განიხილეთ"}});
    Ok("sec-juridical", id, object{{"type", "confirm_receipt"}});
    Ok("sec-juridical", id, object{{"type", "draft_answer"}, {"text", "საჩივარი საფუძვლიანია"}});
    return id;
  }

  // The orders journal's entry of case `id`.
  object JournalEntry(const std::string& id) {
    const object journal = Json("org-records", "/v1/journals/acts-order?year=2026");
    for (const auto& entry : journal.at("entries").as_array()) {
      if (entry.at("case_id") == id.c_str()) return entry.as_object();
    }
    ADD_FAILURE() << "no journal entry for " << id;
    return object();
  }
};

TEST_F(ActValidityApiTest, VoidAndAnnulledActsShowInTheirViewTheJournalAndTheReport) {
  Start(kPosts, "2026-11-02");
  const std::string published = Order("apparatus-head", false);

  // Declared void by the head of the body; the reason is required.
  auto blank = client_->Post("/v1/cases/" + published + "/commands", tokens_.at("chair"),
                             object{{"command_id", "void-0"},
                                    {"command", object{{"type", "declare_void"}, {"reason", ""}}}});
  EXPECT_EQ(blank.status, 400) << blank.body;  // a required field
  EXPECT_NE(blank.body.find("reason"), std::string::npos) << blank.body;
  Ok("chair", published,
     object{{"type", "declare_void"}, {"reason", "გამოცემულია უფლებამოსილების გარეშე"}});
  auto view = Json("org-records", "/v1/cases/" + published);
  EXPECT_EQ(view.at("state").as_string(), "declared_void");
  EXPECT_EQ(view.at("void_on").as_string(), "2026-11-02");
  EXPECT_EQ(view.at("void_reason").as_string(), "გამოცემულია უფლებამოსილების გარეშე");
  EXPECT_EQ(view.at("voided_by").as_string(), "chair");
  auto entry = JournalEntry(published);
  EXPECT_TRUE(entry.at("void").as_bool());
  EXPECT_EQ(entry.at("void_on").as_string(), "2026-11-02");
  EXPECT_EQ(entry.at("void_reason").as_string(), "გამოცემულია უფლებამოსილების გარეშე");

  // A void act is not amended, nor declared void again: refused for its state, in both
  // languages.
  const std::string in_force = Order("apparatus-head", true);
  auto amend = client_->Post("/v1/cases/" + published + "/commands", tokens_.at("org-records"),
                             object{{"command_id", "amend-0"},
                                    {"command", object{{"type", "amend"}, {"by_act", in_force}}}});
  EXPECT_EQ(amend.status, 422) << amend.body;
  auto error = amend.json().at("error");
  EXPECT_EQ(error.at("code").as_string(), "refused");
  EXPECT_NE(error.at("message").as_string().find("declared void on 2026-11-02"), std::string::npos)
      << amend.body;
  EXPECT_NE(error.at("message_ka").as_string().find("ბათილად"), std::string::npos) << amend.body;

  // The head's own order is contested in court: the decision naming it is refused.
  const std::string chairs = Order("chair", true);
  const std::string complaint = Complaint();
  auto court = client_->Post("/v1/cases/" + complaint + "/commands", tokens_.at("chair"),
                             object{{"command_id", "decide-0"},
                                    {"command", object{{"type", "decide"},
                                                       {"outcome", "annulled"},
                                                       {"text", "ბათილად იქნას ცნობილი"},
                                                       {"contested_act", chairs}}}});
  EXPECT_EQ(court.status, 422) << court.body;
  EXPECT_NE(court.body.find("contested in court"), std::string::npos) << court.body;
  EXPECT_EQ(Json("org-records", "/v1/cases/" + chairs).at("state").as_string(), "in_force");

  // A complaint's decision annulling the apparatus head's order in force: applied to the order
  // by the same command.
  auto decided = Ok("chair", complaint,
                    object{{"type", "decide"},
                           {"outcome", "annulled"},
                           {"text", "ბრძანება ბათილად იქნას ცნობილი"},
                           {"contested_act", in_force}});
  EXPECT_FALSE(decided.empty());
  EXPECT_EQ(Json("org-records", "/v1/cases/" + complaint).at("contested_act").as_string(),
            in_force);
  auto annulled = Json("org-records", "/v1/cases/" + in_force);
  EXPECT_EQ(annulled.at("state").as_string(), "declared_void");
  EXPECT_EQ(annulled.at("annulled_on_complaint").as_string(), complaint);
  EXPECT_EQ(annulled.at("void_reason").as_string(), "ბრძანება ბათილად იქნას ცნობილი");
  entry = JournalEntry(in_force);
  EXPECT_TRUE(entry.at("void").as_bool());
  EXPECT_EQ(entry.at("annulled_on_complaint").as_string(), complaint);

  auto report = Json("chair", "/v1/reports/annual?year=2026");
  EXPECT_EQ(report.at("acts").at("declared_void").as_int64(), 1);
  EXPECT_EQ(report.at("acts").at("annulled_on_complaint").as_int64(), 1);
  EXPECT_EQ(report.at("acts").at("amended_on_complaint").as_int64(), 0);

  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
