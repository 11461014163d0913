// The HTTP API against the real server on a loopback port: whole proceedings, every error code,
// retries, conflicts and racing clients.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

#include <capnp/serialize.h>

#include "api/api.h"
#include "api/command_json.h"
#include "api/http_server.h"
#include "engine/engine.h"
#include "replay/audit_export.h"
#include "replay/view_rebuild.h"
#include "storage/csv.h"
#include "tests/http_client.h"
#include "tests/test_util.h"

namespace saqme::api {
namespace {

using boost::json::object;
using saqme::testing::HttpClient;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine::EngineOptions options;
    options.clock = [this] { return now_.load(); };
    auto engine = engine::Engine::Open(dir_.Sub("data"), options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine.value());
    const std::string tokens_file = dir_.Sub("tokens.txt");
    for (const char* post :
         {"org-records", "chair", "apparatus-head", "apparatus-deputy", "sec-legal",
          "sec-juridical", "info-public", "info-web", "org-head", "sec-hr"}) {
      tokens_[post] = TokenStore::Add(tokens_file, post).value();
    }
    api_ = std::make_unique<Api>(engine_.get(), TokenStore::Load(tokens_file).value(),
                                 &workflows::OrgChart::Ozurgeti(), [this] { return now_.load(); });
    ServerOptions server_options;
    server_options.port = 0;
    server_options.max_body_bytes = 64 << 10;
    server_options.read_timeout_seconds = 5;
    auto server = HttpServer::Start(server_options, api_->Handler());
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server.value());
    client_ = std::make_unique<HttpClient>(server_->port());
  }
  void TearDown() override {
    client_.reset();
    server_.reset();
    engine_.reset();
  }

  // POST a command (opening when case_id is empty); returns the reply.
  HttpClient::Reply Command(const std::string& post, const std::string& case_id, object command,
                            std::string command_id = "", int expected = -1) {
    object body{
        {"command_id", command_id.empty() ? "cmd-" + std::to_string(++commands_) : command_id},
        {"command", std::move(command)}};
    if (expected >= 0) body["expected_version"] = expected;
    return client_->Post(case_id.empty() ? "/v1/cases" : "/v1/cases/" + case_id + "/commands",
                         tokens_.at(post), body);
  }
  // The command must succeed; returns its JSON.
  object Ok(const std::string& post, const std::string& case_id, object command) {
    auto reply = Command(post, case_id, std::move(command));
    EXPECT_TRUE(reply.status == 200 || reply.status == 201) << post << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  std::string State(const std::string& case_id) {
    auto reply = client_->Get("/v1/cases/" + case_id, tokens_.at("chair"));
    return reply.status == 200 ? std::string(reply.json().at("state").as_string()) : reply.body;
  }
  static object Register(const char* kind, const char* addressee) {
    return object{{"type", "register_incoming"},
                  {"kind", kind},
                  {"channel", "post"},
                  {"sender", object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}},
                  {"subject", "საკრებულოს დადგენილების ასლი"},
                  {"summary", "ითხოვს ასლს"},
                  {"pages", 2},
                  {"received_on", "2026-11-02"},
                  {"addressee", addressee}};
  }

  // `saqme check`: the live views equal a rebuild from the log.
  void ExpectViewsMatchARebuild() {
    auto rebuilt = replay::Rebuild(engine_->log(), replay::ViewSetup{});
    ASSERT_TRUE(rebuilt.ok()) << rebuilt.status().ToString();
    auto differences = replay::CompareWithLive(
        engine_->log(), *rebuilt.value(), [](const replay::ViewDifference& d) {
          ADD_FAILURE() << d.family << " " << d.key << ": " << d.live.value_or("-") << " vs "
                        << d.rebuilt.value_or("-");
        });
    ASSERT_TRUE(differences.ok());
    EXPECT_EQ(differences.value(), 0u);
  }

  saqme::testing::TempDir dir_;
  std::atomic<int64_t> now_{1793599200000};  // Monday 2026-11-02 10:00 Tbilisi
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<engine::Engine> engine_;
  std::unique_ptr<Api> api_;
  std::unique_ptr<HttpServer> server_;
  std::unique_ptr<HttpClient> client_;
  int commands_ = 0;
};

TEST_F(ApiTest, ACitizensApplicationFromRegistrationToFiling) {
  Ok("chair", "",
     object{{"type", "approve_nomenclature"},
            {"year", 2026},
            {"files", boost::json::array{object{{"code", "02-01"}, {"title", "განცხადებები"}}}}});
  auto opened = Command("org-records", "", Register("application", "apparatus-head"));
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string id(opened.json().at("case_id").as_string());
  EXPECT_EQ(opened.json().at("registration_number").as_string(), "1");
  EXPECT_EQ(opened.json().at("due").as_string(), "2026-12-02");
  EXPECT_NE(opened.json().at("due_explanation").as_string().find("Ozurgeti"), std::string::npos);
  EXPECT_EQ(opened.json().at("due_explanation").as_string().find("Zugdidi"), std::string::npos);

  Ok("apparatus-head", id,
     object{{"type", "assign_resolution"},
            {"lead_executor", "sec-legal"},
            {"instruction", "გასცეს ასლი"},
            {"on_control", true}});
  Ok("sec-legal", id, object{{"type", "confirm_receipt"}});
  Ok("sec-legal", id, object{{"type", "draft_answer"}, {"text", "ასლი თან ერთვის"}});
  Ok("org-head", id, object{{"type", "endorse"}});
  Ok("apparatus-head", id,
     object{{"type", "decide"}, {"outcome", "granted"}, {"text", "დაკმაყოფილდეს"}});
  Ok("apparatus-head", id, object{{"type", "sign"}});
  auto dispatched = Ok("org-records", id, object{{"type", "dispatch"}, {"channel", "post"}});
  EXPECT_EQ(dispatched.at("events").as_array()[0].at("data").at("outgoing_number").as_string(),
            "1");
  Ok("org-records", id, object{{"type", "file"}, {"nomenclature_code", "02-01"}});
  EXPECT_EQ(State(id), "filed");

  auto history = client_->Get("/v1/cases/" + id + "/history", tokens_.at("chair"));
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.json().at("events").as_array().size(), 9u);
  auto journal = client_->Get("/v1/journals/outgoing?year=2026", tokens_.at("chair"));
  EXPECT_EQ(journal.json().at("entries").as_array().size(), 1u);
  auto nomenclature = client_->Get("/v1/nomenclature?year=2026", tokens_.at("org-records"));
  EXPECT_EQ(nomenclature.json().at("cases").as_array()[0].at("code").as_string(), "02-01");
}

