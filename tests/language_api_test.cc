// What a person reads through the real `saqme serve`, in Georgian: the deadline explanation of a
// case view, the refusals and the details of 400 answers, the alerts' rules and the printed and
// exported journals; and each body's own legal sources (Ozurgeti never cites Zugdidi's statute).
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include <capnp/message.h>

#include "projection/projection.h"
#include "storage/csv.h"
#include "tests/serve_fixture.h"
#include "workflows/proceeding.h"

namespace saqme::testing {
namespace {

using boost::json::array;
using boost::json::object;

// The Latin words of a Georgian text other than `allowed` (post ids, dates and numbers are data).
std::set<std::string> LatinWords(const std::string& text, const std::set<std::string>& allowed) {
  std::set<std::string> out;
  static const std::regex word("[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator();
       ++it) {
    if (!allowed.count(it->str())) out.insert(it->str());
  }
  return out;
}

object Application(const char* addressee) {
  return object{{"type", "register_incoming"},
                {"kind", "application"},
                {"channel", "post"},
                {"sender", object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}},
                {"subject", "მიწის ნაკვეთის საკითხი"},
                {"pages", 2},
                {"received_on", "2026-11-02"},
                {"addressee", addressee}};
}

class LanguageApiTest : public ServeFixture {
 protected:
  HttpClient::Reply Post(const std::string& post, const std::string& case_id, object command) {
    object body{{"command_id", "c-" + std::to_string(++commands_)},
                {"command", std::move(command)}};
    return client_->Post(case_id.empty() ? "/v1/cases" : "/v1/cases/" + case_id + "/commands",
                         tokens_.at(post), body);
  }
  void ExpectCheckPasses() {
    client_.reset();
    server_.reset();
    auto [code, out] = RunCommand(std::string(SAQME_BINARY) + " check --data " + dir_.Sub("data"));
    EXPECT_EQ(code, 0) << out;
  }
};

TEST_F(LanguageApiTest, AnOzurgetiCaseReadsInGeorgianAndCitesTheCouncilsOwnSources) {
  Start({"org-records", "chair", "apparatus-head", "sec-legal", "sec-head"}, "2026-11-02");
  auto opened = Ok("org-records", "", Application("apparatus-head"));
  const std::string id(opened.at("case_id").as_string());
  ASSERT_TRUE(opened.contains("due_explanation_ka")) << boost::json::serialize(opened);

  // The case view: the explanation in both languages, the council's regulations, no Zugdidi.
  auto view = Get("chair", "/v1/cases/" + id).json().as_object();
  const std::string en(view.at("due_explanation").as_string());
  const std::string ka(view.at("due_explanation_ka").as_string());
  EXPECT_NE(en.find("Regulations of the Ozurgeti Municipal Council"), std::string::npos) << en;
  EXPECT_EQ(en.find("Zugdidi"), std::string::npos) << en;
  EXPECT_NE(ka.find("ოზურგეთის მუნიციპალიტეტის საკრებულოს რეგლამენტი"), std::string::npos) << ka;
  EXPECT_NE(ka.find("საქართველოს სამოქალაქო კოდექსი"), std::string::npos) << ka;
  EXPECT_EQ(ka.find("ზუგდიდ"), std::string::npos) << ka;
  EXPECT_TRUE(LatinWords(ka, {}).empty()) << ka;

  // A refusal for the state names the command and the stage in Georgian.
  auto early = Post("apparatus-head", id, object{{"type", "confirm_receipt"}});
  ASSERT_EQ(early.status, 422) << early.body;
  const std::string refused(early.json().at("error").at("message_ka").as_string());
  EXPECT_NE(refused.find("„მიღების დადასტურება“"), std::string::npos) << refused;
  EXPECT_NE(refused.find("„რეგისტრირებული“"), std::string::npos) << refused;
  EXPECT_TRUE(LatinWords(refused, {}).empty()) << refused;
  EXPECT_NE(early.json().at("error").at("message").as_string().find("'registered'"),
            std::string::npos);
  // A 403 names the power in Georgian; post ids are the only Latin in it.
  auto forbidden = Post("org-records", id,
                        object{{"type", "assign_resolution"},
                               {"lead_executor", "sec-legal"},
                               {"instruction", "მოამზადეთ პასუხი"},
                               {"on_control", true}});
  ASSERT_EQ(forbidden.status, 403) << forbidden.body;
  EXPECT_TRUE(LatinWords(std::string(forbidden.json().at("error").at("message_ka").as_string()),
                         {"org-records", "apparatus-head"})
                  .empty())
      << forbidden.body;

  // The details of a 400: the field by its Georgian label and what is wrong, in Georgian.
  auto pages = Application("apparatus-head");
  pages["pages"] = "two";
  auto bad = Post("org-records", "", pages);
  ASSERT_EQ(bad.status, 400) << bad.body;
  const std::string bad_ka(bad.json().at("error").at("message_ka").as_string());
  EXPECT_NE(bad_ka.find("„ფურცლების რაოდენობა“"), std::string::npos) << bad_ka;
  EXPECT_NE(bad_ka.find("მოსალოდნელია მთელი რიცხვი"), std::string::npos) << bad_ka;
  auto kind = Application("apparatus-head");
  kind["kind"] = "memo";
  bad = Post("org-records", "", kind);
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.json().at("error").at("message_ka").as_string().find("application (განცხადება)"),
            std::string::npos)
      << bad.body;

