// A try-lock holds its lock object where the attempt succeeded: in the
// branch of the test that succeeded, and after an early exit on failure. A
// write in the failure branch, or after a test that does not exit, is
// unprotected. std, Abseil and pthread forms alike.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

#include "absl/synchronization/mutex.h"
#include <chrono>
#include <mutex>
#include <pthread.h>

using namespace std::chrono_literals;

class Throttle : public modrt::Module {
public:
  void tryCount() {
    if (mu_.try_lock_for(5ms)) {
      ++granted_;
      mu_.unlock();
    } else {
      ++refused_; // expect-warning@7[modlint-nonatomic-update]{{'++' on 'refused_'}}
    }
  }
  void tryOrLeave() {
    if (!mu_.try_lock())
      return;
    ++granted_;
    mu_.unlock();
  }
  void tryAndGoOn() {
    if (!mu_.try_lock()) {
      ++refused_; // expect-warning@7[modlint-nonatomic-update]{{'++' on 'refused_'}}
    }
    ++granted_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'granted_'}}
  }
  void tryAbseil() {
    if (amu_.TryLock()) {
      ++granted_;
      amu_.Unlock();
    }
  }
  void tryPthread() {
    if (pthread_mutex_trylock(&pmu_) == 0) {
      ++granted_;
      pthread_mutex_unlock(&pmu_);
    }
    if (pthread_mutex_trylock(&pmu_))
      ++refused_; // expect-warning@7[modlint-nonatomic-update]{{'++' on 'refused_'}}
  }

private:
  std::timed_mutex mu_;
  absl::Mutex amu_;
  pthread_mutex_t pmu_ = PTHREAD_MUTEX_INITIALIZER;
  long granted_ = 0; // expect-warning@8[modlint-mutable-member]{{'granted_' is mutable state}}
  long refused_ = 0; // expect-warning@8[modlint-mutable-member]{{'refused_' is mutable state}}
};
