// Persons logging in to the real server (`saqme serve` as a process): sessions and their
// cookie, /v1/me, wrong passwords and unknown logins alike, failed-login limits, the
// must-change gate, logout, idle expiry on the simulated clock, CSRF, several posts, and the
// users and tokens files changed by `saqme user` / `saqme token` while the server runs; and
// what the security review asked for: alert streams that end with their session or token,
// concurrent logins that cannot pass the limit, rehashing to the server's cost, a half-written
// or unreadable users file, --public-origin, no demonstration accounts on an existing log.
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "auth/password.h"
#include "tests/eventually.h"
#include "tests/http_client.h"
#include "tests/serve_process.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using boost::beast::http::verb;
using boost::json::object;
using saqme::testing::HttpClient;
using saqme::testing::RunCommand;
using Headers = HttpClient::Headers;

const std::string kBinary = SAQME_BINARY;

// One logged-in session as a browser holds it.
struct Browser {
  std::string cookie;  // "saqme_session=..."
  std::string csrf;
  boost::json::object body;
  Headers Reading() const { return {{"Cookie", cookie}}; }
  Headers Writing() const { return {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}; }
  // After a password change: the session has a new id (the cookie) and a new CSRF token.
  void Renewed(const HttpClient::Reply& changed) {
    const std::string set = changed.header("Set-Cookie");
    EXPECT_FALSE(set.empty()) << changed.body;
    if (set.empty() || changed.status != 200) return;
    cookie = set.substr(0, set.find(';'));
    csrf = std::string(changed.json().at("csrf_token").as_string());
  }
};

// An open alert stream (GET /v1/alerts/stream) with the given credential headers.
class AlertStream {
 public:
  AlertStream(uint16_t port, const Headers& headers) : socket_(io_) {
    socket_.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    std::string request = "GET /v1/alerts/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
    boost::asio::write(socket_, boost::asio::buffer(request + "\r\n"));
  }
  // Everything received until the server closed the stream or `wait` passed; `*closed` says
  // which.
  std::string Read(std::chrono::milliseconds wait, bool* closed) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    *closed = false;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd fd{socket_.native_handle(), POLLIN, 0};
      if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) break;
      char chunk[4096];
      const ssize_t n = ::recv(socket_.native_handle(), chunk, sizeof chunk, 0);
      if (n <= 0) {
        *closed = true;
        break;
      }
      received_.append(chunk, static_cast<size_t>(n));
    }
    return received_;
  }
  // Whether the server ends the stream within `wait`.
  bool EndsWithin(std::chrono::milliseconds wait) {
    bool closed = false;
    Read(wait, &closed);
    return closed;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  std::string received_;
};

// The whole users file, replaced the way the tools do it (a temporary file renamed over it), so
// the server never sees it half-written.
void ReplaceFile(const std::string& path, const std::string& text) {
  const std::string temp = path + ".test-tmp";
  std::ofstream(temp, std::ios::trunc) << text;
  ASSERT_EQ(std::rename(temp.c_str(), path.c_str()), 0);
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Cheap hashes are refused unless a test run says so (the commands and the server inherit it).
    ::setenv("SAQME_TEST_PASSWORD_COST", "minimum", 1);
    data_ = dir_.Sub("data");
    tokens_ = dir_.Sub("tokens.txt");
    chair_token_ = api::TokenStore::Add(tokens_, "chair").value();
  }

  // `saqme user add` (cheap hashes, for the tests' speed); returns the one-time password.
  std::string AddUser(const std::string& login, const std::string& posts,
                      const std::string& name = "") {
    return saqme::testing::AddTestPerson(data_, login, posts, name);
  }

  void Start(std::vector<std::string> extra = {}) {
    extra.insert(extra.end(), {"--password-cost", "minimum", "--clock", "simulated",
                               "--clock-start", "2026-11-02"});
    server_ = std::make_unique<saqme::testing::ServeProcess>(data_, tokens_, extra);
    ASSERT_NE(server_->port(), 0);
    client_ = std::make_unique<HttpClient>(server_->port());
  }

  HttpClient::Reply TryLogin(const std::string& login, const std::string& password) {
    return client_->Post("/v1/session", "", object{{"login", login}, {"password", password}});
  }

  Browser LogIn(const std::string& login, const std::string& password) {
    auto reply = TryLogin(login, password);
    EXPECT_EQ(reply.status, 200) << reply.body;
    Browser browser;
    const std::string cookie = reply.header("Set-Cookie");
    browser.cookie = cookie.substr(0, cookie.find(';'));
    if (reply.status == 200) {
      browser.body = reply.json().as_object();
      browser.csrf = std::string(browser.body.at("csrf_token").as_string());
    }
    return browser;
  }

  // Logs in and changes the one-time password to `chosen`.
  Browser LogInChanged(const std::string& login, const std::string& one_time,
                       const std::string& chosen) {
    Browser browser = LogIn(login, one_time);
    auto changed = Send(verb::post, "/v1/session/password", browser.Writing(),
                        object{{"password", one_time}, {"new_password", chosen}});
    EXPECT_EQ(changed.status, 200) << changed.body;
    browser.Renewed(changed);
    return browser;
  }

  HttpClient::Reply Send(verb method, const std::string& target, const Headers& headers,
                         const boost::json::value& body = nullptr) {
    return client_->Send(method, target, "", body.is_null() ? "" : boost::json::serialize(body),
                         "application/json", headers);
  }

  // Polls `check` for up to three seconds (the server looks at its files once a second).
  static bool Eventually(const std::function<bool()>& check) {
    return saqme::testing::Eventually(check, std::chrono::seconds(3));
  }

  saqme::testing::TempDir dir_;
  std::string data_, tokens_, chair_token_;
  std::unique_ptr<saqme::testing::ServeProcess> server_;
  std::unique_ptr<HttpClient> client_;
};

