#include "api/logins.h"

#include <algorithm>

#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/json_body.h"
#include "api/request_record.h"
#include "model/event_codec.h"
#include "model/tbilisi_time.h"

namespace saqme::api {
namespace {

Response JsonAnswer(http::status status, const boost::json::value& body, const Request& request) {
  Response response{status, request.version()};
  response.set(http::field::content_type, "application/json; charset=utf-8");
  response.set(http::field::cache_control, "no-store");
  response.body() = boost::json::serialize(body);
  response.keep_alive(request.keep_alive());
  response.prepare_payload();
  return response;
}

Response Refusal(const Request& request, http::status status, const char* code,
                 const std::string& en, const std::string& ka) {
  return ErrorResponse(status, code, en, ka, request.version(), request.keep_alive());
}

Response BadRequest(const Request& request, const std::string& en, const std::string& ka) {
  return Refusal(request, http::status::bad_request, "bad_request", en, ka);
}

Response WrongLogin(const Request& request) {
  return Refusal(request, http::status::unauthorized, "unauthorized",
                 "the login or the password is wrong", "მომხმარებლის სახელი ან პაროლი არასწორია");
}

Response CrossSite(const Request& request) {
  return Refusal(request, http::status::forbidden, "forbidden",
                 "cross-site request refused: a write with the session cookie needs the "
                 "X-CSRF-Token of the session and the server's own Origin",
                 "საიტთაშორისი მოთხოვნა უარყოფილია: სესიით ჩაწერას სჭირდება სესიის "
                 "X-CSRF-Token და სერვერის საკუთარი Origin");
}

// The string fields `names` of a JSON object body; nullopt when it is not exactly that.
std::optional<std::vector<std::string>> StringFields(const Request& request,
                                                     const std::vector<const char*>& names) {
  auto body = ParseJsonBody(request.body());  // a key given twice is not "exactly that"
  const boost::json::object* object = body.ok() ? body->if_object() : nullptr;
  if (!object || object->size() != names.size()) return std::nullopt;
  std::vector<std::string> out;
  for (const char* name : names) {
    const boost::json::value* value = object->if_contains(name);
    if (!value || !value->is_string()) return std::nullopt;
    out.emplace_back(value->as_string());
  }
  return out;
}

// The value of cookie `name` among the request's Cookie headers.
std::optional<std::string> CookieValue(const Request& request, std::string_view name) {
  const auto [first, last] = request.equal_range(http::field::cookie);
  for (auto field = first; field != last; ++field) {
    std::string_view rest = field->value();
    while (!rest.empty()) {
      const size_t semicolon = rest.find(';');
      std::string_view pair = rest.substr(0, semicolon);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      const size_t eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
        return std::string(pair.substr(eq + 1));
      }
      if (semicolon == std::string_view::npos) break;
      rest.remove_prefix(semicolon + 1);
    }
  }
  return std::nullopt;
}

Response Busy(const Request& request) {
  return Refusal(request, http::status::service_unavailable, "unavailable",
                 "too many logins at the same moment; try again in a few seconds",
                 "ერთდროულად ზედმეტად ბევრი შესვლაა; სცადეთ რამდენიმე წამში");
}

// A permit of the hashing semaphore, waited for at most five seconds; released on destruction.
class HashPermit {
 public:
  explicit HashPermit(std::counting_semaphore<2>* permits)
      : permits_(permits), held_(permits->try_acquire_for(std::chrono::seconds(5))) {}
  ~HashPermit() { Release(); }
  HashPermit(const HashPermit&) = delete;
  HashPermit& operator=(const HashPermit&) = delete;
  bool held() const { return held_; }
  void Release() {
    if (held_) permits_->release();
    held_ = false;
  }

 private:
  std::counting_semaphore<2>* permits_;
  bool held_;
};

bool JsonBody(const Request& request) {
  const std::string_view type = request[http::field::content_type];
  return type.substr(0, 16) == "application/json";
}

bool IsWrite(const Request& request) {
  const auto verb = request.method();
  return verb != http::verb::get && verb != http::verb::head && verb != http::verb::options;
}

boost::json::array Strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& item : items) out.emplace_back(item);
  return out;
}

}  // namespace

