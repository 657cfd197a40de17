// Constructors and destructors run before and after the instance is
// shared, and so do the methods named in InitMethods.
// modlint-checks: modlint-mutable-member, modlint-nonatomic-update
// modlint-option: InitMethods=configure;app::Warmup::prime
#include <modrt/module.hpp>

class SetupModule : public modrt::Module {
  int retries_ = 0; // expect-warning@7[modlint-mutable-member]{{'retries_' is mutable state}}
  int warmups_ = 0; // expect-warning@7[modlint-mutable-member]{{'warmups_' is mutable state}}

public:
  SetupModule() {
    ++retries_;
    retries_ += 2;
  }
  ~SetupModule() { --retries_; }
  void configure(int n) { retries_ += n; warmups_++; }
  void serve() { retries_++; } // expect-warning@18[modlint-nonatomic-update]{{'++' on 'retries_'}}
  void prime() { ++warmups_; } // expect-warning@18[modlint-nonatomic-update]{{'++' on 'warmups_'}}
};

namespace app {
class Warmup : public modrt::Module {
  int primed_ = 0; // expect-warning@7[modlint-mutable-member]{{'primed_' is mutable state}}

public:
  void prime() { ++primed_; }
  void serve() { primed_ += 1; } // expect-warning@18[modlint-nonatomic-update]{{'+=' on 'primed_'}}
};
} // namespace app
