// Journals and case histories in pages (limit, cursor, next_cursor) through the real server:
// walking the pages gives back exactly the whole list, in order, and bad paging is a 400.
#include <map>

#include <gtest/gtest.h>

#include "tests/served.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using saqme::testing::HttpClient;

class PagingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(served_.ok());
    for (int i = 1; i <= 7; ++i) {
      auto opened = served_.http().Post(
          "/v1/cases", served_.token("org-records"),
          object{{"command_id", "letter-" + std::to_string(i)},
                 {"command", object{{"type", "register_incoming"},
                                    {"kind", "correspondence"},
                                    {"channel", "email"},
                                    {"sender", object{{"name", "უწყება"}, {"kind", "agency"}}},
                                    {"subject", "წერილი " + std::to_string(i)},
                                    {"received_on", "2026-03-02"},
                                    {"addressee", "chair"}}}});
      ASSERT_EQ(opened.status, 201) << opened.body;
      if (i == 1) case_id_ = std::string(opened.json().at("case_id").as_string());
    }
    // A history of a few versions.
    Command(object{{"type", "assign_resolution"},
                   {"lead_executor", "info-analytics"},
                   {"instruction", "მოამზადეთ"}},
            "chair");
    Command(object{{"type", "confirm_receipt"}}, "info-analytics");
    Command(object{{"type", "draft_answer"}, {"text", "პასუხი"}}, "info-analytics");
  }

  void Command(object command, const std::string& post) {
    auto reply = served_.http().Post("/v1/cases/" + case_id_ + "/commands", served_.token(post),
                                     object{{"command_id", "c-" + std::to_string(++commands_)},
                                            {"command", std::move(command)}});
    ASSERT_EQ(reply.status, 200) << reply.body;
  }
  object Get(const std::string& target, int status = 200) {
    auto reply = served_.http().Get(target, served_.token("org-records"));
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  // Every page of `base` (a target with a query) of `limit` items in `key`, walked by cursor.
  array Walk(const std::string& base, const char* key, size_t limit, int* pages) {
    array all;
    std::string cursor;
    *pages = 0;
    while (*pages < 100) {
      object page = Get(base + "&limit=" + std::to_string(limit) +
                        (cursor.empty() ? "" : "&cursor=" + cursor));
      ++*pages;
      const array& items = page.at(key).as_array();
      EXPECT_LE(items.size(), limit);
      for (const auto& item : items) all.push_back(item);
      if (page.at("next_cursor").is_null()) break;
      EXPECT_EQ(items.size(), limit) << "only a last page may be short";
      cursor = std::string(page.at("next_cursor").as_string());
    }
    return all;
  }

  saqme::testing::Served served_{{"org-records", "chair", "info-analytics"},
                                 {"--clock", "simulated", "--clock-start", "2026-03-02"}};
  std::string case_id_;
  int commands_ = 0;
};

TEST_F(PagingTest, AJournalWalkedPageByPageIsTheWholeJournal) {
  const object whole = Get("/v1/journals/incoming?year=2026");
  ASSERT_EQ(whole.at("entries").as_array().size(), 7u);
  EXPECT_TRUE(whole.at("next_cursor").is_null());
  int pages = 0;
  EXPECT_EQ(Walk("/v1/journals/incoming?year=2026", "entries", 3, &pages),
            whole.at("entries").as_array());
  EXPECT_EQ(pages, 3);  // 3 + 3 + 1
  EXPECT_EQ(Walk("/v1/journals/incoming?year=2026", "entries", 7, &pages),
            whole.at("entries").as_array());
  EXPECT_EQ(pages, 1);
  // A page starts after its cursor: entry number 5 follows cursor 4.
  const object after = Get("/v1/journals/incoming?year=2026&cursor=4&limit=1");
  EXPECT_EQ(after.at("entries").at(0).at("number"), whole.at("entries").at(4).at("number"));
  EXPECT_EQ(after.at("next_cursor"), "5");
  // Past the last entry: an empty last page.
  for (const char* past : {"&cursor=7", "&cursor=99999999999", "&cursor=7&limit=2"}) {
    const object page = Get(std::string("/v1/journals/incoming?year=2026") + past);
    EXPECT_TRUE(page.at("entries").as_array().empty()) << past;
    EXPECT_TRUE(page.at("next_cursor").is_null()) << past;
  }
  for (const char* bad : {"&limit=0", "&limit=1001", "&limit=x", "&cursor=-1",
                          "&cursor=", "&format=csv&limit=2", "&format=html&cursor=1"}) {
    Get(std::string("/v1/journals/incoming?year=2026") + bad, 400);
  }
}

TEST_F(PagingTest, AHistoryWalkedPageByPageIsTheWholeHistory) {
  const object whole = Get("/v1/cases/" + case_id_ + "/history");
  const array& events = whole.at("events").as_array();
  ASSERT_EQ(events.size(), 4u);  // registered, resolved, receipt, answer drafted
  int pages = 0;
  EXPECT_EQ(Walk("/v1/cases/" + case_id_ + "/history?format=json", "events", 3, &pages), events);
  EXPECT_EQ(pages, 2);
  const object second = Get("/v1/cases/" + case_id_ + "/history?cursor=2&limit=1");
  EXPECT_EQ(second.at("events").at(0).at("version"), 3);
  EXPECT_EQ(second.at("next_cursor"), "3");
  EXPECT_EQ(second.at("case_id"), case_id_.c_str());
  Get("/v1/cases/" + case_id_ + "/history?limit=0", 400);
  Get("/v1/cases/" + case_id_ + "/history?format=csv&cursor=1", 400);
}

}  // namespace
}  // namespace saqme
