// Users, passwords and tokens, with libsodium: Argon2id password hashes,
// HMAC-SHA256-signed tokens, and visitor ids that cannot collide.
#pragma once

#include "context.hpp"

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
    crypto_auth_hmacsha256_keygen(key_.data()); // a fresh signing key per server
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
    const auto dot = token.rfind('.');
    if (dot == std::string::npos)
      return std::nullopt;
    const std::string payload = token.substr(0, dot);
    const std::optional<std::string> mac = fromBase64(token.substr(dot + 1));
    if (!mac || mac->size() != crypto_auth_hmacsha256_BYTES ||
        crypto_auth_hmacsha256_verify(
            reinterpret_cast<const unsigned char *>(mac->data()),
            reinterpret_cast<const unsigned char *>(payload.data()),
            payload.size(), key_.data()) != 0)
      return std::nullopt;
    const std::optional<std::string> claims = fromBase64(payload);
    if (!claims)
      return std::nullopt;
    const auto bar = claims->rfind('|');
    if (bar == std::string::npos)
      return std::nullopt;
    const std::string userId = claims->substr(0, bar);
    const long long expires = std::stoll(claims->substr(bar + 1));
    if (secondsNow() > expires)
      return std::nullopt;
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto found = accounts_.find(userId);
    if (found == accounts_.end())
      return std::nullopt;
    return found->second.user;
  }

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
    const long long expires = secondsNow() + options_.tokenLifetime.count();
    const std::string payload = toBase64(userId + "|" + std::to_string(expires));
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac;
    crypto_auth_hmacsha256(mac.data(),
                           reinterpret_cast<const unsigned char *>(payload.data()),
                           payload.size(), key_.data());
    return payload + "." +
           toBase64(std::string(reinterpret_cast<const char *>(mac.data()), mac.size()));
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

  static std::string toBase64(const std::string &bytes) {
    constexpr int Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), Variant), '\0');
    sodium_bin2base64(out.data(), out.size(),
                      reinterpret_cast<const unsigned char *>(bytes.data()),
                      bytes.size(), Variant);
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
  }

  static std::optional<std::string> fromBase64(const std::string &text) {
    std::string out(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char *>(out.data()), out.size(),
                          text.data(), text.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
      return std::nullopt;
    out.resize(length);
    return out;
  }

  const AuthOptions options_;
  std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> key_{};
  std::atomic<std::uint64_t> nextVisitor_{0};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Account> accounts_;
};

} // namespace modrt
