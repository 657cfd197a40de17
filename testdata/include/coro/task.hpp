// A minimal coroutine task of the testdata's own: eager, never suspends at
// its start or end, and awaits a `Yield` that suspends once. Enough for the
// lock-scope tests to have a suspension point without a library.
#pragma once
#include <coroutine>

namespace coro {

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

struct Generator {
  struct promise_type {
    int current = 0;
    Generator get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(int value) {
      current = value;
      return {};
    }
    void return_void() {}
    void unhandled_exception() {}
  };
};

/// An awaitable that suspends and is resumed by someone else.
struct Yield {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};

} // namespace coro
