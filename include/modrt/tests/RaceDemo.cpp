// modrt_race_demo MODULE: calls one shared example module from many client
// threads at once, each call inside its own request context, the way a
// thread-per-request server would. Built with ThreadSanitizer, it shows the
// bad modules' races and the good modules' absence of them; the race tests
// run it as a child process, so a reported race ends the child, not the
// test.
//
// The clients call the module directly rather than through Server::call:
// the pool's queue and the futures order calls for ThreadSanitizer, so
// whether a race shows would depend on scheduling. Here nothing but the
// start latch orders the clients, and a race is reported on every run.
#include "../examples/bad_locking_modules.hpp"
#include "../examples/bad_modules.hpp"
#include "../examples/good_locking_modules.hpp"
#include "../examples/good_modules.hpp"
#include "RuntimeTestSupport.h"

#include <cstdio>
#include <functional>
#include <map>

using namespace modrt;
using namespace modrt::examples;
using modrt::testing::runConcurrently;

namespace {
constexpr int Clients = 8;
constexpr int CallsPerClient = 200;

/// Creates the shared module and returns the call one client makes.
using Scenario = std::function<std::function<void(int)>()>;

template <typename M, typename Call> Scenario scenario(Call call) {
  return [call]() -> std::function<void(int)> {
    auto module = std::make_shared<M>();
    return [module, call](int i) { call(*module, i); };
  };
}
/// A page that shows the banner on every one of its rows: a request that
/// uses what a module returned for a while, as requests do.
std::string renderPage(const std::string &banner) {
  std::string page;
  for (int row = 0; row < 64; ++row)
    page += banner + "\n";
  return page;
}
} // namespace

int main(int argc, char **argv) {
  const std::map<std::string, Scenario> scenarios{
      {"BadCounterModule", scenario<BadCounterModule>([](BadCounterModule &m, int) { m.end(m.begin()); })},
      {"BadChatModule", scenario<BadChatModule>([](BadChatModule &m, int) { m.send("hi"); })},
      {"BadUserModule", scenario<BadUserModule>([](BadUserModule &m, int) { m.greet(); })},
      {"BadReaderLockModule", scenario<BadReaderLockModule>([](BadReaderLockModule &m, int i) { m.hit("page" + std::to_string(i % 3)); })},
      {"BadLedgerModule", scenario<BadLedgerModule>([](BadLedgerModule &m, int i) { i % 2 ? m.transfer("a", "b", 1) : (void)m.audit(); })},
      {"BadBannerModule", scenario<BadBannerModule>([](BadBannerModule &m, int i) { i % 2 ? m.setBanner(std::string(40, char('a' + i % 26))) : (void)renderPage(m.banner()); })},
      {"BadReceiptModule", scenario<BadReceiptModule>([](BadReceiptModule &m, int i) { (void)std::string(m.receipt(i)); })},
      {"BannerModule", scenario<BannerModule>([](BannerModule &m, int i) { i % 2 ? m.setBanner(std::string(40, char('a' + i % 26))) : (void)renderPage(m.banner()); })},
      {"ReceiptModule", scenario<ReceiptModule>([](ReceiptModule &m, int i) { (void)m.receipt(i); })},
      {"ConfigModule", scenario<ConfigModule>([](ConfigModule &m, int i) { m.endpoint(i); })},
      {"ProfileModule", scenario<ProfileModule>([](ProfileModule &m, int) { m.requestTag(); })},
      {"CartModule", scenario<CartModule>([](CartModule &m, int i) { m.add(std::to_string(i)); m.contents(); })},
      {"IdModule", scenario<IdModule>([](IdModule &m, int) { m.nextId(); })},
      {"InventoryModule", scenario<InventoryModule>([](InventoryModule &m, int i) { m.restock("a", 2); m.reserve("a", i % 2); })},
      {"EventModule", scenario<EventModule>([](EventModule &m, int i) { if (i % 5 == 0) m.subscribe([](const std::string &) {}); m.publish("e"); })},
      {"RoutingModule", scenario<RoutingModule>([](RoutingModule &m, int i) { if (i % 4 == 0) m.update({{"/", "x"}}); m.route("/"); })},
      {"LedgerModule", scenario<LedgerModule>([](LedgerModule &m, int i) { m.transfer(i % 2 ? "a" : "b", i % 2 ? "b" : "a", 1); m.balance("a"); })},
      {"StatsModule", scenario<StatsModule>([](StatsModule &m, int i) { m.record(i % 3 != 0); m.requests(); })},
  };
  if (argc != 2 || !scenarios.count(argv[1])) {
    std::fprintf(stderr, "usage: modrt_race_demo MODULE\nmodules:");
    for (const auto &[name, unused] : scenarios)
      std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  auto call = scenarios.at(argv[1])();
  // Each client's context is made before the start: copying a shared_ptr
  // that all clients share is an atomic that would order them too.
  auto sessions = std::make_shared<InMemorySessionStore>();
  std::vector<std::shared_ptr<const RequestContext>> contexts;
  for (int client = 0; client < Clients; ++client)
    contexts.push_back(std::make_shared<const RequestContext>(
        "client_" + std::to_string(client),
        User{"client" + std::to_string(client), {"visitor"}}, std::stop_token{},
        sessions));
  runConcurrently(Clients, [&](int client) {
    for (int i = 0; i < CallsPerClient; ++i) {
      ContextScope scope(contexts[client]);
      call(i);
    }
  });
  std::printf("%s: %d calls done\n", argv[1], Clients * CallsPerClient);
  return 0;
}
