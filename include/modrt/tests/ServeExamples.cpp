// modrt_serve_examples: example modules served over HTTP on loopback, each
// bad module beside its fixed twin, driven by concurrent clients (each a
// thread with its own connection, calling as its own visitor). Prints what
// each pair did; scripts/demo shows it beside modlint's findings on the bad
// modules. A demonstration, not a test: RuleDemoTest and RaceDemoTest
// assert the same behaviour. Methods that block (the audit sink's write,
// the payment) are blocking routes, on the handler pool; the quote pair is
// served by a server of its own with one io thread (QuoteServing.h). The
// deadlocking observer, which would hang the server, is shown only by the
// test.
#include "../examples/bad_locking_modules.hpp"
#include "../examples/bad_modules.hpp"
#include "../examples/good_locking_modules.hpp"
#include "../examples/good_modules.hpp"
#include "HttpTestSupport.h"
#include "QuoteServing.h"

#include <chrono>
#include <cstdio>
#include <set>

namespace {

using namespace modrt;
using namespace modrt::examples;
using namespace modrt::testing;
using Clock = std::chrono::steady_clock;

struct Demo {
  PaymentDesk badDesk, goodDesk;
  Server core{testServerOptions()};
  http::HttpServer server{core, http::HttpOptions{.threads = 4, .handlerThreads = 8}};

  Demo() {
    core.registerModule<BadBookingModule>(badDesk.service());
    core.registerModule<BookingModule>(goodDesk.service());
    core.registerModule<BadAuditModule>();
    core.registerModule<AuditModule>();
    core.registerModule<BadChatModule>();
    core.registerModule<IdModule>();
    auto book = [](auto &m, const http::Json &a) { return m.book(a.at("seat"), a.at("user")); };
    auto record = [](auto &m, const http::Json &a) {
      m.record(a.at("line"));
      return true;
    };
    server.blockingRoute<BadBookingModule>("bad-booking", "book", book)
        .blockingRoute<BookingModule>("booking", "book", book)
        .blockingRoute<BadAuditModule>("bad-audit", "record", record)
        .blockingRoute<AuditModule>("audit", "record", record)
        .route<BadChatModule>("bad-chat", "send",
                              [](BadChatModule &m, const http::Json &) { return m.send("hi"); })
        .route<IdModule>("ids", "next", [](IdModule &m, const http::Json &) { return m.nextId(); });
    server.start();
  }

  /// Every client calls `module/method` `calls` times at once; the answers.
  std::vector<http::Json> callAtOnce(int clients, int calls, const std::string &module,
                                     const std::string &method,
                                     const std::function<http::Json(int)> &args) {
    std::vector<Credentials> callers;
    for (int i = 0; i < clients; ++i)
      callers.push_back(core.loginAsVisitor());
    std::vector<http::Json> answers(static_cast<std::size_t>(clients * calls));
    runConcurrently(clients, [&](int i) {
      try {
        http::HttpClient client(server.port());
        for (int call = 0; call < calls; ++call)
          answers[i * calls + call] = client.call(module, method, args(i), callers[i].token);
      } catch (const std::exception &e) {
        std::fprintf(stderr, "modrt_serve_examples: client %d of %s/%s: %s\n", i, module.c_str(),
                     method.c_str(), e.what());
        std::exit(1);
      }
    });
    return answers;
  }

  void seat(const std::string &module) {
    int sold = 0;
    for (const http::Json &booked : callAtOnce(2, 1, module, "book", [](int i) {
           return http::Json{{"seat", "12A"}, {"user", "user" + std::to_string(i)}};
         }))
      sold += booked.get<bool>() ? 1 : 0;
    std::printf("  %-12s 2 clients book seat 12A at once: sold %d time(s)\n", module.c_str(), sold);
  }

  void audit(const std::string &module) {
    const auto start = Clock::now();
    callAtOnce(8, 1, module, "record", [](int i) {
      return http::Json{{"line", "line " + std::to_string(i)}};
    });
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    std::printf("  %-12s 8 clients record a line at once (50 ms sink): %lld ms\n", module.c_str(),
                static_cast<long long>(took.count()));
  }

  void ids(const std::string &module, const std::string &method) {
    std::set<std::string> distinct;
    const auto answers = callAtOnce(16, 50, module, method, [](int) { return http::Json(); });
    for (const http::Json &id : answers)
      distinct.insert(id.get<std::string>().substr(0, id.get<std::string>().find(':')));
    std::printf("  %-12s 16 clients x 50 calls: %zu ids, %zu repeated\n", module.c_str(),
                answers.size(), answers.size() - distinct.size());
  }
};

template <typename M> void quote(const char *name) {
  const ReadDuringRefresh read = QuoteServing<M>().readDuringRefresh("ACME");
  std::printf("  %-12s a read sent during a %lld ms upstream wait: answered after %lld ms with "
              "quote %g\n",
              name, static_cast<long long>(UpstreamLatency.count()),
              static_cast<long long>(
                  std::chrono::duration_cast<std::chrono::milliseconds>(read.after).count()),
              read.seen);
}

} // namespace

int main() {
  Demo demo;
  std::printf("modrt serving example modules on 127.0.0.1:%u\n", demo.server.port());
  std::printf("modlint-check-then-act (BadBookingModule, twin BookingModule):\n");
  demo.seat("bad-booking");
  demo.seat("booking");
  std::printf("modlint-blocking-under-lock (BadAuditModule, twin AuditModule):\n");
  demo.audit("bad-audit");
  demo.audit("audit");
  std::printf("modlint-lock-across-await (BadQuoteModule, twin QuoteModule):\n");
  quote<BadQuoteModule>("bad-quote");
  quote<QuoteModule>("quote");
  std::printf("modlint-nonatomic-update (BadChatModule, twin IdModule): a race, so the\n"
              "  repeats vary from run to run; ThreadSanitizer reports it on every run\n");
  demo.ids("bad-chat", "send");
  demo.ids("ids", "next");
  return 0;
}
