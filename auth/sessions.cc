#include "auth/sessions.h"

#include <algorithm>

#include "auth/password.h"
#include "storage/event_codec.h"

namespace saqme::auth {

std::string SessionTable::Key(std::string_view id) { return storage::Sha256Hex(id); }

std::string SessionTable::Open(Session* session, int64_t now_ms) {
  const std::string id = RandomHex(32);
  session->csrf_token = RandomHex(32);
  session->last_seen_ms = now_ms;
  std::lock_guard<std::mutex> lock(mu_);
  std::erase_if(sessions_,
                [&](const auto& entry) { return now_ms - entry.second.last_seen_ms >= idle_ms_; });
  sessions_[Key(id)] = *session;
  return id;
}

std::optional<Session> SessionTable::Touch(std::string_view id, int64_t now_ms) {
  const std::string key = Key(id);
  std::lock_guard<std::mutex> lock(mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return std::nullopt;
  if (now_ms - it->second.last_seen_ms >= idle_ms_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_seen_ms = std::max(it->second.last_seen_ms, now_ms);
  return it->second;
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
