// saqme user add|list|disable|enable|reset: the persons who log in (DATA/users.txt, docs/auth.md).
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "api/tokens.h"
#include "auth/password.h"
#include "auth/user_store.h"
#include "cli/args.h"
#include "cli/commands.h"

namespace saqme::cli {
namespace {

constexpr char kUsage[] =
    "usage: saqme user add --data DIR --login LOGIN --post POST-ID[,POST-ID...] [--name NAME]\n"
    "                      [--org FILE]\n"
    "       saqme user list --data DIR\n"
    "       saqme user disable|enable --data DIR --login LOGIN [--tokens FILE]\n"
    "       saqme user reset --data DIR --login LOGIN\n";

constexpr char kHelp[] =
    "\nThe persons who log in to the console, kept in DIR/users.txt (docs/auth.md); the server\n"
    "sees every change within a second, without a restart.\n\n"
    "  add      a person holding the posts (they must exist in the org chart --org, default\n"
    "           Ozurgeti; the first is the one they act as after logging in); prints a\n"
    "           one-time password, to be changed at the first login. LOGIN: 2 to 64 of\n"
    "           a-z 0-9 . _ -\n"
    "  list     login, posts, name and state of every person (never a password hash)\n"
    "  disable  the person can no longer log in; their sessions end. The bearer tokens of\n"
    "           their posts (FILE, default DIR/tokens.txt) keep working: they are listed, to\n"
    "           be revoked (saqme token revoke) when the person had them\n"
    "  enable   the person may log in again\n"
    "  reset    a new one-time password (printed), to be changed at the next login; their\n"
    "           sessions end\n\n"
    "--password-cost minimum hashes with libsodium's lowest cost: for tests only (it needs\n"
    "SAQME_TEST_PASSWORD_COST=minimum in the environment).\n";

Status Missing(const std::string& what) {
  return Status::Error(Status::Code::kInvalidArgument, what + " is required (see --help)",
                       what + " აუცილებელია (იხ. --help)");
}

// DIR/users.txt; DIR is created (mode 0700) when it does not exist yet.
Result<std::string> UsersFile(const Args& args, bool create) {
  const std::string dir = args.GetOr("data", DefaultDataDir());
  if (create && !std::filesystem::exists(dir)) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) {
      return Status::Error(Status::Code::kIOError, "cannot create the directory " + dir,
                           "საქაღალდე " + dir + " ვერ შეიქმნა");
    }
    ::chmod(dir.c_str(), 0700);
  }
  if (!std::filesystem::is_directory(dir)) {
    return Status::Error(Status::Code::kNotFound, "no data directory " + dir,
                         "მონაცემთა საქაღალდე " + dir + " არ არსებობს");
  }
  return dir + "/users.txt";
}

void PrintPassword(const std::string& login, const std::string& password) {
  std::cerr << "ერთჯერადი პაროლი / one-time password for " << login
            << " (shown once; it must be changed at the first login):\n";
  std::cout << password << "\n";
}

// After a disable: the tokens of the person's posts, which a disable does not stop (a token
// belongs to a post, not to a person), with how to revoke them.
void PrintTokensOfPosts(const Args& args, const std::string& users_file, const std::string& login) {
  auto users = auth::UserStore::Load(users_file);
  const auth::Person* person = users.ok() ? users->Find(login) : nullptr;
  const std::string tokens_file =
      args.GetOr("tokens", args.GetOr("data", DefaultDataDir()) + "/tokens.txt");
  auto tokens = api::TokenStore::Load(tokens_file);
  if (!person || !tokens.ok()) return;
  bool any = false;
  for (const auto& [hash, post] : tokens->entries()) {
    if (std::find(person->posts.begin(), person->posts.end(), post) == person->posts.end())
      continue;
    if (!any) {
      std::cout << "ტოკენები ამ პირის თანამდებობებისთვის კვლავ მოქმედებს / tokens of this "
                   "person's posts still work; revoke those the person had with\n"
                   "  saqme token revoke --tokens "
                << tokens_file << " --hash PREFIX\n";
      any = true;
    }
    std::cout << "  " << hash.substr(0, 12) << "\t" << post << "\n";
  }
}

}  // namespace

int RunUser(int argc, char** argv) {
  int exit_code = 0;
  auto parsed = ParseAction(argc, argv, {"add", "list", "disable", "enable", "reset"},
                            {"data", "login", "post", "name", "org", "password-cost", "tokens"},
                            kUsage, kHelp, &exit_code);
  if (!parsed) return exit_code;
  const std::string& action = parsed->action;
  const Args* args = &parsed->args;
  Status crypto = auth::InitCrypto();
  if (!crypto.ok()) return Fail(crypto);
  auto cost = auth::PasswordCost::Parse(args->GetOr("password-cost", "interactive"));
  if (!cost.ok()) return Fail(cost.status());
  auto path = UsersFile(*args, action == "add");
  if (!path.ok()) return Fail(path.status());

  if (action == "list") {
    auto users = auth::UserStore::Load(path.value());
    if (!users.ok() && users.status().code() != Status::Code::kNotFound) {
      return Fail(users.status());
    }
    std::cout << "login\tposts\tname\tstate\n";
    if (!users.ok()) return 0;
    for (const auto& person : users->persons()) {
      std::string posts;
      for (const auto& post : person.posts) posts += (posts.empty() ? "" : ",") + post;
      std::cout << person.login << "\t" << posts << "\t" << person.name << "\t"
                << (person.active ? "active" : "disabled")
                << (person.must_change_password ? ", must change password" : "") << "\n";
    }
    return 0;
  }
  if (!args->Has("login")) return Fail(Missing("--login"));
  const std::string login = *args->Get("login");
  if (!auth::ValidLogin(login)) {
    return Fail(Status::Error(Status::Code::kInvalidArgument,
                              "--login has 2 to 64 characters a-z, 0-9, '.', '_', '-'",
                              "--login უნდა შედგებოდეს 2-64 სიმბოლოსგან: a-z, 0-9, '.', '_', '-'"));
  }
  if (action == "disable" || action == "enable") {
    Status set = auth::SetActive(path.value(), login, action == "enable");
    if (!set.ok()) return Fail(set);
    std::cout << login << " " << action << "d\n";
    if (action == "disable") PrintTokensOfPosts(*args, path.value(), login);
    return 0;
  }
  if (action == "reset") {
    auto password = auth::ResetPassword(path.value(), login, cost.value());
    if (!password.ok()) return Fail(password.status());
    PrintPassword(login, password.value());
    return 0;
  }
  if (!args->Has("post")) return Fail(Missing("--post"));
  const auto posts = auth::SplitPosts(*args->Get("post"));
  if (posts.empty()) return Fail(Missing("--post"));
  auto org = LoadOrg(args->GetOr("org", "ozurgeti"));
  if (!org.ok()) return Fail(org.status());
  auto password = auth::AddPerson(path.value(), org.value(), login, posts, args->GetOr("name", ""),
                                  cost.value());
  if (!password.ok()) return Fail(password.status());
  PrintPassword(login, password.value());
  return 0;
}

}  // namespace saqme::cli
