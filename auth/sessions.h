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
};

class SessionTable {
 public:
  explicit SessionTable(int64_t idle_ms) : idle_ms_(idle_ms) {}

  // Opens `*session` at `now_ms`, setting its csrf_token and last_seen_ms; returns the session
  // id, the only time it exists in the clear. Sessions idle past the limit are dropped.
  std::string Open(Session* session, int64_t now_ms);
  // The session of `id` as of `now_ms`, its idle time restarted; nullopt when unknown or idle
  // for the limit or longer (then it ends).
  std::optional<Session> Touch(std::string_view id, int64_t now_ms);
  // Changes the session of `id` with `change`; false when there is none.
  bool Update(std::string_view id, const std::function<void(Session&)>& change);
  void End(std::string_view id);
  // After the users file changed: the sessions of persons who are gone, disabled, or whose
  // password hash changed end; the others follow the file's posts (`in_org` filters them), and
  // one whose current post was taken away acts as its first remaining post (none: it ends).
  void Reconcile(const UserStore& users, const std::function<bool(const std::string&)>& in_org);
  size_t size() const;

 private:
  static std::string Key(std::string_view id);

  const int64_t idle_ms_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Session> sessions_;  // SHA-256 hex of the id -> session
};

// The posts of `person` that `in_org` accepts, in the person's order.
std::vector<std::string> PostsInOrg(const Person& person,
                                    const std::function<bool(const std::string&)>& in_org);

}  // namespace saqme::auth
