#include "auth/password.h"

#include <sodium.h>

namespace saqme::auth {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::MinimumForTests() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<PasswordCost> PasswordCost::Parse(const std::string& name) {
  if (name == "interactive") return Interactive();
  if (name == "minimum") return MinimumForTests();
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

bool SameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Status CheckNewPassword(std::string_view password) {
  if (password.size() < 10 || password.size() > 256) {
    return Status::Error(Status::Code::kInvalidArgument, "a new password has 10 to 256 characters",
                         "ახალი პაროლი უნდა შედგებოდეს 10-დან 256 სიმბოლომდე");
  }
  for (unsigned char c : password) {
    if (c < 0x20 || c == 0x7f) {
      return Status::Error(Status::Code::kInvalidArgument, "a password holds no control characters",
                           "პაროლი არ უნდა შეიცავდეს მმართველ სიმბოლოებს");
    }
  }
  return Status::Ok();
}

}  // namespace saqme::auth
