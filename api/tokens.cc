#include "api/tokens.h"

#include <fstream>
#include <memory>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "auth/atomic_file.h"
#include "auth/user_store.h"
#include "model/event_codec.h"

namespace saqme::api {

std::string TokenStore::Sha256Hex(const std::string& text) { return storage::Sha256Hex(text); }

Result<TokenStore> TokenStore::Load(const std::string& path) {
  auto text = auth::ReadWholeFile(path, "tokens file", "ტოკენების ფაილი");
  if (!text.ok()) return text.status();
  return Parse(text.value(), path);
}

Result<TokenStore> TokenStore::Parse(const std::string& text, const std::string& path) {
  std::istringstream in(text);
  TokenStore store;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string hash, post, extra;
    fields >> hash >> post >> extra;
    bool hex = hash.size() == 64;
    for (char c : hash) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!hex || post.empty() || !extra.empty()) {
      return Status::Error(
          Status::Code::kInvalidArgument,
          path + " line " + std::to_string(number) + ": expected SHA-256-HEX-OF-TOKEN POST-ID",
          "ტოკენების ფაილის შეცდომა, სტრიქონი " + std::to_string(number));
    }
    store.posts_[hash] = post;
  }
  return store;
}

std::optional<std::string> TokenStore::PostOf(const std::string& token) const {
  auto it = posts_.find(Sha256Hex(token));
  if (it == posts_.end()) return std::nullopt;
  return it->second;
}

Result<std::string> TokenStore::Add(const std::string& path, const std::string& post) {
  unsigned char random[24];
  if (RAND_bytes(random, sizeof(random)) != 1) {
    return Status::Error(Status::Code::kIOError, "no randomness for a token");
  }
  const std::string token = "sq_" + storage::HexOf(std::string_view(
                                        reinterpret_cast<const char*>(random), sizeof(random)));
  // Read-modify-write under the lock, replaced atomically (mode 0600) like a revocation: no
  // torn line, no lost token, and no process-wide umask() while other threads run.
  auto lock = auth::FileLock::Acquire(path);
  if (!lock.ok()) return lock.status();
  auto text = auth::ReadWholeFile(path, "tokens file", "ტოკენების ფაილი");
  if (!text.ok() && text.status().code() != Status::Code::kNotFound) return text.status();
  std::string contents = text.ok() ? text.value() : std::string();
  if (auto valid = Parse(contents, path); !valid.ok()) return valid.status();
  if (!contents.empty() && contents.back() != '\n') contents += '\n';
  contents += Sha256Hex(token) + " " + post + "\n";
  Status written = auth::WriteFileAtomically(path, contents, 0600);
  if (!written.ok()) return written;
  return token;
}

Result<std::string> TokenStore::Revoke(const std::string& path, const std::string& prefix) {
  bool hex = prefix.size() >= 8 && prefix.size() <= 64;
  for (char c : prefix) hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!hex) {
    return Status::Error(Status::Code::kInvalidArgument,
                         "--hash needs 8 to 64 lower-case hex digits of the token's SHA-256",
                         "--hash მოითხოვს ტოკენის SHA-256-ის 8-დან 64-მდე თექვსმეტობით ციფრს");
  }
  auto lock = auth::FileLock::Acquire(path);
  if (!lock.ok()) return lock.status();
  auto store = Load(path);  // refuses a malformed file rather than rewriting it
  if (!store.ok()) return store.status();
  std::string revoked;
  int matches = 0;
  for (const auto& [hash, post] : store->posts_) {
    if (hash.rfind(prefix, 0) == 0) {
      ++matches;
      revoked = hash + " " + post;
    }
  }
  if (matches == 0) {
    return Status::Error(Status::Code::kNotFound, "no token whose hash starts with " + prefix,
                         "ტოკენი ჰეშით " + prefix + " არ მოიძებნა");
  }
  if (matches > 1) {
    return Status::Error(Status::Code::kConflict,
                         "several tokens' hashes start with " + prefix + "; give more digits",
                         "რამდენიმე ტოკენის ჰეში იწყება " + prefix + "-ით; მიუთითეთ მეტი ციფრი");
  }
  // Every other line stays as it was, comments included.
  std::ifstream in(path);
  std::string kept, line;
  while (std::getline(in, line)) {
    const size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line.compare(first, prefix.size(), prefix) == 0) continue;
    kept += line + "\n";
  }
  Status written = auth::WriteFileAtomically(path, kept, 0600);
  if (!written.ok()) return written;
  return revoked;
}

}  // namespace saqme::api
