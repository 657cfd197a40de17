// A team's own lock type and guard, annotated with Clang's thread-safety
// attributes, work with no configuration: the lock is a lock object, its
// scoped_lockable guard and its acquire/release methods protect writes,
// and a helper annotated as requiring the lock runs with it held. A
// shared acquisition protects no write.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

#include <mutex>

namespace team {
class __attribute__((capability("mutex"))) SpinLock {
public:
  void acquire() __attribute__((acquire_capability()));
  void release() __attribute__((release_capability()));
  void acquireShared() __attribute__((acquire_shared_capability()));
  void releaseShared() __attribute__((release_shared_capability()));
};

class __attribute__((scoped_lockable)) Hold {
public:
  explicit Hold(SpinLock *lock) __attribute__((acquire_capability(lock))) : lock_(lock) {
    lock_->acquire();
  }
  ~Hold() __attribute__((release_capability())) { lock_->release(); }

private:
  SpinLock *lock_;
};
} // namespace team

class Ledger : public modrt::Module {
public:
  void credit(long amount) {
    team::Hold hold(&lock_);
    balance_ += amount;
  }
  void debit(long amount) {
    lock_.acquire();
    balance_ -= amount;
    lock_.release();
  }
  void settle() __attribute__((requires_capability(lock_))) { entries_ = 0; }
  void audit() {
    lock_.acquireShared();
    ++entries_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'entries_'}}
    lock_.releaseShared();
  }

private:
  team::SpinLock lock_;
  long balance_ = 0;
  long entries_ = 0; // expect-warning@8[modlint-mutable-member]{{'entries_' is mutable state}}
};