TEST_F(ApiTest, ALetterOnTheBodysOwnInitiativeGoesOutNumberedInTheOutgoingJournal) {
  Ok("chair", "",
     object{{"type", "approve_nomenclature"},
            {"year", 2026},
            {"files", boost::json::array{object{{"code", "01-12"}, {"title", "გასული"}}}}});
  const object letter{
      {"type", "draft_letter"},
      {"recipient", object{{"name", "ლენტეხის მუნიციპალიტეტის მერია"}, {"kind", "agency"}}},
      {"subject", "ინფორმაციის გამოთხოვა"},
      {"text", "გთხოვთ, მოგვაწოდოთ ინფორმაცია"}};
  // It opens a case: sent to an existing case it is a bad request.
  EXPECT_EQ(Command("sec-legal", "case-x", letter).status, 400);
  auto opened = Command("sec-legal", "", letter);
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string id(opened.json().at("case_id").as_string());
  auto view = client_->Get("/v1/cases/" + id, tokens_.at("chair")).json();
  EXPECT_EQ(view.at("kind").as_string(), "outgoing_letter");
  EXPECT_EQ(view.at("state").as_string(), "answer_drafted");
  EXPECT_EQ(view.at("recipient").as_string(), "ლენტეხის მუნიციპალიტეტის მერია");
  EXPECT_EQ(view.at("executor").as_string(), "sec-legal");  // its author
  EXPECT_FALSE(view.as_object().contains("addressee"));
  EXPECT_FALSE(view.as_object().contains("registered_on"));
  // The head of the apparatus signs for the secretariat's specialist: it waits in that inbox.
  auto inbox = client_->Get("/v1/inbox", tokens_.at("apparatus-head")).json();
  ASSERT_EQ(inbox.at("items").as_array().size(), 1u);
  EXPECT_EQ(inbox.at("items").as_array()[0].at("case_id").as_string(), id);
  EXPECT_EQ(Command("chair", id, object{{"type", "sign"}}).status, 403);
  Ok("apparatus-head", id, object{{"type", "sign"}});
  auto dispatched = Ok("org-records", id, object{{"type", "dispatch"}, {"channel", "exchange"}});
  EXPECT_EQ(dispatched.at("events").as_array()[0].at("data").at("outgoing_number").as_string(),
            "1");
  Ok("org-records", id, object{{"type", "file"}, {"nomenclature_code", "01-12"}});
  EXPECT_EQ(State(id), "filed");
  auto journal = client_->Get("/v1/journals/outgoing?year=2026", tokens_.at("chair")).json();
  ASSERT_EQ(journal.at("entries").as_array().size(), 1u);
  EXPECT_EQ(journal.at("entries").as_array()[0].at("case_id").as_string(), id);
  EXPECT_EQ(journal.at("entries").as_array()[0].at("recipient").as_string(),
            "ლენტეხის მუნიციპალიტეტის მერია");
  EXPECT_EQ(client_->Get("/v1/journals/incoming?year=2026", tokens_.at("chair"))
                .json()
                .at("entries")
                .as_array()
                .size(),
            0u);
}

TEST_F(ApiTest, APublicInformationRefusalAndItsRightsExplanation) {
  auto opened = Command("org-records", "", Register("public_information", "apparatus-head"));
  const std::string id(opened.json().at("case_id").as_string());
  EXPECT_EQ(opened.json().at("due").as_string(), "2026-11-12");  // ten days
  Ok("apparatus-head", id,
     object{{"type", "assign_resolution"}, {"lead_executor", "info-public"}, {"instruction", "ი"}});
  Ok("info-public", id, object{{"type", "confirm_receipt"}});
  auto inbox = client_->Get("/v1/inbox", tokens_.at("info-public"));
  EXPECT_EQ(inbox.json().at("items").as_array().size(), 1u);
  Ok("info-public", id,
     object{{"type", "refuse_information"},
            {"text", "პერსონალური მონაცემები"},
            {"ground", "personal_data"}});
  EXPECT_EQ(State(id), "information_refused");
  Ok("info-public", id,
     object{{"type", "explain_rights"}, {"text", "გასაჩივრება ერთი თვის ვადაში"}});
  EXPECT_EQ(State(id), "answered");
  auto register_ = client_->Get("/v1/journals/public_information", tokens_.at("chair"));
  EXPECT_EQ(register_.json().at("entries").as_array().size(), 1u);
}

TEST_F(ApiTest, ALegalActFromDraftToForceAndAnAssignment) {
  auto act = Ok("sec-legal", "",
                object{{"type", "draft_act"},
                       {"act_type", "resolution"},
                       {"issuer", "chair"},
                       {"title", "საკრებულოს რეგლამენტი"},
                       {"text", "მუხლი 1."}});
  const std::string id(act.at("case_id").as_string());
  Ok("sec-juridical", id, object{{"type", "give_expertise"}, {"text", "შეესაბამება კანონს"}});
  Ok("chair", id,
     object{{"type", "adopt"},
            {"session_date", "2026-11-02"},
            {"votes_for", 20},
            {"votes_against", 3}});
  Ok("org-records", id, object{{"type", "register_act"}});
  Ok("info-web", id,
     object{
         {"type", "publish"}, {"channel", "legislative_herald"}, {"published_on", "2026-11-02"}});
  EXPECT_EQ(State(id), "in_force");
  auto acts = client_->Get("/v1/journals/acts-resolution?year=2026", tokens_.at("chair"));
  EXPECT_EQ(acts.json().at("entries").as_array().size(), 1u);

  auto task = Ok("org-head", "",
                 object{{"type", "issue_assignment"},
                        {"assignee", "org-records"},
                        {"instruction", "ნომენკლატურის პროექტი"},
                        {"due", "2026-11-20"}});
  const std::string task_id(task.at("case_id").as_string());
  Ok("org-records", task_id, object{{"type", "accept"}});
  Ok("org-records", task_id, object{{"type", "complete"}, {"text", "მომზადდა"}});
  Ok("org-head", task_id, object{{"type", "review"}, {"accepted", true}});
  EXPECT_EQ(State(task_id), "reviewed");
}

TEST_F(ApiTest, RetriesReturnTheFirstResultAndConflictsAreNamed) {
  auto first = Command("org-records", "", Register("correspondence", "chair"), "client-7");
  ASSERT_EQ(first.status, 201);
  auto again = Command("org-records", "", Register("correspondence", "chair"), "client-7");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json().at("duplicate").as_bool());
  EXPECT_EQ(again.json().at("case_id"), first.json().at("case_id"));
  // A retry's headline is read from the case as it stands, the first answer's from its state.
  for (const char* key : {"registration_number", "due", "due_explanation", "kind", "state"}) {
    EXPECT_EQ(again.json().at(key), first.json().at(key)) << key;
  }
  const std::string id(first.json().at("case_id").as_string());
  auto stale = Command("chair", id,
                       object{{"type", "assign_resolution"},
                              {"lead_executor", "info-public"},
                              {"instruction", "მოამზადეთ"}},
                       "", 0);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.error_code(), "conflict");
  auto journal = client_->Get("/v1/journals/incoming", tokens_.at("chair"));
  EXPECT_EQ(journal.json().at("entries").as_array().size(), 1u);
}

