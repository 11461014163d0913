#include "auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace saqme::auth {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::MinimumForTests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<PasswordCost> PasswordCost::Parse(const std::string& name) {
  if (name == "interactive") return Interactive();
  if (name == "minimum") {
    // A cheap hash in a real users file would be a weak password store and would answer faster
    // than the dummy hash of an unknown login: only a test run that says so gets one.
    const char* allowed = std::getenv("SAQME_TEST_PASSWORD_COST");
    if (allowed && std::strcmp(allowed, "minimum") == 0) return MinimumForTests();
    return Status::Error(
        Status::Code::kInvalidArgument,
        "--password-cost minimum is for tests only (it needs SAQME_TEST_PASSWORD_COST=minimum)",
        "--password-cost minimum მხოლოდ ტესტებისთვისაა (საჭიროა SAQME_TEST_PASSWORD_COST=minimum)");
  }
  return Status::Error(
      Status::Code::kInvalidArgument,
      "--password-cost is interactive or minimum (minimum: tests only)",
      "--password-cost უნდა იყოს interactive ან minimum (minimum მხოლოდ ტესტებისთვის)");
}

Status InitCrypto() {
  if (sodium_init() < 0) {
    return Status::Error(Status::Code::kUnavailable, "libsodium could not start (sodium_init)",
                         "libsodium ვერ ჩაირთო (sodium_init)");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (password.empty()) {
    return Status::Error(Status::Code::kInvalidArgument, "the password is empty",
                         "პაროლი ცარიელია");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.opslimit, cost.memlimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Error(Status::Code::kUnavailable, "the password could not be hashed (memory)",
                         "პაროლის ჰეში ვერ გამოითვალა (მეხსიერება)");
  }
  return std::string(out);
}

bool NeedsRehash(const std::string& hash, PasswordCost cost) {
  return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.opslimit, cost.memlimit) != 0;
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  return hash.size() < crypto_pwhash_STRBYTES &&
         crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string OneTimePassword() {
  static constexpr char kAlphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(kAlphabet[randombytes_uniform(sizeof(kAlphabet) - 1)]);
  }
  return out;
}

std::string RandomHex(size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(2 * bytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  sodium_memzero(raw.data(), raw.size());
  hex.pop_back();  // the terminating NUL
  return hex;
}

std::string KeyedHashHex(std::string_view key, std::string_view text) {
  unsigned char digest[16];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), reinterpret_cast<const unsigned char*>(key.data()),
                     std::min<size_t>(key.size(), crypto_generichash_KEYBYTES_MAX));
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool SameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status CheckNewPassword(std::string_view password) {
  // Characters are UTF-8 code points: a Georgian letter is three bytes but one character.
  size_t characters = 0;
  for (size_t i = 0; i < password.size(); ++characters) {
    const unsigned char lead = static_cast<unsigned char>(password[i]);
    const size_t length = lead < 0x80           ? 1
                          : (lead >> 5) == 0x6  ? 2
                          : (lead >> 4) == 0xe  ? 3
                          : (lead >> 3) == 0x1e ? 4
                                                : 0;
    bool valid = length != 0 && i + length <= password.size();
    uint32_t code = length == 1 ? lead : lead & (0x7f >> length);
    for (size_t k = 1; valid && k < length; ++k) {
      const unsigned char next = static_cast<unsigned char>(password[i + k]);
      valid = (next & 0xc0) == 0x80;
      code = (code << 6) | (next & 0x3f);
    }
    // No overlong forms, no surrogates, nothing past U+10FFFF.
    static constexpr uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    valid = valid && code >= kLeast[length] && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    if (!valid) {
      return Status::Error(Status::Code::kInvalidArgument, "a password must be valid UTF-8 text",
                           "პაროლი უნდა იყოს სწორი UTF-8 ტექსტი");
    }
    if (code < 0x20 || code == 0x7f) {
      return Status::Error(Status::Code::kInvalidArgument, "a password holds no control characters",
                           "პაროლი არ უნდა შეიცავდეს მმართველ სიმბოლოებს");
    }
    i += length;
  }
  if (characters < 10 || characters > 256) {
    return Status::Error(Status::Code::kInvalidArgument, "a new password has 10 to 256 characters",
                         "ახალი პაროლი უნდა შედგებოდეს 10-დან 256 სიმბოლომდე");
  }
  return Status::Ok();
}

}  // namespace saqme::auth
