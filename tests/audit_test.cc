// Replay and audit through the real server and the real CLI: a long case inspected at every
// version and at every recorded instant; its history exported, re-verified offline and caught
// when edited; a byte altered directly in RocksDB caught by verify (CLI and HTTP) at exactly its
// sequence and by check; check after a random workload with SIGKILLs; rebuild into a new
// generation, interrupted or finished, and a server that carries on over it.
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/tokens.h"
#include "model/tbilisi_time.h"
#include "projection/projection.h"
#include "projection/views.h"
#include "replay/audit_export.h"
#include "replay/view_rebuild.h"
#include "storage/event_log.h"
#include "tests/http_client.h"
#include "tests/raw_db.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"
#include "workflows/proceeding.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using saqme::testing::HttpClient;
using saqme::testing::RunCommand;
using saqme::testing::ServeProcess;

const std::string kSaqme = SAQME_BINARY;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string UrlEncode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == ':' || c == '_') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof(hex), "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// A server on a simulated clock from 2026-03-13 and the tokens of every post the tests use.
class AuditTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.Sub("data");
    tokens_file_ = dir_.Sub("tokens.txt");
    for (const char* post : {"org-records", "chair", "apparatus-head", "org-head", "sec-legal",
                             "info-public", "info-analytics"}) {
      token_[post] = api::TokenStore::Add(tokens_file_, post).value();
    }
  }

  // EXTRA: more arguments of saqme serve.
  std::unique_ptr<ServeProcess> Start(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args{"--clock",    "simulated",        "--clock-start",
                                  "2026-03-13", "--watch-interval", "3600"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto server = std::make_unique<ServeProcess>(data_, tokens_file_, args);
    EXPECT_NE(server->port(), 0);
    return server;
  }

  object Post(HttpClient& http, const std::string& target, const std::string& post,
              const object& body) {
    auto reply = http.Post(target, token_.at(post), body);
    EXPECT_TRUE(reply.status == 200 || reply.status == 201)
        << target << " as " << post << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  object Command(HttpClient& http, const std::string& post, const std::string& case_id,
                 const std::string& command_id, object command) {
    return Post(http, case_id.empty() ? "/v1/cases" : "/v1/cases/" + case_id + "/commands", post,
                object{{"command_id", command_id}, {"command", std::move(command)}});
  }
  object Get(HttpClient& http, const std::string& target, int status = 200) {
    auto reply = http.Get(target, token_.at("chair"));
    EXPECT_EQ(reply.status, status) << target << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  static object Application(const std::string& received_on) {
    return object{{"type", "register_incoming"},
                  {"kind", "application"},
                  {"channel", "post"},
                  {"sender", object{{"name", "ეკატერინე ბერიძე"}, {"kind", "citizen"}}},
                  {"subject", "საკრებულოს დადგენილების ასლი"},
                  {"pages", 2},
                  {"received_on", received_on},
                  {"addressee", "apparatus-head"}};
  }

  // An application that misses its deadline (reminders, the miss, escalations recorded by the
  // watch while the clock advances day by day) and is then answered and filed. Returns its id;
  // `live` gets the served case view after every step, by version.
  std::string LongCase(HttpClient& http, std::map<uint64_t, object>* live) {
    auto capture = [&](const std::string& id) {
      auto view = Get(http, "/v1/cases/" + id);
      view.erase("allowed_actions");  // the caller's, not the case's: a past view has none
      (*live)[view.at("version").to_number<uint64_t>()] = view;
    };
    Command(http, "chair", "", "nomenclature-2026",
            object{{"type", "approve_nomenclature"},
                   {"year", 2026},
                   {"files", array{object{{"code", "02-01"}, {"title", "განცხადებები"}}}}});
    auto opened = Command(http, "org-records", "", "application-1", Application("2026-03-13"));
    const std::string id(opened.at("case_id").as_string());
    capture(id);
    Command(http, "apparatus-head", id, "resolve-1",
            object{{"type", "assign_resolution"},
                   {"lead_executor", "sec-legal"},
                   {"instruction", "გასცეს ასლი"},
                   {"on_control", true}});
    capture(id);
    Command(http, "sec-legal", id, "receipt-1", object{{"type", "confirm_receipt"}});
    capture(id);
    for (int day = 0; day < 45; ++day) {
      Post(http, "/v1/admin/clock/advance", "chair", object{{"days", 1}});
      capture(id);
    }
    Command(http, "sec-legal", id, "draft-1",
            object{{"type", "draft_answer"}, {"text", "ასლი თან ერთვის"}});
    capture(id);
    Command(http, "org-head", id, "endorse-1", object{{"type", "endorse"}});
    capture(id);
    Command(http, "apparatus-head", id, "decide-1",
            object{{"type", "decide"}, {"outcome", "granted"}, {"text", "დაკმაყოფილდეს"}});
    capture(id);
    Command(http, "apparatus-head", id, "sign-1", object{{"type", "sign"}});
    capture(id);
    Command(http, "org-records", id, "dispatch-1",
            object{{"type", "dispatch"}, {"channel", "post"}});
    capture(id);
    Command(http, "org-records", id, "file-1",
            object{{"type", "file"}, {"nomenclature_code", "02-01"}});
    capture(id);
    return id;
  }

  saqme::testing::TempDir dir_;
  std::string data_, tokens_file_;
  std::map<std::string, std::string> token_;
};

TEST(ParseInstantTest, ReadsDatesTimesAndOffsetsAndRefusesTheRest) {
  // 2026-04-14T10:30:00+04:00 = 06:30Z.
  const int64_t at = (DaysFromCivil(2026, 4, 14) * 24 + 6) * 3600000 + 30 * 60000;
  EXPECT_EQ(ParseInstant("2026-04-14T10:30"), at);
  EXPECT_EQ(ParseInstant("2026-04-14T10:30:00+04:00"), at);
  EXPECT_EQ(ParseInstant("2026-04-14T06:30:00Z"), at);
  EXPECT_EQ(ParseInstant("2026-04-14T06:30:00.000Z"), at);
  EXPECT_EQ(ParseInstant("2026-04-14T00:30:00-02:00"), at - 4 * 3600000);
  EXPECT_EQ(ParseInstant("2026-04-14"), ParseInstant("2026-04-14T23:59:59.999"));
  EXPECT_EQ(FormatTbilisiTime(*ParseInstant("2026-04-14T10:30:00.123+04:00")),
            "2026-04-14T10:30:00.123+04:00");
  for (const char* bad : {"", "2026-4-14", "2026-02-29", "2026-13-01", "2026-04-14T24:00",
                          "2026-04-14T10:30+4", "yesterday", "2026-04-14T10:30:00+04:00x"}) {
    EXPECT_FALSE(ParseInstant(bad).has_value()) << bad;
  }
  EXPECT_TRUE(ParseInstant("2024-02-29").has_value());
  // Every instant read is written back as the same instant (fuzz/as_of_fuzz.cc found these):
  // only Tbilisi dates in years 0000-9999 can be.
  for (const char* outside :
       {"0000-01-01T00:00+14:00", "9999-12-31T23:59-12:00", "9999-12-31T23:00Z"}) {
    EXPECT_FALSE(ParseInstant(outside).has_value()) << outside;
  }
  for (const char* edge :
       {"0000-01-01T04:00+04:00", "0000-01-01", "9999-12-31T19:59:59.999Z", "9999-12-31"}) {
    auto instant = ParseInstant(edge);
    ASSERT_TRUE(instant.has_value()) << edge;
    EXPECT_EQ(ParseInstant(FormatTbilisiTime(*instant)), instant) << edge;
  }
}

TEST_F(AuditTest, AsOfAndAtVersionAtEveryVersionOfALongCaseEqualTheStateEvolvedThere) {
  auto server = Start();
  HttpClient http(server->port());
  std::map<uint64_t, object> live;
  const std::string id = LongCase(http, &live);
  auto history = Get(http, "/v1/cases/" + id + "/history").at("events").as_array();
  ASSERT_GE(history.size(), 14u);  // 10 commands and the watch's reminders, miss, escalations
  size_t watch_events = 0;
  for (const auto& e : history) watch_events += e.at("actor").at("post") == "system";
  EXPECT_GE(watch_events, 4u);

  // The state evolved to each version straight from the log (read-only, beside the server).
  storage::LogOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  auto log = storage::EventLog::Open(data_, options);
  ASSERT_TRUE(log.ok()) << log.status().message();
  std::vector<object> evolved;  // [v-1]: the case view after version v
  workflows::CaseState state;
  ASSERT_TRUE(log.value()
                  ->ReadCase(id,
                             [&](uint64_t, const storage::EventView& view) {
                               workflows::Evolve(state, view.event());
                               evolved.push_back(engine::CaseView(state));
                               return true;
                             })
                  .ok());
  ASSERT_EQ(evolved.size(), history.size());
  size_t compared_with_live = 0;
  for (size_t v = 1; v <= history.size(); ++v) {
    auto at = Get(http, "/v1/cases/" + id + "?at_version=" + std::to_string(v));
    EXPECT_EQ(at.at("at_version"), v);
    at.erase("at_version");
    EXPECT_EQ(at, evolved[v - 1]) << "version " << v;
    if (live.count(v)) {  // what the server itself served when the case was at version v
      EXPECT_EQ(at, live.at(v)) << "version " << v;
      ++compared_with_live;
    }
    // As of the instant event v was recorded: every event recorded by then, no later one.
    const std::string recorded(history[v - 1].at("recorded_at").as_string());
    auto as_of = Get(http, "/v1/cases/" + id + "?as_of=" + UrlEncode(recorded));
    EXPECT_EQ(as_of.at("as_of").as_string(), recorded);
    // The '+' of the offset typed as is (a query string decodes it to a space) means the same.
    EXPECT_EQ(Get(http, "/v1/cases/" + id + "?as_of=" + recorded), as_of);
    size_t known = 0;
    for (const auto& e : history) {
      known += std::string_view(e.at("recorded_at").as_string()) <= recorded;
    }
    as_of.erase("as_of");
    EXPECT_EQ(as_of, evolved[known - 1]) << "as of " << recorded;
  }
  EXPECT_GE(compared_with_live, 12u);
  EXPECT_EQ(live.rbegin()->second.at("state"), "filed");
  EXPECT_EQ(Get(http, "/v1/cases/" + id + "?as_of=2026-12-31").at("state"), "filed");

  // Clear refusals, and the server keeps serving.
  auto error = Get(http, "/v1/cases/" + id + "?as_of=2026-03-12", 404).at("error").as_object();
  EXPECT_NE(std::string(error.at("message").as_string()).find("did not exist yet"),
            std::string::npos)
      << error;
  EXPECT_FALSE(error.at("message_ka").as_string().empty());
  Get(http, "/v1/cases/" + id + "?at_version=0", 400);
  Get(http, "/v1/cases/" + id + "?at_version=x", 400);
  Get(http, "/v1/cases/" + id + "?at_version=1&as_of=2026-04-01", 400);
  Get(http, "/v1/cases/" + id + "?as_of=14.04.2026", 400);
  // Instants whose Tbilisi date is outside years 0000-9999 (found by fuzz/as_of_fuzz.cc): they
  // used to be read, then answered as a wrong year ("10000-01-01" written as "0000-01-01").
  Get(http, "/v1/cases/" + id + "?as_of=9999-12-31T23:59-12:00", 400);
  Get(http, "/v1/cases/" + id + "?as_of=0000-01-01T00:00%2B14:00", 400);
  auto past = Get(http, "/v1/cases/" + id + "?at_version=9999", 404).at("error").as_object();
  EXPECT_NE(std::string(past.at("message").as_string()).find("has no version 9999"),
            std::string::npos);
  Get(http, "/v1/cases/no-such-case?at_version=1", 404);
  EXPECT_EQ(Get(http, "/v1/cases/" + id).at("state"), "filed");

  // The terminal replay: every event with actor and times, and the state after it; --step
  // stops where the inspector says q.
  auto [code, out] =
      RunCommand(kSaqme + " replay --data " + data_ + " --case " + id + " --as-of 2026-03-13");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("#3  event"), std::string::npos) << out;
  EXPECT_EQ(out.find("#4  event"), std::string::npos) << out;
  EXPECT_NE(out.find("by sec-legal"), std::string::npos) << out;
  EXPECT_NE(out.find("open deadline"), std::string::npos) << out;
  std::tie(code, out) = RunCommand("printf '\\n\\nq\\n' | " + kSaqme + " replay --data " + data_ +
                                   " --case " + id + " --step");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("#3  event"), std::string::npos) << out;
  EXPECT_EQ(out.find("#4  event"), std::string::npos) << out;
  EXPECT_NE(out.find("stopped."), std::string::npos) << out;
  std::tie(code, out) =
      RunCommand(kSaqme + " replay --data " + data_ + " --case " + id + " --version 2 --json");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find(boost::json::serialize(evolved[1])), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " replay --data " + data_ + " --case nope");
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("არ არსებობს"), std::string::npos) << out;
}

