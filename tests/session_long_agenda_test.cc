// A council session with a long agenda through the real `saqme serve`: the server reads a
// client's command with a traversal limit that follows the command's size, so a workflow that
// read the vote list once per vote ran past it and answered "malformed" on a long agenda.
// A hundred and twenty items are convened, voted and shown; the views equal a rebuild.
#include <string>

#include <gtest/gtest.h>

#include "tests/serve_fixture.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;

class SessionLongAgendaTest : public saqme::testing::ServeFixture {};

TEST_F(SessionLongAgendaTest, AHundredAndTwentyItemsAreConvenedVotedAndShown) {
  Start({"chair", "org-protocol"}, "2026-11-02");
  constexpr int kItems = 120;
  array agenda, votes;
  for (int i = 1; i <= kItems; ++i) {
    agenda.push_back(object{{"question", "საკითხი №" + std::to_string(i)}});
    votes.push_back(object{{"item", i}, {"votes_for", i % 2 ? 9 : 4}, {"votes_against", 2}});
  }
  auto opened = Ok("chair", "",
                   object{{"type", "convene_session"},
                          {"body", "council"},
                          {"session_kind", "regular"},
                          {"date", "2026-11-02"},
                          {"agenda", agenda}});
  ASSERT_TRUE(opened.contains("case_id"));
  const std::string id(opened.at("case_id").as_string());
  auto held = client_->Post(
      "/v1/cases/" + id + "/commands", tokens_.at("org-protocol"),
      object{
          {"command_id", "hold-long"},
          {"command",
           object{{"type", "hold_session"}, {"present", 12}, {"members", 15}, {"votes", votes}}}});
  ASSERT_EQ(held.status, 200) << held.body;
  auto reply = Get("chair", "/v1/cases/" + id);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto view = reply.json().as_object();
  EXPECT_EQ(view.at("state").as_string(), "held");
  const auto& items = view.at("agenda").as_array();
  ASSERT_EQ(items.size(), static_cast<size_t>(kItems));
  EXPECT_TRUE(items.at(0).at("vote").at("adopted").as_bool());   // 9 of 12
  EXPECT_FALSE(items.at(1).at("vote").at("adopted").as_bool());  // 4 of 12
  EXPECT_TRUE(items.at(kItems - 2).at("vote").at("adopted").as_bool());
  ExpectRebuildEqualsLive();
}

}  // namespace
}  // namespace saqme
