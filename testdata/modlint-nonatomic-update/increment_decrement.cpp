// ++ and -- on a plain int member, in every spelling.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update
#include <modrt/module.hpp>

class CounterModule : public modrt::Module {
  int requests_ = 0; // expect-warning@7[modlint-mutable-member]{{'requests_' is mutable state}}
  long pending_ = 0; // expect-warning@8[modlint-mutable-member]{{'pending_' is mutable state}}

public:
  int handle() {
    ++requests_; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'requests_'}}
    requests_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'requests_'}}
    this->requests_++; // expect-warning@5[modlint-nonatomic-update]{{'++' on 'requests_'}}
    --pending_; // expect-warning@5[modlint-nonatomic-update]{{'--' on 'pending_'}}
    pending_--; // expect-warning@5[modlint-nonatomic-update]{{'--' on 'pending_'}}
    return requests_;
  }
};