TEST_F(AuditTest, AnExportedHistoryReverifiesOfflineAndFailsWhenOneFieldIsEdited) {
  auto server = Start();
  HttpClient http(server->port());
  std::map<uint64_t, object> live;
  const std::string id = LongCase(http, &live);

  auto csv = http.Get("/v1/cases/" + id + "/history?format=csv", token_.at("chair"));
  ASSERT_EQ(csv.status, 200);
  const std::string csv_file = dir_.Sub("history.csv"), json_file = dir_.Sub("history.json");
  std::ofstream(csv_file, std::ios::binary) << csv.body;
  // The CLI export (read-only, beside the server) is the same document as the API's.
  auto [code, out] = RunCommand(kSaqme + " export --data " + data_ + " --case " + id +
                                " --format json --out " + json_file);
  ASSERT_EQ(code, 0) << out;
  auto api_json = http.Get("/v1/cases/" + id + "/history", token_.at("chair"));
  EXPECT_EQ(boost::json::parse(Slurp(json_file)), boost::json::parse(api_json.body));
  std::tie(code, out) =
      RunCommand(kSaqme + " export --data " + data_ + " --case " + id + " --format csv");
  EXPECT_EQ(out, csv.body);

  for (const auto& file : {csv_file, json_file}) {
    std::tie(code, out) = RunCommand(kSaqme + " verify-export --file " + file);
    EXPECT_EQ(code, 0) << out;
    if (RunCommand("python3 --version").first == 0) {
      std::tie(code, out) =
          RunCommand("python3 " + std::string(SAQME_SOURCE_DIR) + "/docs/verify-export.py " + file);
      EXPECT_EQ(code, 0) << out;
      EXPECT_NE(out.find("ok: "), std::string::npos) << out;
    }
  }

  // One readable field edited (who signed the answer): the hashes still match their bytes, but
  // the field is no longer what the hashed event says.
  auto events = boost::json::parse(Slurp(json_file)).as_object().at("events").as_array();
  uint64_t signed_seq = 0;
  for (auto& e : events) {
    if (e.at("type") == "signed") {
      signed_seq = e.at("seq").to_number<uint64_t>();
      e.as_object()["actor"].as_object()["post"] = "chair";
    }
  }
  ASSERT_NE(signed_seq, 0u);
  std::ofstream(dir_.Sub("edited.json")) << replay::ExportJson(id, events);
  std::tie(code, out) = RunCommand(kSaqme + " verify-export --file " + dir_.Sub("edited.json"));
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("event " + std::to_string(signed_seq) + ": actor_post"), std::string::npos)
      << out;

  // The same in the CSV; and an edited canonical byte fails the standard-library check too.
  std::string edited = csv.body;
  const auto person = edited.find("ეკატერინე ბერიძე");
  ASSERT_NE(person, std::string::npos);
  edited.replace(person, std::string("ეკატერინე").size(), "ეკატერინა");
  std::ofstream(dir_.Sub("edited.csv"), std::ios::binary) << edited;
  std::tie(code, out) = RunCommand(kSaqme + " verify-export --file " + dir_.Sub("edited.csv"));
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("data is not what the hashed event says"), std::string::npos) << out;
  auto check = replay::VerifyExport(edited);
  EXPECT_FALSE(check.ok);
  // the application is event 3, after the adopted org chart and the nomenclature
  EXPECT_EQ(check.first_bad_seq, 3u);

  std::string flipped = csv.body;
  // A hex digit of the last row's canonical cell (the row ends "...<canonical>\r\n").
  flipped[flipped.size() - 10] = flipped[flipped.size() - 10] == '0' ? '1' : '0';
  std::ofstream(dir_.Sub("flipped.csv"), std::ios::binary) << flipped;
  EXPECT_EQ(RunCommand(kSaqme + " verify-export --file " + dir_.Sub("flipped.csv")).first, 1);
  if (RunCommand("python3 --version").first == 0) {
    std::tie(code, out) = RunCommand("python3 " + std::string(SAQME_SOURCE_DIR) +
                                     "/docs/verify-export.py " + dir_.Sub("flipped.csv"));
    EXPECT_EQ(code, 1) << out;
    EXPECT_NE(out.find("the hash does not match"), std::string::npos) << out;
  }
  // A row left out is a gap in the versions.
  std::string missing = csv.body;
  const auto second_row = missing.find("\r\n") + 2;
  missing.erase(second_row, missing.find("\r\n", second_row) + 2 - second_row);
  EXPECT_FALSE(replay::VerifyExport(missing).ok);
  EXPECT_EQ(http.Get("/v1/cases/" + id + "/history?format=xml", token_.at("chair")).status, 400);
}

