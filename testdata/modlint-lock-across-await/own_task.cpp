// A coroutine suspended while it holds a lock: with a task type of the
// testdata's own (coro/task.hpp). Every lock object another thread can
// wait on counts, exclusive or shared: a member, a global, a static local,
// one reached through a reference or pointer. Silent: a lock released
// before the suspension (unlock(), end of scope), a defer_lock guard not
// yet locked, an automatic local mutex, a coroutine-aware mutex named in
// AwaitSafeLockTypes, and a lambda coroutine's own suspensions, which are
// checked with the lambda (it starts with no lock).
// clang-tidy's cppcoreguidelines-no-suspend-with-lock runs on the same
// input (peer-warning records what it finds): it reports the suspension
// after unlock(), under a defer_lock guard never locked, under an
// awaitable-safe mutex and under an automatic local mutex, and misses the
// manual lock() and the locks std::scoped_lock takes.
// modlint-checks: modlint-lock-across-await
// modlint-peer: cppcoreguidelines-no-suspend-with-lock
// modlint-option: AwaitSafeLockTypes=app::AsyncMutex
#include <coro/task.hpp>
#include <mutex>
#include <shared_mutex>

namespace app {
/// A coroutine-aware mutex: its waiters suspend instead of blocking.
class AsyncMutex {
public:
  void lock() {}
  void unlock() {}
};
} // namespace app

std::mutex registryMu;

class Poller {
public:
  coro::Task poll() {
    std::lock_guard<std::mutex> guard(mu_);
    co_await coro::Yield{}; // expect-warning@5[modlint-lock-across-await]={{'co_await' suspends the coroutine while it holds the 'exclusive' lock on 'mu_'; until it resumes, every other thread that takes the lock waits, and the coroutine may resume on a thread that does not own it: release the lock before suspending (end the guard's scope or call unlock()), and take it again after}} peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  }

  coro::Task pollManually() {
    mu_.lock();
    co_await coro::Yield{}; // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'mu_'}}
    mu_.unlock();
  }

  coro::Task pollAfterUnlock() {
    std::unique_lock<std::mutex> lock(mu_);
    ++polls_;
    lock.unlock();
    co_await coro::Yield{}; // peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
    lock.lock();
    co_await coro::Yield{}; // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'mu_'}} peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  }

  coro::Task pollDeferred() {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    co_await coro::Yield{}; // peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
    lock.lock();
    ++polls_;
  }

  coro::Task pollInScope() {
    {
      std::lock_guard<std::mutex> guard(mu_);
      ++polls_;
    }
    co_await coro::Yield{};
  }

  coro::Task pollShared() {
    std::shared_lock<std::shared_mutex> reading(rw_);
    co_await coro::Yield{}; // expect-warning@5[modlint-lock-across-await]{{'co_await' suspends the coroutine while it holds the 'shared' lock on 'rw_'}} peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  }

  coro::Task pollSharedReleased() {
    std::shared_lock<std::shared_mutex> reading(rw_);
    int seen = polls_;
    reading.unlock();
    co_await coro::Yield{}; // peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
    polls_ += seen;
  }

  coro::Generator values() {
    std::lock_guard<std::mutex> guard(mu_);
    co_yield polls_; // expect-warning@5[modlint-lock-across-await]{{'co_yield' suspends the coroutine while it holds the 'exclusive' lock on 'mu_'}} peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  }

  coro::Task pollAsync() {
    std::lock_guard<app::AsyncMutex> guard(async_);
    co_await coro::Yield{}; // peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  }

private:
  std::mutex mu_;
  std::shared_mutex rw_;
  app::AsyncMutex async_;
  int polls_ = 0;
};

coro::Task refresh(std::mutex &shared, std::mutex *other) {
  {
    std::lock_guard<std::mutex> guard(shared);
    co_await coro::Yield{}; // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'shared'}} peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  }
  std::lock_guard<std::mutex> guard(*other);
  co_await coro::Yield{}; // expect-warning@3[modlint-lock-across-await]{{holds the 'exclusive' lock on '*other'}} peer-warning@3[cppcoreguidelines-no-suspend-with-lock]
}

coro::Task reload() {
  static std::mutex cacheMu;
  std::scoped_lock both(registryMu, cacheMu);
  co_await coro::Yield{}; // expect-warning@3[modlint-lock-across-await]{{holds the 'exclusive' lock on 'registryMu'}}
}

coro::Task localOnly() {
  std::mutex scratch;
  std::lock_guard<std::mutex> guard(scratch);
  co_await coro::Yield{}; // peer-warning@3[cppcoreguidelines-no-suspend-with-lock]
}

void spawn() {
  std::lock_guard<std::mutex> guard(registryMu);
  auto job = []() -> coro::Task {
    co_await coro::Yield{};
  };
  auto locked = []() -> coro::Task {
    std::lock_guard<std::mutex> inner(registryMu);
    co_await coro::Yield{}; // expect-warning@5[modlint-lock-across-await]{{holds the 'exclusive' lock on 'registryMu'}} peer-warning@5[cppcoreguidelines-no-suspend-with-lock]
  };
  job();
  locked();
}
