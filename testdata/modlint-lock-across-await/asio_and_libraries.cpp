// A lock held across a suspension of Boost.Asio's own coroutines
// (boost::asio::awaitable, co_await on an async operation with
// use_awaitable), with the lock types of Abseil, Boost, pthread and an
// annotated lock of a team's own, each with the library's real headers.
// Silent: the same locks released before the co_await, and a co_await of
// Asio's this_coro::executor, which Asio answers without suspending. clang-tidy's
// cppcoreguidelines-no-suspend-with-lock, run on the same input, finds none
// of them: it knows only the std guards.
// modlint-checks: modlint-lock-across-await
// modlint-peer: cppcoreguidelines-no-suspend-with-lock
#include <utility>
#define BOOST_ASIO_HAS_CO_AWAIT 1
#define BOOST_ASIO_HAS_STD_COROUTINE 1
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "absl/synchronization/mutex.h"
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <chrono>
#include <pthread.h>

using boost::asio::awaitable;
using boost::asio::use_awaitable;

class __attribute__((capability("mutex"))) SpinLock {
public:
  void acquire() __attribute__((acquire_capability()));
  void release() __attribute__((release_capability()));
};

class Refresher {
public:
  awaitable<void> withAbseil(boost::asio::steady_timer &timer) {
    absl::MutexLock lock(&mu_);
    co_await timer.async_wait(use_awaitable); // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'mu_'}}
  }
  // Asking Asio for the coroutine's own executor does not suspend it.
  awaitable<void> withAbseilAskingItsExecutor() {
    absl::MutexLock lock(&mu_);
    auto executor = co_await boost::asio::this_coro::executor;
    boost::asio::steady_timer timer(executor);
  }
  awaitable<void> withAbseilReleased(boost::asio::steady_timer &timer) {
    mu_.Lock();
    ++refreshes_;
    mu_.Unlock();
    co_await timer.async_wait(use_awaitable);
  }
  awaitable<void> withBoost(boost::asio::steady_timer &timer) {
    boost::unique_lock<boost::mutex> lock(boostMu_);
    co_await timer.async_wait(use_awaitable); // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'boostMu_'}}
    lock.unlock();
    co_await timer.async_wait(use_awaitable);
  }
  awaitable<void> withPthread(boost::asio::steady_timer &timer) {
    pthread_mutex_lock(&raw_);
    co_await timer.async_wait(use_awaitable); // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'raw_'}}
    pthread_mutex_unlock(&raw_);
    co_await timer.async_wait(use_awaitable);
  }
  awaitable<void> withReaderLock(boost::asio::steady_timer &timer) {
    pthread_rwlock_rdlock(&table_);
    co_await timer.async_wait(use_awaitable); // expect-warning@5[modlint-lock-across-await]{{holds the 'shared' lock on 'table_'}}
    pthread_rwlock_unlock(&table_);
  }
  awaitable<void> withAnnotated(boost::asio::steady_timer &timer) {
    spin_.acquire();
    co_await timer.async_wait(use_awaitable); // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'spin_'}}
    spin_.release();
    co_await timer.async_wait(use_awaitable);
  }

private:
  absl::Mutex mu_;
  boost::mutex boostMu_;
  pthread_mutex_t raw_ = PTHREAD_MUTEX_INITIALIZER;
  pthread_rwlock_t table_ = PTHREAD_RWLOCK_INITIALIZER;
  SpinLock spin_;
  int refreshes_ = 0;
};