TEST_F(AuditTest, AByteAlteredInRocksDbFailsVerifyAtThatSequenceAndCheckReportsIt) {
  std::string id;
  std::string head_hash, anchor4, third;
  {
    auto server = Start();
    HttpClient http(server->port());
    for (int i = 0; i < 5; ++i) {
      auto opened = Command(http, "org-records", "", "app-" + std::to_string(i),
                            Application(i == 3 ? "2026-03-13" : "2026-03-12"));
      if (i == 2) third = std::string(opened.at("case_id").as_string());  // event 4
      if (i == 3) id = std::string(opened.at("case_id").as_string());
    }
    auto verified = Get(http, "/v1/audit/verify");
    EXPECT_EQ(verified.at("ok"), true);
    EXPECT_EQ(verified.at("verified_through_seq"), 6);  // after the adopted org chart
    anchor4 = "4:" + [&] {                              // the hash of event 4, from its history
      const auto history = Get(http, "/v1/cases/" + third + "/history");
      for (const auto& e : history.at("events").as_array()) {
        if (e.at("seq") == 4) return std::string(e.at("hash").as_string());
      }
      return std::string("missing");
    }();
    head_hash = std::string(verified.at("head_hash").as_string());
    auto [code, out] = RunCommand(kSaqme + " verify --data " + data_);
    EXPECT_EQ(code, 0) << out;
    EXPECT_NE(out.find("head hash " + head_hash), std::string::npos) << out;
  }
  auto [code, out] = RunCommand(kSaqme + " check --data " + data_);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("head hash " + head_hash), std::string::npos) << out;

  // Someone changes the received date of event 5 (2026-03-13 -> 2026-03-14) in the database.
  {
    saqme::testing::RawDb raw(data_);
    std::string bytes = raw.Get(5);
    const auto at = bytes.find("2026-03-13");
    ASSERT_NE(at, std::string::npos);
    bytes[at + 9] = '4';
    raw.Put(5, bytes);
  }
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("FAILED at sequence 5"), std::string::npos) << out;
  // What was published before the edit still holds; the chain after it does not.
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_ + " --anchor " + anchor4);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("anchor " + anchor4 + " holds"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_ + " --anchor 6:" + head_hash);
  EXPECT_NE(out.find("ANCHOR FAILED: event 6 of the anchor is not in the intact chain"),
            std::string::npos)
      << out;
  std::tie(code, out) = RunCommand(kSaqme + " check --data " + data_);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("the hash chain breaks at event 5"), std::string::npos) << out;
  EXPECT_NE(out.find("DIFF view_cases"), std::string::npos) << out;  // received_on differs
  EXPECT_NE(out.find(id), std::string::npos) << out;
  {
    // The start-up check walks the tail (docs/reliability.md): such a log is served only
    // read-only, for inspection.
    auto [refused, why] = RunCommand("timeout 20 " + kSaqme + " serve --data " + data_ +
                                     " --listen 127.0.0.1:0 --tokens " + tokens_file_);
    EXPECT_EQ(refused, 2) << why;
    EXPECT_NE(why.find("does not verify at event 5"), std::string::npos) << why;
    auto server = Start({"--read-only"});
    HttpClient http(server->port());
    auto verified = Get(http, "/v1/audit/verify");
    EXPECT_EQ(verified.at("ok"), false);
    EXPECT_EQ(verified.at("first_bad_seq"), 5);
    EXPECT_EQ(verified.at("verified_through_seq"), 4);
    EXPECT_FALSE(verified.at("problem").as_string().empty());
    EXPECT_EQ(Get(http, "/health").at("ok"), true);  // and it keeps serving
  }
}

