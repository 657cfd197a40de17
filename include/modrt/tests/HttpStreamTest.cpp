// Streaming over HTTP: generator methods send server-sent events, one HTTP
// chunk each. 50 concurrent generator calls of 3 chunks carry their own
// caller in all 150 chunks; a client that stops reading holds its producer
// back (TCP's backpressure, no unbounded buffering); a client that goes away
// stops its producer, which sees its stop token set.
#include "HttpTestSupport.h"

#include <atomic>
#include <chrono>
#include <thread>

namespace modrt::testing {
namespace {

using namespace std::chrono_literals;

class TickerModule : public Module {
public:
  /// Three events naming the caller, a timer wait (and maybe a thread hop)
  /// before each.
  awaitable<void> three(Json, http::ChunkWriter &out) const {
    const auto executor = co_await http::asio::this_coro::executor;
    for (int i = 0; i < 3; ++i) {
      http::asio::steady_timer timer(executor, 1ms);
      co_await timer.async_wait(http::asio::use_awaitable);
      if (!co_await out.send(Json{{"user", currentUser()->id}, {"i", i}}))
        co_return;
    }
  }

  /// 64 KiB events for as long as the client takes them.
  awaitable<void> flood(Json, http::ChunkWriter &out) {
    const std::string block(64 * 1024, 'x');
    while (co_await out.send(Json{{"block", block}}))
      produced.fetch_add(1);
    sawCancel.store(stopToken().stop_requested());
    finished.store(true);
  }

  std::atomic<long> produced{0};
  std::atomic<bool> sawCancel{false};
  std::atomic<bool> finished{false};
};

struct Streaming : Served {
  Streaming() : Served(false) {
    core.registerModule<TickerModule>();
    server.streamRoute<TickerModule>("ticker", "three", &TickerModule::three)
        .streamRoute<TickerModule>("ticker", "flood", &TickerModule::flood);
    server.start();
  }
  TickerModule &ticker() { return core.module<TickerModule>(); }
};

TEST(HttpStreamSuite, FiftyConcurrentGeneratorsCarryTheirCallerInEveryChunk) {
  Streaming served;
  const std::vector<Credentials> callers = served.visitors(50);
  std::vector<std::vector<Json>> events(50);
  clientsAtOnce(50, [&](int i) {
    events[i] = HttpClient(served.server.port()).stream("ticker", "three", {}, callers[i].token);
  });
  int chunks = 0;
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(events[i].size(), 3u) << "client " << i;
    for (const Json &event : events[i]) {
      EXPECT_EQ(event.at("user"), callers[i].userId) << "a chunk carried another caller";
      ++chunks;
    }
  }
  EXPECT_EQ(chunks, 150);
  report("50 generator calls, " + std::to_string(chunks) + " chunks", 100, 50 + chunks);
}

TEST(HttpStreamSuite, ASlowClientHoldsItsProducerBackAndLeavingStopsIt) {
  Streaming served;
  const Credentials caller = served.visitor();
  HttpClient client(served.server.port());
  ASSERT_EQ(client.stream("ticker", "flood", {}, caller.token, 1).size(), 1u);
  // stream() closed the connection after one event; until the server sees
  // that, the producer can only fill the sockets' buffers.
  ASSERT_TRUE(eventually([&] { return served.ticker().finished.load(); }))
      << "the producer kept going after the client left";
  EXPECT_TRUE(served.ticker().sawCancel.load());
  // Buffers of a few MiB hold a few dozen 64 KiB events, not thousands.
  EXPECT_LT(served.ticker().produced.load(), 1000);

  // A client that stays but does not read: once the buffers are full, the
  // producer waits in send().
  Streaming held;
  const Credentials reader = held.visitor();
  HttpClient stalled(held.server.port());
  ASSERT_EQ(stalled.stream("ticker", "flood", {}, reader.token, 1, /*leave=*/false).size(), 1u);
  // How fast the buffers fill depends on the machine (and ThreadSanitizer
  // slows it many times), so wait for a 300 ms window without a new event,
  // then check that the producer stays held for one more.
  long filled = held.ticker().produced.load();
  ASSERT_TRUE(eventually([&] {
    const long before = held.ticker().produced.load();
    std::this_thread::sleep_for(300ms);
    filled = held.ticker().produced.load();
    return filled == before;
  })) << "the producer never stopped while nobody read";
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(held.ticker().produced.load(), filled) << "the producer ran on while nobody read";
  EXPECT_LT(filled, 1000);
  EXPECT_FALSE(held.ticker().finished.load());
  report("slow and departed stream clients (" + std::to_string(served.ticker().produced.load()) +
             " events sent before leaving was noticed, " + std::to_string(filled) +
             " before a stalled reader held the producer)",
         4, 8);
}

} // namespace
} // namespace modrt::testing