object Registration(const std::string& id) {
  return object{{"command_id", id},
                {"command", object{{"type", "register_incoming"},
                                   {"kind", "correspondence"},
                                   {"channel", "post"},
                                   {"sender", object{{"name", "სამინისტრო"}, {"kind", "agency"}}},
                                   {"subject", "წერილი"},
                                   {"pages", 1},
                                   {"received_on", "2026-11-02"},
                                   {"addressee", "chair"}}}};
}

TEST_F(LoginTest, ALoginOpensASessionWithAStrictCookie) {
  const std::string password = AddUser("nino", "org-records", "ნინო ჩხაიძე");
  Start();
  auto reply = TryLogin("nino", password);
  ASSERT_EQ(reply.status, 200) << reply.body;
  const std::string cookie = reply.header("Set-Cookie");
  EXPECT_TRUE(std::regex_match(
      cookie, std::regex("saqme_session=[0-9a-f]{64}; HttpOnly; SameSite=Strict; Path=/")))
      << cookie;
  auto body = reply.json().as_object();
  EXPECT_EQ(body.at("person"), "ნინო ჩხაიძე");
  EXPECT_EQ(body.at("login"), "nino");
  EXPECT_EQ(body.at("post"), "org-records");
  EXPECT_EQ(body.at("posts"), boost::json::array{"org-records"});
  EXPECT_EQ(body.at("must_change_password"), true);
  EXPECT_EQ(body.at("csrf_token").as_string().size(), 64u);
  EXPECT_EQ(reply.body.find(password), std::string::npos);

  // Another login gets another session.
  auto second = TryLogin("nino", password);
  EXPECT_NE(second.header("Set-Cookie"), cookie);

  const std::string session = cookie.substr(0, cookie.find(';'));
  auto me = Send(verb::get, "/v1/me", {{"Cookie", "other=1; " + session}});
  ASSERT_EQ(me.status, 200) << me.body;
  auto who = me.json().as_object();
  EXPECT_EQ(who.at("auth"), "session");
  EXPECT_EQ(who.at("login"), "nino");
  EXPECT_EQ(who.at("person"), "ნინო ჩხაიძე");
  EXPECT_EQ(who.at("post"), "org-records");
  EXPECT_EQ(who.at("csrf_token"), body.at("csrf_token"));
  EXPECT_TRUE(who.at("acting_for").is_array());
  EXPECT_NE(boost::json::serialize(who.at("powers")).find("register"), std::string::npos)
      << me.body;

  // A bearer token still works, as the post's holder.
  auto by_token = client_->Get("/v1/me", chair_token_);
  ASSERT_EQ(by_token.status, 200) << by_token.body;
  auto token_who = by_token.json().as_object();
  EXPECT_EQ(token_who.at("auth"), "token");
  EXPECT_EQ(token_who.at("post"), "chair");
  EXPECT_EQ(token_who.at("person"), "გიორგი ბერიძე");
  EXPECT_EQ(token_who.at("login").as_string(),
            "token:" + api::TokenStore::Sha256Hex(chair_token_).substr(0, 8));
  EXPECT_FALSE(token_who.contains("csrf_token"));

  // Nobody: 401; a forged session id: 401.
  EXPECT_EQ(Send(verb::get, "/v1/me", {}).status, 401);
  EXPECT_EQ(Send(verb::get, "/v1/me", {{"Cookie", "saqme_session=" + std::string(64, 'a')}}).status,
            401);
}

TEST_F(LoginTest, AWrongPasswordAndAnUnknownLoginGetTheSameAnswer) {
  const std::string password = AddUser("nino", "org-records");
  Start();
  auto wrong = TryLogin("nino", password + "x");
  auto unknown = TryLogin("nobody", password);
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, wrong.status);
  EXPECT_EQ(unknown.body, wrong.body);
  EXPECT_EQ(wrong.error_code(), "unauthorized");
  EXPECT_FALSE(wrong.json().at("error").at("message_ka").as_string().empty());
  EXPECT_TRUE(wrong.header("Set-Cookie").empty());
  // A disabled person, with the right password, is refused in the same words.
  ASSERT_EQ(RunCommand(kBinary + " user disable --data " + data_ + " --login nino").first, 0);
  EXPECT_TRUE(Eventually([&] { return TryLogin("nino", password).body == wrong.body; }));
  EXPECT_EQ(TryLogin("x", "y").status, 401);
  EXPECT_EQ(client_->Post("/v1/session", "", object{{"login", "nino"}}).status, 400);
}