Logins::Logins(std::function<std::shared_ptr<const workflows::OrgChart>()> org, TokenStore tokens,
               std::function<int64_t()> clock)
    : org_(std::move(org)),
      clock_(std::move(clock)),
      tokens_(std::make_shared<const TokenStore>(std::move(tokens))),
      users_(std::make_shared<const auth::UserStore>()),
      sessions_(std::make_unique<auth::SessionTable>(
          std::chrono::milliseconds(options_.session_idle).count())),
      login_failures_(std::make_unique<auth::FailureLimiter>(options_.max_failures_per_login,
                                                             options_.failure_window)),
      address_failures_(std::make_unique<auth::FailureLimiter>(options_.max_failures_per_address,
                                                               options_.failure_window)) {
  // libsodium must start before its first use; Configure reports a failure to start.
  if (!auth::InitCrypto().ok()) spdlog::error("libsodium could not start: nobody can log in");
  log_key_ = auth::RandomHex(32);
}

bool Logins::SameOrigin(const Request& request) const {
  // Browsers say so themselves (Fetch Metadata); a request without it falls to Origin.
  if (request["Sec-Fetch-Site"] == "cross-site") return false;
  const std::string origin(request[http::field::origin]);
  if (origin.empty()) return true;
  if (!options_.public_origin.empty()) return origin == options_.public_origin;
  const std::string host(request[http::field::host]);
  // Served over HTTPS, a page of http://<Host> is another origin (a network attacker's, typically).
  if (options_.secure_cookie) return origin == "https://" + host;
  return origin == "http://" + host || origin == "https://" + host;
}

std::string Logins::LogName(const std::string& login) const {
  return auth::KeyedHashHex(log_key_, login).substr(0, 12);
}

Status Logins::Configure(LoginOptions options) {
  Status crypto = auth::InitCrypto();
  if (!crypto.ok()) return crypto;
  auto dummy = auth::HashPassword(auth::RandomHex(16), options.password_cost);
  if (!dummy.ok()) return dummy.status();
  std::lock_guard<std::mutex> users_lock(users_mu_);
  std::lock_guard<std::mutex> tokens_lock(tokens_mu_);
  if (!options.tokens_file.empty()) {
    auth::FileWatch watch(options.tokens_file);
    auto tokens = TokenStore::Load(options.tokens_file);
    if (!tokens.ok()) return tokens.status();
    watch.Seen();
    tokens_ = std::make_shared<const TokenStore>(std::move(tokens.value()));
    tokens_watch_.emplace(std::move(watch));
  }
  if (!options.users_file.empty()) {
    auth::FileWatch watch(options.users_file);
    auto users = auth::UserStore::Load(options.users_file);
    if (!users.ok() && users.status().code() != Status::Code::kNotFound) return users.status();
    watch.Seen();
    users_ = std::make_shared<const auth::UserStore>(users.ok() ? std::move(users.value())
                                                                : auth::UserStore());
    users_watch_.emplace(std::move(watch));
  }
  dummy_hash_ = dummy.value();
  options_ = std::move(options);
  sessions_ = std::make_unique<auth::SessionTable>(
      std::chrono::milliseconds(options_.session_idle).count());
  login_failures_ = std::make_unique<auth::FailureLimiter>(options_.max_failures_per_login,
                                                           options_.failure_window);
  address_failures_ = std::make_unique<auth::FailureLimiter>(options_.max_failures_per_address,
                                                             options_.failure_window);
  return Status::Ok();
}

int64_t Logins::SteadyMillis() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool Logins::InOrg(const std::string& post) const { return org_()->FindPost(post) != nullptr; }

std::shared_ptr<const TokenStore> Logins::CurrentTokens() {
  std::lock_guard<std::mutex> lock(tokens_mu_);
  if (tokens_watch_ && tokens_watch_->Changed()) {
    auto tokens = TokenStore::Load(tokens_watch_->path());
    if (tokens.ok()) {
      tokens_ = std::make_shared<const TokenStore>(std::move(tokens.value()));
      spdlog::info("tokens reloaded: {} tokens", tokens_->size());
    } else if (tokens.status().code() == Status::Code::kNotFound) {
      tokens_ = std::make_shared<const TokenStore>();
      spdlog::warn("the tokens file is gone: no token is valid until it is back");
    } else {  // the message names the file and the line, never a token
      tokens_watch_->Retry();
      spdlog::error("tokens file not reloaded, the last good one stays: {}",
                    tokens.status().message());
    }
  }
  return tokens_;
}

