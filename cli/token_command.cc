// saqme token add|list|revoke: the bearer tokens of scripts (DATA/tokens.txt, docs/auth.md).
#include <iostream>

#include "api/tokens.h"
#include "cli/args.h"
#include "cli/commands.h"

namespace saqme::cli {
namespace {

constexpr char kUsage[] =
    "usage: saqme token add --tokens FILE|--data DIR --post POST-ID [--org FILE]\n"
    "       saqme token list --tokens FILE|--data DIR\n"
    "       saqme token revoke --tokens FILE|--data DIR --hash PREFIX\n";

constexpr char kHelp[] =
    "\nThe tokens file is FILE, or DIR/tokens.txt. Only each token's SHA-256 is kept; the\n"
    "server sees every change within a second, without a restart.\n\n"
    "  add     a random bearer token for the post (it must exist in the org chart --org,\n"
    "          default Ozurgeti), printed once\n"
    "  list    the first 12 hex digits of each token's SHA-256 and its post\n"
    "  revoke  removes the one token whose SHA-256 starts with PREFIX (at least 8 hex\n"
    "          digits, as many as make it unique); it stops working within a second,\n"
    "          alert streams opened with it included\n";

}  // namespace

int RunToken(int argc, char** argv) {
  int exit_code = 0;
  auto parsed = ParseAction(argc, argv, {"add", "list", "revoke"},
                            {"tokens", "data", "post", "org", "hash"}, kUsage, kHelp, &exit_code);
  if (!parsed) return exit_code;
  const std::string& action = parsed->action;
  const Args* args = &parsed->args;
  if (!args->Has("tokens") && !args->Has("data")) {
    return Fail(Status::Error(Status::Code::kInvalidArgument, "--tokens or --data is required",
                              "--tokens ან --data აუცილებელია"));
  }
  const std::string file =
      args->Has("tokens") ? *args->Get("tokens") : *args->Get("data") + "/tokens.txt";
  if (action == "list") {
    auto tokens = api::TokenStore::Load(file);
    if (!tokens.ok()) return Fail(tokens.status());
    std::cout << "hash\tpost\n";
    for (const auto& [hash, post] : tokens->entries()) {
      std::cout << hash.substr(0, 12) << "\t" << post << "\n";
    }
    return 0;
  }
  if (action == "revoke") {
    if (!args->Has("hash")) {
      return Fail(Status::Error(Status::Code::kInvalidArgument, "--hash PREFIX is required",
                                "--hash PREFIX აუცილებელია"));
    }
    auto revoked = api::TokenStore::Revoke(file, *args->Get("hash"));
    if (!revoked.ok()) return Fail(revoked.status());
    std::cout << "revoked " << revoked->substr(0, 12) << " " << revoked->substr(65) << "\n";
    return 0;
  }
  if (!args->Has("post")) {
    return Fail(
        Status::Error(Status::Code::kInvalidArgument, "--post is required", "--post აუცილებელია"));
  }
  auto org = LoadOrg(args->GetOr("org", "ozurgeti"));
  if (!org.ok()) return Fail(org.status());
  if (!org->FindPost(*args->Get("post"))) {
    return Fail(Status::Error(Status::Code::kNotFound,
                              "no post '" + *args->Get("post") + "' in the org chart",
                              "თანამდებობა '" + *args->Get("post") + "' არ არსებობს"));
  }
  auto token = api::TokenStore::Add(file, *args->Get("post"));
  if (!token.ok()) return Fail(token.status());
  std::cout << token.value() << "\n";
  return 0;
}

}  // namespace saqme::cli
