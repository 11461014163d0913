// Logs and monitoring through the real server (`saqme serve` as a process; docs/operations.md,
// "Logs" and "Monitoring"): one request line per answered request in Tbilisi time, as text or
// JSON lines, naming the route template, status, post and login and never a password, cookie,
// token, subject, name, query or case id; /metrics counters that move by what the workload did
// (commands per type, requests per route, fsync groups, open and overdue cases per unit after
// the simulated clock passes a deadline, alert subscribers while a stream is open); and the
// Grafana dashboard and Prometheus rules of packaging/monitoring/, which may name only metrics a
// real scrape has.
#include <poll.h>
#include <sys/socket.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/route_template.h"
#include "api/tokens.h"
#include "tests/eventually.h"
#include "tests/http_client.h"
#include "tests/serve_fixture.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using boost::beast::http::verb;
using boost::json::object;
using saqme::testing::Eventually;
using saqme::testing::HttpClient;
using saqme::testing::RunCommand;
using Headers = HttpClient::Headers;

const std::string kBinary = SAQME_BINARY;
const std::string kSource = SAQME_SOURCE_DIR;

// What the tests put in their requests, that no log line may hold.
const std::string kSubject = "საიდუმლო-საგანი-7731";
const std::string kSender = "გიორგი-ბერიძე-5519";
const std::string kPersonName = "ნინო-ჩხაიძე-2284";
const std::string kQuery = "ბერიძე-5519";

object Registration(const std::string& id, const std::string& addressee = "chair") {
  return object{{"command_id", id},
                {"command", object{{"type", "register_incoming"},
                                   {"kind", "correspondence"},
                                   {"channel", "post"},
                                   {"sender", object{{"name", kSender}, {"kind", "citizen"}}},
                                   {"subject", kSubject},
                                   {"pages", 1},
                                   {"received_on", "2026-11-02"},
                                   {"addressee", addressee}}}};
}