// A command id is a promise that the same command is meant: a true retry answers the first
// result, anything else under that id is 409 command_id_reused naming the first command.
TEST_F(ApiTest, ACommandIdReusedForAnotherCommandOrByAnotherPostIsRefused) {
  auto first = Command("org-records", "", Register("correspondence", "chair"), "client-9");
  ASSERT_EQ(first.status, 201) << first.body;
  const std::string id(first.json().at("case_id").as_string());

  object other_letter = Register("correspondence", "chair");
  other_letter["subject"] = "სხვა წერილი";
  auto reused = Command("org-records", "", other_letter, "client-9");
  EXPECT_EQ(reused.status, 409) << reused.body;
  EXPECT_EQ(reused.error_code(), "command_id_reused");
  const std::string message(reused.json().at("error").at("message").as_string());
  for (const std::string& part : {std::string("register_incoming"), id,
                                  std::string("by org-records"), std::string("2026-11-02")}) {
    EXPECT_NE(message.find(part), std::string::npos) << part << " in " << message;
  }
  EXPECT_NE(std::string(reused.json().at("error").at("message_ka").as_string())
                .find("„დოკუმენტის რეგისტრაცია“, საქმე " + id),
            std::string::npos)
      << reused.body;
  // The same bytes from another post are not a retry either (a second post believes it acted).
  auto other_post = Command("chair", "", Register("correspondence", "chair"), "client-9");
  EXPECT_EQ(other_post.status, 409);
  EXPECT_EQ(other_post.error_code(), "command_id_reused");
  // On a case command, too: another post's id is not a retry.
  object resolve{{"type", "assign_resolution"},
                 {"lead_executor", "info-public"},
                 {"instruction", "მოამზადეთ"}};
  ASSERT_EQ(Command("chair", id, resolve, "client-10").status, 200);
  object other_resolution = resolve;
  other_resolution["lead_executor"] = "info-web";
  EXPECT_EQ(Command("chair", id, other_resolution, "client-10").error_code(), "command_id_reused");

  // A true retry, in JSON with or without expected_version, or the same command in Cap'n Proto.
  auto retry = Command("org-records", "", Register("correspondence", "chair"), "client-9");
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_TRUE(retry.json().at("duplicate").as_bool());
  EXPECT_EQ(Command("chair", id, resolve, "client-10", 1).json().at("duplicate"), true);
  capnp::MallocMessageBuilder message_builder;
  ASSERT_TRUE(CommandFromJson(Register("correspondence", "chair"), message_builder).ok());
  message_builder.getRoot<schema::Command>().setCommandId("client-9");
  auto words = capnp::messageToFlatArray(message_builder);
  auto bytes = words.asChars();
  auto binary =
      client_->Send(boost::beast::http::verb::post, "/v1/cases", tokens_.at("org-records"),
                    std::string(bytes.begin(), bytes.end()), "application/x-capnp");
  EXPECT_EQ(binary.status, 200) << binary.body;
  EXPECT_TRUE(binary.json().at("duplicate").as_bool());

  auto journal = client_->Get("/v1/journals/incoming", tokens_.at("chair"));
  EXPECT_EQ(journal.json().at("entries").as_array().size(), 1u);
  ExpectViewsMatchARebuild();
}

// What a body says must be what is recorded: NUL and keys given twice are refused in every JSON
// body; required text must say something; closed lists and dates are checked before the engine.
TEST_F(ApiTest, BadTextInJsonIsRefusedWith400NamingTheField) {
  const std::string records = tokens_.at("org-records");
  auto open = [&](const std::string& body) {
    return client_->Send(boost::beast::http::verb::post, "/v1/cases", records, body);
  };
  auto message = [](const HttpClient::Reply& reply) {
    return std::string(reply.json().at("error").at("message").as_string());
  };
  std::string with_nul = boost::json::serialize(
      object{{"command_id", "nul-1"}, {"command", Register("correspondence", "chair")}});
  with_nul.replace(with_nul.find("საკრებულოს"), 0, "ა\\u0000");
  auto nul = open(with_nul);
  EXPECT_EQ(nul.status, 400) << nul.body;
  EXPECT_NE(message(nul).find("command.subject"), std::string::npos) << nul.body;
  EXPECT_NE(message(nul).find("NUL"), std::string::npos);

  const std::string twice =
      R"({"command_id":"dup-1","command":{"type":"register_incoming","kind":"correspondence",)"
      R"("channel":"post","sender":{"name":"ა","name":"ბ","kind":"citizen"},"subject":"ს",)"
      R"("received_on":"2026-11-02","addressee":"chair"}})";
  auto duplicate = open(twice);
  EXPECT_EQ(duplicate.status, 400) << duplicate.body;
  EXPECT_NE(message(duplicate).find("command.sender.name: the key is given twice"),
            std::string::npos)
      << duplicate.body;
  EXPECT_EQ(open(R"({"command_id":"a","command_id":"b","command":{"type":"sign"}})").status, 400);
  // Every JSON body, not only commands: a login with the password given twice.
  auto login = client_->Send(boost::beast::http::verb::post, "/v1/session", "",
                             R"({"login":"u","password":"p","password":"q"})");
  EXPECT_EQ(login.status, 400) << login.body;

  auto field = [&](const char* name, boost::json::value value, const char* sub = nullptr) {
    object command = Register("correspondence", "chair");
    if (sub) {
      command[name].as_object()[sub] = std::move(value);
    } else {
      command[name] = std::move(value);
    }
    return Command("org-records", "", std::move(command));
  };
  auto blank_name = field("sender", " \t ", "name");
  EXPECT_EQ(blank_name.status, 400);
  EXPECT_NE(message(blank_name).find("command.sender.name: is required and must not be blank"),
            std::string::npos)
      << blank_name.body;
  auto blank_subject = field("subject", "   ");
  EXPECT_NE(message(blank_subject).find("command.subject: is required"), std::string::npos);
  EXPECT_FALSE(blank_subject.json().at("error").at("message_ka").as_string().empty());
  object no_subject = Register("correspondence", "chair");
  no_subject.erase("subject");
  EXPECT_EQ(Command("org-records", "", no_subject).status, 400);
  // Optional text may stay empty.
  EXPECT_EQ(field("summary", "").status, 201);

  auto fax = field("channel", "fax");
  EXPECT_EQ(fax.status, 400);
  EXPECT_NE(message(fax).find("command.channel: 'fax' is not one of: post (Post)"),
            std::string::npos)
      << fax.body;
  EXPECT_EQ(field("channel", "courier").status, 201);

  auto february = field("received_on", "2026-02-30");
  EXPECT_EQ(february.status, 400);
  EXPECT_NE(message(february).find("command.received_on: 2026-02-30 is a date that does not exist"),
            std::string::npos)
      << february.body;
  EXPECT_NE(std::string(february.json().at("error").at("message_ka").as_string())
                .find("ასეთი თარიღი არ არსებობს"),
            std::string::npos);
  EXPECT_EQ(field("stated_due", "2026-13-01").status, 400);

  // The command schema offers the closed lists as enums with both labels.
  const auto schema = client_->Get("/v1/commands/schema", records).json();
  auto channel_of = [&](const char* type) {
    for (const auto& command : schema.at("commands").as_array()) {
      if (command.at("type") != type) continue;
      for (const auto& f : command.at("fields").as_array()) {
        if (f.at("name") == "channel") return f.as_object();
      }
    }
    return object();
  };
  const auto incoming = channel_of("register_incoming");
  EXPECT_EQ(incoming.at("type"), "enum");
  std::vector<std::string> values;
  for (const auto& v : incoming.at("values").as_array()) {
    values.emplace_back(v.at("value").as_string());
    EXPECT_FALSE(v.at("label_ka").as_string().empty());
    EXPECT_FALSE(v.at("label_en").as_string().empty());
  }
  EXPECT_EQ(values, (std::vector<std::string>{"post", "email", "website", "reception", "phone",
                                              "courier", "exchange"}));
  EXPECT_EQ(channel_of("dispatch").at("values").as_array().size(), 5u);
  EXPECT_EQ(channel_of("dispatch").at("values").as_array()[2].at("label_ka"), "ხელზე გადაცემა");
  // Only the three good registrations were written.
  EXPECT_EQ(client_->Get("/v1/journals/incoming", records).json().at("entries").as_array().size(),
            2u);
}

