// One unlocked write is enough: the member is not guarded.
// modlint-checks: modlint-mutable-member, modlint-field-assignment
#include <modrt/module.hpp>
#include <mutex>

class HalfLocked : public modrt::Module {
  std::mutex mu_;
  int total_ = 0; // expect-warning@7[modlint-mutable-member]{{'total_' is mutable state}}

public:
  void add(int n) {
    std::lock_guard<std::mutex> lock(mu_);
    total_ += n;
  }
  void reset() { total_ = 0; } // expect-warning@18[modlint-field-assignment]{{assignment to 'total_'}}
};