// Every known login costs what the dummy hash of an unknown one does (the server's cost, which
// the dummy hash is made with): a hash of another cost is replaced at the first login. Checked
// on the hash's parameters, not on a clock.
TEST_F(LoginTest, ALoginRehashesAPasswordToTheServersCost) {
  const std::string password = AddUser("nino", "org-records");  // the minimum cost
  const auto stored_hash = [&] {
    const std::string text = ReadAll(data_ + "/users.txt");
    const size_t at = text.find("$argon2id$", text.find("\nnino\t"));
    return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
  };
  ASSERT_TRUE(auth::NeedsRehash(stored_hash(), auth::PasswordCost::Interactive()));
  server_ = std::make_unique<saqme::testing::ServeProcess>(data_, tokens_);  // interactive
  ASSERT_NE(server_->port(), 0);
  client_ = std::make_unique<HttpClient>(server_->port());
  Browser browser = LogIn("nino", password);
  const std::string renewed = stored_hash();
  EXPECT_FALSE(auth::NeedsRehash(renewed, auth::PasswordCost::Interactive())) << renewed;
  // Only the hash changed: the one-time password must still be changed.
  EXPECT_NE(ReadAll(data_ + "/users.txt")
                .find("nino\torg-records\t\tactive\tmust-change\t$argon2id$v=19$m=65536,"),
            std::string::npos)
      << ReadAll(data_ + "/users.txt");
  // The same password, and the session opened with it, still hold after the server reloads.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 200);
  EXPECT_EQ(TryLogin("nino", password).status, 200);
  EXPECT_EQ(TryLogin("nino", password + "x").status, 401);
}

// The lowest cost is for test runs only: without SAQME_TEST_PASSWORD_COST=minimum it is refused.
TEST_F(LoginTest, TheMinimumCostNeedsTheTestEnvironment) {
  for (const std::string& command :
       {"user add --data " + data_ + " --login nino --post chair --password-cost minimum",
        "serve --data " + data_ + " --listen 127.0.0.1:0 --password-cost minimum"}) {
    auto [code, out] = RunCommand("env -u SAQME_TEST_PASSWORD_COST " + kBinary + " " + command);
    EXPECT_EQ(code, 2) << command << "\n" << out;
    EXPECT_NE(out.find("SAQME_TEST_PASSWORD_COST"), std::string::npos) << out;
  }
  EXPECT_FALSE(std::filesystem::exists(data_ + "/users.txt"));
}

TEST_F(LoginTest, FailedLoginsAreLimitedPerLogin) {
  const std::string nino = AddUser("nino", "org-records");
  const std::string giorgi = AddUser("giorgi", "chair");
  Start();
  for (int i = 0; i < 5; ++i) EXPECT_EQ(TryLogin("nino", "wrong-" + std::to_string(i)).status, 401);
  auto limited = TryLogin("nino", nino);  // even the right password, for now
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(limited.error_code(), "rate_limited");
  EXPECT_FALSE(limited.json().at("error").at("message_ka").as_string().empty());
  const std::string retry = limited.header("Retry-After");
  ASSERT_FALSE(retry.empty());
  EXPECT_GT(std::stoi(retry), 800);  // about 15 minutes
  EXPECT_LE(std::stoi(retry), 900);
  // The same for a login nobody has: a limit tells nothing about who exists.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(TryLogin("ghost", "wrong").status, 401);
  EXPECT_EQ(TryLogin("ghost", "wrong").status, 429);
  // Another person from the same address still logs in.
  EXPECT_EQ(TryLogin("giorgi", giorgi).status, 200);
}

TEST_F(LoginTest, FailedLoginsAreLimitedPerAddress) {
  const std::string giorgi = AddUser("giorgi", "chair");
  Start();
  for (int i = 0; i < 20; ++i) {  // every attempt a different login, all from 127.0.0.1
    EXPECT_EQ(TryLogin("guess-" + std::to_string(i), "wrong").status, 401);
  }
  auto limited = TryLogin("giorgi", giorgi);
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_FALSE(limited.header("Retry-After").empty());
  // A client cannot pass for another address.
  auto forged =
      client_->Send(verb::post, "/v1/session", "",
                    boost::json::serialize(object{{"login", "giorgi"}, {"password", giorgi}}),
                    "application/json", {{"X-Saqme-Client-Address", "10.0.0.9"}});
  EXPECT_EQ(forged.status, 429);
}

