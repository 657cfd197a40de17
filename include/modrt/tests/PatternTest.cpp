// The good patterns stay correct under concurrent calls.
#include "../examples/good_modules.hpp"
#include "RuntimeTestSupport.h"

#include "gtest/gtest.h"

#include <set>

namespace modrt::testing {
namespace {

using namespace modrt::examples;

TEST(Patterns, AtomicIdsNeverRepeat) {
  Server server(testServerOptions());
  server.registerModule<IdModule>();
  std::vector<std::string> ids(200);
  runConcurrently(200, [&](int i) {
    ids[i] = server.call<IdModule>("", [](IdModule &m) { return m.nextId(); }).get();
  });
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 200u);
}

TEST(Patterns, MutexGuardedInventoryLosesNoUpdate) {
  Server server(testServerOptions());
  server.registerModule<InventoryModule>().restock("apple", 1000);
  runConcurrently(100, [&](int) {
    server.call<InventoryModule>("", [](InventoryModule &m) { return m.reserve("apple", 3); }).get();
  });
  EXPECT_EQ(server.call<InventoryModule>("", [](InventoryModule &m) {
                    return m.reserve("apple", 0);
                  }).get(),
            "apple: 700 left");
}

TEST(Patterns, LockOrderKeepsTheLedgerBalancedWithoutDeadlock) {
  Server server(testServerOptions());
  server.registerModule<LedgerModule>();
  runConcurrently(100, [&](int i) {
    const bool even = i % 2 == 0;
    server.call<LedgerModule>("", [even](LedgerModule &m) {
      m.transfer(even ? "a" : "b", even ? "b" : "a", 10);
    }).get();
  });
  const long a = server.call<LedgerModule>("", [](LedgerModule &m) { return m.balance("a"); }).get();
  const long b = server.call<LedgerModule>("", [](LedgerModule &m) { return m.balance("b"); }).get();
  EXPECT_EQ(a + b, 0);
  EXPECT_EQ(a, 0); // fifty each way
}

TEST(Patterns, ObserversSeeEveryEventFromASnapshot) {
  Server server(testServerOptions());
  EventModule &events = server.registerModule<EventModule>();
  std::atomic<int> seen{0};
  events.subscribe([&](const std::string &) { seen++; });
  // An observer that subscribes another from inside a notification would
  // deadlock if notifications ran under the lock.
  events.subscribe([&](const std::string &e) {
    if (e == "first")
      events.subscribe([&](const std::string &) { seen++; });
  });
  runConcurrently(50, [&](int i) {
    server.call<EventModule>("", [i](EventModule &m) {
      m.publish(i == 0 ? "first" : "event");
    }).get();
  });
  EXPECT_GE(seen.load(), 50);
}

TEST(Patterns, DefensiveCopyIgnoresLaterChangesToTheCallersMap) {
  RoutingModule routing;
  std::map<std::string, std::string> mine{{"/a", "svc-a"}};
  routing.update(mine);
  mine["/a"] = "changed";
  mine["/b"] = "svc-b";
  EXPECT_EQ(routing.route("/a"), "svc-a");
  EXPECT_EQ(routing.route("/b"), "");
}

TEST(Patterns, ContextAndSessionModules) {
  Server server(testServerOptions());
  server.registerModule<ProfileModule>();
  server.registerModule<CartModule>();
  server.registerModule<ConfigModule>("us");
  server.registerModule<StatsModule>();
  const Credentials user = server.loginAsVisitor();
  EXPECT_EQ(server.call<ProfileModule>(user.token, [](ProfileModule &m) { return m.whoAmI(); }).get(),
            user.userId);
  runConcurrently(10, [&](int i) {
    server.call<CartModule>(user.token, [i](CartModule &m) {
      m.add("item" + std::to_string(i));
    }).get();
  });
  // Ten concurrent adds by one user: none lost.
  const std::string cart =
      server.call<CartModule>(user.token, [](CartModule &m) { return m.contents(); }).get();
  for (int i = 0; i < 10; ++i)
    EXPECT_NE(cart.find("item" + std::to_string(i)), std::string::npos) << cart;
  EXPECT_EQ(std::count(cart.begin(), cart.end(), ','), 9);
  EXPECT_EQ(server.call<ConfigModule>("", [](ConfigModule &m) { return m.endpoint(7); }).get(),
            "b.internal/us/3");
  runConcurrently(40, [&](int i) {
    server.call<StatsModule>("", [i](StatsModule &m) { m.record(i % 4 != 0); }).get();
  });
  EXPECT_EQ(server.call<StatsModule>("", [](StatsModule &m) { return m.errors(); }).get(), 10);
}

} // namespace
} // namespace modrt::testing