  // The alerts: the rule and the explanation in Georgian.
  Ok("apparatus-head", id,
     object{{"type", "assign_resolution"},
            {"lead_executor", "sec-legal"},
            {"instruction", "მოამზადეთ პასუხი"},
            {"on_control", true}});
  for (int days : {25, 7}) {  // to the reminder (2026-11-27), then past the due date
    ASSERT_EQ(client_->Post("/v1/admin/clock/advance", tokens_.at("chair"), object{{"days", days}})
                  .status,
              200);
  }
  // The executor's reminders, the unit head's miss.
  const boost::json::value executor = Get("sec-legal", "/v1/alerts").json();
  const boost::json::value head = Get("sec-head", "/v1/alerts").json();
  array all = executor.at("alerts").as_array();
  for (const auto& alert : head.at("alerts").as_array()) all.push_back(alert);
  bool missed = false, reminded = false;
  for (const auto& alert : all) {
    const auto& a = alert.as_object();
    const std::string rule_ka(a.at("rule_ka").as_string());
    EXPECT_NE(rule_ka, std::string(a.at("rule").as_string()));
    EXPECT_TRUE(LatinWords(rule_ka, {}).empty()) << rule_ka;
    EXPECT_NE(a.at("due_explanation_ka").as_string().find("ოზურგეთის"), std::string::npos);
    missed = missed || a.at("type") == "deadline_missed";
    reminded = reminded || a.at("type") == "deadline_approaching";
    if (a.at("type") == "deadline_missed") {
      EXPECT_NE(rule_ka.find("ვადა 2026-12-02 გავიდა"), std::string::npos) << rule_ka;
    }
  }
  EXPECT_TRUE(missed) << all;
  EXPECT_TRUE(reminded) << all;

  // The journal: Georgian values beside the codes, printed in Georgian.
  auto journal = Get("chair", "/v1/journals/incoming?year=2026").json();
  const auto& entry = journal.at("entries").as_array().at(0).as_object();
  EXPECT_EQ(entry.at("kind"), "application");
  EXPECT_EQ(entry.at("kind_ka"), "განცხადება");
  EXPECT_EQ(entry.at("channel_ka"), "ფოსტა");
  EXPECT_EQ(entry.at("addressee_ka"), "აპარატის უფროსი");
  auto html = Get("chair", "/v1/journals/incoming?year=2026&format=html");
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("<td>განცხადება</td>"), std::string::npos) << html.body;
  EXPECT_NE(html.body.find("<td>ფოსტა</td>"), std::string::npos);
  EXPECT_NE(html.body.find("<td>აპარატის უფროსი</td>"), std::string::npos);
  EXPECT_EQ(html.body.find("<td>application</td>"), std::string::npos);
  EXPECT_EQ(html.body.find("<td>apparatus-head</td>"), std::string::npos);
  auto csv = Get("chair", "/v1/journals/incoming?year=2026&format=csv");
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(storage::ParseCsv(csv.body.substr(3), &rows));
  ASSERT_EQ(rows.size(), 2u);
  const auto& header = rows[0];
  const auto at = std::find(header.begin(), header.end(), "kind_ka");
  ASSERT_NE(at, header.end());
  EXPECT_EQ(rows[1][at - header.begin()], "განცხადება");
  auto delivery = Get("chair", "/v1/journals/delivery?year=2026").json();
  ASSERT_TRUE(delivery.is_object());

  ExpectCheckPasses();
}

TEST_F(LanguageApiTest, AZugdidiCaseCitesTheMayoraltysStatute) {
  const std::string tokens = dir_.Sub("tokens.txt");
  for (const char* post : {"records-clerk", "mayor"}) {
    tokens_[post] = api::TokenStore::Add(tokens, post).value();
  }
  server_ = std::make_unique<ServeProcess>(
      dir_.Sub("data"), tokens,
      std::vector<std::string>{"--clock", "simulated", "--clock-start", "2026-11-02", "--org",
                               "zugdidi"});
  ASSERT_NE(server_->port(), 0);
  client_ = std::make_unique<HttpClient>(server_->port());
  auto opened = Ok("records-clerk", "", Application("mayor"));
  const std::string id(opened.at("case_id").as_string());
  auto view = Get("mayor", "/v1/cases/" + id).json().as_object();
  EXPECT_NE(view.at("due_explanation").as_string().find("Zugdidi statute art. 28.1"),
            std::string::npos)
      << view;
  EXPECT_NE(view.at("due_explanation_ka")
                .as_string()
                .find("ზუგდიდის მუნიციპალიტეტის მერიის დებულება, მუხლი 28.1"),
            std::string::npos)
      << view;
  EXPECT_EQ(view.at("due_explanation").as_string().find("Ozurgeti"), std::string::npos);
}

// An event recorded before the Georgian fields replays with them empty; the view then shows the
// English in the Georgian field, so a client always has a text to show.
TEST(LanguageViewTest, AnOldEventWithoutGeorgianShowsItsEnglishInTheGeorgianField) {
  capnp::MallocMessageBuilder message;
  auto event = message.initRoot<schema::Event>();
  event.setCaseId("case-old");
  event.setCaseVersion(1);
  event.getActor().setPost("org-records");
  auto r = event.initPayload().initIncomingRegistered();
  r.setKind(schema::IncomingKind::APPLICATION);
  r.setChannel("post");
  r.initSender().setName("ნინო");
  r.setSubject("განცხადება");
  r.setReceivedOn("2026-11-02");
  r.setAddressee("chair");
  r.setRegistrationNumber("1");
  r.setDue("2026-12-02");
  r.setDueExplanation("rule: months:1 (recorded before the Georgian explanations)");
  workflows::CaseState state;
  state.case_id = "case-old";
  workflows::Evolve(state, event.asReader());
  EXPECT_EQ(state.due_explanation_ka, "");
  const auto view = engine::CaseView(state);
  EXPECT_EQ(view.at("due_explanation_ka"), view.at("due_explanation"));
}

}  // namespace
}  // namespace saqme::testing
