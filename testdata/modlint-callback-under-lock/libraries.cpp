// Callbacks of real libraries under real libraries' locks: Abseil's
// AnyInvocable and FunctionRef under absl::MutexLock, Boost's function
// under boost::mutex, a std::function of a class template's parameter
// type under a pthread mutex, and a std::function held by a
// std::shared_ptr. Silent: each called after its lock is released.
// modlint-checks: modlint-callback-under-lock
#include "absl/functional/any_invocable.h"
#include "absl/functional/function_ref.h"
#include "absl/synchronization/mutex.h"
#include <boost/function.hpp>
#include <boost/thread/locks.hpp>
#include <boost/thread/mutex.hpp>
#include <functional>
#include <memory>
#include <pthread.h>
#include <string>
#include <utility>

class Reactor {
public:
  void finish(absl::FunctionRef<void(int)> visit) {
    absl::MutexLock lock(&mu_);
    done_(status_); // expect-warning@5[modlint-callback-under-lock]{{'done_' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held}}
    visit(status_); // expect-warning@5[modlint-callback-under-lock]{{'visit' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held}}
  }

  void finishLater() {
    absl::AnyInvocable<void(int)> done;
    int status = 0;
    {
      absl::MutexLock lock(&mu_);
      done = std::move(done_);
      status = status_;
    }
    done(status);
  }

private:
  absl::Mutex mu_;
  int status_ = 0;
  absl::AnyInvocable<void(int)> done_;
};

class Timer {
public:
  void fire() {
    boost::lock_guard<boost::mutex> guard(mu_);
    onTick_(); // expect-warning@5[modlint-callback-under-lock]{{'onTick_' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held}}
    (*onStop_)(); // expect-warning@5[modlint-callback-under-lock]{{'(*onStop_)' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held}}
  }

  void fireUnlocked() {
    boost::unique_lock<boost::mutex> lock(mu_);
    boost::function<void()> tick = onTick_;
    lock.unlock();
    tick();
  }

private:
  boost::mutex mu_;
  boost::function<void()> onTick_;
  std::shared_ptr<std::function<void()>> onStop_;
};

template <class T> class Channel {
public:
  void deliver(const T &message) {
    pthread_mutex_lock(&mu_);
    last_ = message;
    onMessage_(message); // expect-warning@5[modlint-callback-under-lock]{{'onMessage_' (a type-erased callable) is called while the 'exclusive' lock on 'mu_' is held}}
    pthread_mutex_unlock(&mu_);
    onMessage_(message);
  }

private:
  pthread_mutex_t mu_ = PTHREAD_MUTEX_INITIALIZER;
  T last_{};
  std::function<void(const T &)> onMessage_;
};

template class Channel<std::string>;