TEST_F(AuditTest, APublishedAnchorHoldsUntilTheLogIsRewrittenOrCutBack) {
  // The log as it was published: the adopted org chart, three registrations, and the anchor
  // verify printed for it.
  std::string published;
  {
    auto server = Start();
    HttpClient http(server->port());
    for (int i = 0; i < 3; ++i) {
      Command(http, "org-records", "", "app-" + std::to_string(i), Application("2026-03-12"));
    }
    auto verified = Get(http, "/v1/audit/verify");
    published = std::string(verified.at("anchor").as_string());
    EXPECT_EQ(published, "4:" + std::string(verified.at("head_hash").as_string()));
    auto [code, out] = RunCommand(kSaqme + " verify --data " + data_);
    EXPECT_NE(out.find("anchor (to publish) " + published), std::string::npos) << out;
    // The office goes on working; the anchor still holds.
    Command(http, "org-records", "", "app-3", Application("2026-03-13"));
    verified = Get(http, "/v1/audit/verify?anchor=" + published);
    EXPECT_EQ(verified.at("ok"), true) << verified;
    EXPECT_EQ(verified.at("anchor_holds"), true);
    EXPECT_EQ(verified.at("verified_through_seq"), 5);
    // Anchors are refused when malformed, and the server keeps serving.
    Get(http, "/v1/audit/verify?anchor=3", 400);
    Get(http, "/v1/audit/verify?anchor=0:" + std::string(64, 'a'), 400);
    Get(http, "/v1/audit/verify?anchor=3:" + std::string(63, 'a'), 400);
    EXPECT_EQ(Get(http, "/health").at("ok"), true);
  }
  auto [code, out] = RunCommand(kSaqme + " verify --data " + data_ + " --anchor " + published);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("anchor " + published + " holds"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_ + " --anchor 3:xyz");
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("SEQUENCE:HASH"), std::string::npos) << out;

  // The annual report prints the anchor of the log it counted.
  std::tie(code, out) =
      RunCommand(kSaqme + " report --data " + data_ + " --year 2026 --format json");
  ASSERT_EQ(code, 0) << out;
  const auto report = boost::json::parse(out);
  EXPECT_EQ(report.at("incoming").at("total"), 4);
  EXPECT_EQ(report.at("incoming").at("by_kind").at("application"), 4);
  EXPECT_EQ(report.at("proceedings").at("open"), 4);
  EXPECT_EQ(std::string(report.at("log").at("anchor").as_string()).rfind("5:", 0), 0u);
  std::tie(code, out) = RunCommand(kSaqme + " report --data " + data_ + " --year 2026");
  EXPECT_NE(out.find("რეგისტრირებული შემოსული წერილები: 4"), std::string::npos) << out;
  std::tie(code, out) = RunCommand(kSaqme + " report --data " + data_ + " --year 26");
  EXPECT_EQ(code, 2) << out;

  // Past the head: the log was cut back after the anchor was published.
  const std::string hash = published.substr(2);
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_ + " --anchor 9:" + hash);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("not in the intact chain, which ends at 5: the log was cut back"),
            std::string::npos)
      << out;

  // A log rewritten from the start, every hash recomputed: its own chain verifies, the anchor
  // does not hold.
  data_ = dir_.Sub("rewritten");
  {
    auto server = Start();
    HttpClient http(server->port());
    for (int i = 0; i < 4; ++i) {
      Command(http, "org-records", "", "app-" + std::to_string(i), Application("2026-03-13"));
    }
    auto verified = Get(http, "/v1/audit/verify?anchor=" + published);
    EXPECT_EQ(verified.at("ok"), false);
    EXPECT_EQ(verified.at("anchor_holds"), false);
    EXPECT_EQ(verified.at("verified_through_seq"), 5);  // the chain itself is intact
    EXPECT_NE(std::string(verified.at("anchor_problem").as_string()).find("rewritten"),
              std::string::npos);
    EXPECT_FALSE(verified.at("anchor_problem_ka").as_string().empty());
  }
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_);
  EXPECT_EQ(code, 0) << out;
  std::tie(code, out) = RunCommand(kSaqme + " verify --data " + data_ + " --anchor " + published);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("ANCHOR FAILED: event 4 has hash"), std::string::npos) << out;
}

