// Requests per second of modrt's HTTP server on loopback, at 1, 8 and 64
// concurrent clients (each a thread with its own kept-alive connection,
// calling one module method as its own visitor for a fixed time), printed
// as JSON for scripts/bench. A figure, not a test: nothing is asserted.
//
//   modrt_http_throughput [SECONDS_PER_LEVEL]
#include "HttpTestSupport.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

int main(int argc, char **argv) {
  using namespace modrt::testing;
  using Clock = std::chrono::steady_clock;
  const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
  Served served;
  std::printf("{\"secondsPerLevel\": %.1f, \"serverThreads\": 4, \"requestsPerSecond\": {", seconds);
  const char *separator = "";
  for (const int clients : {1, 8, 64}) {
    const std::vector<modrt::Credentials> callers = served.visitors(clients);
    std::atomic<long> done{0}, failed{0};
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    const auto started = Clock::now();
    runConcurrently(clients, [&](int i) {
      HttpClient client(served.server.port());
      while (Clock::now() < until) {
        try {
          client.call("profile", "who", Json::object(), callers[i].token);
          done.fetch_add(1, std::memory_order_relaxed);
        } catch (const std::exception &) {
          failed.fetch_add(1, std::memory_order_relaxed);
          return;
        }
      }
    });
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("%s\"%d\": %.0f", separator, clients, done.load() / elapsed);
    separator = ", ";
    if (failed.load() > 0) {
      std::fprintf(stderr, "modrt_http_throughput: %ld clients failed at %d\n", failed.load(),
                   clients);
      return 1;
    }
  }
  std::printf("}}\n");
  return 0;
}
