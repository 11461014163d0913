// Logins: who a request comes from, and the routes of logging in (docs/auth.md).
//
// A request is identified by its bearer token (Authorization: Bearer, for scripts) or else by
// its session cookie (saqme_session, for the console). Persons live in the users file and
// tokens in the tokens file; both are followed without a restart (looked at at most once a
// second, under a mutex; a malformed file keeps the last good one). Sessions live in memory.
// Cookie-authenticated writes need the session's CSRF token and, when the browser says where
// the request comes from, the server's own origin. A person whose password must change may
// only see who they are, change it or log out. Failed logins are limited per login and per
// client address, each attempt counted when it starts; at most two password hashes are
// computed at a time. Thread-safe.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "api/http_server.h"
#include "api/identity.h"
#include "api/tokens.h"
#include "auth/failure_limiter.h"
#include "auth/file_watch.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "auth/user_store.h"
#include "workflows/org/org_chart.h"

namespace saqme::api {

inline constexpr char kSessionCookie[] = "saqme_session";

struct LoginOptions {
  std::string users_file;   // empty: nobody logs in with a password
  std::string tokens_file;  // empty: the tokens the Logins was made with stay as they are
  std::chrono::minutes session_idle{8 * 60};
  bool secure_cookie = false;  // adds Secure to the cookie (serve: --public-origin https://...)
  // "https://host[:port]" (or http://) as browsers reach the server, behind a proxy that may
  // rewrite Host: an Origin header must equal it (instead of http(s)://<Host>). Empty: Host.
  std::string public_origin;
  auth::PasswordCost password_cost = auth::PasswordCost::Interactive();
  size_t max_failures_per_login = 5;
  size_t max_failures_per_address = 20;  // an office often shares one address
  std::chrono::minutes failure_window{15};
};

class Logins {
 public:
  // `org` answers the chart in force (the engine's); `clock` is the Api's (sessions expire on
  // it).
  Logins(std::function<std::shared_ptr<const workflows::OrgChart>()> org, TokenStore tokens,
         std::function<int64_t()> clock);

  // Follows the files of `options` from now on; call before serving. kInvalidArgument (naming the
  // line) when one is malformed, kNotFound when the tokens file is missing, kUnavailable without
  // libsodium.
  Status Configure(LoginOptions options);

  // The caller of `request`: its bearer token's post, or its live session's; nullopt for
  // none (an unknown token is never answered with a session).
  std::optional<Caller> Identify(const Request& request);
  // As Identify, but a session's idle time goes on: for re-checking a request already admitted
  // (an open alert stream), which must not keep a session alive by itself.
  std::optional<Caller> Recheck(const Request& request);

  // For a request to /v1 (`path`: its segments): nullopt when it may go on to its route, with
  // `*caller` set; otherwise the answer: the session routes' own (POST and DELETE /v1/session
  // — a login from a page of another Origin is refused too —,
  // POST /v1/session/password, POST /v1/session/post, GET /v1/me), or a refusal (401 nobody,
  // 403 forbidden for a cookie write without CSRF token or from another origin, 403
  // password_change_required). `*caller` is also set when a known caller is refused or answered
  // by a session route (for the request log).
  std::optional<Response> Admit(const Request& request, const std::vector<std::string>& path,
                                Caller* caller);

 private:
  struct Who {
    Caller caller;
    std::string session_id;  // by_session: the id from the cookie
    auth::Session session;
  };
  std::optional<Who> Find(const Request& request, bool touch = true);
  Response Login(const Request& request);
  Response Logout(const Request& request, const Who& who);
  Response ChangePassword(const Request& request, const Who& who);
  Response SwitchPost(const Request& request, const Who& who);
  Response Me(const Request& request, const Who& who);
  // Reloads the users (and reconciles the sessions) or the tokens when their file changed.
  void RefreshUsers(bool now = false);
  std::shared_ptr<const TokenStore> CurrentTokens();
  std::shared_ptr<const auth::UserStore> CurrentUsers();
  bool InOrg(const std::string& post) const;
  // Begins an attempt for `login_key` from `address`: 429 rate_limited with Retry-After when it
  // must wait (too many failures of either); otherwise nullopt, the attempt counted as a
  // failure of both at `*at_ms` until Forgive() takes it back.
  std::optional<Response> BeginAttempt(const Request& request, const std::string& login_key,
                                       const std::string& address, int64_t* at_ms);
  void Forgive(const std::string& login_key, const std::string& address, int64_t at_ms);
  // No Origin header (not a browser's cross-site request), or the server's own origin
  // (public_origin, else https://<Host> when the cookie is Secure, else http(s)://<Host>); never
  // a request the browser calls cross-site.
  bool SameOrigin(const Request& request) const;
  // How a log line names `login`: a keyed hash (log_key_), never the login.
  std::string LogName(const std::string& login) const;
  int64_t SteadyMillis() const;
  // The Set-Cookie value of session `id`; "" clears the cookie.
  std::string SessionCookie(const std::string& id) const;

  std::function<std::shared_ptr<const workflows::OrgChart>()> org_;
  std::function<int64_t()> clock_;
  LoginOptions options_;

  std::mutex tokens_mu_;
  std::optional<auth::FileWatch> tokens_watch_;
  std::shared_ptr<const TokenStore> tokens_;

  std::mutex users_mu_;  // also held through a password change, so no reload interleaves
  std::optional<auth::FileWatch> users_watch_;
  std::shared_ptr<const auth::UserStore> users_;
  std::string dummy_hash_;  // verified when the login is unknown: the same work, the same time

  // At most two argon2id computations (64 MiB each) at a time, whatever the number of
  // connections; a request that waits too long for one is answered 503.
  std::counting_semaphore<2> hashing_{2};
  std::string log_key_;  // random, set once by the constructor

  std::unique_ptr<auth::SessionTable> sessions_;
  std::unique_ptr<auth::FailureLimiter> login_failures_, address_failures_;
};

}  // namespace saqme::api
