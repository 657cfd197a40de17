// `mutable` lets a const member function write: still a race.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update
#include <modrt/module.hpp>
#include <mutex>

class CachingModule : public modrt::Module {
  mutable int lookups_ = 0; // expect-warning@15[modlint-mutable-member]{{'lookups_' is mutable state}}
  mutable std::mutex mu_;
  mutable int cached_ = 0;

public:
  int lookup() const {
    ++lookups_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'lookups_'}}
    std::lock_guard<std::mutex> lock(mu_);
    cached_ = 42;
    return cached_;
  }
};