TEST_F(LoginTest, AOneTimePasswordMustBeChangedBeforeAnythingElse) {
  const std::string password = AddUser("nino", "org-records", "ნინო");
  Start();
  Browser browser = LogIn("nino", password);
  auto gated = Send(verb::get, "/v1/inbox", browser.Reading());
  EXPECT_EQ(gated.status, 403);
  EXPECT_EQ(gated.error_code(), "password_change_required");
  EXPECT_EQ(Send(verb::post, "/v1/cases", browser.Writing(), Registration("gated-1")).error_code(),
            "password_change_required");
  auto me = Send(verb::get, "/v1/me", browser.Reading());
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json().at("must_change_password"), true);

  const auto change = [&](const std::string& old_password, const std::string& new_password) {
    return Send(verb::post, "/v1/session/password", browser.Writing(),
                object{{"password", old_password}, {"new_password", new_password}});
  };
  EXPECT_EQ(change("not-it-at-all", "a good new password").status, 403);
  EXPECT_EQ(change(password, "short").status, 400);
  EXPECT_EQ(change(password, password).status, 400);
  auto changed = change(password, "a good new password");
  ASSERT_EQ(changed.status, 200) << changed.body;
  browser.Renewed(changed);

  EXPECT_EQ(Send(verb::get, "/v1/inbox", browser.Reading()).status, 200);
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).json().at("must_change_password"), false);
  EXPECT_EQ(TryLogin("nino", password).status, 401);
  auto again = TryLogin("nino", "a good new password");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json().at("must_change_password"), false);
  std::ifstream users(data_ + "/users.txt");
  std::string text((std::istreambuf_iterator<char>(users)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text.find("a good new password"), std::string::npos);
  EXPECT_NE(text.find("nino\torg-records\tნინო\tactive\tok\t$argon2id$"), std::string::npos);
}

TEST_F(LoginTest, LogoutEndsTheSessionAndClearsTheCookie) {
  const std::string password = AddUser("nino", "org-records");
  Start();
  Browser browser = LogIn("nino", password);
  EXPECT_EQ(Send(verb::delete_, "/v1/session", browser.Reading()).status, 403);  // no CSRF token
  auto out = Send(verb::delete_, "/v1/session", browser.Writing());
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_NE(out.header("Set-Cookie").find("saqme_session=;"), std::string::npos);
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 401);
  EXPECT_EQ(Send(verb::delete_, "/v1/session", browser.Writing()).status, 401);
}

TEST_F(LoginTest, ASessionExpiresWhenTheSimulatedClockPassesTheIdleTime) {
  const std::string password = AddUser("nino", "org-records");
  Start({"--session-idle-minutes", "600"});
  Browser browser = LogInChanged("nino", password, "a good new password");
  ASSERT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 200);
  auto advanced = client_->Post("/v1/admin/clock/advance", chair_token_, object{{"days", 1}});
  ASSERT_EQ(advanced.status, 200) << advanced.body;
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 401);
  // Logging in again works, on the moved clock.
  Browser again = LogIn("nino", "a good new password");
  EXPECT_EQ(Send(verb::get, "/v1/me", again.Reading()).status, 200);
  EXPECT_EQ(client_->Get("/v1/me", chair_token_).status, 200);  // tokens do not expire
}

TEST_F(LoginTest, CookieWritesNeedTheCsrfTokenAndTheServersOrigin) {
  const std::string password = AddUser("nino", "org-records", "ტესტ პირი");
  const std::string clerk_token = api::TokenStore::Add(tokens_, "org-records").value();
  Start();
  Browser browser = LogInChanged("nino", password, "a good new password");
  auto bare = Send(verb::post, "/v1/cases", browser.Reading(), Registration("csrf-1"));
  EXPECT_EQ(bare.status, 403);
  EXPECT_EQ(bare.error_code(), "forbidden");
  Headers wrong_token = {{"Cookie", browser.cookie}, {"X-CSRF-Token", std::string(64, '0')}};
  EXPECT_EQ(Send(verb::post, "/v1/cases", wrong_token, Registration("csrf-1")).status, 403);
  Headers foreign = browser.Writing();
  foreign.push_back({"Origin", "http://evil.example"});
  auto cross = Send(verb::post, "/v1/cases", foreign, Registration("csrf-1"));
  EXPECT_EQ(cross.status, 403);
  EXPECT_EQ(cross.error_code(), "forbidden");

  Headers own = browser.Writing();
  own.push_back({"Origin", "http://127.0.0.1"});  // the client's Host header
  auto registered = Send(verb::post, "/v1/cases", own, Registration("csrf-1"));
  ASSERT_EQ(registered.status, 201) << registered.body;
  // The event records the person who logged in, not the post's holder.
  const std::string case_id(registered.json().at("case_id").as_string());
  auto history = Send(verb::get, "/v1/cases/" + case_id + "/history", browser.Reading());
  ASSERT_EQ(history.status, 200);
  EXPECT_NE(history.body.find("ტესტ პირი"), std::string::npos);
  EXPECT_EQ(history.body.find("მარიამ ხომერიკი"), std::string::npos);  // org-records' holder
  // Reads need no CSRF token; a bearer token needs none for writes.
  EXPECT_EQ(Send(verb::get, "/v1/inbox", browser.Reading()).status, 200);
  EXPECT_EQ(client_->Post("/v1/cases", clerk_token, Registration("csrf-2")).status, 201);
  // Nor may another site log the browser in.
  auto foreign_login = client_->Send(
      verb::post, "/v1/session", "",
      boost::json::serialize(object{{"login", "nino"}, {"password", "a good new password"}}),
      "application/json", {{"Origin", "http://evil.example"}});
  EXPECT_EQ(foreign_login.status, 403);
  EXPECT_TRUE(foreign_login.header("Set-Cookie").empty());
}

