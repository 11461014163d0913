// Who may read what, against the real `saqme serve`: a matrix of posts × read routes (cases,
// history, journals, reports, the nomenclature), 404 for a case a post may not read, the
// caller's allowed actions, the access log for auditors, and no personal data in log lines.
#include <algorithm>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "tests/http_client.h"
#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using saqme::testing::HttpClient;

const char* const kPosts[] = {"org-records", "chair",          "sec-legal",       "sec-head",
                              "info-web",    "info-head",      "org-head",        "apparatus-head",
                              "sec-hr",      "info-analytics", "apparatus-deputy"};

class AccessApiTest : public saqme::testing::ServeFixture {
 protected:
  // The simulated clock: Monday 2 November, before the demo chart's December acting.
  void SetUp() override { Start({std::begin(kPosts), std::end(kPosts)}, "2026-11-02"); }

  // A citizen's complaint: registered by the records office, resolved by the chair to the
  // legal specialist.
  std::string Complaint() {
    auto opened = Ok("org-records", "",
                     object{{"type", "register_incoming"},
                            {"kind", "complaint"},
                            {"channel", "reception"},
                            {"sender", object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}},
                            {"subject", "გადაწყვეტილების გასაჩივრება"},
                            {"summary", "მოითხოვს ბრძანების ბათილად ცნობას"},
                            {"pages", 3},
                            {"received_on", "2026-11-02"},
                            {"addressee", "chair"}});
    const std::string id(opened.at("case_id").as_string());
    Ok("chair", id,
       object{{"type", "assign_resolution"},
              {"lead_executor", "sec-legal"},
              {"instruction", "მოამზადეთ პროექტი"}});
    return id;
  }
};

TEST_F(AccessApiTest, ACaseIsReadByItsPeopleAndTheirLineAndIsNotFoundForEveryoneElse) {
  const std::string id = Complaint();
  const std::set<std::string> readers = {"org-records",     "chair",    "sec-legal",
                                         "sec-head",        "org-head", "apparatus-head",
                                         "apparatus-deputy"};
  const auto missing = Get("chair", "/v1/cases/case-0000000000000000dead");
  ASSERT_EQ(missing.status, 404);
  for (const char* post : kPosts) {
    for (const std::string& route :
         {"/v1/cases/" + id, "/v1/cases/" + id + "?at_version=1", "/v1/cases/" + id + "/history",
          "/v1/cases/" + id + "/history?format=csv"}) {
      auto reply = Get(post, route);
      if (readers.count(post)) {
        EXPECT_EQ(reply.status, 200) << post << " " << route << ": " << reply.body;
      } else {
        // The same answer as for a case that does not exist: existence does not leak.
        EXPECT_EQ(reply.status, 404) << post << " " << route;
        EXPECT_EQ(reply.error_code(), "not_found") << post << " " << route;
        EXPECT_EQ(reply.json().at("error").at("message").as_string(), "unknown case " + id);
      }
    }
  }
  // The junior website specialist neither reads nor addresses a citizen's complaint.
  auto command = client_->Post(
      "/v1/cases/" + id + "/commands", tokens_.at("info-web"),
      object{{"command_id", "web-1"}, {"command", object{{"type", "confirm_receipt"}}}});
  EXPECT_EQ(command.status, 404) << command.body;
  EXPECT_EQ(command.error_code(), "not_found");
  // A post that may read but not act is refused for its authority, as before.
  auto refused = client_->Post(
      "/v1/cases/" + id + "/commands", tokens_.at("org-head"),
      object{{"command_id", "oh-1"}, {"command", object{{"type", "confirm_receipt"}}}});
  EXPECT_EQ(refused.status, 403) << refused.body;
}

TEST_F(AccessApiTest, TheCaseViewNamesItsParticipantsAndTheCallersAllowedActions) {
  const std::string id = Complaint();
  auto view = Get("sec-legal", "/v1/cases/" + id).json().as_object();
  EXPECT_EQ(view.at("participants"), (array{"chair", "org-records", "sec-legal"}));
  EXPECT_EQ(view.at("summary").as_string(), "მოითხოვს ბრძანების ბათილად ცნობას");
  EXPECT_EQ(view.at("sender"), (object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}));
  EXPECT_EQ(view.at("allowed_actions"), (array{object{{"type", "confirm_receipt"},
                                                      {"label_ka", "მიღების დადასტურება"},
                                                      {"label_en", "Confirm receipt"}}}));
  auto chair = Get("chair", "/v1/cases/" + id).json().as_object();
  std::set<std::string> types;
  for (const auto& action : chair.at("allowed_actions").as_array()) {
    types.insert(std::string(action.at("type").as_string()));
  }
  EXPECT_EQ(types, (std::set<std::string>{"redirect"}));  // a complaint's deadline is the law's
  EXPECT_TRUE(Get("org-head", "/v1/cases/" + id).json().at("allowed_actions").as_array().empty());
  // The inbox names the step expected by its command type.
  Ok("sec-legal", id, object{{"type", "confirm_receipt"}});
  auto inbox = Get("sec-legal", "/v1/inbox").json().at("items").as_array();
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_EQ(inbox[0].at("action").as_string(), "draft_answer");
}

