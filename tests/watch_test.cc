// The deadline watch through the real server (`saqme serve --clock simulated`): a letter with a
// one-month deadline that crosses Easter and a government-declared day off; reminders, the miss,
// two escalations up the supervision line; the acting deputy receiving the head's alerts while
// the head is away and the head again once back; a restart between ticks; an SSE client that
// reconnects with Last-Event-ID; a colleague with no supervision role seeing none of it.
#include <poll.h>
#include <sys/socket.h>

#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/json/parse.hpp>

#include "api/tokens.h"
#include "tests/http_client.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using boost::json::array;
using boost::json::object;
using saqme::testing::HttpClient;
using saqme::testing::ServeProcess;

// A Server-Sent Events client: reads events (id + data) until a count or a quiet period.
class SseClient {
 public:
  SseClient(uint16_t port, const std::string& token, const std::string& last_event_id)
      : socket_(io_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    std::string request =
        "GET /v1/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Accept: text/event-stream\r\nAuthorization: Bearer " +
        token + "\r\n";
    if (!last_event_id.empty()) request += "Last-Event-ID: " + last_event_id + "\r\n";
    request += "\r\n";
    boost::asio::write(socket_, boost::asio::buffer(request));
  }

  struct Event {
    std::string id;
    object data;
  };

  // Events until `count` arrived or nothing came for `quiet_ms`.
  std::vector<Event> Read(size_t count, int quiet_ms) {
    std::vector<Event> events;
    while (events.size() < count) {
      size_t end;
      while ((end = buffer_.find("\n\n")) != std::string::npos && events.size() < count) {
        const std::string block = buffer_.substr(0, end);
        buffer_.erase(0, end + 2);
        if (!header_done_) {  // the status line and headers end with a blank line
          if (block.find("HTTP/1.1 200") != std::string::npos) status_ok_ = true;
          header_done_ = true;
          continue;
        }
        Event event;
        std::istringstream lines(block);
        std::string line;
        while (std::getline(lines, line)) {
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (line.rfind("id: ", 0) == 0) event.id = line.substr(4);
          if (line.rfind("data: ", 0) == 0)
            event.data = boost::json::parse(line.substr(6)).as_object();
        }
        if (!event.id.empty()) events.push_back(std::move(event));
      }
      if (events.size() >= count) break;
      pollfd fd{socket_.native_handle(), POLLIN, 0};
      if (::poll(&fd, 1, quiet_ms) <= 0) break;
      char chunk[4096];
      const ssize_t n = ::recv(socket_.native_handle(), chunk, sizeof chunk, 0);
      if (n <= 0) break;
      std::string text(chunk, static_cast<size_t>(n));
      // Header lines end with \r\n; normalise so blocks split on blank lines.
      for (size_t at; (at = text.find("\r\n")) != std::string::npos;) text.replace(at, 2, "\n");
      buffer_ += text;
    }
    return events;
  }
  bool status_ok() const { return status_ok_; }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  std::string buffer_;
  bool header_done_ = false, status_ok_ = false;
};

class WatchScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.Sub("data");
    tokens_file_ = dir_.Sub("tokens.txt");
    for (const char* post : {"org-records", "chair", "apparatus-head", "apparatus-deputy",
                             "info-head", "info-public", "sec-hr", "info-analytics"}) {
      token_[post] = api::TokenStore::Add(tokens_file_, post).value();
    }
    // The demo chart, with the head of the apparatus on leave 15-21 April 2026.
    std::ifstream in(std::string(SAQME_SOURCE_DIR) + "/data/org/ozurgeti-council.json");
    std::stringstream text;
    text << in.rdbuf();
    auto org = boost::json::parse(text.str()).as_object();
    org["acting"] = array{object{{"post", "apparatus-head"},
                                 {"acting_post", "apparatus-deputy"},
                                 {"from", "2026-04-15"},
                                 {"to", "2026-04-21"},
                                 {"basis", "test: annual leave of the head of the apparatus"}}};
    org_file_ = dir_.Sub("org.json");
    std::ofstream(org_file_) << boost::json::serialize(org);
  }

  std::unique_ptr<ServeProcess> Start() {
    auto server = std::make_unique<ServeProcess>(
        data_, tokens_file_,
        std::vector<std::string>{"--org", org_file_, "--clock", "simulated", "--clock-start",
                                 "2026-03-13", "--watch-interval", "3600"});
    EXPECT_NE(server->port(), 0);
    return server;
  }

  // POST, expecting `status`; returns the JSON answer.
  object Post(HttpClient& http, const std::string& target, const std::string& post,
              const object& body, int status = 200) {
    auto reply = http.Post(target, token_.at(post), body);
    EXPECT_EQ(reply.status, status) << target << " as " << post << ": " << reply.body;
    auto json = reply.json();
    return json.is_object() ? json.as_object() : object();
  }
  object Advance(HttpClient& http, int days) {
    return Post(http, "/v1/admin/clock/advance", "chair", object{{"days", days}});
  }
  array Alerts(HttpClient& http, const std::string& post) {
    auto reply = http.Get("/v1/alerts", token_.at(post));
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json().at("alerts").as_array();
  }
  array History(HttpClient& http, const std::string& case_id) {
    return http.Get("/v1/cases/" + case_id + "/history", token_.at("org-records"))
        .json()
        .at("events")
        .as_array();
  }
  static std::vector<std::string> Types(const array& alerts) {
    std::vector<std::string> types;
    for (const auto& a : alerts) types.emplace_back(a.at("type").as_string());
    return types;
  }

  saqme::testing::TempDir dir_;
  std::string data_, tokens_file_, org_file_;
  std::map<std::string, std::string> token_;
};

