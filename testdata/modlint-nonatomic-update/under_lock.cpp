// A read-modify-write under a held lock on a member mutex is safe.
// modlint-checks: modlint-nonatomic-update
#include <modrt/module.hpp>
#include <mutex>

class LockedCounter : public modrt::Module {
  std::mutex mu_;
  int count_ = 0;
  long total_ = 0;

public:
  int handle(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    ++count_;
    total_ += n;
    return count_;
  }
  void other(int n) {
    std::scoped_lock lock(mu_);
    count_--;
    total_ -= n;
  }
};
