// Helpers for the runtime tests: a server with cheap password hashing, and
// N client threads released together so their calls really overlap.
#pragma once

#include <modrt/modrt.hpp>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace modrt::testing {

inline ServerOptions testServerOptions() {
  ServerOptions options;
  options.threads = 8;
  // libsodium's minimum Argon2id cost: the tests are about concurrency, not
  // about how slow a password hash is.
  options.auth.passwordOpsLimit = crypto_pwhash_OPSLIMIT_MIN;
  options.auth.passwordMemLimit = crypto_pwhash_MEMLIMIT_MIN;
  return options;
}

/// Polls `condition` until it holds or `limit` has passed; whether it held.
inline bool eventually(const std::function<bool()> &condition,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

/// Runs `client(i)` for i in [0, n) on n threads that start at the same
/// moment, and waits for all of them.
inline void runConcurrently(int n, const std::function<void(int)> &client) {
  std::latch start(n);
  std::vector<std::jthread> clients;
  clients.reserve(n);
  for (int i = 0; i < n; ++i)
    clients.emplace_back([&, i] {
      start.arrive_and_wait();
      client(i);
    });
}

/// A payment service that answers once a second payment has started (or
/// after a second): it holds two bookings of one seat between their check
/// and their act, which is what a slow payment does in production.
class PaymentDesk {
public:
  void pay(const std::string &) {
    std::unique_lock<std::mutex> lock(mu_);
    ++paying_;
    started_.notify_all();
    started_.wait_for(lock, std::chrono::seconds(1), [this] { return paying_ >= 2; });
  }
  std::function<void(const std::string &)> service() {
    return [this](const std::string &user) { pay(user); };
  }

private:
  std::mutex mu_;
  std::condition_variable started_;
  int paying_ = 0;
};

} // namespace modrt::testing