// A scrape as sample -> value ("name{labels}" as the server wrote it).
std::map<std::string, double> Samples(const std::string& text) {
  std::map<std::string, double> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.rfind(' ');
    out[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return out;
}

// The sum of every sample of family `name` (any labels).
double Total(const std::map<std::string, double>& samples, const std::string& name) {
  double total = 0;
  for (const auto& [sample, value] : samples) {
    if (sample == name || sample.rfind(name + "{", 0) == 0) total += value;
  }
  return total;
}

double Value(const std::map<std::string, double>& samples, const std::string& sample) {
  auto it = samples.find(sample);
  return it == samples.end() ? 0 : it->second;
}

// Every metric name a scrape exposes: the families of its TYPE lines, with a histogram's
// _bucket, _sum and _count.
std::set<std::string> ExposedNames(const std::string& text) {
  std::set<std::string> names;
  const std::regex type("^# TYPE ([a-z_0-9]+) ([a-z]+)$");
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch match;
    if (!std::regex_match(line, match, type)) continue;
    names.insert(match[1]);
    if (match[2] == "histogram") {
      for (const char* suffix : {"_bucket", "_sum", "_count"})
        names.insert(match[1].str() + suffix);
    }
  }
  return names;
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The saqme_ names in `expression` (PromQL).
std::set<std::string> NamesIn(const std::string& expression) {
  std::set<std::string> names;
  const std::regex name("saqme_[a-z_0-9]+");
  for (auto it = std::sregex_iterator(expression.begin(), expression.end(), name);
       it != std::sregex_iterator(); ++it) {
    names.insert(it->str());
  }
  return names;
}

// An open alert stream (GET /v1/alerts/stream) as a client holds it.
class AlertStream {
 public:
  AlertStream(uint16_t port, const std::string& token) : socket_(io_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    const std::string request =
        "GET /v1/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Authorization: Bearer " +
        token + "\r\n\r\n";
    boost::asio::write(socket_, boost::asio::buffer(request));
  }
  void Close() { socket_.close(); }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
};

class ObservabilityTest : public saqme::testing::ServeFixture {
 protected:
  void SetUp() override {
    ::setenv("SAQME_TEST_PASSWORD_COST", "minimum", 1);
    data_ = dir_.Sub("data");  // the fixture's data directory
  }

  // A person on `post` named kPersonName; returns the one-time password.
  std::string AddUser(const std::string& login, const std::string& post) {
    return saqme::testing::AddTestPerson(data_, login, post, kPersonName);
  }

  // The server on 2026-11-02 with `extra`, tokens for the records office and the chair.
  void Start(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--password-cost", "minimum"});
    ServeFixture::Start({"org-records", "chair"}, "2026-11-02", extra);
    records_token_ = tokens_.at("org-records");
    chair_token_ = tokens_.at("chair");
  }

  HttpClient::Reply Send(verb method, const std::string& target, const Headers& headers,
                         const boost::json::value& body = nullptr) {
    return client_->Send(method, target, "", body.is_null() ? "" : boost::json::serialize(body),
                         "application/json", headers);
  }

  std::map<std::string, double> Scrape() { return Samples(client_->Get("/metrics", "").body); }

  // The server's lines so far, once one holds `wanted` (or after 10 s).
  std::vector<std::string> LinesOnce(const std::string& wanted) {
    Eventually([&] {
      for (const auto& line : server_->Lines()) {
        if (line.find(wanted) != std::string::npos) return true;
      }
      return false;
    });
    return server_->Lines();
  }

  std::string data_, records_token_, chair_token_;
};

// The line of `lines` holding every one of `parts`, or "".
std::string LineWith(const std::vector<std::string>& lines, const std::vector<std::string>& parts) {
  for (const auto& line : lines) {
    bool all = true;
    for (const auto& part : parts) all = all && line.find(part) != std::string::npos;
    if (all) return line;
  }
  return "";
}

TEST(RouteTemplateTest, PathsBecomeTheirRouteAndNothingElse) {
  EXPECT_EQ(api::RouteTemplate("/v1/cases/case-1f2e/history?limit=2&q=x"),
            "/v1/cases/{id}/history");
  EXPECT_EQ(api::RouteTemplate("/v1/cases/case-1f2e"), "/v1/cases/{id}");
  EXPECT_EQ(api::RouteTemplate("/v1/cases?q=name"), "/v1/cases");
  EXPECT_EQ(api::RouteTemplate("/v1/alerts/stream"), "/v1/alerts/stream");
  EXPECT_EQ(api::RouteTemplate("/v1/alerts/17/ack"), "/v1/alerts/{id}/ack");
  EXPECT_EQ(api::RouteTemplate("/v1/journals/incoming?format=csv"), "/v1/journals/{journal}");
  EXPECT_EQ(api::RouteTemplate("/"), "/");
  EXPECT_EQ(api::RouteTemplate("/assets/app-1.js"), "/assets/{file}");
  EXPECT_EQ(api::RouteTemplate("/v1/no/such/route/here"), "unmatched");
  EXPECT_EQ(api::RouteTemplate("/cases/case-1f2e"), "unmatched");
}

TEST_F(ObservabilityTest, ARequestLineNamesRouteStatusPostAndLoginButNoSecretOrPersonalData) {
  const std::string one_time = AddUser("nino", "org-records");
  Start();
  // The start-up lines are in Tbilisi time too.
  const std::regex tbilisi_line(
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\+04:00 [a-z]+ .*");
  bool startup_seen = false;
  for (const auto& line : server_->banner()) {
    if (line.find("start-up check") == std::string::npos) continue;
    startup_seen = true;
    EXPECT_TRUE(std::regex_match(line, tbilisi_line)) << line;
  }
  EXPECT_TRUE(startup_seen);

  auto login =
      Send(verb::post, "/v1/session", {}, object{{"login", "nino"}, {"password", one_time}});
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.header("Set-Cookie");
  cookie = cookie.substr(0, cookie.find(';'));
  std::string csrf(login.json().at("csrf_token").as_string());
  const std::string chosen = "a-chosen-password-4471";
  auto changed =
      Send(verb::post, "/v1/session/password", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
           object{{"password", one_time}, {"new_password", chosen}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  const std::string old_cookie = cookie;
  cookie = changed.header("Set-Cookie").substr(0, changed.header("Set-Cookie").find(';'));
  csrf = std::string(changed.json().at("csrf_token").as_string());
  const Headers writing = {{"Cookie", cookie}, {"X-CSRF-Token", csrf}};

  auto opened = Send(verb::post, "/v1/cases", writing, Registration("obs-1"));
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string case_id(opened.json().at("case_id").as_string());
  auto read = Send(verb::get, "/v1/cases/" + case_id, {{"Cookie", cookie}});
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(Send(verb::get, "/v1/cases?q=" + kQuery, {{"Cookie", cookie}}).status, 200);
  // A token's request, and 4xx: nobody, and a case that does not exist.
  EXPECT_EQ(client_->Get("/v1/cases/" + case_id, chair_token_).status, 200);
  EXPECT_EQ(client_->Get("/v1/cases/" + case_id, "").status, 401);
  EXPECT_EQ(Send(verb::get, "/v1/cases/case-0000000000", {{"Cookie", cookie}}).status, 404);
  EXPECT_EQ(client_->Get("/health", "").status, 200);

  const auto lines = LinesOnce("status=404");
  const std::string login_line = LineWith(lines, {"method=POST route=/v1/session status=200"});
  EXPECT_NE(login_line.find("post=org-records login=nino"), std::string::npos) << login_line;
  const std::string command =
      LineWith(lines, {"method=POST route=/v1/cases status=201", "command=register_incoming"});
  EXPECT_NE(command.find("post=org-records login=nino"), std::string::npos) << command;
  EXPECT_TRUE(std::regex_match(command, tbilisi_line)) << command;
  EXPECT_TRUE(std::regex_search(command, std::regex(" ms=[0-9]+\\.[0-9]{2} bytes=[1-9][0-9]* ")))
      << command;
  // The answer's X-Request-Id is the line's id.
  EXPECT_NE(command.find("id=" + opened.header("X-Request-Id") + " "), std::string::npos)
      << command << " / " << opened.header("X-Request-Id");
  const std::string case_line =
      LineWith(lines, {"method=GET route=/v1/cases/{id} status=200", "login=nino"});
  EXPECT_FALSE(case_line.empty());
  EXPECT_FALSE(LineWith(lines, {"route=/v1/cases/{id} status=200", "post=chair token="}).empty());
  EXPECT_FALSE(LineWith(lines, {"route=/v1/cases/{id} status=401"}).empty());
  EXPECT_FALSE(LineWith(lines, {"route=/v1/cases/{id} status=404", "login=nino"}).empty());
  EXPECT_FALSE(LineWith(lines, {"method=GET route=/v1/cases status=200"}).empty());
  // A probe is at debug level: not in the default log.
  EXPECT_TRUE(LineWith(lines, {"route=/health"}).empty());

  const std::string old_session = old_cookie.substr(old_cookie.find('=') + 1);
  const std::string session = cookie.substr(cookie.find('=') + 1);
  for (const auto& line : lines) {
    for (const std::string& secret :
         {one_time, chosen, session, old_session, csrf, chair_token_, records_token_, kSubject,
          kSender, kPersonName, kQuery, case_id, std::string("?q=")}) {
      EXPECT_EQ(line.find(secret), std::string::npos) << "'" << secret << "' in: " << line;
    }
  }
}

TEST_F(ObservabilityTest, JsonLinesParseAndTheRequestLogCanBeOff) {
  // A users file: no demonstration persons, whose one-time passwords are printed as plain text
  // once, at the first start of a new directory (docs/operations.md, "Logs").
  AddUser("nino", "org-records");
  Start({"--log-format", "json"});
  for (const auto& line : server_->banner()) {
    boost::system::error_code error;
    auto value = boost::json::parse(line, error);
    ASSERT_FALSE(error) << line;
    ASSERT_TRUE(value.is_object()) << line;
    EXPECT_TRUE(std::string_view(value.at("time").as_string()).ends_with("+04:00")) << line;
  }
  ASSERT_EQ(client_->Post("/v1/cases", records_token_, Registration("json-1")).status, 201);
  EXPECT_EQ(client_->Get("/v1/nowhere", records_token_).status, 404);
  const auto lines = LinesOnce("\"status\":404");
  bool command = false, missing = false;
  for (const auto& line : lines) {
    boost::system::error_code error;
    auto value = boost::json::parse(line, error);
    ASSERT_FALSE(error) << line;
    ASSERT_TRUE(value.is_object()) << line;
    const auto& entry = value.as_object();
    EXPECT_TRUE(std::string_view(entry.at("time").as_string()).ends_with("+04:00")) << line;
    EXPECT_TRUE(entry.contains("level")) << line;
    if (!entry.contains("log")) continue;
    EXPECT_EQ(entry.at("log"), "request") << line;
    EXPECT_TRUE(entry.at("ms").is_number()) << line;
    if (entry.at("status") == 201) {
      command = true;
      EXPECT_EQ(entry.at("route"), "/v1/cases");
      EXPECT_EQ(entry.at("method"), "POST");
      EXPECT_EQ(entry.at("post"), "org-records");
      EXPECT_EQ(entry.at("command"), "register_incoming");
      EXPECT_EQ(entry.at("token").as_string().size(), 8u) << line;
    }
    if (entry.at("status") == 404) {
      missing = true;
      EXPECT_EQ(entry.at("route"), "unmatched");  // an unknown path is not logged as it is
    }
    EXPECT_EQ(line.find(kSubject), std::string::npos) << line;
  }
  EXPECT_TRUE(command);
  EXPECT_TRUE(missing);

  // Off: the start-up lines stay, the request lines go.
  client_.reset();
  server_.reset();
  Start({"--request-log", "off"});
  ASSERT_EQ(client_->Post("/v1/cases", records_token_, Registration("off-1")).status, 201);
  EXPECT_EQ(client_->Get("/v1/nowhere", records_token_).status, 404);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_TRUE(LineWith(server_->Lines(), {"request id="}).empty());
  // And a value that is neither is refused before anything starts.
  auto [code, out] =
      RunCommand(kBinary + " serve --data " + dir_.Sub("other") + " --log-format xml 2>&1");
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("--log-format is text or json"), std::string::npos) << out;
}

TEST_F(ObservabilityTest, MetricsMoveByWhatTheWorkloadDid) {
  Start();
  const auto before = Scrape();
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(
        client_->Post("/v1/cases", records_token_, Registration("m-" + std::to_string(i))).status,
        201);
  }
  // The chair may not register: refused (403), counted as forbidden.
  EXPECT_EQ(client_->Post("/v1/cases", chair_token_, Registration("m-chair")).status, 403);
  EXPECT_EQ(client_->Get("/v1/cases/case-0000000000", records_token_).status, 404);

  std::map<std::string, double> after;
  // The per-unit figures are counted off the I/O thread: the scrape after a change asks for
  // them, a later one has them.
  ASSERT_TRUE(Eventually([&] {
    after = Scrape();
    return Total(after, "saqme_unit_open_cases") - Total(before, "saqme_unit_open_cases") == 3;
  })) << Total(after, "saqme_unit_open_cases");
  const std::string applied =
      "saqme_commands_total{type=\"register_incoming\",outcome=\"applied\"}";
  EXPECT_EQ(Value(before, applied), 0);
  EXPECT_EQ(Value(after, applied), 3);
  EXPECT_EQ(Value(after, "saqme_commands_total{type=\"register_incoming\",outcome=\"forbidden\"}"),
            1);
  const std::string posted =
      "saqme_http_requests_total{method=\"POST\",route=\"/v1/cases\",code=\"2xx\"}";
  EXPECT_EQ(Value(after, posted) - Value(before, posted), 3);
  EXPECT_EQ(Value(after,
                  "saqme_http_requests_total{method=\"POST\",route=\"/v1/cases\","
                  "code=\"4xx\"}"),
            1);
  EXPECT_EQ(Value(after,
                  "saqme_http_requests_total{method=\"GET\",route=\"/v1/cases/{id}\","
                  "code=\"4xx\"}"),
            1);
  EXPECT_EQ(Value(after,
                  "saqme_http_request_duration_seconds_count{method=\"POST\",route=\"/v1/"
                  "cases\",code=\"2xx\"}") -
                Value(before,
                      "saqme_http_request_duration_seconds_count{method=\"POST\",route=\"/"
                      "v1/cases\",code=\"2xx\"}"),
            3);
  // Every registration was one job of a synced group (the refusal was one more job).
  const double groups =
      Value(after, "saqme_fsync_groups_total") - Value(before, "saqme_fsync_groups_total");
  EXPECT_GE(groups, 1);
  EXPECT_LE(groups, 3);
  EXPECT_EQ(Value(after, "saqme_fsync_group_commands_count") -
                Value(before, "saqme_fsync_group_commands_count"),
            groups);
  EXPECT_EQ(Value(after, "saqme_fsync_duration_seconds_count") -
                Value(before, "saqme_fsync_duration_seconds_count"),
            groups);
  EXPECT_GE(Value(after, "saqme_fsync_group_commands_sum") -
                Value(before, "saqme_fsync_group_commands_sum"),
            3);
  EXPECT_EQ(Value(after, "saqme_writer_queue_depth"), 0);
  EXPECT_EQ(Value(after, "saqme_open_cases") - Value(before, "saqme_open_cases"), 3);
  EXPECT_EQ(Total(after, "saqme_unit_overdue_cases"), 0);
  EXPECT_EQ(Value(after, "saqme_replication_role{role=\"standalone\"}"), 1);
  EXPECT_EQ(Value(after, "saqme_replication_lag_seconds"), 0);

  // Past the due dates: the three are overdue, in the unit that holds them.
  ASSERT_EQ(client_->Post("/v1/admin/clock/advance", chair_token_, object{{"days", 60}}).status,
            200);
  ASSERT_TRUE(Eventually([&] {
    after = Scrape();
    return Total(after, "saqme_unit_overdue_cases") == 3;
  })) << Total(after, "saqme_unit_overdue_cases");
  for (const auto& [sample, value] : after) {
    if (sample.rfind("saqme_unit_overdue_cases{", 0) != 0 || value == 0) continue;
    const std::string open = "saqme_unit_open_cases" + sample.substr(sample.find('{'));
    EXPECT_EQ(Value(after, open), value) << sample;
  }

  // A subscriber while an alert stream is open, none once it is closed; and its request line
  // when it ended.
  EXPECT_EQ(Value(after, "saqme_alert_subscribers"), 0);
  auto stream = std::make_unique<AlertStream>(server_->port(), records_token_);
  EXPECT_TRUE(Eventually([&] { return Value(Scrape(), "saqme_alert_subscribers") == 1; }));
  stream->Close();
  EXPECT_TRUE(Eventually([&] { return Value(Scrape(), "saqme_alert_subscribers") == 0; }));
  EXPECT_FALSE(LineWith(LinesOnce("route=/v1/alerts/stream"),
                        {"method=GET route=/v1/alerts/stream status=200", "post=org-records"})
                   .empty());
}

TEST_F(ObservabilityTest, TheDashboardAndTheAlertRulesNameOnlyMetricsAScrapeHas) {
  const std::string dashboard_file = kSource + "/packaging/monitoring/saqme-dashboard.json";
  const std::string rules_file = kSource + "/packaging/monitoring/saqme-alerts.yml";
  std::set<std::string> used;

  // The dashboard: JSON, panels, each with PromQL targets.
  boost::system::error_code error;
  const auto dashboard = boost::json::parse(ReadAll(dashboard_file), error);
  ASSERT_FALSE(error) << dashboard_file << ": " << error.message();
  ASSERT_TRUE(dashboard.is_object());
  const auto& panels = dashboard.at("panels").as_array();
  EXPECT_GE(panels.size(), 8u);
  for (const auto& panel : panels) {
    const auto* targets = panel.as_object().if_contains("targets");
    if (!targets) continue;  // a row
    for (const auto& target : targets->as_array()) {
      const auto names = NamesIn(std::string(target.at("expr").as_string()));
      EXPECT_FALSE(names.empty()) << boost::json::serialize(target);
      used.insert(names.begin(), names.end());
    }
  }

  // The rules: YAML as Prometheus reads it (groups -> rules -> alert, expr); by python3's yaml
  // when it is installed, and line by line always.
  const std::string rules = ReadAll(rules_file);
  ASSERT_FALSE(rules.empty()) << rules_file;
  EXPECT_EQ(rules.rfind("groups:", 0), 0u);
  std::set<std::string> alerts;
  {
    std::istringstream in(rules);
    std::string line;
    const std::regex alert("^ *- alert: ([A-Za-z]+)$"), expr("^ *expr: (.+)$");
    while (std::getline(in, line)) {
      EXPECT_EQ(line.find('\t'), std::string::npos) << "a tab in YAML: " << line;
      std::smatch match;
      if (std::regex_match(line, match, alert)) alerts.insert(match[1]);
      if (std::regex_match(line, match, expr)) {
        const auto names = NamesIn(match[1]);
        used.insert(names.begin(), names.end());
      }
    }
  }
  for (const char* wanted : {"SaqmeWriterStopped", "SaqmeNoBackupForADay",
                             "SaqmeOverdueCasesRising", "SaqmeReplicationLagging"}) {
    EXPECT_TRUE(alerts.count(wanted)) << wanted;
  }
  auto [has_yaml, ignored] = RunCommand("python3 -c 'import yaml' 2>&1");
  if (has_yaml == 0) {
    auto [code, out] = RunCommand(
        "python3 -c 'import sys, yaml\n"
        "doc = yaml.safe_load(open(sys.argv[1]))\n"
        "for group in doc[\"groups\"]:\n"
        "    for rule in group[\"rules\"]:\n"
        "        print(rule[\"alert\"], rule[\"expr\"].replace(\"\\n\", \" \"))\n' " +
        rules_file + " 2>&1");
    EXPECT_EQ(code, 0) << out;
    for (const auto& alert : alerts) EXPECT_NE(out.find(alert + " "), std::string::npos) << out;
  }
  EXPECT_FALSE(used.empty());

  // A real scrape, with a backup schedule (the backup's age) and some work done.
  Start({"--backup-dir", dir_.Sub("backups"), "--backup-every", "1440"});
  ASSERT_EQ(client_->Post("/v1/cases", records_token_, Registration("d-1")).status, 201);
  std::string scrape;
  ASSERT_TRUE(Eventually([&] {
    scrape = client_->Get("/metrics", "").body;
    return scrape.find("saqme_unit_open_cases{") != std::string::npos;
  }));
  const auto exposed = ExposedNames(scrape);
  for (const auto& name : used) {
    EXPECT_TRUE(exposed.count(name)) << name << " is not in /metrics";
  }
}

}  // namespace
}  // namespace saqme