TEST_F(WatchScenario, ALetterThroughEasterADayOffTwoEscalationsAndAnAbsentHead) {
  auto server = Start();
  std::string case_id;
  {
    HttpClient http(server->port());
    // 13 March + one month = 13 April, Easter Monday: the letter is due on Tuesday 14 April.
    auto opened =
        Post(http, "/v1/cases", "org-records",
             object{{"command_id", "letter-1"},
                    {"command", object{{"type", "register_incoming"},
                                       {"kind", "correspondence"},
                                       {"channel", "post"},
                                       {"sender", object{{"name", "გარემოს დაცვის სამინისტრო"},
                                                         {"kind", "agency"}}},
                                       {"subject", "ინფორმაციის მოთხოვნა ნარჩენების შესახებ"},
                                       {"pages", 2},
                                       {"received_on", "2026-03-13"},
                                       {"addressee", "apparatus-head"}}}},
             201);
    case_id = std::string(opened.at("case_id").as_string());
    EXPECT_EQ(opened.at("due"), "2026-04-14");
    EXPECT_NE(std::string(opened.at("due_explanation").as_string()).find("Easter Monday"),
              std::string::npos)
        << opened.at("due_explanation");
    const std::string commands = "/v1/cases/" + case_id + "/commands";
    Post(http, commands, "apparatus-head",
         object{{"command_id", "resolve-1"},
                {"command", object{{"type", "assign_resolution"},
                                   {"lead_executor", "info-public"},
                                   {"co_executors", array{}},
                                   {"instruction", "მოამზადეთ პასუხი"},
                                   {"on_control", true}}}});
    Post(http, commands, "info-public",
         object{{"command_id", "receipt-1"}, {"command", object{{"type", "confirm_receipt"}}}});

    // 1 April: the Government declares Tuesday 14 April a day off; the deadline moves to the
    // 15th, in the case's history.
    EXPECT_EQ(Advance(http, 19).at("today"), "2026-04-01");
    auto declared =
        Post(http, "/v1/cases", "chair",
             object{{"command_id", "day-off-2026-04-14"},
                    {"command", object{{"type", "declare_day_off"},
                                       {"date", "2026-04-14"},
                                       {"name", "მთავრობის დადგენილება / Government decree"}}}},
             201);
    EXPECT_EQ(declared.at("case_id"), "calendar");
    bool recomputed = false;
    for (const auto& e : declared.at("events").as_array()) {
      if (e.at("type") == "deadline_recomputed" && e.at("case_id").as_string() == case_id) {
        recomputed = true;
        EXPECT_EQ(e.at("data").at("previous_due"), "2026-04-14");
        EXPECT_EQ(e.at("data").at("new_due"), "2026-04-15");
      }
    }
    EXPECT_TRUE(recomputed) << declared;
    auto view = http.Get("/v1/cases/" + case_id, token_.at("org-records")).json();
    EXPECT_EQ(view.at("due"), "2026-04-15");
    // Only the head of the body declares days off.
    auto refused = http.Post(
        "/v1/cases", token_.at("apparatus-head"),
        object{{"command_id", "day-off-2"},
               {"command",
                object{{"type", "declare_day_off"}, {"date", "2026-04-20"}, {"name", "x"}}}});
    EXPECT_EQ(refused.status, 403) << refused.body;

    // Working days before 15 April: 14 (declared), 13-10 (Easter), 9 (holiday) are not; so
    // 3 working days before is Monday 6 April, 1 working day before is Wednesday 8 April.
    Advance(http, 4);  // 5 April: nothing yet
    EXPECT_TRUE(Alerts(http, "info-public").empty());
    auto tick = Advance(http, 1);  // 6 April
    EXPECT_EQ(tick.at("watch").at("events"), 1) << tick;
    auto executor = Alerts(http, "info-public");
    ASSERT_EQ(executor.size(), 1u);
    EXPECT_EQ(executor[0].at("type"), "deadline_approaching");
    EXPECT_EQ(executor[0].at("working_days_before"), 3);
    EXPECT_EQ(executor[0].at("due"), "2026-04-15");
    Advance(http, 2);  // 8 April
    executor = Alerts(http, "info-public");
    ASSERT_EQ(executor.size(), 2u);
    EXPECT_EQ(executor[1].at("working_days_before"), 1);

    // 16 April: missed. The unit head and the deadline setter are alerted — the setter, the
    // head of the apparatus, is on leave, so the deputy acting for him receives it.
    Advance(http, 8);
    auto unit_head = Alerts(http, "info-head");
    ASSERT_EQ(unit_head.size(), 1u);
    EXPECT_EQ(unit_head[0].at("type"), "deadline_missed");
    EXPECT_EQ(unit_head[0].at("role"), "unit_head");
    auto deputy = Alerts(http, "apparatus-deputy");
    ASSERT_EQ(deputy.size(), 1u);
    EXPECT_EQ(deputy[0].at("type"), "deadline_missed");
    EXPECT_EQ(deputy[0].at("role"), "deadline_setter");
    EXPECT_EQ(deputy[0].at("acting_for"), "apparatus-head");
    EXPECT_TRUE(Alerts(http, "apparatus-head").empty());
  }
  const size_t events_before_restart = [&] {
    HttpClient http(server->port());
    return History(http, case_id).size();
  }();

  // A live client of the deputy's feed sees the miss, then goes away.
  std::string last_seen;
  {
    SseClient sse(server->port(), token_.at("apparatus-deputy"), "");
    auto events = sse.Read(1, 5000);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(sse.status_ok());
    EXPECT_EQ(events[0].data.at("type"), "deadline_missed");
    last_seen = events[0].id;
  }

  // A restart between ticks: the watch runs again at start-up and must double nothing.
  server.reset();
  server = Start();
  HttpClient http(server->port());
  EXPECT_EQ(History(http, case_id).size(), events_before_restart);
  EXPECT_EQ(Alerts(http, "info-head").size(), 1u);

  // 20 April: 3 working days overdue — escalated one level up the delegated line, to the deputy.
  Advance(http, 4);
  auto deputy = Alerts(http, "apparatus-deputy");
  ASSERT_EQ(deputy.size(), 2u);
  EXPECT_EQ(deputy[1].at("type"), "escalated");
  EXPECT_EQ(deputy[1].at("level"), 1);
  EXPECT_EQ(deputy[1].at("acting_for"), "");
  // The reconnecting client receives exactly what it missed: the escalation.
  {
    SseClient sse(server->port(), token_.at("apparatus-deputy"), last_seen);
    auto events = sse.Read(5, 1500);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].data.at("type"), "escalated");
    EXPECT_EQ(events[0].id, std::to_string(deputy[1].at("id").to_number<uint64_t>()));
  }

  // 23 April: 6 working days overdue — level 2, the head of the apparatus, back from leave.
  Advance(http, 3);
  auto head = Alerts(http, "apparatus-head");
  ASSERT_EQ(head.size(), 1u);
  EXPECT_EQ(head[0].at("type"), "escalated");
  EXPECT_EQ(head[0].at("level"), 2);
  EXPECT_EQ(head[0].at("acting_for"), "");
  // A second tick the same day adds nothing.
  const size_t events_now = History(http, case_id).size();
  EXPECT_EQ(Types(Alerts(http, "info-head")), std::vector<std::string>{"deadline_missed"});
  EXPECT_EQ(History(http, case_id).size(), events_now);

  // The head acknowledges; the acknowledgement is part of the record.
  const std::string alert_id = std::to_string(head[0].at("id").to_number<uint64_t>());
  Post(http, "/v1/alerts/" + alert_id + "/ack", "apparatus-head", object{});
  EXPECT_EQ(Alerts(http, "apparatus-head")[0].at("acknowledged"), true);
  auto history = History(http, case_id);
  EXPECT_EQ(history.back().at("type"), "alert_acknowledged");
  std::map<std::string, int> types;
  for (const auto& e : history) ++types[std::string(e.at("type").as_string())];
  EXPECT_EQ(types["deadline_recomputed"], 1);
  EXPECT_EQ(types["deadline_approaching"], 2);
  EXPECT_EQ(types["deadline_missed"], 1);
  EXPECT_EQ(types["escalated"], 2);

  // A colleague with no supervision role sees none of it, and cannot acknowledge it.
  EXPECT_TRUE(Alerts(http, "sec-hr").empty());
  EXPECT_TRUE(Alerts(http, "info-analytics").empty());
  EXPECT_EQ(http.Post("/v1/alerts/" + alert_id + "/ack", token_.at("sec-hr"), object{}).status,
            404);
  auto control = http.Get("/v1/control", token_.at("sec-hr")).json();
  ASSERT_EQ(control.at("posts").as_array().size(), 1u) << control;
  EXPECT_EQ(control.at("posts").at(0).at("post"), "sec-hr");

  // The unit head's dashboard: the executor's proceeding is open and overdue.
  control = http.Get("/v1/control?unit=info", token_.at("info-head")).json();
  bool found = false;
  for (const auto& row : control.at("posts").as_array()) {
    if (row.at("post") != "info-public") continue;
    found = true;
    EXPECT_EQ(row.at("open"), 1);
    EXPECT_EQ(row.at("overdue"), 1);
  }
  EXPECT_TRUE(found) << control;

  // Moving time is the head's.
  EXPECT_EQ(
      http.Post("/v1/admin/clock/advance", token_.at("info-public"), object{{"days", 1}}).status,
      403);
  EXPECT_EQ(http.Post("/v1/admin/clock/advance", token_.at("chair"), object{{"days", 0}}).status,
            400);

  // The command line knows the declared day off from the log.
  server.reset();
  auto [code, holidays] = saqme::testing::RunCommand(std::string(SAQME_BINARY) +
                                                     " holidays --year 2026 --data " + data_);
  EXPECT_EQ(code, 0) << holidays;
  EXPECT_NE(holidays.find("2026-04-14\t"), std::string::npos) << holidays;
  auto [code2, deadline] = saqme::testing::RunCommand(
      std::string(SAQME_BINARY) + " deadline --from 2026-03-14 --rule months:1 --data " + data_);
  EXPECT_EQ(code2, 0) << deadline;
  EXPECT_EQ(deadline.substr(0, 11), "2026-04-15\n") << deadline;
}

TEST(WatchServeTest, TheClockRouteDoesNotExistWithTheSystemClock) {
  saqme::testing::TempDir dir;
  const std::string tokens = dir.Sub("tokens.txt");
  const std::string chair = api::TokenStore::Add(tokens, "chair").value();
  ServeProcess server(dir.Sub("data"), tokens);
  HttpClient http(server.port());
  EXPECT_EQ(http.Post("/v1/admin/clock/advance", chair, object{{"days", 1}}).status, 404);
  // A bad simulated-clock option is refused with a clear message.
  auto [code, out] = saqme::testing::RunCommand(std::string(SAQME_BINARY) + " serve --data " +
                                                dir.Sub("other") + " --clock sundial");
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("--clock is system or simulated"), std::string::npos) << out;
}

}  // namespace
}  // namespace saqme
