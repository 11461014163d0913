#include "api/tokens.h"

#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <sstream>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include "storage/event_codec.h"

namespace saqme::api {

std::string TokenStore::Sha256Hex(const std::string& text) { return storage::Sha256Hex(text); }

Result<TokenStore> TokenStore::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return Status::Error(Status::Code::kNotFound, "cannot read the tokens file " + path,
                         "ტოკენების ფაილი " + path + " ვერ წაიკითხა");
  }
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
  const mode_t old = umask(077);
  std::ofstream out(path, std::ios::app);
  umask(old);
  if (!out) {
    return Status::Error(Status::Code::kIOError, "cannot write the tokens file " + path,
                         "ტოკენების ფაილში ჩაწერა ვერ მოხერხდა");
  }
  out << Sha256Hex(token) << " " << post << "\n";
  out.flush();
  if (!out) return Status::Error(Status::Code::kIOError, "cannot write the tokens file " + path);
  return token;
}

}  // namespace saqme::api