// A resolution's due date on a Saturday becomes Monday, and the case says why; an application's
// deadline is not extended once its answer is signed; an act is amended only by an act in force.
TEST_F(ApiTest, DueDatesRollExtensionsStopAtSigningAndActsChangeOnlyByActsInForce) {
  auto opened = Command("org-records", "", Register("correspondence", "chair"));
  ASSERT_EQ(opened.status, 201);
  const std::string id(opened.json().at("case_id").as_string());
  Ok("chair", id,
     object{{"type", "assign_resolution"},
            {"lead_executor", "info-public"},
            {"instruction", "მოამზადეთ"},
            {"due", "2026-11-21"}});
  auto view = client_->Get("/v1/cases/" + id, tokens_.at("chair")).json();
  EXPECT_EQ(view.at("due"), "2026-11-24");  // after Saturday, Sunday and St George's Day
  EXPECT_NE(std::string(view.at("due_explanation").as_string()).find("Civil Code of Georgia"),
            std::string::npos)
      << view;

  const std::string application(
      Command("org-records", "", Register("application", "apparatus-head"))
          .json()
          .at("case_id")
          .as_string());
  Ok("apparatus-head", application,
     object{{"type", "assign_resolution"}, {"lead_executor", "sec-legal"}, {"instruction", "ი"}});
  Ok("sec-legal", application, object{{"type", "confirm_receipt"}});
  Ok("sec-legal", application, object{{"type", "draft_answer"}, {"text", "პასუხი"}});
  Ok("apparatus-head", application,
     object{{"type", "decide"}, {"outcome", "granted"}, {"text", "დაკმაყოფილდეს"}});
  Ok("apparatus-head", application, object{{"type", "sign"}});
  auto late = Command(
      "apparatus-head", application,
      object{{"type", "extend_deadline"}, {"new_due", "2026-12-20"}, {"reason", "რთული საქმე"}});
  EXPECT_EQ(late.status, 422) << late.body;
  EXPECT_NE(late.body.find("already signed"), std::string::npos);

  // An order in force, and another that names a made-up act or itself.
  auto act = [&](const char* title) {
    auto drafted = Command("sec-legal", "",
                           object{{"type", "draft_act"},
                                  {"act_type", "order"},
                                  {"issuer", "apparatus-head"},
                                  {"title", title},
                                  {"text", "ტექსტი"}});
    EXPECT_EQ(drafted.status, 201) << drafted.body;
    const std::string case_id(drafted.json().at("case_id").as_string());
    Ok("sec-juridical", case_id, object{{"type", "give_expertise"}, {"text", "კანონიერია"}});
    Ok("apparatus-head", case_id, object{{"type", "adopt"}});
    Ok("org-records", case_id, object{{"type", "register_act"}});
    Ok("info-web", case_id,
       object{{"type", "publish"}, {"channel", "website"}, {"published_on", "2026-11-02"}});
    Ok("org-records", case_id, object{{"type", "notify"}, {"notified_on", "2026-11-02"}});
    return case_id;
  };
  const std::string amended = act("ბრძანება 1");
  for (const std::string& by : {std::string("act-that-is-not"), amended}) {
    auto refused = Command("org-records", amended, object{{"type", "amend"}, {"by_act", by}});
    EXPECT_EQ(refused.status, 422) << by << ": " << refused.body;
  }
  const std::string amending = act("ბრძანება 2");
  auto change = Ok("org-records", amended, object{{"type", "amend"}, {"by_act", amending}});
  const std::string number(client_->Get("/v1/cases/" + amending, tokens_.at("chair"))
                               .json()
                               .at("act_number")
                               .as_string());
  EXPECT_EQ(change.at("events").as_array()[0].at("data").at("by_act_number").as_string(), number);
  ExpectViewsMatchARebuild();
}

// The exports people open in a spreadsheet: a BOM first, and no cell that runs as a formula.
TEST_F(ApiTest, AuditCsvStartsWithABomAndNeutralisesFormulaCells) {
  object letter = Register("correspondence", "chair");
  letter["subject"] = "=HYPERLINK(1)";
  letter["sender"].as_object()["name"] = "@SUM(A1)";
  auto opened = Command("org-records", "", letter, "=1+2");  // the id is a cell of the history
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string id(opened.json().at("case_id").as_string());
  auto csv = client_->Get("/v1/cases/" + id + "/history?format=csv", tokens_.at("chair"));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.rfind(storage::kCsvBom, 0), 0u);
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(storage::ParseCsv(csv.body.substr(3), &rows));
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& cell : rows[1]) {
    EXPECT_TRUE(cell.empty() || std::string_view("=+-@\t\r").find(cell[0]) == std::string::npos)
        << cell;
  }
  EXPECT_EQ(rows[1][9], "'=1+2");  // command_id
  // The export still verifies against the hashed log.
  EXPECT_TRUE(replay::VerifyExport(csv.body).ok) << replay::VerifyExport(csv.body).problem;
  auto journal = client_->Get("/v1/journals/incoming?format=csv", tokens_.at("chair"));
  EXPECT_NE(journal.body.find(",'=HYPERLINK"), std::string::npos) << journal.body;
  EXPECT_NE(journal.body.find("'@SUM(A1)"), std::string::npos);
  EXPECT_EQ(storage::NeutralisedCell("-1"), "'-1");
  EXPECT_EQ(storage::NeutralisedCell("\tx"), "'\tx");
  EXPECT_EQ(storage::NeutralisedCell("ა=1"), "ა=1");
}

TEST_F(ApiTest, AJournalYearAsCsvAndAsAPrintablePageInNumberOrder) {
  // Twelve letters, so that number order (1, 2, …, 10, 11, 12) differs from text order; one
  // subject carries the characters CSV and HTML must quote.
  const std::string tricky = "ბიუჯეტი, \"2027\" <პროექტი> & ცვლილება\nმეორე ხაზი";
  for (int i = 1; i <= 12; ++i) {
    auto command = Register("correspondence", "chair");
    command["subject"] = i == 7 ? tricky : "წერილი " + std::to_string(i);
    Ok("org-records", "", command);
  }
  const std::string& chair = tokens_.at("chair");
  auto json = client_->Get("/v1/journals/incoming?year=2026", chair).json();
  const auto& entries = json.at("entries").as_array();
  ASSERT_EQ(entries.size(), 12u);

  auto csv = client_->Get("/v1/journals/incoming?year=2026&format=csv", chair);
  ASSERT_EQ(csv.status, 200) << csv.body;
  ASSERT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);  // a spreadsheet reads it as UTF-8
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(storage::ParseCsv(csv.body.substr(3), &rows));
  ASSERT_EQ(rows.size(), 13u);
  const auto& header = rows[0];
  ASSERT_GE(header.size(), 3u);
  EXPECT_EQ(header[0], "number");
  EXPECT_EQ(header[1], "date");
  EXPECT_EQ(header[2], "case_id");
  const auto column = [&](const std::string& name) {
    return static_cast<size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  ASSERT_LT(column("subject"), header.size());
  ASSERT_LT(column("sender"), header.size());
  for (size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << i;
    EXPECT_EQ(rows[i][0], std::to_string(i));  // gapless, in number order
    const auto& entry = entries[i - 1].as_object();
    EXPECT_EQ(rows[i][2], entry.at("case_id").as_string());
    EXPECT_EQ(rows[i][column("subject")], entry.at("subject").as_string());
    EXPECT_EQ(rows[i][column("sender")], "ეკატერინე ბერიძე");
  }
  EXPECT_EQ(rows[7][column("subject")], tricky);

  auto html = client_->Get("/v1/journals/incoming?year=2026&format=html", chair);
  ASSERT_EQ(html.status, 200);
  EXPECT_NE(html.body.find("შემოსული კორესპონდენციის ჟურნალი, 2026"), std::string::npos);
  EXPECT_NE(html.body.find("12 ჩანაწერი / entries"), std::string::npos);
  EXPECT_NE(html.body.find("ბიუჯეტი, &quot;2027&quot; &lt;პროექტი&gt; &amp; ცვლილება"),
            std::string::npos);
  EXPECT_EQ(html.body.find("<პროექტი>"), std::string::npos);  // never as markup
  size_t at = 0;
  for (int i = 1; i <= 12; ++i) {  // rows in number order
    at = html.body.find("<tr><td>" + std::to_string(i) + "</td>", at);
    ASSERT_NE(at, std::string::npos) << i;
  }

  // An empty year is a header alone; bad formats and journals are named.
  auto empty = client_->Get("/v1/journals/outgoing?year=2026&format=csv", chair);
  EXPECT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body, "\xEF\xBB\xBFnumber,date,case_id\r\n");
  EXPECT_EQ(client_->Get("/v1/journals/incoming?format=xml", chair).error_code(), "bad_request");
  EXPECT_EQ(client_->Get("/v1/journals/secret?format=csv", chair).status, 404);
  EXPECT_EQ(client_->Get("/v1/journals/incoming?format=csv", "").status, 401);
}