void Logins::RefreshUsers(bool now) {
  // users_mu_ is held by the caller.
  if (!users_watch_) return;
  if (now) {
    users_watch_->Seen();
  } else if (!users_watch_->Changed()) {
    return;
  }
  auto users = auth::UserStore::Load(users_watch_->path());
  if (users.ok() || users.status().code() == Status::Code::kNotFound) {
    users_ = std::make_shared<const auth::UserStore>(users.ok() ? std::move(users.value())
                                                                : auth::UserStore());
    sessions_->Reconcile(*users_, [this](const std::string& post) { return InOrg(post); });
    spdlog::info("users reloaded: {} persons, {} sessions", users_->persons().size(),
                 sessions_->size());
  } else {  // the message names the line by number only: the file holds personal data
    users_watch_->Retry();  // e.g. caught half-written: look again in a second
    spdlog::error("users file not reloaded, the last good one stays: {}", users.status().message());
  }
}

std::shared_ptr<const auth::UserStore> Logins::CurrentUsers() {
  std::lock_guard<std::mutex> lock(users_mu_);
  RefreshUsers();
  return users_;
}

std::optional<Logins::Who> Logins::Find(const Request& request, bool touch) {
  const std::string authorization(request[http::field::authorization]);
  const std::string bearer = "Bearer ";
  if (!authorization.empty()) {
    if (authorization.rfind(bearer, 0) != 0) return std::nullopt;
    const std::string hash = TokenStore::Sha256Hex(authorization.substr(bearer.size()));
    const auto tokens = CurrentTokens();
    auto it = tokens->entries().find(hash);
    if (it == tokens->entries().end()) return std::nullopt;
    // A token speaks for the post's holder of the day (appointments follow the log).
    const auto today = workflows::Date::Parse(TbilisiDate(clock_()));
    Who who;
    who.caller = Caller{it->second, today ? org_()->HolderOn(it->second, *today) : "",
                        "token:" + hash.substr(0, 8), false};
    return who;
  }
  const auto id = CookieValue(request, kSessionCookie);
  if (!id || id->empty()) return std::nullopt;
  CurrentUsers();  // a disabled person's sessions end before this one is looked at
  auto session = touch ? sessions_->Touch(*id, clock_()) : sessions_->Peek(*id, clock_());
  if (!session) return std::nullopt;
  Who who;
  who.caller = Caller{session->post, session->person, session->login, true};
  who.session_id = *id;
  who.session = std::move(*session);
  return who;
}

std::optional<Caller> Logins::Identify(const Request& request) {
  auto who = Find(request);
  if (!who) return std::nullopt;
  return who->caller;
}

std::optional<Caller> Logins::Recheck(const Request& request) {
  auto who = Find(request, /*touch=*/false);
  if (!who) return std::nullopt;
  return who->caller;
}

std::optional<Response> Logins::Admit(const Request& request, const std::vector<std::string>& path,
                                      Caller* caller) {
  const auto verb = request.method();
  const bool session_route = path.size() >= 2 && path[1] == "session";
  if (verb == http::verb::post && session_route && path.size() == 2) {
    // No CSRF token before a session exists, but a page of another site may not log the
    // browser in to an account of its choosing either.
    // A form of another site can post text/plain without a preflight; JSON needs one.
    if (!JsonBody(request)) {
      return BadRequest(request, "a login is sent as application/json",
                        "შესვლის მოთხოვნა იგზავნება application/json ფორმატით");
    }
    return SameOrigin(request) ? Login(request) : CrossSite(request);
  }
  auto who = Find(request);
  if (!who) {
    return Refusal(request, http::status::unauthorized, "unauthorized",
                   "a valid bearer token or session is required",
                   "საჭიროა მოქმედი ავტორიზაციის ტოკენი ან სესია");
  }
  *caller = who->caller;  // known, for the request log, even when refused below
  const bool me = verb == http::verb::get && path.size() == 2 && path[1] == "me";
  const bool logout = verb == http::verb::delete_ && session_route && path.size() == 2;
  const bool password =
      verb == http::verb::post && session_route && path.size() == 3 && path[2] == "password";
  const bool switch_post =
      verb == http::verb::post && session_route && path.size() == 3 && path[2] == "post";
  if (who->caller.by_session && IsWrite(request)) {
    const std::string sent(request["X-CSRF-Token"]);
    if (!auth::SameSecret(sent, who->session.csrf_token) || !SameOrigin(request)) {
      return CrossSite(request);
    }
  }
  if (who->caller.by_session && who->session.must_change_password && !me && !logout && !password) {
    return Refusal(request, http::status::forbidden, "password_change_required",
                   "the password must be changed first (POST /v1/session/password)",
                   "ჯერ პაროლი უნდა შეიცვალოს (POST /v1/session/password)");
  }
  if (me) return Me(request, *who);
  if (logout || password || switch_post) {
    if (!who->caller.by_session) {
      return BadRequest(request, "this route is for a session, not a bearer token",
                        "ეს მისამართი სესიისთვისაა და არა ტოკენისთვის");
    }
    if (logout) return Logout(request, *who);
    return password ? ChangePassword(request, *who) : SwitchPost(request, *who);
  }
  return std::nullopt;
}

