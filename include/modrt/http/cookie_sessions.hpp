// Sessions that travel with the client: the server keeps nothing, and each
// request brings its session in a cookie, encrypted and authenticated with
// libsodium's crypto_secretbox (XSalsa20-Poly1305, a random nonce per
// cookie), so the client can neither read nor change it. The request's
// calls see a SessionStore of their own, decrypted from the cookie; when
// they changed it, the response carries it back, encrypted again, as an
// HttpOnly, SameSite cookie (Secure unless told otherwise).
//
// What a cookie cannot do, and the in-memory store can: two requests of one
// client in flight at once each bring the same cookie, and the one answered
// last wins, so concurrent writes from one client lose updates (use the
// in-memory store, whose update() is atomic, for counters). A stream's
// response header is sent before its calls run, so a stream call's changes
// are not sent back. A session is at most `maxBytes` once encrypted; a
// write that would make it larger throws.
#pragma once

#include "../session.hpp"
#include "asio.hpp"

#include <sodium.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace modrt::http {

struct CookieSessionOptions {
  std::string name = "modrt_session";
  /// A session untouched for this long is gone (its cookie's expiry, also
  /// checked inside the encrypted cookie).
  std::chrono::seconds maxAge = std::chrono::minutes(30);
  /// Browsers send a Secure cookie over HTTPS (and to localhost) only.
  bool secure = true;
  std::string sameSite = "Strict";
  /// Browsers keep a cookie of up to 4096 bytes, name and attributes
  /// included.
  std::size_t maxBytes = 4000;
  /// Injectable for tests that must not sleep.
  std::function<std::chrono::system_clock::time_point()> clock = [] {
    return std::chrono::system_clock::now();
  };
};

/// One request's session, decrypted from its cookie: one user's values
/// (a write as another user, after a new login, starts afresh). Calls of
/// one request may run on several threads, one after another.
class CookieSession final : public SessionStore {
public:
  using Values = std::map<std::string, std::string>;
  CookieSession(std::string owner, Values values, std::size_t maxBytes)
      : maxBytes_(maxBytes), owner_(std::move(owner)), values_(std::move(values)) {}

  std::optional<std::string> get(const std::string &userId, const std::string &key) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (userId != owner_)
      return std::nullopt;
    auto found = values_.find(key);
    return found == values_.end() ? std::nullopt : std::optional<std::string>(found->second);
  }
  void set(const std::string &userId, const std::string &key, std::string value) override {
    std::lock_guard<std::mutex> lock(mu_);
    Values next = ownedBy(userId);
    next[key] = std::move(value);
    replace(userId, std::move(next));
  }
  bool erase(const std::string &userId, const std::string &key) override {
    std::lock_guard<std::mutex> lock(mu_);
    if (userId != owner_ || values_.erase(key) == 0)
      return false;
    changed_ = true;
    return true;
  }
  std::string update(const std::string &userId, const std::string &key,
                     const std::function<std::string(const std::optional<std::string> &)>
                         &change) override {
    std::lock_guard<std::mutex> lock(mu_);
    Values next = ownedBy(userId);
    auto found = next.find(key);
    // As in every store: atomic within this session, `change` kept short.
    std::string value = change(found == next.end() ? std::nullopt // NOLINT(modlint-callback-under-lock)
                                                   : std::optional<std::string>(found->second));
    next[key] = value;
    replace(userId, std::move(next));
    return value;
  }
  std::size_t cleanupOlderThan(std::chrono::nanoseconds) override { return 0; }
  SessionStats stats() const override {
    std::lock_guard<std::mutex> lock(mu_);
    SessionStats s;
    s.sessions = values_.empty() ? 0 : 1;
    return s;
  }

  /// The owner and values to send back, if a call changed them.
  std::optional<std::pair<std::string, Values>> changes() const {
    std::lock_guard<std::mutex> lock(mu_);
    if (!changed_)
      return std::nullopt;
    return std::make_pair(owner_, values_);
  }

  /// The plaintext of a cookie: who, what, and until when.
  static std::string plaintext(const std::string &owner, const Values &values,
                               std::int64_t expires) {
    return Json{{"u", owner}, {"v", values}, {"exp", expires}}.dump();
  }
  /// The length of a cookie's value holding `plaintextBytes`, base64url.
  static std::size_t encodedSize(std::size_t plaintextBytes) {
    return sodium_base64_ENCODED_LEN(
        crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintextBytes,
        sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  }

private:
  /// The values a write by `userId` starts from (the lock is held).
  Values ownedBy(const std::string &userId) const {
    return userId == owner_ ? values_ : Values{};
  }
  /// Takes `next` unless its cookie would be too large (the lock is held).
  void replace(const std::string &userId, Values next) {
    const std::size_t bytes = encodedSize(plaintext(userId, next, 0).size() + 20);
    if (bytes > maxBytes_)
      throw std::length_error("the session would take " + std::to_string(bytes) +
                              " bytes, more than a cookie holds");
    owner_ = userId;
    values_ = std::move(next);
    changed_ = true;
  }

  const std::size_t maxBytes_;
  mutable std::mutex mu_;
  std::string owner_;
  Values values_;
  bool changed_ = false;
};

