// A guard protects until the end of its block, not beyond it; a lock taken
// in one branch does not protect the other branch or the code after it.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update, modlint-field-assignment, modlint-container-mutation
#include <modrt/module.hpp>
#include <mutex>

class Scoped : public modrt::Module {
  std::mutex mu_;
  int count_ = 0; // expect-warning@7[modlint-mutable-member]{{'count_' is mutable state}}

public:
  void block() {
    {
      std::lock_guard<std::mutex> g(mu_);
      ++count_;
    }
    ++count_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'count_'}}
  }
  void branches(bool fast) {
    if (fast) {
      std::lock_guard<std::mutex> g(mu_);
      count_ = 1;
    } else {
      count_ = 2; // expect-warning@7[modlint-field-assignment]{{assignment to 'count_'}}
    }
    count_ = 3; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_'}}
  }
  void beforeLock() {
    count_ = 4; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_'}}
    std::lock_guard<std::mutex> g(mu_);
    count_ = 5;
  }
  void ifInit(bool ok) {
    if (std::lock_guard<std::mutex> g(mu_); ok)
      count_ = 6;
    else
      count_ = 7;
    count_ = 8; // expect-warning@5[modlint-field-assignment]{{assignment to 'count_'}}
  }
  void loop(int n) {
    for (int i = 0; i < n; ++i) {
      std::lock_guard<std::mutex> g(mu_);
      count_ += i;
    }
    while (n-- > 0)
      count_ -= 1; // expect-warning@7[modlint-nonatomic-update]{{'-=' on 'count_'}}
  }
};