std::optional<Response> Logins::BeginAttempt(const Request& request, const std::string& login_key,
                                             const std::string& address, int64_t* at_ms) {
  const int64_t now = SteadyMillis();
  *at_ms = now;
  int64_t wait = login_failures_->Begin(login_key, now);
  if (wait == 0) {
    wait = address_failures_->Begin(address, now);
    if (wait != 0) login_failures_->Forgive(login_key, now);  // this attempt does not happen
  }
  if (wait == 0) return std::nullopt;
  Response response =
      Refusal(request, http::status::too_many_requests, "rate_limited",
              "too many failed attempts; try again in " + std::to_string(wait) + " seconds",
              "ზედმეტად ბევრი წარუმატებელი ცდა; სცადეთ " + std::to_string(wait) + " წამში");
  response.set(http::field::retry_after, std::to_string(wait));
  return response;
}

void Logins::Forgive(const std::string& login_key, const std::string& address, int64_t at_ms) {
  login_failures_->Forgive(login_key, at_ms);
  address_failures_->Forgive(address, at_ms);
}

Response Logins::Login(const Request& request) {
  auto fields = StringFields(request, {"login", "password"});
  if (!fields) {
    return BadRequest(request, "the body must be {\"login\": \"...\", \"password\": \"...\"}",
                      "ტანი უნდა იყოს {\"login\": \"...\", \"password\": \"...\"}");
  }
  const std::string& login = (*fields)[0];
  const std::string& password = (*fields)[1];
  // Keyed by a hash: the limiter holds no login in the clear, and no unbounded string.
  const std::string login_key = TokenStore::Sha256Hex("login:" + login);
  const std::string address(request[kClientAddressField]);
  int64_t attempt_at = 0;  // counted as a failure from now until it succeeds
  if (auto limited = BeginAttempt(request, login_key, address, &attempt_at)) {
    return std::move(*limited);
  }
  HashPermit permit(&hashing_);
  if (!permit.held()) {
    Forgive(login_key, address, attempt_at);  // nothing was tried
    return Busy(request);
  }
  const auto users = CurrentUsers();
  const auth::Person* person = users->Find(login);
  // An unknown login is verified against a dummy hash: the same work, the same answer.
  const std::string verified_hash = person ? person->password_hash : dummy_hash_;
  const bool matches = auth::VerifyPassword(verified_hash, password);
  // A hash of another cost (an older `user add`) is replaced by one of the server's cost, so
  // that every known login costs what the dummy hash of an unknown one does.
  std::string rehashed;
  if (person && matches && auth::NeedsRehash(verified_hash, options_.password_cost)) {
    auto hash = auth::HashPassword(password, options_.password_cost);
    if (hash.ok()) rehashed = hash.value();
  }
  permit.Release();

  auth::Session session;
  std::string id;
  {
    // Under the lock the reloads take: the person is looked at again as the file is now, so a
    // disable or reset during the verification above is not missed, and no reload can
    // reconcile the table between this check and the new session.
    std::lock_guard<std::mutex> lock(users_mu_);
    RefreshUsers();
    const auth::Person* current = person && matches ? users_->Find(login) : nullptr;
    std::vector<std::string> posts;
    if (current && current->active && current->password_hash == verified_hash) {
      posts = auth::PostsInOrg(*current, [this](const std::string& post) { return InOrg(post); });
      if (posts.empty()) {
        spdlog::error("a person (login {}) holds no post of this org chart", LogName(login));
      }
    }
    if (!posts.empty()) {
      session.login = current->login;
      session.person = current->Display();
      session.posts = posts;
      session.post = posts.front();
      session.must_change_password = current->must_change_password;
      session.password_hash = verified_hash;
      if (!rehashed.empty()) {
        Status stored = auth::Rehash(options_.users_file, login, verified_hash, rehashed);
        if (stored.ok()) {
          sessions_->Rehashed(login, verified_hash, rehashed);  // they stay open
          session.password_hash = rehashed;
          RefreshUsers(/*now=*/true);
        } else {
          spdlog::error("a password hash could not be renewed (login {}): {}", LogName(login),
                        Status::CodeName(stored.code()));
        }
      }
      // The session the browser held until now (if any) ends: one cookie, one session.
      if (auto previous = CookieValue(request, kSessionCookie)) sessions_->End(*previous);
      id = sessions_->Open(&session, clock_());
    }
  }
  if (id.empty()) {  // the attempt stays counted as a failure
    spdlog::warn("failed login (login {})", LogName(login));
    return WrongLogin(request);
  }
  login_failures_->Clear(login_key);
  address_failures_->Forgive(address, attempt_at);
  boost::json::object body{{"person", session.person},
                           {"login", session.login},
                           {"post", session.post},
                           {"posts", Strings(session.posts)},
                           {"must_change_password", session.must_change_password},
                           {"csrf_token", session.csrf_token}};
  Response response = JsonAnswer(http::status::ok, body, request);
  response.set(http::field::set_cookie, SessionCookie(id));
  // The request log names who logged in (a failed attempt's login is not trusted: a password
  // typed into the login field would reach the log).
  Note(&response, kNotePost, session.post);
  Note(&response, kNoteLogin, session.login);
  return response;
}

