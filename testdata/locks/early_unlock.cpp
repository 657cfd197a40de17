// unique_lock::unlock() ends protection until lock() again; a manual
// mu_.unlock() does the same. Writes after the release race.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <mutex>

class Releasing : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state}}
  int other_ = 0; // expect-warning@7[modlint-mutable-member]{{'other_' is mutable state}}

public:
  void guardRelease() {
    std::unique_lock<std::mutex> lock(mu_);
    ++count_;
    lock.unlock();
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
    lock.lock();
    ++count_;
  }
  void manual() {
    mu_.lock();
    other_ = 1;
    mu_.unlock();
    other_ = 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'other_'}}
  }
  void deferred() {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    other_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'other_'}}
    lock.lock();
    other_ = 4;
  }
  void unlockInBranch(bool stop) {
    std::unique_lock<std::mutex> lock(mu_);
    if (stop) {
      lock.unlock();
      count_ = 5; // expect-warning@7[modlint-field-assignment]{{assignment to 'count_'}}
      return;
    }
    count_ = 6;
  }
};
