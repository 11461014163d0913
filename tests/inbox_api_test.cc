// The inbox against the real `saqme serve`: each item carries what the console lists without
// opening the case, ordered by due date and dated on the server's (simulated) clock; the
// records office's queues by `?action=`; the case view of an incoming document after its
// resolution and draft; GET /v1/me's `today` and `now`; and the views still equal a rebuild.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/inbox.h"
#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

// The answer is written from the stored texts; its bytes are those of the items parsed, dated
// and serialised as a document (the way it was built before), for every kind of item: due
// today, overdue, without a due date, another post's work the caller acts for, text that JSON
// escapes, and items due the same day in their stored order.
TEST(InboxAnswerTextTest, TheBytesAreThoseOfTheDocumentItReplaces) {
  const std::vector<std::string> stored = {
      R"({"case_id":"b","action":"dispatch","due":"2026-11-10","subject":"a \"quoted\" line"})",
      R"({"case_id":"a","action":"file","subject":"ნაკვეთი"})",
      R"({"case_id":"c","action":"dispatch","due":"2026-11-02","on_control":true})",
      R"({"case_id":"d","action":"assign_resolution","due":"2026-10-30"})",
      R"({"case_id":"e","action":"dispatch","due":"2026-11-10","sender":{"name":"x","kind":"citizen"}})",
  };
  const std::vector<std::string> acting = {"", "", "info-head", "", "info-head"};
  const auto today = *workflows::Date::Parse("2026-11-02");
  api::InboxPageCollector collector({});
  array expected_items;
  for (size_t i = 0; i < stored.size(); ++i) {
    ASSERT_TRUE(api::KeysOfInboxItem(stored[i]).has_value()) << stored[i];
    // View keys in case id order, as the route offers them.
    ASSERT_TRUE(collector.Offer("key-" + std::to_string(i), stored[i], acting[i]).ok());
    expected_items.push_back(boost::json::parse(stored[i]));
    auto& item = expected_items.back().as_object();
    if (!acting[i].empty()) item["acting_for"] = acting[i];
  }
  // The document's way: ordered by due (none last, stable), then dated.
  std::stable_sort(expected_items.begin(), expected_items.end(), [](const auto& x, const auto& y) {
    auto due = [](const boost::json::value& v) {
      const auto* d = v.as_object().if_contains("due");
      return d ? std::string(d->as_string()) : std::string();
    };
    const std::string a = due(x), b = due(y);
    if (a.empty() || b.empty()) return !a.empty() && b.empty();
    return a < b;
  });
  for (auto& value : expected_items) {
    auto& item = value.as_object();
    if (const auto* due = item.if_contains("due")) {
      const int64_t days =
          workflows::Date::Parse(due->as_string())->DaysSinceEpoch() - today.DaysSinceEpoch();
      item["days_left"] = days;
      item["overdue"] = days < 0;
    } else {
      item["days_left"] = nullptr;
      item["overdue"] = false;
    }
  }
  const std::string expected = boost::json::serialize(object{
      {"post", "org-records"}, {"items", expected_items}, {"total", 5}, {"next_cursor", nullptr}});
  std::string next;
  const auto items = collector.TakePage(&next);
  EXPECT_EQ(next, "");
  EXPECT_EQ(collector.total(), 5u);
  const std::string written = api::InboxAnswerText("org-records", items, today, 5, next);
  EXPECT_EQ(written, expected);
  // Spot checks that the comparison is of something: d (overdue) first, a (no due) last.
  const auto answer = boost::json::parse(written).as_object();
  const auto& listed = answer.at("items").as_array();
  ASSERT_EQ(listed.size(), 5u);
  EXPECT_EQ(listed[0].at("case_id"), "d");
  EXPECT_EQ(listed[0].at("overdue"), true);
  EXPECT_EQ(listed[1].at("case_id"), "c");
  EXPECT_EQ(listed[1].at("acting_for"), "info-head");
  EXPECT_EQ(listed[2].at("case_id"), "b");  // b before e: both due the 10th, stored order
  EXPECT_EQ(listed[3].at("case_id"), "e");
  EXPECT_EQ(listed[4].at("case_id"), "a");
  EXPECT_TRUE(listed[4].at("days_left").is_null());
  EXPECT_FALSE(api::KeysOfInboxItem("not json").has_value());
  EXPECT_FALSE(api::KeysOfInboxItem("[1]").has_value());
  api::InboxPageCollector damaged({});
  EXPECT_EQ(damaged.Offer("k", "not json", "").code(), Status::Code::kCorruption);
}

