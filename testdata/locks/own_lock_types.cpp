// A team's own lock types that carry no thread-safety attributes are taught
// by option: MutexTypes makes members of a type lock objects (safe to share,
// and `lock()`/`unlock()` on them acquire and release), ScopedLockTypes and
// SharedScopedLockTypes name the RAII guards that hold them.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-option: MutexTypes=app::FutexLock
// modlint-option: ScopedLockTypes=app::Hold
// modlint-option: SharedScopedLockTypes=app::ReadHold
#include <map>
#include <modrt/module.hpp>
#include <string>

namespace app {
class FutexLock {
public:
  void lock();
  void unlock();

private:
  int word_ = 0;
};
template <class M> class Hold {
public:
  explicit Hold(M &m);
  ~Hold();
};
template <class M> class ReadHold {
public:
  explicit ReadHold(M &m);
  ~ReadHold();
};
} // namespace app

class Sessions : public modrt::Module {
public:
  void open(const std::string &id) {
    app::Hold<app::FutexLock> h(lock_);
    sessions_[id] = 1;
  }
  void touch(const std::string &id) {
    lock_.lock();
    ++sessions_[id];
    lock_.unlock();
  }
  void close(const std::string &id) {
    app::ReadHold<app::FutexLock> r(lock_);
    sessions_.erase(id); // expect-warning@5[modlint-container-mutation]{{'erase' mutates container 'sessions_'}}
  }
  void count() {
    app::FutexLock local; // a local lock protects nothing
    app::Hold<app::FutexLock> h(local);
    ++opened_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'opened_'}}
  }

private:
  app::FutexLock lock_;
  std::map<std::string, int> sessions_; // expect-warning@30[modlint-mutable-member]{{'sessions_' is mutable state}}
  long opened_ = 0;                      // expect-warning@8[modlint-mutable-member]{{'opened_' is mutable state}}
};
