// The corrections a clerk needs, against the real `saqme serve`, where a clerk sees them: a void
// registration in the incoming journal (its number kept, never reused) and out of the annual
// report; a correction's before and after in the history and in every view; a document taken
// note of in the filing queue; a redirect out of the body as two letters of the outgoing
// journal; a withdrawn day off moving a deadline back; the same events whether or not the
// server restarted; and the views still equal a rebuild (`saqme check`).
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine.h"
#include "tests/rebuild_util.h"
#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class CorrectionsApiTest : public saqme::testing::ServeFixture {
 protected:
  const std::vector<std::string> kPosts = {"org-records", "chair", "info-head", "info-analytics"};

  std::string Register(const char* subject, const char* stated_due = "") {
    object command{{"type", "register_incoming"},
                   {"kind", "correspondence"},
                   {"channel", "post"},
                   {"sender", object{{"name", "შპს ეგრისი"}, {"kind", "organisation"}}},
                   {"subject", subject},
                   {"pages", 2},
                   {"received_on", today_},
                   {"addressee", "chair"}};
    if (*stated_due) command["stated_due"] = stated_due;
    auto opened = Ok("org-records", "", command);
    return opened.contains("case_id") ? std::string(opened.at("case_id").as_string()) : "";
  }
  array Journal(const char* journal) {
    return Json("org-records", std::string("/v1/journals/") + journal + "?year=2026")
        .at("entries")
        .as_array();
  }
  array History(const std::string& id) {
    return Json("chair", "/v1/cases/" + id + "/history").at("events").as_array();
  }
  std::string today_ = "2026-11-02";
};