std::string Logins::SessionCookie(const std::string& id) const {
  return std::string(kSessionCookie) + "=" + id + "; HttpOnly; SameSite=Strict; Path=/" +
         (id.empty() ? "; Max-Age=0" : "") + (options_.secure_cookie ? "; Secure" : "");
}

Response Logins::Logout(const Request& request, const Who& who) {
  sessions_->End(who.session_id);
  Response response = JsonAnswer(http::status::ok, boost::json::object{{"ok", true}}, request);
  response.set(http::field::set_cookie, SessionCookie(""));
  return response;
}

Response Logins::ChangePassword(const Request& request, const Who& who) {
  auto fields = StringFields(request, {"password", "new_password"});
  if (!fields) {
    return BadRequest(request,
                      "the body must be {\"password\": \"...\", \"new_password\": \"...\"}",
                      "ტანი უნდა იყოს {\"password\": \"...\", \"new_password\": \"...\"}");
  }
  const std::string& old_password = (*fields)[0];
  const std::string& new_password = (*fields)[1];
  const std::string login_key = TokenStore::Sha256Hex("login:" + who.caller.login);
  const std::string address(request[kClientAddressField]);
  int64_t attempt_at = 0;
  if (auto limited = BeginAttempt(request, login_key, address, &attempt_at)) {
    return std::move(*limited);
  }
  HashPermit permit(&hashing_);
  if (!permit.held()) {
    Forgive(login_key, address, attempt_at);
    return Busy(request);
  }
  if (!auth::VerifyPassword(who.session.password_hash, old_password)) {
    return Refusal(request, http::status::forbidden, "forbidden", "the current password is wrong",
                   "მიმდინარე პაროლი არასწორია");
  }
  Forgive(login_key, address, attempt_at);
  Status acceptable = auth::CheckNewPassword(new_password);
  if (acceptable.ok() && new_password == old_password) {
    acceptable = Status::Error(Status::Code::kInvalidArgument,
                               "the new password must differ from the current one",
                               "ახალი პაროლი უნდა განსხვავდებოდეს მიმდინარისგან");
  }
  if (!acceptable.ok()) return BadRequest(request, acceptable.message(), acceptable.message_ka());
  auto new_hash = auth::HashPassword(new_password, options_.password_cost);
  permit.Release();
  if (!new_hash.ok()) {
    return Refusal(request, http::status::service_unavailable, "unavailable",
                   new_hash.status().message(), new_hash.status().message_ka());
  }
  std::lock_guard<std::mutex> lock(users_mu_);  // no reload between the file and this session
  Status changed = auth::SetPasswordHash(options_.users_file, who.caller.login,
                                         who.session.password_hash, new_hash.value());
  if (changed.code() == Status::Code::kConflict || changed.code() == Status::Code::kNotFound) {
    return Refusal(request, http::status::conflict, "conflict", changed.message(),
                   changed.message_ka());
  }
  if (!changed.ok()) {
    spdlog::error("password change not saved: {}", Status::CodeName(changed.code()));
    return Refusal(request, http::status::service_unavailable, "unavailable",
                   "the new password could not be saved", "ახალი პაროლი ვერ შეინახა");
  }
  // A new session id and CSRF token: whoever had learnt the old ones has nothing now.
  const auto rotated = sessions_->Rotate(who.session_id, [&](auth::Session& session) {
    session.password_hash = new_hash.value();
    session.must_change_password = false;
  });
  RefreshUsers(/*now=*/true);  // the person's other sessions end: their hash is the old one
  if (!rotated) return WrongLogin(request);  // ended meanwhile (a logout)
  auto session = sessions_->Peek(*rotated, clock_());
  boost::json::object body{{"ok", true}, {"must_change_password", false}};
  if (session) body["csrf_token"] = session->csrf_token;
  Response response = JsonAnswer(http::status::ok, body, request);
  response.set(http::field::set_cookie, SessionCookie(*rotated));
  return response;
}

