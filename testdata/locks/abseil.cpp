// Abseil's locks, with Abseil's own headers: absl::Mutex is a lock object,
// not mutable state; a write under absl::MutexLock, between Lock() and
// Unlock(), or in a function annotated ABSL_EXCLUSIVE_LOCKS_REQUIRED is
// protected. A ReaderMutexLock protects no write, nor does a write after
// Unlock() or under another object's mutex.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>

#include "absl/synchronization/mutex.h"
#include <map>
#include <string>

class SessionTable : public modrt::Module {
public:
  void open(const std::string &id) {
    absl::MutexLock lock(&mu_);
    ++opened_;
    owners_[id] = "me";
  }
  void close(const std::string &id) {
    mu_.Lock();
    owners_.erase(id);
    mu_.Unlock();
    ++closed_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'closed_'}}
  }
  void countOpened() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) { ++opened_; }
  void peek() {
    absl::ReaderMutexLock lock(&mu_);
    last_ = "peeked"; // expect-warning@5[modlint-field-assignment]{{assignment to 'last_'}}
  }
  void other(SessionTable &peer) {
    absl::MutexLock lock(&peer.mu_);
    ++opened_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'opened_'}}
  }

private:
  absl::Mutex mu_;
  absl::CondVar changed_;
  int opened_ = 0; // expect-warning@7[modlint-mutable-member]{{'opened_' is mutable state}}
  int closed_ = 0; // expect-warning@7[modlint-mutable-member]{{'closed_' is mutable state}}
  std::string last_; // expect-warning@15[modlint-mutable-member]{{'last_' is mutable state}}
  std::map<std::string, std::string> owners_;
};

// ABSL_GUARDED_BY: Clang's analysis checks these writes; every check of
// modlint leaves them to it alike.
class Guarded : public modrt::Module {
public:
  void bump() { ++hits_; }
  void reset() { hits_ = 0; }

private:
  absl::Mutex mu_;
  int hits_ ABSL_GUARDED_BY(mu_) = 0;
};
