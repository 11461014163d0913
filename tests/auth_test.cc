// The pieces of logging in, without a server: argon2id passwords, the users file (its format,
// its atomic and locked rewrites), the failed-login limiter, the session table, the file watch,
// token revocation and adding, the UTF-8 password rule and the keyed log names.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "api/tokens.h"
#include "auth/atomic_file.h"
#include "auth/failure_limiter.h"
#include "auth/file_watch.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "auth/user_store.h"
#include "tests/test_util.h"

namespace saqme {
namespace {

using auth::PasswordCost;

const PasswordCost kCheap = PasswordCost::MinimumForTests();

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(auth::InitCrypto().ok()); }
  testing::TempDir dir_;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

auth::Person SomePerson(const std::string& login, const std::string& hash) {
  return auth::Person{login, {"org-records", "sec-legal"}, "ნინო ჩხაიძე", true, true, hash};
}

TEST_F(AuthTest, PasswordsAreArgon2idAndVerifyOnlyTheRightOne) {
  auto hash = auth::HashPassword("correct horse battery", PasswordCost::Interactive());
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << hash.value();
  EXPECT_NE(hash->find("m=65536,t=2"), std::string::npos) << hash.value();  // the interactive cost
  EXPECT_EQ(hash->find("correct horse"), std::string::npos);
  EXPECT_TRUE(auth::VerifyPassword(hash.value(), "correct horse battery"));
  EXPECT_FALSE(auth::VerifyPassword(hash.value(), "correct horse batterY"));
  EXPECT_FALSE(auth::VerifyPassword(hash.value(), ""));
  EXPECT_FALSE(auth::VerifyPassword("not a hash", "correct horse battery"));
  // A fresh salt every time: the same password never gives the same string.
  auto again = auth::HashPassword("correct horse battery", kCheap);
  auto third = auth::HashPassword("correct horse battery", kCheap);
  ASSERT_TRUE(again.ok() && third.ok());
  EXPECT_NE(again.value(), third.value());
  EXPECT_TRUE(auth::VerifyPassword(again.value(), "correct horse battery"));
  EXPECT_FALSE(auth::HashPassword("", kCheap).ok());
}

TEST_F(AuthTest, OneTimePasswordsAreReadableLongAndDifferent) {
  std::set<std::string> seen;
  const std::regex shape("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}");
  for (int i = 0; i < 200; ++i) {
    const std::string password = auth::OneTimePassword();
    EXPECT_TRUE(std::regex_match(password, shape)) << password;
    EXPECT_EQ(password.find_first_of("01ilo"), std::string::npos) << password;
    seen.insert(password);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(auth::RandomHex(32).size(), 64u);
  EXPECT_NE(auth::RandomHex(32), auth::RandomHex(32));
  EXPECT_TRUE(auth::SameSecret("abc", "abc"));
  EXPECT_FALSE(auth::SameSecret("abc", "abd"));
  EXPECT_FALSE(auth::SameSecret("abc", "abcd"));
  EXPECT_FALSE(auth::CheckNewPassword("short").ok());
  EXPECT_FALSE(auth::CheckNewPassword("long enough\tbut a tab").ok());
  EXPECT_TRUE(auth::CheckNewPassword("long enough, ქართულიც").ok());
}

TEST_F(AuthTest, LoginsAreChecked) {
  EXPECT_TRUE(auth::ValidLogin("nino.chkhaidze"));
  EXPECT_TRUE(auth::ValidLogin("org-records_2"));
  EXPECT_FALSE(auth::ValidLogin("a"));
  EXPECT_FALSE(auth::ValidLogin("Nino"));
  EXPECT_FALSE(auth::ValidLogin("nino chkhaidze"));
  EXPECT_FALSE(auth::ValidLogin(std::string(65, 'a')));
  EXPECT_TRUE(auth::ValidLogin(std::string(64, 'a')));
}

TEST_F(AuthTest, TheUsersFileRoundTrips) {
  const std::string hash = auth::HashPassword("first password", kCheap).value();
  auth::UserStore store;
  ASSERT_TRUE(store.Add(SomePerson("nino", hash)).ok());
  auth::Person second{"giorgi", {"chair"}, "", false, false, hash};
  ASSERT_TRUE(store.Add(second).ok());
  EXPECT_EQ(store.Add(SomePerson("nino", hash)).code(), Status::Code::kConflict);
  EXPECT_EQ(store.Add(SomePerson("Nino", hash)).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store.Add(SomePerson("tab", "plain-text")).code(), Status::Code::kInvalidArgument);
  auth::Person tabbed = SomePerson("tabbed", hash);
  tabbed.name = "a\tb";
  EXPECT_EQ(store.Add(tabbed).code(), Status::Code::kInvalidArgument);

  const std::string text = store.Serialize();
  EXPECT_NE(text.find("nino\torg-records,sec-legal\tნინო ჩხაიძე\tactive\tmust-change\t$argon2id$"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("giorgi\tchair\t\tdisabled\tok\t"), std::string::npos) << text;
  auto parsed = auth::UserStore::Parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->persons().size(), 2u);
  const auth::Person* nino = parsed->Find("nino");
  ASSERT_NE(nino, nullptr);
  EXPECT_EQ(nino->posts, (std::vector<std::string>{"org-records", "sec-legal"}));
  EXPECT_EQ(nino->name, "ნინო ჩხაიძე");
  EXPECT_TRUE(nino->active);
  EXPECT_TRUE(nino->must_change_password);
  EXPECT_EQ(nino->password_hash, hash);
  const auth::Person* giorgi = parsed->Find("giorgi");
  ASSERT_NE(giorgi, nullptr);
  EXPECT_FALSE(giorgi->active);
  EXPECT_FALSE(giorgi->must_change_password);
  EXPECT_EQ(giorgi->Display(), "giorgi");
  EXPECT_EQ(nino->Display(), "ნინო ჩხაიძე");
  EXPECT_EQ(parsed->Serialize(), text);
}

TEST_F(AuthTest, AMalformedUsersFileNamesTheLineButNotItsContent) {
  const std::string hash = auth::HashPassword("first password", kCheap).value();
  const std::string text = "# comment\n\nnino\tchair\tნინო\tactive\tok\t" + hash +
                           "\nსაიდუმლო-ჩანაწერი\tchair\tx\tactive\tok\t" + hash + "\n";
  auto parsed = auth::UserStore::Parse(text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("line 4"), std::string::npos)
      << parsed.status().message();
  EXPECT_EQ(parsed.status().message().find("საიდუმლო"), std::string::npos);
  EXPECT_FALSE(auth::UserStore::Parse("nino\tchair\tn\tmaybe\tok\t" + hash + "\n").ok());
  EXPECT_FALSE(auth::UserStore::Parse("nino\tchair\tn\tactive\tok\n").ok());
  EXPECT_FALSE(auth::UserStore::Parse("nino\t\tn\tactive\tok\t" + hash + "\n").ok());
  EXPECT_FALSE(auth::UserStore::Parse("nino\tchair\tn\tactive\tok\t" + hash +
                                      "\nnino\tchair\tn\t"
                                      "active\tok\t" +
                                      hash + "\n")
                   .ok());  // a login twice
}

TEST_F(AuthTest, TheUsersFileIsRewrittenAtomicallyWithMode0600) {
  const std::string path = dir_.Sub("users.txt");
  const auto& org = workflows::OrgChart::Ozurgeti();
  auto password = auth::AddPerson(path, org, "nino", {"org-records"}, "ნინო", kCheap);
  ASSERT_TRUE(password.ok()) << password.status().ToString();
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const ino_t first_inode = st.st_ino;
  const std::string before = ReadFile(path);

  // A refused change leaves the file as it was, byte for byte.
  EXPECT_EQ(auth::AddPerson(path, org, "nino", {"chair"}, "", kCheap).status().code(),
            Status::Code::kConflict);
  EXPECT_EQ(auth::AddPerson(path, org, "other", {"no-such-post"}, "", kCheap).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(auth::SetActive(path, "nobody", false).code(), Status::Code::kNotFound);
  EXPECT_EQ(ReadFile(path), before);

  // A change replaces the file (a new inode, so a reader holds the old one or the new one),
  // keeps the mode, and leaves no temporary file behind.
  ASSERT_TRUE(auth::SetActive(path, "nino", false).ok());
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_NE(st.st_ino, first_inode);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto loaded = auth::UserStore::Load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->Find("nino")->active);
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }

  // A reset gives a new one-time password that verifies, and must be changed again.
  const std::string old_hash = loaded->Find("nino")->password_hash;
  auto reset = auth::ResetPassword(path, "nino", kCheap);
  ASSERT_TRUE(reset.ok());
  EXPECT_NE(reset.value(), password.value());
  loaded = auth::UserStore::Load(path);
  const auth::Person* nino = loaded->Find("nino");
  EXPECT_TRUE(auth::VerifyPassword(nino->password_hash, reset.value()));
  EXPECT_FALSE(auth::VerifyPassword(nino->password_hash, password.value()));
  EXPECT_TRUE(nino->must_change_password);
  // A password change applies only over the hash it was verified against.
  const std::string chosen = auth::HashPassword("chosen password", kCheap).value();
  EXPECT_EQ(auth::SetPasswordHash(path, "nino", old_hash, chosen).code(), Status::Code::kConflict);
  ASSERT_TRUE(auth::SetPasswordHash(path, "nino", nino->password_hash, chosen).ok());
  loaded = auth::UserStore::Load(path);
  EXPECT_FALSE(loaded->Find("nino")->must_change_password);
  EXPECT_EQ(loaded->Find("nino")->password_hash, chosen);
}

TEST_F(AuthTest, ConcurrentChangesToTheUsersFileAreNotLost) {
  const std::string path = dir_.Sub("users.txt");
  const auto& org = workflows::OrgChart::Ozurgeti();
  std::vector<std::thread> writers;
  for (int i = 0; i < 8; ++i) {
    writers.emplace_back([&, i] {
      for (int j = 0; j < 5; ++j) {
        const std::string login = "p" + std::to_string(i) + "-" + std::to_string(j);
        EXPECT_TRUE(auth::AddPerson(path, org, login, {"sec-legal"}, "", kCheap).ok());
      }
    });
  }
  for (auto& writer : writers) writer.join();
  auto loaded = auth::UserStore::Load(path);
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->persons().size(), 40u);
}