using SessionKey = std::array<unsigned char, crypto_secretbox_KEYBYTES>;

class CookieSessionProvider final : public SessionProvider {
public:
  explicit CookieSessionProvider(CookieSessionOptions options = {})
      : options_(std::move(options)) {
    if (sodium_init() < 0)
      throw std::runtime_error("libsodium could not be initialised");
    crypto_secretbox_keygen(current_.data());
  }
  ~CookieSessionProvider() override {
    sodium_memzero(current_.data(), current_.size());
    sodium_memzero(previous_.data(), previous_.size());
  }
  CookieSessionProvider(const CookieSessionProvider &) = delete;
  CookieSessionProvider &operator=(const CookieSessionProvider &) = delete;

  std::shared_ptr<SessionStore> open(const std::string &cookieHeader) override {
    std::string owner;
    CookieSession::Values values;
    if (const std::optional<std::string> plain = decrypt(cookieValue(cookieHeader))) {
      const Json session = Json::parse(*plain, nullptr, /*allow_exceptions=*/false);
      if (session.is_object() && session.value("exp", std::int64_t{0}) > now()) {
        owner = session.value("u", std::string());
        values = session.value("v", CookieSession::Values{});
      }
    }
    return std::make_shared<CookieSession>(std::move(owner), std::move(values),
                                           options_.maxBytes);
  }

  std::optional<std::string> close(SessionStore &used) override {
    const auto changed = static_cast<CookieSession &>(used).changes();
    if (!changed)
      return std::nullopt;
    if (changed->second.empty())
      return options_.name + "=; Max-Age=0" + attributes();
    const std::string plain = CookieSession::plaintext(
        changed->first, changed->second, now() + options_.maxAge.count());
    return options_.name + "=" + encrypt(plain) +
           "; Max-Age=" + std::to_string(options_.maxAge.count()) + attributes();
  }

  /// A new key for new cookies; cookies under the key it replaces still
  /// open until retirePreviousKey().
  void rotateKey() {
    std::unique_lock<std::shared_mutex> lock(keysMu_);
    previous_ = current_;
    hasPrevious_ = true;
    crypto_secretbox_keygen(current_.data());
  }
  void retirePreviousKey() {
    std::unique_lock<std::shared_mutex> lock(keysMu_);
    sodium_memzero(previous_.data(), previous_.size());
    hasPrevious_ = false;
  }

private:
  std::int64_t now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(options_.clock().time_since_epoch())
        .count();
  }

  std::string attributes() const {
    return "; Path=/; HttpOnly; SameSite=" + options_.sameSite +
           (options_.secure ? "; Secure" : "");
  }

  /// The value of this provider's cookie in a Cookie header, if there.
  std::string cookieValue(const std::string &header) const {
    const std::string wanted = options_.name + "=";
    std::size_t at = 0;
    while (at < header.size()) {
      std::size_t end = header.find(';', at);
      if (end == std::string::npos)
        end = header.size();
      std::size_t begin = header.find_first_not_of(' ', at);
      if (begin < end && header.compare(begin, wanted.size(), wanted) == 0)
        return header.substr(begin + wanted.size(), end - begin - wanted.size());
      at = end + 1;
    }
    return {};
  }

  std::string encrypt(const std::string &plain) const {
    std::vector<unsigned char> box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                   plain.size());
    unsigned char *nonce = box.data();
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    {
      std::shared_lock<std::shared_mutex> lock(keysMu_);
      crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                            reinterpret_cast<const unsigned char *>(plain.data()), plain.size(),
                            nonce, current_.data());
    }
    std::string encoded(CookieSession::encodedSize(plain.size()), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(), box.data(), box.size(),
                      sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    encoded.resize(encoded.size() - 1); // the terminating NUL
    return encoded;
  }

  /// The plaintext of a cookie this provider made, under the current or
  /// the previous key; none for anything else (tampered, foreign, cut).
  std::optional<std::string> decrypt(const std::string &encoded) const {
    std::vector<unsigned char> box(encoded.size());
    std::size_t length = 0;
    if (encoded.empty() ||
        sodium_base642bin(box.data(), box.size(), encoded.data(), encoded.size(), nullptr,
                          &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
        length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
      return std::nullopt;
    const unsigned char *nonce = box.data();
    const unsigned char *sealed = nonce + crypto_secretbox_NONCEBYTES;
    const std::size_t sealedLength = length - crypto_secretbox_NONCEBYTES;
    std::string plain(sealedLength - crypto_secretbox_MACBYTES, '\0');
    auto *out = reinterpret_cast<unsigned char *>(plain.data());
    std::shared_lock<std::shared_mutex> lock(keysMu_);
    if (crypto_secretbox_open_easy(out, sealed, sealedLength, nonce, current_.data()) == 0 ||
        (hasPrevious_ &&
         crypto_secretbox_open_easy(out, sealed, sealedLength, nonce, previous_.data()) == 0))
      return plain;
    return std::nullopt;
  }

  const CookieSessionOptions options_;
  mutable std::shared_mutex keysMu_;
  SessionKey current_{};
  SessionKey previous_{};
  bool hasPrevious_ = false;
};

} // namespace modrt::http
