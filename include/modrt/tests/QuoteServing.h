// The quote pair (quote_modules.hpp) served over HTTP, and a cache read
// sent while a refresh waits for upstream: what RuleDemoTest asserts and
// modrt_serve_examples prints.
//
// The server has one io thread, so the refresh coroutine resumes (and a
// bad module unlocks) on the thread that locked; with more, it could resume
// on another thread and unlock a mutex that thread does not own. The plain
// `cached` method waits for the cache's lock, so it is a blockingRoute and
// runs on the handler pool: on the one io thread, a read waiting for the
// bad module's lock would hold the thread the upstream timer needs, and the
// server would deadlock.
#pragma once

#include "../examples/quote_modules.hpp"
#include "RuntimeTestSupport.h"

#include <modrt/http/client.hpp>
#include <modrt/http/server.hpp>

#include <chrono>
#include <future>
#include <string>

namespace modrt::testing {

/// What a cache read saw while a refresh of the same quote waited for
/// upstream, and when it answered, counted from the refresh's start.
struct ReadDuringRefresh {
  bool readMidWait = false;     // the read was sent while the refresh waited
  bool answeredMidWait = false; // the read was answered while it still waited
  double seen = 0;          // the quote the read answered
  double refreshed = 0;     // the quote the refresh answered
  std::chrono::steady_clock::duration after{};
};

template <typename M> class QuoteServing {
public:
  QuoteServing() : module_(core_.registerModule<M>()) {
    using http::Json;
    server_.route<M>("quotes", "refresh", [](M &m, Json args) -> http::asio::awaitable<Json> {
      co_return co_await m.refresh(args.at("symbol").get<std::string>());
    });
    server_.blockingRoute<M>("quotes", "cached", [](M &m, const Json &args) {
      return m.cached(args.at("symbol").get<std::string>());
    });
    server_.start();
  }

  /// One client asks for a refresh of `symbol`; once it waits for upstream
  /// (the module's gauge says so), another client reads the quote.
  ReadDuringRefresh readDuringRefresh(const std::string &symbol) {
    using Clock = std::chrono::steady_clock;
    const http::Json args{{"symbol", symbol}};
    const std::string token = core_.loginAsVisitor().token;
    ReadDuringRefresh read;
    const auto start = Clock::now();
    std::future<http::Json> refreshed = std::async(std::launch::async, [&] {
      return http::HttpClient(server_.port()).call("quotes", "refresh", args, token);
    });
    eventually([this] { return module_.upstreamWaits() > 0; });
    read.readMidWait = module_.upstreamWaits() == 1;
    read.seen = http::HttpClient(server_.port()).call("quotes", "cached", args, token);
    read.answeredMidWait = module_.upstreamWaits() == 1;
    read.after = Clock::now() - start;
    read.refreshed = refreshed.get();
    return read;
  }

private:
  Server core_{testServerOptions()};
  M &module_;
  http::HttpServer server_{core_, {.threads = 1}};
};

} // namespace modrt::testing