TEST_F(ApiTest, TheAnnualReportCountsAHandBuiltYear) {
  Ok("chair", "",
     object{
         {"type", "approve_nomenclature"},
         {"year", 2026},
         {"files", boost::json::array{object{{"code", "02-01"}, {"title", "განცხადებები"}},
                                      object{{"code", "02-02"}, {"title", "საჯარო ინფორმაცია"}}}}});
  // An application answered the day it came (post), two public-information requests (post): one
  // released in part eight days late, one refused on time; a letter by e-mail still open.
  const std::string application(
      Ok("org-records", "", Register("application", "apparatus-head")).at("case_id").as_string());
  Ok("apparatus-head", application,
     object{{"type", "assign_resolution"}, {"lead_executor", "sec-legal"}, {"instruction", "ი"}});
  Ok("sec-legal", application, object{{"type", "confirm_receipt"}});
  Ok("sec-legal", application, object{{"type", "draft_answer"}, {"text", "ასლი თან ერთვის"}});
  Ok("apparatus-head", application,
     object{{"type", "decide"}, {"outcome", "granted"}, {"text", "დაკმაყოფილდეს"}});
  Ok("apparatus-head", application, object{{"type", "sign"}});
  Ok("org-records", application, object{{"type", "dispatch"}, {"channel", "post"}});
  std::string requests[2];
  for (auto& id : requests) {
    id = Ok("org-records", "", Register("public_information", "apparatus-head"))
             .at("case_id")
             .as_string();
    Ok("apparatus-head", id,
       object{
           {"type", "assign_resolution"}, {"lead_executor", "info-public"}, {"instruction", "ი"}});
    Ok("info-public", id, object{{"type", "confirm_receipt"}});
  }
  Ok("info-public", requests[1],
     object{{"type", "refuse_information"}, {"text", "პერსონალური"}, {"ground", "personal_data"}});
  Ok("info-public", requests[1], object{{"type", "explain_rights"}, {"text", "გასაჩივრება"}});
  auto letter = Register("correspondence", "chair");
  letter["channel"] = "email";
  Ok("org-records", "", letter);
  auto act = Ok("sec-legal", "",
                object{{"type", "draft_act"},
                       {"act_type", "resolution"},
                       {"issuer", "chair"},
                       {"title", "ბიუჯეტი"},
                       {"text", "მუხლი 1."}});
  const std::string act_id(act.at("case_id").as_string());
  Ok("sec-juridical", act_id, object{{"type", "give_expertise"}, {"text", "შეესაბამება"}});
  Ok("chair", act_id,
     object{{"type", "adopt"},
            {"session_date", "2026-11-02"},
            {"votes_for", 20},
            {"votes_against", 3}});
  Ok("org-records", act_id, object{{"type", "register_act"}});
  now_ = now_.load() + 18 * 86'400'000LL;  // 20 November; the request was due on the 12th
  Ok("info-public", requests[0], object{{"type", "release_information"}, {"scope", "partial"}});

  const std::string& chair = tokens_.at("chair");
  auto reply = client_->Get("/v1/reports/annual?year=2026", chair);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const auto report = reply.json();
  EXPECT_EQ(report.at("year"), 2026);
  EXPECT_EQ(report.at("incoming").at("total"), 4);
  EXPECT_EQ(report.at("incoming").at("by_kind").at("public_information"), 2);
  EXPECT_EQ(report.at("incoming").at("by_kind").at("application"), 1);
  EXPECT_EQ(report.at("incoming").at("by_kind").at("correspondence"), 1);
  EXPECT_EQ(report.at("incoming").at("by_channel").at("post"), 3);
  EXPECT_EQ(report.at("incoming").at("by_channel").at("email"), 1);
  EXPECT_EQ(report.at("outgoing"), 1);
  EXPECT_EQ(report.at("acts").at("total"), 1);
  EXPECT_EQ(report.at("acts").at("by_type").at("resolution"), 1);
  const auto& all = report.at("proceedings");
  EXPECT_EQ(all.at("registered"), 4);
  EXPECT_EQ(all.at("answered_on_time"), 2);
  EXPECT_EQ(all.at("answered_late"), 1);
  EXPECT_EQ(all.at("open"), 1);
  EXPECT_EQ(all.at("longest_days_to_answer"), 18);
  EXPECT_EQ(all.at("longest_case").as_string(), requests[0]);
  EXPECT_DOUBLE_EQ(all.at("average_days_to_answer").to_number<double>(), 6.0);
  const auto& pi = report.at("public_information");
  EXPECT_EQ(pi.at("registered"), 2);
  EXPECT_EQ(pi.at("answered_on_time"), 1);
  EXPECT_EQ(pi.at("answered_late"), 1);
  EXPECT_EQ(pi.at("released"), 0);
  EXPECT_EQ(pi.at("partly"), 1);
  EXPECT_EQ(pi.at("refused"), 1);
  // GAC art. 49: the refusals by their legal ground; the redirected are the forwarded.
  EXPECT_EQ(pi.at("refused_by_ground"), (object{{"personal_data", 1}}));
  EXPECT_EQ(pi.at("redirected"), 0);
  EXPECT_EQ(report.at("nomenclature_cases"), 2);
  // The report pins the log it was computed from.
  auto verified = client_->Get("/v1/audit/verify", chair).json();
  EXPECT_EQ(report.at("log").at("anchor"), verified.at("anchor"));
  EXPECT_EQ(report.at("log").at("intact"), true);

  auto text = client_->Get("/v1/reports/annual?year=2026&format=text", chair);
  EXPECT_NE(text.body.find("აპარატის 2026 წლის საქმიანობის ანგარიში"), std::string::npos);
  EXPECT_NE(text.body.find("სამართლებრივი აქტები: 1"), std::string::npos) << text.body;
  // The seed report's own sentences (002), with this year's figures.
  EXPECT_NE(text.body.find("2026 წელს შემოსულია 4 წერილი, აქედან 2 საჯარო ინფორმაციის გაცემაზე"),
            std::string::npos)
      << text.body;
  EXPECT_NE(text.body.find("პასუხი გაეცა 3 წერილს, აქედან ვადაში — 2; განხილვის პროცესშია 1"),
            std::string::npos);
  EXPECT_NE(text.body.find("გასულია 1 წერილი"), std::string::npos);
  auto english = client_->Get("/v1/reports/annual?year=2026&format=text&lang=en", chair);
  EXPECT_NE(english.body.find("Incoming letters registered: 4"), std::string::npos) << english.body;
  EXPECT_NE(english.body.find("longest (days): 18 (" + requests[0] + ")"), std::string::npos);
  EXPECT_NE(english.body.find("refused: 1\n      Personal data: 1\n"), std::string::npos)
      << english.body;
  EXPECT_NE(text.body.find("უარი: 1\n      პერსონალური მონაცემები: 1\n"), std::string::npos);

  auto empty = client_->Get("/v1/reports/annual?year=2025", chair).json();
  EXPECT_EQ(empty.at("incoming").at("total"), 0);
  EXPECT_EQ(empty.at("proceedings").at("registered"), 0);
  EXPECT_EQ(client_->Get("/v1/reports/annual?year=20x6", chair).status, 400);
  EXPECT_EQ(client_->Get("/v1/reports/annual?format=pdf", chair).status, 400);
  EXPECT_EQ(client_->Get("/v1/reports/annual", "").status, 401);
}