TEST_F(AuditTest, CheckPassesAfterRandomWorkloadsWithSigkillsAndARebuildTheServerCarriesOn) {
  std::mt19937 random(20261122);
  std::atomic<int> next{0};
  // Four clients: registrations, resolutions, receipts and drafts on random cases, clock ticks.
  auto load = [&](uint16_t port) {
    std::vector<std::thread> clients;
    for (int c = 0; c < 4; ++c) {
      clients.emplace_back([&, port, seed = random()] {
        std::mt19937 rng(seed);
        try {
          HttpClient http(port);
          std::vector<std::string> cases;
          for (int n; (n = next++) < 100000;) {
            const int what = cases.empty() ? 0 : static_cast<int>(rng() % 6);
            const std::string command_id = "w-" + std::to_string(n);
            const std::string id = cases.empty() ? "" : cases[rng() % cases.size()];
            object command;
            std::string post = "org-records", target = "/v1/cases/" + id + "/commands";
            if (what <= 1) {
              command = Application("2026-03-13");
              target = "/v1/cases";
            } else if (what == 2) {
              post = "apparatus-head";
              command = object{{"type", "assign_resolution"},
                               {"lead_executor", rng() % 2 ? "sec-legal" : "info-public"},
                               {"instruction", "მოამზადეთ"}};
            } else if (what == 3) {
              post = rng() % 2 ? "sec-legal" : "info-public";
              command = object{{"type", "confirm_receipt"}};
            } else if (what == 4) {
              post = rng() % 2 ? "sec-legal" : "info-public";
              command = object{{"type", "draft_answer"}, {"text", "პასუხი"}};
            } else {
              post = "chair";
              target = "/v1/admin/clock/advance";
              command = object{{"days", 1}};
            }
            auto body = target == "/v1/admin/clock/advance"
                            ? command
                            : object{{"command_id", command_id}, {"command", command}};
            auto reply = http.Post(target, token_.at(post), body);
            if (reply.status == 201) cases.emplace_back(reply.json().at("case_id").as_string());
            if (reply.status >= 500) return;
          }
        } catch (const std::exception&) {  // killed under us
        }
      });
    }
    return clients;
  };
  for (int round = 0; round < 3; ++round) {
    {
      auto server = Start();
      auto clients = load(server->port());
      std::this_thread::sleep_for(std::chrono::milliseconds(500 + 200 * round));
      server->child().Kill();
      for (auto& client : clients) client.join();
    }
    auto [code, out] = RunCommand(kSaqme + " check --data " + data_);
    ASSERT_EQ(code, 0) << "round " << round << ": " << out;
  }
  storage::LogOptions read_only;
  read_only.read_only = true;
  read_only.create_if_missing = false;
  read_only.extra_column_families = engine::ViewFamilies();
  auto before = [&] {
    auto log = storage::EventLog::Open(data_, read_only);
    EXPECT_TRUE(log.ok());
    EXPECT_GT(log.value()->LastSequence(), 50u);
    EXPECT_EQ(log.value()->view_generation(), 0u);
    return replay::LiveViews(*log.value());
  }();
  EXPECT_GE(before.size(), 5u);  // cases, journals, inbox, deadlines, watch at least

  // Rebuild: a new generation equal to the old views; check still passes; the server serves it.
  auto [code, out] = RunCommand(kSaqme + " rebuild --data " + data_);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("view generation 1 is live"), std::string::npos) << out;
  {
    auto log = storage::EventLog::Open(data_, read_only);
    ASSERT_TRUE(log.ok());
    EXPECT_EQ(log.value()->view_generation(), 1u);
    EXPECT_EQ(replay::LiveViews(*log.value()), before);
  }
  std::tie(code, out) = RunCommand(kSaqme + " check --data " + data_);
  EXPECT_EQ(code, 0) << out;
  {
    auto server = Start();
    // A rebuild needs the directory to itself.
    std::tie(code, out) = RunCommand(kSaqme + " rebuild --data " + data_);
    EXPECT_EQ(code, 2) << out;
    EXPECT_NE(out.find("in use"), std::string::npos) << out;
    auto clients = load(server->port());
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    server->child().Kill();
    for (auto& client : clients) client.join();
  }
  std::tie(code, out) = RunCommand(kSaqme + " check --data " + data_);
  EXPECT_EQ(code, 0) << out;
}

