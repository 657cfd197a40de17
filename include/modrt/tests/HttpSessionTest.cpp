// The session suites over real HTTP: every call reaches the caller's own
// session through the request context, whichever connection and io thread
// serves it; concurrent writes of one user lose nothing (in memory), users
// never see each other's data (with either provider).
#include "HttpTestSupport.h"

#include <set>

namespace modrt::testing {
namespace {

TEST(HttpSessionSuite, TwentyConcurrentWritesFromOneClient) {
  Served served;
  const Credentials user = served.visitor();
  clientsAtOnce(20, [&](int i) {
    HttpClient client(served.server.port());
    client.call("notes", "put", {{"key", "k" + std::to_string(i)}, {"value", std::to_string(i)}},
                user.token);
    client.call("notes", "add", {{"key", "count"}}, user.token);
  });
  HttpClient reader(served.server.port());
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(reader.call("notes", "get", {{"key", "k" + std::to_string(i)}}, user.token),
              std::to_string(i));
  // Twenty read-modify-writes of one counter, none lost.
  EXPECT_EQ(reader.call("notes", "get", {{"key", "count"}}, user.token), "20");
  report("session writes from one client", 40 + 21, 21);
}

// With either provider: the same module calls give the same answers,
// clients stay isolated, and sequential operations of concurrent clients
// each see their own last write.
TEST_P(EitherProvider, ModulesSeeTheSameSession) {
  Served &served = this->served();
  const Credentials user = served.visitor();
  HttpClient client(served.server.port());
  EXPECT_EQ(client.call("notes", "get", {{"key", "a"}}, user.token), Json());
  client.call("notes", "put", {{"key", "a"}, {"value", "1"}}, user.token);
  EXPECT_EQ(client.call("notes", "get", {{"key", "a"}}, user.token), "1");
  for (int i = 1; i <= 3; ++i)
    EXPECT_EQ(client.call("notes", "add", {{"key", "count"}}, user.token), i);
  EXPECT_EQ(client.cookies().count("modrt_session"), GetParam() ? 1u : 0u);
  report(providerName({GetParam(), 0}) + " sessions, one interface", 7, 6);
}

TEST_P(EitherProvider, TenClientsAreIsolated) {
  Served &served = this->served();
  const std::vector<Credentials> users = served.visitors(10);
  std::vector<Json> seen(10);
  clientsAtOnce(10, [&](int i) {
    HttpClient client(served.server.port());
    client.call("notes", "put", {{"key", "name"}, {"value", users[i].userId}}, users[i].token);
    seen[i] = client.call("notes", "get", {{"key", "name"}}, users[i].token);
  });
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(seen[i], users[i].userId) << "client " << i << " read another user's session";
  report(providerName({GetParam(), 0}) + " isolated sessions", 10 + 20, 10);
}

TEST_P(EitherProvider, HundredOperationsFromTenClients) {
  Served &served = this->served();
  const std::vector<Credentials> users = served.visitors(10);
  std::vector<int> wrong(10, 0);
  clientsAtOnce(10, [&](int i) {
    HttpClient client(served.server.port());
    for (int op = 0; op < 5; ++op) {
      const std::string value = users[i].userId + "#" + std::to_string(op);
      client.call("notes", "put", {{"key", "last"}, {"value", value}}, users[i].token);
      wrong[i] += client.call("notes", "get", {{"key", "last"}}, users[i].token) != value;
    }
  });
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(wrong[i], 0) << "client " << i;
  if (GetParam()) {
    EXPECT_THROW(served.core.sessions(), std::logic_error) << "the server keeps none";
  } else {
    const SessionStats stats = served.core.sessions().stats();
    EXPECT_EQ(stats.sessions, 10u);
    EXPECT_EQ(stats.hits, 50u);
  }
  report(providerName({GetParam(), 0}) + " session operations", 100 + 10, 12);
}

INSTANTIATE_TEST_SUITE_P(Sessions, EitherProvider, ::testing::Values(false, true), providerName);

} // namespace
} // namespace modrt::testing
