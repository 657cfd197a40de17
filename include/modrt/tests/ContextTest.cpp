// The request context under concurrent calls: every call sees its own user
// and request, nested and handed-off work keeps it, and nothing leaks.
#include "RuntimeTestSupport.h"

#include "gtest/gtest.h"

#include <set>

namespace modrt::testing {
namespace {

class EchoModule : public Module {
public:
  /// The caller as the context says, read twice with a yield between, so a
  /// leak from another call would show.
  std::string whoTwice() const {
    const std::string first = currentUser()->id;
    std::this_thread::yield();
    const std::string second = currentUser()->id;
    return first == second ? first : first + "!=" + second;
  }
  std::string request() const { return requestId(); }
  void chunks(Emitter<std::string> &out) const {
    for (int i = 0; i < 3; ++i) {
      out.emit(currentUser()->id + "#" + std::to_string(i));
      std::this_thread::yield();
    }
  }
  /// Hands work to another thread; bindContext carries the context along.
  std::string handOff() const {
    std::string seen;
    std::thread helper(bindContext([&] { seen = currentUser()->id; }));
    helper.join();
    return seen;
  }
};

struct Clients {
  Server server{testServerOptions()};
  std::vector<Credentials> users;
  explicit Clients(int n) {
    server.registerModule<EchoModule>();
    for (int i = 0; i < n; ++i)
      users.push_back(server.loginAsVisitor());
  }
};

TEST(Context, TenConcurrentCallsFromOneClientKeepTheirUser) {
  Clients c(1);
  std::vector<std::string> seen(10);
  runConcurrently(10, [&](int i) {
    seen[i] = c.server.call<EchoModule>(c.users[0].token, [](EchoModule &m) {
                        return m.whoTwice();
                      }).get();
  });
  for (const std::string &who : seen)
    EXPECT_EQ(who, c.users[0].userId);
}

TEST(Context, FiftyConcurrentStreamsKeepTheUserInAll150Chunks) {
  Clients c(50);
  std::vector<std::vector<std::string>> chunks(50);
  runConcurrently(50, [&](int i) {
    chunks[i] = c.server
                    .stream<EchoModule, std::string>(
                        c.users[i].token,
                        [](EchoModule &m, Emitter<std::string> &out) { m.chunks(out); })
                    .collect();
  });
  size_t total = 0;
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(chunks[i].size(), 3u);
    for (int k = 0; k < 3; ++k)
      EXPECT_EQ(chunks[i][k], c.users[i].userId + "#" + std::to_string(k));
    total += chunks[i].size();
  }
  EXPECT_EQ(total, 150u);
}

TEST(Context, TwentyConcurrentClientsAreIsolated) {
  Clients c(20);
  std::vector<std::string> seen(20);
  runConcurrently(20, [&](int i) {
    seen[i] = c.server.call<EchoModule>(c.users[i].token, [](EchoModule &m) {
                        return m.whoTwice();
                      }).get();
  });
  for (int i = 0; i < 20; ++i)
    EXPECT_EQ(seen[i], c.users[i].userId);
}

TEST(Context, HundredCallsFromTenClientsAreIsolatedWithUniqueRequestIds) {
  Clients c(10);
  std::vector<std::string> who(100), requests(100);
  runConcurrently(100, [&](int i) {
    const std::string &token = c.users[i % 10].token;
    who[i] = c.server.call<EchoModule>(token, [](EchoModule &m) { return m.whoTwice(); }).get();
    requests[i] = c.server.call<EchoModule>(token, [](EchoModule &m) { return m.request(); }).get();
  });
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(who[i], c.users[i % 10].userId);
  EXPECT_EQ(std::set<std::string>(requests.begin(), requests.end()).size(), 100u);
}

TEST(Context, HandedOffWorkKeepsTheContext) {
  Clients c(1);
  EXPECT_EQ(c.server.call<EchoModule>(c.users[0].token, [](EchoModule &m) {
                      return m.handOff();
                    }).get(),
            c.users[0].userId);
}

TEST(Context, ScopesNestAndRestore) {
  auto outer = std::make_shared<const RequestContext>("outer", User{"a", {}},
                                                      std::stop_token{}, nullptr);
  auto inner = std::make_shared<const RequestContext>("inner", User{"b", {}},
                                                      std::stop_token{}, nullptr);
  EXPECT_EQ(currentContext(), nullptr);
  EXPECT_THROW(context(), NoContextError);
  {
    ContextScope a(outer);
    EXPECT_EQ(context().requestId(), "outer");
    {
      ContextScope b(inner);
      EXPECT_EQ(context().user()->id, "b");
    }
    EXPECT_EQ(context().user()->id, "a");
  }
  EXPECT_EQ(currentContext(), nullptr);
}

TEST(Context, AnonymousInvalidAndCancelledCalls) {
  Clients c(1);
  EXPECT_EQ(c.server.call<EchoModule>("", [](EchoModule &) {
                      return context().user() == nullptr;
                    }).get(),
            true);
  auto bad = c.server.call<EchoModule>("forged", [](EchoModule &m) { return m.request(); });
  EXPECT_THROW(bad.get(), AuthError);
  std::stop_source cancel;
  cancel.request_stop();
  EXPECT_TRUE(c.server.call<EchoModule>(c.users[0].token,
                                        [](EchoModule &) {
                                          return context().stopToken().stop_requested();
                                        },
                                        cancel.get_token())
                  .get());
}

} // namespace
} // namespace modrt::testing
