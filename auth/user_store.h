// The persons who log in, kept in DATA/users.txt (format: docs/auth.md). One line per person:
//
//   LOGIN <TAB> POST[,POST...] <TAB> NAME <TAB> active|disabled <TAB> must-change|ok <TAB> HASH
//
// HASH is libsodium's argon2id string; the password itself is never stored. The file is only
// ever replaced whole (auth/atomic_file.h), mode 0600, under its lock, by the CLI (saqme user)
// and by the server (a password change); the server follows it without a restart.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/password.h"
#include "model/status.h"
#include "workflows/org/org_chart.h"

namespace saqme::auth {

struct Person {
  std::string login;               // [a-z0-9._-]{2,64}
  std::vector<std::string> posts;  // post ids of the org chart; the first is the default
  std::string name;                // display name; may be empty
  bool active = true;
  bool must_change_password = true;
  std::string password_hash;  // "$argon2id$..."
  // What events record as the person: the display name, or the login when there is none.
  const std::string& Display() const { return name.empty() ? login : name; }
};

// Whether `login` matches [a-z0-9._-]{2,64}.
bool ValidLogin(std::string_view login);

class UserStore {
 public:
  // Parses the text of a users file; blank lines and lines starting with '#' are skipped.
  // kInvalidArgument naming the first bad line by number (never its content, which is personal).
  static Result<UserStore> Parse(std::string_view text);
  // Reads and parses `path`; kNotFound when it does not exist, kIOError when it cannot be read
  // or does not end with a line break (being written in place: try again later).
  static Result<UserStore> Load(const std::string& path);
  // The file's text: a comment line naming the format, then one line per person.
  std::string Serialize() const;

  const Person* Find(std::string_view login) const;
  Person* Find(std::string_view login);
  const std::vector<Person>& persons() const { return persons_; }
  // Adds `person` after checking every field; kConflict when the login is taken,
  // kInvalidArgument for a bad field.
  Status Add(Person person);

 private:
  std::vector<Person> persons_;
};

// Read-modify-write of the users file at `path` under its FileLock: loads it (a missing file is
// an empty store), applies `change`, and replaces the file atomically (mode 0600) when `change`
// returns Ok. Returns `change`'s error, or the I/O error.
Status UpdateUsers(const std::string& path, const std::function<Status(UserStore&)>& change);

// The operations of `saqme user` (and of the server's first start and password change), each one
// UpdateUsers. New passwords are OneTimePassword()s that must be changed at the first login.

// Adds a person holding `posts` (each must exist in `org`); returns the one-time password.
Result<std::string> AddPerson(const std::string& path, const workflows::OrgChart& org,
                              const std::string& login, const std::vector<std::string>& posts,
                              const std::string& name, PasswordCost cost);
// A new one-time password for `login` (kNotFound when unknown); its sessions end.
Result<std::string> ResetPassword(const std::string& path, const std::string& login,
                                  PasswordCost cost);
// Marks `login` active or disabled (kNotFound when unknown); a disabled person can no longer
// log in and their sessions end.
Status SetActive(const std::string& path, const std::string& login, bool active);
// Sets `login`'s password hash to `new_hash` (already computed, so that the file lock is not
// held through argon2id) and clears must-change, if its hash is still `old_hash` (kConflict
// otherwise: it changed meanwhile); kNotFound when unknown.
Status SetPasswordHash(const std::string& path, const std::string& login,
                       const std::string& old_hash, const std::string& new_hash);

// As SetPasswordHash, but must-change stays as it is: the same password, hashed again at the
// server's cost after a login (auth/password.h NeedsRehash).
Status Rehash(const std::string& path, const std::string& login, const std::string& old_hash,
              const std::string& new_hash);

// The text of `path`: kNotFound only when it does not exist (ENOENT), kIOError for any other
// failure to read it. `what_en`/`what_ka` name the file in the messages.
Result<std::string> ReadWholeFile(const std::string& path, const std::string& what_en,
                                  const std::string& what_ka);

// Splits "a,b,c" into post ids; empty parts are dropped.
std::vector<std::string> SplitPosts(std::string_view text);

}  // namespace saqme::auth
