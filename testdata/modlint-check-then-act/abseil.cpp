// Abseil's reader lock, released, then its writer lock: the check made
// under ReaderMutexLock is stale under WriterMutexLock unless repeated.
// absl::MutexLock (exclusive) around check and act together is silent.
// modlint-checks: modlint-check-then-act
#include <absl/synchronization/mutex.h>
#include <modrt/module.hpp>

#include <map>
#include <string>

class Sessions : public modrt::Module {
public:
  void open(const std::string &id) {
    {
      absl::ReaderMutexLock read(&mu_);
      if (open_.contains(id))
        return;
    }
    absl::WriterMutexLock write(&mu_);
    open_[id] = 1; // expect-warning@5[modlint-check-then-act]{{'operator[]' on 'open_' acts on a check of 'open_' made under a shared lock}}
  }
  void close(const std::string &id) {
    absl::MutexLock lock(&mu_);
    if (!open_.contains(id))
      return;
    open_.erase(id);
  }
  void reopen(const std::string &id) {
    {
      absl::ReaderMutexLock read(&mu_);
      if (open_.contains(id))
        return;
    }
    absl::WriterMutexLock write(&mu_);
    if (open_.contains(id))
      return;
    open_[id] = 2;
  }

private:
  absl::Mutex mu_;
  std::map<std::string, int> open_;
};
