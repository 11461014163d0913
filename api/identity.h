// Who sends a request: the post they act as, and the person behind it.
#pragma once

#include <string>

namespace saqme::api {

struct Caller {
  std::string post;    // the acting post: the token's, or the session's current one
  std::string person;  // a session's display name (or login); a token's post holder
  std::string login;   // a session's login; "token:<first 8 hex of the token's SHA-256>"
  bool by_session = false;
};

}  // namespace saqme::api