// Pages of an inbox larger than a page: every item once, in the order of the whole inbox,
// however the items are offered; total counts them all; the page before's cursor resumes; the
// collector holds at most limit + 1 texts; an action filters before the paging.
TEST(InboxPageCollectorTest, PagesFollowTheWholeOrderAndHoldOnlyAPage) {
  struct Stored {
    std::string acting_for, key, text;
  };
  std::vector<Stored> stored;
  for (int i = 0; i < 47; ++i) {
    const std::string due = i % 5 == 0 ? "" : "2026-11-" + std::to_string(10 + i % 7);
    const std::string action = i % 3 == 0 ? "file" : "dispatch";
    std::string text = R"({"case_id":"c)" + std::to_string(i) + R"(","action":")" + action + '"';
    if (!due.empty()) text += R"(,"due":")" + due + '"';
    text += '}';
    char key[16];
    std::snprintf(key, sizeof(key), "k%03d", (i * 17) % 47);  // keys not in the items' order
    stored.push_back({i % 2 == 0 ? "" : "info-head", key, text});
  }
  auto whole_order = [&](const std::string& action) {
    std::vector<const Stored*> all;
    for (const auto& s : stored) {
      if (action.empty() || s.text.find("\"" + action + "\"") != std::string::npos) {
        all.push_back(&s);
      }
    }
    std::sort(all.begin(), all.end(), [](const Stored* a, const Stored* b) {
      const auto da = api::KeysOfInboxItem(a->text)->due, db = api::KeysOfInboxItem(b->text)->due;
      if (da.empty() != db.empty()) return db.empty();
      const bool acted_a = !a->acting_for.empty(), acted_b = !b->acting_for.empty();
      return std::tie(da, acted_a, a->key) < std::tie(db, acted_b, b->key);
    });
    std::vector<std::string> texts;
    for (const auto* s : all) texts.push_back(s->text);
    return texts;
  };
  for (const std::string action : {"", "file"}) {
    const auto expected = whole_order(action);
    std::vector<std::string> paged;
    std::string cursor;
    int pages = 0;
    do {
      std::map<std::string, std::string> parameters{{"limit", "10"}};
      if (!action.empty()) parameters["action"] = action;
      if (!cursor.empty()) parameters["cursor"] = cursor;
      auto query = api::InboxQueryOf(parameters);
      ASSERT_TRUE(query.ok()) << query.status().message();
      api::InboxPageCollector collector(query.value());
      // Offered in reverse: the order is the collector's, not the offering's.
      for (auto it = stored.rbegin(); it != stored.rend(); ++it) {
        ASSERT_TRUE(collector.Offer(it->key, it->text, it->acting_for).ok());
      }
      EXPECT_EQ(collector.total(), expected.size());
      const auto page = collector.TakePage(&cursor);
      EXPECT_LE(page.size(), 10u);
      for (const auto& item : page) paged.push_back(item.text);
      ASSERT_LT(++pages, 10);
    } while (!cursor.empty());
    EXPECT_EQ(paged, expected) << action;
    EXPECT_EQ(pages, static_cast<int>((expected.size() + 9) / 10)) << action;
  }
  // What the route refuses, in both languages.
  for (const auto& bad : std::vector<std::map<std::string, std::string>>{{{"limit", "0"}},
                                                                         {{"limit", "1001"}},
                                                                         {{"limit", "x"}},
                                                                         {{"cursor", "zz"}},
                                                                         {{"cursor", "32"}},
                                                                         {{"cursor", ""}},
                                                                         {{"action", "filed"}},
                                                                         {{"kind", "x"}}}) {
    auto query = api::InboxQueryOf(bad);
    ASSERT_FALSE(query.ok()) << bad.begin()->first << "=" << bad.begin()->second;
    EXPECT_EQ(query.status().code(), Status::Code::kInvalidArgument);
    EXPECT_FALSE(query.status().message_ka().empty());
  }
}

