// Visitor and named-user logins under concurrent load.
#include "RuntimeTestSupport.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <ctime>
#include <jwt.h>
#include <mutex>
#include <set>

namespace modrt::testing {
namespace {

class WhoAmIModule : public Module {
public:
  std::string who() const { return currentUser() ? currentUser()->id : ""; }
};

class ConcurrentVisitorLogins : public ::testing::TestWithParam<int> {};

TEST_P(ConcurrentVisitorLogins, AllSucceedWithUniqueIds) {
  const int n = GetParam();
  Server server(testServerOptions());
  server.registerModule<WhoAmIModule>();
  std::vector<Credentials> logins(n);
  runConcurrently(n, [&](int i) { logins[i] = server.loginAsVisitor(); });

  std::set<std::string> ids;
  for (const Credentials &c : logins) {
    EXPECT_TRUE(c.userId.rfind("visitor_", 0) == 0) << c.userId;
    EXPECT_FALSE(c.token.empty());
    EXPECT_FALSE(c.password.empty());
    ids.insert(c.userId);
    const std::optional<User> user = server.auth().verify(c.token);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->id, c.userId);
    EXPECT_TRUE(user->hasRole("visitor"));
  }
  EXPECT_EQ(ids.size(), static_cast<size_t>(n)); // no collisions

  // Every token works for a call and names its own visitor.
  std::vector<std::future<std::string>> calls;
  for (const Credentials &c : logins)
    calls.push_back(server.call<WhoAmIModule>(c.token, [](WhoAmIModule &m) { return m.who(); }));
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(calls[i].get(), logins[i].userId);
}

INSTANTIATE_TEST_SUITE_P(Loads, ConcurrentVisitorLogins, ::testing::Values(10, 50, 100));

TEST(Logins, TwentyConcurrentNamedUserLogins) {
  Server server(testServerOptions());
  for (int i = 0; i < 20; ++i)
    server.auth().registerUser("user" + std::to_string(i), "secret-" + std::to_string(i));
  std::vector<std::optional<std::string>> tokens(20);
  runConcurrently(20, [&](int i) {
    tokens[i] = server.auth().login("user" + std::to_string(i), "secret-" + std::to_string(i));
  });
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(tokens[i].has_value()) << i;
    const std::optional<User> user = server.auth().verify(*tokens[i]);
    ASSERT_TRUE(user.has_value());
    EXPECT_EQ(user->id, "user" + std::to_string(i));
  }
}

TEST(Logins, WrongPasswordTamperedTokenAndDuplicateNameAreRefused) {
  Server server(testServerOptions());
  server.auth().registerUser("ada", "lovelace");
  EXPECT_FALSE(server.auth().login("ada", "babbage").has_value());
  EXPECT_FALSE(server.auth().login("nobody", "x").has_value());
  const std::string token = *server.auth().login("ada", "lovelace");
  std::string tampered = token;
  tampered[0] = tampered[0] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(server.auth().verify(tampered).has_value());
  EXPECT_FALSE(server.auth().verify("not-a-token").has_value());
  EXPECT_THROW(server.auth().registerUser("ada", "again"), AuthError);
  // A token from another server (another key) is not valid here.
  Server other(testServerOptions());
  other.auth().registerUser("ada", "lovelace");
  EXPECT_FALSE(server.auth().verify(*other.auth().login("ada", "lovelace")).has_value());
}

/// A header of `token`, read without checking it.
std::string headerOf(const std::string &token, const char *name) {
  jwt_t *decoded = nullptr;
  if (jwt_decode(&decoded, token.c_str(), nullptr, 0) != 0)
    return "";
  const char *value = jwt_get_header(decoded, name);
  std::string copy = value ? value : "";
  jwt_free(decoded);
  return copy;
}

/// A token for `subject` that the attacker signs (`alg` none or HS256 with
/// a key of their own), under the server's key id.
std::string forgedToken(const std::string &subject, const std::string &keyId, jwt_alg_t alg) {
  jwt_t *forged = nullptr;
  jwt_new(&forged);
  const std::string key(32, 'k');
  if (alg != JWT_ALG_NONE)
    jwt_set_alg(forged, alg, reinterpret_cast<const unsigned char *>(key.data()), 32);
  jwt_add_header(forged, "kid", keyId.c_str());
  jwt_add_grant(forged, "sub", subject.c_str());
  jwt_add_grant_int(forged, "exp", static_cast<long>(std::time(nullptr)) + 3600);
  char *text = jwt_encode_str(forged);
  std::string copy = text ? text : "";
  std::free(text);
  jwt_free(forged);
  return copy;
}

TEST(Logins, TokensAreHs256JwtsThatOutliveOneKeyRotation) {
  Server server(testServerOptions());
  const Credentials before = server.loginAsVisitor();
  EXPECT_EQ(headerOf(before.token, "alg"), "HS256");
  EXPECT_EQ(headerOf(before.token, "typ"), "JWT");
  const std::string firstKey = headerOf(before.token, "kid");
  ASSERT_FALSE(firstKey.empty());

  server.auth().rotateKey();
  const Credentials after = server.loginAsVisitor();
  EXPECT_NE(headerOf(after.token, "kid"), firstKey);
  EXPECT_TRUE(server.auth().verify(before.token).has_value()); // the previous key still checks
  EXPECT_TRUE(server.auth().verify(after.token).has_value());

  server.auth().retirePreviousKey();
  EXPECT_FALSE(server.auth().verify(before.token).has_value());
  EXPECT_TRUE(server.auth().verify(after.token).has_value());
  server.auth().rotateKey();
  server.auth().rotateKey(); // two rotations on, its key is gone
  EXPECT_FALSE(server.auth().verify(after.token).has_value());
}

TEST(Logins, UnsignedAndSelfSignedTokensAreRefused) {
  Server server(testServerOptions());
  const Credentials visitor = server.loginAsVisitor();
  const std::string keyId = headerOf(visitor.token, "kid");
  EXPECT_FALSE(server.auth().verify(forgedToken(visitor.userId, keyId, JWT_ALG_NONE)).has_value());
  EXPECT_FALSE(server.auth().verify(forgedToken(visitor.userId, keyId, JWT_ALG_HS256)).has_value());
  EXPECT_FALSE(server.auth().verify(forgedToken(visitor.userId, keyId, JWT_ALG_HS512)).has_value());
  EXPECT_TRUE(server.auth().verify(visitor.token).has_value());
}

TEST(Logins, ExpiredTokenIsRefused) {
  ServerOptions options = testServerOptions();
  options.auth.tokenLifetime = std::chrono::seconds(-1);
  Server server(options);
  const Credentials visitor = server.loginAsVisitor();
  EXPECT_FALSE(server.auth().verify(visitor.token).has_value());
}

} // namespace
} // namespace modrt::testing
