// Bearer tokens (docs/api.md): a file of "SHA-256-HEX-OF-TOKEN POST-ID" lines. Tokens are never
// stored in the clear; the actor of a request is the post its token belongs to.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "model/status.h"

namespace saqme::api {

class TokenStore {
 public:
  // Reads the file; blank lines and lines starting with '#' are skipped. kNotFound when the file
  // does not exist, kIOError when it cannot be read, kInvalidArgument naming a malformed line.
  static Result<TokenStore> Load(const std::string& path);

  // The post of `token`, if it is known.
  std::optional<std::string> PostOf(const std::string& token) const;
  size_t size() const { return posts_.size(); }
  // Every token as SHA-256 hex -> post.
  const std::map<std::string, std::string>& entries() const { return posts_; }

  // Parses the text of a tokens file (`path` names it in the messages).
  static Result<TokenStore> Parse(const std::string& text, const std::string& path);

  // Creates a random token for `post`, adds its hash to the file (creating it; the file is
  // replaced atomically with mode 0600 under its lock; a malformed file is refused), and returns
  // the token — the only time it exists in the clear.
  static Result<std::string> Add(const std::string& path, const std::string& post);

  // Removes from the file the one token whose hash starts with `prefix` (8 to 64 hex digits),
  // rewriting it atomically under its lock; returns that hash's line "HASH POST". Errors:
  // kInvalidArgument (not 8+ hex digits), kNotFound (no such token), kConflict (the prefix fits
  // several: give more digits), and the file's own.
  static Result<std::string> Revoke(const std::string& path, const std::string& prefix);

  static std::string Sha256Hex(const std::string& text);

 private:
  std::map<std::string, std::string> posts_;  // hash -> post
};

}  // namespace saqme::api