Response Logins::SwitchPost(const Request& request, const Who& who) {
  auto fields = StringFields(request, {"post"});
  if (!fields) {
    return BadRequest(request, "the body must be {\"post\": \"POST-ID\"}",
                      "ტანი უნდა იყოს {\"post\": \"POST-ID\"}");
  }
  const std::string& post = (*fields)[0];
  // Checked inside the table's own step: a reload may have taken the post away meanwhile.
  std::vector<std::string> posts;
  const bool switched = sessions_->Update(who.session_id, [&](auth::Session& session) {
    if (std::find(session.posts.begin(), session.posts.end(), post) == session.posts.end()) return;
    session.post = post;
    posts = session.posts;
  });
  if (!switched || posts.empty()) {
    return Refusal(request, http::status::forbidden, "forbidden",
                   "'" + post + "' is not one of your posts",
                   "'" + post + "' არ არის თქვენი თანამდებობა");
  }
  Who moved = who;
  moved.caller.post = post;
  moved.session.post = post;
  moved.session.posts = std::move(posts);
  return Me(request, moved);
}

Response Logins::Me(const Request& request, const Who& who) {
  const auto today = workflows::Date::Parse(TbilisiDate(clock_()));
  const auto org = org_();
  std::vector<std::string> acting_for;
  for (const auto& acting : org->acting()) {
    if (acting.acting_post == who.caller.post && today && acting.Covers(*today)) {
      acting_for.push_back(acting.post);
    }
  }
  std::vector<std::string> powers;
  // While someone acts for the caller's post, its powers are theirs (workflows::rules::Need).
  const auto acted_for_by = today ? org->ActingFor(who.caller.post, *today) : std::nullopt;
  std::vector<std::string> exercised;
  if (!acted_for_by) exercised.push_back(who.caller.post);
  exercised.insert(exercised.end(), acting_for.begin(), acting_for.end());
  for (const auto& post_id : exercised) {
    const auto* post = org->FindPost(post_id);
    if (!post) continue;
    for (auto power : post->powers) {
      const std::string name = workflows::PowerName(power);
      if (std::find(powers.begin(), powers.end(), name) == powers.end()) powers.push_back(name);
    }
  }
  const bool session = who.caller.by_session;
  boost::json::object body{
      {"person", who.caller.person},
      {"login", who.caller.login},
      {"post", who.caller.post},
      {"posts", Strings(session ? who.session.posts : std::vector<std::string>{who.caller.post})},
      {"acting_for", Strings(acting_for)},
      {"powers", Strings(powers)},
      {"acted_for_by", acted_for_by ? acted_for_by->acting_post : ""},
      {"auth", session ? "session" : "token"},
      {"must_change_password", session && who.session.must_change_password}};
  if (session) body["csrf_token"] = who.session.csrf_token;
  return JsonAnswer(http::status::ok, body, request);
}

}  // namespace saqme::api
