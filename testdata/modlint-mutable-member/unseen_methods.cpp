// When a member function is defined in another file, a member not modified
// here may be modified there: no const advice. A modification seen here is
// still reported.
#include <modrt/module.hpp>
#include <string>

class SplitModule : public modrt::Module {
  std::string name_;
  int hits_ = 0; // expect-warning@7[modlint-mutable-member]{{'hits_' is mutable state of shared module 'SplitModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void handle(); // defined in another translation unit
  int count() { return ++hits_; } // expect-warning@24[modlint-nonatomic-update]{{'++' on 'hits_' is a non-atomic read-modify-write; every request to 'SplitModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  const std::string &name() const { return name_; }
};