// A registration later than the receipt is shown in the incoming journal and counted; a
// nomenclature approved again for the same year (here as a new case) is counted once, as last
// approved.
TEST_F(ApiTest, ALateRegistrationIsShownAndCountedAndAnAmendedNomenclatureCountsOnce) {
  auto plan = [](int files) {
    boost::json::array list;
    for (int i = 1; i <= files; ++i) {
      list.push_back(object{{"code", "01-0" + std::to_string(i)}, {"title", "საქმე"}});
    }
    return object{{"type", "approve_nomenclature"}, {"year", 2026}, {"files", list}};
  };
  Ok("chair", "", plan(2));
  Ok("chair", "", plan(3));                                    // the amended plan
  Ok("org-records", "", Register("correspondence", "chair"));  // received today
  auto late = Register("correspondence", "chair");
  late["received_on"] = "2026-10-29";  // a Thursday; registered on Monday the 2nd
  Ok("org-records", "", late);

  const std::string& chair = tokens_.at("chair");
  auto journal = client_->Get("/v1/journals/incoming?year=2026", chair).json();
  const auto& entries = journal.at("entries").as_array();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].at("registered_late"), false);
  EXPECT_EQ(entries[0].at("days_late"), 0);
  EXPECT_EQ(entries[1].at("registered_late"), true);
  EXPECT_EQ(entries[1].at("days_late"), 4);
  EXPECT_EQ(entries[1].at("received_on"), "2026-10-29");
  auto csv = client_->Get("/v1/journals/incoming?year=2026&format=csv", chair);
  EXPECT_NE(csv.body.find("registered_late"), std::string::npos);

  auto report = client_->Get("/v1/reports/annual?year=2026", chair).json();
  EXPECT_EQ(report.at("incoming").at("total"), 2);
  EXPECT_EQ(report.at("incoming").at("registered_late"), 1);
  EXPECT_EQ(report.at("nomenclature_cases"), 3);
  auto text = client_->Get("/v1/reports/annual?year=2026&format=text&lang=en", chair);
  EXPECT_NE(text.body.find("Registered later than received: 1"), std::string::npos) << text.body;
  ExpectViewsMatchARebuild();
}

// A 120-byte Cap'n Proto command whose nomenclature claims millions of empty files (a list of
// zero-sized elements costs no bytes) is refused at once as not decoding, not iterated: the
// reader's traversal limit follows the message's size.
TEST_F(ApiTest, ACapnpCommandClaimingMillionsOfEmptyElementsIsRefusedAtOnce) {
  capnp::MallocMessageBuilder builder;
  auto command = builder.initRoot<schema::Command>();
  command.setCommandId("amplified");
  auto approve = command.initApproveNomenclature();
  approve.setYear(2026);
  approve.initFiles(1);
  auto words = kj::heapArray<capnp::word>(capnp::messageToFlatArray(builder).asPtr());
  // Patch the list to 4 000 000 elements of zero words: the tag word says so, the list pointer
  // counts no words of content.
  auto* raw = reinterpret_cast<uint64_t*>(words.begin());
  const uint64_t tag = (uint64_t{1} << 2) | (uint64_t{3} << 48);  // 1 element: 0 data, 3 pointers
  int patched = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (raw[i] == tag) {
      raw[i] = uint64_t{4'000'000} << 2;
      ++patched;
    } else if ((raw[i] & 3) == 1 && ((raw[i] >> 32) & 7) == 7 && (raw[i] >> 35) == 3) {
      raw[i] &= (uint64_t{1} << 35) - 1;  // inline composite of 0 words
      ++patched;
    }
  }
  ASSERT_EQ(patched, 2);
  auto bytes = words.asChars();
  ASSERT_LE(bytes.size(), 160u);
  auto reply = client_->Send(boost::beast::http::verb::post, "/v1/cases", tokens_.at("chair"),
                             std::string(bytes.begin(), bytes.end()), "application/x-capnp");
  EXPECT_EQ(reply.status, 400) << reply.body;
  EXPECT_NE(reply.body.find("does not decode"), std::string::npos) << reply.body;
  // Nothing was written, and the server keeps serving.
  EXPECT_EQ(client_->Get("/health", "").status, 200);
  EXPECT_EQ(client_->Get("/v1/nomenclature?year=2026", tokens_.at("chair"))
                .json()
                .at("cases")
                .as_array()
                .size(),
            0u);
}

TEST_F(ApiTest, EveryErrorCodeAndTheServerKeepsServing) {
  const std::string id(Command("org-records", "", Register("correspondence", "chair"))
                           .json()
                           .at("case_id")
                           .as_string());
  auto post = [&](const std::string& token, const std::string& body) {
    return client_->Send(boost::beast::http::verb::post, "/v1/cases/" + id + "/commands", token,
                         body);
  };
  const std::string chair = tokens_.at("chair");
  EXPECT_EQ(post(chair, "{not json").error_code(), "bad_request");
  EXPECT_EQ(
      post(chair,
           std::string(
               "{\"command_id\":\"x\",\"command\":{\"type\":\"endorse\",\"text\":\"\xff\xfe\"}}"))
          .status,
      400);
  EXPECT_EQ(post(chair, R"({"command_id":"x","command":{"type":"teleport"}})").status, 400);
  EXPECT_EQ(
      post(chair, R"({"command_id":"x","command":{"type":"assign_resolution","lead_executor":5}})")
          .status,
      400);
  auto missing_enum = post(chair, R"({"command_id":"x","command":{"type":"decide","text":"?"}})");
  EXPECT_EQ(missing_enum.status, 400);
  EXPECT_NE(missing_enum.body.find("command.outcome"), std::string::npos) << missing_enum.body;
  EXPECT_EQ(
      post(chair, R"({"command_id":"x","command":{"type":"confirm_receipt"},"extra":1})").status,
      400);
  EXPECT_EQ(
      post("not-a-token", R"({"command_id":"x","command":{"type":"confirm_receipt"}})").status,
      401);
  // A post that may read the case (the records office) but not resolve it: 403. (sec-hr may
  // not read it: 404, as for a case that does not exist — docs/access.md.)
  auto forbidden = post(
      tokens_.at("org-records"),
      R"({"command_id":"y","command":{"type":"assign_resolution","lead_executor":"info-public",)"
      R"("instruction":"მოამზადეთ"}})");
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.json().at("error").at("missing_power").as_string(), "resolve");
  EXPECT_EQ(client_->Get("/v1/cases/no-such-case", chair).status, 404);
  EXPECT_EQ(client_->Get("/v1/journals/secret", chair).status, 404);
  auto refused = post(chair, R"({"command_id":"z","command":{"type":"sign"}})");
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.error_code(), "refused");
  EXPECT_FALSE(refused.json().at("error").at("message_ka").as_string().empty());
  {
    HttpClient big(server_->port());
    auto too_large =
        big.Send(boost::beast::http::verb::post, "/v1/cases", chair, std::string(100 << 10, 'x'));
    EXPECT_EQ(too_large.status, 413);
    EXPECT_EQ(too_large.error_code(), "too_large");
  }
  {
    HttpClient big_headers(server_->port());
    auto too_large = big_headers.Send(boost::beast::http::verb::get,
                                      "/v1/cases/" + id + "?" + std::string(20 << 10, 'q'), chair);
    EXPECT_EQ(too_large.status, 413);
  }
  auto null_enum = post(chair, R"({"command_id":"x","command":{"type":"decide","outcome":null}})");
  EXPECT_EQ(null_enum.status, 400) << null_enum.body;
  EXPECT_EQ(
      post(
          chair,
          R"({"command_id":"x","expected_version":4294967297,"command":{"type":"confirm_receipt"}})")
          .status,
      400);
  EXPECT_EQ(post(chair, R"({"command_id":"x","command":{"type":"confirmReceipt"}})").status, 400);
  EXPECT_EQ(post(tokens_.at("org-records"),
                 R"({"command_id":"x","command":{"type":"register_incoming"}})")
                .status,
            400);
  EXPECT_EQ(client_
                ->Post("/v1/cases", chair,
                       object{{"command_id", "x"}, {"command", object{{"type", "sign"}}}})
                .status,
            400);
  EXPECT_EQ(client_->Get("/%zz", "").status, 404);
  EXPECT_EQ(client_->Get("/v1/cases/%zz", chair).status, 404);
  EXPECT_EQ(State(id), "registered");            // nothing of the above was written
  EXPECT_EQ(engine_->log().LastSequence(), 2u);  // orgChartAdopted, the registration
  EXPECT_EQ(client_->Get("/health", "").status, 200);
  std::string metrics = client_->Get("/metrics", "").body;
  EXPECT_NE(metrics.find("saqme_commands_total{type=\"sign\",outcome=\"refused\"} 1"),
            std::string::npos);
  // The open cases are counted off the I/O thread (api/case_gauges.h): a scrape after the change
  // asks for the count, a later one has it.
  for (int i = 0; i < 200 && metrics.find("saqme_open_cases 1\n") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    metrics = client_->Get("/metrics", "").body;
  }
  EXPECT_NE(metrics.find("saqme_open_cases 1\n"), std::string::npos) << metrics;
}

