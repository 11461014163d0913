// Periodic reports against the real `saqme serve` (Ozurgeti: every post quarterly): the
// obligations of a period opened from `saqme reporting-period`'s lines (a line sent twice opens
// one case, and so does the same obligation under another command id), each in the obliged post's
// inbox with its due date and the case's explanation in both languages, who may submit, the miss
// and the escalation after the simulated clock passes the due date, the annual report's compliance
// figures, and the views still equal a rebuild.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::object;

class PeriodicReportApiTest : public saqme::testing::ServeFixture {
 protected:
  void SetUp() override {
    Start({"org-records", "chair", "org-protocol", "org-head", "sec-legal", "apparatus-deputy"},
          "2026-10-01");
  }
  // The alerts of `type` for case `id` in `post`'s feed.
  int Alerts(const std::string& post, const std::string& id, const char* type) {
    auto reply = Get(post, "/v1/alerts");
    EXPECT_EQ(reply.status, 200) << reply.body;
    int n = 0;
    const auto alerts = reply.json();
    for (const auto& a : alerts.at("alerts").as_array()) {
      n += a.at("type") == type && a.at("case_id").as_string() == id;
    }
    return n;
  }
};

TEST_F(PeriodicReportApiTest, AQuartersObligationsFromOpeningToTheMissAndTheReport) {
  auto [code, lines] = testing::RunCommand(std::string(SAQME_BINARY) +
                                           " reporting-period --period 2026-Q3 --org ozurgeti");
  ASSERT_EQ(code, 0) << lines;
  std::map<std::string, std::string> case_of;  // post -> case id
  std::istringstream in(lines);
  std::string first_line;
  for (std::string line; std::getline(in, line);) {
    if (first_line.empty()) first_line = line;
    auto body = boost::json::parse(line).as_object();
    auto reply = client_->Post("/v1/cases", tokens_.at("org-records"), body);
    ASSERT_EQ(reply.status, 201) << reply.body;
    case_of[std::string(body.at("command").at("post").as_string())] =
        std::string(reply.json().at("case_id").as_string());
  }
  EXPECT_EQ(case_of.size(), 21u);  // every post of the apparatus; the chair owes none
  EXPECT_FALSE(case_of.count("chair"));
  // A line sent again opens nothing new.
  auto again =
      client_->Post("/v1/cases", tokens_.at("org-records"), boost::json::parse(first_line));
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json().at("duplicate").as_bool());
  // The same obligation under another command id is refused, naming the case that holds it.
  auto line = boost::json::parse(first_line).as_object();
  line["command_id"] = "req-again";
  auto twice = client_->Post("/v1/cases", tokens_.at("org-records"), line);
  EXPECT_EQ(twice.status, 422) << twice.body;
  const std::string first_post(line.at("command").at("post").as_string());
  EXPECT_NE(twice.body.find(case_of.at(first_post)), std::string::npos) << twice.body;
  EXPECT_NE(twice.body.find("უკვე მოთხოვნილია"), std::string::npos) << twice.body;
  // Only the records office opens obligations.
  auto forbidden = client_->Post("/v1/cases", tokens_.at("org-head"),
                                 object{{"command_id", "req-by-head"},
                                        {"command", object{{"type", "require_report"},
                                                           {"post", "org-protocol"},
                                                           {"report", "quarterly"},
                                                           {"period", "2026-Q3"}}}});
  EXPECT_EQ(forbidden.status, 403) << forbidden.body;

  const std::string protocol = case_of.at("org-protocol");
  object item = InboxItem("org-protocol", protocol);
  ASSERT_FALSE(item.empty());
  EXPECT_EQ(item.at("kind"), "periodic_report");
  EXPECT_EQ(item.at("action"), "submit_report");
  EXPECT_EQ(item.at("due"), "2026-10-30");
  EXPECT_EQ(item.at("subject"), "2026-Q3");
  const auto view_json = Get("org-protocol", "/v1/cases/" + protocol).json();
  const object& view = view_json.as_object();
  EXPECT_EQ(view.at("state"), "report_owed");
  EXPECT_EQ(view.at("report"), "quarterly");
  EXPECT_EQ(view.at("recipient"), "org-head");
  // The recipient reads the case; a post with no part in it does not.
  EXPECT_EQ(Get("org-head", "/v1/cases/" + protocol).status, 200);
  EXPECT_EQ(Get("sec-legal", "/v1/cases/" + protocol).status, 404);
  EXPECT_NE(std::string(view.at("due_explanation").as_string()).find("once a quarter"),
            std::string::npos);
  EXPECT_NE(std::string(view.at("due_explanation_ka").as_string()).find("კვარტალში ერთხელ"),
            std::string::npos);

  // The legal officer reports on time; the unit head may not submit in the officer's name.
  const std::string legal = case_of.at("sec-legal");
  auto refused =
      client_->Post("/v1/cases/" + protocol + "/commands", tokens_.at("org-head"),
                    object{{"command_id", "sub-by-head"},
                           {"command", object{{"type", "submit_report"}, {"text", "ანგარიში"}}}});
  EXPECT_EQ(refused.status, 403) << refused.body;
  Ok("sec-legal", legal, object{{"type", "submit_report"}, {"text", "III კვარტლის ანგარიში"}});
  EXPECT_TRUE(InboxItem("sec-legal", legal).empty());

  // 6 November: the due date (Friday 30 October) has passed; the post and its unit head are told
  // of the miss, and 3 working days after it the alert goes up the line (the deputy head
  // supervises the divisions).
  ASSERT_EQ(
      client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", 36}}).status,
      200);
  EXPECT_EQ(Alerts("org-protocol", protocol, "deadline_missed"), 1);
  EXPECT_EQ(Alerts("org-head", protocol, "deadline_missed"), 1);
  EXPECT_EQ(Alerts("apparatus-deputy", protocol, "escalated"), 1);
  EXPECT_EQ(Alerts("sec-legal", legal, "deadline_missed"), 0);
  EXPECT_EQ(InboxItem("org-protocol", protocol).at("overdue"), true);
  Ok("org-protocol", protocol,
     object{{"type", "submit_report"}, {"text", "დაგვიანებული ანგარიში"}});

  auto report = Get("chair", "/v1/reports/annual?year=2026");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(
      report.json().at("periodic_reports"),
      boost::json::parse(R"({"required": 21, "on_time": 1, "late": 1, "missing": 19, "open": 0})"));
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
