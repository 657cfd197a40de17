// modrt_race_demo MODULE: serves one shared example module with a modrt
// Server and sends it requests two at a time, each from its own visitor
// through the server's dispatcher (Server::call: its pool, each call in its
// own request context). Built with ThreadSanitizer, it shows the bad
// modules' races and the good modules' absence of them; the race tests run
// it as a child process, so a reported race ends the child, not the test.
//
// The two requests of a round are released together by a barrier at the
// start of the call, as two requests arriving at the same moment are: from
// the barrier on, nothing orders them, so ThreadSanitizer sees every race
// the module has on every run (without the barrier, the pool's queue and
// the futures order calls that did not overlap, and whether a race shows
// depends on scheduling). A module whose bad pattern is a lock-order
// inversion gets its two requests in turn instead: the deadlock detector
// needs both orders seen, not both at once, and at once they could really
// deadlock before the report.
#include "../examples/bad_locking_modules.hpp"
#include "../examples/bad_modules.hpp"
#include "../examples/good_locking_modules.hpp"
#include "../examples/good_modules.hpp"
#include "RuntimeTestSupport.h"

#include <array>
#include <barrier>
#include <cstdio>
#include <functional>
#include <future>
#include <map>

using namespace modrt;
using namespace modrt::examples;

namespace {
constexpr int Rounds = 800;

enum class Release { Together, InTurn };

/// Serves `M` and sends it the rounds: request `i` runs `call(module, i)`,
/// with i = 2 * round + 0 or 1, so a round's two requests can take two
/// roles (by i % 2).
template <typename M, typename Call>
std::function<void()> scenario(Call call, Release release = Release::Together) {
  return [call, release] {
    Server server(testing::testServerOptions());
    server.registerModule<M>();
    const std::array<Credentials, 2> callers{server.loginAsVisitor(), server.loginAsVisitor()};
    for (int round = 0; round < Rounds; ++round) {
      std::barrier<> together(2);
      std::array<std::future<void>, 2> requests;
      // Which request is sent first alternates: the one that reaches the
      // barrier last tends to run on at once, so each role goes first often.
      for (int sent = 0; sent < 2; ++sent) {
        const int side = round % 2 ? 1 - sent : sent;
        const int i = 2 * round + side;
        requests[side] = server.call<M>(callers[side].token, [&together, call, release, i](M &m) {
          if (release == Release::Together)
            together.arrive_and_wait();
          call(m, i);
        });
        if (release == Release::InTurn)
          requests[side].get();
      }
      for (std::future<void> &request : requests)
        if (request.valid())
          request.get();
    }
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
  const std::map<std::string, std::function<void()>> scenarios{
      {"BadCounterModule", scenario<BadCounterModule>([](BadCounterModule &m, int) { m.end(m.begin()); })},
      {"BadChatModule", scenario<BadChatModule>([](BadChatModule &m, int) { m.send("hi"); })},
      {"BadUserModule", scenario<BadUserModule>([](BadUserModule &m, int) { m.greet(); })},
      {"BadReaderLockModule", scenario<BadReaderLockModule>([](BadReaderLockModule &m, int i) { m.hit("page" + std::to_string(i % 3)); })},
      {"BadLedgerModule", scenario<BadLedgerModule>([](BadLedgerModule &m, int i) { i % 2 ? m.transfer("a", "b", 1) : (void)m.audit(); }, Release::InTurn)},
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
  scenarios.at(argv[1])();
  std::printf("%s: %d calls done\n", argv[1], 2 * Rounds);
  return 0;
}