TEST(HttpServerTest, IdleConnectionsCloseAndTheConnectionCapAnswers503) {
  ServerOptions options;
  options.port = 0;
  options.read_timeout_seconds = 1;
  options.max_connections = 1;
  auto server = HttpServer::Start(options, [](const Request& request) {
    Response response{http::status::ok, request.version()};
    response.body() = "ok";
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    return response;
  });
  ASSERT_TRUE(server.ok());
  HttpClient first(server.value()->port());
  EXPECT_EQ(first.Get("/health", "").status, 200);
  {
    HttpClient second(server.value()->port());  // the one slot is taken
    EXPECT_EQ(second.Get("/health", "").status, 503);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1600));  // idle past the timeout
  EXPECT_THROW(first.Get("/health", ""), std::exception);        // the server closed it
  HttpClient third(server.value()->port());                      // and the slot is free again
  EXPECT_EQ(third.Get("/health", "").status, 200);
}

TEST(HttpServerTest, AHalfSentRequestIsCutOffAtTheDeadline) {
  ServerOptions options;
  options.port = 0;
  options.read_timeout_seconds = 1;
  options.header_timeout_seconds = 1;  // the whole header, from its first byte
  auto server = HttpServer::Start(options, [](const Request& request) {
    Response response{http::status::ok, request.version()};
    response.prepare_payload();
    return response;
  });
  ASSERT_TRUE(server.ok());
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.value()->port()});
  const auto start = std::chrono::steady_clock::now();
  boost::asio::write(socket, boost::asio::buffer(std::string("GET /health HTTP/1.1\r\nHost: x")));
  for (int i = 0; i < 3; ++i) {  // trickle: each byte arrives before an idle timeout would fire
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    boost::system::error_code ignored;
    boost::asio::write(socket, boost::asio::buffer(std::string("y")), ignored);
  }
  char byte;
  boost::system::error_code error;
  socket.read_some(boost::asio::buffer(&byte, 1), error);  // returns when the server closes
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(error) << "the server answered a request it never received";
  EXPECT_LT(seconds, 3.0);
}

TEST(HttpServerTest, WithEveryWorkerTakenARequestGets503AndTheQuickRoutesAreStillAnswered) {
  ServerOptions options;
  options.port = 0;
  options.workers = 1;
  options.worker_queue = 0;
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> handling{0};
  auto answer = [](const Request& request, const char* body) {
    Response response{http::status::ok, request.version()};
    response.body() = body;
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    return response;
  };
  auto server = HttpServer::Start(
      options,
      [&](const Request& request) {  // blocks like a command waiting for its fsync
        ++handling;
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return release; });
        return answer(request, "slow");
      },
      {},
      [&](const Request& request) -> std::optional<Response> {
        if (request.target() != "/health") return std::nullopt;
        return answer(request, "quick");
      });
  ASSERT_TRUE(server.ok());
  std::thread blocked([&] {
    HttpClient client(server.value()->port());
    EXPECT_EQ(client.Get("/slow", "").body, "slow");
  });
  while (handling == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  HttpClient second(server.value()->port());
  const auto busy = second.Get("/slow", "");
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.header("Retry-After"), "2");
  EXPECT_NE(busy.body.find("message_ka"), std::string::npos) << busy.body;
  HttpClient probe(server.value()->port());
  const auto health = probe.Get("/health", "");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "quick");
  EXPECT_EQ(server.value()->stats().refused_busy, 1u);
  {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
  }
  cv.notify_all();
  blocked.join();
}

