// People on a case and the records office's control, against the real `saqme serve`: the
// co-executors' inbox, receipts and reported parts, the delivery journal naming who placed the
// resolution and on whom, the executors' reminders and misses, the control list and its figures
// (also in the dashboard and the annual report), and the visa the org file requires before a
// decision is signed. The views equal a rebuild after each workload (`saqme check`).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class PeopleApiTest : public saqme::testing::ServeFixture {
 protected:
  // Monday 2 November 2026, before the demo chart's December acting.
  void SetUp() override {
    Start({"org-records", "chair", "apparatus-head", "sec-legal", "sec-juridical", "org-head",
           "info-analytics", "info-press", "info-head"},
          "2026-11-02");
  }

  array Inbox(const std::string& post) {
    auto reply = Get(post, "/v1/inbox");
    EXPECT_EQ(reply.status, 200) << post << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.at("items").as_array() : array();
  }
  // The post's inbox item of the case; null when there is none.
  boost::json::value ItemOf(const std::string& post, const std::string& case_id) {
    for (const auto& item : Inbox(post)) {
      if (item.at("case_id") == case_id.c_str()) return item;
    }
    return nullptr;
  }
  array Alerts(const std::string& post) {
    auto json = Get(post, "/v1/alerts").json();
    return json.is_object() ? json.at("alerts").as_array() : array();
  }
  // A command that must be refused; its answer.
  testing::HttpClient::Reply Refused(const std::string& post, const std::string& id,
                                     object command) {
    auto reply = client_->Post("/v1/cases/" + id + "/commands", tokens_.at(post),
                               object{{"command_id", "r-" + std::to_string(++commands_)},
                                      {"command", std::move(command)}});
    EXPECT_TRUE(reply.status == 403 || reply.status == 422) << post << ": " << reply.body;
    return reply;
  }
  std::string Register(const char* kind, const char* addressee, const char* subject) {
    auto opened = Ok("org-records", "",
                     object{{"type", "register_incoming"},
                            {"kind", kind},
                            {"channel", "post"},
                            {"sender", object{{"name", "ნოდარ ხარაძე"}, {"kind", "citizen"}}},
                            {"subject", subject},
                            {"received_on", "2026-11-02"},
                            {"addressee", addressee}});
    return opened.contains("case_id") ? std::string(opened.at("case_id").as_string()) : "";
  }
  void Resolve(const std::string& by, const std::string& id, const char* lead, array co,
               const char* due, bool on_control) {
    object command{{"type", "assign_resolution"},
                   {"lead_executor", lead},
                   {"co_executors", std::move(co)},
                   {"instruction", "მოამზადეთ პასუხი"},
                   {"on_control", on_control}};
    if (*due) command["due"] = due;
    Ok(by, id, command);
  }
  // Drafted by the lead, signed by the addressee's signatory and dispatched by the records office.
  void Answer(const std::string& id, const char* lead, const char* signatory) {
    Ok(lead, id, object{{"type", "draft_answer"}, {"text", "პასუხი"}});
    Ok(signatory, id, object{{"type", "sign"}});
    Ok("org-records", id, object{{"type", "dispatch"}, {"channel", "email"}});
  }
  // The recipients' roles of the alerts of `type` in the post's feed about the case.
  std::vector<std::string> Roles(const std::string& post, const std::string& id, const char* type) {
    std::vector<std::string> roles;
    for (const auto& alert : Alerts(post)) {
      if (alert.at("case_id") == id.c_str() && alert.at("type") == type) {
        roles.emplace_back(alert.at("role").as_string());
      }
    }
    return roles;
  }
};

