// A guard built with std::try_to_lock holds its lock only where the test of
// its success passed (`lk.owns_lock()`, `if (lk)`, `lk.try_lock()`, or
// after an early exit on failure); one built with std::defer_lock holds it
// after `lk.lock()` or `std::lock(l1, l2)`; std::adopt_lock takes over a
// lock already held; a guard returned by the module's own function holds
// the lock that function took.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <mutex>

class Meter : public modrt::Module {
public:
  void tryGuard() {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (lk.owns_lock())
      ++hits_;
    else
      ++misses_; // expect-warning@7[modlint-nonatomic-update]{{'++' on 'misses_'}}
    ++misses_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'misses_'}}
  }
  void tryGuardUnchecked() {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    ++hits_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits_'}}
  }
  void tryGuardBool() {
    std::unique_lock<std::mutex> lk(mu_, std::try_to_lock);
    if (!lk)
      return;
    ++hits_;
  }
  void tryGuardLater() {
    std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
    if (lk.try_lock()) {
      ++hits_;
    }
  }
  void bothDeferred() {
    std::unique_lock<std::mutex> a(mu_, std::defer_lock);
    std::unique_lock<std::mutex> b(other_, std::defer_lock);
    ++hits_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'hits_'}}
    std::lock(a, b);
    ++hits_;
  }
  void fromFactory() {
    auto lk = lockState(); // a guard made by the module's own function
    ++hits_;
  }
  void adopted() {
    mu_.lock();
    std::lock_guard<std::mutex> g(mu_, std::adopt_lock);
    ++hits_;
  }

private:
  std::unique_lock<std::mutex> lockState() { return std::unique_lock<std::mutex>(mu_); }

  std::mutex mu_, other_;
  long hits_ = 0;   // expect-warning@8[modlint-mutable-member]{{'hits_' is mutable state}}
  long misses_ = 0; // expect-warning@8[modlint-mutable-member]{{'misses_' is mutable state}}
};