// An answer given later (HttpServer::AsyncHandler, as a command is once durable): the handler
// hands its Reply on and returns, so the one worker is free for the next request while the first
// is still unanswered; each answer reaches its own client, rendered on the connection's strand.
// A Reply dropped unanswered, a handler that throws, and a second answer do not leave a client
// hanging or confused; Stop waits for an answer still to come.
TEST(HttpServerTest, AnAnswerGivenLaterFromAnotherThreadReachesItsClientAndHoldsNoWorker) {
  ServerOptions options;
  options.port = 0;
  options.workers = 1;
  options.worker_queue = 0;  // a worker held by a pending answer would make the second a 503
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<std::string, Reply>> pending;  // target, its reply
  std::set<std::thread::id> rendered_on;
  auto answer = [&](unsigned version, const std::string& body) {
    {
      std::lock_guard<std::mutex> lock(mu);
      rendered_on.insert(std::this_thread::get_id());
    }
    Response response{http::status::ok, version};
    response.body() = body;
    response.prepare_payload();
    return response;
  };
  auto server = HttpServer::Start(
      options, HttpServer::AsyncHandler([&](std::shared_ptr<const Request> request, Reply reply) {
        const std::string target(request->target());
        if (target == "/drop") return;  // every copy of the reply dropped unanswered
        if (target == "/throw") throw std::runtime_error("handler failed");
        if (target == "/twice") {
          ReplyWith(reply, answer(request->version(), "first"));
          ReplyWith(reply, answer(request->version(), "second"));
          return;
        }
        std::lock_guard<std::mutex> lock(mu);
        pending.emplace_back(target, std::move(reply));
        cv.notify_all();
      }));
  ASSERT_TRUE(server.ok());
  const uint16_t port = server.value()->port();
  // The one worker is free again just after it handed a reply on, so a request sent at once may
  // find it still busy (503 "busy"): asked again for up to 2 s. A worker held until the answer
  // would stay busy past that.
  auto get = [port](const std::string& target) {
    for (int i = 0;; ++i) {
      auto answer = HttpClient(port).Get(target, "");
      if (answer.status != 503 || answer.body.find("busy") == std::string::npos || i == 100) {
        return answer;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  auto wait_pending = [&](size_t n) {
    std::unique_lock<std::mutex> lock(mu);
    return cv.wait_for(lock, std::chrono::seconds(10), [&] { return pending.size() >= n; });
  };
  std::string first_body, second_body;
  std::thread first([&] { first_body = get("/a").body; });
  ASSERT_TRUE(wait_pending(1));
  std::thread second([&] { second_body = get("/b").body; });
  ASSERT_TRUE(wait_pending(2)) << "the first request still held the only worker";
  // Answered in the other order, from this thread; each is rendered on an I/O thread.
  std::vector<std::pair<std::string, Reply>> replies;
  {
    std::lock_guard<std::mutex> lock(mu);
    replies.swap(pending);
  }
  for (auto it = replies.rbegin(); it != replies.rend(); ++it) {
    const std::string target = it->first;
    it->second([&answer, target] { return answer(11, "answer to " + target); });
  }
  second.join();
  first.join();
  EXPECT_EQ(first_body, "answer to /a");
  EXPECT_EQ(second_body, "answer to /b");
  EXPECT_EQ(rendered_on.count(std::this_thread::get_id()), 0u)
      << "rendered by the thread that answered";

  const auto dropped = get("/drop");
  EXPECT_EQ(dropped.status, 503);
  EXPECT_NE(dropped.body.find("internal error"), std::string::npos) << dropped.body;
  EXPECT_EQ(get("/throw").status, 503);
  const auto twice = get("/twice");
  EXPECT_EQ(twice.status, 200);
  EXPECT_EQ(twice.body, "first");

  // Stop lets an answer still to come reach its client.
  std::string last_body;
  std::thread last([&] { last_body = get("/c").body; });
  ASSERT_TRUE(wait_pending(1));
  std::thread later([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    std::lock_guard<std::mutex> lock(mu);
    pending.front().second([&answer] { return answer(11, "answered while stopping"); });
    pending.clear();
  });
  server.value()->Stop();
  later.join();
  last.join();
  EXPECT_EQ(last_body, "answered while stopping");
}

// Builds a binary Command with the stock tool: capnp encode model/saqme.capnp Command.
std::string CapnpEncode(const saqme::testing::TempDir& dir, const std::string& text) {
  const std::string in = dir.Sub("command.txt"), out = dir.Sub("command.bin");
  {
    std::unique_ptr<FILE, int (*)(FILE*)> file(fopen(in.c_str(), "w"), fclose);
    fputs(text.c_str(), file.get());
  }
  auto [code, output] = saqme::testing::RunCommand(std::string("capnp encode ") + SAQME_SCHEMA +
                                                   " Command < " + in + " > " + out);
  EXPECT_EQ(code, 0) << output;
  std::unique_ptr<FILE, int (*)(FILE*)> file(fopen(out.c_str(), "rb"), fclose);
  std::string bytes;
  char chunk[4096];
  for (size_t n; (n = fread(chunk, 1, sizeof(chunk), file.get())) > 0;) bytes.append(chunk, n);
  return bytes;
}

TEST_F(ApiTest, CommandsInCapnProtoBuiltWithTheStockTool) {
  const std::string open = CapnpEncode(dir_, R"((commandId = "capnp-1", registerIncoming = (
      kind = correspondence, channel = "email",
      sender = (name = "საქართველოს ფინანსთა სამინისტრო", kind = agency),
      subject = "ბიუჯეტის პროექტი", pages = 3, receivedOn = "2026-11-02", addressee = "chair")))");
  auto opened = client_->Send(boost::beast::http::verb::post, "/v1/cases",
                              tokens_.at("org-records"), open, "application/x-capnp");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string id(opened.json().at("case_id").as_string());
  EXPECT_EQ(id, Api::CaseIdFor("capnp-1"));
  const std::string resolve = CapnpEncode(dir_, R"((commandId = "capnp-2", expectedVersion = 1,
      assignResolution = (leadExecutor = "info-public", instruction = "მოამზადეთ")))");
  auto resolved = client_->Send(boost::beast::http::verb::post, "/v1/cases/" + id + "/commands",
                                tokens_.at("chair"), resolve, "application/x-capnp");
  ASSERT_EQ(resolved.status, 200) << resolved.body;
  EXPECT_EQ(State(id), "resolved");
  auto stale = client_->Send(boost::beast::http::verb::post, "/v1/cases/" + id + "/commands",
                             tokens_.at("chair"), CapnpEncode(dir_, R"((commandId = "capnp-3",
      expectedVersion = 1, confirmReceipt = void))"),
                             "application/x-capnp");
  EXPECT_EQ(stale.status, 409);
  for (const char* bad : {R"("bad\xff\xfe")", R"("s\x00x")"}) {
    auto invalid = client_->Send(
        boost::beast::http::verb::post, "/v1/cases/" + id + "/commands", tokens_.at("chair"),
        CapnpEncode(dir_, std::string("(commandId = \"capnp-t\", endorse = (text = ") + bad + "))"),
        "application/x-capnp");
    EXPECT_EQ(invalid.status, 400) << invalid.body;
  }
  // The rest of the proceeding, every step in Cap'n Proto.
  Ok("chair", "",
     object{{"type", "approve_nomenclature"},
            {"year", 2026},
            {"files", boost::json::array{object{{"code", "01-07"}, {"title", "მიმოწერა"}}}}});
  const std::vector<std::pair<std::string, std::string>> steps = {
      {"info-public", "confirmReceipt = void"},
      {"info-public", "draftAnswer = (text = \"ინფორმაცია თან ერთვის\")"},
      {"chair", "sign = void"},
      {"org-records", "dispatch = (channel = \"email\")"},
      {"org-records", "file = (nomenclatureCode = \"01-07\")"}};
  for (size_t i = 0; i < steps.size(); ++i) {
    const std::string text =
        "(commandId = \"capnp-step-" + std::to_string(i) + "\", " + steps[i].second + ")";
    auto reply =
        client_->Send(boost::beast::http::verb::post, "/v1/cases/" + id + "/commands",
                      tokens_.at(steps[i].first), CapnpEncode(dir_, text), "application/x-capnp");
    EXPECT_EQ(reply.status, 200) << steps[i].second << ": " << reply.body;
  }
  EXPECT_EQ(State(id), "filed");
  auto garbage = client_->Send(boost::beast::http::verb::post, "/v1/cases/" + id + "/commands",
                               tokens_.at("chair"), std::string(24, '\x7f'), "application/x-capnp");
  EXPECT_EQ(garbage.status, 400);
}

TEST_F(ApiTest, ConcurrentClientsRacingOnOneCaseGetOneWinner) {
  const std::string id(Command("org-records", "", Register("correspondence", "chair"))
                           .json()
                           .at("case_id")
                           .as_string());
  std::atomic<int> wins{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(server_->port());
      object body{{"command_id", "race-" + std::to_string(t)},
                  {"expected_version", 1},
                  {"command", object{{"type", "assign_resolution"},
                                     {"lead_executor", "info-public"},
                                     {"instruction", "ი"}}}};
      auto reply = client.Post("/v1/cases/" + id + "/commands", tokens_.at("chair"), body);
      if (reply.status == 200) ++wins;
      if (reply.status == 409) ++conflicts;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wins.load(), 1);
  EXPECT_EQ(conflicts.load(), 7);
}

}  // namespace
}  // namespace saqme::api
