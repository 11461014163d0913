// Acting officers and appointments through the real `saqme serve`: POST /v1/org/commands by the
// post with the power appoint, the absent holder refused and the acting post served on the same
// day, GET /v1/org and /v1/me following the log, and the chart kept in the log — a rebuild with
// another org file equals the live views, a restart with another --org is refused.
#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using testing::HttpClient;

class OrgApiTest : public testing::ServeFixture {
 protected:
  // Monday 2 November 2026, before the demonstration chart's December acting.
  void SetUp() override {
    Start({"chair", "apparatus-head", "org-records", "info-head", "info-analytics", "info-press"},
          "2026-11-02");
  }

  HttpClient::Reply Org(const std::string& post, object command) {
    return client_->Post("/v1/org/commands", tokens_.at(post),
                         object{{"command_id", "org-" + std::to_string(++commands_)},
                                {"command", std::move(command)}});
  }
  std::string Letter() {
    auto opened = Ok("org-records", "",
                     object{{"type", "register_incoming"},
                            {"kind", "correspondence"},
                            {"channel", "post"},
                            {"sender", object{{"name", "შპს ნაკადი"}, {"kind", "organisation"}}},
                            {"subject", "ინფორმაციის მიწოდება"},
                            {"pages", 1},
                            {"received_on", "2026-11-02"},
                            {"addressee", "info-head"}});
    return std::string(opened.at("case_id").as_string());
  }
  HttpClient::Reply Resolve(const std::string& post, const std::string& id) {
    return client_->Post("/v1/cases/" + id + "/commands", tokens_.at(post),
                         object{{"command_id", "r-" + std::to_string(++commands_)},
                                {"command", object{{"type", "assign_resolution"},
                                                   {"lead_executor", "info-press"},
                                                   {"instruction", "მოამზადეთ პასუხი"}}}});
  }
  const object* PostOf(const boost::json::value& org, const std::string& id) {
    for (const auto& post : org.at("posts").as_array()) {
      if (post.at("id").as_string() == id) return &post.as_object();
    }
    return nullptr;
  }
};

