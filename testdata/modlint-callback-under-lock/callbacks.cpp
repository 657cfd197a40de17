// Code the class does not control, called while a lock is held: a
// std::function, a function pointer, a pointer to another object's member
// function, a callable of template-parameter type (also a generic lambda's
// `auto`), std::invoke on one, a virtual method of another object (through
// a pointer, a smart pointer or a reference), and the team's own
// dispatchers (CallbackFunctions). Silent: the same calls after the lock is
// released (snapshot, then notify), under an automatic local mutex, in a
// lambda that runs later, and calls whose code the class chose: a lambda
// of its own, a virtual method of *this, a qualified Base::f(), a final
// class, an object held by value, the library's own virtuals.
// modlint-checks: modlint-callback-under-lock
// modlint-option: CallbackFunctions=app::Bus::publish*
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

namespace app {
struct Bus {
  void publishEvent(const std::string &topic);
  void count();
};
} // namespace app

struct Listener {
  virtual ~Listener() = default;
  virtual void onEvent(int value) = 0;
};

struct Sink final : Listener {
  void onEvent(int value) override;
};

class Counter {
public:
  virtual void bump();
};

class Subject {
public:
  void set(int value) {
    std::lock_guard<std::mutex> guard(mu_);
    value_ = value;
    onChange_(value); // expect-warning@5[modlint-callback-under-lock]={{'onChange_' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held, so code this class does not control runs under it: if that code takes the lock again it deadlocks, and every other thread waits as long as it runs; copy what the call needs under the lock, release the lock, then call (snapshot, then notify)}}
    onRaw_(value); // expect-warning@5[modlint-callback-under-lock]={{'onRaw_' (a function pointer) is called while the 'exclusive' lock on 'mu_' is held, so code this class does not control runs under it: if that code takes the lock again it deadlocks, and every other thread waits as long as it runs; copy what the call needs under the lock, release the lock, then call (snapshot, then notify)}}
    std::invoke(onChange_, value); // expect-warning@5[modlint-callback-under-lock]{{'onChange_' (a type-erased callable) is called while the 'exclusive' lock on 'mu_'}}
    for (const auto &listener : listeners_)
      listener->onEvent(value); // expect-warning@7[modlint-callback-under-lock]={{'listener->onEvent' (a virtual method of another object) is called while the 'exclusive' lock on 'mu_' is held, so code this class does not control runs under it: if that code takes the lock again it deadlocks, and every other thread waits as long as it runs; copy what the call needs under the lock, release the lock, then call (snapshot, then notify)}}
    (target_->*handler_)(value); // expect-warning@5[modlint-callback-under-lock]{{'handler_' (a function pointer) is called}}
    bus_.publishEvent("set"); // expect-warning@5[modlint-callback-under-lock]={{'app::Bus::publishEvent' (one of CallbackFunctions) is called while the 'exclusive' lock on 'mu_' is held, so code this class does not control runs under it: if that code takes the lock again it deadlocks, and every other thread waits as long as it runs; copy what the call needs under the lock, release the lock, then call (snapshot, then notify)}}
    bus_.count();
  }

  // The Go seed's notify: snapshot under the lock, fan out without it.
  void notify(int value) {
    std::function<void(int)> callback;
    std::vector<std::shared_ptr<Listener>> snapshot;
    {
      std::lock_guard<std::mutex> guard(mu_);
      callback = onChange_;
      snapshot = listeners_;
    }
    callback(value);
    for (const auto &listener : snapshot)
      listener->onEvent(value);
  }

  void unlockFirst(int value) {
    std::unique_lock<std::mutex> lock(mu_);
    auto callback = onChange_;
    lock.unlock();
    callback(value);
    onRaw_(value);
  }

  int read(Listener &observer) const {
    std::shared_lock<std::shared_mutex> reading(stateMu_);
    observer.onEvent(value_); // expect-warning@5[modlint-callback-under-lock]{{'observer.onEvent' (a virtual method of another object) is called while the 'shared' lock on 'stateMu_' is held}}
    return value_;
  }

  template <class F> void withLock(F &&f) {
    std::lock_guard<std::mutex> guard(mu_);
    f(value_); // expect-warning@5[modlint-callback-under-lock]={{'f' (a callable of template-parameter type) is called while the 'exclusive' lock on 'mu_' is held, so code this class does not control runs under it: if that code takes the lock again it deadlocks, and every other thread waits as long as it runs; copy what the call needs under the lock, release the lock, then call (snapshot, then notify)}}
  }

  template <class F> void forwarded(F &&f) {
    std::lock_guard<std::mutex> guard(mu_);
    std::forward<F>(f)(value_); // expect-warning@5[modlint-callback-under-lock]{{'std::forward<F>(f)' (a callable of template-parameter type)}}
  }

  void generic() {
    auto visit = [this](auto &&fn) {
      std::lock_guard<std::mutex> guard(mu_);
      fn(value_); // expect-warning@7[modlint-callback-under-lock]{{'fn' (a callable of template-parameter type)}}
    };
    visit([](int) {});
  }

  void ownCode(Sink &sink, Counter counter) {
    std::lock_guard<std::mutex> guard(mu_);
    auto log = [this](int v) { value_ = v; };
    log(1);
    refresh();
    this->refresh();
    Subject::refresh();
    sink.onEvent(value_);
    counter.bump();
    local_.bump();
    (this->*own_)();
    try {
      throw std::runtime_error("x");
    } catch (const std::exception &error) {
      last_ = error.what();
    }
  }

  void later() {
    std::lock_guard<std::mutex> guard(mu_);
    std::thread([callback = onChange_] { callback(1); }).detach();
    [this] { onChange_(2); }(); // expect-warning@14[modlint-callback-under-lock]{{'onChange_' (a type-erased callable) is called}}
  }

  void localMutex() {
    std::mutex scratch;
    std::lock_guard<std::mutex> guard(scratch);
    onChange_(1);
  }

protected:
  virtual void refresh();

private:
  mutable std::mutex mu_;
  mutable std::shared_mutex stateMu_;
  int value_ = 0;
  std::string last_;
  std::function<void(int)> onChange_;
  void (*onRaw_)(int) = nullptr;
  Listener *target_ = nullptr;
  void (Listener::*handler_)(int) = nullptr;
  void (Subject::*own_)() = nullptr;
  std::vector<std::shared_ptr<Listener>> listeners_;
  Counter local_;
  app::Bus bus_;
};

// Every function, not only a module's: a free function under a global lock.
std::mutex registryMu;
std::vector<std::function<void()>> hooks;

void runHooks() {
  std::lock_guard<std::mutex> guard(registryMu);
  for (auto &hook : hooks)
    hook(); // expect-warning@5[modlint-callback-under-lock]{{'hook' (a type-erased callable) is called while the 'exclusive' lock on 'registryMu' is held}}
}
