// The session suites over real HTTP: every call reaches the caller's own
// session through the request context, whichever connection and io thread
// serves it; concurrent writes of one user lose nothing, users never see
// each other's data.
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

TEST(HttpSessionSuite, TenClientsAreIsolated) {
  Served served;
  const std::vector<Credentials> users = served.visitors(10);
  std::vector<Json> seen(10);
  clientsAtOnce(10, [&](int i) {
    HttpClient client(served.server.port());
    client.call("notes", "put", {{"key", "name"}, {"value", users[i].userId}}, users[i].token);
    seen[i] = client.call("notes", "get", {{"key", "name"}}, users[i].token);
  });
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(seen[i], users[i].userId) << "client " << i << " read another user's session";
  report("isolated sessions", 10 + 20, 10);
}

TEST(HttpSessionSuite, HundredOperationsFromTenClients) {
  Served served;
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
  const SessionStats stats = served.core.sessions().stats();
  EXPECT_EQ(stats.sessions, 10u);
  EXPECT_EQ(stats.hits, 50u);
  report("session operations", 100 + 10, 12);
}

} // namespace
} // namespace modrt::testing