TEST_F(AccessApiTest, TheRegistersAreForRecordsUnitHeadsTheHeadAndAuditors) {
  Complaint();
  const std::set<std::string> readers = {"org-records", "chair",    "info-head",
                                         "sec-head",    "org-head", "apparatus-head"};
  for (const char* post : kPosts) {
    for (const char* route :
         {"/v1/journals/incoming?year=2026", "/v1/journals/incoming?year=2026&format=csv",
          "/v1/journals/delivery?year=2026&format=html", "/v1/reports/annual?year=2026",
          "/v1/reports/annual?year=2026&format=text", "/v1/nomenclature?year=2026"}) {
      auto reply = Get(post, route);
      if (readers.count(post)) {
        EXPECT_EQ(reply.status, 200) << post << " " << route << ": " << reply.body;
      } else {
        EXPECT_EQ(reply.status, 403) << post << " " << route;
        EXPECT_EQ(reply.error_code(), "forbidden") << post << " " << route;
      }
    }
  }
  // The caller's own feeds stay open to everyone.
  for (const char* post : kPosts) {
    EXPECT_EQ(Get(post, "/v1/inbox").status, 200) << post;
    EXPECT_EQ(Get(post, "/v1/alerts").status, 200) << post;
  }
}

TEST_F(AccessApiTest, ReadsBeyondTheParticipantsAreInTheAccessLogForAuditors) {
  const std::string complaint = Complaint();
  auto issued = Ok("info-head", "",
                   object{{"type", "issue_assignment"},
                          {"assignee", "info-analytics"},
                          {"instruction", "მოამზადეთ ანგარიში"},
                          {"due", "2026-11-20"}});
  const std::string assignment(issued.at("case_id").as_string());
  // Participants' reads are not recorded; the supervisor's and the auditor's are.
  EXPECT_EQ(Get("sec-legal", "/v1/cases/" + complaint).status, 200);
  EXPECT_EQ(Get("info-analytics", "/v1/cases/" + assignment).status, 200);
  EXPECT_EQ(Get("sec-head", "/v1/cases/" + complaint + "/history").status, 200);
  EXPECT_EQ(Get("org-head", "/v1/cases/" + assignment).status, 200);  // ground: audit
  EXPECT_EQ(Get("info-web", "/v1/cases/" + assignment).status, 404);  // nothing recorded

  for (const char* post : {"chair", "sec-head", "org-records", "info-web"}) {
    auto denied = Get(post, "/v1/audit/access");
    EXPECT_EQ(denied.status, 403) << post;
    EXPECT_EQ(denied.json().at("error").at("missing_power").as_string(), "audit");
  }
  auto log = Get("org-head", "/v1/audit/access").json().as_object();
  const auto& entries = log.at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u) << boost::json::serialize(log);
  EXPECT_EQ(entries[0].at("post").as_string(), "sec-head");
  EXPECT_EQ(entries[0].at("case_id").as_string(), complaint);
  EXPECT_EQ(entries[0].at("route").as_string(), "GET /v1/cases/{id}/history");
  EXPECT_EQ(entries[0].at("ground").as_string(), "supervisor");
  EXPECT_FALSE(entries[0].at("person").as_string().empty());
  EXPECT_EQ(std::string(entries[0].at("at").as_string()).substr(0, 10), "2026-11-02");
  EXPECT_EQ(entries[1].at("post").as_string(), "org-head");
  EXPECT_EQ(entries[1].at("case_id").as_string(), assignment);
  EXPECT_EQ(entries[1].at("ground").as_string(), "audit");
  EXPECT_TRUE(log.at("next_cursor").is_null());

  // By case, page by page, and as CSV.
  auto by_case = Get("org-head", "/v1/audit/access?case=" + assignment).json();
  EXPECT_EQ(by_case.at("entries").as_array().size(), 1u);
  // (the auditor's own reads of the log are not case reads: two entries, plus one more now)
  EXPECT_EQ(Get("org-head", "/v1/cases/" + complaint).status, 200);  // supervisor of records
  auto first = Get("org-head", "/v1/audit/access?limit=2").json();
  ASSERT_EQ(first.at("entries").as_array().size(), 2u);
  ASSERT_TRUE(first.at("next_cursor").is_string());
  auto second = Get("org-head", "/v1/audit/access?limit=2&cursor=" +
                                    std::string(first.at("next_cursor").as_string()))
                    .json();
  ASSERT_EQ(second.at("entries").as_array().size(), 1u);
  EXPECT_EQ(second.at("entries").as_array()[0].at("case_id").as_string(), complaint);
  EXPECT_TRUE(second.at("next_cursor").is_null());
  auto csv = Get("org-head", "/v1/audit/access?format=csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find("at,post,person,case_id,route,ground"), std::string::npos);
  EXPECT_NE(csv.body.find(assignment + ",GET /v1/cases/{id},audit"), std::string::npos);
  EXPECT_EQ(Get("org-head", "/v1/audit/access?cursor=zz").status, 400);
  EXPECT_EQ(Get("org-head", "/v1/audit/access?limit=0").status, 400);
}

