#include "auth/user_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "auth/atomic_file.h"

namespace saqme::auth {
namespace {

constexpr char kHeader[] =
    "# saqme users: login<TAB>posts<TAB>name<TAB>active|disabled<TAB>must-change|ok<TAB>argon2id"
    " hash (docs/auth.md)\n";

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    out.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

bool ValidPostId(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (unsigned char c : id) {
    if (c <= ' ' || c == ',' || c == 0x7f) return false;
  }
  return true;
}

// A display name fits one field of one line.
bool ValidName(std::string_view name) {
  if (name.size() > 200) return false;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

Status Invalid(const std::string& en, const std::string& ka) {
  return Status::Error(Status::Code::kInvalidArgument, en, ka);
}

// Every field of `person` as the file can hold it.
Status Check(const Person& person) {
  if (!ValidLogin(person.login)) {
    return Invalid("a login has 2 to 64 characters a-z, 0-9, '.', '_' or '-'",
                   "მომხმარებლის სახელი უნდა შედგებოდეს 2-64 სიმბოლოსგან: a-z, 0-9, '.', '_', '-'");
  }
  if (person.posts.empty()) {
    return Invalid("a person holds at least one post", "პირს უნდა ეკავოს ერთი თანამდებობა მაინც");
  }
  for (const auto& post : person.posts) {
    if (!ValidPostId(post)) return Invalid("a post id is malformed", "თანამდებობის კოდი არასწორია");
  }
  if (!ValidName(person.name)) {
    return Invalid("a name has at most 200 bytes and no tabs or line breaks",
                   "სახელი არ უნდა აღემატებოდეს 200 ბაიტს და არ უნდა შეიცავდეს ტაბს ან ახალ ხაზს");
  }
  if (person.password_hash.rfind("$argon2id$", 0) != 0 ||
      person.password_hash.find_first_of("\t\n ") != std::string::npos) {
    return Invalid("the password hash is not an argon2id string",
                   "პაროლის ჰეში არ არის argon2id ჩანაწერი");
  }
  return Status::Ok();
}

Status UnknownLogin() {
  return Status::Error(Status::Code::kNotFound, "no person with this login",
                       "ამ სახელით მომხმარებელი არ არსებობს");
}

}  // namespace

bool ValidLogin(std::string_view login) {
  if (login.size() < 2 || login.size() > 64) return false;
  for (char c : login) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string> SplitPosts(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    if (comma > start) out.emplace_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

Result<UserStore> UserStore::Parse(std::string_view text) {
  UserStore store;
  size_t start = 0;
  for (int number = 1; start < text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line[0] == '#') continue;
    const auto fields = SplitTabs(line);
    Person person;
    bool ok = fields.size() == 6 && (fields[3] == "active" || fields[3] == "disabled") &&
              (fields[4] == "must-change" || fields[4] == "ok");
    if (ok) {
      person.login = fields[0];
      person.posts = SplitPosts(fields[1]);
      person.name = fields[2];
      person.active = fields[3] == "active";
      person.must_change_password = fields[4] == "must-change";
      person.password_hash = fields[5];
    }
    Status added = ok ? store.Add(std::move(person)) : Invalid("", "");
    if (!added.ok()) {
      const std::string where = "line " + std::to_string(number);
      return Invalid("the users file is malformed at " + where +
                         " (expected login, posts, name, active|disabled, must-change|ok, "
                         "argon2id hash, separated by tabs; logins unique)",
                     "მომხმარებლების ფაილი არასწორია, სტრიქონი " + std::to_string(number));
    }
  }
  return store;
}

Result<std::string> ReadWholeFile(const std::string& path, const std::string& what_en,
                                  const std::string& what_ka) {
  const auto failure = [&](int error) {
    // Only a file that is not there is "no file"; any other failure (permissions, a
    // directory in its place, too many open files) must not be taken for an empty one.
    const bool missing = error == ENOENT;
    return Status::Error(missing ? Status::Code::kNotFound : Status::Code::kIOError,
                         "cannot read the " + what_en + " " + path +
                             (missing ? "" : std::string(" (") + std::strerror(error) + ")"),
                         what_ka + " " + path + " ვერ წაიკითხა");
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return failure(errno);
  std::string text;
  char buffer[8192];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      return failure(error);
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return text;
}

Result<UserStore> UserStore::Load(const std::string& path) {
  auto text = ReadWholeFile(path, "users file", "მომხმარებლების ფაილი");
  if (!text.ok()) return text.status();
  if (!text->empty() && text->back() != '\n') {
    // Every line of the file ends with a line break: this one is being written in place (or
    // was cut), and its last person may be half there.
    return Status::Error(Status::Code::kIOError,
                         "the users file " + path + " does not end with a line break (incomplete)",
                         "მომხმარებლების ფაილი " + path + " დაუსრულებელია");
  }
  return Parse(text.value());
}

std::string UserStore::Serialize() const {
  std::string out = kHeader;
  for (const auto& p : persons_) {
    out += p.login + '\t';
    for (size_t i = 0; i < p.posts.size(); ++i) out += (i ? "," : "") + p.posts[i];
    out += '\t' + p.name + '\t' + (p.active ? "active" : "disabled") + '\t' +
           (p.must_change_password ? "must-change" : "ok") + '\t' + p.password_hash + '\n';
  }
  return out;
}

const Person* UserStore::Find(std::string_view login) const {
  for (const auto& p : persons_) {
    if (p.login == login) return &p;
  }
  return nullptr;
}

Person* UserStore::Find(std::string_view login) {
  return const_cast<Person*>(static_cast<const UserStore*>(this)->Find(login));
}

Status UserStore::Add(Person person) {
  Status checked = Check(person);
  if (!checked.ok()) return checked;
  if (Find(person.login)) {
    return Status::Error(Status::Code::kConflict, "the login " + person.login + " is taken",
                         "მომხმარებლის სახელი " + person.login + " უკვე დაკავებულია");
  }
  persons_.push_back(std::move(person));
  return Status::Ok();
}

Status UpdateUsers(const std::string& path, const std::function<Status(UserStore&)>& change) {
  auto lock = FileLock::Acquire(path);
  if (!lock.ok()) return lock.status();
  auto store = UserStore::Load(path);
  if (!store.ok() && store.status().code() != Status::Code::kNotFound) return store.status();
  UserStore users = store.ok() ? std::move(store.value()) : UserStore();
  Status changed = change(users);
  if (!changed.ok()) return changed;
  return WriteFileAtomically(path, users.Serialize(), 0600);
}

Result<std::string> AddPerson(const std::string& path, const workflows::OrgChart& org,
                              const std::string& login, const std::vector<std::string>& posts,
                              const std::string& name, PasswordCost cost) {
  for (const auto& post : posts) {
    if (!org.FindPost(post)) {
      return Status::Error(Status::Code::kNotFound, "no post '" + post + "' in the org chart",
                           "თანამდებობა '" + post + "' არ არსებობს");
    }
  }
  const std::string password = OneTimePassword();
  auto hash = HashPassword(password, cost);
  if (!hash.ok()) return hash.status();
  Person person{login, posts, name, true, true, hash.value()};
  Status added = UpdateUsers(path, [&](UserStore& users) { return users.Add(person); });
  if (!added.ok()) return added;
  return password;
}

Result<std::string> ResetPassword(const std::string& path, const std::string& login,
                                  PasswordCost cost) {
  const std::string password = OneTimePassword();
  auto hash = HashPassword(password, cost);
  if (!hash.ok()) return hash.status();
  Status reset = UpdateUsers(path, [&](UserStore& users) {
    Person* person = users.Find(login);
    if (!person) return UnknownLogin();
    person->password_hash = hash.value();
    person->must_change_password = true;
    return Status::Ok();
  });
  if (!reset.ok()) return reset;
  return password;
}

Status SetActive(const std::string& path, const std::string& login, bool active) {
  return UpdateUsers(path, [&](UserStore& users) {
    Person* person = users.Find(login);
    if (!person) return UnknownLogin();
    person->active = active;
    return Status::Ok();
  });
}

namespace {

// The hash of `login` from `old_hash` to `new_hash` (kConflict when it changed meanwhile);
// `changed_by_person` also clears must-change.
Status ReplaceHash(const std::string& path, const std::string& login, const std::string& old_hash,
                   const std::string& new_hash, bool changed_by_person) {
  return UpdateUsers(path, [&](UserStore& users) {
    Person* person = users.Find(login);
    if (!person) return UnknownLogin();
    if (person->password_hash != old_hash) {
      return Status::Error(Status::Code::kConflict, "the password was changed meanwhile",
                           "პაროლი ამასობაში შეიცვალა");
    }
    person->password_hash = new_hash;
    if (changed_by_person) person->must_change_password = false;
    return Status::Ok();
  });
}

}  // namespace

Status SetPasswordHash(const std::string& path, const std::string& login,
                       const std::string& old_hash, const std::string& new_hash) {
  return ReplaceHash(path, login, old_hash, new_hash, /*changed_by_person=*/true);
}

Status Rehash(const std::string& path, const std::string& login, const std::string& old_hash,
              const std::string& new_hash) {
  return ReplaceHash(path, login, old_hash, new_hash, /*changed_by_person=*/false);
}

}  // namespace saqme::auth