class InboxApiTest : public saqme::testing::ServeFixture {
 protected:
  // Monday 2 November 2026, before the demo chart's December acting.
  void SetUp() override {
    Start({"org-records", "chair", "apparatus-head", "sec-legal", "org-head"}, "2026-11-02");
  }

  array Inbox(const std::string& post, const std::string& query = "") {
    auto reply = Get(post, "/v1/inbox" + query);
    EXPECT_EQ(reply.status, 200) << post << query << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.at("items").as_array() : array();
  }
  static std::vector<std::string> Ids(const array& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.emplace_back(item.at("case_id").as_string());
    return ids;
  }

  // A citizen's document registered today by the records office.
  std::string Register(const char* kind, const char* addressee) {
    auto opened = Ok("org-records", "",
                     object{{"type", "register_incoming"},
                            {"kind", kind},
                            {"channel", "reception"},
                            {"sender", object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}},
                            {"subject", "მიწის ნაკვეთის რეგისტრაცია"},
                            {"summary", "ითხოვს ნაკვეთის აღრიცხვას"},
                            {"pages", 4},
                            {"received_on", "2026-10-30"},
                            {"addressee", addressee}});
    return opened.contains("case_id") ? std::string(opened.at("case_id").as_string()) : "";
  }
  // The addressee's resolution to the legal specialist, with the head of organisation as
  // co-executor, on control; `due` "" for the statutory deadline.
  void Resolve(const std::string& addressee, const std::string& id, const char* instruction,
               const std::string& due) {
    object command{{"type", "assign_resolution"},
                   {"lead_executor", "sec-legal"},
                   {"co_executors", array{"org-head"}},
                   {"instruction", instruction},
                   {"on_control", true}};
    if (!due.empty()) command["due"] = due;
    Ok(addressee, id, command);
  }
};

