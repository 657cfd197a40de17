// `mutable` lets a const member function write: still a race.
#include <modrt/module.hpp>
#include <mutex>

class CachingModule : public modrt::Module {
  mutable int lookups_ = 0; // expect-warning@15[modlint-mutable-member]{{'lookups_' is mutable state of shared module 'CachingModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  mutable std::mutex mu_;
  mutable int cached_ = 0;

public:
  int lookup() const {
    ++lookups_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'lookups_' is a non-atomic read-modify-write; every request to 'CachingModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
    std::lock_guard<std::mutex> lock(mu_);
    cached_ = 42;
    return cached_;
  }
};