TEST_F(OrgApiTest, ActingOfficersAndAppointmentsAreCommandsInTheLog) {
  const object acting{{"type", "set_acting"},
                      {"absent_post", "info-head"},
                      {"acting_post", "info-analytics"},
                      {"from", "2026-11-02"},
                      {"to", "2026-11-06"},
                      {"basis", "თავმჯდომარის განკარგულება №12"}};
  // Only a post with the power appoint; a wrong period; org commands only on this route.
  auto forbidden = Org("apparatus-head", acting);
  EXPECT_EQ(forbidden.status, 403) << forbidden.body;
  EXPECT_EQ(forbidden.json().at("error").at("missing_power").as_string(), "appoint");
  object backwards = acting;
  backwards["from"] = "2026-11-09";
  EXPECT_EQ(Org("chair", backwards).status, 422);
  EXPECT_EQ(Org("chair", object{{"type", "confirm_receipt"}}).status, 400);
  EXPECT_EQ(client_
                ->Post("/v1/cases", tokens_.at("chair"),
                       object{{"command_id", "misrouted"}, {"command", acting}})
                .status,
            400);

  EXPECT_EQ(client_
                ->Post("/v1/cases/case-00000000000000000000/commands", tokens_.at("chair"),
                       object{{"command_id", "misrouted-2"}, {"command", acting}})
                .status,
            400);
  auto set = Org("chair", acting);
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.json().at("case_id").as_string(), "org");
  EXPECT_EQ(set.json().at("events").at(0).at("type").as_string(), "acting_set");

  // The same day: the acting post resolves for the absent head, the head is refused.
  const std::string first = Letter();
  auto refused = Resolve("info-head", first);
  EXPECT_EQ(refused.status, 403) << refused.body;
  const std::string message(refused.json().at("error").at("message").as_string());
  EXPECT_NE(message.find("info-analytics"), std::string::npos) << message;
  EXPECT_NE(message.find("№12"), std::string::npos) << message;
  EXPECT_NE(std::string(refused.json().at("error").at("message_ka").as_string()).find("№12"),
            std::string::npos);
  auto resolved = Resolve("info-analytics", first);
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(resolved.json().at("events").at(0).at("acting_for").as_string(), "info-head");

  // GET /v1/org and /v1/me follow the log.
  auto org = Get("org-records", "/v1/org");
  ASSERT_EQ(org.status, 200) << org.body;
  const boost::json::value chart = org.json();
  EXPECT_TRUE(chart.at("from_log").as_bool());
  bool listed = false;
  for (const auto& a : chart.at("acting").as_array()) {
    if (a.at("post") == "info-head" && a.at("acting_post") == "info-analytics") {
      listed = true;
      EXPECT_EQ(a.at("basis").as_string(), "თავმჯდომარის განკარგულება №12");
      EXPECT_TRUE(a.at("running").as_bool());
    }
  }
  EXPECT_TRUE(listed) << org.body;
  EXPECT_EQ(PostOf(chart, "info-head")->at("acted_for_by").as_string(), "info-analytics");
  EXPECT_FALSE(Get("org-records", "/v1/org?as_of=2026-11-09")
                   .json()
                   .at("acting")
                   .at(0)
                   .at("running")
                   .as_bool());
  EXPECT_EQ(Get("org-records", "/v1/org?as_of=2026-13-01").status, 400);
  auto me = Get("info-analytics", "/v1/me").json();
  EXPECT_EQ(me.at("acting_for"), array{"info-head"});
  auto absent_me = Get("info-head", "/v1/me").json();
  EXPECT_EQ(absent_me.at("acted_for_by").as_string(), "info-analytics");
  for (const auto& power : absent_me.at("powers").as_array()) EXPECT_NE(power, "resolve");

  // The org case's history: the records office and the heads read it, an executor does not.
  EXPECT_EQ(Get("org-records", "/v1/cases/org/history").status, 200);
  EXPECT_EQ(Get("info-head", "/v1/cases/org").status, 200);  // a unit head
  EXPECT_EQ(Get("info-press", "/v1/cases/org").status, 404);

  // The next day the head is back: the assignment ends yesterday, and the head resolves again.
  auto advanced =
      client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", 1}});
  ASSERT_EQ(advanced.status, 200) << advanced.body;
  const object end{{"type", "end_acting"},
                   {"absent_post", "info-head"},
                   {"last_day", "2026-11-02"},
                   {"reason", "შვებულება შეწყდა"}};
  auto ended = Org("chair", end);
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json().at("events").at(0).at("type").as_string(), "acting_ended");
  EXPECT_EQ(Org("chair", end).status, 422);  // nothing runs after that day: nothing to end
  const std::string second = Letter();
  auto back = Resolve("info-head", second);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json().at("events").at(0).at("acting_for").as_string(), "");
  // No longer acting: a new letter to the head is not the analyst's to read or resolve.
  EXPECT_EQ(Resolve("info-analytics", Letter()).status, 404);

  // An appointment: the holder GET /v1/org shows and the person later events record.
  auto appointed = Org("chair", object{{"type", "appoint"},
                                       {"post", "info-press"},
                                       {"person", "ნინო კაპანაძე"},
                                       {"from", "2026-11-03"},
                                       {"basis", "ბრძანება №7-კ"}});
  ASSERT_EQ(appointed.status, 200) << appointed.body;
  EXPECT_EQ(PostOf(Get("chair", "/v1/org").json(), "info-press")->at("holder").as_string(),
            "ნინო კაპანაძე");
  auto receipt = Ok("info-press", first, object{{"type", "confirm_receipt"}});
  // The org case's own commands route is the same one (the case page sends its actions there).
  auto vacated = Ok("chair", "org",
                    object{{"type", "appoint"},
                           {"post", "info-web"},
                           {"person", ""},
                           {"from", "2026-11-04"},
                           {"basis", "ბრძანება №8-კ"}});
  EXPECT_EQ(vacated.at("case_id").as_string(), "org");
  EXPECT_EQ(receipt.at("events").at(0).at("actor").at("person").as_string(), "ნინო კაპანაძე");

  // The chart is the log's: a rebuild with another org file gives the live views, and a
  // restart with another --org is refused.
  client_.reset();
  server_.reset();
  const std::string data = dir_.Sub("data"), binary = SAQME_BINARY;
  auto [checked, check_out] = testing::RunCommand(binary + " check --data " + data);
  EXPECT_EQ(checked, 0) << check_out;
  auto [rebuilt, rebuild_out] =
      testing::RunCommand(binary + " rebuild --org zugdidi --data " + data + " 2>&1");
  EXPECT_EQ(rebuilt, 0) << rebuild_out;
  auto [again, again_out] = testing::RunCommand(binary + " check --org zugdidi --data " + data);
  EXPECT_EQ(again, 0) << again_out;
  EXPECT_NE(again_out.find("view entries equal the projection"), std::string::npos) << again_out;
  {
    testing::ServeProcess other(data, dir_.Sub("tokens.txt"),
                                {"--org", "zugdidi", "--clock", "simulated"});
    EXPECT_EQ(other.port(), 0);
    EXPECT_EQ(other.child().Wait(), 2);
  }
  auto [refused_start, refused_out] = testing::RunCommand(
      binary + " serve --listen 127.0.0.1:0 --org zugdidi --data " + data + " 2>&1");
  EXPECT_EQ(refused_start, 2);
  EXPECT_NE(refused_out.find("kept in its log"), std::string::npos) << refused_out;
  // The chart it adopted, or none, starts it.
  testing::ServeProcess same(data, dir_.Sub("tokens.txt"),
                             {"--org", "ozurgeti", "--clock", "simulated"});
  EXPECT_NE(same.port(), 0);
}

}  // namespace
}  // namespace saqme