TEST_F(PeopleApiTest, CoExecutorsConfirmReportTheirPartsAndAreRemindedAndAlerted) {
  const std::string id = Register("correspondence", "apparatus-head", "სკოლის შენობის რემონტი");
  Resolve("apparatus-head", id, "info-analytics", array{"info-press", "org-head"}, "2026-11-13",
          false);

  // Each co-executor has the case in their inbox, to confirm receipt; so does the lead.
  for (const char* post : {"info-analytics", "info-press", "org-head"}) {
    auto item = ItemOf(post, id);
    ASSERT_TRUE(item.is_object()) << post;
    EXPECT_EQ(item.at("action"), "confirm_receipt") << post;
  }
  EXPECT_EQ(ItemOf("info-analytics", id).at("parts_reported"), 0);
  EXPECT_EQ(ItemOf("info-analytics", id).at("parts_expected"), 2);
  // Not before their receipt; not by someone else (the lead's unit head reads the case, but it
  // was not placed on them).
  Refused("info-press", id, object{{"type", "report_part"}, {"text", "ხარჯთაღრიცხვა"}});
  auto forbidden = Refused("info-head", id, object{{"type", "confirm_receipt"}});
  EXPECT_EQ(forbidden.status, 403);

  Ok("info-press", id, object{{"type", "confirm_receipt"}});
  EXPECT_EQ(Case("info-press", id).at("state"), "resolved");  // only the lead's starts it
  EXPECT_EQ(ItemOf("info-press", id).at("action"), "report_part");
  auto twice = Refused("info-press", id, object{{"type", "confirm_receipt"}});
  EXPECT_EQ(twice.status, 422);
  Ok("info-analytics", id, object{{"type", "confirm_receipt"}});
  EXPECT_EQ(Case("info-analytics", id).at("state"), "in_execution");
  Ok("org-head", id, object{{"type", "confirm_receipt"}});

  // The part goes to the lead executor: the case view shows it, the lead's item counts it.
  // A blank part is bad data: 400 naming the field, nothing recorded.
  auto empty = client_->Post("/v1/cases/" + id + "/commands", tokens_.at("info-press"),
                             object{{"command_id", "blank-part"},
                                    {"command", object{{"type", "report_part"}, {"text", " "}}}});
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_NE(empty.json().at("error").at("message").as_string().find("command.text"),
            std::string::npos);
  Ok("info-press", id, object{{"type", "report_part"}, {"text", "ხარჯთაღრიცხვა მომზადდა"}});
  auto view = Case("info-analytics", id);
  ASSERT_EQ(view.at("parts").as_array().size(), 1u);
  EXPECT_EQ(view.at("parts").at(0).at("by"), "info-press");
  EXPECT_EQ(view.at("parts").at(0).at("text"), "ხარჯთაღრიცხვა მომზადდა");
  EXPECT_EQ(view.at("parts").at(0).at("on"), "2026-11-02");
  EXPECT_EQ(view.at("receipts").as_array().size(), 3u);
  EXPECT_EQ(ItemOf("info-analytics", id).at("parts_reported"), 1);
  EXPECT_TRUE(ItemOf("info-press", id).is_null());  // reported: nothing more asked of them
  EXPECT_EQ(ItemOf("org-head", id).at("action"), "report_part");

  // Whoever sets the deadline afterwards, the journal names who placed the resolution.
  Ok("chair", id,
     object{{"type", "extend_deadline"}, {"new_due", "2026-11-16"}, {"reason", "დამატებითი"}});
  EXPECT_EQ(Case("chair", id).at("deadline_setter"), "chair");
  auto journal = Get("org-records", "/v1/journals/delivery?year=2026").json();
  const auto& entries = journal.at("entries").as_array();
  ASSERT_EQ(entries.size(), 3u);
  const std::vector<std::pair<const char*, const char*>> placed = {
      {"info-analytics", "lead"}, {"info-press", "co_executor"}, {"org-head", "co_executor"}};
  for (size_t i = 0; i < placed.size(); ++i) {
    const auto& entry = entries[i].as_object();
    EXPECT_EQ(entry.at("case_id"), id.c_str());
    EXPECT_EQ(entry.at("resolution_by"), "apparatus-head");
    EXPECT_EQ(entry.at("resolution_by_person"), "ნინო ჩხაიძე");  // the head of the apparatus
    EXPECT_EQ(entry.at("executor"), placed[i].first);
    EXPECT_EQ(entry.at("role"), placed[i].second);
    EXPECT_EQ(std::string(entry.at("received_at").as_string()).substr(0, 10), "2026-11-02");
    EXPECT_FALSE(entry.at("received_by").as_string().empty());
  }
  auto csv = Get("org-records", "/v1/journals/delivery?year=2026&format=csv").body;
  EXPECT_NE(csv.find("resolution_by_person"), std::string::npos);
  EXPECT_NE(csv.find("ნინო ჩხაიძე"), std::string::npos);

  // The reminders reach the co-executors too; the miss reaches the executors themselves.
  Advance(9);  // Wednesday 11 November: 3 working days before Monday 16 November
  EXPECT_EQ(Roles("info-press", id, "deadline_approaching"),
            std::vector<std::string>{"co_executor"});
  EXPECT_EQ(Roles("info-analytics", id, "deadline_approaching"),
            std::vector<std::string>{"executor"});
  Advance(6);  // Tuesday 17 November: the due date passed
  EXPECT_EQ(Roles("info-analytics", id, "deadline_missed"), std::vector<std::string>{"executor"});
  EXPECT_EQ(Roles("org-head", id, "deadline_missed"), std::vector<std::string>{"co_executor"});
  EXPECT_EQ(Roles("info-head", id, "deadline_missed"), std::vector<std::string>{"unit_head"});
  // Not on control: the records office is not alerted.
  EXPECT_TRUE(Roles("org-records", id, "deadline_missed").empty());

  // Redirected to a co-executor, who becomes the lead: placed on them again, and their new
  // receipt fills in the new entry, as printed.
  Ok("apparatus-head", id,
     object{{"type", "redirect"}, {"to_executor", "org-head"}, {"reason", "კომპეტენცია"}});
  Ok("org-head", id, object{{"type", "confirm_receipt"}});
  EXPECT_EQ(Case("org-head", id).at("state"), "in_execution");
  auto after = Get("org-records", "/v1/journals/delivery?year=2026").json();
  ASSERT_EQ(after.at("entries").as_array().size(), 4u);
  const auto& last = after.at("entries").at(3).as_object();
  EXPECT_EQ(last.at("executor"), "org-head");
  EXPECT_EQ(last.at("role"), "lead");
  EXPECT_EQ(std::string(last.at("received_at").as_string()).substr(0, 10), "2026-11-17");
  auto html = Get("org-records", "/v1/journals/delivery?year=2026&format=html").body;
  EXPECT_NE(html.find("რეზოლუცია დაადო"), std::string::npos);
  EXPECT_NE(html.find("ჩაიბარა (ხელმოწერა)"), std::string::npos);

  ExpectRebuildEqualsLive();
}

