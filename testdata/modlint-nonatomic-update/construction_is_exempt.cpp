// Constructors and destructors run before and after the instance is
// shared, and so do the methods named in InitMethods.
// modlint-option: InitMethods=configure;app::Warmup::prime
#include <modrt/module.hpp>

class SetupModule : public modrt::Module {
  int retries_ = 0; // expect-warning@7[modlint-mutable-member]{{'retries_' is mutable state of shared module 'SetupModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}
  int warmups_ = 0; // expect-warning@7[modlint-mutable-member]{{'warmups_' is mutable state of shared module 'SetupModule' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  SetupModule() {
    ++retries_;
    retries_ += 2;
  }
  ~SetupModule() { --retries_; }
  void configure(int n) { retries_ += n; warmups_++; }
  void serve() { retries_++; } // expect-warning@18[modlint-nonatomic-update]{{'++' on 'retries_' is a non-atomic read-modify-write; every request to 'SetupModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
  void prime() { ++warmups_; } // expect-warning@18[modlint-nonatomic-update]{{'++' on 'warmups_' is a non-atomic read-modify-write; every request to 'SetupModule' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};

namespace app {
class Warmup : public modrt::Module {
  int primed_ = 0; // expect-warning@7[modlint-mutable-member]{{'primed_' is mutable state of shared module 'Warmup' and is modified outside construction without a held lock; every concurrent request reads and writes it: make it std::atomic, guard every write with a member mutex, or move it to request-local state}}

public:
  void prime() { ++primed_; }
  void serve() { primed_ += 1; } // expect-warning@18[modlint-nonatomic-update]{{'+=' on 'primed_' is a non-atomic read-modify-write; every request to 'Warmup' shares it, so concurrent requests can read the same value and lose updates: keep the data request-local (request context or session), make it std::atomic, or hold a member mutex while writing}}
};
} // namespace app
