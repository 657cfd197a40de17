// Users, passwords and tokens: Argon2id password hashes (libsodium), JSON
// Web Tokens signed with HS256 under a key that can be rotated (jwt.hpp),
// and visitor ids that cannot collide.
#pragma once

#include "context.hpp"
#include "jwt.hpp"

#include <sodium.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace modrt {

struct AuthOptions {
  /// How long a token is valid.
  std::chrono::seconds tokenLifetime = std::chrono::hours(1);
  /// Argon2id cost. The defaults are libsodium's interactive limits; tests
  /// lower them to libsodium's minimum to stay fast.
  unsigned long long passwordOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  std::size_t passwordMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
};

struct Credentials {
  std::string userId;
  std::string token;
  /// A visitor's generated password; empty for a named login.
  std::string password;
};

class AuthError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class Authenticator {
public:
  explicit Authenticator(AuthOptions options = {}) : options_(options) {
    if (sodium_init() < 0)
      throw std::runtime_error("libsodium failed to initialise");
    keys_.emplace(); // a fresh signing key per server
  }

  /// A new visitor with a unique id and a random password, logged in.
  /// Unique by construction: a process-wide sequence number, plus random
  /// bits so that ids cannot be guessed.
  Credentials registerVisitor() {
    const std::uint64_t sequence = nextVisitor_.fetch_add(1, std::memory_order_relaxed);
    const std::string id = "visitor_" + std::to_string(sequence) + "_" + randomHex(8);
    const std::string password = randomHex(16);
    addAccount(id, password, {"visitor"});
    return {id, issueToken(id), password};
  }

  /// A named user; throws AuthError when the name is taken.
  void registerUser(const std::string &name, const std::string &password,
                    std::vector<std::string> roles = {"user"}) {
    addAccount(name, password, std::move(roles));
  }

  /// A token for a named user, or nothing for a wrong name or password.
  std::optional<std::string> login(const std::string &name,
                                   const std::string &password) const {
    std::string hash;
    {
      std::shared_lock<std::shared_mutex> lock(mu_);
      auto found = accounts_.find(name);
      if (found == accounts_.end())
        return std::nullopt;
      hash = found->second.passwordHash;
    }
    // Verifying is deliberately slow: do it without holding the lock.
    if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0)
      return std::nullopt;
    return issueToken(name);
  }

  /// The user a valid, unexpired token names.
  std::optional<User> verify(const std::string &token) const {
    const std::optional<TokenClaims> claims = keys_->verify(token, secondsNow());
    if (!claims)
      return std::nullopt;
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto found = accounts_.find(claims->subject);
    if (found == accounts_.end())
      return std::nullopt;
    return found->second.user;
  }

  /// Signs new tokens with a new key; tokens signed with the previous key
  /// stay valid until they expire or retirePreviousKey().
  void rotateKey() { keys_->rotate(); }
  void retirePreviousKey() { keys_->retirePrevious(); }

private:
  struct Account {
    std::string passwordHash;
    User user;
  };

  void addAccount(const std::string &id, const std::string &password,
                  std::vector<std::string> roles) {
    // Hash first, outside the lock: it is the slow part.
    std::string hash(crypto_pwhash_STRBYTES, '\0');
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(),
                          options_.passwordOpsLimit, options_.passwordMemLimit) != 0)
      throw std::runtime_error("password hashing ran out of memory");
    hash.resize(std::char_traits<char>::length(hash.c_str()));
    std::unique_lock<std::shared_mutex> lock(mu_);
    if (!accounts_.emplace(id, Account{std::move(hash), User{id, std::move(roles)}}).second)
      throw AuthError("user '" + id + "' already exists");
  }

  std::string issueToken(const std::string &userId) const {
    return keys_->sign(userId, secondsNow() + options_.tokenLifetime.count());
  }

  static long long secondsNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  static std::string randomHex(std::size_t bytes) {
    std::vector<unsigned char> raw(bytes);
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), raw.data(), raw.size());
    hex.pop_back();
    return hex;
  }

  const AuthOptions options_;
  // Created after sodium_init(); the keys lock themselves.
  std::optional<JwtKeys> keys_;
  std::atomic<std::uint64_t> nextVisitor_{0};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Account> accounts_;
};

} // namespace modrt