TEST_F(PeopleApiTest, ControlledDocumentsFormTheControlListAndItsReport) {
  const std::string on_time = Register("correspondence", "apparatus-head", "წყალმომარაგება");
  const std::string open = Register("correspondence", "apparatus-head", "გზის შეკეთება");
  const std::string late = Register("correspondence", "apparatus-head", "განათება");
  const std::string plain = Register("correspondence", "apparatus-head", "სხვა წერილი");
  Resolve("apparatus-head", on_time, "info-analytics", array{}, "2026-11-06", true);
  Resolve("apparatus-head", open, "info-analytics", array{"info-press"}, "2026-11-04", true);
  Resolve("apparatus-head", late, "info-analytics", array{}, "2026-11-05", true);
  Resolve("apparatus-head", plain, "info-analytics", array{}, "2026-11-05", false);
  for (const auto& id : {on_time, open, late, plain}) {
    Ok("info-analytics", id, object{{"type", "confirm_receipt"}});
  }
  Answer(on_time, "info-analytics", "apparatus-head");  // correspondence: no visa needed
  Advance(7);                                           // Monday 9 November
  Answer(late, "info-analytics", "apparatus-head");
  // The missed controlled deadline reached the records office.
  EXPECT_EQ(Roles("org-records", open, "deadline_missed"),
            std::vector<std::string>{"records_office"});

  auto reply = Get("org-records", "/v1/control/list?year=2026");
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto list = reply.json().as_object();
  const auto& documents = list.at("documents").as_array();
  ASSERT_EQ(documents.size(), 3u);  // the uncontrolled letter is not on it
  const std::vector<std::pair<std::string, const char*>> expected = {
      {on_time, "on_time"}, {open, "overdue"}, {late, "late"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& row = documents[i].as_object();
    EXPECT_EQ(row.at("case_id"), expected[i].first.c_str());
    EXPECT_EQ(row.at("standing"), expected[i].second);
    EXPECT_FALSE(row.at("standing_ka").as_string().empty());
    EXPECT_EQ(row.at("executor"), "info-analytics");
    EXPECT_EQ(row.at("registered_on"), "2026-11-02");
  }
  EXPECT_EQ(documents[0].at("registration_number"), "1");
  EXPECT_EQ(documents[0].at("subject"), "წყალმომარაგება");
  EXPECT_EQ(documents[0].at("due"), "2026-11-06");
  EXPECT_EQ(documents[0].at("answered_on"), "2026-11-02");
  EXPECT_EQ(documents[2].at("answered_on"), "2026-11-09");
  EXPECT_EQ(documents[1].at("answered_on"), "");
  const object figures{{"controlled", 3},
                       {"answered_on_time", 1},
                       {"answered_late", 1},
                       {"open", 1},
                       {"open_overdue", 1}};
  EXPECT_EQ(list.at("figures"), figures);

  auto ids = [](const boost::json::value& answer) {
    std::vector<std::string> out;
    for (const auto& row : answer.at("documents").as_array()) {
      out.emplace_back(row.at("case_id").as_string());
    }
    return out;
  };
  EXPECT_EQ(ids(Get("org-records", "/v1/control/list?year=2026&state=open").json()),
            std::vector<std::string>{open});
  EXPECT_EQ(ids(Get("org-records", "/v1/control/list?year=2026&state=closed").json()),
            (std::vector<std::string>{on_time, late}));
  EXPECT_TRUE(
      Get("org-records", "/v1/control/list?year=2025").json().at("documents").as_array().empty());
  auto csv = Get("apparatus-head", "/v1/control/list?year=2026&format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("registration_number"), std::string::npos);
  EXPECT_NE(csv.body.find("გზის შეკეთება"), std::string::npos);
  EXPECT_NE(csv.body.find("overdue"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 4);

  // Who may read it: the registers' readers; bad parameters are 400 in both languages.
  EXPECT_EQ(Get("info-press", "/v1/control/list?year=2026").status, 403);
  for (const char* bad : {"?year=2026&state=late", "?year=20x6", "?year=2026&format=pdf"}) {
    auto answer = Get("org-records", std::string("/v1/control/list") + bad);
    EXPECT_EQ(answer.status, 400) << bad;
    EXPECT_FALSE(answer.json().at("error").at("message_ka").as_string().empty()) << bad;
  }

  // The same figures in the control dashboard and in the annual report.
  EXPECT_EQ(Get("org-records", "/v1/control?year=2026").json().at("on_control"), figures);
  EXPECT_EQ(Get("chair", "/v1/control?year=2026").json().at("on_control"), figures);
  auto report = Get("chair", "/v1/reports/annual?year=2026");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json().at("on_control"), figures);
  auto text = Get("chair", "/v1/reports/annual?year=2026&format=text&lang=en").body;
  EXPECT_NE(text.find("On control: 3, answered on time 1, late 1, open 1 (overdue 1)"),
            std::string::npos)
      << text;
  EXPECT_NE(
      Get("chair", "/v1/reports/annual?year=2026&format=text").body.find("კონტროლზე აყვანილი: 3"),
      std::string::npos);

  ExpectRebuildEqualsLive();
}

TEST_F(PeopleApiTest, AnAnswerToAnApplicationIsDecidedAndSignedOnlyWithTheLegalVisa) {
  const std::string id = Register("application", "apparatus-head", "ცნობის გაცემა");
  Resolve("apparatus-head", id, "info-analytics", array{}, "", false);
  Ok("info-analytics", id, object{{"type", "confirm_receipt"}});
  Ok("info-analytics", id, object{{"type", "draft_answer"}, {"text", "ცნობა გაიცეს"}});
  Ok("info-head", id, object{{"type", "endorse"}});  // a unit head's visa is not the legal one
  auto refused = Refused("apparatus-head", id,
                         object{{"type", "decide"}, {"outcome", "granted"}, {"text", "გაიცეს"}});
  EXPECT_EQ(refused.status, 422);
  auto error = refused.json().at("error");
  EXPECT_NE(std::string(error.at("message").as_string()).find("the legal service's visa"),
            std::string::npos);
  EXPECT_NE(std::string(error.at("message_ka").as_string()).find("იურიდიული სამსახურის ვიზა"),
            std::string::npos);
  // The inbox asks the legal service for it, not the signatory for a decision.
  EXPECT_EQ(ItemOf("sec-legal", id).at("action"), "endorse");
  EXPECT_EQ(ItemOf("sec-juridical", id).at("action"), "endorse");
  EXPECT_TRUE(ItemOf("apparatus-head", id).is_null());
  Ok("sec-legal", id, object{{"type", "endorse"}, {"text", "შენიშვნა არ არის"}});
  EXPECT_TRUE(ItemOf("sec-juridical", id).is_null());
  EXPECT_EQ(ItemOf("apparatus-head", id).at("action"), "decide");
  Ok("apparatus-head", id, object{{"type", "decide"}, {"outcome", "granted"}, {"text", "გაიცეს"}});
  Ok("apparatus-head", id, object{{"type", "sign"}});
  EXPECT_EQ(Case("apparatus-head", id).at("state"), "signed");

  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