TEST_F(InboxApiTest, ItemsCarryTheCaseAndAreOrderedByDueAndDatedOnTheServerClock) {
  const std::string complaint = Register("complaint", "chair");
  Resolve("chair", complaint, "მოამზადეთ პასუხის პროექტი", "2026-11-20");
  const std::string assignment(Ok("chair", "",
                                  object{{"type", "issue_assignment"},
                                         {"assignee", "sec-legal"},
                                         {"instruction", "შეადგინეთ ანგარიში"},
                                         {"due", "2026-11-10"}})
                                   .at("case_id")
                                   .as_string());
  const std::string later(Ok("chair", "",
                             object{{"type", "issue_assignment"},
                                    {"assignee", "sec-legal"},
                                    {"instruction", "გადახედეთ წესდებას"},
                                    {"due", "2026-11-27"}})
                              .at("case_id")
                              .as_string());

  auto items = Inbox("sec-legal");
  ASSERT_EQ(Ids(items), (std::vector<std::string>{assignment, complaint, later}));
  const object& item = items[1].as_object();
  EXPECT_EQ(item.at("kind"), "complaint");
  EXPECT_EQ(item.at("state"), "resolved");
  EXPECT_EQ(item.at("action"), "confirm_receipt");
  EXPECT_EQ(item.at("action_label_ka"), "მიღების დადასტურება");
  EXPECT_EQ(item.at("action_label_en"), "Confirm receipt");
  EXPECT_EQ(item.at("registration_number"), "1");
  EXPECT_EQ(item.at("sender"), "ეკატერინე ბერიძე");
  EXPECT_EQ(item.at("received_on"), "2026-10-30");
  EXPECT_EQ(item.at("subject"), "მიწის ნაკვეთის რეგისტრაცია");
  EXPECT_EQ(item.at("instruction"), "მოამზადეთ პასუხის პროექტი");
  EXPECT_EQ(item.at("due"), "2026-11-20");
  EXPECT_EQ(item.at("on_control"), true);
  EXPECT_EQ(item.at("days_left"), 18);
  EXPECT_EQ(item.at("overdue"), false);
  EXPECT_FALSE(item.contains("acting_for"));
  // An assignment is about its instruction; it has no registration number nor sender.
  const object& task = items[0].as_object();
  EXPECT_EQ(task.at("action"), "accept");
  EXPECT_EQ(task.at("action_label_en"), "Accept the assignment");
  EXPECT_EQ(task.at("subject"), "შეადგინეთ ანგარიში");
  EXPECT_EQ(task.at("on_control"), false);
  EXPECT_EQ(task.at("days_left"), 8);
  for (const char* key : {"registration_number", "sender", "received_on", "instruction"}) {
    EXPECT_FALSE(task.contains(key)) << key;
  }

  // Days left follow the clock: twelve days on, the assignment is two days overdue.
  Advance(12);
  auto me = Get("sec-legal", "/v1/me").json();
  EXPECT_EQ(me.at("today"), "2026-11-14");
  const std::string now(me.at("now").as_string());
  EXPECT_EQ(now.substr(0, 11), "2026-11-14T");
  EXPECT_EQ(now.substr(now.size() - 6), "+04:00");
  EXPECT_EQ(me.at("post"), "sec-legal");  // the rest of /v1/me as before
  items = Inbox("sec-legal");
  ASSERT_EQ(Ids(items), (std::vector<std::string>{assignment, complaint, later}));
  EXPECT_EQ(items[0].at("days_left"), -4);
  EXPECT_EQ(items[0].at("overdue"), true);
  EXPECT_EQ(items[1].at("days_left"), 6);
  EXPECT_EQ(items[1].at("overdue"), false);

  // A letter's draft waits for its signatory with no due date: it comes after the dated work.
  const std::string application = Register("application", "apparatus-head");
  const std::string letter(
      Ok("sec-legal", "",
         object{{"type", "draft_letter"},
                {"recipient", object{{"name", "ლანჩხუთის მერია"}, {"kind", "agency"}}},
                {"subject", "ინფორმაციის გამოთხოვა"},
                {"text", "გთხოვთ, მოგვაწოდოთ"}})
          .at("case_id")
          .as_string());
  items = Inbox("apparatus-head");
  ASSERT_EQ(Ids(items), (std::vector<std::string>{application, letter}));
  EXPECT_EQ(items[0].at("action"), "assign_resolution");
  EXPECT_EQ(items[1].at("action"), "sign");
  EXPECT_EQ(items[1].at("sender"), "ლანჩხუთის მერია");  // the letter's recipient
  EXPECT_TRUE(items[1].at("days_left").is_null());
  EXPECT_EQ(items[1].at("overdue"), false);
  EXPECT_FALSE(items[1].as_object().contains("due"));

  ExpectRebuildEqualsLive();
}

