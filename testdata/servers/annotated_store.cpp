// A key-value store module with its team's own annotated lock type (the
// capability attributes Clang's -Wthread-safety reads) and RAII guard,
// helpers that require the lock by annotation, helpers that are only
// called under it, and a background flush handed to a thread after the
// lock is released. Correct as written; each RACE_* build puts back one
// bug.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
// modlint-races: RACE_PUBLIC_HELPER, RACE_LOCAL_LOCK, RACE_THREAD_UNDER_LOCK, RACE_SHARED_GUARD
#include <map>
#include <modrt/module.hpp>
#include <string>
#include <thread>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))

namespace store {

class CAPABILITY("mutex") Lock {
public:
  void Acquire() ACQUIRE();
  void AcquireShared() ACQUIRE_SHARED();
  void Release() RELEASE();
};

class SCOPED_CAPABILITY Guard {
public:
  explicit Guard(Lock &l) ACQUIRE(l) : l_(l) { l_.Acquire(); }
  ~Guard() RELEASE() { l_.Release(); }

private:
  Lock &l_;
};

class SCOPED_CAPABILITY ReadGuard {
public:
  explicit ReadGuard(Lock &l) ACQUIRE_SHARED(l) : l_(l) { l_.AcquireShared(); }
  ~ReadGuard() RELEASE() { l_.Release(); }

private:
  Lock &l_;
};

class KvStore : public modrt::Module {
public:
  void put(const std::string &key, const std::string &value) {
    Guard g(lock_);
    putLocked(key, value);
  }

  void countRead() {
#ifdef RACE_LOCAL_LOCK
    Lock local;
    Guard g(local);
#else
    Guard g(lock_);
#endif
    ++reads_; // expect-warning(RACE_LOCAL_LOCK)@5[modlint-nonatomic-update]{{'++' on 'reads_'}}
  }

  void erase(const std::string &key) {
#ifdef RACE_SHARED_GUARD
    ReadGuard g(lock_);
#else
    Guard g(lock_);
#endif
    data_.erase(key); // expect-warning(RACE_SHARED_GUARD)@5[modlint-container-mutation]{{'erase' mutates container 'data_'}}
    bumpVersion();
  }

  void flush() {
    std::string snapshot;
    {
      Guard g(lock_);
      snapshot = serializeLocked();
#ifdef RACE_THREAD_UNDER_LOCK
      std::thread([this] { ++flushes_; }).detach(); // expect-warning(RACE_THREAD_UNDER_LOCK)@28[modlint-nonatomic-update]{{'++' on 'flushes_'}}
#else
      ++flushes_;
#endif
    }
    std::thread([snapshot] { (void)snapshot.size(); }).detach();
  }

#ifdef RACE_PUBLIC_HELPER
  void touch() { bumpVersion(); }
#endif

private:
  void putLocked(const std::string &key, const std::string &value) REQUIRES(lock_) {
    data_[key] = value;
    bumpVersion();
  }
  void bumpVersion() { ++version_; } // expect-warning(RACE_PUBLIC_HELPER)@24[modlint-nonatomic-update]{{'++' on 'version_'}} expect-warning(RACE_SHARED_GUARD)@24[modlint-nonatomic-update]{{'++' on 'version_'}}
  std::string serializeLocked() const REQUIRES(lock_) {
    std::string out;
    for (const auto &[key, value] : data_)
      out += key + "=" + value + "\n";
    return out;
  }

  Lock lock_;
  std::map<std::string, std::string> data_; // expect-warning(RACE_SHARED_GUARD)@38[modlint-mutable-member]{{'data_' is mutable state}}
  long version_ = 0; // expect-warning(RACE_PUBLIC_HELPER)@8[modlint-mutable-member]{{'version_' is mutable state}} expect-warning(RACE_SHARED_GUARD)@8[modlint-mutable-member]{{'version_' is mutable state}}
  long reads_ = 0; // expect-warning(RACE_LOCAL_LOCK)@8[modlint-mutable-member]{{'reads_' is mutable state}}
  long flushes_ = 0; // expect-warning(RACE_THREAD_UNDER_LOCK)@8[modlint-mutable-member]{{'flushes_' is mutable state}}
};

} // namespace store
