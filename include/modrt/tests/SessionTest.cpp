// Session storage under concurrent load, and its bounds and expiry, which
// are tested with a clock the test moves (no sleeping).
#include "RuntimeTestSupport.h"

#include "gtest/gtest.h"

#include <atomic>

namespace modrt::testing {
namespace {

class SessionModule : public Module {
public:
  void put(const std::string &key, const std::string &value) { session().set(key, value); }
  std::string read(const std::string &key) const { return session().get(key).value_or(""); }
};

TEST(Sessions, TwentyConcurrentWritesFromOneClient) {
  Server server(testServerOptions());
  server.registerModule<SessionModule>();
  const Credentials user = server.loginAsVisitor();
  runConcurrently(20, [&](int i) {
    server.call<SessionModule>(user.token, [i](SessionModule &m) {
      m.put("key" + std::to_string(i), "value" + std::to_string(i));
    }).get();
  });
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(server.sessions().get(user.userId, "key" + std::to_string(i)),
              "value" + std::to_string(i));
}

TEST(Sessions, TenClientsHaveIsolatedSessions) {
  Server server(testServerOptions());
  server.registerModule<SessionModule>();
  std::vector<Credentials> users;
  for (int i = 0; i < 10; ++i)
    users.push_back(server.loginAsVisitor());
  std::vector<std::string> seen(10);
  runConcurrently(10, [&](int i) {
    const std::string mine = "secret-of-" + users[i].userId;
    server.call<SessionModule>(users[i].token, [&](SessionModule &m) { m.put("secret", mine); }).get();
    seen[i] = server.call<SessionModule>(users[i].token, [](SessionModule &m) {
                      return m.read("secret");
                    }).get();
  });
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(seen[i], "secret-of-" + users[i].userId);
}

TEST(Sessions, HundredConcurrentOperationsAreCorrect) {
  InMemorySessionStore store;
  std::vector<std::string> read(100);
  runConcurrently(100, [&](int i) {
    const std::string user = "user" + std::to_string(i % 10);
    const std::string key = "k" + std::to_string(i);
    store.set(user, key, "v" + std::to_string(i));
    read[i] = store.get(user, key).value_or("missing");
    if (i % 3 == 0)
      store.erase(user, key);
  });
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(read[i], "v" + std::to_string(i));
    const auto now = store.get("user" + std::to_string(i % 10), "k" + std::to_string(i));
    EXPECT_EQ(now.has_value(), i % 3 != 0) << i;
  }
  const SessionStats stats = store.stats();
  EXPECT_EQ(stats.sessions, 10u);
  EXPECT_EQ(stats.evictions, 0u);
}

struct FakeClock {
  std::atomic<SteadyClock::rep> ticks{0};
  SteadyClock::time_point now() const { return SteadyClock::time_point(SteadyClock::duration(ticks.load())); }
  void advance(std::chrono::nanoseconds by) { ticks += std::chrono::duration_cast<SteadyClock::duration>(by).count(); }
};

TEST(Sessions, BoundedByMaxSessionsEvictingTheLeastRecentlyUsed) {
  FakeClock clock;
  SessionOptions options;
  options.maxSessions = 4;
  options.shards = 1; // one shard: the eviction order is exact
  options.clock = [&] { return clock.now(); };
  InMemorySessionStore store(options);
  EXPECT_EQ(store.capacity(), 4u);
  for (int i = 0; i < 4; ++i) {
    store.set("u" + std::to_string(i), "k", "v");
    clock.advance(std::chrono::seconds(1));
  }
  store.get("u0", "k"); // u0 is now the most recent; u1 the least
  store.set("u4", "k", "v");
  EXPECT_FALSE(store.get("u1", "k").has_value());
  EXPECT_TRUE(store.get("u0", "k").has_value());
  EXPECT_TRUE(store.get("u4", "k").has_value());
  EXPECT_EQ(store.stats().sessions, 4u);
  EXPECT_EQ(store.stats().evictions, 1u);
}

TEST(Sessions, ManyUsersNeverExceedTheCapacity) {
  SessionOptions options;
  options.maxSessions = 64;
  InMemorySessionStore store(options);
  runConcurrently(16, [&](int t) {
    for (int i = 0; i < 100; ++i)
      store.set("user" + std::to_string(t * 1000 + i), "k", "v");
  });
  EXPECT_LE(store.stats().sessions, store.capacity());
  EXPECT_LE(store.capacity(), 64u);
  EXPECT_EQ(store.stats().sessions + store.stats().evictions, 1600u);
}

TEST(Sessions, IdleSessionsExpireAndCleanupRemovesOldOnes) {
  FakeClock clock;
  SessionOptions options;
  options.idleTimeout = std::chrono::minutes(10);
  options.clock = [&] { return clock.now(); };
  InMemorySessionStore store(options);
  store.set("old", "k", "v");
  clock.advance(std::chrono::minutes(6));
  store.set("recent", "k", "v");
  clock.advance(std::chrono::minutes(5)); // old: 11 min idle, recent: 5
  EXPECT_FALSE(store.get("old", "k").has_value());
  EXPECT_EQ(store.stats().expirations, 1u);
  EXPECT_TRUE(store.get("recent", "k").has_value()); // touched: idle 0 again
  clock.advance(std::chrono::minutes(3));
  store.set("newest", "k", "v");
  EXPECT_EQ(store.cleanupOlderThan(std::chrono::minutes(2)), 1u); // recent
  EXPECT_EQ(store.stats().sessions, 1u);
  EXPECT_TRUE(store.get("newest", "k").has_value());
}

TEST(Sessions, StatsCountHitsAndMisses) {
  InMemorySessionStore store;
  store.set("u", "a", "1");
  store.get("u", "a");
  store.get("u", "b");
  store.get("nobody", "a");
  const SessionStats stats = store.stats();
  EXPECT_EQ(stats.hits, 1u);
  EXPECT_EQ(stats.misses, 2u);
  EXPECT_EQ(stats.sessions, 1u);
}

TEST(Sessions, AnonymousCallsHaveNoSession) {
  Server server(testServerOptions());
  server.registerModule<SessionModule>();
  auto call = server.call<SessionModule>("", [](SessionModule &m) { return m.read("k"); });
  EXPECT_THROW(call.get(), std::logic_error);
}

} // namespace
} // namespace modrt::testing
