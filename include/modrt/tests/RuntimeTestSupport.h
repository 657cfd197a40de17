// Helpers for the runtime tests: a server with cheap password hashing, and
// N client threads released together so their calls really overlap.
#pragma once

#include <modrt/modrt.hpp>

#include <functional>
#include <latch>
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

} // namespace modrt::testing
