// A coroutine module and its anti-pattern (modlint-lock-across-await): a
// quote cache refreshed from an upstream service the handler co_awaits.
// BadQuoteModule's expected finding is written on its line; RuleDemoTest.cpp
// measures the stall it causes. Needs modrt_http (Boost.Asio coroutines).
#pragma once

#include <modrt/http/asio.hpp>
#include <modrt/module.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace modrt::examples {

/// How long the upstream quote service takes to answer.
inline constexpr std::chrono::milliseconds UpstreamLatency{200};

/// The quote cache both twins keep: a map behind a mutex, read by cached(),
/// filled by refresh() from an upstream service.
class QuoteCache : public Module {
public:
  /// The quote last fetched for `symbol`, 0 if none was.
  double cached(const std::string &symbol) {
    std::lock_guard<std::mutex> lock(mu_);
    auto found = quotes_.find(symbol);
    return found == quotes_.end() ? 0.0 : found->second;
  }

  /// How many refreshes are waiting for upstream now (a gauge for
  /// monitoring, and for the tests to know a refresh is mid-wait).
  int upstreamWaits() const { return upstreamWaits_.load(); }

protected:
  /// Waits for the upstream service without blocking the thread.
  http::asio::awaitable<double> fetchUpstream(const std::string &symbol) {
    http::asio::steady_timer upstream(co_await http::asio::this_coro::executor, UpstreamLatency);
    upstreamWaits_.fetch_add(1);
    co_await upstream.async_wait(http::asio::use_awaitable);
    upstreamWaits_.fetch_sub(1);
    co_return static_cast<double>(symbol.size());
  }

  std::mutex mu_;
  std::map<std::string, double> quotes_;

private:
  std::atomic<int> upstreamWaits_{0};
};

/// The cache's lock is held while the handler waits for upstream: the
/// thread is free, the lock is not, so every other request that reads the
/// cache waits the whole upstream latency. (On a multi-threaded io_context
/// the coroutine may even resume on another thread and unlock a mutex that
/// thread does not own.) Twin: QuoteModule.
class BadQuoteModule : public QuoteCache {
public:
  http::asio::awaitable<double> refresh(std::string symbol) {
    std::unique_lock<std::mutex> lock(mu_);
    const double quote = co_await fetchUpstream(symbol); // expect-warning@26[modlint-lock-across-await]{{'co_await' suspends the coroutine while it holds the 'exclusive' lock on 'mu_'}}
    quotes_[symbol] = quote;
    co_return quote;
  }
};

/// Waits for upstream first, then takes the lock only to store the answer:
/// readers never wait for the upstream service.
class QuoteModule : public QuoteCache {
public:
  http::asio::awaitable<double> refresh(std::string symbol) {
    const double quote = co_await fetchUpstream(symbol);
    std::lock_guard<std::mutex> lock(mu_);
    quotes_[symbol] = quote;
    co_return quote;
  }
};

} // namespace modrt::examples