TEST_F(CorrectionsApiTest, AVoidNumberStaysInTheJournalACorrectionShowsBeforeAndAfterEverywhere) {
  Start(kPosts, today_);
  const std::string wrong = Register("შეცდომით დარეგისტრირებული");
  const std::string letter = Register("ნაკვეთის საკითხი");
  // Void: refused without a reason (400, the field is required) and for the chair (403); then
  // the number stays.
  auto refused = client_->Post(
      "/v1/cases/" + wrong + "/commands", tokens_.at("org-records"),
      object{{"command_id", "void-0"}, {"command", object{{"type", "void_registration"}}}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.body.find("command.reason"), std::string::npos) << refused.body;
  refused = client_->Post(
      "/v1/cases/" + wrong + "/commands", tokens_.at("chair"),
      object{{"command_id", "void-1"},
             {"command", object{{"type", "void_registration"}, {"reason", "ორჯერ"}}}});
  EXPECT_EQ(refused.status, 403) << refused.body;
  Ok("org-records", wrong,
     object{{"type", "void_registration"}, {"reason", "ორჯერ დარეგისტრირდა"}});
  EXPECT_EQ(Json("chair", "/v1/cases/" + wrong).at("state").as_string(), "void");
  const std::string third = Register("მესამე წერილი");

  auto incoming = Journal("incoming");
  ASSERT_EQ(incoming.size(), 3u);
  EXPECT_EQ(incoming[0].at("number").as_int64(), 1);
  EXPECT_EQ(incoming[0].at("case_id").as_string(), wrong);
  EXPECT_TRUE(incoming[0].at("void").as_bool());
  EXPECT_EQ(incoming[0].at("void_reason").as_string(), "ორჯერ დარეგისტრირდა");
  EXPECT_FALSE(incoming[1].as_object().contains("void"));
  EXPECT_EQ(incoming[2].at("number").as_int64(), 3);  // numbering goes on, 1 is never reused
  EXPECT_EQ(incoming[2].at("case_id").as_string(), third);
  // The journal as a file and as a printable page say so too (a Georgian heading on the page).
  const auto csv = Get("org-records", "/v1/journals/incoming?year=2026&format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(",void,void_reason"), std::string::npos) << csv.body;
  EXPECT_NE(csv.body.find("true,ორჯერ დარეგისტრირდა"), std::string::npos) << csv.body;
  const auto page = Get("org-records", "/v1/journals/incoming?year=2026&format=html");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("გაუქმების მიზეზი"), std::string::npos);
  // A request for public information keeps its register entry too, marked void.
  auto request = Ok("org-records", "",
                    object{{"type", "register_incoming"},
                           {"kind", "public_information"},
                           {"channel", "email"},
                           {"sender", object{{"name", "ნინო ბერიძე"}, {"kind", "citizen"}}},
                           {"subject", "ბიუჯეტის შესრულება"},
                           {"received_on", today_},
                           {"addressee", "chair"}});
  const std::string request_id(request.at("case_id").as_string());
  Ok("org-records", request_id, object{{"type", "void_registration"}, {"reason", "დუბლიკატი"}});
  const auto requests = Journal("public_information");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_TRUE(requests[0].at("void").as_bool());
  EXPECT_EQ(requests[0].at("void_reason").as_string(), "დუბლიკატი");
  // No deadline runs on it: not in the chair's inbox.
  const auto chair_inbox = Json("chair", "/v1/inbox");
  for (const auto& item : chair_inbox.at("items").as_array()) {
    EXPECT_NE(item.at("case_id").as_string(), wrong);
  }

  // Correct: nothing changed is refused; then the history shows before and after.
  refused = client_->Post("/v1/cases/" + letter + "/commands", tokens_.at("org-records"),
                          object{{"command_id", "fix-0"},
                                 {"command", object{{"type", "correct_registration"},
                                                    {"subject", "ნაკვეთის საკითხი"},
                                                    {"reason", "შეცდომა"}}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  Ok("org-records", letter,
     object{{"type", "correct_registration"},
            {"subject", "მიწის ნაკვეთის საზღვრები"},
            {"pages", 5},
            {"addressee", "info-head"},
            {"reason", "საკითხი შეცდომით ჩაიწერა"}});
  const auto history = History(letter);
  const auto& corrected = history.back().as_object();
  EXPECT_EQ(corrected.at("type").as_string(), "registration_corrected");
  EXPECT_EQ(corrected.at("data").at("reason").as_string(), "საკითხი შეცდომით ჩაიწერა");
  const auto& changes = corrected.at("data").at("changes").as_array();
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].at("field").as_string(), "subject");
  EXPECT_EQ(changes[0].at("before").as_string(), "ნაკვეთის საკითხი");
  EXPECT_EQ(changes[0].at("after").as_string(), "მიწის ნაკვეთის საზღვრები");
  EXPECT_EQ(changes[1].at("field").as_string(), "pages");
  EXPECT_EQ(changes[2].at("before").as_string(), "chair");
  EXPECT_EQ(changes[2].at("after").as_string(), "info-head");
  // Every view follows: the case, the journal, the search, the new addressee's inbox.
  const auto view = Json("info-head", "/v1/cases/" + letter);
  EXPECT_EQ(view.at("subject").as_string(), "მიწის ნაკვეთის საზღვრები");
  EXPECT_EQ(view.at("addressee").as_string(), "info-head");
  EXPECT_EQ(view.at("pages").as_int64(), 5);
  incoming = Journal("incoming");
  EXPECT_EQ(incoming[1].at("subject").as_string(), "მიწის ნაკვეთის საზღვრები");
  EXPECT_EQ(incoming[1].at("addressee").as_string(), "info-head");
  EXPECT_EQ(incoming[1].at("pages").as_int64(), 5);
  EXPECT_EQ(incoming[1].at("corrected_on").as_string(), today_);
  const auto found = Json("org-records", "/v1/cases?q=საზღვრები").at("cases").as_array();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].at("case_id").as_string(), letter);
  EXPECT_TRUE(Json("org-records", "/v1/cases?q=ნაკვეთის%20საკითხი").at("cases").as_array().empty());
  bool in_inbox = false;
  const auto head_inbox = Json("info-head", "/v1/inbox");
  for (const auto& item : head_inbox.at("items").as_array()) {
    if (item.at("case_id").as_string() != letter) continue;
    in_inbox = true;
    EXPECT_EQ(item.at("subject").as_string(), "მიწის ნაკვეთის საზღვრები");
    EXPECT_EQ(item.at("action").as_string(), "assign_resolution");
  }
  EXPECT_TRUE(in_inbox);
  const auto chair_after = Json("chair", "/v1/inbox");
  for (const auto& item : chair_after.at("items").as_array()) {
    EXPECT_NE(item.at("case_id").as_string(), letter);
  }

  // Take note: the third letter closes without an answer and waits to be filed.
  Ok("chair", third, object{{"type", "take_note"}, {"remark", "გაცნობილია"}});
  EXPECT_EQ(Json("chair", "/v1/cases/" + third).at("state").as_string(), "noted");
  const auto queue = Json("org-records", "/v1/inbox?action=file").at("items").as_array();
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].at("case_id").as_string(), third);

  // The control dashboard counts it closed without an answer, neither on time nor late.
  const auto control = Json("chair", "/v1/control?year=2026");
  EXPECT_EQ(control.at("totals").at("noted").as_int64(), 1) << boost::json::serialize(control);
  EXPECT_EQ(control.at("totals").at("answered_on_time").as_int64(), 0);

  // The annual report: the void registration is not an incoming document.
  const auto report = Json("chair", "/v1/reports/annual?year=2026");
  EXPECT_EQ(report.at("incoming").at("total").as_int64(), 2);
  EXPECT_EQ(report.at("incoming").at("void").as_int64(), 2);
  EXPECT_EQ(report.at("public_information").at("registered").as_int64(), 0);
  EXPECT_EQ(report.at("proceedings").at("registered").as_int64(), 2);
  EXPECT_EQ(report.at("proceedings").at("noted").as_int64(), 1);
  EXPECT_EQ(report.at("proceedings").at("open").as_int64(), 1);
  ExpectRebuildEqualsLive();
}

