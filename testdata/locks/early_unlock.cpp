// unique_lock::unlock() ends protection until lock() again; a manual
// mu_.unlock() does the same. Writes after the release race.
#include <modrt/module.hpp>
#include <mutex>

class Releasing : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state of shared module 'Releasing' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int other_ = 0; // expect-warning@7[modlint-mutable-member]{{'other_' is mutable state of shared module 'Releasing' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void guardRelease() {
    std::unique_lock<std::mutex> lock(mu_);
    ++count_;
    lock.unlock();
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_' is a non-atomic read-modify-write; every request to 'Releasing' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    lock.lock();
    ++count_;
  }
  void manual() {
    mu_.lock();
    other_ = 1;
    mu_.unlock();
    other_ = 2; // expect-warning@5[modlint-field-assignment]{{assignment to 'other_' writes state that every request to 'Releasing' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  }
  void deferred() {
    std::unique_lock<std::mutex> lock(mu_, std::defer_lock);
    other_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'other_' writes state that every request to 'Releasing' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    lock.lock();
    other_ = 4;
  }
  void unlockInBranch(bool stop) {
    std::unique_lock<std::mutex> lock(mu_);
    if (stop) {
      lock.unlock();
      count_ = 5; // expect-warning@7[modlint-field-assignment]{{assignment to 'count_' writes state that every request to 'Releasing' shares; concurrent requests overwrite each other's value and can read it half-written: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
      return;
    }
    count_ = 6;
  }
};