TEST_F(AuditTest, AnInterruptedRebuildLeavesTheLiveViewsAsTheyWere) {
  {
    auto server = Start();
    HttpClient http(server->port());
    for (int i = 0; i < 3; ++i) {
      Command(http, "org-records", "", "app-" + std::to_string(i), Application("2026-03-13"));
    }
  }
  storage::LogOptions options;
  options.create_if_missing = false;
  options.extra_column_families = engine::ViewFamilies();
  replay::ViewMap before;
  {
    auto log = storage::EventLog::Open(data_, options);
    ASSERT_TRUE(log.ok()) << log.status().message();
    before = replay::LiveViews(*log.value());
    auto rebuilt = replay::Rebuild(*log.value(), replay::ViewSetup{});
    ASSERT_TRUE(rebuilt.ok());
    EXPECT_EQ(rebuilt.value()->ToMap(), before);
    // The next generation half written, then the process stops before the switch.
    auto next = log.value()->CreateNextGeneration();
    ASSERT_TRUE(next.ok());
    ASSERT_TRUE(log.value()
                    ->db()
                    ->Put(rocksdb::WriteOptions(), next.value().at(engine::kCasesView), "x", "y")
                    .ok());
  }
  auto log = storage::EventLog::Open(data_, options);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log.value()->view_generation(), 0u);
  EXPECT_EQ(replay::LiveViews(*log.value()), before);
  std::vector<std::string> families;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::Options(), data_, &families).ok());
  for (const auto& family : families) EXPECT_EQ(family.find('#'), std::string::npos) << family;

  auto rebuilt = replay::Rebuild(*log.value(), replay::ViewSetup{});
  ASSERT_TRUE(rebuilt.ok());
  // `saqme rebuild`'s path: projected straight into the next generation, then switched to.
  ASSERT_TRUE(replay::RebuildAndInstall(*log.value(), replay::ViewSetup{}).ok());
  EXPECT_EQ(log.value()->view_generation(), 1u);
  EXPECT_EQ(replay::LiveViews(*log.value()), before);
  auto differences =
      replay::CompareWithLive(*log.value(), *rebuilt.value(), [](const replay::ViewDifference&) {});
  ASSERT_TRUE(differences.ok());
  EXPECT_EQ(differences.value(), 0u);
  // A view changed behind saqme's back is a difference, named by family and key.
  ASSERT_TRUE(
      log.value()
          ->db()
          ->Put(rocksdb::WriteOptions(), log.value()->family(engine::kInboxView), "ghost", "{}")
          .ok());
  std::vector<replay::ViewDifference> found;
  differences = replay::CompareWithLive(
      *log.value(), *rebuilt.value(), [&](const replay::ViewDifference& d) { found.push_back(d); });
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].family, engine::kInboxView);
  EXPECT_EQ(found[0].key, "ghost");
  EXPECT_FALSE(found[0].rebuilt.has_value());
}

}  // namespace
}  // namespace saqme