TEST_F(CorrectionsApiTest, ARedirectOutBeforeAResolutionIsTwoLettersOfTheOutgoingJournal) {
  Start(kPosts, today_);
  const std::string letter = Register("სხვა უწყების საკითხი");
  Ok("chair", letter,
     object{
         {"type", "redirect"}, {"to_executor", "info-head"}, {"reason", "ინფორმაციის სამსახურს"}});
  auto view = Json("info-head", "/v1/cases/" + letter);
  EXPECT_EQ(view.at("state").as_string(), "registered");
  EXPECT_EQ(view.at("addressee").as_string(), "info-head");
  Ok("info-head", letter,
     object{{"type", "redirect"},
            {"to_body", "საქართველოს ფინანსთა სამინისტრო"},
            {"reason", "არ არის საკრებულოს კომპეტენცია"},
            {"applicant_notified", true}});
  EXPECT_EQ(Json("info-head", "/v1/cases/" + letter).at("state").as_string(), "redirected_out");
  const auto outgoing = Journal("outgoing");
  ASSERT_EQ(outgoing.size(), 2u);
  EXPECT_EQ(outgoing[0].at("number").as_int64(), 1);
  EXPECT_EQ(outgoing[0].at("letter").as_string(), "forwarding");
  EXPECT_EQ(outgoing[0].at("recipient").as_string(), "საქართველოს ფინანსთა სამინისტრო");
  EXPECT_EQ(outgoing[0].at("case_id").as_string(), letter);
  EXPECT_EQ(outgoing[0].at("incoming_number").as_string(), "1");
  EXPECT_EQ(outgoing[1].at("number").as_int64(), 2);
  EXPECT_EQ(outgoing[1].at("letter").as_string(), "notice");
  EXPECT_EQ(outgoing[1].at("recipient").as_string(), "შპს ეგრისი");
  const auto redirected = History(letter).back().as_object();
  EXPECT_EQ(redirected.at("data").at("forwarding_number").as_string(), "1");
  EXPECT_EQ(redirected.at("data").at("notice_number").as_string(), "2");
  const auto report = Json("chair", "/v1/reports/annual?year=2026");
  EXPECT_EQ(report.at("outgoing").as_int64(), 2);
  ExpectRebuildEqualsLive();
}

std::string DueExplanation(const array& history) {
  return std::string(history.front().at("data").at("due_explanation").as_string());
}