TEST_F(LoginTest, APersonWithSeveralPostsSwitchesAmongThem) {
  const std::string password = AddUser("nino", "sec-legal,org-records");
  Start();
  Browser browser = LogInChanged("nino", password, "a good new password");
  EXPECT_EQ(browser.body.at("post"), "sec-legal");
  EXPECT_EQ(browser.body.at("posts"), (boost::json::array{"sec-legal", "org-records"}));
  auto switched =
      Send(verb::post, "/v1/session/post", browser.Writing(), object{{"post", "org-records"}});
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(switched.json().at("post"), "org-records");
  EXPECT_EQ(switched.json().at("today"), "2026-11-02");  // answered as /v1/me, on the server's day
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).json().at("post"), "org-records");
  EXPECT_EQ(Send(verb::get, "/v1/inbox", browser.Reading()).json().at("post"), "org-records");
  EXPECT_EQ(
      Send(verb::post, "/v1/session/post", browser.Writing(), object{{"post", "chair"}}).status,
      403);
}

TEST_F(LoginTest, UsersAndTokensChangedWhileTheServerRunsTakeEffectAtOnce) {
  AddUser("first", "chair");
  const std::string script_token = api::TokenStore::Add(tokens_, "sec-legal").value();
  Start();
  ASSERT_EQ(client_->Get("/v1/me", script_token).status, 200);

  // A person added now logs in without a restart.
  const std::string password = AddUser("nino", "org-records");
  // (Not polled: every failed attempt would count against the limit.)
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  Browser browser = LogIn("nino", password);

  // A malformed users file is not taken: the last good one stays.
  const std::string good = ReadAll(data_ + "/users.txt");
  ReplaceFile(data_ + "/users.txt", good + "this line is not a person\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 200);
  EXPECT_EQ(TryLogin("nino", password).status, 200);
  ASSERT_EQ(RunCommand(kBinary + " user list --data " + data_).first, 2);  // it says why
  ReplaceFile(data_ + "/users.txt", good);                                 // mended

  // Disabling a person ends their sessions.
  auto [code, out] = RunCommand(kBinary + " user disable --data " + data_ + " --login nino");
  ASSERT_EQ(code, 0) << out;
  EXPECT_TRUE(
      Eventually([&] { return Send(verb::get, "/v1/me", browser.Reading()).status == 401; }));
  EXPECT_EQ(TryLogin("nino", password).status, 401);
  ASSERT_EQ(RunCommand(kBinary + " user enable --data " + data_ + " --login nino").first, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(TryLogin("nino", password).status, 200);

  // A reset gives a new one-time password; the old one stops working.
  const std::string first_reset = [&] {
    auto [reset_code, reset_out] = RunCommand(kBinary + " user reset --data " + data_ +
                                              " --login first --password-cost minimum");
    EXPECT_EQ(reset_code, 0) << reset_out;
    std::smatch match;
    std::regex_search(reset_out, match, std::regex("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
    return match.empty() ? std::string() : match[0].str();
  }();
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(TryLogin("first", first_reset).status, 200);

  // A revoked token stops working within the second.
  auto [list_code, listed] = RunCommand(kBinary + " token list --tokens " + tokens_);
  ASSERT_EQ(list_code, 0) << listed;
  const std::string hash = api::TokenStore::Sha256Hex(script_token);
  EXPECT_NE(listed.find(hash.substr(0, 12) + "\tsec-legal"), std::string::npos) << listed;
  EXPECT_EQ(listed.find(script_token), std::string::npos);
  // (--data DIR means DIR/tokens.txt, which tokens_ is.)
  auto [revoke_code, revoked] =
      RunCommand(kBinary + " token revoke --data " + dir_.path() + " --hash " + hash.substr(0, 10));
  ASSERT_EQ(revoke_code, 0) << revoked;
  EXPECT_TRUE(Eventually([&] { return client_->Get("/v1/me", script_token).status == 401; }));
  EXPECT_EQ(client_->Get("/v1/me", chair_token_).status, 200);
}

TEST_F(LoginTest, TheFirstStartCreatesDemonstrationPersons) {
  Start();
  std::map<std::string, std::string> passwords;
  const std::regex line("  ([a-z0-9-]+)\t([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})");
  for (const auto& printed : server_->banner()) {
    std::smatch match;
    if (std::regex_match(printed, match, line)) passwords[match[1]] = match[2];
  }
  for (const char* login : {"org-records", "apparatus-head", "apparatus-deputy", "chair",
                            "sec-legal", "info-public", "org-head", "info-web", "sec-junior-1"}) {
    ASSERT_TRUE(passwords.count(login)) << login;
  }
  EXPECT_EQ(passwords.size(), 9u);
  struct stat st;
  ASSERT_EQ(::stat((data_ + "/users.txt").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto reply = TryLogin("org-head", passwords["org-head"]);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.json().at("post"), "org-head");
  EXPECT_EQ(reply.json().at("must_change_password"), true);
  auto [code, listed] = RunCommand(kBinary + " user list --data " + data_);
  EXPECT_EQ(code, 0);
  EXPECT_NE(listed.find("sec-junior-1\tsec-junior-1\t"), std::string::npos) << listed;
  EXPECT_EQ(listed.find("$argon2id$"), std::string::npos);
  EXPECT_EQ(listed.find(passwords["chair"]), std::string::npos);
}

TEST_F(LoginTest, TheUserCommandsRefuseBadArgumentsInBothLanguages) {
  for (const std::string& args :
       {std::string("user add --data ") + data_ + " --login X --post chair",
        std::string("user add --data ") + data_ + " --login nino --post no-such-post",
        std::string("user add --data ") + data_ + " --login nino",
        std::string("user disable --data ") + data_ + " --login nobody",
        std::string("user frobnicate"),
        std::string("token revoke --tokens ") + tokens_ + " --hash abc",
        std::string("token list")}) {
    auto [code, out] = RunCommand(kBinary + " " + args);
    EXPECT_EQ(code, 2) << args << "\n" << out;
    EXPECT_TRUE(std::regex_search(out, std::regex("[ა-ჰ]"))) << args << "\n" << out;
  }
  AddUser("nino", "chair");
  auto [code, out] = RunCommand(kBinary + " user add --data " + data_ +
                                " --login nino --post chair --password-cost minimum");
  EXPECT_EQ(code, 2) << out;
}

// Login tests added with the security review (docs/auth.md): what must stop, stops.

TEST_F(LoginTest, AnAlertStreamEndsWithItsSessionOrToken) {
  const std::string nino = AddUser("nino", "org-records");
  const std::string giorgi = AddUser("giorgi", "chair");
  const std::string script_token = api::TokenStore::Add(tokens_, "sec-legal").value();
  Start();
  Browser first = LogInChanged("nino", nino, "a good new password");
  Browser second = LogInChanged("giorgi", giorgi, "another good password");
  AlertStream by_logout(server_->port(), first.Reading());
  AlertStream by_disable(server_->port(), second.Reading());
  AlertStream by_revoke(server_->port(), {{"Authorization", "Bearer " + script_token}});
  AlertStream kept(server_->port(), {{"Authorization", "Bearer " + chair_token_}});
  bool closed = true;
  EXPECT_NE(by_logout.Read(std::chrono::milliseconds(1500), &closed).find("HTTP/1.1 200"),
            std::string::npos);
  EXPECT_FALSE(closed);

  ASSERT_EQ(Send(verb::delete_, "/v1/session", first.Writing()).status, 200);
  EXPECT_TRUE(by_logout.EndsWithin(std::chrono::seconds(4)));
  ASSERT_EQ(RunCommand(kBinary + " user disable --data " + data_ + " --login giorgi").first, 0);
  EXPECT_TRUE(by_disable.EndsWithin(std::chrono::seconds(5)));
  const std::string hash = api::TokenStore::Sha256Hex(script_token);
  ASSERT_EQ(
      RunCommand(kBinary + " token revoke --tokens " + tokens_ + " --hash " + hash.substr(0, 12))
          .first,
      0);
  EXPECT_TRUE(by_revoke.EndsWithin(std::chrono::seconds(5)));
  EXPECT_FALSE(kept.EndsWithin(std::chrono::milliseconds(1500)));  // the others go on
}

TEST_F(LoginTest, AnAlertStreamEndsWhenTheSessionSwitchesPostOrIdlesOut) {
  const std::string password = AddUser("nino", "sec-legal,org-records");
  Start({"--session-idle-minutes", "600"});
  Browser browser = LogInChanged("nino", password, "a good new password");
  AlertStream switched(server_->port(), browser.Reading());
  AlertStream idle(server_->port(), browser.Reading());
  bool closed = true;
  switched.Read(std::chrono::milliseconds(1200), &closed);
  EXPECT_FALSE(closed);
  ASSERT_EQ(Send(verb::post, "/v1/session/post", browser.Writing(), object{{"post", "org-records"}})
                .status,
            200);
  EXPECT_TRUE(switched.EndsWithin(std::chrono::seconds(4)));
  // An open stream does not keep its session alive: past the idle time, both end.
  auto advanced = client_->Post("/v1/admin/clock/advance", chair_token_, object{{"days", 1}});
  ASSERT_EQ(advanced.status, 200) << advanced.body;
  EXPECT_TRUE(idle.EndsWithin(std::chrono::seconds(4)));
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 401);
}

TEST_F(LoginTest, TheMustChangeGateCoversTheAlertStreamAndThePostSwitch) {
  const std::string password = AddUser("nino", "sec-legal,org-records");
  Start();
  Browser browser = LogIn("nino", password);
  auto stream = Send(verb::get, "/v1/alerts/stream", browser.Reading());
  EXPECT_EQ(stream.status, 403) << stream.body;
  EXPECT_EQ(stream.error_code(), "password_change_required");
  auto post =
      Send(verb::post, "/v1/session/post", browser.Writing(), object{{"post", "org-records"}});
  EXPECT_EQ(post.status, 403) << post.body;
  EXPECT_EQ(post.error_code(), "password_change_required");
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).json().at("post"), "sec-legal");
}

TEST_F(LoginTest, ACsrfTokenBelongsToItsOwnSessionAndEveryWriteVerbNeedsIt) {
  const std::string nino = AddUser("nino", "org-records");
  const std::string giorgi = AddUser("giorgi", "chair");
  Start();
  Browser a = LogInChanged("nino", nino, "a good new password");
  Browser b = LogInChanged("giorgi", giorgi, "another good password");
  Headers mixed = {{"Cookie", b.cookie}, {"X-CSRF-Token", a.csrf}};
  auto refused = Send(verb::post, "/v1/cases", mixed, Registration("mixed-1"));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.error_code(), "forbidden");
  EXPECT_EQ(Send(verb::delete_, "/v1/session", mixed).status, 403);
  EXPECT_EQ(Send(verb::get, "/v1/me", b.Reading()).status, 200);  // B's session is still there
  // PUT, PATCH and a method the server does not know are writes too: no token, no entry.
  for (const verb method : {verb::put, verb::patch, verb::unknown}) {
    HttpClient fresh(server_->port());
    auto reply =
        method == verb::unknown
            ? [&] {
                boost::asio::io_context io;
                boost::asio::ip::tcp::socket socket(io);
                socket.connect({boost::asio::ip::make_address("127.0.0.1"), server_->port()});
                const std::string request = "FROB /v1/cases HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " +
                                            b.cookie + "\r\nContent-Length: 0\r\n\r\n";
                boost::asio::write(socket, boost::asio::buffer(request));
                boost::beast::flat_buffer buffer;
                boost::beast::http::response<boost::beast::http::string_body> response;
                boost::beast::http::read(socket, buffer, response);
                return HttpClient::Reply{static_cast<int>(response.result_int()), response.body(), {}};
              }()
            : fresh.Send(method, "/v1/cases", "", boost::json::serialize(Registration("put-1")),
                         "application/json", b.Reading());
    EXPECT_EQ(reply.status, 403) << boost::beast::http::to_string(method) << " " << reply.body;
    EXPECT_EQ(reply.error_code(), "forbidden") << reply.body;
  }
}

TEST_F(LoginTest, ALoginIsJsonFromTheSameSite) {
  const std::string password = AddUser("nino", "org-records");
  Start();
  const std::string body =
      boost::json::serialize(object{{"login", "nino"}, {"password", password}});
  auto form = client_->Send(verb::post, "/v1/session", "", body, "text/plain");
  EXPECT_EQ(form.status, 400) << form.body;
  EXPECT_TRUE(form.header("Set-Cookie").empty());
  auto cross = client_->Send(verb::post, "/v1/session", "", body, "application/json",
                             {{"Sec-Fetch-Site", "cross-site"}});
  EXPECT_EQ(cross.status, 403) << cross.body;
  EXPECT_EQ(client_
                ->Send(verb::post, "/v1/session", "", body, "application/json",
                       {{"Sec-Fetch-Site", "same-origin"}})
                .status,
            200);
}

TEST_F(LoginTest, APasswordChangeRenewsTheSessionIdAndCsrfToken) {
  const std::string password = AddUser("nino", "org-records");
  Start();
  Browser browser = LogIn("nino", password);
  auto changed = Send(verb::post, "/v1/session/password", browser.Writing(),
                      object{{"password", password}, {"new_password", "a good new password"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  const std::string cookie = changed.header("Set-Cookie");
  const std::string renewed = cookie.substr(0, cookie.find(';'));
  EXPECT_NE(renewed, browser.cookie);
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 401);  // the old id is gone
  Browser now{renewed, std::string(changed.json().at("csrf_token").as_string()), {}};
  EXPECT_NE(now.csrf, browser.csrf);
  EXPECT_EQ(Send(verb::get, "/v1/me", now.Reading()).json().at("csrf_token").as_string().c_str(),
            now.csrf);
  EXPECT_EQ(Send(verb::post, "/v1/cases", {{"Cookie", renewed}, {"X-CSRF-Token", browser.csrf}},
                 Registration("rotated-1"))
                .status,
            403);
  EXPECT_EQ(Send(verb::post, "/v1/cases", now.Writing(), Registration("rotated-1")).status, 201);
  // A new login from the same browser ends the session its cookie held.
  auto again = client_->Send(
      verb::post, "/v1/session", "",
      boost::json::serialize(object{{"login", "nino"}, {"password", "a good new password"}}),
      "application/json", now.Reading());
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(Send(verb::get, "/v1/me", now.Reading()).status, 401);
}

// Many logins at the same moment: each is counted when it starts, so the limit holds however
// many run at once (here with the real argon2id cost, so that they overlap).
TEST_F(LoginTest, ConcurrentLoginsCannotPassTheFailureLimit) {
  // The real cost for the stored hash too: each wrong password takes a real argon2id.
  auto [code, out] =
      RunCommand(kBinary + " user add --data " + data_ + " --login nino --post org-records");
  ASSERT_EQ(code, 0) << out;
  server_ = std::make_unique<saqme::testing::ServeProcess>(data_, tokens_);  // interactive cost
  ASSERT_NE(server_->port(), 0);
  constexpr int kAttempts = 12;
  std::vector<int> statuses(kAttempts, 0);
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < kAttempts; ++i)
    clients.push_back(std::make_unique<HttpClient>(server_->port()));
  std::vector<std::thread> threads;
  for (int i = 0; i < kAttempts; ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = clients[i]
                        ->Post("/v1/session", "", object{{"login", "nino"}, {"password", "wrong"}})
                        .status;
    });
  }
  for (auto& thread : threads) thread.join();
  int wrong = 0, limited = 0;
  for (int status : statuses) {
    wrong += status == 401;
    limited += status == 429;
  }
  EXPECT_EQ(wrong, 5) << "401s: " << wrong << ", 429s: " << limited;
  EXPECT_EQ(wrong + limited, kAttempts);
}

