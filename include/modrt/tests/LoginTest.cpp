// Visitor and named-user logins under concurrent load.
#include "RuntimeTestSupport.h"

#include "gtest/gtest.h"

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

TEST(Logins, ExpiredTokenIsRefused) {
  ServerOptions options = testServerOptions();
  options.auth.tokenLifetime = std::chrono::seconds(-1);
  Server server(options);
  const Credentials visitor = server.loginAsVisitor();
  EXPECT_FALSE(server.auth().verify(visitor.token).has_value());
}

} // namespace
} // namespace modrt::testing
