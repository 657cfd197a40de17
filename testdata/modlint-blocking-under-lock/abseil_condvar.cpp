// Abseil's condition variable with its real header: CondVar::Wait(&mu_)
// releases mu_ while it waits, so a wait holding only mu_ is silent, and a
// wait while another lock stays held is reported, as for std's.
// modlint-checks: modlint-blocking-under-lock
#include "absl/synchronization/mutex.h"

class Queue {
public:
  int pop() {
    absl::MutexLock lock(&mu_);
    while (items_ == 0)
      ready_.Wait(&mu_);
    return --items_;
  }

  int popHoldingStats() {
    absl::MutexLock stats(&statsMu_);
    absl::MutexLock lock(&mu_);
    while (items_ == 0)
      ready_.Wait(&mu_); // expect-warning@7[modlint-blocking-under-lock]{{'absl::CondVar::Wait' blocks the thread while it holds the 'exclusive' lock on 'statsMu_'}}
    ++pops_;
    return --items_;
  }

private:
  absl::Mutex mu_;
  absl::Mutex statsMu_;
  absl::CondVar ready_;
  int items_ = 0;
  int pops_ = 0;
};