TEST_F(LoginTest, AHalfWrittenOrUnreadableUsersFileKeepsTheLastGoodOne) {
  const std::string password = AddUser("nino", "org-records");
  Start();
  Browser browser = LogInChanged("nino", password, "a good new password");
  const std::string users = data_ + "/users.txt";
  const std::string good = ReadAll(users);
  ASSERT_EQ(good.back(), '\n');
  // Caught in the middle of an in-place edit: the last line cut inside its hash.
  ReplaceFile(users, good.substr(0, good.size() - 20));
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 200);
  // Something that cannot be read (here a directory in its place) is not "no users" either.
  ASSERT_TRUE(std::filesystem::remove(users));
  ASSERT_TRUE(std::filesystem::create_directory(users));
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 200);
  EXPECT_EQ(TryLogin("nino", "a good new password").status, 200);
  // The file back as it was: followed again.
  std::filesystem::remove(users);
  ReplaceFile(users, good);
  ASSERT_EQ(RunCommand(kBinary + " user disable --data " + data_ + " --login nino").first, 0);
  EXPECT_TRUE(
      Eventually([&] { return Send(verb::get, "/v1/me", browser.Reading()).status == 401; }));
}

TEST_F(LoginTest, ALogLineNeverNamesALoginByAnUnkeyedHash) {
  AddUser("nino", "org-records");
  Start();
  EXPECT_EQ(TryLogin("nino", "wrong").status, 401);
  EXPECT_EQ(TryLogin("ghost", "wrong").status, 401);
  const std::string nino = api::TokenStore::Sha256Hex("login:nino").substr(0, 12);
  const std::string ghost = api::TokenStore::Sha256Hex("login:ghost").substr(0, 12);
  bool logged = false;
  for (int i = 0; i < 30 && !logged; ++i) {
    for (const auto& line : server_->Lines())
      logged = logged || line.find("failed login") != std::string::npos;
    if (!logged) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(logged);
  for (const auto& line : server_->Lines()) {
    EXPECT_EQ(line.find(nino), std::string::npos) << line;
    EXPECT_EQ(line.find(ghost), std::string::npos) << line;
    EXPECT_EQ(line.find("nino"), std::string::npos) << line;
  }
}

TEST_F(LoginTest, APublicOriginMakesTheCookieSecureAndIsTheOnlyOriginAccepted) {
  const std::string password = AddUser("nino", "org-records");
  Start({"--public-origin", "https://saqme.example"});
  auto reply = TryLogin("nino", password);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_NE(reply.header("Set-Cookie").find("; Secure"), std::string::npos)
      << reply.header("Set-Cookie");
  Browser browser = LogInChanged("nino", password, "a good new password");
  Headers by_host = browser.Writing();
  by_host.push_back({"Origin", "http://127.0.0.1"});  // the Host the proxy passed on
  EXPECT_EQ(Send(verb::post, "/v1/cases", by_host, Registration("origin-1")).status, 403);
  Headers public_origin = browser.Writing();
  public_origin.push_back({"Origin", "https://saqme.example"});
  auto registered = Send(verb::post, "/v1/cases", public_origin, Registration("origin-1"));
  EXPECT_EQ(registered.status, 201) << registered.body;
  auto [code, out] = RunCommand(kBinary + " serve --data " + dir_.Sub("other") +
                                " --listen 127.0.0.1:0 --public-origin https://saqme.example/path");
  EXPECT_EQ(code, 2) << out;
}

TEST_F(LoginTest, DemonstrationPersonsAreNeverAddedToAnExistingLog) {
  Start();
  ASSERT_FALSE(server_->banner().empty());
  server_.reset();
  client_.reset();
  // An existing directory without users.txt (an upgrade, a file removed): no public accounts.
  ASSERT_TRUE(std::filesystem::remove(data_ + "/users.txt"));
  Start();
  for (const auto& line : server_->banner()) {
    EXPECT_EQ(line.find("Demonstration"), std::string::npos) << line;
  }
  EXPECT_FALSE(std::filesystem::exists(data_ + "/users.txt"));
  struct stat st;
  ASSERT_EQ(::stat(data_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
}

TEST_F(LoginTest, DisablingAPersonListsTheTokensOfTheirPosts) {
  AddUser("nino", "org-records,sec-legal");
  const std::string clerk = api::TokenStore::Add(tokens_, "org-records").value();
  auto [code, out] =
      RunCommand(kBinary + " user disable --data " + data_ + " --login nino --tokens " + tokens_);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find(api::TokenStore::Sha256Hex(clerk).substr(0, 12) + "\torg-records"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find(api::TokenStore::Sha256Hex(chair_token_).substr(0, 12)), std::string::npos)
      << out;
  EXPECT_NE(out.find("token revoke"), std::string::npos) << out;
}

}  // namespace
}  // namespace saqme