TEST_F(InboxApiTest, TheRecordsOfficeQueuesByActionAndTheCaseViewShowsTheResolution) {
  Ok("chair", "",
     object{{"type", "approve_nomenclature"},
            {"year", 2026},
            {"files", array{object{{"code", "02-01"}, {"title", "განცხადებები"}}}}});
  const std::string id = Register("application", "apparatus-head");
  const std::string waiting = Register("correspondence", "chair");
  Resolve("apparatus-head", id, "მოამზადეთ პასუხი", "");
  auto view = Get("apparatus-head", "/v1/cases/" + id).json().as_object();
  EXPECT_EQ(view.at("sender"), (object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}));
  EXPECT_EQ(view.at("summary"), "ითხოვს ნაკვეთის აღრიცხვას");
  EXPECT_EQ(view.at("pages"), 4);
  EXPECT_EQ(view.at("channel"), "reception");
  EXPECT_EQ(view.at("received_on"), "2026-10-30");
  EXPECT_EQ(view.at("registered_on"), "2026-11-02");
  EXPECT_EQ(view.at("instruction"), "მოამზადეთ პასუხი");
  EXPECT_EQ(view.at("co_executors"), (array{"org-head"}));
  EXPECT_EQ(view.at("on_control"), true);
  EXPECT_EQ(view.at("deadline_setter"), "apparatus-head");
  EXPECT_FALSE(view.contains("answer"));
  // Before a resolution: no instruction, no co-executors.
  auto unresolved = Get("chair", "/v1/cases/" + waiting).json().as_object();
  EXPECT_FALSE(unresolved.contains("instruction"));
  EXPECT_FALSE(unresolved.contains("co_executors"));
  EXPECT_EQ(unresolved.at("on_control"), false);

  Ok("sec-legal", id, object{{"type", "confirm_receipt"}});
  Ok("sec-legal", id, object{{"type", "draft_answer"}, {"text", "ნაკვეთი აღრიცხულია"}});
  EXPECT_EQ(Get("sec-legal", "/v1/cases/" + id).json().at("answer"), "ნაკვეთი აღრიცხულია");
  Ok("org-head", id, object{{"type", "endorse"}});
  Ok("apparatus-head", id,
     object{{"type", "decide"}, {"outcome", "granted"}, {"text", "დაკმაყოფილდეს"}});
  EXPECT_TRUE(Inbox("org-records", "?action=dispatch").empty());
  Ok("apparatus-head", id, object{{"type", "sign"}});

  // The signed answer waits in the records office's inbox, to dispatch.
  auto all = Inbox("org-records");
  ASSERT_EQ(Ids(all), std::vector<std::string>{id});
  EXPECT_EQ(all[0].at("action"), "dispatch");
  EXPECT_EQ(Ids(Inbox("org-records", "?action=dispatch")), std::vector<std::string>{id});
  EXPECT_TRUE(Inbox("org-records", "?action=file").empty());
  EXPECT_EQ(Ids(Inbox("chair", "?action=assign_resolution")), std::vector<std::string>{waiting});
  EXPECT_TRUE(Inbox("chair", "?action=dispatch").empty());
  Ok("org-records", id, object{{"type", "dispatch"}, {"channel", "post"}});
  EXPECT_TRUE(Inbox("org-records", "?action=dispatch").empty());
  auto to_file = Inbox("org-records", "?action=file");
  ASSERT_EQ(Ids(to_file), std::vector<std::string>{id});
  EXPECT_EQ(to_file[0].at("action_label_en"), "File");
  EXPECT_EQ(to_file[0].at("state"), "answered");

  // A type that is no command, or another parameter: 400 in both languages.
  for (const char* bad : {"?action=dispatched", "?action=", "?kind=complaint"}) {
    auto reply = Get("org-records", std::string("/v1/inbox") + bad);
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_EQ(reply.error_code(), "bad_request") << bad;
    EXPECT_FALSE(reply.json().at("error").at("message_ka").as_string().empty()) << bad;
  }
  EXPECT_EQ(Get("org-records", "/health").status, 200);  // and it keeps serving

  ExpectRebuildEqualsLive();
}

// A page at a time: `limit` and `cursor` walk the whole inbox in its order, every item once;
// `total` counts them all, `next_cursor` is null on the last page; a bad page is 400.
TEST_F(InboxApiTest, TheInboxIsReadAPageAtATime) {
  for (int i = 0; i < 5; ++i) Register("correspondence", "chair");
  const auto whole = Get("chair", "/v1/inbox").json().as_object();
  EXPECT_EQ(whole.at("total"), 5);
  EXPECT_TRUE(whole.at("next_cursor").is_null());
  const auto all = Ids(whole.at("items").as_array());
  ASSERT_EQ(all.size(), 5u);
  std::vector<std::string> paged;
  std::string query = "?limit=2";
  int pages = 0;
  while (true) {
    auto page = Get("chair", "/v1/inbox" + query).json().as_object();
    EXPECT_EQ(page.at("total"), 5);
    for (const auto& id : Ids(page.at("items").as_array())) paged.push_back(id);
    ASSERT_LT(++pages, 5);
    if (page.at("next_cursor").is_null()) break;
    query = "?limit=2&cursor=" + std::string(page.at("next_cursor").as_string());
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(paged, all);
  for (const char* bad : {"?limit=0", "?limit=1001", "?cursor=xyz", "?cursor=32"}) {
    auto reply = Get("chair", std::string("/v1/inbox") + bad);
    EXPECT_EQ(reply.status, 400) << bad;
    EXPECT_FALSE(reply.json().at("error").at("message_ka").as_string().empty()) << bad;
  }
}

}  // namespace
}  // namespace saqme
