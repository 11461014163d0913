// Passwords: libsodium's argon2id strings (crypto_pwhash_str), one-time passwords and the other
// random secrets of logging in. The clear text of a password is never stored or logged.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model/status.h"

namespace saqme::auth {

// The argon2id work factors of new hashes. Verifying reads them from the stored string.
struct PasswordCost {
  unsigned long long opslimit;
  size_t memlimit;
  // OPSLIMIT_INTERACTIVE / MEMLIMIT_INTERACTIVE (64 MiB): the cost of every real password.
  static PasswordCost Interactive();
  // The lowest cost libsodium allows: for tests only, chosen explicitly (--password-cost minimum).
  static PasswordCost MinimumForTests();
  // "interactive", or "minimum" when the environment has SAQME_TEST_PASSWORD_COST=minimum (a
  // test run); kInvalidArgument otherwise.
  static Result<PasswordCost> Parse(const std::string& name);
};

// sodium_init(); call before anything below. Idempotent and thread-safe; kUnavailable when
// libsodium cannot start (no randomness).
Status InitCrypto();

// An argon2id string ("$argon2id$v=19$m=...") with a fresh random salt. kInvalidArgument for
// an empty password; kUnavailable when the hash cannot be computed (out of memory).
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);

// Whether `hash` was computed with other work factors than `cost` (or is malformed): after a
// successful login it is replaced by a hash at the server's cost.
bool NeedsRehash(const std::string& hash, PasswordCost cost);

// Whether `password` matches `hash`; false for a malformed hash. Takes the time of one argon2id
// computation at the hash's cost either way.
bool VerifyPassword(const std::string& hash, std::string_view password);

// A readable one-time password: four groups of four letters and digits without look-alikes
// (no 0/o, 1/l/i), e.g. "k7mq-x3vd-9tpe-w2hr" (about 79 bits, from randombytes).
std::string OneTimePassword();

// `bytes` random bytes as lower-case hex.
std::string RandomHex(size_t bytes);

// A keyed BLAKE2b of `text` (crypto_generichash, 16 bytes) as hex: names a login in a log
// line without a dictionary reversing it, as long as `key` (RandomHex(32) per process) is secret.
std::string KeyedHashHex(std::string_view key, std::string_view text);

// Constant-time equality (sodium_memcmp); false when the lengths differ.
bool SameSecret(std::string_view a, std::string_view b);

// The rule for a password a person chooses: valid UTF-8, 10 to 256 characters (code points),
// no control characters.
// kInvalidArgument saying why, in Georgian and English.
Status CheckNewPassword(std::string_view password);

}  // namespace saqme::auth
