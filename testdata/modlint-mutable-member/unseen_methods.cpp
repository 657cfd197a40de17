// When a member function is defined in another file, a member not modified
// here may be modified there: no const advice. A modification seen here is
// still reported.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update
#include <modrt/module.hpp>
#include <string>

class SplitModule : public modrt::Module {
  std::string name_;
  int hits_ = 0; // expect-warning@7[modlint-mutable-member]{{'hits_' is mutable state}}

public:
  void handle(); // defined in another translation unit
  int count() { return ++hits_; } // expect-warning@24[modlint-nonatomic-update]{{'++' on 'hits_'}}
  const std::string &name() const { return name_; }
};
