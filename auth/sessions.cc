#include "auth/sessions.h"

#include <algorithm>

#include "auth/password.h"
#include "model/event_codec.h"

namespace saqme::auth {

std::string SessionTable::Key(std::string_view id) { return storage::Sha256Hex(id); }

bool SessionTable::Expired(const Session& session, int64_t now_ms) const {
  return now_ms - session.last_seen_ms >= idle_ms_ || now_ms - session.opened_ms >= kLifetimeMs;
}

std::string SessionTable::Open(Session* session, int64_t now_ms) {
  const std::string id = RandomHex(32);
  session->csrf_token = RandomHex(32);
  session->last_seen_ms = now_ms;
  session->opened_ms = now_ms;
  std::lock_guard<std::mutex> lock(mu_);
  std::erase_if(sessions_, [&](const auto& entry) { return Expired(entry.second, now_ms); });
  for (;;) {  // a login that has opened many sessions loses its oldest
    auto oldest = sessions_.end();
    size_t count = 0;
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
      if (it->second.login != session->login) continue;
      ++count;
      if (oldest == sessions_.end() || it->second.opened_ms < oldest->second.opened_ms) oldest = it;
    }
    if (count < kMaxPerLogin) break;
    sessions_.erase(oldest);
  }
  sessions_[Key(id)] = *session;
  return id;
}

std::optional<Session> SessionTable::Lookup(std::string_view id, int64_t now_ms, bool touch) {
  const std::string key = Key(id);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return std::nullopt;
  if (Expired(it->second, now_ms)) {
    sessions_.erase(it);
    return std::nullopt;
  }
  if (touch) it->second.last_seen_ms = std::max(it->second.last_seen_ms, now_ms);
  return it->second;
}

std::optional<Session> SessionTable::Touch(std::string_view id, int64_t now_ms) {
  return Lookup(id, now_ms, /*touch=*/true);
}

std::optional<Session> SessionTable::Peek(std::string_view id, int64_t now_ms) {
  return Lookup(id, now_ms, /*touch=*/false);
}

std::optional<std::string> SessionTable::Rotate(std::string_view id,
                                                const std::function<void(Session&)>& change) {
  const std::string new_id = RandomHex(32);
  const std::string csrf = RandomHex(32);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(Key(id));
  if (it == sessions_.end()) return std::nullopt;
  Session session = std::move(it->second);
  sessions_.erase(it);
  change(session);
  session.csrf_token = csrf;
  sessions_[Key(new_id)] = std::move(session);
  return new_id;
}

bool SessionTable::Update(std::string_view id, const std::function<void(Session&)>& change) {
  const std::string key = Key(id);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return false;
  change(it->second);
  return true;
}

void SessionTable::End(std::string_view id) {
  const std::string key = Key(id);
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(key);
}

void SessionTable::Rehashed(const std::string& login, const std::string& old_hash,
                            const std::string& new_hash) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto& [key, session] : sessions_) {
    if (session.login == login && session.password_hash == old_hash)
      session.password_hash = new_hash;
  }
}

std::vector<std::string> PostsInOrg(const Person& person,
                                    const std::function<bool(const std::string&)>& in_org) {
  std::vector<std::string> out;
  for (const auto& post : person.posts) {
    if (in_org(post)) out.push_back(post);
  }
  return out;
}

void SessionTable::Reconcile(const UserStore& users,
                             const std::function<bool(const std::string&)>& in_org) {
  std::lock_guard<std::mutex> lock(mu_);
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    Session& session = it->second;
    const Person* person = users.Find(session.login);
    std::vector<std::string> posts;
    if (person && person->active && person->password_hash == session.password_hash) {
      posts = PostsInOrg(*person, in_org);
    }
    if (posts.empty()) {
      it = sessions_.erase(it);
      continue;
    }
    if (std::find(posts.begin(), posts.end(), session.post) == posts.end()) {
      session.post = posts.front();
    }
    session.posts = std::move(posts);
    session.person = person->Display();
    session.must_change_password = person->must_change_password;
    ++it;
  }
}

size_t SessionTable::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

}  // namespace saqme::auth
