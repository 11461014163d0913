// SessionTable: the logged-in sessions, in memory only (a restart logs everybody out). A
// session id is 32 random bytes, given to the browser once (in the cookie) and kept here only as
// its SHA-256, so that the table compares hashes and holds nothing a reader could replay. A
// session that has not been used for the idle limit ends. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "auth/user_store.h"

namespace saqme::auth {

struct Session {
  std::string login, person;
  std::vector<std::string> posts;  // the person's posts that exist in the server's org chart
  std::string post;                // the one they act as now (one of `posts`)
  bool must_change_password = false;
  std::string csrf_token;     // 64 hex; sent back in X-CSRF-Token on every write
  std::string password_hash;  // the hash the session was opened with (a reset ends it)
  int64_t last_seen_ms = 0;   // on the server's clock
  int64_t opened_ms = 0;      // on the server's clock; a session ends at most kLifetimeMs later
};

class SessionTable {
 public:
  // However busy, a session ends a week after its login; a login holds at most 20 sessions.
  static constexpr int64_t kLifetimeMs = 7LL * 24 * 3600 * 1000;
  static constexpr size_t kMaxPerLogin = 20;

  explicit SessionTable(int64_t idle_ms) : idle_ms_(idle_ms) {}

  // Opens `*session` at `now_ms`, setting its csrf_token, last_seen_ms and opened_ms; returns
  // the session id, the only time it exists in the clear. Sessions past their time are
  // dropped, and the oldest of the login's own when it already holds kMaxPerLogin.
  std::string Open(Session* session, int64_t now_ms);
  // The session of `id` as of `now_ms`, its idle time restarted; nullopt when unknown, idle
  // for the limit or longer, or past its lifetime (then it ends).
  std::optional<Session> Touch(std::string_view id, int64_t now_ms);
  // As Touch, but the idle time goes on: for a look that is not the person's doing (an open
  // alert stream re-checking who it serves), so that it cannot keep the session alive.
  std::optional<Session> Peek(std::string_view id, int64_t now_ms);
  // Replaces the session of `id` with a new id and a new csrf_token (after a password change,
  // so that whoever knew the old ones has nothing); returns the new id, or nullopt when `id` is
  // gone. `change` is applied to the session first.
  std::optional<std::string> Rotate(std::string_view id,
                                    const std::function<void(Session&)>& change);
  // Changes the session of `id` with `change`; false when there is none.
  bool Update(std::string_view id, const std::function<void(Session&)>& change);
  void End(std::string_view id);
  // The sessions of `login` opened with `old_hash` now hold `new_hash`: the same password was
  // hashed again (at another cost), which must not end them as a reset does.
  void Rehashed(const std::string& login, const std::string& old_hash, const std::string& new_hash);
  // After the users file changed: the sessions of persons who are gone, disabled, or whose
  // password hash changed end; the others follow the file's posts (`in_org` filters them), and
  // one whose current post was taken away acts as its first remaining post (none: it ends).
  void Reconcile(const UserStore& users, const std::function<bool(const std::string&)>& in_org);
  size_t size() const;

 private:
  static std::string Key(std::string_view id);
  bool Expired(const Session& session, int64_t now_ms) const;
  std::optional<Session> Lookup(std::string_view id, int64_t now_ms, bool touch);

  const int64_t idle_ms_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Session> sessions_;  // SHA-256 hex of the id -> session
};

// The posts of `person` that `in_org` accepts, in the person's order.
std::vector<std::string> PostsInOrg(const Person& person,
                                    const std::function<bool(const std::string&)>& in_org);

}  // namespace saqme::auth
