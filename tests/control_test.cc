// The control dashboard's drill-down through the real server (`saqme serve --clock simulated`):
// letters and assignments due in different units, a week later some overdue and some due soon;
// unit totals roll up to the parent units, the drilled case lists match the figures they explain,
// and a unit head sees only the work of the unit it controls.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "tests/served.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using saqme::testing::HttpClient;

const char* const kFigures[] = {"open", "due_this_week", "overdue", "answered_on_time",
                                "answered_late"};

class ControlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(served_.ok());
    letter_info_ = Letter("info-public", "2026-03-04");             // overdue by 5 days on 9 March
    letter_sec_ = Letter("sec-legal", "2026-03-12");                // 3 days left
    assignment_info_ = Assign("info-analytics", "2026-03-05");      // overdue by 4
    Assign("org-records", "2026-03-06");                            // overdue by 3
    assignment_deputy_ = Assign("apparatus-deputy", "2026-03-11");  // 2 days left
    Assign("info-public", "2026-03-20");                            // open, not yet due
    Post("/v1/admin/clock/advance", "chair", object{{"days", 7}});
  }

  object Post(const std::string& target, const std::string& post, const object& body) {
    auto reply = served_.http().Post(target, served_.token(post), body);
    EXPECT_TRUE(reply.status == 200 || reply.status == 201) << target << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  std::string Open(const std::string& post, object command) {
    auto opened = Post("/v1/cases", post,
                       object{{"command_id", "open-" + std::to_string(++commands_)},
                              {"command", std::move(command)}});
    return opened.contains("case_id") ? std::string(opened.at("case_id").as_string()) : "";
  }
  // A letter registered today and resolved to `executor` with `due`.
  std::string Letter(const std::string& executor, const std::string& due) {
    const std::string id =
        Open("org-records", object{{"type", "register_incoming"},
                                   {"kind", "correspondence"},
                                   {"channel", "email"},
                                   {"sender", object{{"name", "სამინისტრო"}, {"kind", "agency"}}},
                                   {"subject", "წერილი " + executor},
                                   {"received_on", "2026-03-02"},
                                   {"addressee", "chair"}});
    Post("/v1/cases/" + id + "/commands", "chair",
         object{{"command_id", "resolve-" + id},
                {"command", object{{"type", "assign_resolution"},
                                   {"lead_executor", executor},
                                   {"instruction", "მოამზადეთ პასუხი"},
                                   {"due", due}}}});
    return id;
  }
  std::string Assign(const std::string& assignee, const std::string& due) {
    return Open("chair", object{{"type", "issue_assignment"},
                                {"assignee", assignee},
                                {"instruction", "დავალება " + assignee},
                                {"due", due}});
  }
  object Control(const std::string& post, const std::string& query, int status = 200) {
    auto reply = served_.http().Get("/v1/control" + query, served_.token(post));
    EXPECT_EQ(reply.status, status) << query << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  static const object& Row(const object& control, const char* list, const char* key,
                           const std::string& id) {
    for (const auto& row : control.at(list).as_array()) {
      if (row.at(key) == id.c_str()) return row.as_object();
    }
    ADD_FAILURE() << "no " << key << " " << id << " in " << control;
    static const object none;
    return none;
  }
  static int64_t N(const boost::json::value& v) { return v.to_number<int64_t>(); }

  // Each unit's totals are its own posts' figures plus its sub-units' totals; the answer's totals
  // are all its posts'.
  static void ExpectRolledUp(const object& control) {
    for (const auto& u : control.at("units").as_array()) {
      for (const char* figure : kFigures) {
        int64_t expected = N(u.at(figure));
        for (const auto& child : control.at("units").as_array()) {
          if (child.at("parent") == u.at("unit")) expected += N(child.at("totals").at(figure));
        }
        EXPECT_EQ(N(u.at("totals").at(figure)), expected) << u.at("unit") << " " << figure;
      }
    }
    for (const char* figure : kFigures) {
      int64_t sum = 0;
      for (const auto& p : control.at("posts").as_array()) sum += N(p.at(figure));
      EXPECT_EQ(N(control.at("totals").at(figure)), sum) << figure;
    }
  }
  // Every row's drilled cases are exactly as many as the figure they explain.
  static void ExpectListsMatch(const object& control, const char* figure) {
    for (const auto& p : control.at("posts").as_array()) {
      ASSERT_TRUE(p.as_object().contains("cases")) << p;
      EXPECT_EQ(static_cast<int64_t>(p.at("cases").as_array().size()), N(p.at(figure))) << p;
      for (const auto& c : p.at("cases").as_array()) EXPECT_EQ(c.at("executor"), p.at("post"));
    }
    for (const auto& u : control.at("units").as_array()) {
      EXPECT_EQ(static_cast<int64_t>(u.at("cases").as_array().size()), N(u.at("totals").at(figure)))
          << u;
    }
  }

  // Monday 2 March 2026.
  saqme::testing::Served served_{
      {"org-records", "chair", "info-head", "info-analytics"},
      {"--clock", "simulated", "--clock-start", "2026-03-02", "--watch-interval", "3600"}};
  int commands_ = 0;
  std::string letter_info_, letter_sec_, assignment_info_, assignment_deputy_;
};

TEST_F(ControlTest, TotalsRollUpToTheParentUnits) {
  const object control = Control("org-records", "");  // the records office sees every post
  EXPECT_EQ(control.at("today"), "2026-03-09");
  EXPECT_EQ(N(control.at("totals").at("open")), 6);
  EXPECT_EQ(N(control.at("totals").at("overdue")), 3);
  EXPECT_EQ(N(control.at("totals").at("due_this_week")), 2);
  ExpectRolledUp(control);
  const object& info = Row(control, "units", "unit", "info");
  EXPECT_EQ(N(info.at("overdue")), 2);
  EXPECT_EQ(N(info.at("totals").at("overdue")), 2);
  const object& apparatus = Row(control, "units", "unit", "apparatus");
  EXPECT_EQ(N(apparatus.at("open")), 1);  // its own post: the deputy
  EXPECT_EQ(N(apparatus.at("totals").at("open")), 6);
  EXPECT_EQ(N(Row(control, "units", "unit", "council").at("totals").at("overdue")), 3);
  // Figures alone unless asked.
  EXPECT_FALSE(info.contains("cases"));
  EXPECT_FALSE(control.at("posts").at(0).as_object().contains("cases"));
}

TEST_F(ControlTest, TheOverdueDrillListsTheCasesTheFiguresCount) {
  const object control = Control("org-records", "?drill=overdue");
  EXPECT_EQ(control.at("drill"), "overdue");
  ExpectRolledUp(control);
  ExpectListsMatch(control, "overdue");
  const array& info = Row(control, "units", "unit", "info").at("cases").as_array();
  ASSERT_EQ(info.size(), 2u) << info;
  // In due order: the letter (registered, number 1) first.
  EXPECT_EQ(info[0].at("case_id"), letter_info_.c_str());
  EXPECT_EQ(info[0].at("registration_number"), "1");
  EXPECT_EQ(info[0].at("subject"), "წერილი info-public");
  EXPECT_EQ(info[0].at("executor"), "info-public");
  EXPECT_EQ(info[0].at("due"), "2026-03-04");
  EXPECT_EQ(N(info[0].at("days_overdue")), 5);
  EXPECT_EQ(info[1].at("case_id"), assignment_info_.c_str());
  EXPECT_TRUE(info[1].at("registration_number").is_null());
  EXPECT_EQ(info[1].at("subject"), "დავალება info-analytics");
  EXPECT_EQ(N(info[1].at("days_overdue")), 4);
  // The top unit lists every post's, merged in due order.
  const array& council = Row(control, "units", "unit", "council").at("cases").as_array();
  ASSERT_EQ(council.size(), 3u);
  EXPECT_EQ(council[0].at("due"), "2026-03-04");
  EXPECT_EQ(council[1].at("due"), "2026-03-05");
  EXPECT_EQ(council[2].at("due"), "2026-03-06");
  EXPECT_EQ(council[2].at("executor"), "org-records");
}

TEST_F(ControlTest, TheDueSoonDrillListsWhatIsDueByTheWeeksEnd) {
  const object control = Control("chair", "?drill=due_soon");
  EXPECT_EQ(control.at("week_ends"), "2026-03-15");
  ExpectRolledUp(control);
  ExpectListsMatch(control, "due_this_week");
  const array& deputy = Row(control, "posts", "post", "apparatus-deputy").at("cases").as_array();
  ASSERT_EQ(deputy.size(), 1u);
  EXPECT_EQ(deputy[0].at("case_id"), assignment_deputy_.c_str());
  EXPECT_EQ(N(deputy[0].at("days_left")), 2);
  const array& legal = Row(control, "posts", "post", "sec-legal").at("cases").as_array();
  ASSERT_EQ(legal.size(), 1u);
  EXPECT_EQ(legal[0].at("case_id"), letter_sec_.c_str());
  EXPECT_EQ(N(legal[0].at("days_left")), 3);
  EXPECT_EQ(Row(control, "units", "unit", "council").at("cases").as_array().size(), 2u);
}

TEST_F(ControlTest, AUnitHeadDrillsOnlyIntoTheWorkItControls) {
  const object control = Control("info-head", "?drill=overdue");
  ExpectRolledUp(control);
  ExpectListsMatch(control, "overdue");
  std::set<std::string> listed;
  for (const auto& u : control.at("units").as_array()) {
    for (const auto& c : u.at("cases").as_array()) listed.emplace(c.at("case_id").as_string());
  }
  EXPECT_EQ(listed, (std::set<std::string>{letter_info_, assignment_info_}));
  for (const auto& p : control.at("posts").as_array()) {
    EXPECT_EQ(p.at("unit"), "info") << p;
  }
  // The apparatus above shows only what the viewer controls, rolled up.
  EXPECT_EQ(N(Row(control, "units", "unit", "apparatus").at("totals").at("overdue")), 2);
  // A colleague with no supervision role: its own work only.
  const object own = Control("info-analytics", "?drill=overdue");
  ASSERT_EQ(own.at("posts").as_array().size(), 1u);
  EXPECT_EQ(own.at("posts").at(0).at("cases").as_array().size(), 1u);
  // Narrowed to a unit, nothing above it.
  const object narrowed = Control("chair", "?unit=info&drill=overdue");
  ASSERT_EQ(narrowed.at("units").as_array().size(), 1u) << narrowed;
  EXPECT_EQ(narrowed.at("units").at(0).at("cases").as_array().size(), 2u);
  auto bad = served_.http().Get("/v1/control?drill=late", served_.token("chair"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.error_code(), "bad_request");
}

}  // namespace
}  // namespace saqme
