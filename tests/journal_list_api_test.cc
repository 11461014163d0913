// Which journals exist, as a clerk asking GET /v1/journals/{journal} of the real `saqme serve`
// sees it (workflows::journals::IsJournal): the fixed registers, and a minutes register for
// each council body kind and each commission and faction of the council's data — one that has no
// minutes yet lists none; any other name, a body code the data does not hold too, is 404 in both
// languages. GET /v1/journals lists them (workflows::journals::Listed), each a caller may open,
// refused without a session as a journal is. Moving the simulated clock is the head's (the chair of
// the Ozurgeti council; workflows::IsHeadOrActingHead), refused to anyone else.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::object;

class JournalListApiTest : public saqme::testing::ServeFixture {
 protected:
  void SetUp() override { Start({"org-records", "chair"}, "2026-11-02"); }
};

TEST_F(JournalListApiTest, EveryMinutesRegisterOfABodyExistsAndOtherNamesDoNot) {
  for (const char* journal : {"incoming", "acts-order", "certificates", "archive_inventory",
                              "minutes-council", "minutes-commission-budget"}) {
    auto reply = Get("org-records", std::string("/v1/journals/") + journal + "?year=2026");
    ASSERT_EQ(reply.status, 200) << journal << ": " << reply.body;
    EXPECT_TRUE(reply.json().at("entries").as_array().empty()) << journal;
  }
  for (const char* journal : {"nope", "minutes-", "minutes-commission-nope", "Incoming"}) {
    auto reply = Get("org-records", std::string("/v1/journals/") + journal + "?year=2026");
    EXPECT_EQ(reply.status, 404) << journal << ": " << reply.body;
    const auto error = reply.json().at("error");
    EXPECT_EQ(error.at("code").as_string(), "not_found");
    EXPECT_FALSE(error.at("message_ka").as_string().empty());
  }
}

// GET /v1/journals: the list the console picks a journal from — every name in it opens, the
// bodies' own minutes registers are there with their names in both languages.
TEST_F(JournalListApiTest, TheListNamesEveryJournalAndEachCouncilBodysRegister) {
  auto reply = Get("org-records", "/v1/journals");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto answer = reply.json();
  const auto& journals = answer.at("journals").as_array();
  std::set<std::string> names;
  for (const auto& value : journals) {
    const auto& journal = value.as_object();
    const std::string name(journal.at("name").as_string());
    names.insert(name);
    auto opened = Get("org-records", "/v1/journals/" + name + "?year=2026");
    EXPECT_EQ(opened.status, 200) << name << ": " << opened.body;
    if (name == "minutes-commission-budget") {
      EXPECT_EQ(journal.at("body_code").as_string(), "budget");
      EXPECT_EQ(journal.at("body_kind").as_string(), "commission");
      EXPECT_EQ(journal.at("body_name_en").as_string(), "Finance and Budget Commission");
      EXPECT_FALSE(journal.at("body_name_ka").as_string().empty());
    }
    if (name == "incoming") {
      EXPECT_FALSE(journal.contains("body_code"));
    }
  }
  for (const char* name :
       {"incoming", "certificates", "archive_inventory", "minutes-council",
        "minutes-commission-budget", "minutes-commission-social", "minutes-faction-majority",
        "minutes-faction-minority", "minutes-commission", "minutes-faction"}) {
    EXPECT_TRUE(names.count(name)) << name << " not listed";
  }
  EXPECT_EQ(names.size(), journals.size()) << "a journal listed twice";
}

// The register of issued certificates names persons (workflows::MayReadJournal): the head reads
// the other journals but is not offered that one, so nothing listed is refused.
TEST_F(JournalListApiTest, TheListLeavesOutWhatTheCallerMayNotOpen) {
  auto reply = Get("chair", "/v1/journals");
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto answer = reply.json();
  bool budget = false;
  for (const auto& value : answer.at("journals").as_array()) {
    const std::string name(value.at("name").as_string());
    EXPECT_NE(name, "certificates");
    budget = budget || name == "minutes-commission-budget";
    EXPECT_EQ(Get("chair", "/v1/journals/" + name + "?year=2026").status, 200) << name;
  }
  EXPECT_TRUE(budget);
  EXPECT_EQ(Get("chair", "/v1/journals/certificates?year=2026").status, 403);
}

TEST_F(JournalListApiTest, WithoutASessionTheListIsRefusedAsAJournalIs) {
  auto list = client_->Get("/v1/journals", "");
  auto journal = client_->Get("/v1/journals/incoming?year=2026", "");
  EXPECT_EQ(list.status, journal.status) << list.body;
  EXPECT_TRUE(list.status == 401 || list.status == 403) << list.body;
  EXPECT_EQ(list.json().at("error").at("code"), journal.json().at("error").at("code"));
  EXPECT_FALSE(list.json().at("error").at("message_ka").as_string().empty());
}

TEST_F(JournalListApiTest, OnlyTheHeadOfTheBodyMovesTheSimulatedClock) {
  auto refused =
      client_->Post("/v1/admin/clock/advance", tokens_.at("org-records"), object{{"days", 1}});
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_FALSE(refused.json().at("error").at("message_ka").as_string().empty());
  Advance(1);  // as the chair
}

}  // namespace
}  // namespace saqme
