// JSON Web Tokens for modrt's logins: HS256 (HMAC-SHA-256) through libjwt,
// bookworm's JWT library. Its signature check compares the whole signature
// whatever its content (jwt_strcmp ORs together the XOR of every byte), so
// a forger learns nothing from how long a rejection takes. Each key has an
// id, written into the token's `kid` header: rotate() makes a new key
// current and keeps the one before for checking, so tokens issued just
// before a rotation stay valid until they expire or that key is retired.
#pragma once

#include <jwt.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

namespace modrt {

/// What a valid token says.
struct TokenClaims {
  std::string subject;
  long long expires = 0; // seconds since the epoch
};

class JwtKeys {
public:
  JwtKeys() { rotate(); }

  /// A token for `subject`, valid until `expires`, signed with the current key.
  std::string sign(const std::string &subject, long long expires) const {
    const Key key = current();
    Token token(newToken());
    if (!token || jwt_set_alg(token.get(), JWT_ALG_HS256, key.secret.data(),
                              static_cast<int>(key.secret.size())) != 0 ||
        jwt_add_header(token.get(), "kid", key.id.c_str()) != 0 ||
        jwt_add_grant(token.get(), "sub", subject.c_str()) != 0 ||
        jwt_add_grant_int(token.get(), "exp", static_cast<long>(expires)) != 0)
      throw std::runtime_error("libjwt could not build a token");
    std::unique_ptr<char, decltype(&std::free)> text(jwt_encode_str(token.get()), &std::free);
    if (!text)
      throw std::runtime_error("libjwt could not encode a token");
    return text.get();
  }

  /// The claims of a token signed with HS256 by one of the keys still
  /// kept, unexpired at `now`; nothing for anything else (another
  /// algorithm, "none" included, an unknown key id, a bad signature).
  std::optional<TokenClaims> verify(const std::string &text, long long now) const {
    const std::optional<Key> key = keyOf(text);
    if (!key)
      return std::nullopt;
    jwt_t *decoded = nullptr;
    if (jwt_decode(&decoded, text.c_str(), key->secret.data(),
                   static_cast<int>(key->secret.size())) != 0)
      return std::nullopt;
    Token token(decoded);
    if (jwt_get_alg(token.get()) != JWT_ALG_HS256)
      return std::nullopt;
    const char *subject = jwt_get_grant(token.get(), "sub");
    const long expires = jwt_get_grant_int(token.get(), "exp");
    if (!subject || expires <= 0 || now > expires)
      return std::nullopt;
    return TokenClaims{subject, expires};
  }

  /// A new current key; the previous one still checks tokens, an older one
  /// no longer does.
  void rotate() {
    Key fresh;
    crypto_auth_hmacsha256_keygen(fresh.secret.data());
    std::array<unsigned char, 8> id;
    randombytes_buf(id.data(), id.size());
    fresh.id = std::string(id.size() * 2 + 1, '\0');
    sodium_bin2hex(fresh.id.data(), fresh.id.size(), id.data(), id.size());
    fresh.id.pop_back();
    std::unique_lock<std::shared_mutex> lock(mu_);
    keys_.insert(keys_.begin(), std::move(fresh));
    if (keys_.size() > 2)
      keys_.pop_back();
  }

  /// Only the current key checks tokens from now on.
  void retirePrevious() {
    std::unique_lock<std::shared_mutex> lock(mu_);
    keys_.resize(1);
  }

private:
  struct Key {
    std::string id;
    std::array<unsigned char, crypto_auth_hmacsha256_KEYBYTES> secret{};
  };
  struct FreeToken {
    void operator()(jwt_t *token) const { jwt_free(token); }
  };
  using Token = std::unique_ptr<jwt_t, FreeToken>;

  static jwt_t *newToken() {
    jwt_t *token = nullptr;
    return jwt_new(&token) == 0 ? token : nullptr;
  }

  Key current() const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    return keys_.front();
  }

  /// The kept key the token's `kid` names. The header is read without a
  /// key (no claim is trusted from it), the token is checked with the key.
  std::optional<Key> keyOf(const std::string &text) const {
    jwt_t *unverified = nullptr;
    if (jwt_decode(&unverified, text.c_str(), nullptr, 0) != 0)
      return std::nullopt;
    Token token(unverified);
    const char *id = jwt_get_header(token.get(), "kid");
    if (!id)
      return std::nullopt;
    std::shared_lock<std::shared_mutex> lock(mu_);
    for (const Key &key : keys_)
      if (key.id == id)
        return key;
    return std::nullopt;
  }

  mutable std::shared_mutex mu_;
  std::vector<Key> keys_; // the current key first
};

} // namespace modrt