TEST_F(AccessApiTest, NoPersonalDataOrQueryReachesTheServerLog) {
  const std::string id = Complaint();
  Get("chair", "/v1/cases/" + id + "?at_version=1");
  Get("chair", "/v1/journals/incoming?year=2026&format=csv");
  Get("chair", "/v1/cases?q=%E1%83%91%E1%83%94%E1%83%A0%E1%83%98%E1%83%AB%E1%83%94");  // ბერიძე
  Get("chair", "/v1/health");  // the last request, so that the lines above are written
  std::vector<std::string> lines;
  for (int i = 0; i < 50; ++i) {
    lines = server_->Lines();
    bool seen = false;
    // A path no route takes is logged as "unmatched", never as it is.
    for (const auto& line : lines) seen = seen || line.find("route=unmatched") != std::string::npos;
    if (seen) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(lines.empty());
  bool logged_case = false;
  for (const auto& line : lines) {
    EXPECT_EQ(line.find("ბერიძე"), std::string::npos) << line;
    EXPECT_EQ(line.find("?"), std::string::npos) << line;
    EXPECT_EQ(line.find("%E1"), std::string::npos) << line;
    EXPECT_EQ(line.find(id), std::string::npos) << line;  // the route's template, not the path
    logged_case = logged_case || line.find("route=/v1/cases/{id} status=200") != std::string::npos;
  }
  EXPECT_TRUE(logged_case);
}

// ---- GET /v1/cases: the search ------------------------------------------------------------

// The case ids of a search answer, in order.
std::vector<std::string> Ids(const boost::json::value& answer) {
  std::vector<std::string> ids;
  for (const auto& item : answer.at("cases").as_array()) {
    ids.emplace_back(item.at("case_id").as_string());
  }
  return ids;
}

TEST_F(AccessApiTest, SearchFindsByNumberSenderSubjectAndSummaryOnlyWhatTheCallerMayRead) {
  const std::string complaint = Complaint();  // registration number 1, sender ეკატერინე ბერიძე
  auto letter = Ok("org-records", "",
                   object{{"type", "register_incoming"},
                          {"kind", "correspondence"},
                          {"channel", "email"},
                          {"sender", object{{"name", "UNDP Georgia"}, {"kind", "organisation"}}},
                          {"subject", "Joint Project proposal"},
                          {"summary", "წინადადება ერთობლივ პროექტზე"},
                          {"pages", 1},
                          {"received_on", "2026-11-02"},
                          {"addressee", "info-head"}});
  const std::string mail(letter.at("case_id").as_string());
  const auto search = [&](const std::string& post, const std::string& query) {
    auto reply = Get(post, "/v1/cases?" + query);
    EXPECT_EQ(reply.status, 200) << post << " " << query << ": " << reply.body;
    return reply.json();
  };
  // Georgian as typed (URL-encoded), a prefix of an inflected word, Latin in any case.
  EXPECT_EQ(Ids(search("org-records", "q=%E1%83%91%E1%83%94%E1%83%A0%E1%83%98%E1%83%AB%E1%83%94")),
            std::vector<std::string>{complaint});  // ბერიძე
  EXPECT_EQ(Ids(search("org-records", "q=undp")), std::vector<std::string>{mail});
  EXPECT_EQ(Ids(search("org-records", "q=JOINT+proJECT")), std::vector<std::string>{mail});
  EXPECT_EQ(Ids(search("org-records", "q=%E1%83%94%E1%83%A0%E1%83%97%E1%83%9D%E1%83%91")),
            std::vector<std::string>{mail});  // ერთობ… of the summary
  EXPECT_EQ(Ids(search("org-records", "q=%E1%83%92%E1%83%90%E1%83%A1%E1%83%90%E1%83%A9")),
            std::vector<std::string>{complaint});  // გასაჩ… of the subject
  EXPECT_EQ(Ids(search("org-records", "q=2")), std::vector<std::string>{mail});  // its number
  EXPECT_TRUE(Ids(search("org-records", "q=undp+%E1%83%91%E1%83%94%E1%83%A0")).empty());
  // Newest first; the listing's fields.
  auto all = search("org-records", "");
  EXPECT_EQ(Ids(all), (std::vector<std::string>{mail, complaint}));
  const auto& item = all.at("cases").as_array()[1].as_object();
  EXPECT_EQ(item.at("kind").as_string(), "complaint");
  EXPECT_EQ(item.at("state").as_string(), "resolved");
  EXPECT_EQ(item.at("registration_number").as_string(), "1");
  EXPECT_EQ(item.at("correspondent").as_string(), "ეკატერინე ბერიძე");
  EXPECT_EQ(item.at("executor").as_string(), "sec-legal");
  EXPECT_EQ(item.at("opened_on").as_string(), "2026-11-02");
  EXPECT_EQ(item.at("due").as_string(), "2026-12-02");
  EXPECT_FALSE(item.at("overdue").as_bool());
  EXPECT_TRUE(all.at("next_cursor").is_null());
  // Filters.
  EXPECT_EQ(Ids(search("org-records", "kind=correspondence")), std::vector<std::string>{mail});
  EXPECT_EQ(Ids(search("org-records", "state=resolved")), std::vector<std::string>{complaint});
  EXPECT_EQ(Ids(search("org-records", "executor=sec-legal")), std::vector<std::string>{complaint});
  EXPECT_EQ(Ids(search("org-records", "unit=sec")), std::vector<std::string>{complaint});
  EXPECT_EQ(Ids(search("org-records", "unit=info")), std::vector<std::string>{mail});
  EXPECT_EQ(Ids(search("org-records", "unit=apparatus")).size(), 2u);  // and the units under it
  EXPECT_TRUE(Ids(search("org-records", "overdue=true")).empty());
  EXPECT_EQ(Ids(search("org-records", "from=2026-11-02&to=2026-11-02")).size(), 2u);
  EXPECT_TRUE(Ids(search("org-records", "from=2026-11-03")).empty());
  EXPECT_TRUE(Ids(search("org-records", "to=2026-11-01")).empty());
  // Only what the caller may read: the website specialist sees neither; the division head the
  // letter addressed to it; the legal specialist its complaint; the auditor both.
  EXPECT_TRUE(Ids(search("info-web", "")).empty());
  EXPECT_TRUE(Ids(search("info-web", "q=undp")).empty());
  EXPECT_EQ(Ids(search("info-head", "")), std::vector<std::string>{mail});
  EXPECT_EQ(Ids(search("sec-legal", "")), std::vector<std::string>{complaint});
  EXPECT_EQ(Ids(search("sec-head", "")), std::vector<std::string>{complaint});
  EXPECT_EQ(Ids(search("org-head", "")).size(), 2u);
  // For every post: what it finds is exactly what it may open.
  for (const char* post : kPosts) {
    std::vector<std::string> readable;
    for (const auto& id : {mail, complaint}) {
      if (Get(post, "/v1/cases/" + id).status == 200) readable.push_back(id);
    }
    EXPECT_EQ(Ids(search(post, "")), readable) << post;
  }
  // Bad parameters.
  for (const char* bad :
       {"limit=0", "limit=201", "from=2026-13-01", "overdue=yes", "cursor=zz", "sort=asc"}) {
    EXPECT_EQ(Get("org-records", std::string("/v1/cases?") + bad).status, 400) << bad;
  }
  // Overdue once the deadline has passed (the chair moves the simulated clock).
  ASSERT_EQ(
      client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", 40}}).status,
      200);
  EXPECT_EQ(Ids(search("org-records", "overdue=true")).size(), 2u);
}

TEST_F(AccessApiTest, SearchPagesWithAnOpaqueCursor) {
  std::vector<std::string> opened;
  for (int i = 0; i < 7; ++i) {
    opened.push_back(Complaint());
    // a later opening time for each
    ASSERT_EQ(
        client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", 1}}).status,
        200);
  }
  std::vector<std::string> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto page =
        Get("sec-legal", "/v1/cases?limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor)).json();
    ASSERT_TRUE(page.is_object());
    for (const auto& id : Ids(page)) seen.push_back(id);
    cursor =
        page.at("next_cursor").is_null() ? "" : std::string(page.at("next_cursor").as_string());
    ++pages;
  } while (!cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  std::reverse(opened.begin(), opened.end());  // newest first
  EXPECT_EQ(seen, opened);
}

}  // namespace
}  // namespace saqme
