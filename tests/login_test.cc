// Persons logging in to the real server (`saqme serve` as a process): sessions and their
// cookie, /v1/me, wrong passwords and unknown logins alike, failed-login limits, the
// must-change gate, logout, idle expiry on the simulated clock, CSRF, several posts, and the
// users and tokens files changed by `saqme user` / `saqme token` while the server runs.
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>

#include <gtest/gtest.h>

#include "api/tokens.h"
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
};

class LoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.Sub("data");
    tokens_ = dir_.Sub("tokens.txt");
    chair_token_ = api::TokenStore::Add(tokens_, "chair").value();
  }

  // `saqme user add` (cheap hashes, for the tests' speed); returns the one-time password.
  std::string AddUser(const std::string& login, const std::string& posts,
                      const std::string& name = "") {
    auto [code, out] = RunCommand(
        kBinary + " user add --data " + data_ + " --login " + login + " --post " + posts +
        (name.empty() ? "" : " --name '" + name + "'") + " --password-cost minimum");
    EXPECT_EQ(code, 0) << out;
    std::smatch match;
    const std::regex password("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
    EXPECT_TRUE(std::regex_search(out, match, password)) << out;
    return match.empty() ? "" : match[0].str();
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
    return browser;
  }

  HttpClient::Reply Send(verb method, const std::string& target, const Headers& headers,
                         const boost::json::value& body = nullptr) {
    return client_->Send(method, target, "", body.is_null() ? "" : boost::json::serialize(body),
                         "application/json", headers);
  }

  // Polls `check` for up to three seconds (the server looks at its files once a second).
  static bool Eventually(const std::function<bool()>& check) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (std::chrono::steady_clock::now() < deadline) {
      if (check()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return check();
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

// With the real (interactive) cost, an unknown login takes the time of a wrong password: it is
// checked against a dummy hash of the same cost.
TEST_F(LoginTest, AnUnknownLoginTakesAboutAsLongAsAWrongPassword) {
  auto [code, out] =
      RunCommand(kBinary + " user add --data " + data_ + " --login nino --post org-records");
  ASSERT_EQ(code, 0) << out;
  server_ = std::make_unique<saqme::testing::ServeProcess>(data_, tokens_);
  ASSERT_NE(server_->port(), 0);
  client_ = std::make_unique<HttpClient>(server_->port());
  auto time = [&](const std::string& login) {
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(TryLogin(login, "not the password").status, 401);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  double wrong = 1e9, unknown = 1e9;
  for (int i = 0; i < 3; ++i) {  // the fastest of three, against the machine's noise
    wrong = std::min(wrong, time("nino"));
    unknown = std::min(unknown, time("nobody-" + std::to_string(i)));
  }
  EXPECT_GT(wrong, 0.01);  // an argon2id computation of 64 MiB is never this quick
  EXPECT_GT(unknown, wrong * 0.4) << "unknown " << unknown << " s, wrong " << wrong << " s";
  EXPECT_LT(unknown, wrong * 2.5) << "unknown " << unknown << " s, wrong " << wrong << " s";
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
  {
    std::ofstream users(data_ + "/users.txt", std::ios::app);
    users << "this line is not a person\n";
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(Send(verb::get, "/v1/me", browser.Reading()).status, 200);
  EXPECT_EQ(TryLogin("nino", password).status, 200);
  ASSERT_EQ(RunCommand(kBinary + " user list --data " + data_).first, 2);  // it says why
  {                                                                        // mend it
    std::ifstream in(data_ + "/users.txt");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    text.erase(text.find("this line"));
    std::ofstream out(data_ + "/users.txt", std::ios::trunc);
    out << text;
  }

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
  const auto revoked_at = std::chrono::steady_clock::now();
  EXPECT_TRUE(Eventually([&] { return client_->Get("/v1/me", script_token).status == 401; }));
  EXPECT_LT(std::chrono::steady_clock::now() - revoked_at, std::chrono::milliseconds(1500));
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

}  // namespace
}  // namespace saqme