TEST_F(CorrectionsApiTest,
       ADeclaredDayOffExplainsDeadlinesAlikeAcrossARestartAndAWithdrawalMovesBack) {
  today_ = "2026-11-10";
  Start(kPosts, today_);
  Ok("chair", "",
     object{{"type", "declare_day_off"},
            {"date", "2026-12-10"},
            {"name", "მთავრობის განკარგულება N 1"}});
  const std::string before = Register("პირველი");  // one month: 2026-12-10, a day off
  const std::string stated = Register("მეორე", "2026-12-17");
  client_.reset();
  server_.reset();
  Start(kPosts, today_);
  const std::string after = Register("მესამე");
  EXPECT_EQ(Json("chair", "/v1/cases/" + before).at("due").as_string(), "2026-12-11");
  EXPECT_EQ(Json("chair", "/v1/cases/" + after).at("due").as_string(), "2026-12-11");
  EXPECT_NE(DueExplanation(History(before)).find("declared day off"), std::string::npos);
  EXPECT_EQ(DueExplanation(History(before)), DueExplanation(History(after)));

  // A day off declared on a due date moves it; withdrawn, the deadline comes back, visibly.
  Ok("chair", "calendar",
     object{{"type", "declare_day_off"},
            {"date", "2026-12-17"},
            {"name", "მთავრობის განკარგულება N 2"}});
  EXPECT_EQ(Json("chair", "/v1/cases/" + stated).at("due").as_string(), "2026-12-18");
  auto refused = client_->Post("/v1/cases/calendar/commands", tokens_.at("chair"),
                               object{{"command_id", "w-0"},
                                      {"command", object{{"type", "withdraw_day_off"},
                                                         {"date", "2026-12-16"},
                                                         {"reason", "შეცდომა"}}}});
  EXPECT_EQ(refused.status, 422) << refused.body;
  const auto withdrawn = Ok("chair", "calendar",
                            object{{"type", "withdraw_day_off"},
                                   {"date", "2026-12-17"},
                                   {"reason", "მთავრობის განკარგულება N 3"}});
  // One atomic answer: the withdrawal and the deadline it moves back.
  ASSERT_TRUE(withdrawn.contains("events")) << boost::json::serialize(withdrawn);
  EXPECT_EQ(withdrawn.at("events").as_array().size(), 2u);
  const auto view = Json("chair", "/v1/cases/" + stated);
  EXPECT_EQ(view.at("due").as_string(), "2026-12-17");
  EXPECT_NE(view.at("due_explanation").as_string().find("working day again"), std::string::npos);
  const auto back = History(stated).back().as_object();
  EXPECT_EQ(back.at("type").as_string(), "deadline_recomputed");
  EXPECT_EQ(back.at("data").at("previous_due").as_string(), "2026-12-18");
  EXPECT_EQ(back.at("data").at("new_due").as_string(), "2026-12-17");
  EXPECT_EQ(back.at("data").at("reason").as_string(),
            "day off withdrawn: მთავრობის განკარგულება N 3");
  // The calendar lists only the day still declared.
  const auto days = Json("chair", "/v1/cases/calendar").at("days_off").as_array();
  ASSERT_EQ(days.size(), 1u);
  EXPECT_EQ(days[0].at("date").as_string(), "2026-12-10");
  // Withdrawn, the day the letters' month was counted over: counted again, both due on it.
  const auto recounted = Ok("chair", "calendar",
                            object{{"type", "withdraw_day_off"},
                                   {"date", "2026-12-10"},
                                   {"reason", "მთავრობის განკარგულება N 5"}});
  ASSERT_TRUE(recounted.contains("events"));
  EXPECT_EQ(recounted.at("events").as_array().size(), 3u);
  for (const auto& id : {before, after}) {
    const auto letter = Json("chair", "/v1/cases/" + id);
    EXPECT_EQ(letter.at("due").as_string(), "2026-12-10") << id;
    EXPECT_NE(letter.at("due_explanation").as_string().find("working day again"),
              std::string::npos);
  }
  EXPECT_FALSE(Json("chair", "/v1/cases/calendar").contains("days_off") &&
               !Json("chair", "/v1/cases/calendar").at("days_off").as_array().empty());
  // And a restart reads the calendar the same way: 12-17 is a working day, declared anew.
  client_.reset();
  server_.reset();
  Start(kPosts, today_);
  Ok("chair", "calendar",
     object{{"type", "declare_day_off"},
            {"date", "2026-12-17"},
            {"name", "მთავრობის განკარგულება N 4"}});
  EXPECT_EQ(Json("chair", "/v1/cases/" + stated).at("due").as_string(), "2026-12-18");
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