TEST_F(AuthTest, FailuresAreLimitedInASlidingWindow) {
  auth::FailureLimiter limiter(5, std::chrono::minutes(15));
  const int64_t t0 = 1'000'000;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(limiter.RetryAfterSeconds("k", t0 + i * 1000), 0);
    limiter.RecordFailure("k", t0 + i * 1000);
  }
  EXPECT_EQ(limiter.RetryAfterSeconds("k", t0 + 5000), 15 * 60 - 5);
  EXPECT_EQ(limiter.RetryAfterSeconds("other", t0 + 5000), 0);
  // The oldest failure leaves the window: one more attempt is allowed.
  EXPECT_EQ(limiter.RetryAfterSeconds("k", t0 + 15 * 60'000), 0);
  limiter.RecordFailure("k", t0 + 15 * 60'000);
  EXPECT_GT(limiter.RetryAfterSeconds("k", t0 + 15 * 60'000), 0);
  limiter.Clear("k");
  EXPECT_EQ(limiter.RetryAfterSeconds("k", t0 + 15 * 60'000), 0);
}

TEST_F(AuthTest, SessionsExpireWhenIdleAndFollowTheUsersFile) {
  const std::string hash = auth::HashPassword("first password", kCheap).value();
  auth::SessionTable table(8 * 3600'000);
  auth::Session session;
  session.login = "nino";
  session.posts = {"org-records", "sec-legal"};
  session.post = "sec-legal";
  session.password_hash = hash;
  const std::string id = table.Open(&session, 0);
  EXPECT_EQ(id.size(), 64u);
  EXPECT_EQ(session.csrf_token.size(), 64u);
  std::string wrong = id;
  wrong[0] = wrong[0] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(table.Touch(wrong, 1).has_value());
  ASSERT_TRUE(table.Touch(id, 7 * 3600'000).has_value());
  ASSERT_TRUE(table.Touch(id, 14 * 3600'000).has_value());   // idle 7 h: still alive
  EXPECT_FALSE(table.Touch(id, 22 * 3600'000).has_value());  // idle 8 h: gone
  EXPECT_FALSE(table.Touch(id, 22 * 3600'000).has_value());

  const auto in_org = [](const std::string& post) { return post != "gone-post"; };
  auth::UserStore users;
  ASSERT_TRUE(users.Add({"nino", {"org-records"}, "ნინო", true, false, hash}).ok());
  const std::string kept = table.Open(&session, 0);
  const std::string other_hash = auth::HashPassword("other password", kCheap).value();
  auth::Session giorgi{"giorgi", "", {"chair"}, "chair", false, "", other_hash, 0};
  const std::string dropped = table.Open(&giorgi, 0);
  table.Reconcile(users, in_org);  // giorgi is not in the file; nino lost sec-legal
  EXPECT_FALSE(table.Touch(dropped, 1).has_value());
  auto moved = table.Touch(kept, 1);
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(moved->post, "org-records");
  EXPECT_EQ(moved->person, "ნინო");

  auth::UserStore reset;
  ASSERT_TRUE(reset.Add({"nino", {"org-records"}, "ნინო", true, true, other_hash}).ok());
  table.Reconcile(reset, in_org);  // a new password hash: the session ends
  EXPECT_FALSE(table.Touch(kept, 2).has_value());
  EXPECT_EQ(table.size(), 0u);
}

TEST_F(AuthTest, AFileWatchLooksAtMostOncePerInterval) {
  const std::string path = dir_.Sub("watched.txt");
  ASSERT_TRUE(auth::WriteFileAtomically(path, "one\n", 0600).ok());
  auth::FileWatch watch(path, std::chrono::seconds(1));
  watch.Seen();
  const auto now = auth::FileWatch::Clock::now();
  EXPECT_FALSE(watch.Changed(now + std::chrono::seconds(2)));
  ASSERT_TRUE(auth::WriteFileAtomically(path, "two\n", 0600).ok());
  EXPECT_FALSE(watch.Changed(now + std::chrono::milliseconds(2500)));  // looked 0.5 s ago
  EXPECT_TRUE(watch.Changed(now + std::chrono::seconds(4)));
  EXPECT_FALSE(watch.Changed(now + std::chrono::seconds(6)));
  std::filesystem::remove(path);
  EXPECT_TRUE(watch.Changed(now + std::chrono::seconds(8)));  // gone counts as a change
  // After a failed load the next look reports a change though the file looks the same, so the
  // load is tried again rather than given up.
  EXPECT_FALSE(watch.Changed(now + std::chrono::seconds(10)));
  watch.Retry();
  EXPECT_FALSE(watch.Changed(now + std::chrono::milliseconds(10500)));  // not before the interval
  EXPECT_TRUE(watch.Changed(now + std::chrono::seconds(12)));
  EXPECT_FALSE(watch.Changed(now + std::chrono::seconds(14)));
}

TEST_F(AuthTest, ATokenIsRevokedByAUniquePrefixOfItsHash) {
  const std::string path = dir_.Sub("tokens.txt");
  const std::string a = api::TokenStore::Add(path, "chair").value();
  const std::string b = api::TokenStore::Add(path, "sec-legal").value();
  const std::string hash_b = api::TokenStore::Sha256Hex(b);
  EXPECT_EQ(api::TokenStore::Revoke(path, hash_b.substr(0, 7)).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(api::TokenStore::Revoke(path, "ZZZZZZZZ").status().code(),
            Status::Code::kInvalidArgument);
  auto revoked = api::TokenStore::Revoke(path, hash_b.substr(0, 8));
  ASSERT_TRUE(revoked.ok()) << revoked.status().ToString();
  EXPECT_EQ(revoked.value(), hash_b + " sec-legal");
  auto store = api::TokenStore::Load(path);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(store->PostOf(a), "chair");
  EXPECT_FALSE(store->PostOf(b).has_value());
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(api::TokenStore::Revoke(path, hash_b.substr(0, 8)).status().code(),
            Status::Code::kNotFound);
}

TEST_F(AuthTest, AnAmbiguousPrefixRevokesNothing) {
  const std::string path = dir_.Sub("tokens.txt");
  const std::string one = "aaaaaaaa1" + std::string(55, '0'),
                    two = "aaaaaaaa2" + std::string(55, '0');
  ASSERT_TRUE(
      auth::WriteFileAtomically(path, "# kept\n" + one + " chair\n" + two + " sec-legal\n", 0600)
          .ok());
  EXPECT_EQ(api::TokenStore::Revoke(path, "aaaaaaaa").status().code(), Status::Code::kConflict);
  EXPECT_EQ(api::TokenStore::Load(path)->size(), 2u);
  ASSERT_TRUE(api::TokenStore::Revoke(path, "aaaaaaaa2").ok());
  EXPECT_EQ(ReadFile(path), "# kept\n" + one + " chair\n");
}

TEST_F(AuthTest, APasswordRuleCountsCharactersNotBytes) {
  EXPECT_TRUE(auth::CheckNewPassword("ათიასოსიმბოლო").ok());  // 13 letters, 39 bytes
  EXPECT_FALSE(auth::CheckNewPassword("ცხრაასოსი").ok());     // 9 letters, 27 bytes: too short
  EXPECT_FALSE(auth::CheckNewPassword("short").ok());
  EXPECT_TRUE(auth::CheckNewPassword("ten chars!").ok());
  std::string longest;
  for (int i = 0; i < 256; ++i) longest += "ა";  // 256 characters, 768 bytes
  EXPECT_TRUE(auth::CheckNewPassword(longest).ok());
  EXPECT_FALSE(auth::CheckNewPassword(longest + "ა").ok());
  for (const std::string& bad :
       {std::string("valid text \xff\xfe"), std::string("cut letter \xe1\x83"),
        std::string("overlong \xc0\xaf slash"), std::string("surrogate \xed\xa0\x80 here"),
        std::string("a tab\there, too long")}) {
    Status checked = auth::CheckNewPassword(bad);
    EXPECT_EQ(checked.code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_FALSE(checked.message_ka().empty());
  }
  EXPECT_NE(
      auth::CheckNewPassword("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff").message().find("UTF-8"),
      std::string::npos);
}

TEST_F(AuthTest, AnAttemptIsCountedWhenItBeginsAndForgivenWhenItSucceeds) {
  auth::FailureLimiter limiter(3, std::chrono::minutes(15));
  const int64_t t0 = 1'000'000;
  // Three attempts under way at once take the three places; the fourth waits.
  EXPECT_EQ(limiter.Begin("k", t0), 0);
  EXPECT_EQ(limiter.Begin("k", t0 + 1), 0);
  EXPECT_EQ(limiter.Begin("k", t0 + 2), 0);
  EXPECT_GT(limiter.Begin("k", t0 + 3), 0);
  limiter.Forgive("k", t0 + 1);  // that one succeeded
  EXPECT_EQ(limiter.Begin("k", t0 + 4), 0);
  EXPECT_GT(limiter.Begin("k", t0 + 5), 0);  // a refused attempt took no place
  limiter.Forgive("k", t0 + 5);              // nothing of that time: nothing changes
  EXPECT_GT(limiter.RetryAfterSeconds("k", t0 + 6), 0);
  // A limit of 0 is taken as 1, never an index past the end.
  auth::FailureLimiter strict(0, std::chrono::minutes(1));
  EXPECT_EQ(strict.Begin("k", t0), 0);
  EXPECT_GT(strict.Begin("k", t0 + 1), 0);
  EXPECT_GT(strict.RetryAfterSeconds("k", t0 + 1), 0);
}

TEST_F(AuthTest, OnlyAMissingFileIsNoFile) {
  EXPECT_EQ(auth::UserStore::Load(dir_.Sub("missing.txt")).status().code(),
            Status::Code::kNotFound);
  EXPECT_EQ(api::TokenStore::Load(dir_.Sub("missing.txt")).status().code(),
            Status::Code::kNotFound);
  const std::string directory = dir_.Sub("a-directory");
  std::filesystem::create_directory(directory);
  EXPECT_EQ(auth::UserStore::Load(directory).status().code(), Status::Code::kIOError);
  EXPECT_EQ(api::TokenStore::Load(directory).status().code(), Status::Code::kIOError);
  // A users file without its final line break is being written: not taken.
  const std::string hash = auth::HashPassword("first password", kCheap).value();
  auth::UserStore users;
  ASSERT_TRUE(users.Add(SomePerson("nino", hash)).ok());
  const std::string text = users.Serialize();
  const std::string path = dir_.Sub("users.txt");
  ASSERT_TRUE(auth::WriteFileAtomically(path, text.substr(0, text.size() - 1), 0600).ok());
  EXPECT_EQ(auth::UserStore::Load(path).status().code(), Status::Code::kIOError);
  ASSERT_TRUE(auth::WriteFileAtomically(path, text, 0600).ok());
  EXPECT_TRUE(auth::UserStore::Load(path).ok());
  ASSERT_TRUE(auth::WriteFileAtomically(path, "", 0600).ok());
  EXPECT_EQ(auth::UserStore::Load(path).value().persons().size(), 0u);
}

TEST_F(AuthTest, SessionsArePeekedRotatedCappedAndEndAfterAWeek) {
  auth::SessionTable table(8 * 3600'000);
  auth::Session session;
  session.login = "nino";
  session.posts = {"org-records"};
  session.post = "org-records";
  const std::string id = table.Open(&session, 0);
  // A peek does not restart the idle time.
  ASSERT_TRUE(table.Peek(id, 7 * 3600'000).has_value());
  EXPECT_FALSE(table.Peek(id, 8 * 3600'000).has_value());
  EXPECT_FALSE(table.Touch(id, 8 * 3600'000).has_value());
  // However busy, a week after the login it ends.
  const std::string busy = table.Open(&session, 0);
  for (int64_t hour = 4; hour < 7 * 24; hour += 4) {
    ASSERT_TRUE(table.Touch(busy, hour * 3600'000).has_value()) << hour;
  }
  EXPECT_FALSE(table.Touch(busy, 7 * 24 * 3600'000).has_value());
  // Rotation: a new id and CSRF token, the old id gone.
  const std::string old_id = table.Open(&session, 0);
  const auto renewed =
      table.Rotate(old_id, [](auth::Session& s) { s.must_change_password = false; });
  ASSERT_TRUE(renewed.has_value());
  EXPECT_NE(*renewed, old_id);
  EXPECT_FALSE(table.Touch(old_id, 1).has_value());
  auto now = table.Touch(*renewed, 1);
  ASSERT_TRUE(now.has_value());
  EXPECT_NE(now->csrf_token, session.csrf_token);
  EXPECT_FALSE(table.Rotate(old_id, [](auth::Session&) {}).has_value());
  // At most kMaxPerLogin sessions per login: the oldest goes.
  std::vector<std::string> ids;
  for (size_t i = 0; i < auth::SessionTable::kMaxPerLogin + 1; ++i) {
    ids.push_back(table.Open(&session, 10 + static_cast<int64_t>(i)));
  }
  EXPECT_FALSE(table.Touch(ids.front(), 100).has_value());
  EXPECT_TRUE(table.Touch(ids.back(), 100).has_value());
  EXPECT_TRUE(table.Touch(ids[1], 100).has_value());
}

TEST_F(AuthTest, AddingATokenReplacesTheFileWithMode0600) {
  const std::string path = dir_.Sub("tokens.txt");
  std::ofstream(path) << "# tokens\n";
  ::chmod(path.c_str(), 0644);
  const std::string token = api::TokenStore::Add(path, "chair").value();
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(ReadFile(path), "# tokens\n" + api::TokenStore::Sha256Hex(token) + " chair\n");
  std::ofstream(path, std::ios::app) << "not a token line\n";
  EXPECT_EQ(api::TokenStore::Add(path, "chair").status().code(), Status::Code::kInvalidArgument);
}

TEST_F(AuthTest, AKeyedHashDependsOnItsKey) {
  const std::string key = auth::RandomHex(32);
  EXPECT_EQ(auth::KeyedHashHex(key, "nino"), auth::KeyedHashHex(key, "nino"));
  EXPECT_NE(auth::KeyedHashHex(key, "nino"), auth::KeyedHashHex(auth::RandomHex(32), "nino"));
  EXPECT_EQ(auth::KeyedHashHex(key, "nino").size(), 32u);
}

}  // namespace
}  // namespace saqme
